"""What the training board's live plots share: run and class colours, short labels and titles
that fit a small plot, the compact compare-mode legend, the gridless plot widget and the base of
the per-run bar plots.

Every plot is created once and updated in place: it keeps its history in numpy buffers
(``Series``), holds one set of items per run (two in compare mode, overlaid or side by side) and
redraws with ``setData``/``setOpts`` only.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.common.plotting import plot_widget as common_plot_widget

RUN_COLORS = ("#1f77b4", "#d62728")                 # run A blue, run B red
CLASS_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")


def short_label(label: str) -> str:
    """'A: Deep sigmoid MLP' -> 'A': legends stay small enough not to cover the curves (the page
    says which network is A and which is B)."""
    head, sep, _ = label.partition(":")
    return head if sep and len(head) <= 2 else label


def titled(label: str, limit: int = 26) -> str:
    """A plot title that fits a half-width plot: 'A: Linear layers only (no…'."""
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def compact_legend(plot_item, runs: int, columns: int | None = None) -> None:
    """Compare mode: the legend in a few columns (by default one per run and one more), so it is
    short and fits a corner of a small plot (at 1024×700 four rows ran past the plot's bottom)."""
    legend = plot_item.legend
    if legend is not None:
        legend.setColumnCount(1 if runs <= 1 else columns or runs + 1)


def class_rgb(n: int) -> np.ndarray:
    cols = [QColor(CLASS_COLORS[i % len(CLASS_COLORS)]) for i in range(max(n, 1))]
    return np.array([[c.red(), c.green(), c.blue()] for c in cols], dtype=np.float64)   # (C, 3)


def plot_widget(title: str, left: str, bottom: str, legend_offset=(-10, 10)) -> pg.PlotWidget:
    # No grid: grid lines were ~60% of each redraw's cost while training runs.
    return common_plot_widget(title, left, bottom, grid=False, legend_offset=legend_offset)


class RunBarsPlot(QWidget):
    """One bar plot whose items are rebuilt for each set of runs (single or compare mode)."""

    dirty = False     # new data since the last redraw (the page skips clean plots)
    item_keys: tuple[str, ...] = ()   # the plot items each run dict holds

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = plot_widget(*self._titles())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot)
        self.runs: list[dict] = []

    def _titles(self) -> tuple[str, str, str]:
        """Title, left axis label, bottom axis label (translated, so after QWidget's __init__)."""
        raise NotImplementedError

    def _remove_runs(self) -> None:
        pi = self.plot.getPlotItem()
        for r in self.runs:
            for key in self.item_keys:
                pi.removeItem(r[key])
        self.runs = []
