"""Forward + backward step time of the reference layers, as a ratio to nn.LSTM's.

    python benchmarks/layers.py [--repeats 30]

Takes the six reference solutions from the master notebook, then for the seminar size
(T=32, B=128, E=H=32) and the normal size (T=200, B=128, E=H=128) times one training step
(forward, sum of the output, backward) of each layer in training mode with dropout 0.5,
against nn.LSTM timed in the same run. Targets on 2 CPU cores: FastRNNLayer within 1.25x,
the loop-based layers within 4x at the seminar size.
"""
import argparse
import math
import os
import platform
import statistics
import time

import numpy as np
import torch
import torch.nn as nn

from instructor.course import REPO_ROOT, notebook_path
from instructor.submissions import reference_answers

SIZES = {"seminar": (32, 128, 32, 32), "normal": (200, 128, 128, 128)}
LAYERS = ("RNNLayer", "FastRNNLayer", "HandmadeLSTM", "Zoneout")
TARGETS = {"FastRNNLayer": 1.25, "RNNLayer": 4.0, "HandmadeLSTM": 4.0, "Zoneout": 4.0}


def reference_layers():
    namespace = {"torch": torch, "nn": nn, "np": np, "math": math}
    for piece, source in reference_answers(notebook_path(REPO_ROOT, "source")).items():
        if not piece.startswith("answer_"):
            exec(compile(source, piece, "exec"), namespace)
    return {name: namespace[name] for name in LAYERS}


def step_time(layer, inp, repeats):
    """Median seconds of forward + backward, after two warm-up steps."""
    times = []
    for i in range(repeats + 2):
        start = time.perf_counter()
        out, (h_n, c_n) = layer(inp)
        (out.sum() + c_n.sum()).backward()
        if i >= 2:
            times.append(time.perf_counter() - start)
        layer.zero_grad(set_to_none=True)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    torch.manual_seed(0)
    layers = reference_layers()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads; training mode, dropout 0.5; median of {args.repeats} steps")
    for size, (seq_len, batch, emb, hidden) in SIZES.items():
        inp = torch.randn(seq_len, batch, emb)
        baseline = step_time(nn.LSTM(emb, hidden).train(), inp, args.repeats)
        print(f"\n{size} size (T={seq_len}, B={batch}, E={emb}, H={hidden}): "
              f"nn.LSTM {baseline * 1e3:.2f} ms per step")
        for name, cls in layers.items():
            seconds = step_time(cls(emb, hidden, dropout=0.5).train(), inp, args.repeats)
            ratio = seconds / baseline
            target = TARGETS[name] if size == "seminar" else None
            verdict = "" if target is None else f"  target {target:.2f}x: {'met' if ratio <= target else 'NOT met'}"
            print(f"  {name:<13} {seconds * 1e3:8.2f} ms  {ratio:5.2f}x nn.LSTM{verdict}")


if __name__ == "__main__":
    main()
