# wrong: one (2, n, h) float64 tensor unpacked into h0 and c0, whatever the given dtype
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    state = torch.from_numpy(np.zeros((2, num_objects, hidden_size)))
    return state[0], state[1]
