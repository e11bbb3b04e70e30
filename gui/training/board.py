"""The board of training plots: tabs of plots that share one small interface.

A plot is a QWidget with:

    dirty: bool                      # new data since the last redraw
    set_runs(labels)                 # one set of items per run (two in compare mode); clears history
    add(run, batch)                  # a core.engine.process.RunBatch: take what this plot draws
    redraw()                         # draw what was added (called by the board, ≤ ~10 times a second)
    set_data(data)                   # optional: the dataset changed

Adding a plot is one class with that interface and one line in ``PLOTS`` below (with the task pictures it draws, if any).
The board redraws one dirty plot of the visible tab per frame tick, round robin, so every
event-loop turn stays short while the training process sends ~30 messages a second.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from gui.common.plotting import settle_ranges
from gui.images.draw_pad import DrawPad
from gui.images.neuron_maps import NeuronMapsView
from gui.images.views import ConfusionView, FeatureMapsView, FiltersView, MistakesView, PerClassView, SampleGrid
from gui.text.attention import AttentionView
from gui.text.samples import SamplesView
from gui.training.curves import CurvesPlot
from gui.training.gradient_plots import GradBarsPlot, GradHeatmap
from gui.training.probe_plots import ActivityPlot, BoundaryPlot, HistogramPlot

FRAME_MS = 80      # one plot per tick: four plots each redraw ≤ ~3 times a second (the window's CPU is the training process's neighbour on 2 cores)

SIDE_BY_SIDE = ("text",)   # tabs whose two views share the width: a column of text beside a square map

# (name, tab, factory, pictures): the board's plots, in the order they are laid out in their tab, and
# the task pictures each draws (core Task.PICTURES names): the running task makes only those of the
# visible tab's plots (``wanted_pictures``), and every one at the run's end
PLOTS = (
    ("loss", "overview", lambda: CurvesPlot("loss"), ()),
    ("acc", "overview", lambda: CurvesPlot("acc"), ()),
    ("grad_bars", "overview", GradBarsPlot, ()),
    ("boundary", "overview", BoundaryPlot, ("boundary",)),
    ("text_samples", "text", SamplesView, ()),          # text (the text task): live samples (always made) ...
    ("attention", "text", AttentionView, ("attention",)),   # ... and attention maps
    ("heatmap", "flow", GradHeatmap, ()),
    ("activity", "flow", ActivityPlot, ("activity",)),
    ("histograms", "histograms", HistogramPlot, ("histograms",)),
    ("neurons", "neurons", NeuronMapsView, ("neuron_maps",)),   # 2-D data: each hidden neuron over the plane
    ("samples", "images", SampleGrid, ("samples",)),    # pictures (the image task)
    ("confusion", "images", ConfusionView, ("confusion",)),
    ("per_class", "images", PerClassView, ("per_class_acc",)),
    ("mistakes", "images", MistakesView, ("misclassified",)),
    ("feature_maps", "features", FeatureMapsView, ("sample",)),
    ("filters", "features", FiltersView, ("filters",)),
    ("draw_pad", "draw", DrawPad, ()),
)


class PlotBoard(QTabWidget):
    pictures_wanted = Signal(list)      # the visible tab changed: the pictures its plots draw

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plots = {name: make() for name, _, make, _ in PLOTS}
        tabs = {}
        for name, tab, _, _ in PLOTS:
            tabs.setdefault(tab, []).append(self.plots[name])
        titles = {"overview": self.tr("Overview"), "flow": self.tr("Gradient flow over time"),
                  "histograms": self.tr("Histograms"), "neurons": self.tr("Hidden neurons"),
                  "images": self.tr("Pictures"), "features": self.tr("Feature maps and filters"),
                  "draw": self.tr("Draw pad"), "text": self.tr("Text")}
        self._tab_plots = []
        self._tab_keys = list(tabs)
        for tab, plots in tabs.items():
            page = QWidget()
            if len(plots) == 4:                      # a 2 x 2 grid sharing the space evenly
                lay = QGridLayout(page)
                for k, p in enumerate(plots):
                    p.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
                    lay.addWidget(p, k // 2, k % 2)
                lay.setRowStretch(0, 1)
                lay.setRowStretch(1, 1)
            elif tab in SIDE_BY_SIDE:
                lay = QHBoxLayout(page)
                for p in plots:
                    lay.addWidget(p, 1)
            else:
                lay = QVBoxLayout(page)
                for k, p in enumerate(plots):
                    lay.addWidget(p, 3 if k == 0 and len(plots) > 1 else 2)
            lay.setContentsMargins(0, 0, 0, 0)
            self.addTab(page, titles[tab])
            self._tab_plots.append(plots)
        self._next = 0
        self._text_data = False                # the data shown is text
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._draw_frame)
        self.currentChanged.connect(self.redraw_visible)
        self.currentChanged.connect(lambda *_: self.pictures_wanted.emit(self.wanted_pictures()))

    def __getattr__(self, name):           # board.loss, board.grad_bars... (read-only access)
        plots = self.__dict__.get("plots")
        if plots is not None and name in plots:
            return plots[name]
        raise AttributeError(name)

    # --- the interface the page uses ---------------------------------------------------------
    def show_tab(self, tab: str) -> None:
        """Bring the tab ``tab`` (a PLOTS tab key: "overview", "text", ...) to the front."""
        self.setCurrentIndex(self._tab_keys.index(tab))

    def wanted_pictures(self) -> list[str]:
        """The task pictures the visible tab's plots draw (sorted names, for ``Task.want_pictures``)."""
        tab = self._tab_keys[max(self.currentIndex(), 0)]
        return sorted({p for _, t, _, pictures in PLOTS if t == tab for p in pictures})

    def set_runs(self, labels: list[str]) -> None:
        for p in self.plots.values():
            p.set_runs(labels)

    def set_data(self, data) -> None:
        for p in self.plots.values():
            if hasattr(p, "set_data"):
                p.set_data(data)
        # text is watched on its own tab: it comes to the front when text is chosen, and goes
        # back to the overview when other data is
        text = getattr(data, "vocab", None) is not None
        if text != self._text_data:
            self._text_data = text
            if text:
                self.show_tab("text")
            elif self._tab_keys[max(self.currentIndex(), 0)] == "text":
                self.show_tab("overview")

    def add(self, progress) -> None:
        """Hand each plot the runs' news; draw soon (or at once for the run's final message)."""
        n = len(self.plots["loss"].runs)
        for i, batch in progress.runs.items():
            if i < n:
                for p in self.plots.values():
                    p.add(i, batch)
        if progress.final:
            self.redraw_visible()
        elif not self._timer.isActive():
            self._draw_frame()
            self._timer.start()

    @Slot()
    def redraw_visible(self, *_):
        """The visible tab's plots with new data are redrawn; the others catch up when shown."""
        for plot in self._tab_plots[max(self.currentIndex(), 0)]:
            if plot.dirty:
                _redraw(plot)

    @Slot()
    def _draw_frame(self) -> None:
        plots = self._tab_plots[max(self.currentIndex(), 0)]
        for k in range(len(plots)):
            i = (self._next + k) % len(plots)
            if plots[i].dirty:
                _redraw(plots[i])
                self._next = i + 1
                return
        self._timer.stop()                    # nothing new: the timer sleeps until the next add


def _redraw(plot) -> None:
    plot.dirty = False
    plot.redraw()
    settle_ranges(plot)         # one paint per redraw, not two (see settle_ranges)
