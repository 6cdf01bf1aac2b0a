# correct: torch.split per step, the mask applied with torch.where, nn.init for the parameters
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
        bound = self.hidden_size ** -0.5
        for parameter in self.parameters():
            nn.init.uniform_(parameter, a=-bound, b=bound)

    def forward(self, inp, hidden=None):
        if hidden is None:
            h, c = init_h0_c0(inp.shape[1], self.hidden_size, inp)
        else:
            h, c = hidden[0][0], hidden[1][0]
        mask_x, mask_h = gen_dropout_mask(self.input_size, self.hidden_size, self.training, self.dropout, inp)
        keep_x, keep_h = mask_x.bool(), mask_h.bool()
        scale_x = mask_x.masked_fill(~keep_x, 1.0)  # 1 - p at evaluation, 1 in training
        scale_h = mask_h.masked_fill(~keep_h, 1.0)
        outputs = []
        for x in inp:
            x = torch.where(keep_x, x * scale_x, torch.zeros_like(x))
            gates = self.input_weights(x) + self.hidden_weights(h)
            i, f, g, o = torch.split(gates, self.hidden_size, dim=1)
            update = torch.sigmoid(i) * torch.tanh(g)
            c = torch.sigmoid(f) * c + torch.where(keep_h, update * scale_h, torch.zeros_like(update))
            h = torch.sigmoid(o) * torch.tanh(c)
            outputs.append(h)
        return torch.stack(outputs), (h.unsqueeze(0), c.unsqueeze(0))
