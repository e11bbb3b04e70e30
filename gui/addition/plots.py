"""Plots for the addition panel: live curves and the attention heatmap (pyqtgraph).

Each plot is created once and updated with ``setData``/``setImage``; histories live in
numpy buffers (``Series``).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from gui.common.plotting import Series
from gui.common.plotting import plot_widget as common_plot_widget
from gui.common.theme import TEXT

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


def visible_char(c: str) -> str:
    return "␣" if c == " " else c


class AttentionMap(QWidget):
    """Heatmap of attention weights: rows = output steps, columns = input characters."""

    def __init__(self, no_attention_text: str, title: str, bottom: str = "", left: str = "", parent=None):
        super().__init__(parent)
        self.plot = plot_widget(title, left, bottom)
        self.plot.setMinimumHeight(120)
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.plot.addItem(self.image)
        self.plot.invertY(True)
        self.plot.showGrid(x=False, y=False)
        self.plot.getPlotItem().setAspectLocked(False)
        self.empty = QLabel(no_attention_text)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: #666;")
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.empty)
        self.matrix = None

    def clear(self) -> None:
        """Nothing to show (no answer yet, or the last one came from another model)."""
        self.matrix = None
        self.image.clear()
        self.plot.getAxis("bottom").setTicks([[]])
        self.plot.getAxis("left").setTicks([[]])
        self.stack.setCurrentWidget(self.plot)

    def set_labels(self, title: str, bottom: str, left: str) -> None:
        self.plot.setTitle(title, color=TEXT, size="10pt")
        self.plot.setLabel("bottom", bottom)
        self.plot.setLabel("left", left)

    def show_attention(self, matrix, in_chars, out_labels) -> None:
        """matrix (Td, Te) or None; in_chars: Te characters; out_labels: Td row labels."""
        if matrix is None:
            self.matrix = None
            self.stack.setCurrentWidget(self.empty)
            return
        self.matrix = np.asarray(matrix, dtype=np.float64)
        td, te = self.matrix.shape
        self.image.setImage(self.matrix.T, levels=(0.0, 1.0))  # ImageItem is x-major: (Te, Td)
        self.plot.getAxis("bottom").setTicks([[(i + 0.5, visible_char(c)) for i, c in enumerate(in_chars)]])
        self.plot.getAxis("left").setTicks([[(j + 0.5, lab) for j, lab in enumerate(out_labels)]])
        self.plot.setXRange(0, te, padding=0)
        self.plot.setYRange(0, td, padding=0)
        self.stack.setCurrentWidget(self.plot)
