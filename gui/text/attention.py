"""Attention maps: for a chosen text, where each character looks, per layer and head.

Row i is the character that looks (the query), column j the one it looks at (the key); a row's
weights sum to 1, and everything right of the diagonal is the future, masked to 0. The training
process computes the weights (``TextTask.attention_maps``); this view only draws them.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.data.text import char_label
from gui.text.board_plot import PicturesPlot
from gui.common.plotting import plot_widget

MAX_TICKS = 64              # label at most this many characters on an axis


class AttentionView(PicturesPlot, QWidget):
    options_changed = Signal(dict)      # {"attention_text": ...}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Text to look at (empty: a line of the validation text)"))
        self.text.setMaxLength(256)
        self.layer = QComboBox()
        self.head = QComboBox()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Text:")))
        top.addWidget(self.text, 1)
        top.addWidget(QLabel(self.tr("Layer:")))
        top.addWidget(self.layer)
        top.addWidget(QLabel(self.tr("Head:")))
        top.addWidget(self.head)

        self.plot = plot_widget(grid=False)
        self.plot.setLabel("left", self.tr("looks from (query)"))
        self.plot.setLabel("bottom", self.tr("looks at (key)"))
        self.plot.invertY(True)                 # the first character at the top, as text reads
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setLevels((0.0, 1.0))
        self.plot.addItem(self.image)
        self.caption = QLabel(self.tr(
            "Each row is one character taking a weighted average of the characters up to itself: "
            "bright = a large weight. Every row sums to 1; right of the diagonal is the future, "
            "which the causal mask hides."))
        self.caption.setWordWrap(True)
        self.status = QLabel(self.tr("The maps appear while a model with attention layers trains."))
        self.status.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.caption)

        self.tokens: list[str] = []
        self.layers: list[np.ndarray] = []      # per layer: (heads, T, T)
        self.text.editingFinished.connect(self._emit_options)
        self.layer.currentIndexChanged.connect(self._on_layer)
        self.head.currentIndexChanged.connect(self._redraw)

    @Slot()
    def _emit_options(self) -> None:
        self.options_changed.emit({"attention_text": self.text.text()})

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        att = pictures.get("attention")
        if not att:
            return
        self.tokens = list(att["tokens"])
        self.layers = [np.asarray(w, dtype=np.float32) for w in att["layers"]]
        self._fill_combos()
        self._set_ticks()
        note = ""
        if att.get("skipped"):
            note = " " + self.tr("(not in the vocabulary, left out: {0})").format(
                " ".join(char_label(c) for c in att["skipped"]))
        where = self.tr("at step {0}").format(f"{step:,}") if step is not None else ""
        self.status.setText(self.tr("{0} attention layers, {1} heads, {2} characters {3}").format(
            len(self.layers), self.layers[0].shape[0] if self.layers else 0, len(self.tokens), where).strip() + note)
        self._redraw()

    def _fill_combos(self) -> None:
        n_layers = len(self.layers)
        n_heads = self.layers[0].shape[0] if self.layers else 0
        if self.layer.count() != n_layers:
            keep = self.layer.currentIndex()
            self.layer.blockSignals(True)
            self.layer.clear()
            self.layer.addItems([str(i + 1) for i in range(n_layers)])
            self.layer.setCurrentIndex(min(max(keep, 0), n_layers - 1))
            self.layer.blockSignals(False)
        if self.head.count() != n_heads + 1:
            keep = self.head.currentIndex()
            self.head.blockSignals(True)
            self.head.clear()
            self.head.addItems([str(i + 1) for i in range(n_heads)] + [self.tr("mean of the heads")])
            self.head.setCurrentIndex(keep if 0 <= keep < n_heads + 1 else 0)
            self.head.blockSignals(False)

    def _set_ticks(self) -> None:
        n = len(self.tokens)
        every = max(1, -(-n // MAX_TICKS))
        ticks = [[(i + 0.5, char_label(t)) for i, t in enumerate(self.tokens) if i % every == 0]]
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).setTicks(ticks)

    @Slot()
    def _on_layer(self) -> None:
        self._redraw()

    def current_map(self) -> np.ndarray | None:
        """The (T, T) weights on screen: the chosen layer's chosen head, or the heads' mean."""
        li, hi = self.layer.currentIndex(), self.head.currentIndex()
        if not self.layers or li < 0 or hi < 0:
            return None
        w = self.layers[li]
        return w.mean(axis=0) if hi >= w.shape[0] else w[hi]

    @Slot()
    def _redraw(self) -> None:
        w = self.current_map()
        if w is None:
            return
        self.image.setImage(w, autoLevels=False, levels=(0.0, 1.0))
        self.image.setRect(0, 0, w.shape[1], w.shape[0])

    def clear(self) -> None:
        self.tokens, self.layers = [], []
        self.image.clear()
        self.layer.clear()
        self.head.clear()
        self.status.setText(self.tr("The maps appear while a model with attention layers trains."))
