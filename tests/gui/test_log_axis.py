"""Tick labels stay readable: on a log axis in a small plot they do not overlap (gui/common/plotting.py)."""
import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage, QPainter

from gui.common.plotting import plot_widget


def tick_labels(axis):
    """(rect, text) of every tick label the axis would draw now."""
    image = QImage(4, 4, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        if axis.style.get("tickFont") is not None:
            painter.setFont(axis.style["tickFont"])
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _flags, text in specs[2]]


def overlapping(labels):
    return [(a[1], b[1]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if a[0].adjusted(-1, -1, 1, 1).intersects(b[0])]


def _log_plot(qtbot, lo, hi, width, height):
    w = plot_widget("Loss", "loss", "step")
    qtbot.addWidget(w)
    w.setLogMode(y=True)
    w.plot(np.arange(50.0), np.logspace(lo, hi, 50))
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(20)
    return tick_labels(w.getAxis("left"))


def test_a_loss_from_2_to_0_08_on_a_log_axis_has_labels_that_do_not_overlap(qtbot):
    # pyqtgraph alone labelled 0.08 0.09 0.1 0.2 ... 0.9 1 2 here, seven pairs touching
    labels = _log_plot(qtbot, np.log10(2), np.log10(0.08), 400, 200)
    texts = [t for _, t in labels]
    assert not overlapping(labels), texts
    assert "0.1" in texts and "1" in texts          # the decades are always labelled
    assert set(texts) <= {"0.08", "0.1", "0.2", "0.5", "1", "2"}, texts


def test_log_labels_between_decades_stay_where_there_is_room(qtbot):
    labels = _log_plot(qtbot, np.log10(0.5), 0.0, 400, 600)   # half a decade, a tall plot
    texts = [t for _, t in labels]
    assert not overlapping(labels), texts
    assert {"0.5", "0.6", "0.7", "0.8", "0.9", "1"} <= set(texts)


def test_many_decades_in_a_short_plot(qtbot):
    labels = _log_plot(qtbot, -30, 0, 300, 120)
    texts = [t for _, t in labels]
    assert not overlapping(labels), texts
    assert len(texts) >= 2 and all(t == "1" or t.startswith("10") for t in texts), texts   # decades


def test_linear_labels_do_not_overlap_in_a_narrow_plot(qtbot):
    w = plot_widget("", "", "step")
    qtbot.addWidget(w)
    w.plot(np.array([0.0, 1_234_567.0]), np.array([0.0, 1.0]))
    w.resize(160, 150)
    w.show()
    qtbot.waitExposed(w)
    labels = tick_labels(w.getAxis("bottom"))
    assert labels and not overlapping(labels), [t for _, t in labels]


# --- legends keep off the data ----------------------------------------------------------------
def covered_points(widget):
    """Data points (of every curve, in scene pixels) under the plot's legend."""
    pi = widget.getPlotItem()
    box = pi.legend.sceneBoundingRect()
    out = []
    for item in pi.listDataItems():
        x, y = item.getData()
        if x is None:
            continue
        for px, py in zip(x, y):
            p = pi.vb.mapViewToScene(pg.Point(px, py))
            if box.contains(p):
                out.append((item.name(), float(px), float(py)))
    return out


def test_a_legend_moves_to_the_corner_its_curves_leave_free(qtbot):
    w = plot_widget("Accuracy", "accuracy", "step", legend_offset=(-10, 10))   # starts top right
    qtbot.addWidget(w)
    x = np.linspace(0, 100, 201)
    w.plot(x, 1 - 0.9 * np.exp(-x / 15), pen="b", name="train (epoch)")        # rises to the top right
    w.plot(x, 0.95 - 0.85 * np.exp(-x / 20), pen="r", name="validation")
    w.resize(330, 200)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.legend_placer.corner is not None, timeout=2000)
    assert w.legend_placer.corner == (1, 1)           # bottom right: the curves are high there
    assert not covered_points(w)


def test_compare_mode_loss_legend_covers_no_curve(qtbot):
    from types import SimpleNamespace as NS

    from gui.training.curves import CurvesPlot

    plot = CurvesPlot("loss")
    qtbot.addWidget(plot)
    plot.set_runs(["A: Deep sigmoid MLP", "B: Deep ReLU MLP"])
    steps = np.arange(1, 601)
    for run, scale in ((0, 1.0), (1, 0.6)):
        losses = 0.1 + scale * 2.0 * np.exp(-steps / 120)
        evals = [NS(epoch=e, step=e * 15, metrics={"train_loss": float(losses[e * 15 - 1]),
                                                     "val_loss": float(losses[e * 15 - 1]) + 0.05})
                 for e in range(1, 41)]
        plot.add(run, NS(steps_per_epoch=15, steps=steps, losses=losses, lrs=np.full(len(steps), 0.01), evals=evals))
    plot.redraw()
    plot.resize(330, 220)                 # an overview plot at 1024x700
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.waitUntil(lambda: plot.plot.legend_placer.corner is not None, timeout=2000)
    plot.plot.legend_placer.place()
    assert not covered_points(plot.plot)
