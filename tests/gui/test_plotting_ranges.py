"""gui.common.plotting: a live curve's axes change a few times a run, and one paint draws a redraw."""
import numpy as np
import pyqtgraph as pg

from gui.common.plotting import set_ticks, settle_ranges, steady_range


def _plot(qtbot):
    w = pg.PlotWidget()
    qtbot.addWidget(w)
    w.resize(400, 300)
    return w, w.plot(), w.getViewBox()


def test_a_growing_curve_stays_in_view_and_moves_the_axes_a_few_times(qtbot):
    w, curve, view = _plot(qtbot)
    changes, last = 0, None
    for n in range(10, 3001, 10):                     # a loss curve as the page gets it
        x = np.arange(1, n + 1, dtype=float)
        y = 2.0 / np.sqrt(x)
        curve.setData(x, y)
        steady_range(view)
        (x0, x1), (y0, y1) = view.viewRange()
        assert x0 <= 1 and x1 >= n and y0 <= y.min() and y1 >= y.max()     # every point in view
        assert x1 - x0 <= 2 * (n - 1) + 10                                   # and the curve fills half of it
        if last is not None and (x0, x1, y0, y1) != last:
            changes += 1
        last = (x0, x1, y0, y1)
    assert changes <= 25                               # pyqtgraph's auto-range: at every one of 299 redraws


def test_the_view_shrinks_to_data_that_fill_under_half_of_it(qtbot):
    w, curve, view = _plot(qtbot)
    curve.setData(np.arange(3000.0), np.linspace(2, 0.1, 3000))
    steady_range(view)
    curve.setData(np.arange(60.0), np.linspace(2, 0.1, 60))      # steps -> epochs
    steady_range(view)
    x0, x1 = view.viewRange()[0]
    assert x0 <= 0 and 59 <= x1 <= 60 + 0.5 * 59 + 1


def test_the_learners_zoom_is_kept_until_auto_range_is_asked_for(qtbot):
    w, curve, view = _plot(qtbot)
    curve.setData(np.arange(100.0), np.ones(100))
    steady_range(view)
    view.setXRange(10, 20, padding=0)                             # the learner zooms in on x...
    view.sigRangeChangedManually.emit([True, False])
    curve.setData(np.arange(500.0), np.ones(500))
    steady_range(view)
    assert view.viewRange()[0] == [10, 20]                       # ...and the zoom stays while data grow
    view.enableAutoRange()                                       # the plot's "A" button
    steady_range(view)
    x0, x1 = view.viewRange()[0]
    assert x0 <= 0 and x1 >= 499


def test_only_the_axes_asked_for_follow_the_data(qtbot):
    w, curve, view = _plot(qtbot)
    view.setYRange(0, 1.05)                                      # accuracy: a fixed axis
    curve.setData(np.arange(50.0), np.linspace(0.2, 0.9, 50))
    steady_range(view, (0,))
    y0, y1 = view.viewRange()[1]
    assert abs(y0 - 0) < 0.1 and abs(y1 - 1.05) < 0.1


def test_settled_ranges_are_applied_before_the_paint(qtbot):
    """pyqtgraph applies a pending auto-range when it paints, and the range change then asks for
    a second paint of the whole plot; settled right after setData, the first paint is the last."""
    w, curve, view = _plot(qtbot)
    curve.setData(np.arange(10.0), np.arange(10.0))
    settle_ranges(w)
    changes = []
    view.sigRangeChanged.connect(lambda *_: changes.append(1))
    curve.setData(np.arange(500.0), np.arange(500.0) * 3)
    assert changes == []                                         # pending until the next paint...
    settle_ranges(w)
    assert changes                                               # ...or until settled
    (x0, x1), (y0, y1) = view.viewRange()
    assert x0 <= 0 and x1 >= 499 and y1 >= 1497
    changes.clear()
    view.prepareForPaint()                                       # what the paint does first
    assert changes == []                                         # nothing left to change: no second paint


def test_ticks_are_set_only_when_they_change(qtbot):
    w, curve, view = _plot(qtbot)
    axis = w.getAxis("bottom")
    set_ticks(axis, [[(0, "a"), (1, "b")]])
    axis.picture = "drawn"                                       # stands for the axis' cached drawing
    set_ticks(axis, [[(0, "a"), (1, "b")]])
    assert axis.picture == "drawn"                               # the same ticks: the drawing is kept
    set_ticks(axis, [[(0, "a"), (1, "c")]])
    assert axis.picture is None and axis._tickLevels == [[(0, "a"), (1, "c")]]


def test_the_x_axis_grows_no_further_than_where_the_run_ends(qtbot):
    w, curve, view = _plot(qtbot)
    for n in (100, 1500, 2900, 3000):
        curve.setData(np.arange(1.0, n + 1), np.ones(n))
        steady_range(view, x_end=3000)
        assert view.viewRange()[0][1] <= 3000 + 30                # not to 4,500: the run ends at 3,000
    assert view.viewRange()[0][1] >= 3000
