"""Seq2Seq lab: an addition question shown as the token rows the encoder and decoder receive."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from core.lessons import seq2seq_lab as core_s2s
from gui.lessons.widgets import ERROR, CodeBox, MessageBox, heading, monospace, muted

_ROW_COLORS = {"src": ("#e8f0fe", "#2f6fde"), "dec_in": ("#e7f6ef", "#139a6b"), "target": ("#fff4e0", "#d48806")}


def token_strip_html(row: core_s2s.Row) -> str:
    """One row of tokens as boxes: the character large, its id small underneath."""
    fill, border = _ROW_COLORS[row.name]
    cells = "".join(
        f"<td align='center' style='background:{fill}; border:1px solid {border}; padding:4px 9px'>"
        f"<span style='font-family:monospace; font-size:15pt'>{html.escape(c)}</span><br>"
        f"<span style='font-family:monospace; font-size:9pt; color:#59636e'>{int(i)}</span></td>"
        for c, i in zip(row.chars, row.ids))
    return f"<table cellspacing='3'><tr>{cells}</tr></table>"


class Seq2SeqLab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.example: core_s2s.Seq2SeqExample | None = None
        self.question = QLineEdit("123+45")
        self.question.setFont(monospace(13))
        self.question.setMaxLength(24)
        self.question.textChanged.connect(self.update_view)
        self.digits = QSpinBox()
        self.digits.setRange(1, core_s2s.MAX_DIGITS)
        self.digits.setValue(3)
        self.digits.valueChanged.connect(self.update_view)
        self.reverse = QCheckBox(self.tr("reverse the question (the book's trick)"))
        self.reverse.toggled.connect(self.update_view)
        self.message = MessageBox()

        self.titles = {
            "src": self.tr("Encoder input <b>src</b>: the question, padded with spaces (␣) to 2N+1 characters"),
            "dec_in": self.tr("Decoder input <b>dec_in</b>: the start mark _ then the answer (teacher forcing)"),
            "target": self.tr("Target <b>target</b>: the answer shifted one step — at each step the decoder "
                              "learns to predict the next character"),
        }
        self.row_titles: dict[str, QLabel] = {}
        self.row_strips: dict[str, QLabel] = {}
        rows = QVBoxLayout()
        for name in ("src", "dec_in", "target"):
            title = QLabel()
            title.setTextFormat(Qt.RichText)
            title.setWordWrap(True)
            strip = QLabel()
            strip.setTextFormat(Qt.RichText)
            self.row_titles[name], self.row_strips[name] = title, strip
            rows.addWidget(title)
            rows.addWidget(strip)
        vocab = "  ".join(f"{c}={i}" for c, i in core_s2s.vocabulary())
        self.vocab = QLabel(vocab)
        self.vocab.setFont(monospace(10))
        self.vocab.setWordWrap(True)      # on one line ~520 px: wider than a 1024-px window's lab
        self.code = CodeBox(max_lines=6)
        self.code.setFont(monospace(9))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Question")))
        top.addWidget(self.question, 1)
        top.addWidget(QLabel(self.tr("digits N")))
        top.addWidget(self.digits)
        top.addWidget(self.reverse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(rows)
        layout.addWidget(heading(self.tr("Vocabulary: character = token id"), 10))
        layout.addWidget(self.vocab)
        layout.addWidget(muted(self.tr("Each id becomes a learned vector in an nn.Embedding; the encoder's last "
                                       "hidden state starts the decoder, which writes the answer one character "
                                       "at a time. At prediction time dec_in is not known: each output is fed "
                                       "back as the next input.")))
        layout.addWidget(heading(self.tr("As tensors"), 10))
        layout.addWidget(self.code)
        layout.addStretch(1)
        self.update_view()

    @Slot()
    def update_view(self) -> None:
        ex = core_s2s.encode_example(self.question.text(), self.digits.value(), self.reverse.isChecked())
        self.example = ex
        if not ex.ok:
            self.message.show_error(self.tr("This question cannot be encoded"), ex.error, "")
            self.question.setStyleSheet(f"border: 2px solid {ERROR}; border-radius: 3px;")
            return  # keep the last good rows on screen
        self.message.hide()
        self.question.setStyleSheet("")
        for row in ex.rows:
            shape = f"(1, {len(row.ids)})"
            self.row_titles[row.name].setText(f"{self.titles[row.name]} &nbsp; <span style='color:#59636e'>"
                                              + self.tr("shape {0}").format(shape) + "</span>")
            self.row_strips[row.name].setText(token_strip_html(row))
        self.code.set_code(ex.code)
