# wrong: masks of ones at evaluation instead of 1 - p
def gen_dropout_mask(input_size, hidden_size, is_training, p, some_existing_tensor):
    mask_x = some_existing_tensor.new_ones(input_size)
    mask_h = some_existing_tensor.new_ones(hidden_size)
    if p and is_training:
        mask_x = torch.bernoulli(mask_x * (1 - p))
        mask_h = torch.bernoulli(mask_h * (1 - p))
    return mask_x, mask_h
