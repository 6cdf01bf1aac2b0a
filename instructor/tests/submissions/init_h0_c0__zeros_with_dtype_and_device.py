# correct: torch.zeros told the dtype and the device explicitly
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    options = dict(dtype=some_existing_tensor.dtype, device=some_existing_tensor.device)
    return torch.zeros(num_objects, hidden_size, **options), torch.zeros(num_objects, hidden_size, **options)
