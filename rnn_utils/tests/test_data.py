"""Download, caching and Keras semantics of load_matrix_imdb, against a server on loopback."""
import hashlib
import http.server
import threading
from pathlib import Path

import numpy as np
import pytest

from rnn_utils import DatasetUnavailableError, fetch_imdb, load_matrix_imdb
from rnn_utils.data import CACHE_ENV, default_cache_dir, to_matrix


class _Server:
    """Serves one payload at /imdb.npz on 127.0.0.1; ``truncate`` sends only half of it."""

    def __init__(self, payload, truncate=False):
        self.payload, self.truncate, self.requests = payload, truncate, 0
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                owner.requests += 1
                if self.path != "/imdb.npz":
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(owner.payload)))
                self.end_headers()
                body = owner.payload[: len(owner.payload) // 2] if owner.truncate else owner.payload
                self.wfile.write(body)
                if owner.truncate:
                    self.close_connection = True

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/imdb.npz"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def _write_npz(path, x_train, y_train, x_test, y_test):
    def objects(seqs):
        arr = np.empty(len(seqs), dtype=object)
        arr[:] = [list(s) for s in seqs]
        return arr
    np.savez(path, x_train=objects(x_train), y_train=np.asarray(y_train),
             x_test=objects(x_test), y_test=np.asarray(y_test))
    return path


@pytest.fixture
def npz_bytes(tmp_path_factory):
    path = _write_npz(tmp_path_factory.mktemp("served") / "imdb.npz", [[5, 6, 7], [8, 9]], [1, 0],
                      [[10], [11, 12]], [0, 1])
    return Path(path).read_bytes()


def _leftovers(folder):
    return sorted(p.name for p in Path(folder).iterdir()) if Path(folder).exists() else []


def test_good_file_is_cached_then_reused_without_network(tmp_path, npz_bytes):
    digest = hashlib.sha256(npz_bytes).hexdigest()
    with _Server(npz_bytes) as server:
        path = fetch_imdb(cache_dir=tmp_path, url=server.url, sha256=digest)
        assert server.requests == 1
    assert path == tmp_path / "imdb.npz" and path.read_bytes() == npz_bytes
    assert _leftovers(tmp_path) == ["imdb.npz"], "no temporary file may be left behind"
    # The server is gone: a second call must be served from the cache.
    dead_url = server.url
    assert fetch_imdb(cache_dir=tmp_path, url=dead_url, sha256=digest) == path
    (X_train, _), _ = load_matrix_imdb(maxlen=4, cache_dir=tmp_path, url=dead_url, sha256=digest)
    assert X_train.shape == (2, 4)


def test_wrong_hash_is_reported_and_nothing_is_cached(tmp_path, npz_bytes):
    with _Server(npz_bytes) as server:
        with pytest.raises(DatasetUnavailableError) as info:
            fetch_imdb(cache_dir=tmp_path, url=server.url, sha256="0" * 64)
    message = str(info.value)
    assert "expected " + "0" * 64 in message and "by hand" in message
    assert _leftovers(tmp_path) == []


def test_server_down_gives_instructions_and_caches_nothing(tmp_path, npz_bytes):
    with _Server(npz_bytes) as server:
        url = server.url
    with pytest.raises(DatasetUnavailableError) as info:
        fetch_imdb(cache_dir=tmp_path, url=url, sha256="0" * 64, timeout=5)
    message = str(info.value)
    assert "Could not download" in message and str(tmp_path / "imdb.npz") in message
    assert _leftovers(tmp_path) == []


def test_interrupted_download_leaves_nothing_that_passes_for_the_file(tmp_path, npz_bytes):
    digest = hashlib.sha256(npz_bytes).hexdigest()
    with _Server(npz_bytes, truncate=True) as server:
        with pytest.raises(DatasetUnavailableError):
            fetch_imdb(cache_dir=tmp_path, url=server.url, sha256=digest, timeout=5)
    assert _leftovers(tmp_path) == []


def test_corrupted_cache_file_is_refused_with_advice(tmp_path):
    (tmp_path / "imdb.npz").write_bytes(b"not the dataset")
    with pytest.raises(DatasetUnavailableError, match="Delete it"):
        fetch_imdb(cache_dir=tmp_path, url="http://127.0.0.1:9/none", sha256="0" * 64)
    assert (tmp_path / "imdb.npz").read_bytes() == b"not the dataset", "the user's file is not touched"


def test_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "data"))
    assert default_cache_dir() == tmp_path / "data"
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "rnn_utils"


def test_keras_conventions(tmp_path):
    x_train = [[1, 2, 3, 4, 5, 6], [7], [50, 1], [3, 3, 3]]
    x_test = [[9, 8], [2], [6, 5, 4]]
    path = _write_npz(tmp_path / "imdb.npz", x_train, [1, 0, 1, 0], x_test, [0, 1, 1])
    (X_train, y_train), (X_test, y_test) = load_matrix_imdb(num_words=10, maxlen=4, path=path)

    rng = np.random.RandomState(113)  # Keras shuffles train, then test, with one generator
    train_order, test_order = np.arange(4), np.arange(3)
    rng.shuffle(train_order)
    rng.shuffle(test_order)

    def expected(seq):
        ids = [1] + [w + 3 if w + 3 < 10 else 2 for w in seq]  # start token, offset, OOV
        kept = ids[:4]
        return [0] * (4 - len(kept)) + kept  # the first tokens, padded in front

    assert X_train.dtype == np.int64 and X_train.shape == (4, 4) and X_test.shape == (3, 4)
    assert X_train.tolist() == [expected(x_train[i]) for i in train_order]
    assert X_test.tolist() == [expected(x_test[i]) for i in test_order]
    assert y_train.tolist() == [[1, 0, 1, 0][i] for i in train_order]
    assert y_test.tolist() == [[0, 1, 1][i] for i in test_order]


def test_without_maxlen_rows_fit_the_longest_review(tmp_path):
    path = _write_npz(tmp_path / "imdb.npz", [[4, 5, 6], [4]], [0, 1], [[4]], [1])
    (X_train, _), (X_test, _) = load_matrix_imdb(path=path)
    assert X_train.shape == (2, 4) and X_test.shape == (1, 4)
    assert sorted(X_train.tolist()) == [[0, 0, 1, 7], [1, 7, 8, 9]]


def test_to_matrix_handles_empty_sequences():
    assert to_matrix([[], [3, 4, 5]], 2).tolist() == [[0, 0], [3, 4]]
