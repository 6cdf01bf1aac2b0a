"""A small, learnable stand-in for IMDB, in the very format of Keras' ``imdb.npz``.

Autograding and the tests cannot download IMDB, and should not spend minutes on it.
Each synthetic review is Zipf-distributed filler with a sprinkling of "sentiment"
words from a small positive or negative set, chosen by the label; a recurrent
classifier picks this up within an epoch or two, so a broken training loop or layer
shows as accuracy stuck near 0.5.
"""
import io

import numpy as np

# Word ranks that carry the label: frequent enough words (ranks below 100) that
# any vocabulary size keeps them.
POSITIVE_WORDS = np.arange(40, 60)
NEGATIVE_WORDS = np.arange(60, 80)


def _reviews(rng, labels, vocab_size, min_len, max_len, sentiment_rate):
    ranks = np.arange(1, vocab_size + 1)
    zipf = 1.0 / ranks
    zipf[np.isin(ranks, np.concatenate((POSITIVE_WORDS, NEGATIVE_WORDS)))] = 0  # filler is neutral
    zipf /= zipf.sum()
    reviews = np.empty(len(labels), dtype=object)
    for i, label in enumerate(labels):
        length = rng.randint(min_len, max_len + 1)
        words = rng.choice(ranks, size=length, p=zipf)
        marked = rng.rand(length) < sentiment_rate
        pool = POSITIVE_WORDS if label == 1 else NEGATIVE_WORDS
        words[marked] = rng.choice(pool, size=int(marked.sum()))
        reviews[i] = [int(w) for w in words]
    return reviews


def make_synthetic_imdb(path=None, n_train=2000, n_test=1000, vocab_size=5000,
                         min_len=20, max_len=120, sentiment_rate=0.15, seed=0):
    """A synthetic ``imdb.npz``: written to ``path`` (returned), or kept in memory.

    The file has the four keys of the real one: ``x_train`` and ``x_test`` are
    object arrays of lists of word ranks (1 = most frequent, no start token, no
    offset), ``y_train`` and ``y_test`` are int64 arrays of 0/1 labels, balanced.
    With ``path=None`` it returns an in-memory file that :func:`load_matrix_imdb` reads
    like a path, and nothing touches the disk.
    """
    rng = np.random.RandomState(seed)
    data = {}
    for split, n in (("train", n_train), ("test", n_test)):
        labels = rng.permutation(np.arange(n) % 2).astype(np.int64)
        data[f"x_{split}"] = _reviews(rng, labels, vocab_size, min_len, max_len, sentiment_rate)
        data[f"y_{split}"] = labels
    target = io.BytesIO() if path is None else path
    np.savez(target, **data)
    if path is None:
        target.seek(0)
    return target
