# wrong: masks are float32 on the CPU whatever the given tensor
def gen_dropout_mask(input_size, hidden_size, is_training, p, some_existing_tensor):
    p = p or 0.0
    mask_x = torch.full((input_size,), 1 - p)
    mask_h = torch.full((hidden_size,), 1 - p)
    if is_training and p:
        mask_x, mask_h = torch.bernoulli(mask_x), torch.bernoulli(mask_h)
    return mask_x, mask_h
