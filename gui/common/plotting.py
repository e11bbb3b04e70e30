"""Pieces shared by every page's pyqtgraph plots: a growable history and one plot style."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

TEXT = "#333"


class Series:
    """A growable (x, y) history in numpy arrays (amortised O(1) appends)."""

    def __init__(self, capacity: int = 1024):
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

    def clear(self) -> None:
        self.n = 0

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[:self.n], self.y[:self.n]


def plot_widget(title: str = "", left: str = "", bottom: str = "", grid: bool = True,
                legend_offset: tuple[int, int] | None = None) -> pg.PlotWidget:
    """A white plot with readable axes: no "(x0.001)" SI rescaling of the values a learner reads,
    and, when ``legend_offset`` is given, a legend on a translucent card so curves stay legible."""
    w = pg.PlotWidget(background="w")
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
