"""The left half of the addition panel: ask the model, see the history and each decoding step.

The model is the Seq2Seq or the Transformer (the choice of shipped model), a trained or a loaded
one. For the Transformer the heat map shows any layer's and head's attention over the sequence
it read ("123+45=" and the answer characters it wrote and read back).
"""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from core.addition.prompt import PromptError
from core.addition.solver import Solution, Solver
from core.data.text import char_label
from gui.common.heatmap import LayerHeadPicker, TokenHeatmap
from gui.common.theme import ERROR as BAD_COLOR, OK as OK_COLOR

from .plots import plot_widget

MAX_HISTORY = 200


class AskPanel(QWidget):
    """Prompt box, answer with ✓/✗ against the true sum, history, step table and attention map."""

    use_shipped_requested = Signal()
    load_requested = Signal()
    kind_changed = Signal(str)          # the learner chose the Seq2Seq or the Transformer

    def __init__(self, parent=None):
        super().__init__(parent)
        self.solver: Solver | None = None
        self.solutions: list[Solution] = []
        self.model_name = ""                 # short name of the model in use (history entries say it)

        # the model in use
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.model_label.setTextFormat(Qt.RichText)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Seq2Seq (the textbook's)"), "seq2seq")
        self.kind.addItem(self.tr("Transformer (GPT-style)"), "transformer")
        self.kind.setToolTip(self.tr("Which shipped model answers: the textbook's encoder-decoder, or a decoder-only "
                                     "Transformer like a small GPT"))
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToContents)   # the Japanese name is not cut
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.shipped_button = QPushButton(self.tr("Use the shipped model"))
        self.shipped_button.setToolTip(self.tr("Go back to the model that comes with the app"))
        self.shipped_button.clicked.connect(self.use_shipped_requested)
        self.load_button = QPushButton(self.tr("Load model…"))
        self.load_button.setToolTip(self.tr("Answer with a model you saved earlier"))
        self.load_button.clicked.connect(self.load_requested)
        model_box = QGroupBox(self.tr("Model"))
        mb = QVBoxLayout(model_box)
        mb.addWidget(self.model_label)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.shipped_button)
        row.addWidget(self.load_button)
        row.addStretch(1)
        mb.addLayout(row)

        # prompt + answer
        self.prompt = QLineEdit()
        self.prompt.setPlaceholderText(self.tr("Type a sum such as 123+45 and press Enter"))
        f = self.prompt.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        self.prompt.setFont(f)
        self.prompt.returnPressed.connect(self.ask)
        self.ask_button = QPushButton(self.tr("Answer"))
        self.ask_button.clicked.connect(self.ask)
        self.result_label = QLabel(self.tr("The answer appears here."))
        self.result_label.setWordWrap(True)
        rf = QFont(self.result_label.font())
        rf.setPointSizeF(rf.pointSizeF() * 1.5)
        self.result_label.setFont(rf)
        self.result_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.history = QListWidget()
        self.history.setToolTip(self.tr("Click an earlier prompt to see its decoding steps again"))
        self.history.currentRowChanged.connect(self._on_history_row)

        ask_box = QGroupBox(self.tr("Ask the model"))
        ab = QVBoxLayout(ask_box)
        prow = QHBoxLayout()
        prow.addWidget(self.prompt, 1)
        prow.addWidget(self.ask_button)
        ab.addLayout(prow)
        ab.addWidget(self.result_label)

        # decoding steps
        self.steps_table = QTableWidget(0, 2)          # rows numbered by the vertical header: the steps
        self.steps_table.setHorizontalHeaderLabels([self.tr("Output"), self.tr("Top candidates (probability)")])
        self.steps_table.verticalHeader().setDefaultSectionSize(22)
        self.steps_table.setMinimumHeight(22 * 2)  # header + 1 step; it scrolls in a small window
        self.steps_table.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.steps_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.steps_table.setSelectionMode(QAbstractItemView.NoSelection)
        hh = self.steps_table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.Stretch)
        self.steps_note = QLabel()
        self.steps_note.setWordWrap(True)
        self.steps_note.setStyleSheet("color: #555; font-size: 9pt;")
        self.seq2seq_labels = (self.tr("Attention over the input (bright = strong)"),
                               self.tr("input, as the encoder read it"), self.tr("output step"))
        title, bottom, left = self.seq2seq_labels
        plot = plot_widget(title, left, bottom)
        plot.setMinimumHeight(120)
        self.attention = TokenHeatmap(plot, fit=True, empty_text=self.tr(
            "This model has no attention layer, so there is no heatmap. Train one with “Attention” on to see "
            "which input characters each output digit looks at."))

        hist = QWidget()
        hl = QVBoxLayout(hist)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(QLabel(self.tr("History (✓ right, ✗ wrong):")))
        hl.addWidget(self.history, 1)
        steps = QWidget()
        sl = QVBoxLayout(steps)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel(self.tr("How the decoder produced the answer, step by step:")))
        sl.addWidget(self.steps_table, 1)
        middle = QSplitter(Qt.Horizontal)
        middle.addWidget(hist)
        middle.addWidget(steps)
        middle.setStretchFactor(0, 1)      # the history's short prompts need less room than the steps
        middle.setStretchFactor(1, 3)
        ab.addWidget(middle, 1)
        ab.addWidget(self.steps_note)

        self.picker = LayerHeadPicker(self.tr("Attention of layer:"), start_last=True)
        self.layer, self.head = self.picker.layer, self.picker.head
        self.picker.changed.connect(self._draw_attention)
        self.layer_row = QWidget()
        lr = QHBoxLayout(self.layer_row)
        lr.setContentsMargins(0, 0, 0, 0)
        lr.addWidget(self.picker)
        lr.addStretch(1)
        self.layer_row.setToolTip(self.tr("Each row is one character of the sequence taking a weighted average of the "
                                          "characters up to itself (bright = a large weight); rows marked → wrote "
                                          "a character of the answer"))
        self.layer_row.hide()
        att = QWidget()
        al = QVBoxLayout(att)
        al.setContentsMargins(0, 0, 0, 0)
        al.addWidget(self.layer_row)
        al.addWidget(self.attention, 1)
        self._shown: Solution | None = None

        outer = QSplitter(Qt.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(model_box)
        tl.addWidget(ask_box, 1)
        outer.addWidget(top)
        outer.addWidget(att)
        outer.setStretchFactor(0, 5)
        outer.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(outer)
        self._set_enabled(False)

    # -- model -----------------------------------------------------------------------------
    def current_kind(self) -> str:
        return self.kind.currentData()

    @Slot(int)
    def _on_kind(self, _index: int) -> None:
        self.kind_changed.emit(self.current_kind())

    def set_solver(self, solver: Solver | None, description: str, shipped: bool, name: str = "") -> None:
        changed = solver is not self.solver
        self.solver = solver
        self.model_name = name
        self.model_label.setText(description)
        if solver is not None:              # the choice follows the model in use (a loaded file may be either)
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(max(0, self.kind.findData(solver.kind)))
            self.kind.blockSignals(False)
        if changed:
            # the last answer, its steps and attention came from the previous model: not this one's
            self.clear_answer(self.tr("Now answering: {0}. The answer appears here.").format(name) if name
                              else self.tr("The answer appears here."))
        self.shipped_button.setEnabled(not shipped)
        self._set_enabled(solver is not None)
        if solver is not None:
            self.prompt.setPlaceholderText(
                self.tr("Type a sum such as 5+3 and press Enter (one digit per number)") if solver.digits == 1 else
                self.tr("Type a sum such as 123+45 and press Enter (up to {0} digits per number)").format(solver.digits))

    def _set_enabled(self, on: bool) -> None:
        self.prompt.setEnabled(on)
        self.ask_button.setEnabled(on)

    # -- asking ----------------------------------------------------------------------------
    @Slot()
    def ask(self) -> None:
        if self.solver is None:
            return
        text = self.prompt.text()
        try:
            sol = self.solver.solve(text)
        except PromptError as e:
            self.clear_answer(f'<span style="color:{BAD_COLOR}">{html.escape(str(e))}</span>')
            return
        self.prompt.selectAll()
        self.solutions.append(sol)
        self.result_label.setText(self.result_html(sol))
        item = QListWidgetItem(self.history_text(sol))
        item.setForeground(QColor(OK_COLOR if sol.correct else BAD_COLOR))
        self.history.insertItem(0, item)
        if self.history.count() > MAX_HISTORY:
            self.history.takeItem(self.history.count() - 1)
            self.solutions.pop(0)
        self.history.blockSignals(True)
        self.history.setCurrentRow(0)
        self.history.blockSignals(False)
        self.show_steps(sol)

    def clear_answer(self, text: str) -> None:
        """No answer is marked: empty step table and attention map, no history row selected."""
        self.result_label.setText(text)
        self.steps_table.setRowCount(0)
        self.steps_note.setText("")
        self._shown = None
        self.layer_row.hide()
        self.attention.set_labels(*self.seq2seq_labels)
        self.attention.clear()
        self.history.blockSignals(True)
        self.history.setCurrentRow(-1)
        self.history.clearSelection()
        self.history.blockSignals(False)

    def result_html(self, sol: Solution) -> str:
        shown = sol.answer or "?"
        if sol.correct:
            verdict = self.tr("✓ correct")
            return f'{sol.a} + {sol.b} = <b>{shown}</b> &nbsp; <span style="color:{OK_COLOR}">{verdict}</span>'
        verdict = self.tr("✗ wrong: the true sum is {0}").format(sol.true_sum)
        return f'{sol.a} + {sol.b} = <b>{html.escape(shown)}</b> &nbsp; <span style="color:{BAD_COLOR}">{verdict}</span>'

    def history_text(self, sol: Solution) -> str:
        who = self.kind_name(sol.model_kind)
        if self.model_name:                 # which model: "Shipped model (Seq2Seq)", "mine.pt (Transformer)"
            who = f"{self.model_name} ({who})"
        if sol.correct:
            return f"✓  {sol.a} + {sol.b} = {sol.answer}   · {who}"
        return self.tr("✗  {0} + {1} = {2}   (true sum {3})").format(sol.a, sol.b, sol.answer or "?", sol.true_sum) + \
            f"   · {who}"

    def kind_name(self, kind: str) -> str:
        return {"seq2seq": self.tr("Seq2Seq"), "transformer": self.tr("Transformer")}.get(kind, kind)

    def show_example(self, text: str = "123+45") -> None:
        """Show one worked example (not added to the history) so the panel never starts blank."""
        if self.solver is None:
            return
        try:
            sol = self.solver.solve(text)
        except PromptError:
            return
        self.prompt.setText(text)
        self.prompt.selectAll()
        self.result_label.setText(self.tr("Example: {0}").format(self.result_html(sol)))
        self.show_steps(sol)

    @Slot(int)
    def _on_history_row(self, row: int) -> None:
        if 0 <= row < len(self.solutions):
            self.show_steps(self.solutions[len(self.solutions) - 1 - row])

    def show_steps(self, sol: Solution) -> None:
        self.steps_table.setRowCount(len(sol.steps))
        for i, st in enumerate(sol.steps):
            chosen = char_label(st.char) if st.char != " " else self.tr("␣ (end)")
            cands = "   ".join(f"{char_label(c)} {p * 100:.1f}%" for c, p in st.candidates)
            for col, text in enumerate((chosen, cands)):
                cell = QTableWidgetItem(text)
                if col == 0:
                    cell.setTextAlignment(Qt.AlignCenter)
                else:
                    cell.setToolTip(text)          # all of it, where a narrow window cuts the column
                self.steps_table.setItem(i, col, cell)
        self._shown = sol
        if sol.model_kind == "transformer":
            self._show_transformer_notes(sol)
            return
        self.layer_row.hide()
        self.attention.set_labels(*self.seq2seq_labels)
        enc = "".join(char_label(c) for c in sol.encoder_chars)
        notes = [self.tr("The encoder read “{0}”.").format(enc)]
        if sol.reverse_input:
            notes.append(self.tr("The input is reversed, as in the textbook."))
        if sol.reverse_answer:
            notes.append(self.tr("The decoder writes the answer backwards (ones digit first); it is flipped back for display."))
        self.steps_note.setText(" ".join(notes))
        matrix = None
        if sol.steps and sol.steps[0].attention is not None:
            matrix = np.stack([s.attention for s in sol.steps])
        self.attention.show(matrix, [char_label(c) for c in sol.encoder_chars],
                            [f"{i + 1}: {char_label(s.char)}" for i, s in enumerate(sol.steps)])

    def _show_transformer_notes(self, sol: Solution) -> None:
        prompt = "".join(sol.encoder_chars[:len(sol.encoder_chars) - len(sol.steps) + 1])
        notes = [self.tr("The Transformer read “{0}” and wrote the answer one character at a time, reading back "
                         "each character it wrote (like a GPT writing text).").format(prompt)]
        if sol.reverse_answer:
            notes.append(self.tr("It writes the answer ones digit first; it is flipped back for display."))
        self.steps_note.setText(" ".join(notes))
        self.picker.set_counts(*sol.layer_attention.shape[:2])
        self.layer_row.show()
        self._draw_attention()

    def attention_matrix(self) -> np.ndarray | None:
        """The Transformer's (T, T) weights on screen: the chosen layer's chosen head, or the heads' mean."""
        sol = self._shown
        if sol is None or sol.layer_attention is None:
            return None
        return self.picker.choose(sol.layer_attention)

    @Slot()
    def _draw_attention(self) -> None:
        w = self.attention_matrix()
        if w is None:
            return
        sol = self._shown
        head = self.head.currentText()
        self.attention.set_labels(self.tr("Layer {0}, head {1}: where each character looks (bright = strong)")
                                  .format(self.layer.currentText(), head) if not self.picker.is_mean()
                                  else self.tr("Layer {0}, mean of the heads: where each character looks (bright = strong)")
                                  .format(self.layer.currentText()),
                                  self.tr("looks at (key)"), self.tr("looks from (query)"))
        chars = sol.encoder_chars
        first = len(chars) - len(sol.steps) + 1             # the row of "=", which writes the first answer character
        rows = [char_label(c) if t < first - 1 else f"{char_label(c)} → {char_label(sol.steps[t - first + 1].char)}"
                for t, c in enumerate(chars)]
        self.attention.show(w, [char_label(c) for c in chars], rows)
