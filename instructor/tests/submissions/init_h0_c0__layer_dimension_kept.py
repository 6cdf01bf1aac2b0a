# wrong: nn.LSTM's (1, batch, hidden) shape instead of the cell's (batch, hidden)
def init_h0_c0(num_objects, hidden_size, some_existing_tensor):
    h0 = some_existing_tensor.new_zeros(1, num_objects, hidden_size)
    c0 = some_existing_tensor.new_zeros(1, num_objects, hidden_size)
    return h0, c0
