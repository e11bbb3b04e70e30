"""The training board's loss and accuracy curves (pyqtgraph): against step or epoch, per run."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from gui.common import theme
from gui.common.plotting import Series, steady_range
from gui.training.plot_parts import RUN_COLORS, compact_legend, plot_widget, short_label

# A curve longer than this is halved (each block of 4 -> its low and high: spikes kept), so the
# window's memory stays bounded. 1,000-2,000 points: one or two per pixel column of a wide plot.
# bench.soak, 28 min at full speed, paired (same time, load ~10-13): 20,000 -> window +1.84 %
# (3.6 KB/s), 2,000 -> +0.84 % (1.8 KB/s).
MAX_POINTS = 2_000


class CurvesPlot(QWidget):
    """Loss or accuracy against step or epoch: per-step curve plus per-epoch train/validation."""

    dirty = False     # new data since the last redraw (the page skips clean plots)

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind                      # "loss" or "acc"
        title = self.tr("Loss") if kind == "loss" else self.tr("Accuracy")
        # accuracy climbs to the top right: its legend sits bottom right, where the curve no longer is
        self.plot = plot_widget(title, title, self.tr("step"), (-10, -10) if kind == "acc" else (-10, 10))
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
        compact_legend(pi, len(labels))
        self._empty_view()
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
        self._empty_view()
        self.redraw()

    def _empty_view(self) -> None:
        """No data: the axes as at the start, not the last run's (an empty plot up to step 4,000)."""
        view = self.plot.getViewBox()
        view.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        view.enableAutoRange()          # the next run's data set the range again (steady_range)

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
