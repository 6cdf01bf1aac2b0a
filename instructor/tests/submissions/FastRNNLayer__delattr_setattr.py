# correct: removes the LSTM's own weights once, then sets plain masked tensors before each call
class FastRNNLayer(nn.Module):
    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.module = nn.LSTM(input_size, hidden_size)
        self.weight_ih_l0_raw = nn.Parameter(self.module.weight_ih_l0.detach().clone())
        self.weight_hh_l0_raw = nn.Parameter(self.module.weight_hh_l0.detach().clone())

    def forward(self, inp, hidden=None):
        for name in ("weight_ih_l0", "weight_hh_l0"):
            if name in self.module._parameters:
                delattr(self.module, name)
        mask_x, mask_h = gen_dropout_mask(self.input_size, self.hidden_size, self.training, self.dropout, inp)
        setattr(self.module, "weight_ih_l0", self.weight_ih_l0_raw * mask_x)
        setattr(self.module, "weight_hh_l0", self.weight_hh_l0_raw * mask_h)
        return self.module(inp) if hidden is None else self.module(inp, hidden)
