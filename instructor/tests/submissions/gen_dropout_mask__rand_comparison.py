# correct: uniform noise compared with p, converted to the tensor's dtype
def gen_dropout_mask(input_size, hidden_size, is_training, p, some_existing_tensor):
    like = dict(dtype=some_existing_tensor.dtype, device=some_existing_tensor.device)
    if not p:
        return torch.ones(input_size, **like), torch.ones(hidden_size, **like)
    if not is_training:
        return torch.full((input_size,), 1 - p, **like), torch.full((hidden_size,), 1 - p, **like)
    mask_x = (torch.rand(input_size, **like) >= p).to(some_existing_tensor.dtype)
    mask_h = (torch.rand(hidden_size, **like) >= p).to(some_existing_tensor.dtype)
    return mask_x, mask_h
