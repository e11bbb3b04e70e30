"""A long run's curves stay bounded: the window's memory must not grow with the run's length."""
from types import SimpleNamespace as NS

import numpy as np

from gui.training import curves
from gui.training.curves import CurvesPlot


def _feed(plot: CurvesPlot, epochs: int, steps_per_epoch: int = 50) -> None:
    """``epochs`` epochs of news in 100 messages, each followed by a redraw (as the board does)."""
    per_message = epochs // 100
    for m in range(100):
        first = m * per_message
        ep = np.arange(first + 1, first + per_message + 1)
        steps = np.arange(first * steps_per_epoch + 1, (first + per_message) * steps_per_epoch + 1)
        losses = 1.0 / np.sqrt(steps)
        evals = [NS(epoch=int(e), step=int(e * steps_per_epoch),
                    metrics={"train_loss": 1.0 / e, "val_loss": 1.1 / e, "train_acc": 0.9, "val_acc": 0.8})
                 for e in ep]
        plot.add(0, NS(steps_per_epoch=steps_per_epoch, steps=steps, losses=losses,
                       lrs=np.full(len(steps), 0.01), evals=evals))
        plot.redraw()


def test_hours_of_steps_and_epochs_draw_a_bounded_number_of_points(qtbot):
    plot = CurvesPlot("loss")
    qtbot.addWidget(plot)
    plot.set_runs(["A"])
    items = list(plot.plot.getPlotItem().items)
    epochs = 2 * curves.MAX_POINTS + 300          # both the step and the epoch curves pass the bound
    _feed(plot, epochs)
    run = plot.runs[0]
    for name in ("train", "val", "step_curve"):
        x, y = run[name].getOriginalDataset()
        assert 0 < len(x) <= curves.MAX_POINTS, name
    # the newest news is drawn; the oldest still is (halved, not dropped)
    x, y = run["train"].getOriginalDataset()
    assert x[-1] == epochs * 50 and x[0] == 50 and np.isclose(y[-1], 1.0 / epochs)
    sx, _ = run["step_curve"].getOriginalDataset()
    assert sx[0] == 1 and sx[-1] == epochs * 50
    assert list(plot.plot.getPlotItem().items) == items  # redraws add no items


def test_a_cleared_plot_shows_the_starting_axes_not_the_last_runs(qtbot):
    plot = CurvesPlot("loss")
    qtbot.addWidget(plot)
    plot.set_runs(["A"])
    _feed(plot, epochs=100)                               # 5,000 steps
    assert plot.plot.getViewBox().viewRange()[0][1] > 4000
    plot.clear()                                          # Reset, new data, a new project
    assert plot.plot.getViewBox().viewRange()[0] == [0, 1]
    _feed(plot, epochs=100)                               # the next run sets its own range again
    assert plot.plot.getViewBox().viewRange()[0][1] > 4000
