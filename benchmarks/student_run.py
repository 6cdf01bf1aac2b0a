"""The student's full run of the seminar notebook, timed, on a synthetic set of IMDB's size.

    python benchmarks/student_run.py [--epochs 1] [--train 25000] [--test 25000] [--output run.ipynb]

Executes the master (reference solutions) as a student would, outside grading mode: same
hyper-parameters, progress bars and figures, with the IMDB download replaced by a
synthetic set of the same shape (IMDB cannot be downloaded everywhere). Every review is cut
to seq_len words, so time per epoch does not depend on the words. Prints each training
cell's time, the whole run's, and the run extrapolated to the seminar's 30 epochs, also as
a ratio to the nn.LSTM baseline measured in the same run.
"""
import argparse
import os
import platform
import time
from pathlib import Path

import nbformat
import torch
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "source" / "recurrent_dropout" / "recurrent_dropout.ipynb"
SEMINAR_EPOCHS = 30


def patched_notebook(epochs, n_train, n_test):
    nb = nbformat.read(MASTER, as_version=4)
    cells = {c.id: c for c in nb.cells}
    swaps = {
        "data": ("dataset_path = None  # the real IMDB, downloaded once into the cache",
                 f"dataset_path = rnn_utils.make_synthetic_imdb(n_train={n_train}, n_test={n_test})"),
        "hyperparameters": ("num_epochs = 30\n", f"num_epochs = {epochs}\n"),
    }
    for cell_id, (old, new) in swaps.items():
        if old not in cells[cell_id].source:
            raise SystemExit(f"cell {cell_id!r} of the master no longer contains {old!r}: update this script")
        cells[cell_id].source = cells[cell_id].source.replace(old, new)
    return nb


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--train", type=int, default=25000)
    parser.add_argument("--test", type=int, default=25000)
    parser.add_argument("--output", type=Path, help="save the executed notebook here")
    args = parser.parse_args()

    env_grading = os.environ.pop("NBGRADER_EXECUTION", None)
    if env_grading:
        print(f"ignoring NBGRADER_EXECUTION={env_grading}: this is a student's run")
    nb = patched_notebook(args.epochs, args.train, args.test)
    client = NotebookClient(nb, timeout=None, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(MASTER.parent)}})
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"settings: {args.train} train / {args.test} test reviews, {args.epochs} epoch(s), "
          "seminar sizes (seq_len 32, emb 32, hidden 32, batch 128)")
    timings = {}
    started = time.perf_counter()
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            t0 = time.perf_counter()
            client.execute_cell(cell, index)
            timings[cell.id] = time.perf_counter() - t0
    total = time.perf_counter() - started
    training = {k: v for k, v in timings.items() if k.startswith("train_") and k != "train_model"}
    base = training["train_lstm"]
    print(f"\n{'cell':<24} {'seconds':>8} {'x train_lstm':>12}")
    for cell_id, seconds in training.items():
        print(f"{cell_id:<24} {seconds:8.1f} {seconds / base:12.2f}")
    fixed = total - sum(training.values())
    projected = fixed + sum(training.values()) * SEMINAR_EPOCHS / args.epochs
    print(f"\nwhole run: {total:.1f} s ({fixed:.1f} s outside training)")
    print(f"extrapolated to {SEMINAR_EPOCHS} epochs at these sizes: {projected / 60:.1f} min "
          f"({projected / (base * SEMINAR_EPOCHS / args.epochs):.1f} x the nn.LSTM baseline alone)")
    if args.output:
        nbformat.write(nb, args.output)
        print(f"executed notebook: {args.output}")


if __name__ == "__main__":
    main()
