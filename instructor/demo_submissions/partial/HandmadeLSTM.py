class HandmadeLSTM(nn.Module):
    '''Hand-written LSTM with Semeniuta dropout (demo student: one-sided initialisation).'''

    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.input_weights = nn.Linear(input_size, 4 * hidden_size)
        self.hidden_weights = nn.Linear(hidden_size, 4 * hidden_size)
        self.reset_params()

    def reset_params(self):
        stdv = 1.0 / np.sqrt(self.hidden_size)
        for weight in self.parameters():
            weight.data.uniform_(0, stdv)  # the seminar's slip: U(0, stdv)

    def forward(self, inp, hidden=None):
        if hidden is None:
            h, c = init_h0_c0(inp.shape[1], self.hidden_size, inp)
        else:
            h, c = hidden[0].squeeze(0), hidden[1].squeeze(0)
        mask_x, mask_h = gen_dropout_mask(self.input_size, self.hidden_size, self.training,
                                          self.dropout, inp)
        outputs = []
        for t in range(inp.shape[0]):
            gates = self.input_weights(inp[t] * mask_x) + self.hidden_weights(h)
            i, f, g, o = gates.chunk(4, 1)
            c = f.sigmoid() * c + i.sigmoid() * g.tanh() * mask_h
            h = o.sigmoid() * c.tanh()
            outputs.append(h)
        return torch.stack(outputs), (h[None], c[None])
