"""Transformer lab: attention weights as a table (causal mask on or off), and the gradient that
reaches the first layer of a deep sigmoid net with and without residual paths."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from core.data.text import char_label
from core.lessons import transformer_lab as core_tf
from gui.common.plotting import plot_widget
from gui.lessons.widgets import MessageBox, heading, monospace, muted

PLAIN, RESIDUAL = "#2f6fde", "#139a6b"


class TransformerLab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.example: core_tf.AttentionExample | None = None
        self.result: core_tf.ResidualResult | None = None
        # --- attention as a weighted average ---
        self.text = QLineEdit("the cat sat")
        self.text.setFont(monospace(12))
        self.text.setMaxLength(core_tf.MAX_CHARS)
        self.causal = QCheckBox(self.tr("causal mask (a position sees only itself and the past)"))
        self.causal.setChecked(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setMinimumHeight(200)
        self.average = QLabel()
        self.average.setFont(monospace(10))
        self.average.setWordWrap(True)
        self.message = MessageBox()
        # --- residual paths ---
        self.depth = QSpinBox()
        self.depth.setRange(2, core_tf.MAX_DEPTH)
        self.depth.setValue(20)
        # the title above the plot, where it can wrap: as the plot's own title it made the plot wider than the lab
        self.plot_title = muted(self.tr("Mean |gradient| of each Linear layer (one backward pass)"))
        self.plot_title.setAlignment(Qt.AlignHCenter)
        self.plot = plot_widget(legend_offset=(-8, -8))
        self.plot.setLogMode(y=True)
        self.plot.setMinimumHeight(200)      # a short lab window scrolls rather than squeeze the plot flat
        self.plot.setLabel("bottom", self.tr("Linear layer (1 = next to the input)"))
        self.plain_curve = self.plot.plot(pen=pg.mkPen(PLAIN, width=2.5), symbol="s", symbolSize=6,
                                          symbolBrush=PLAIN, name=self.tr("plain: Linear → Sigmoid, stacked"))
        self.res_curve = self.plot.plot(pen=pg.mkPen(RESIDUAL, width=2.5), symbol="o", symbolSize=6,
                                        symbolBrush=RESIDUAL, name=self.tr("residual: x + Sigmoid(Linear(x))"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Text")))
        top.addWidget(self.text, 1)
        top.addWidget(self.causal)
        depth_row = QHBoxLayout()
        depth_row.addWidget(QLabel(self.tr("Depth (hidden layers)")))
        depth_row.addWidget(self.depth)
        depth_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Attention weights: row = the position that looks"), 10))
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 2)
        layout.addWidget(muted(self.tr("Click a row: its output is the weighted average of the values v of the "
                                       "positions it looks at; the weights of a row sum to 1.")))
        layout.addWidget(self.average)
        layout.addWidget(heading(self.tr("Why residual connections keep gradients alive"), 10))
        layout.addLayout(depth_row)
        layout.addWidget(self.plot_title)
        layout.addWidget(self.plot, 2)
        layout.addWidget(self.summary)

        self.text.textChanged.connect(self.update_attention)
        self.causal.toggled.connect(self.update_attention)
        self.table.currentCellChanged.connect(self._row_chosen)
        self.depth.valueChanged.connect(self.update_residual)
        self.update_attention()
        self._measured = False                  # the deep nets are built when the lab is first shown

    def showEvent(self, event) -> None:
        if not self._measured:
            self._measured = True
            self.update_residual()
        super().showEvent(event)

    @Slot()
    def update_attention(self) -> None:
        ex = core_tf.attention_example(self.text.text(), self.causal.isChecked())
        if not ex.ok:
            self.message.show_error(self.tr("Nothing to attend to"), ex.error, "")
            return                                  # the last good table stays
        self.message.hide()
        self.example = ex
        labels = [char_label(c) for c in ex.tokens]
        n = len(labels)
        self.table.setRowCount(n)
        self.table.setColumnCount(n)
        self.table.setHorizontalHeaderLabels(labels)
        self.table.setVerticalHeaderLabels(labels)
        for i in range(n):
            for j in range(n):
                w = float(ex.weights[i, j])
                item = QTableWidgetItem(f"{w:.2f}" if w > 0 or not ex.causal else "·")
                item.setTextAlignment(Qt.AlignCenter)
                shade = int(255 - 160 * w)
                item.setBackground(QBrush(QColor(shade, shade, 255)))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        row = min(max(self.table.currentRow(), 0), n - 1)
        self.table.setCurrentCell(row, 0)
        self._show_average(row)

    @Slot(int, int, int, int)
    def _row_chosen(self, row: int, *_):
        if row >= 0:
            self._show_average(row)

    def _show_average(self, row: int) -> None:
        if self.example is not None and row < len(self.example.tokens):
            self.average.setText(self.example.average_text(row))

    @Slot()
    def update_residual(self) -> None:
        r = core_tf.residual_comparison(self.depth.value())
        self.result = r
        x = np.arange(1, len(r.plain) + 1)
        self.plain_curve.setData(x, np.maximum(r.plain, 1e-45))      # log axis: no zeros
        self.res_curve.setData(x, r.residual)
        self.summary.setText(self.tr(
            "First layer: residual {0:.2e}, plain {1:.2e}, {2:.3g} times larger. Each sigmoid layer multiplies "
            "the plain net's gradient by at most 0.25; the skip path x + f(x) adds a 1 to every layer's "
            "derivative, so the gradient reaches the first layer.").format(r.residual[0], r.plain[0], r.ratio))
