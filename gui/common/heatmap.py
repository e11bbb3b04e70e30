"""Attention drawn as a heat map over tokens, and the choice of layer and head: one of each for every view.

Row i of a map is the token that looks (a query, or an output step), column j one it looks at (a
key, or an input character); the weights are drawn on a fixed 0..1 scale (viridis, bright = a large
weight), so two maps compare by colour. Used by the text page's ``AttentionView`` and the addition
panel's ``AskPanel``.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedLayout, QWidget

from gui.common.combo import refill_combo
from gui.common.plotting import elided
from gui.common.theme import MUTED, TEXT


class TokenHeatmap(QWidget):
    """A (rows, columns) map of weights in [0, 1] with a token's label on each row and column.

    ``plot``: the plot widget to draw in (its style is the caller's). ``square``: one token is a
    square cell (the aspect is locked); ``fit``: the view is exactly the map (no padding, no zoom).
    ``max_ticks``: label at most about this many tokens per axis (0: every one). ``empty_text``:
    what ``show(None, ...)`` says instead of a map."""

    def __init__(self, plot: pg.PlotWidget, *, square: bool = False, fit: bool = False, max_ticks: int = 0,
                 empty_text: str = "", parent=None):
        super().__init__(parent)
        self.plot = plot
        self.fit = fit
        self.max_ticks = max_ticks
        plot.invertY(True)                  # the first token at the top, as text reads
        plot.showGrid(x=False, y=False)
        plot.setAspectLocked(square)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setLevels((0.0, 1.0))
        plot.addItem(self.image)
        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet(f"color: {MUTED};")
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(plot)
        self.stack.addWidget(self.empty)
        self.matrix: np.ndarray | None = None
        self._title = ""

    def set_labels(self, title: str, bottom: str, left: str) -> None:
        self._title = title
        self._fit_title()
        self.plot.setToolTip(title)
        self.plot.setLabel("bottom", bottom)
        self.plot.setLabel("left", left)

    def _fit_title(self) -> None:
        """The title cut with … to the view's width: a longer title widened the plot past its panel,
        and the map's last columns were cut off instead."""
        room = self.width() - 110       # the title spans the map's column: less the left axis (labels, name)
        self.plot.setTitle(elided(self._title, room, point_size=10), color=TEXT, size="10pt")

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self._title and event.oldSize().width() != event.size().width():
            self._fit_title()

    def show(self, matrix, columns: Sequence[str] = (), rows: Sequence[str] = ()) -> None:
        """``matrix`` (rows, columns) of weights, or None (nothing to draw: the empty text);
        ``columns``/``rows``: the tokens' labels."""
        if matrix is None:
            self.matrix = None
            self.stack.setCurrentWidget(self.empty)
            return
        self.matrix = np.asarray(matrix, dtype=np.float64)
        n_rows, n_cols = self.matrix.shape
        self.image.setImage(self.matrix, autoLevels=False, levels=(0.0, 1.0))
        self.image.setRect(0, 0, n_cols, n_rows)
        self.plot.getAxis("bottom").setTicks([self._ticks(columns)])
        self.plot.getAxis("left").setTicks([self._ticks(rows)])
        if self.fit:
            self.plot.setXRange(0, n_cols, padding=0)
            self.plot.setYRange(0, n_rows, padding=0)
        self.stack.setCurrentWidget(self.plot)
        if self._title:
            self._fit_title()           # the row labels set the left axis' width: the title's room

    def _ticks(self, labels: Sequence[str]) -> list[tuple[float, str]]:
        every = max(1, -(-len(labels) // self.max_ticks)) if self.max_ticks else 1
        return [(i + 0.5, label) for i, label in enumerate(labels) if i % every == 0]

    def clear(self) -> None:
        """Nothing to show (no weights yet, or they came from another model)."""
        self.matrix = None
        self.image.clear()
        self.plot.getAxis("bottom").setTicks([[]])
        self.plot.getAxis("left").setTicks([[]])
        self.stack.setCurrentWidget(self.plot)


class LayerHeadPicker(QWidget):
    """Which layer's attention to show, and which head of it or the mean of its heads.

    ``layer_text`` labels the layer box ("Layer:"); ``start_last``: a newly filled choice starts at
    the last layer and the mean of the heads (else the first layer's first head)."""

    changed = Signal()

    def __init__(self, layer_text: str, start_last: bool = False, parent=None):
        super().__init__(parent)
        self.start_last = start_last
        self.layer = QComboBox()
        self.head = QComboBox()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(layer_text))
        lay.addWidget(self.layer)
        lay.addWidget(QLabel(self.tr("Head:")))
        lay.addWidget(self.head)
        self.layer.currentIndexChanged.connect(self.changed)
        self.head.currentIndexChanged.connect(self.changed)

    def set_counts(self, n_layers: int, n_heads: int) -> None:
        """Offer ``n_layers`` layers and ``n_heads`` heads (+ their mean), keeping the choice where it still exists."""
        first = -1 if self.start_last else 0
        refill_combo(self.layer, [str(i + 1) for i in range(n_layers)], first, beyond=-1)
        refill_combo(self.head, [str(i + 1) for i in range(n_heads)] + [self.tr("mean of the heads")], first, beyond=first)

    def choose(self, layers: Sequence[np.ndarray]) -> np.ndarray | None:
        """The (T, T) weights chosen from per-layer (heads, T, T) weights: one head's, or the heads' mean."""
        li, hi = self.layer.currentIndex(), self.head.currentIndex()
        if not len(layers) or li < 0 or hi < 0:
            return None
        w = layers[min(li, len(layers) - 1)]
        return w.mean(axis=0) if hi >= w.shape[0] else w[hi]

    def is_mean(self) -> bool:
        return self.head.currentIndex() == self.head.count() - 1

    def clear(self) -> None:
        self.layer.clear()
        self.head.clear()

