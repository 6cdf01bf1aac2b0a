# wrong: shape (hidden_size, num_objects) instead of (num_objects, hidden_size)
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    h0 = some_existing_tensor.new_zeros(hidden_size, num_objects)
    c0 = some_existing_tensor.new_zeros(hidden_size, num_objects)
    return h0, c0
