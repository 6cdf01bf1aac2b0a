# correct: F.linear with the layers' weights, gate slices by index, dropout on the input before the loop
class HandmadeLSTM(nn.Module):
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
        with torch.no_grad():
            for weight in self.parameters():
                weight.copy_(torch.empty_like(weight).uniform_(-stdv, stdv))

    def forward(self, inp, hidden=None):
        if hidden is None:
            h, c = init_h0_c0(inp.shape[1], self.hidden_size, inp)
        else:
            h, c = hidden[0][0], hidden[1][0]
        mask_x, mask_h = gen_dropout_mask(self.input_size, self.hidden_size, self.training, self.dropout, inp)
        H = self.hidden_size
        x_part = nn.functional.linear(inp * mask_x, self.input_weights.weight, self.input_weights.bias)
        outputs = []
        for t in range(inp.shape[0]):
            z = x_part[t] + nn.functional.linear(h, self.hidden_weights.weight, self.hidden_weights.bias)
            i, f, g, o = z[:, :H].sigmoid(), z[:, H:2 * H].sigmoid(), z[:, 2 * H:3 * H].tanh(), z[:, 3 * H:].sigmoid()
            c = f * c + i * g * mask_h
            h = o * c.tanh()
            outputs.append(h)
        return torch.stack(outputs), (h.unsqueeze(0), c.unsqueeze(0))
