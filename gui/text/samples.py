"""Live samples: every few seconds the model continues the learner's prompt; the history shows it learn.

The controls (prompt, temperature, top-k) only ask: the training process writes the samples
(``TextTask.sample``), after the run the trained network does (gui/text/trained.py), and this view
shows what comes back, newest first, with the step it was written at. The vocabulary and the latest validation figures sit above the history.
"""
from __future__ import annotations

import html
from collections import deque

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox,
                               QTextBrowser, QVBoxLayout, QWidget)

from core.data.text import char_label
from gui.common.theme import MUTED
from gui.training.board_plot import PicturesPlot

MAX_HISTORY = 100           # samples kept in the history (oldest dropped)
VOCAB_SHOWN = 120           # characters of the vocabulary listed (English text has ~100)


class SamplesView(PicturesPlot, QWidget):
    options_changed = Signal(dict)      # {"prompt": ..., "temperature": ..., "top_k": ...}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.prompt = QLineEdit("The ")
        self.prompt.setPlaceholderText(self.tr("Text the model continues"))
        self.prompt.setMaxLength(500)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setValue(0.8)
        self.temperature.setToolTip(self.tr(
            "Divides the scores before softmax: low is cautious and repetitive, high is adventurous; "
            "0 always takes the most likely character."))
        self.top_k = QSpinBox()
        self.top_k.setRange(0, 10000)
        self.top_k.setSpecialValueText(self.tr("all"))
        self.top_k.setToolTip(self.tr("Choose only among the k most likely characters (all: no limit)."))
        # two rows: the view shares its tab with the attention map, side by side
        controls = QVBoxLayout()
        form = QFormLayout()
        form.addRow(self.tr("Prompt:"), self.prompt)
        controls.addLayout(form)
        knobs = QHBoxLayout()
        for label, box in ((self.tr("Temperature:"), self.temperature), (self.tr("Top-k:"), self.top_k)):
            knobs.addWidget(QLabel(label))
            knobs.addWidget(box)
        knobs.addStretch(1)
        controls.addLayout(knobs)

        self.metrics = QLabel(self.tr("Samples appear here every few seconds while a network trains on text (choose Python documentation or a text file as the data); after training, press Enter in the prompt to ask the trained network."))
        self.metrics.setWordWrap(True)
        self.vocabulary = QLabel()
        self.vocabulary.setWordWrap(True)
        self.vocabulary.setVisible(False)
        self.history = QTextBrowser()
        self.history.setOpenLinks(False)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(controls)
        lay.addWidget(self.metrics)
        lay.addWidget(self.vocabulary)
        lay.addWidget(self.history, 1)

        self._entries: deque[str] = deque(maxlen=MAX_HISTORY)
        self._vocab = None
        self.prompt.editingFinished.connect(self._emit_options)
        self.temperature.valueChanged.connect(self._emit_options)
        self.top_k.valueChanged.connect(self._emit_options)

    def options(self) -> dict:
        return {"prompt": self.prompt.text(), "temperature": round(self.temperature.value(), 2),
                "top_k": self.top_k.value()}

    def set_options(self, options: dict) -> None:
        """Show ``options`` (prompt, temperature, top_k: e.g. a project's) without asking for anything."""
        for box in (self.prompt, self.temperature, self.top_k):
            box.blockSignals(True)
        try:
            self.prompt.setText(str(options.get("prompt", self.prompt.text())))
            self.temperature.setValue(float(options.get("temperature", self.temperature.value())))
            self.top_k.setValue(int(options.get("top_k", self.top_k.value())))
        finally:
            for box in (self.prompt, self.temperature, self.top_k):
                box.blockSignals(False)

    @Slot()
    def _emit_options(self) -> None:
        self.options_changed.emit(self.options())

    # --- what the run sends ---------------------------------------------------------------------
    def set_vocabulary(self, vocab) -> None:
        self._vocab = vocab
        chars = " ".join(char_label(c) for c in vocab[:VOCAB_SHOWN])
        if len(vocab) > VOCAB_SHOWN:        # a Japanese text has thousands: the line must not fill the view
            chars += " " + self.tr("… and {0} more").format(f"{len(vocab) - VOCAB_SHOWN:,}")
        self.vocabulary.setText(self.tr("Vocabulary ({0} characters): {1}").format(
            f"{len(vocab):,}", html.escape(chars)))
        self.vocabulary.setVisible(True)

    def update_metrics(self, metrics: dict) -> None:
        """The latest evaluation: validation loss in nats and bits per character, perplexity."""
        if "val_loss" not in metrics:
            return
        self.metrics.setText(self.tr(
            "Validation loss {0:.3f} nats/char = {1:.3f} bits/char; perplexity {2:.2f} "
            "(as unsure as choosing among {2:.1f} characters)").format(
            metrics["val_loss"], metrics.get("val_bits", 0.0), metrics.get("val_perplexity", 0.0)))

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        sample = pictures.get("text_sample")
        if not sample:
            return
        if sample.get("vocab") and sample["vocab"] != self._vocab:
            self.set_vocabulary(sample["vocab"])
        top_k = sample.get("top_k") or 0
        head = self.tr("step {0}").format(f"{step:,}") if step is not None else ""
        settings = self.tr("temperature {0:g}, top-k {1}").format(
            sample.get("temperature", 0.0), top_k if top_k else self.tr("all"))
        note = ""
        if sample.get("skipped"):
            note = " — " + self.tr("not in the vocabulary, left out: {0}").format(
                html.escape(" ".join(char_label(c) for c in sample["skipped"])))
        body = (f"<b>{_html_text(sample.get('prompt', ''))}</b>{_html_text(sample.get('text', ''))}")
        self._entries.appendleft(
            f"<p style='margin:0 0 10px 0'><span style='color:{MUTED}'>{html.escape(head + ' · ' if head else '')}"
            f"{html.escape(settings)}"
            f"{note}</span><br><span style='font-family:monospace; white-space:pre-wrap'>{body}</span></p>")
        self.history.setHtml("".join(self._entries))

    def sample_count(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()
        self.history.clear()
        self.metrics.setText(self.tr("Samples appear here every few seconds while a network trains on text (choose Python documentation or a text file as the data); after training, press Enter in the prompt to ask the trained network."))


def _html_text(text: str) -> str:
    return html.escape(text)        # newlines and runs of spaces kept by white-space: pre-wrap
