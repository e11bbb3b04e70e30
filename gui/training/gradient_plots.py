"""The training board's gradient-flow plots: per-layer bars of the latest step and a heatmap over time."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from core.engine.events import GradStats
from gui.common import theme
from gui.common.plotting import LegendPlacer, set_ticks
from gui.training.plot_parts import RUN_COLORS, RunBarsPlot, compact_legend, short_label, titled

STEADY_REDRAWS = 10      # gradient bars: the log axis shrinks only after this many redraws need less
HEAT_COLUMNS = 240                                   # gradient heatmap: this many recent samples


class GradBarsPlot(RunBarsPlot):
    """Gradient flow: mean |grad| per layer as bars on a log scale, max |grad| as dots."""

    item_keys = ("bars", "dots", "zeros")

    def _titles(self):
        return (self.tr("Gradient flow (latest step)"), self.tr("|grad| (log scale)"),
                self.tr("layer index (layers with weights)"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot.getAxis("left").setLogMode(True)        # values are log10: labels read 10^x
        self.plot.setYRange(-6, 0)
        # Raw |grad| of a converged network is tiny everywhere, so after a compare run a healthy
        # ReLU net's bars sank below the deep sigmoid net's: the opposite of the lesson. Relative
        # to each net's own last layer, the vanishing shows at every moment of a run.
        self.relative = QCheckBox(self.tr("Relative to the last layer"))
        self.relative.setToolTip(self.tr("Each layer's mean |grad| divided by the last layer's: "
                                         "a vanishing gradient reads as a bar far below 1"))
        self.relative.setChecked(True)
        self.relative.toggled.connect(self._relative_toggled)
        self._needed: list[tuple[float, float]] = []     # the axis range each recent redraw needed
        self._relative_toggled(True)
        self.layout().insertWidget(0, self.relative)

    def set_runs(self, labels: list[str]) -> None:
        self._remove_runs()
        self._needed = []
        pi = self.plot.getPlotItem()
        n = len(labels)
        compact_legend(pi, n, columns=2)       # compare: "A  B" over "max |grad|  exactly 0"
        for i, label in enumerate(labels):
            color = QColor(RUN_COLORS[i % len(RUN_COLORS)])
            last = i == n - 1
            bars = pg.BarGraphItem(x=[], height=[], width=0.8 / n, brush=color, pen=pg.mkPen(color),
                                   name=short_label(label) if n > 1 else self.tr("mean |grad|"))
            dots = pg.ScatterPlotItem(size=7, symbol="t", brush=pg.mkBrush(theme.TEXT), pen=None,
                                      name=self.tr("max |grad|") if last else None)
            # exactly 0 has no logarithm: marked with a cross at the bottom, never passed off as small
            zeros = pg.ScatterPlotItem(size=12, symbol="x", brush=pg.mkBrush(color), pen=pg.mkPen(color, width=2),
                                       name=self.tr("exactly 0") if last else None)
            pi.addItem(bars)
            pi.addItem(dots)
            pi.addItem(zeros)
            self.runs.append(dict(bars=bars, dots=dots, zeros=zeros, stats=None,
                                  offset=(i - (n - 1) / 2) * 0.8 / n))

    def clear(self) -> None:
        for r in self.runs:
            r["stats"] = None
        self._needed = []
        self.redraw()

    def add(self, run: int, batch) -> None:
        if batch.grads:
            self.set_stats(run, batch.grads[-1])

    def set_stats(self, run: int, stats: GradStats) -> None:
        self.runs[run]["stats"] = stats
        self.dirty = True

    def latest(self, run: int = 0) -> GradStats | None:
        return self.runs[run]["stats"] if self.runs else None

    def _relative_toggled(self, relative: bool) -> None:
        self._needed = []                         # other numbers: the range starts afresh
        self.plot.setLabel("left", self.tr("|grad| ÷ last layer (log)") if relative
                           else self.tr("|grad| (log scale)"))
        self.redraw()

    def shown(self, run: int = 0) -> tuple[np.ndarray, np.ndarray] | None:
        """(mean |grad|, max |grad|) per layer as drawn: raw, or divided by the last layer's mean."""
        s = self.runs[run]["stats"] if self.runs else None
        if s is None or not len(s.mean_abs):
            return None
        if self.relative.isChecked() and s.mean_abs[-1] > 0:
            return s.mean_abs / s.mean_abs[-1], s.max_abs / s.mean_abs[-1]
        return s.mean_abs, s.max_abs

    def _legend_room(self, span: float) -> float:
        """Empty axis above the bars, as tall as the legend: bars fill the plot's whole width, so
        no corner was free and the legend covered the tallest bars."""
        pi = self.plot.getPlotItem()
        need = pi.legend.boundingRect().height() + LegendPlacer.MARGIN if pi.legend is not None else 0
        free = pi.vb.height() - need
        return 0.0 if need <= 0 else span * min(need / free, 1.0) if free > 0 else span

    def redraw(self) -> None:
        # exact zeros (a dead layer, no gradient yet) have no logarithm: they get no bar and do
        # not stretch the axis; the range follows the other values, so vanishing gradients
        # (1e-7 in a deep sigmoid net, 1e-11 in a converged one) stay in view
        shown = [self.shown(i) for i in range(len(self.runs))]
        pos = [v for sv in shown if sv is not None for v in sv if np.any(v > 0)]
        if pos:
            floor = float(np.floor(np.log10(min(v[v > 0].min() for v in pos)))) - 1
            top = max(0.0, float(np.ceil(np.log10(max(v.max() for v in pos)))))
            # the widest range of the last few redraws (~2 s): grows at once, shrinks only when
            # the values stay smaller, instead of jumping between decades at every redraw (each
            # jump also re-laid the axis text, the costliest part of the paint)
            self._needed = self._needed[-(STEADY_REDRAWS - 1):] + [(floor, top)]
            floor, top = min(f for f, _ in self._needed), max(t for _, t in self._needed)
        else:
            floor, top = -6.0, 0.0
        self.plot.setYRange(floor, top + self._legend_room(top - floor), padding=0.02)
        names = None
        for r, sv in zip(self.runs, shown):
            if sv is None:
                r["bars"].setOpts(x=[], height=[], y0=floor)
                r["dots"].setData([], [])
                r["zeros"].setData([], [])
                continue
            mean_abs, max_abs = sv
            x = np.arange(len(mean_abs)) + r["offset"]
            mean = np.log10(np.maximum(mean_abs, 10.0 ** floor))
            r["bars"].setOpts(x=x, height=np.where(mean_abs > 0, mean - floor, 0), y0=floor)
            dots = max_abs > 0
            r["dots"].setData(x[dots], np.log10(max_abs[dots]))
            zero = mean_abs == 0
            r["zeros"].setData(x[zero], np.full(int(zero.sum()), floor + 0.15 * (top - floor) / 6))
            names = names or r["stats"].names
        # no gradients yet: no layer numbers either (not the last network's)
        set_ticks(self.plot.getAxis("bottom"), [[(i, _index(n)) for i, n in enumerate(names or ())]])


def _index(name: str) -> str:
    """'4: Linear' -> '4': deep networks have too many layers for full names on an axis."""
    return name.split(":")[0]


class GradHeatmap(QWidget):
    """Gradient flow over time: layer (rows) × time (columns), colour = log10 mean |grad|."""

    dirty = False     # new data since the last redraw (the page skips clean plots)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.title = QLabel(self.tr("Gradient flow over time: log10 of mean |grad| per layer "
                                    "(bright = large, dark = vanishing, white = exactly 0)"))
        self.title.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.view)
        self.runs: list[dict] = []
        self.cmap = pg.colormap.get("viridis")

    def set_runs(self, labels: list[str]) -> None:
        self.view.clear()
        self.runs = []
        for i, label in enumerate(labels):
            pi = self.view.addPlot(row=i, col=0, title=titled(label, 60) if len(labels) > 1 else None)
            pi.setLabel("left", self.tr("layer"))    # short: two heatmaps share a small tab
            pi.setLabel("bottom", self.tr("step"))
            for side in ("left", "bottom"):
                pi.getAxis(side).enableAutoSIPrefix(False)   # no "(x0.001)" on a layer index or a step
            pi.setMenuEnabled(False)
            img = pg.ImageItem(axisOrder="row-major")
            img.setColorMap(self.cmap)
            pi.addItem(img)
            bar = pg.ColorBarItem(colorMap=self.cmap, values=(-8, 0), interactive=False, width=12)
            bar.setImageItem(img, insert_in=pi)
            self.runs.append(dict(plot=pi, img=img, bar=bar, cols=[], steps=[], names=()))

    def clear(self) -> None:
        for r in self.runs:
            r["cols"], r["steps"] = [], []
            r["img"].clear()

    def add(self, run: int, batch) -> None:
        if not batch.grads:
            return
        self.dirty = True
        r = self.runs[run]
        for s in batch.grads:
            with np.errstate(divide="ignore"):
                col = np.log10(np.asarray(s.mean_abs, dtype=np.float64))
            r["cols"].append(np.where(np.isfinite(col), col, np.nan))     # exactly 0: no colour
            r["steps"].append(s.step)
            r["names"] = s.names
        del r["cols"][:-HEAT_COLUMNS], r["steps"][:-HEAT_COLUMNS]

    def column_count(self, run: int = 0) -> int:
        return len(self.runs[run]["cols"]) if self.runs else 0

    def levels(self) -> tuple[float, float]:
        """One colour scale for every run, so that two nets' colours mean the same |grad|."""
        seen = [np.asarray(c)[np.isfinite(c)] for r in self.runs for c in r["cols"]]
        seen = np.concatenate(seen) if seen else np.zeros(0)
        if not seen.size:
            return -8.0, 0.0
        lo, hi = float(np.floor(seen.min())), float(np.ceil(seen.max()))
        return lo, max(hi, lo + 1)

    def redraw(self) -> None:
        lo, hi = self.levels()
        for r in self.runs:
            if not r["cols"]:
                continue
            img = np.stack(r["cols"], 1)                      # (L, T); nan: exactly 0 (drawn white)
            r["img"].setImage(img, autoLevels=False, levels=(lo, hi))
            r["bar"].setLevels((lo, hi))
            s0, s1 = r["steps"][0], r["steps"][-1]
            r["img"].setRect(QRectF(s0, -0.5, max(s1 - s0, 1), img.shape[0]))
            # at most ~6 numbers on a short axis: 9 layers' numbers ran into each other
            step = max(1, -(-len(r["names"]) // 6))
            set_ticks(r["plot"].getAxis("left"), [[(i, _index(n)) for i, n in enumerate(r["names"]) if i % step == 0
                                                   or i == len(r["names"]) - 1]])
