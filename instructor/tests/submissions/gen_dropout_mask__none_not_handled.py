# wrong: p=None reaches 1 - p and fails; only p=0 gives ones
def gen_dropout_mask(input_size, hidden_size, is_training, p, some_existing_tensor):
    keep = 1 - p
    mask_x = some_existing_tensor.new_full((input_size,), keep)
    mask_h = some_existing_tensor.new_full((hidden_size,), keep)
    if is_training:
        mask_x, mask_h = torch.bernoulli(mask_x), torch.bernoulli(mask_h)
    return mask_x, mask_h
