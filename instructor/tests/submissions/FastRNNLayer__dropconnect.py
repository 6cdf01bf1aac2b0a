# wrong: F.dropout on the weights (DropConnect: every weight on its own, rescaled by 1/(1-p))
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
        p = self.dropout or 0.0
        weights = {"weight_ih_l0": nn.functional.dropout(self.weight_ih_l0_raw, p, self.training),
                   "weight_hh_l0": nn.functional.dropout(self.weight_hh_l0_raw, p, self.training)}
        return torch.func.functional_call(self.module, weights, (inp, hidden))
