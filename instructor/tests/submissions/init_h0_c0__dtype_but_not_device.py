# wrong: follows the dtype but creates the state on the CPU whatever the device
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    dtype = some_existing_tensor.dtype
    return (torch.zeros(num_objects, hidden_size, dtype=dtype),
            torch.zeros(num_objects, hidden_size, dtype=dtype))
