# wrong: draws a separate mask for every example of the batch
class RNNLayer(nn.Module):
    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.rnn_cell = nn.LSTMCell(input_size, hidden_size)

    def forward(self, inp, hidden=None):
        batch = inp.shape[1]
        if hidden is None:
            h, c = init_h0_c0(batch, self.hidden_size, inp)
        else:
            h, c = hidden[0][0], hidden[1][0]
        masks = [gen_dropout_mask(self.input_size, self.hidden_size, self.training, self.dropout, inp)
                 for _ in range(batch)]
        mask_x = torch.stack([m[0] for m in masks])
        mask_h = torch.stack([m[1] for m in masks])
        outputs = []
        for x in inp:
            h, c = self.rnn_cell(x * mask_x, (h * mask_h, c))
            outputs.append(h)
        return torch.stack(outputs), (h.unsqueeze(0), c.unsqueeze(0))
