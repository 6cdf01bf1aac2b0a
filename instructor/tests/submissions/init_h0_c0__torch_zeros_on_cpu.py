# wrong: torch.zeros ignores the dtype and the device of the given tensor
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    h0 = torch.zeros(num_objects, hidden_size)
    c0 = torch.zeros(num_objects, hidden_size)
    return h0, c0
