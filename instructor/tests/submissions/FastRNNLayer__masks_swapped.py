# wrong: the hidden mask on weight_ih and the input mask on weight_hh
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
        input_mask, hidden_mask = gen_dropout_mask(self.input_size, self.hidden_size, self.training, self.dropout, inp)
        for name, mask in zip(["weight_ih_l0", "weight_hh_l0"], [hidden_mask, input_mask]):
            self.module._parameters[name] = getattr(self, name + "_raw") * mask
        return self.module(inp, hidden)
