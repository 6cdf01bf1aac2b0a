# wrong: fills the evaluation masks with p instead of 1 - p
def gen_dropout_mask(input_size, hidden_size, is_training, p, some_existing_tensor):
    if not p:
        return some_existing_tensor.new_ones(input_size), some_existing_tensor.new_ones(hidden_size)
    if is_training:
        return (torch.bernoulli(some_existing_tensor.new_full((input_size,), 1 - p)),
                torch.bernoulli(some_existing_tensor.new_full((hidden_size,), 1 - p)))
    return some_existing_tensor.new_full((input_size,), p), some_existing_tensor.new_full((hidden_size,), p)
