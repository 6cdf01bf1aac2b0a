# wrong: returns a Python list of steps and (batch, hidden) final states, as the seminar's own code did
class RNNLayer(nn.Module):
    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.rnn_cell = nn.LSTMCell(input_size, hidden_size)

    def forward(self, inp, hidden=None):
        h, c = init_h0_c0(inp.shape[1], self.hidden_size, inp) if hidden is None else (hidden[0][0], hidden[1][0])
        mask_x, mask_h = gen_dropout_mask(self.input_size, self.hidden_size, self.training, self.dropout, inp)
        out = []
        for i in range(inp.shape[0]):
            h, c = self.rnn_cell(inp[i] * mask_x, (h * mask_h, c))
            out.append(h)
        return out, (h, c)
