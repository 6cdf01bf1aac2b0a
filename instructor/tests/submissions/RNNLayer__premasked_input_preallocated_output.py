# correct: masks the whole input once, fills a preallocated output, indexes steps
class RNNLayer(nn.Module):
    def __init__(self, input_size, hidden_size, dropout=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.dropout = dropout
        self.rnn_cell = nn.LSTMCell(input_size, hidden_size)

    def forward(self, inp, hidden=None):
        seq_len, batch, _ = inp.shape
        h, c = (hidden[0].squeeze(0), hidden[1].squeeze(0)) if hidden is not None else init_h0_c0(batch, self.hidden_size, inp)
        mask_x, mask_h = gen_dropout_mask(self.input_size, self.hidden_size, self.training, self.dropout, inp)
        masked_inp = inp * mask_x
        out = inp.new_empty(seq_len, batch, self.hidden_size)
        for t in range(seq_len):
            h, c = self.rnn_cell(masked_inp[t], (h * mask_h, c))
            out[t] = h
        return out, (h[None], c[None])
