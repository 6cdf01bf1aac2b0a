class RNNLayer(nn.Module):
    '''LSTM layer with the dropout of Gal & Ghahramani (demo student: returns a list).'''

    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.rnn_cell = nn.LSTMCell(input_size, hidden_size)

    def forward(self, inp, hidden=None):
        h, c = init_h0_c0(inp.shape[1], self.hidden_size, inp)
        mask_x, mask_h = gen_dropout_mask(self.input_size, self.hidden_size, self.training,
                                          self.dropout, inp)
        steps = []
        for t in range(inp.shape[0]):
            h, c = self.rnn_cell(inp[t] * mask_x, (h * mask_h, c))
            steps.append(h)
        # the seminar's slip: a Python list of steps and 2-d final states
        return steps, (h, c)
