# correct: new_full with 0 for h0, c0 a copy of it
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    h0 = some_existing_tensor.new_full((num_objects, hidden_size), 0.0)
    return h0, h0.clone()
