"""Helpers for the recurrent dropout seminar: data, training loops, timing, plots.

Nothing here solves the assignment; the layers are the students' work.
"""
from .data import DatasetUnavailableError, default_cache_dir, fetch_imdb, load_matrix_imdb
from .plots import plot_epoch_times, plot_histories
from .synthetic import make_synthetic_imdb
from .training import (History, compare, evaluate, fit, grading_mode, make_loaders,
                       train_epoch)

__all__ = [
    "DatasetUnavailableError", "History", "compare", "default_cache_dir", "evaluate",
    "fetch_imdb", "fit", "grading_mode", "load_matrix_imdb", "make_loaders",
    "plot_epoch_times", "plot_histories", "train_epoch", "make_synthetic_imdb",
]
