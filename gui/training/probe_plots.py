"""The training board's plots of the tabular task's probe picture (a ProbeEvent): saturated and
dead units per activation layer, the decision boundary (or 1-D prediction), weight and activation
histograms."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.training.events import ProbeEvent
from gui.common.combo import refill_combo
from gui.common.plotting import elided, set_ticks
from gui.training.plot_parts import (CLASS_COLORS, RUN_COLORS, RunBarsPlot, class_rgb, compact_legend,
                                     plot_widget, short_label)


class _ProbeMixin:
    """Plots that draw the tabular task's picture (``pictures["probe"]``, a ProbeEvent)."""

    probe_part: str | None = None     # the ProbeEvent field this plot draws: None there = not made this time

    def add(self, run: int, batch) -> None:
        probe = batch.pictures.pictures.get("probe") if batch.pictures is not None else None
        if probe is not None and (self.probe_part is None or getattr(probe, self.probe_part) is not None):
            self.set_probe(run, probe)


class ActivityPlot(_ProbeMixin, RunBarsPlot):
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
        compact_legend(pi, n, columns=2)      # compare: "A: saturated  A: dead" over B's
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
        # no word wrap under a picture: height-for-width would squeeze the grid's other row; where the
        # data has no picture the view is hidden and the note, wrapped, takes its place
        self.note = QLabel()
        self.note.setAlignment(Qt.AlignLeft | Qt.AlignTop)
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
        self.set_data(self.data)

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
        pictured = data is None or (data.n_features == 2 and data.n_classes) or data.n_features == 1
        self.view.setVisible(bool(pictured) and not text)
        self.note.setWordWrap(not pictured or text)
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
        self.weight_plot = plot_widget(self.tr("Weights"), self.tr("count"), self.tr("value"))
        self.act_plot = plot_widget(self.tr("Activations (probe batch)"), self.tr("count"), self.tr("value"))
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
