"""Plots for the addition panel: live curves (pyqtgraph); its attention map is ``gui.common.heatmap``.

Each plot is created once and updated with ``setData``; histories live in
numpy buffers (``Series``).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.common.plotting import Series
from gui.common.plotting import plot_widget as common_plot_widget

RUN_COLORS = ("#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd")


def plot_widget(title: str, left: str, bottom: str) -> pg.PlotWidget:
    w = common_plot_widget(title, left, bottom)
    w.setMouseEnabled(x=False, y=False)
    w.setMinimumHeight(140)
    return w


class Curve:
    """One line on a plot, fed incrementally."""

    def __init__(self, plot: pg.PlotWidget, color: str, name: str | None = None, symbol: str | None = None,
                 width: float = 1.5):
        self.series = Series()
        self.item = plot.plot([], [], pen=pg.mkPen(color, width=width), name=name,
                              symbol=symbol, symbolSize=5, symbolBrush=color, symbolPen=None)
        self.item.setDownsampling(auto=True, method="peak")
        self.item.setClipToView(True)

    def extend(self, xs, ys) -> None:
        if len(np.atleast_1d(xs)):
            self.series.extend(xs, ys)
            self.item.setData(*self.series.data())

    def clear(self) -> None:
        self.series.clear()
        self.item.setData([], [])
