# wrong: returns only the output sequence, not (out, (h_n, c_n))
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
        mask_x, mask_h = gen_dropout_mask(self.input_size, self.hidden_size, self.training, self.dropout, inp)
        weights = {"weight_ih_l0": self.weight_ih_l0_raw * mask_x, "weight_hh_l0": self.weight_hh_l0_raw * mask_h}
        out, _ = torch.func.functional_call(self.module, weights, (inp, hidden))
        return out
