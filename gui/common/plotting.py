"""Pieces shared by every page's pyqtgraph plots: a growable history and one plot style."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

TEXT = "#333"


class Series:
    """A growable (x, y) history in numpy arrays (amortised O(1) appends).

    With ``max_points`` it stays bounded: when it grows past that, each block of 4 points is
    replaced by its lowest and highest point (in x order), halving it while every spike stays
    visible. A curve of hours of steps then costs a fixed amount of memory and drawing."""

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
        rows = np.arange(blocks)
        keep = 2 * blocks
        tail = self.n - body
        self.x[:keep:2], self.x[1:keep:2] = x[rows, first], x[rows, second]
        self.y[:keep:2], self.y[1:keep:2] = y[rows, first], y[rows, second]
        self.x[keep:keep + tail] = self.x[body:self.n]
        self.y[keep:keep + tail] = self.y[body:self.n]
        self.n = keep + tail
        if len(self.x) > 2 * self.max_points:  # give back what the growth took
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


def plot_widget(title: str = "", left: str = "", bottom: str = "", grid: bool = True,
                legend_offset: tuple[int, int] | None = None) -> pg.PlotWidget:
    """A white plot with readable axes: no "(x0.001)" SI rescaling of the values a learner reads,
    and, when ``legend_offset`` is given, a legend on a translucent card so curves stay legible."""
    w = pg.PlotWidget(background="w", axisItems={side: ReadableAxis(side) for side in ("left", "bottom")})
    if title:
        w.setTitle(title, color=TEXT, size="10pt")
    for axis, label in (("left", left), ("bottom", bottom)):
        w.getAxis(axis).enableAutoSIPrefix(False)
        if label:
            w.setLabel(axis, label)
    w.showGrid(x=grid, y=grid, alpha=0.25)
    if legend_offset is not None:
        w.addLegend(offset=legend_offset, labelTextColor=TEXT, brush=pg.mkBrush(255, 255, 255, 210))
    w.setMenuEnabled(False)
    return w


def settle_ranges(widget) -> None:
    """Apply the auto-ranges that new data made pending, now rather than when the plot paints.

    pyqtgraph defers a view's auto-range to the start of its next paint; the range change then
    redraws the axes and schedules a second paint of the whole plot (measured: two paints per
    redraw of the training board's curves). Settled right after ``setData``, one paint draws it all."""
    for view in widget.findChildren(pg.GraphicsView):
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
