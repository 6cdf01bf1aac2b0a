# wrong: a generator seeded inside the function gives the same masks on every call
def gen_dropout_mask(input_size, hidden_size, is_training, p, some_existing_tensor):
    mask_x = some_existing_tensor.new_ones(input_size)
    mask_h = some_existing_tensor.new_ones(hidden_size)
    if p:
        if is_training:
            generator = torch.Generator().manual_seed(42)  # "for reproducibility"
            mask_x = torch.bernoulli(mask_x * (1 - p), generator=generator)
            mask_h = torch.bernoulli(mask_h * (1 - p), generator=generator)
        else:
            mask_x, mask_h = mask_x * (1 - p), mask_h * (1 - p)
    return mask_x, mask_h
