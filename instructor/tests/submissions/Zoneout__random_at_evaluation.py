# wrong: draws random masks at evaluation too
class Zoneout(nn.Module):
    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.rnn_cell = nn.LSTMCell(input_size, hidden_size)

    def forward(self, inp, hidden=None):
        if hidden is None:
            h, c = init_h0_c0(inp.shape[1], self.hidden_size, inp)
        else:
            h, c = hidden[0][0], hidden[1][0]
        p = self.dropout or 0.0
        outputs = []
        for x in inp:
            h_new, c = self.rnn_cell(x, (h, c))
            m = torch.bernoulli(torch.full_like(h, 1 - p))
            h = m * h_new + (1 - m) * h
            outputs.append(h)
        return torch.stack(outputs), (h.unsqueeze(0), c.unsqueeze(0))
