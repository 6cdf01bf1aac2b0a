"""Pictures for comparing the seminar's models.

While nbgrader grades (see :func:`rnn_utils.grading_mode`) the curves of one epoch on
synthetic data say nothing, so no figure is drawn and matplotlib is not even imported.
"""
from .training import grading_mode


def plot_histories(histories, title=None):
    """Loss and accuracy per epoch, train dashed and test solid, one colour per model.

    Returns the figure, or None while grading.
    """
    if grading_mode():
        return None
    import matplotlib.pyplot as plt
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(12, 4))
    for i, h in enumerate(histories):
        colour = f"C{i}"
        epochs = range(1, len(h.train_loss) + 1)
        for ax, metric in ((ax_loss, "loss"), (ax_acc, "acc")):
            ax.plot(epochs, getattr(h, f"train_{metric}"), "--", color=colour, alpha=0.7, marker=".")
            ax.plot(epochs, getattr(h, f"test_{metric}"), "-", color=colour, label=h.name, marker=".")
    ax_loss.set(xlabel="epoch", ylabel="BCE per review", title="loss (dashed: train, solid: test)")
    ax_acc.set(xlabel="epoch", ylabel="accuracy", title="accuracy (dashed: train, solid: test)")
    ax_acc.legend(loc="lower right")
    for ax in (ax_loss, ax_acc):
        ax.grid(alpha=0.3)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_epoch_times(histories, baseline=None):
    """Mean training time per epoch of each model, labelled as a multiple of ``baseline``.

    Returns the figure, or None while grading.
    """
    if grading_mode():
        return None
    import matplotlib.pyplot as plt
    baseline = baseline or histories[0].name
    base = next(h.mean_epoch_time for h in histories if h.name == baseline)
    names = [h.name for h in histories]
    times = [h.mean_epoch_time for h in histories]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(names) + 1))
    bars = ax.barh(names, times, color=[f"C{i}" for i in range(len(names))])
    for bar, t in zip(bars, times):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2,
                f" {t:.2f} s ({t / base:.1f}x)" if base else f" {t:.2f} s", va="center")
    ax.invert_yaxis()
    ax.set(xlabel="seconds per training epoch", title=f"training time (multiples of {baseline})")
    ax.set_xlim(0, max(times) * 1.35 if max(times) > 0 else 1)
    fig.tight_layout()
    return fig
