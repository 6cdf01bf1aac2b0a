"""IMDB reviews as fixed-length matrices of word ids.

The file is Keras' ``imdb.npz``: four object arrays (``x_train``, ``y_train``,
``x_test``, ``y_test``), each review a list of word ranks (1 is the most frequent
word). :func:`load_matrix_imdb` applies Keras' conventions on top of it and cuts or
pads every review to the same length, so that a whole split is one integer matrix.
"""
import hashlib
import http.client
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np

IMDB_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb.npz"
IMDB_SHA256 = "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"
IMDB_FILENAME = "imdb.npz"
CACHE_ENV = "RNN_UTILS_DATA_DIR"

PAD, START, OOV = 0, 1, 2


class DatasetUnavailableError(RuntimeError):
    """The dataset is neither cached nor downloadable; the message says what to do."""


def default_cache_dir():
    """Folder for downloaded data: ``$RNN_UTILS_DATA_DIR``, else the user's cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "rnn_utils"


def sha256_of(path, chunk_size=1 << 20):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _manual_instructions(url, target):
    return (f"Download {url} by hand and save it as {target} "
            f"(or set {CACHE_ENV} to the folder that holds {IMDB_FILENAME}, "
            f"or pass path=... to load_matrix_imdb).")


def fetch_imdb(cache_dir=None, url=IMDB_URL, sha256=IMDB_SHA256, timeout=60):
    """Return the path of a verified ``imdb.npz``, downloading it on first use.

    The download goes to a temporary file beside the target and is renamed into
    place only once its sha256 matches, so an interrupted or corrupted download
    never leaves a file that later passes for the real one.
    """
    cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = cache_dir / IMDB_FILENAME
    if target.exists():
        found = sha256_of(target)
        if found != sha256:
            raise DatasetUnavailableError(
                f"{target} is not the expected file (sha256 {found}, expected {sha256}). "
                f"Delete it and run again to download it anew. " + _manual_instructions(url, target))
        return target

    cache_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=cache_dir, prefix=f".{IMDB_FILENAME}.", suffix=".part")
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            try:
                with urllib.request.urlopen(url, timeout=timeout) as response:
                    for chunk in iter(lambda: response.read(1 << 20), b""):
                        digest.update(chunk)
                        out.write(chunk)
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                raise DatasetUnavailableError(
                    f"Could not download the IMDB dataset from {url}: {exc}. "
                    + _manual_instructions(url, target)) from exc
        if digest.hexdigest() != sha256:
            raise DatasetUnavailableError(
                f"The file downloaded from {url} has sha256 {digest.hexdigest()}, "
                f"expected {sha256}; it was not kept. " + _manual_instructions(url, target))
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return target


def to_matrix(sequences, maxlen):
    """Cut each sequence to its first ``maxlen`` ids and pad it with zeros at the front.

    Front padding puts the last real word at the last step, which is the step the
    classifier reads.
    """
    matrix = np.full((len(sequences), maxlen), PAD, dtype=np.int64)
    for row, seq in enumerate(sequences):
        kept = seq[:maxlen]
        if len(kept):
            matrix[row, maxlen - len(kept):] = kept
    return matrix


def load_matrix_imdb(num_words=None, maxlen=None, *, path=None, cache_dir=None,
                     index_from=3, seed=113, url=IMDB_URL, sha256=IMDB_SHA256):
    """IMDB sentiment data as ``((X_train, y_train), (X_test, y_test))``.

    Follows ``keras.datasets.imdb.load_data``: each split is shuffled with
    ``numpy.random.RandomState(seed)``; every review starts with the token 1, word
    ranks are shifted by ``index_from`` and ranks at or above ``num_words`` become
    the out-of-vocabulary token 2. Unlike Keras, long reviews are not dropped: each
    keeps its first ``maxlen`` tokens and shorter ones get zeros in front.

    Args:
        num_words: size of the vocabulary, counting the reserved ids 0..index_from-1;
            None keeps every word.
        maxlen: length of each row; None uses the longest review.
        path: an ``imdb.npz`` (a path or an open binary file) to read instead of the
            cached download; not hashed, so a synthetic file of the same format works too.
        cache_dir: where the download is kept; default :func:`default_cache_dir`.

    Returns:
        ``X_train``, ``X_test``: int64 arrays of shape (n_reviews, maxlen).
        ``y_train``, ``y_test``: int64 arrays of shape (n_reviews,), 1 for positive.
    """
    if path is None:
        path = fetch_imdb(cache_dir=cache_dir, url=url, sha256=sha256)
    rng = np.random.RandomState(seed)
    splits = []
    with np.load(path, allow_pickle=True) as f:
        for name in ("train", "test"):
            x, y = f[f"x_{name}"], np.asarray(f[f"y_{name}"], dtype=np.int64)
            order = np.arange(len(x))
            rng.shuffle(order)
            splits.append(([list(x[i]) for i in order], y[order]))

    if num_words is None:
        num_words = max(max(seq, default=0) for xs, _ in splits for seq in xs) + index_from + 1
    longest = 0
    result = []
    for xs, y in splits:
        coded = []
        for seq in xs:
            ids = np.asarray(seq, dtype=np.int64) + index_from
            ids[ids >= num_words] = OOV
            coded.append(np.concatenate(([START], ids)))
            longest = max(longest, len(coded[-1]))
        result.append((coded, y))
    maxlen = maxlen or longest
    return tuple((to_matrix(coded, maxlen), y) for coded, y in result)
