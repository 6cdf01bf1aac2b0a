# correct: one Bernoulli draw for both masks, split in two
def gen_dropout_mask(input_size, hidden_size, is_training, p, some_existing_tensor):
    keep = 1.0 - (p or 0.0)
    both = some_existing_tensor.new_empty(input_size + hidden_size)
    if is_training and p:
        both.bernoulli_(keep)
    else:
        both.fill_(keep)
    return both[:input_size], both[input_size:]
