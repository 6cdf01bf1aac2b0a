# wrong: starts from ones instead of zeros
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    h0 = some_existing_tensor.new_ones(num_objects, hidden_size)
    c0 = some_existing_tensor.new_ones(num_objects, hidden_size)
    return h0, c0
