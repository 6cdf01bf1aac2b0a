"""The synthetic dataset, the training loops and the plots."""
import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
import torch
import torch.nn as nn

import rnn_utils
from rnn_utils import (History, evaluate, fit, grading_mode, load_matrix_imdb, make_loaders,
                       plot_epoch_times, plot_histories, make_synthetic_imdb)
from rnn_utils.synthetic import NEGATIVE_WORDS, POSITIVE_WORDS


class _Classifier(nn.Module):
    """The seminar's model: embedding, LSTM, linear on the last step, sigmoid."""

    def __init__(self, vocab_size, n_emb=32, n_hidden=32):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, n_emb)
        self.rnn = nn.LSTM(n_emb, n_hidden)
        self.head = nn.Linear(n_hidden, 1)

    def forward(self, sentences):
        out, _ = self.rnn(self.embedding(sentences))
        return torch.sigmoid(self.head(out[-1]))


class _Constant(nn.Module):
    """Outputs fixed probabilities, one per review, whatever the batch."""

    def __init__(self, probs):
        super().__init__()
        self.probs = probs
        self.weight = nn.Parameter(torch.zeros(1))
        self.seen = 0

    def forward(self, sentences):
        batch = sentences.shape[1]
        out = self.probs[self.seen:self.seen + batch] + 0 * self.weight
        self.seen += batch
        return out.view(-1, 1)


def test_synthetic_file_has_the_keras_format(tmp_path):
    path = make_synthetic_imdb(tmp_path / "imdb.npz", n_train=30, n_test=20, vocab_size=300)
    with np.load(path, allow_pickle=True) as f:
        assert sorted(f.files) == ["x_test", "x_train", "y_test", "y_train"]
        assert f["x_train"].dtype == object and len(f["x_train"]) == 30 and len(f["x_test"]) == 20
        assert all(isinstance(w, int) and 1 <= w <= 300 for seq in f["x_train"] for w in seq)
        assert f["y_train"].sum() == 15 and set(f["y_test"].tolist()) == {0, 1}
        # the label shows in the words: positive reviews carry positive words only
        for seq, label in zip(f["x_train"], f["y_train"]):
            carried = set(seq) & set(POSITIVE_WORDS.tolist() + NEGATIVE_WORDS.tolist())
            wrong = NEGATIVE_WORDS if label == 1 else POSITIVE_WORDS
            assert not carried & set(wrong.tolist())


def test_synthetic_data_is_reproducible(tmp_path):
    a = load_matrix_imdb(100, 16, path=make_synthetic_imdb(tmp_path / "a.npz", 40, 10, seed=3))
    b = load_matrix_imdb(100, 16, path=make_synthetic_imdb(tmp_path / "b.npz", 40, 10, seed=3))
    c = load_matrix_imdb(100, 16, path=make_synthetic_imdb(tmp_path / "c.npz", 40, 10, seed=4))
    assert np.array_equal(a[0][0], b[0][0]) and not np.array_equal(a[0][0], c[0][0])


def test_lstm_learns_the_synthetic_set_in_two_epochs(tmp_path):
    torch.manual_seed(0)
    (X_train, y_train), (X_test, y_test) = load_matrix_imdb(
        20000, 32, path=make_synthetic_imdb(tmp_path / "imdb.npz"))
    train_loader, test_loader = make_loaders(X_train, y_train, X_test, y_test, batch_size=128)
    model = _Classifier(20000)
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    history = fit(model, train_loader, test_loader, nn.BCELoss(reduction="sum"), optimizer,
                  num_epochs=2, name="lstm", progress=False)
    assert len(history.test_acc) == 2 and len(history.epoch_time) == 2
    assert history.test_acc[-1] > 0.75, f"synthetic set not learnt: {history.test_acc}"
    assert history.train_loss[-1] < history.train_loss[0]


@pytest.mark.parametrize("reduction", ["sum", "mean"])
def test_evaluate_weighs_every_review_equally(reduction):
    probs = torch.tensor([0.9, 0.2, 0.6, 0.4, 0.7])
    labels = torch.tensor([1, 0, 0, 1, 1])
    X = torch.zeros(5, 3, dtype=torch.long)
    _, loader = make_loaders(X, labels, X, labels, batch_size=2)  # batches of 2, 2 and 1
    model = _Constant(probs)
    loss, acc = evaluate(model, loader, nn.BCELoss(reduction=reduction), "cpu")
    expected = nn.functional.binary_cross_entropy(probs, labels.float()).item()
    assert loss == pytest.approx(expected, rel=1e-6)
    assert acc == pytest.approx(3 / 5)
    assert not model.training, "evaluation runs in eval mode"
    assert model.weight.grad is None


def test_evaluate_builds_no_graph():
    seen = []

    class Probe(_Constant):
        def forward(self, sentences):
            seen.append(torch.is_grad_enabled())
            return super().forward(sentences)

    X = torch.zeros(4, 3, dtype=torch.long)
    y = torch.tensor([0, 1, 0, 1])
    _, loader = make_loaders(X, y, X, y, batch_size=4)
    evaluate(Probe(torch.full((4,), 0.5)), loader, nn.BCELoss(), "cpu")
    assert seen == [False]


def test_grading_mode_follows_nbgrader(monkeypatch):
    for value, expected in (("autograde", True), ("validate", True), ("", False), ("other", False)):
        monkeypatch.setenv("NBGRADER_EXECUTION", value)
        assert grading_mode() is expected
    monkeypatch.delenv("NBGRADER_EXECUTION")
    assert grading_mode() is False


def _history(name, scale):
    return History(name, train_loss=[0.7, 0.5], train_acc=[0.6, 0.8], test_loss=[0.7, 0.6],
                   test_acc=[0.55, 0.7], epoch_time=[1.0 * scale, 3.0 * scale])


def test_history_summary_and_comparison(capsys):
    fast, slow = _history("nn.LSTM", 1), _history("RNNLayer", 4)
    assert fast.mean_epoch_time == 2.0
    assert "best 0.700 at epoch 2" in slow.summary()
    rnn_utils.compare([fast, slow])
    rows = capsys.readouterr().out.splitlines()
    assert rows[2].split()[:3] == ["RNNLayer", "8.00", "4.00"]


def test_plots_show_every_model(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    histories = [_history("nn.LSTM", 1), _history("RNNLayer", 4)]
    fig = plot_histories(histories)
    loss_ax, acc_ax = fig.axes
    assert len(loss_ax.lines) == 4 and [t.get_text() for t in acc_ax.get_legend().get_texts()] == [
        "nn.LSTM", "RNNLayer"]
    fig = plot_epoch_times(histories)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == [" 2.00 s (1.0x)", " 8.00 s (4.0x)"]


def test_no_figures_while_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    histories = [_history("nn.LSTM", 1)]
    assert plot_histories(histories) is None and plot_epoch_times(histories) is None


def test_synthetic_set_can_stay_in_memory(tmp_path):
    in_memory = load_matrix_imdb(100, 16, path=make_synthetic_imdb(None, 40, 10, seed=5))
    on_disk = load_matrix_imdb(100, 16, path=make_synthetic_imdb(tmp_path / "s.npz", 40, 10, seed=5))
    assert np.array_equal(in_memory[0][0], on_disk[0][0]) and np.array_equal(in_memory[1][1], on_disk[1][1])
