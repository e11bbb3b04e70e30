"""The training view's live plots (pyqtgraph), each created once and updated in place.

Every plot keeps its history in numpy buffers (``Series``), holds one set of items per run
(two in compare mode, overlaid or side by side) and redraws with ``setData``/``setOpts`` only.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.engine.events import GradStats
from core.training.events import ProbeEvent
from gui.common import theme
from gui.common.combo import refill_combo
from gui.common.plotting import LegendPlacer, Series, plot_widget, set_ticks, steady_range

RUN_COLORS = ("#1f77b4", "#d62728")                 # run A blue, run B red
CLASS_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
# A curve longer than this is halved (each block of 4 -> its low and high: spikes kept), so the
# window's memory stays bounded. 1,000-2,000 points: one or two per pixel column of a wide plot.
# bench.soak, 28 min at full speed, paired (same time, load ~10-13): 20,000 -> window +1.84 %
# (3.6 KB/s), 2,000 -> +0.84 % (1.8 KB/s).
MAX_POINTS = 2_000
STEADY_REDRAWS = 10      # gradient bars: the log axis shrinks only after this many redraws need less
HEAT_COLUMNS = 240                                   # gradient heatmap: this many recent samples


def short_label(label: str) -> str:
    """'A: Deep sigmoid MLP' -> 'A': legends stay small enough not to cover the curves (the page
    says which network is A and which is B)."""
    head, sep, _ = label.partition(":")
    return head if sep and len(head) <= 2 else label


def titled(label: str, limit: int = 26) -> str:
    """A plot title that fits a half-width plot: 'A: Linear layers only (no…'."""
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def elided(text: str, pixels: int) -> str:
    """``text`` cut with … to ``pixels`` wide in a plot title's font (wide characters count as wide)."""
    font = QFont()
    font.setPointSize(9)
    return QFontMetrics(font).elidedText(text, Qt.ElideRight, pixels)


def _compact_legend(plot_item, runs: int, columns: int | None = None) -> None:
    """Compare mode: the legend in a few columns (by default one per run and one more), so it is
    short and fits a corner of a small plot (at 1024×700 four rows ran past the plot's bottom)."""
    legend = plot_item.legend
    if legend is not None:
        legend.setColumnCount(1 if runs <= 1 else columns or runs + 1)


def class_rgb(n: int) -> np.ndarray:
    cols = [QColor(CLASS_COLORS[i % len(CLASS_COLORS)]) for i in range(max(n, 1))]
    return np.array([[c.red(), c.green(), c.blue()] for c in cols], dtype=np.float64)   # (C, 3)


def _plot_widget(title: str, left: str, bottom: str, legend_offset=(-10, 10)) -> pg.PlotWidget:
    # No grid: grid lines were ~60% of each redraw's cost while training runs.
    return plot_widget(title, left, bottom, grid=False, legend_offset=legend_offset)


class CurvesPlot(QWidget):
    """Loss or accuracy against step or epoch: per-step curve plus per-epoch train/validation."""

    dirty = False     # new data since the last redraw (the page skips clean plots)

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind                      # "loss" or "acc"
        title = self.tr("Loss") if kind == "loss" else self.tr("Accuracy")
        # accuracy climbs to the top right: its legend sits bottom right, where the curve no longer is
        self.plot = _plot_widget(title, title, self.tr("step"), (-10, -10) if kind == "acc" else (-10, 10))
        if kind == "acc":
            self.plot.setYRange(0, 1.05)      # room above 1.0: a curve at 100 % is not hidden by the frame
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.log_scale = None
        if kind == "loss":
            # a loss that falls from 1 to 0.001 is a flat line on a linear axis; on a log axis each
            # factor of 10 gets the same height
            self.log_scale = QCheckBox(self.tr("log scale"))
            self.log_scale.toggled.connect(self._log_toggled)
            lay.addWidget(self.log_scale)
        lay.addWidget(self.plot)
        self.x_mode = "step"
        self._text = False                    # the data is text (set_data)
        self.runs: list[dict] = []

    def set_runs(self, labels: list[str]) -> None:
        """One set of curves per run; clears the history."""
        pi = self.plot.getPlotItem()
        for r in self.runs:
            for item in r["items"]:
                pi.removeItem(item)
        self.runs = []
        _compact_legend(pi, len(labels))
        for i, label in enumerate(labels):
            color = RUN_COLORS[i % len(RUN_COLORS)]
            items = []
            step_curve = None
            if self.kind == "loss":
                c = QColor(color)
                c.setAlpha(90)
                # in compare mode the faint per-step curves need no legend rows of their own
                step_curve = pi.plot(pen=pg.mkPen(c, width=1),
                                     name=None if len(labels) > 1 else self.tr("loss per step"))
                step_curve.setDownsampling(auto=True, method="peak")
                step_curve.setClipToView(True)
                items.append(step_curve)
            if len(labels) > 1:
                # compare mode: a compact legend ("A", "B", one "validation" for both dashed lines)
                # that fits a small plot's corner instead of four rows over the curves
                train = pi.plot(pen=pg.mkPen(color, width=2), name=short_label(label))
                val = pi.plot(pen=pg.mkPen(color, width=2, style=Qt.DashLine))
                if i == len(labels) - 1:
                    items.append(pi.plot(pen=pg.mkPen("#666", width=2, style=Qt.DashLine),
                                         name=self.tr("validation")))
            else:
                # text has no epochs: its training loss is measured every few seconds, like validation
                train = pi.plot(pen=pg.mkPen(color, width=2),
                                name=self.tr("train") if self._text else self.tr("train (epoch)"))
                val = pi.plot(pen=pg.mkPen(color, width=2, style=Qt.DashLine), name=self.tr("validation"))
            items += [train, val]
            self.runs.append(dict(items=items, step_curve=step_curve, train=train, val=val,
                                  steps=Series(max_points=MAX_POINTS), epochs=Series(max_points=MAX_POINTS),
                                  train_y=Series(), val_y=Series(), epoch_steps=Series(max_points=MAX_POINTS),
                                  spe=1, total=0, lr=None, lr_marks=[], lr_lines=[]))

    def clear(self) -> None:
        for r in self.runs:
            for s in ("steps", "epochs", "train_y", "val_y", "epoch_steps"):
                r[s].clear()
            r["lr"], r["lr_marks"] = None, []
        self.redraw()

    def _log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self.plot.enableAutoRange(axis="y")

    def lr_marks(self, run: int = 0) -> list[tuple[float, float]]:
        """(step, new rate) where the learning rate was changed during the run."""
        return list(self.runs[run]["lr_marks"]) if self.runs else []

    def set_data(self, data) -> None:
        text = getattr(data, "vocab", None) is not None      # a TextCorpus: loss per character, no accuracy
        self._text = text
        if self.kind == "loss":
            self.plot.setLabel("left", self.tr("Loss (nats/char)") if text else self.tr("Loss"))
        self.set_classification(not text and (data is None or bool(data.n_classes)))

    def set_classification(self, yes: bool) -> None:
        """Accuracy has no meaning for regression: say so in the title."""
        if self.kind == "acc":
            self.plot.setTitle(self.tr("Accuracy") if yes else self.tr("Accuracy (classification only)"),
                               color=theme.TEXT, size="10pt")

    def set_x_mode(self, mode: str) -> None:
        self.x_mode = mode
        self.plot.setLabel("bottom", self.tr("step") if mode == "step" else self.tr("epoch"))
        self.redraw()

    def add(self, run: int, batch) -> None:
        self.dirty = True
        r = self.runs[run]
        r["spe"] = max(1, batch.steps_per_epoch)
        r["total"] = getattr(batch, "total_steps", 0)   # where the run ends (0: unknown)
        if self.kind == "loss" and len(batch.steps):
            r["steps"].extend(batch.steps, batch.losses)
            # a changed learning rate (typed while training) is marked where it took effect
            lrs = np.asarray(batch.lrs, dtype=np.float64)
            prev = np.concatenate([[r["lr"] if r["lr"] is not None else lrs[0]], lrs[:-1]])
            changed = np.abs(lrs - prev) > 1e-3 * np.maximum(np.abs(prev), 1e-12)
            for step, lr in zip(batch.steps[changed], lrs[changed]):
                r["lr_marks"].append((float(step), float(lr)))
            r["lr"] = float(lrs[-1])
        if batch.evals:
            ep = np.array([e.epoch for e in batch.evals], dtype=np.float64)
            st = np.array([e.step for e in batch.evals], dtype=np.float64)
            nan = float("nan")
            tr_ = [e.metrics.get(f"train_{self.kind}", nan) for e in batch.evals]
            va = [e.metrics.get(f"val_{self.kind}", nan) for e in batch.evals]
            r["epochs"].extend(ep, tr_)
            r["epoch_steps"].extend(st, va)

    def point_count(self) -> int:
        return sum(r["steps"].n + r["epochs"].n for r in self.runs)

    def redraw(self) -> None:
        for r in self.runs:
            ep, tr_ = r["epochs"].data()
            st, va = r["epoch_steps"].data()
            x = ep if self.x_mode == "epoch" else st
            ok = np.isfinite(tr_)
            r["train"].setData(x[ok], tr_[ok])
            ok = np.isfinite(va)
            r["val"].setData(x[ok], va[ok])
            if r["step_curve"] is not None:
                sx, sy = r["steps"].data()
                r["step_curve"].setData(sx / r["spe"] if self.x_mode == "epoch" else sx, sy)
            self._draw_lr_marks(r)
        # the accuracy axis is fixed at 0..1.05; the rest follows the data in steps, not every redraw
        ends = [r["total"] / (r["spe"] if self.x_mode == "epoch" else 1) for r in self.runs if r["total"]]
        steady_range(self.plot.getViewBox(), (0, 1) if self.kind == "loss" else (0,),
                     x_end=max(ends) if ends else None)
        placer = getattr(self.plot, "legend_placer", None)
        if placer is not None:        # the curves moved inside a steady view: the legend may now cover them
            placer.schedule()

    def _draw_lr_marks(self, r: dict) -> None:
        pi = self.plot.getPlotItem()
        marks = r["lr_marks"][-20:]              # the latest few: a line per change
        while len(r["lr_lines"]) > len(marks):
            line = r["lr_lines"].pop()
            pi.removeItem(line)
            r["items"].remove(line)
        while len(r["lr_lines"]) < len(marks):
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888", width=1, style=Qt.DotLine),
                                   label="", labelOpts=dict(position=0.92, color="#555", fill="#ffffffc0"))
            pi.addItem(line, ignoreBounds=True)
            r["lr_lines"].append(line)
            r["items"].append(line)
        for line, (step, lr) in zip(r["lr_lines"], marks):
            line.setPos(step / r["spe"] if self.x_mode == "epoch" else step)
            line.label.setFormat(f"lr {lr:g}")


class _RunBarsPlot(QWidget):
    """One bar plot whose items are rebuilt for each set of runs (single or compare mode)."""

    dirty = False     # new data since the last redraw (the page skips clean plots)
    item_keys: tuple[str, ...] = ()   # the plot items each run dict holds

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = _plot_widget(*self._titles())
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


class GradBarsPlot(_RunBarsPlot):
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
        _compact_legend(pi, n, columns=2)       # compare: "A  B" over "max |grad|  exactly 0"
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
        if names:
            set_ticks(self.plot.getAxis("bottom"), [[(i, _index(n)) for i, n in enumerate(names)]])


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


class _ProbeMixin:
    """Plots that draw the tabular task's picture (``pictures["probe"]``, a ProbeEvent)."""

    probe_part: str | None = None     # the ProbeEvent field this plot draws: None there = not made this time

    def add(self, run: int, batch) -> None:
        probe = batch.pictures.pictures.get("probe") if batch.pictures is not None else None
        if probe is not None and (self.probe_part is None or getattr(probe, self.probe_part) is not None):
            self.set_probe(run, probe)


class ActivityPlot(_ProbeMixin, _RunBarsPlot):
    """Per activation layer: share of saturated sigmoid/tanh outputs and of dead ReLU units."""

    item_keys = ("sat", "dead")
    probe_part = "saturated"

    def _titles(self):
        return self.tr("Saturated (sigmoid/tanh) and dead (ReLU) share"), self.tr("share"), self.tr("activation layer")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot.setYRange(0, 1.0)
        self.plot.setMinimumHeight(150)      # at 1024x700 the heatmaps above squeezed it to nothing

    def set_runs(self, labels: list[str]) -> None:
        self._remove_runs()
        pi = self.plot.getPlotItem()
        n = len(labels)
        _compact_legend(pi, n, columns=2)      # compare: "A: saturated  A: dead" over B's
        for i, label in enumerate(labels):
            prefix = f"{short_label(label)}: " if n > 1 else ""
            w = 0.8 / (2 * n)
            color = QColor(RUN_COLORS[i % len(RUN_COLORS)])
            sat = pg.BarGraphItem(x=[], height=[], width=w, brush=color, pen=pg.mkPen(color),
                                  name=prefix + self.tr("saturated"))
            dead = pg.BarGraphItem(x=[], height=[], width=w, brush=QBrush(color, Qt.BDiagPattern),
                                   pen=pg.mkPen(color), name=prefix + self.tr("dead"))
            pi.addItem(sat)
            pi.addItem(dead)
            self.runs.append(dict(sat=sat, dead=dead, probe=None, offset=(i - (n - 1) / 2) * 0.8 / n, w=w,
                                  label=label))

    def set_probe(self, run: int, probe: ProbeEvent) -> None:
        self.dirty = True
        self.runs[run]["probe"] = probe

    def clear(self) -> None:
        for r in self.runs:
            r["probe"] = None
        self.redraw()

    def redraw(self) -> None:
        per_run = []
        for r in self.runs:
            p = r["probe"]
            if p is None or not len(p.act_layers):
                r["sat"].setOpts(x=[], height=[])
                r["dead"].setOpts(x=[], height=[])
                continue
            x = np.arange(len(p.act_layers)) + r["offset"]
            r["sat"].setOpts(x=x - r["w"] / 2, height=np.nan_to_num(p.saturated))
            r["dead"].setOpts(x=x + r["w"] / 2, height=np.nan_to_num(p.dead))
            per_run.append(p.act_names)
        if per_run:
            ticks, label = self.tick_labels(per_run, [short_label(r["label"]) for r in self.runs if r["probe"]])
            set_ticks(self.plot.getAxis("bottom"), [ticks])
            self.plot.setLabel("bottom", label or self.tr("activation layer"))

    def tick_labels(self, per_run: list[tuple[str, ...]], letters=()) -> tuple[list[tuple[int, str]], str]:
        """Each net's own layer names, and an axis label. Where each net has one kind of activation
        (the deep sigmoid / ReLU pair), the ticks are the layer numbers and the axis says the
        kinds ("A: Sigmoid · B: ReLU"): eight "1: Sigmoid | ReLU" labels ran into each other.
        Otherwise '1: Sigmoid' alone, '1: Sigmoid | ReLU' in compare mode."""
        kinds = [{n.split(": ", 1)[-1] for n in names} for names in per_run]
        if len(per_run) > 1 and all(len(k) == 1 for k in kinds) and len({next(iter(k)) for k in kinds}) > 1:
            ticks = [(k, n.split(":")[0]) for k, n in enumerate(max(per_run, key=len))]
            parts = [f"{letter}: {next(iter(k))}" for letter, k in zip(letters or ("A", "B"), kinds)]
            return ticks, self.tr("activation layer") + " (" + " · ".join(parts) + ")"
        ticks = []
        for k in range(max(len(n) for n in per_run)):
            names = [n[k] for n in per_run if k < len(n)]
            if len(set(names)) == 1:
                ticks.append((k, names[0]))
            else:
                index = names[0].split(":")[0]
                ticks.append((k, f"{index}: " + " | ".join(n.split(": ", 1)[-1] for n in names)))
        return ticks, ""


class BoundaryPlot(_ProbeMixin, QWidget):
    """The decision boundary (coloured by predicted class, paler where unsure) under the data
    points; for 1-D regression, the data and the network's curve."""

    dirty = False     # new data since the last redraw (the page skips clean plots)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.note = QLabel()     # no word wrap: height-for-width would squeeze the grid's other row
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)
        lay.addWidget(self.note)
        self.runs: list[dict] = []
        self.data = None

    def set_runs(self, labels: list[str]) -> None:
        self.view.clear()
        self.runs = []
        for i, label in enumerate(labels):
            # compare: two plots side by side in half the board; the title is cut to fit one of them
            title = self.tr("Decision boundary") if len(labels) == 1 else elided(label, 75)
            pi = self.view.addPlot(row=0, col=i, title=title)
            pi.setMenuEnabled(False)
            pi.setAspectLocked(False)
            img = pg.ImageItem(axisOrder="row-major")
            pi.addItem(img)
            # one scatter item per class (one brush each): far cheaper to paint than per-point brushes
            pts = [pg.ScatterPlotItem(size=5, pen=pg.mkPen("#222", width=0.5),
                                      brush=pg.mkBrush(CLASS_COLORS[c % len(CLASS_COLORS)]))
                   for c in range(len(CLASS_COLORS))]
            for item in pts:
                pi.addItem(item)
            curve = pi.plot(pen=pg.mkPen(RUN_COLORS[i % 2], width=3))
            self.runs.append(dict(plot=pi, img=img, pts=pts, curve=curve, probe=None, images=0, label=label))
        self._fit_titles()

    def _fit_titles(self) -> None:
        """Compare: each title cut to half the view's width (a short cut in a 1024-px window, the
        whole name in a wide one)."""
        if len(self.runs) > 1:
            budget = max(60, self.view.width() // len(self.runs) - 70)
            for r in self.runs:
                r["plot"].setTitle(elided(r["label"], budget))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_titles()
        self.set_data(self.data)

    def set_data(self, data) -> None:
        """Show the training points (coloured by class)."""
        text = getattr(data, "vocab", None) is not None      # a TextCorpus has no points to show
        self.data = data                                      # (set_runs shows it again)
        data = None if text else data
        for r in self.runs:
            r["probe"] = None
            r["img"].clear()
            r["curve"].setData([], [])
            for item in r["pts"]:
                item.setData([], [])
            if data is None:
                continue
            x, y = data.x_train, data.y_train
            if data.n_features == 2 and data.n_classes:
                for c in range(min(data.n_classes, len(r["pts"]))):
                    mine = y == c
                    r["pts"][c].setData(x[mine, 0], x[mine, 1])
            elif data.n_features == 1:
                r["pts"][0].setData(x[:, 0], y.reshape(len(y), -1)[:, 0], brush=pg.mkBrush("#888"))
        if len(self.runs) == 1:
            regression = data is not None and not data.n_classes
            self.runs[0]["plot"].setTitle(self.tr("Prediction") if regression else self.tr("Decision boundary"))
        if text:
            self.note.setText(self.tr("A picture needs 2-D classification or 1-D regression data;")
                              + "\n" + self.tr("text has none: its samples are on the Text tab."))
        elif data is None:
            self.note.setText("")
        elif data.n_features == 2 and data.n_classes:
            self.note.setText(self.tr("Background: the predicted class")
                              + "\n" + self.tr("(paler = less sure). Dots: training data."))
        elif data.n_features == 1:
            self.note.setText(self.tr("Grey dots: training data. Line: what the network predicts."))
        else:
            self.note.setText(self.tr("A picture needs 2-D classification or 1-D regression data;")
                              + "\n" + self.tr("this data has {0} features.").format(data.n_features))

    def set_probe(self, run: int, probe: ProbeEvent) -> None:
        self.dirty = True
        self.runs[run]["probe"] = probe

    def image_count(self, run: int = 0) -> int:
        return self.runs[run]["images"] if self.runs else 0

    def redraw(self) -> None:
        for r in self.runs:
            p = r["probe"]
            if p is None:
                continue
            if p.grid_class is not None and self.data is not None:
                rgb = class_rgb(self.data.n_classes)[p.grid_class]          # (G, G, 3)
                # blend towards white where the network is unsure
                n = max(self.data.n_classes, 2)
                sure = np.clip((p.grid_conf - 1 / n) / (1 - 1 / n), 0, 1)[..., None]
                light = 255 - (255 - rgb) * (0.15 + 0.45 * sure)
                r["img"].setImage(light.astype(np.uint8), autoLevels=False, levels=(0, 255))
                gx, gy = p.grid_x, p.grid_y
                dx, dy = gx[1] - gx[0], gy[1] - gy[0]
                r["img"].setRect(QRectF(gx[0] - dx / 2, gy[0] - dy / 2, gx[-1] - gx[0] + dx, gy[-1] - gy[0] + dy))
                r["images"] += 1
            elif p.curve_x is not None:
                r["curve"].setData(p.curve_x, p.curve_y)
                r["images"] += 1


class HistogramPlot(_ProbeMixin, QWidget):
    """Histograms of one layer's weights and of one activation layer's outputs."""

    probe_part = "weight_hists"

    dirty = False     # new data since the last redraw (the page skips clean plots)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.weight_combo = QComboBox()
        self.act_combo = QComboBox()
        self.weight_plot = _plot_widget(self.tr("Weights"), self.tr("count"), self.tr("value"))
        self.act_plot = _plot_widget(self.tr("Activations (probe batch)"), self.tr("count"), self.tr("value"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Weights of layer:")))
        top.addWidget(self.weight_combo, 1)
        top.addWidget(QLabel(self.tr("Outputs of activation:")))
        top.addWidget(self.act_combo, 1)
        plots = QHBoxLayout()
        plots.addWidget(self.weight_plot)
        plots.addWidget(self.act_plot)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addLayout(plots)
        self.runs: list[dict] = []
        self.weight_combo.currentIndexChanged.connect(self.redraw)
        self.act_combo.currentIndexChanged.connect(self.redraw)

    def set_runs(self, labels: list[str]) -> None:
        for r in self.runs:
            self.weight_plot.removeItem(r["w"])
            self.act_plot.removeItem(r["a"])
        self.runs = []
        for i, label in enumerate(labels):
            c = QColor(RUN_COLORS[i % 2])
            fill = QColor(c)
            fill.setAlpha(80)
            w = self.weight_plot.plot(stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(c),
                                      name=short_label(label) if len(labels) > 1 else None)
            a = self.act_plot.plot(stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(c),
                                   name=short_label(label) if len(labels) > 1 else None)
            self.runs.append(dict(w=w, a=a, probe=None))

    def clear(self) -> None:
        for r in self.runs:
            r["probe"] = None
        self.redraw()

    def set_probe(self, run: int, probe: ProbeEvent) -> None:
        self.dirty = True
        self.runs[run]["probe"] = probe
        if run == 0:
            refill_combo(self.weight_combo, [h.name for h in probe.weight_hists])
            refill_combo(self.act_combo, [h.name for h in probe.act_hists])

    def redraw(self) -> None:
        wi, ai = self.weight_combo.currentIndex(), self.act_combo.currentIndex()
        for r in self.runs:
            p = r["probe"]
            for item, hists, k in ((r["w"], p.weight_hists if p else (), wi), (r["a"], p.act_hists if p else (), ai)):
                if 0 <= k < len(hists):
                    item.setData(hists[k].edges, hists[k].counts)
                else:
                    item.setData([], [])

