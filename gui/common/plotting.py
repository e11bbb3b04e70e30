"""Pieces shared by every page's pyqtgraph plots: a growable history and one plot style."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics

from gui.common.theme import TEXT


class Series:
    """A growable (x, y) history in numpy arrays (amortised O(1) appends).

    With ``max_points`` it stays bounded: when it grows past that, each block of 4 points is
    replaced by its lowest and highest point (in x order; a flat block by its first and last),
    halving it while every spike stays visible. A curve of hours of steps then costs a fixed amount
    of memory and drawing."""

    def __init__(self, capacity: int = 1024, max_points: int | None = None):
        if max_points is not None:
            max_points = max(8, max_points)
            capacity = min(capacity, max_points + 1)
        self.max_points = max_points
        self.x = np.empty(capacity)
        self.y = np.empty(capacity)
        self.n = 0

    def extend(self, xs, ys) -> None:
        xs = np.asarray(xs, dtype=np.float64).ravel()
        ys = np.asarray(ys, dtype=np.float64).ravel()
        need = self.n + len(xs)
        if need > len(self.x):
            cap = max(need, 2 * len(self.x))
            self.x = np.resize(self.x, cap)
            self.y = np.resize(self.y, cap)
        self.x[self.n:need] = xs
        self.y[self.n:need] = ys
        self.n = need
        while self.max_points is not None and self.n > self.max_points:
            self._halve()

    def _halve(self) -> None:
        blocks = self.n // 4
        body = 4 * blocks
        x = self.x[:body].reshape(blocks, 4)
        y = self.y[:body].reshape(blocks, 4)
        filled = np.where(np.isnan(y), np.inf, y)  # a NaN (diverged loss) is neither low nor high
        low, high = filled.argmin(1), np.where(np.isnan(y), -np.inf, y).argmax(1)
        first, second = np.minimum(low, high), np.maximum(low, high)
        flat = first == second                      # all four alike: keep where the block starts and ends
        first, second = np.where(flat, 0, first), np.where(flat, 3, second)
        rows = np.arange(blocks)
        keep = 2 * blocks
        tail = self.n - body
        self.x[:keep:2], self.x[1:keep:2] = x[rows, first], x[rows, second]
        self.y[:keep:2], self.y[1:keep:2] = y[rows, first], y[rows, second]
        self.x[keep:keep + tail] = self.x[body:self.n]
        self.y[keep:keep + tail] = self.y[body:self.n]
        self.n = keep + tail
        if len(self.x) > 2 * self.max_points and self.n <= self.max_points:  # give back what the growth took
            self.x = self.x[:self.max_points + 1].copy()
            self.y = self.y[:self.max_points + 1].copy()

    def clear(self) -> None:
        self.n = 0

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[:self.n], self.y[:self.n]


class ReadableAxis(pg.AxisItem):
    """An axis whose tick labels never overlap.

    On a log axis pyqtgraph labels 2, 3, ..., 9 within each decade when the range is short, which in
    a small plot piles up ("0.08 0.09 0.1 0.2 ... 0.9 1"); here, when they would touch, only 1, 2 and 5
    of each decade are labelled, and on any axis a label that would touch one already placed (decades
    first) is left out. Tick marks stay where pyqtgraph puts them."""

    GAP = 2     # pixels between two labels

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._one_two_five = False

    def logTickStrings(self, values, scale, spacing):
        strings = super().logTickStrings(values, scale, spacing)
        if not self._one_two_five:
            return strings
        return [s if _one_two_five(v) else None for v, s in zip(values, strings)]

    def generateDrawSpecs(self, p):
        self._one_two_five = False
        specs = super().generateDrawSpecs(p)
        if specs is not None and self.logMode and len(apart(specs[2], self.GAP)) < len(specs[2]):
            self._one_two_five = True
            try:
                specs = super().generateDrawSpecs(p)
            finally:
                self._one_two_five = False
        if specs is None:
            return None
        axis, ticks, texts = specs
        return axis, ticks, apart(texts, self.GAP)


def _one_two_five(log10_value: float) -> bool:
    """Is 10**log10_value 1, 2 or 5 times a power of ten?"""
    mantissa = 10 ** (log10_value - np.floor(log10_value + 1e-9))
    return any(abs(mantissa - m) < 1e-6 * m for m in (1, 2, 5, 10))


def apart(texts: list, gap: float) -> list:
    """The (rect, flags, text) specs in order, leaving out each whose rect comes within ``gap`` of one kept."""
    kept = []
    for spec in texts:
        grown = spec[0].adjusted(-gap, -gap, gap, gap)
        if not any(grown.intersects(k[0]) for k in kept):
            kept.append(spec)
    return kept


class LegendPlacer(QObject):
    """Keeps a plot's legend in the corner of its data area where it hides the fewest data points
    (curves, scatter dots and bars), checked when the view's range or size changes: a rising
    accuracy curve, a falling loss and the tallest gradient bars each leave a different corner free."""

    MARGIN = 8
    DELAY_MS = 150              # a burst of range changes (a live run) is placed once

    def __init__(self, plot_item: pg.PlotItem, corner: tuple[int, int], parent: QObject | None = None):
        super().__init__(parent)
        self.plot_item = plot_item
        self.preferred = corner                  # (0 left / 1 right, 0 top / 1 bottom)
        self.corner: tuple[int, int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.place)
        plot_item.vb.sigRangeChanged.connect(self.schedule)
        plot_item.vb.sigResized.connect(self.schedule)

    def schedule(self, *_) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def place(self) -> tuple[int, int] | None:
        """Move the legend now; returns its corner."""
        legend = self.plot_item.legend
        if legend is None or not legend.items:
            return None
        area = self.plot_item.vb.boundingRect()
        size = legend.boundingRect()
        x, y = self._points()
        corners = [self.preferred] + [c for c in ((1, 0), (0, 0), (1, 1), (0, 1)) if c != self.preferred]
        if self.corner in corners:               # on a tie, stay put: no jumping while a run draws
            corners.remove(self.corner)
            corners.insert(0, self.corner)

        def covered(c):
            left = area.left() + self.MARGIN if c[0] == 0 else area.right() - self.MARGIN - size.width()
            top = area.top() + self.MARGIN if c[1] == 0 else area.bottom() - self.MARGIN - size.height()
            return int(np.count_nonzero((x >= left) & (x <= left + size.width())
                                        & (y >= top) & (y <= top + size.height())))

        best = min(corners, key=covered)
        if best != self.corner:
            self.corner = best
            offset = (self.MARGIN if best[0] == 0 else -self.MARGIN, self.MARGIN if best[1] == 0 else -self.MARGIN)
            legend.anchor(itemPos=best, parentPos=best, offset=offset)
        return best

    def _points(self) -> tuple[np.ndarray, np.ndarray]:
        """Every drawn data point, in the view box's pixel coordinates (lines filled in between points)."""
        xs, ys = [], []
        for item in self.plot_item.items:
            if not item.isVisible():
                continue
            if isinstance(item, pg.PlotDataItem):
                x, y = item.getData()
                if x is None or not len(x):
                    continue
                x, y = np.asarray(x, float), np.asarray(y, float)
                if item.opts.get("pen") is not None and 1 < len(x) < 2000:
                    t = np.linspace(0, len(x) - 1, 8 * (len(x) - 1) + 1)
                    x, y = np.interp(t, np.arange(len(x)), x), np.interp(t, np.arange(len(y)), y)
            elif isinstance(item, pg.ScatterPlotItem):
                x, y = item.getData()
            elif isinstance(item, pg.BarGraphItem):
                bx = np.asarray(item.opts.get("x") if item.opts.get("x") is not None else [], float)
                if not len(bx):
                    continue
                y0, h = (item.opts.get(k) for k in ("y0", "height"))
                y0 = np.broadcast_to(np.asarray(0.0 if y0 is None else y0, float), bx.shape)
                h = np.broadcast_to(np.asarray(0.0 if h is None else h, float), bx.shape)
                steps = np.linspace(0, 1, 6)
                x = np.repeat(bx, len(steps))
                y = (y0[:, None] + h[:, None] * steps[None, :]).ravel()
            else:
                continue
            xs.append(np.asarray(x, float))
            ys.append(np.asarray(y, float))
        if not xs:
            return np.empty(0), np.empty(0)
        x, y = np.concatenate(xs), np.concatenate(ys)
        ok = np.isfinite(x) & np.isfinite(y)
        x, y = x[ok], y[ok]
        t = self.plot_item.vb.childTransform()
        return t.m11() * x + t.m21() * y + t.m31(), t.m12() * x + t.m22() * y + t.m32()


def plot_widget(title: str = "", left: str = "", bottom: str = "", grid: bool = True,
                legend_offset: tuple[int, int] | None = None) -> pg.PlotWidget:
    """A white plot with readable axes: no "(x0.001)" SI rescaling of the values a learner reads,
    and, when ``legend_offset`` is given (its signs name the corner it starts in), a legend on a
    translucent card that moves to the corner where it hides the fewest data points."""
    w = pg.PlotWidget(background="w", axisItems={side: ReadableAxis(side) for side in ("left", "bottom")})
    if title:
        w.setTitle(title, color=TEXT, size="10pt")
    for axis, label in (("left", left), ("bottom", bottom)):
        w.getAxis(axis).enableAutoSIPrefix(False)
        if label:
            w.setLabel(axis, label)
    w.showGrid(x=grid, y=grid, alpha=0.25)
    if legend_offset is not None:
        # compact rows (8 pt, rows closer than pyqtgraph's ~28 px): three rows took 2/3 of a small plot
        w.addLegend(offset=legend_offset, labelTextColor=TEXT, brush=pg.mkBrush(255, 255, 255, 210),
                    labelTextSize="8pt", verSpacing=-6, horSpacing=12)
        corner = (0 if legend_offset[0] >= 0 else 1, 0 if legend_offset[1] >= 0 else 1)
        w.legend_placer = LegendPlacer(w.getPlotItem(), corner, parent=w)
    w.setMenuEnabled(False)
    return w


def settle_ranges(widget) -> None:
    """Apply the auto-ranges that new data made pending, now rather than when the plot paints.

    pyqtgraph defers a view's auto-range to the start of its next paint; the range change then
    redraws the axes and schedules a second paint of the whole plot (measured: two paints per
    redraw of the training board's curves). Settled right after ``setData``, one paint draws it all."""
    views = widget.findChildren(pg.GraphicsView)
    for view in [widget, *views] if isinstance(widget, pg.GraphicsView) else views:
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            if isinstance(item, pg.ViewBox):
                item.prepareForPaint()


def set_ticks(axis: pg.AxisItem, levels: list) -> None:
    """``axis.setTicks(levels)``, skipped when the axis already has these ticks: setting them
    makes the axis lay out its text again at the next paint, the costliest part of redrawing a
    small plot."""
    if getattr(axis, "_tickLevels", None) != levels:
        axis.setTicks(levels)


def steady_range(view: pg.ViewBox, axes: tuple[int, ...] = (0, 1), grow: float = 0.5,
                 x_end: float | None = None) -> None:
    """Auto-range for a curve that grows as training runs, whose axes change a few times a run
    instead of at every redraw (each change re-lays the axis text: half the cost of redrawing
    the loss plot). ``axes``: 0 = x, 1 = y.

    The view moves only when the data leave it or fill less than half of it; then it takes the
    data's range with room to grow: ``grow`` × the data's width to the right (x; no further
    than ``x_end``, where the run will end), 10 % above and below (y). After the learner pans or zooms an axis with the mouse, that axis is left alone
    until the plot's auto-range button ("A") is pressed."""
    if not hasattr(view, "_steady_user"):
        view._steady_user = [False, False]          # axes the learner moved by hand

        def moved_by_hand(mask, view=view):
            for ax, moved in enumerate(mask[:2]):
                view._steady_user[ax] = view._steady_user[ax] or bool(moved)
        view.sigRangeChangedManually.connect(moved_by_hand)
    bounds = view.childrenBounds()
    current = view.viewRange()
    wanted = {}
    for ax in axes:
        if view.state["autoRange"][ax] is not False:    # at first, or after "A": ours again
            view._steady_user[ax] = False
        elif view._steady_user[ax]:
            continue
        lo, hi = bounds[ax] or (None, None)            # None: no data yet
        if lo is None or hi is None or not (np.isfinite(lo) and np.isfinite(hi)):
            continue
        v0, v1 = current[ax]
        inside = v0 <= lo and hi <= v1
        if inside and hi - lo >= 0.5 * (v1 - v0) and view.state["autoRange"][ax] is False:
            continue
        span = hi - lo if hi > lo else max(abs(hi), 1.0)
        if ax == 0:
            end = hi + grow * span
            wanted[ax] = (lo - 0.02 * span, end if x_end is None else min(end, max(x_end, hi)))
        else:
            wanted[ax] = (lo - 0.1 * span, hi + 0.1 * span)
    if wanted:
        view.setRange(xRange=wanted.get(0), yRange=wanted.get(1), padding=0)   # autorange off on those axes


def elided(text: str, pixels: int, point_size: int = 9) -> str:
    """``text`` cut with … to ``pixels`` wide in a plot title's font (wide characters count as wide)."""
    font = QFont()
    font.setPointSize(point_size)
    return QFontMetrics(font).elidedText(text, Qt.ElideRight, max(int(pixels), 0))
