"""Attention maps: for a chosen text, where each character looks, per layer and head.

Row i is the character that looks (the query), column j the one it looks at (the key); a row's
weights sum to 1, and everything right of the diagonal is the future, masked to 0. The training
process computes the weights (``TextTask.attention_maps``), after the run the trained network
does (gui/text/trained.py); this view only draws them.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.data.text import char_label
from gui.common.heatmap import LayerHeadPicker, TokenHeatmap
from gui.common.plotting import plot_widget
from gui.training.board_plot import PicturesPlot

MAX_TICKS = 64              # label at most this many characters on an axis


class AttentionView(PicturesPlot, QWidget):
    options_changed = Signal(dict)      # {"attention_text": ...}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Text to look at (empty: a line of the validation text)"))
        self.text.setMaxLength(256)
        self.picker = LayerHeadPicker(self.tr("Layer:"))
        self.layer, self.head = self.picker.layer, self.picker.head
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Text:")))
        top.addWidget(self.text, 1)

        self.heatmap = TokenHeatmap(plot_widget(grid=False), square=True, max_ticks=MAX_TICKS)
        self.plot, self.image = self.heatmap.plot, self.heatmap.image
        self.plot.setLabel("left", self.tr("looks from (query)"))
        self.plot.setLabel("bottom", self.tr("looks at (key)"))
        self.caption = QLabel(self.tr(
            "Each row is one character taking a weighted average of the characters up to itself: "
            "bright = a large weight. Every row sums to 1; right of the diagonal is the future, "
            "which the causal mask hides."))
        self.caption.setWordWrap(True)
        self.status = QLabel(self.tr("The maps appear while a network with attention layers trains on text; after training, press Enter in the text field above."))
        self.status.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        pick = QHBoxLayout()              # on a row of its own: the tab is half a page wide
        pick.addWidget(self.picker)
        pick.addStretch(1)
        lay.addLayout(pick)
        lay.addWidget(self.status)
        self.picker.hide()                # until there are layers and heads to choose from
        lay.addWidget(self.heatmap, 1)
        lay.addWidget(self.caption)

        self.tokens: list[str] = []
        self.layers: list[np.ndarray] = []      # per layer: (heads, T, T)
        self.text.editingFinished.connect(self._emit_options)
        self.picker.changed.connect(self._redraw)

    def set_options(self, options: dict) -> None:
        """Show the attention text of ``options`` (e.g. a project's) without asking for anything."""
        self.text.setText(str(options.get("attention_text", self.text.text())))

    @Slot()
    def _emit_options(self) -> None:
        self.options_changed.emit({"attention_text": self.text.text()})

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        att = pictures.get("attention")
        if not att:
            return
        self.tokens = list(att["tokens"])
        self.layers = [np.asarray(w, dtype=np.float32) for w in att["layers"]]
        self.picker.set_counts(len(self.layers), self.layers[0].shape[0] if self.layers else 0)
        self.picker.show()
        note = ""
        if att.get("skipped"):
            note = " " + self.tr("(not in the vocabulary, left out: {0})").format(
                " ".join(char_label(c) for c in att["skipped"]))
        where = self.tr("at step {0}").format(f"{step:,}") if step is not None else ""
        self.status.setText(self.tr("{0} attention layers, {1} heads, {2} characters {3}").format(
            len(self.layers), self.layers[0].shape[0] if self.layers else 0, len(self.tokens), where).strip() + note)
        self._redraw()

    def current_map(self) -> np.ndarray | None:
        """The (T, T) weights on screen: the chosen layer's chosen head, or the heads' mean."""
        return self.picker.choose(self.layers)

    @Slot()
    def _redraw(self) -> None:
        w = self.current_map()
        if w is None:
            return
        labels = [char_label(t) for t in self.tokens]
        self.heatmap.show(w, labels, labels)

    def clear(self) -> None:
        self.tokens, self.layers = [], []
        self.heatmap.clear()
        self.picker.clear()
        self.picker.hide()
        self.status.setText(self.tr("The maps appear while a network with attention layers trains on text; after training, press Enter in the text field above."))
