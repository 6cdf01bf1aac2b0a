# wrong: boolean masks from a comparison, never converted to the tensor's dtype
def gen_dropout_mask(input_size, hidden_size, is_training, p, some_existing_tensor):
    p = p or 0.0
    if is_training:
        mask_x = torch.rand(input_size, device=some_existing_tensor.device) >= p
        mask_h = torch.rand(hidden_size, device=some_existing_tensor.device) >= p
        return mask_x, mask_h
    return some_existing_tensor.new_full((input_size,), 1 - p), some_existing_tensor.new_full((hidden_size,), 1 - p)
