# correct: each mask from its own call, the cell called with hx= and no state at the first step
class RNNLayer(nn.Module):
    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.rnn_cell = nn.LSTMCell(input_size, hidden_size)

    def forward(self, inp, hidden=None):
        mask_x, _ = gen_dropout_mask(self.input_size, 1, self.training, self.dropout, inp)
        _, mask_h = gen_dropout_mask(1, self.hidden_size, self.training, self.dropout, inp)
        state = None if hidden is None else (hidden[0][0], hidden[1][0])
        steps = []
        for x in inp.unbind(0):
            if state is None:
                state = self.rnn_cell(x * mask_x)
            else:
                state = self.rnn_cell(x * mask_x, hx=(state[0] * mask_h, state[1]))
            steps.append(state[0])
        h, c = state
        return torch.stack(steps, 0), (h.unsqueeze(0), c.unsqueeze(0))
