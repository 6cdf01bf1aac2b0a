"""Training plumbing for the seminar: data loaders, epochs, evaluation, timing.

Every model of the seminar is sequence-first, like ``nn.LSTM``: it takes a batch of
word ids as a (seq_len, batch) tensor. The loaders yield (batch, seq_len) rows, so
the loops transpose each batch before calling the model.
"""
import os
import time
from dataclasses import dataclass, field

import torch
import torch.utils.data
from tqdm.auto import tqdm

GRADING_MODES = ("autograde", "validate")


def grading_mode():
    """True while nbgrader executes the notebook (it sets ``NBGRADER_EXECUTION``)."""
    return os.environ.get("NBGRADER_EXECUTION", "") in GRADING_MODES


def make_loaders(X_train, y_train, X_test, y_test, batch_size, seed=0):
    """Tensor-backed loaders: shuffled for training, in order for testing.

    The data sit in memory already, so worker processes would only add start-up
    time; ``num_workers`` stays 0.
    """
    def dataset(X, y):
        return torch.utils.data.TensorDataset(torch.as_tensor(X, dtype=torch.long),
                                              torch.as_tensor(y, dtype=torch.long))
    generator = torch.Generator().manual_seed(seed)
    train_loader = torch.utils.data.DataLoader(dataset(X_train, y_train), batch_size=batch_size,
                                               shuffle=True, generator=generator)
    test_loader = torch.utils.data.DataLoader(dataset(X_test, y_test), batch_size=batch_size)
    return train_loader, test_loader


@dataclass
class History:
    """Per-epoch metrics of one model. Losses are means per review."""
    name: str
    train_loss: list = field(default_factory=list)
    train_acc: list = field(default_factory=list)
    test_loss: list = field(default_factory=list)
    test_acc: list = field(default_factory=list)
    epoch_time: list = field(default_factory=list)  # seconds of training only, no evaluation

    @property
    def mean_epoch_time(self):
        return sum(self.epoch_time) / max(len(self.epoch_time), 1)

    def summary(self):
        if not self.test_acc:
            return f"{self.name}: not trained"
        best = max(range(len(self.test_acc)), key=self.test_acc.__getitem__)
        return (f"{self.name}: {self.mean_epoch_time:.2f} s/epoch, "
                f"final train acc {self.train_acc[-1]:.3f}, test acc {self.test_acc[-1]:.3f} "
                f"(best {self.test_acc[best]:.3f} at epoch {best + 1})")


def _summed_loss(loss_fn, output, target):
    loss = loss_fn(output, target)
    return loss * len(target) if getattr(loss_fn, "reduction", "mean") == "mean" else loss


def _synchronize(device):
    if torch.device(device).type == "cuda":
        torch.cuda.synchronize(device)


def train_epoch(model, loader, loss_fn, optimizer, device):
    """One pass over ``loader`` in training mode; returns its wall time in seconds."""
    model.train()
    _synchronize(device)
    start = time.perf_counter()
    for inputs, labels in loader:
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        output = model(inputs.t())  # (batch, seq_len) -> (seq_len, batch)
        loss = loss_fn(output.view(-1), labels.float())
        loss.backward()
        optimizer.step()
    _synchronize(device)
    return time.perf_counter() - start


@torch.no_grad()
def evaluate(model, loader, loss_fn, device):
    """Mean loss per review and accuracy over ``loader``, in evaluation mode.

    The model outputs the probability of the positive class; a review counts as
    positive above 0.5.
    """
    model.eval()
    total_loss, correct, seen = 0.0, 0, 0
    for inputs, labels in loader:
        inputs, labels = inputs.to(device), labels.to(device)
        output = model(inputs.t()).view(-1)
        total_loss += _summed_loss(loss_fn, output, labels.float()).item()
        correct += ((output > 0.5).long() == labels).sum().item()
        seen += len(labels)
    return total_loss / seen, correct / seen


def fit(model, train_loader, test_loader, loss_fn, optimizer, num_epochs, device="cpu",
        name=None, progress=None):
    """Train for ``num_epochs``, measuring both splits after each epoch.

    Shows a progress bar with the latest metrics (hidden while nbgrader grades, or
    with ``progress=False``) and prints a one-line summary at the end.

    Returns:
        History: losses, accuracies and training time of every epoch.
    """
    history = History(name or type(model).__name__)
    if progress is None:
        progress = not grading_mode()
    epochs = tqdm(range(num_epochs), desc=history.name, unit="epoch", disable=not progress)
    for _ in epochs:
        history.epoch_time.append(train_epoch(model, train_loader, loss_fn, optimizer, device))
        for split, loader in (("train", train_loader), ("test", test_loader)):
            loss, acc = evaluate(model, loader, loss_fn, device)
            getattr(history, f"{split}_loss").append(loss)
            getattr(history, f"{split}_acc").append(acc)
        epochs.set_postfix(train_acc=f"{history.train_acc[-1]:.3f}",
                           test_acc=f"{history.test_acc[-1]:.3f}",
                           s_per_epoch=f"{history.epoch_time[-1]:.1f}")
    print(history.summary())
    return history


def compare(histories, baseline=None):
    """Print one row per model: time per epoch (also relative to ``baseline``) and accuracy."""
    baseline = baseline or histories[0].name
    base_time = next(h.mean_epoch_time for h in histories if h.name == baseline)
    width = max(len(h.name) for h in histories)
    print(f"{'model':<{width}}  s/epoch  x {baseline:<8}  train acc  test acc  best test acc")
    for h in histories:
        ratio = h.mean_epoch_time / base_time if base_time else float("nan")
        print(f"{h.name:<{width}}  {h.mean_epoch_time:7.2f}  {ratio:10.2f}  "
              f"{h.train_acc[-1]:9.3f}  {h.test_acc[-1]:8.3f}  {max(h.test_acc):13.3f}")
