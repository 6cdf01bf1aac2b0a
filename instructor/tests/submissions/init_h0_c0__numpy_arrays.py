# wrong: numpy arrays instead of tensors
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    return np.zeros((num_objects, hidden_size)), np.zeros((num_objects, hidden_size))
