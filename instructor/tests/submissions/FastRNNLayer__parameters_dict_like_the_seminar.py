# correct: the seminar's way, writing masked tensors into module._parameters (PyTorch >= 2.0)
import warnings


class FastRNNLayer(nn.Module):
    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.module = nn.LSTM(input_size, hidden_size)
        self.weight_ih_l0_raw = nn.Parameter(self.module.weight_ih_l0.detach().clone())
        self.weight_hh_l0_raw = nn.Parameter(self.module.weight_hh_l0.detach().clone())
        self.layer_names = ["weight_hh_l0", "weight_ih_l0"]

    def _setweights(self):
        input_mask, hidden_mask = gen_dropout_mask(self.module.input_size, self.module.hidden_size,
                                                   self.training, self.dropout, self.weight_hh_l0_raw.data)
        for layer, mask in zip(self.layer_names, (hidden_mask, input_mask)):
            raw_w = getattr(self, f"{layer}_raw")
            self.module._parameters[layer] = raw_w * mask

    def forward(self, *args):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self._setweights()
            return self.module.forward(*args)
