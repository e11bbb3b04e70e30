"""The addition page's "Train from scratch" tab: a model's options, start/pause/stop, live plots.

The panel only builds the run's config and draws what the worker reports; the page owns the thread.
The textbook comparison, the tab beside it, is ``compare_panel``.
"""
from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QProgressBar, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from core.addition.data import num_pairs
from core.addition.model import ModelConfig
from core.addition.train import recipe
from core.addition.transformer import TransformerConfig
from core.addition.transformer_train import FAST, recipe as transformer_recipe
from core.engine.run import RunSpec
from gui.common.theme import TEXT

from .outcome import RunOutcome
from .plots import Curve, plot_widget
from .status_pace import StatusPace


class TrainPanel(StatusPace, QWidget):
    """Options, start/pause/stop, live loss and exact-match plots, then use or save the model."""

    start_requested = Signal()
    pause_toggled = Signal(bool)
    stop_requested = Signal()
    use_requested = Signal()
    save_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # -- options
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Seq2Seq (GRU/LSTM encoder-decoder)"), "seq2seq")
        self.kind.addItem(self.tr("Transformer (GPT-style, decoder only)"), "transformer")
        self.kind.setToolTip(self.tr("The textbook's encoder-decoder, or a decoder-only Transformer that reads "
                                     "“123+45=” and writes the answer like a GPT writes text"))
        self.digits = QSpinBox(); self.digits.setRange(1, 5); self.digits.setValue(3)
        self.cell = QComboBox(); self.cell.addItem("GRU", "gru"); self.cell.addItem("LSTM", "lstm")
        self.hidden = QSpinBox(); self.hidden.setRange(8, 512); self.hidden.setSingleStep(16); self.hidden.setValue(128)
        self.embed = QSpinBox(); self.embed.setRange(2, 128); self.embed.setValue(16)
        self.reverse_input = QCheckBox(self.tr("Reverse the input")); self.reverse_input.setChecked(True)
        self.reverse_input.setToolTip(self.tr("Feed “123+45” as “54+321” (a trick from the textbook)"))
        self.reverse_answer = QCheckBox(self.tr("Reverse the answer")); self.reverse_answer.setChecked(True)
        self.reverse_answer.setToolTip(self.tr("Write the answer ones digit first, like adding by hand"))
        self.peeky = QCheckBox(self.tr("Peeky decoder")); self.peeky.setToolTip(
            self.tr("Give the encoder's summary to every decoder step (a trick from the textbook)"))
        self.attention = QCheckBox(self.tr("Attention")); self.attention.setChecked(True)
        self.attention.setToolTip(self.tr("Let each decoder step look at all input characters"))
        self.steps = QSpinBox(); self.steps.setRange(50, 200_000); self.steps.setSingleStep(500); self.steps.setValue(2000)
        self.batch = QSpinBox(); self.batch.setRange(8, 2048); self.batch.setValue(128)
        self.lr = QDoubleSpinBox(); self.lr.setDecimals(4); self.lr.setRange(0.0001, 0.1); self.lr.setSingleStep(0.001)
        self.lr.setValue(0.01)
        self.train_size = QSpinBox(); self.train_size.setRange(0, 1_000_000); self.train_size.setSingleStep(5000)
        self.train_size.setSpecialValueText(self.tr("fresh every batch"))
        self.train_size.setToolTip(self.tr("0: draw new problems for every batch; otherwise a fixed training set "
                                           "of this size (the textbook uses 45,000)"))
        self.early_stop = QCheckBox(self.tr("Stop at 99% exact match")); self.early_stop.setChecked(True)
        # the Transformer's own options
        fast: TransformerConfig = FAST["model"]
        self.layers = QSpinBox(); self.layers.setRange(1, 6); self.layers.setValue(fast.layers)
        self.heads = QComboBox()
        for h in (1, 2, 4, 8):
            self.heads.addItem(str(h), h)
        self.heads.setCurrentIndex(self.heads.findData(fast.heads))
        self.width = QSpinBox(); self.width.setRange(16, 256); self.width.setSingleStep(16); self.width.setValue(fast.width)
        self.width.setToolTip(self.tr("Size of each character's vector (a multiple of the number of heads)"))
        self.coupled = QCheckBox(self.tr("Coupled positions")); self.coupled.setChecked(fast.positions == "coupled")
        self.coupled.setToolTip(self.tr("Number the digits by place value (ones, tens, …), the same in both numbers and "
                                        "the answer, instead of by their index in the text: digits to add share a "
                                        "position. Off: the usual GPT positions."))

        for w in (self.kind, self.digits, self.cell, self.hidden, self.embed, self.steps, self.batch,
                  self.lr, self.layers, self.heads, self.width):
            w.setMaximumWidth(150)
        self.train_size.setMinimumWidth(self.train_size.sizeHint().width())   # its words, not cut at 150 px
        self.kind.setMaximumWidth(320)
        form = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        self.left_form = left
        left.addRow(self.tr("Digits per number:"), self.digits)
        left.addRow(self.tr("RNN cell:"), self.cell)
        left.addRow(self.tr("Hidden size:"), self.hidden)
        left.addRow(self.tr("Embedding size:"), self.embed)
        left.addRow(self.tr("Layers:"), self.layers)
        left.addRow(self.tr("Heads:"), self.heads)
        left.addRow(self.tr("Width:"), self.width)
        left.addRow(self.tr("Training data:"), self.train_size)
        right.addRow(self.tr("Steps:"), self.steps)
        right.addRow(self.tr("Batch size:"), self.batch)
        right.addRow(self.tr("Learning rate:"), self.lr)
        switches = QGridLayout()
        for i, w in enumerate((self.reverse_input, self.reverse_answer, self.early_stop, self.peeky, self.attention,
                               self.coupled)):
            switches.addWidget(w, i // 2, i % 2)      # two columns: three made the window too wide for 1024 px
        kind_row = QFormLayout()
        kind_row.addRow(self.tr("Model:"), self.kind)
        form.addLayout(kind_row, 0, 0, 1, 2)
        form.addLayout(left, 1, 0)
        form.addLayout(right, 1, 1)
        form.addLayout(switches, 2, 0, 1, 2)
        opts = QGroupBox(self.tr("Model and training options"))
        opts.setLayout(form)
        self.seq2seq_widgets = [self.cell, self.hidden, self.embed, self.reverse_input, self.peeky, self.attention]
        self.transformer_widgets = [self.layers, self.heads, self.width, self.coupled]
        self.option_widgets = [self.kind, self.digits, self.cell, self.hidden, self.embed, self.reverse_input,
                               self.reverse_answer, self.peeky, self.attention, self.steps, self.batch, self.lr,
                               self.train_size, self.early_stop, self.layers, self.heads, self.width, self.coupled]
        self.kind.currentIndexChanged.connect(self._on_kind)
        self._on_kind()
        # coupled positions number the answer from its ones digit, so they need it written first
        self.coupled.toggled.connect(lambda on: on and self.reverse_answer.setChecked(True))
        self.reverse_answer.toggled.connect(lambda on: on or self.coupled.setChecked(False))

        # -- controls
        self.start_button = QPushButton(self.tr("Start training"))
        self.start_button.clicked.connect(self.start_requested)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._on_pause_toggled)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop_requested)
        self.progress = QProgressBar()
        self.progress.setFormat("%p%")
        self.status = QLabel(self.tr("Choose options and press “Start training”."))
        self.status.setWordWrap(True)
        self.digits.valueChanged.connect(self._on_digits_changed)
        controls = QHBoxLayout()
        for w in (self.start_button, self.pause_button, self.stop_button):
            controls.addWidget(w)
        controls.addWidget(self.progress, 1)

        # -- plots
        self.loss_plot = plot_widget(self.tr("Training loss"), self.tr("cross-entropy"), self.tr("step"))
        self.loss_curve = Curve(self.loss_plot, "#1f77b4")
        self.acc_plot = plot_widget(self.tr("Held-out accuracy"), self.tr("accuracy"), self.tr("step"))
        self.acc_plot.addLegend(offset=(-10, -10), labelTextColor=TEXT)
        self.acc_plot.setYRange(0, 1)
        self.exact_curve = Curve(self.acc_plot, "#d62728", self.tr("exact match"), symbol="o", width=2)
        self.digit_curve = Curve(self.acc_plot, "#2ca02c", self.tr("per digit"))
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.acc_plot)

        # -- result
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.use_button = QPushButton(self.tr("Use this model for prompts"))
        self.use_button.clicked.connect(self.use_requested)
        self.save_button = QPushButton(self.tr("Save model…"))
        self.save_button.clicked.connect(self.save_requested)
        rrow = QHBoxLayout()
        rrow.addWidget(self.result, 1)
        rrow.addWidget(self.use_button)
        rrow.addWidget(self.save_button)

        lay = QVBoxLayout(self)
        lay.addWidget(opts)
        lay.addLayout(controls)
        lay.addWidget(self.status)
        lay.addLayout(plots, 1)
        lay.addLayout(rrow)
        self.set_running(False)
        self.set_has_model(False)

    @Slot(int)
    def _on_digits_changed(self, digits: int) -> None:
        if digits == 1:  # 90 training problems: the model can memorise them but not generalise
            self.status.setText(self.tr(
                "With 1 digit there are only 100 problems: 10 are held out, and a model that has seen only "
                "the other 90 usually cannot answer them. Try 2 or more digits to see it generalise."))
        else:
            self.status.setText(self.tr("Choose options and press “Start training”."))

    def current_kind(self) -> str:
        return self.kind.currentData()

    @Slot()
    def _on_kind(self) -> None:
        """Show the chosen model's own options, with the batch size and learning rate it trains well with."""
        transformer = self.current_kind() == "transformer"
        for w in self.seq2seq_widgets:
            w.setVisible(not transformer)
            if self.left_form.labelForField(w) is not None:
                self.left_form.labelForField(w).setVisible(not transformer)
        for w in self.transformer_widgets:
            w.setVisible(transformer)
            if self.left_form.labelForField(w) is not None:
                self.left_form.labelForField(w).setVisible(transformer)
        self.batch.setValue(FAST["batch_size"] if transformer else 128)
        self.lr.setValue(FAST["lr"] if transformer else 0.01)
        self.steps.setValue(FAST["max_steps"] if transformer else 2000)

    def config(self) -> RunSpec:
        if self.current_kind() == "transformer":
            return self.transformer_config()
        model = ModelConfig(digits=self.digits.value(), cell=self.cell.currentData(), embed_dim=self.embed.value(),
                            hidden=self.hidden.value(), reverse_input=self.reverse_input.isChecked(),
                            reverse_answer=self.reverse_answer.isChecked(), peeky=self.peeky.isChecked(),
                            attention=self.attention.isChecked())
        # hold out 5,000 problems, or a tenth of all pairs when there are fewer (1 digit: 100 pairs)
        test_size = min(5000, num_pairs(model.digits) // 10)
        train_size = self.train_size.value() or None
        if train_size is not None:
            train_size = min(train_size, num_pairs(model.digits) - test_size)
        return recipe(model, train_size=train_size, test_size=test_size, batch_size=self.batch.value(),
                      lr=self.lr.value(), lr_final=min(3e-4, self.lr.value()), max_steps=self.steps.value(),
                      target=0.99 if self.early_stop.isChecked() else None, eval_every=100, label="train")

    def transformer_config(self) -> RunSpec:
        heads = self.heads.currentData()
        width = max(heads, self.width.value() // heads * heads)          # a multiple of the heads
        model = TransformerConfig(digits=self.digits.value(), layers=self.layers.value(), heads=heads, width=width,
                                  reverse_answer=True if self.coupled.isChecked() else self.reverse_answer.isChecked(),
                                  positions="coupled" if self.coupled.isChecked() else "absolute")
        test_size = min(5000, num_pairs(model.digits) // 10)
        train_size = self.train_size.value() or None
        if train_size is not None:
            train_size = min(train_size, num_pairs(model.digits) - test_size)
        return transformer_recipe(model, train_size=train_size, test_size=test_size, batch_size=self.batch.value(),
                                  lr=self.lr.value(), lr_final=min(FAST["lr_final"], self.lr.value()),
                                  warmup_steps=FAST["warmup_steps"], max_steps=self.steps.value(),
                                  target=0.99 if self.early_stop.isChecked() else None, eval_every=FAST["eval_every"],
                                  label="train")

    def set_running(self, running: bool) -> None:
        for w in self.option_widgets:
            w.setEnabled(not running)
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if not running:
            self.pause_button.blockSignals(True)
            self.pause_button.setChecked(False)
            self.pause_button.setText(self.tr("Pause"))
            self.pause_button.blockSignals(False)

    def set_has_model(self, has: bool) -> None:
        self.use_button.setEnabled(has)
        self.save_button.setEnabled(has)

    @Slot(bool)
    def _on_pause_toggled(self, paused: bool) -> None:
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if paused:
            self.status.setText(self.tr("Paused. Press “Resume” to go on."))
        self.pause_toggled.emit(paused)

    def reset(self, max_steps: int) -> None:
        for c in (self.loss_curve, self.exact_curve, self.digit_curve):
            c.clear()
        self.progress.setRange(0, max_steps)
        self.progress.setValue(0)
        self.result.setText("")
        self.status.setText(self.tr("Preparing data and model…"))

    def add_progress(self, b, batch_size: int) -> None:
        """``b``: the run's RunBatch (core.engine.process) since the last message."""
        self.loss_curve.extend(b.steps, b.losses)
        if b.evals:
            self.exact_curve.extend([e.step for e in b.evals], [e.metrics["exact"] for e in b.evals])
            self.digit_curve.extend([e.step for e in b.evals], [e.metrics["per_digit"] for e in b.evals])
        self.progress.setValue(b.step)
        if b.end is not None and b.end.reason == "target":
            self.progress.setValue(self.progress.maximum())     # ended early at the target: done, not 55 %
        if self.pause_button.isChecked() or not self._status_due(b.end is not None):
            return
        ex = self.exact_curve.series
        acc = self.tr("not measured yet") if ex.n == 0 else f"{ex.y[ex.n - 1] * 100:.1f}%"
        loss = f"{b.losses[-1]:.4f}" if len(b.losses) else "–"
        self.status.setText(self.tr("Step {0} of {1} · {2:.1f} s · {3} problems seen · loss {4} · exact match {5}")
                            .format(b.step, b.total_steps, b.seconds, f"{b.step * batch_size:,}", loss, acc))

    def show_outcome(self, o: RunOutcome) -> None:
        exact = "–" if o.exact is None else f"{o.exact * 100:.2f}%"
        how = self.tr("stopped") if o.stopped else self.tr("finished")
        self.result.setText(self.tr("Training {0} after {1} steps ({2:.1f} s): exact match {3} on {4} held-out problems, "
                                    "{5} parameters.").format(how, o.steps, o.seconds, exact, f"{o.test_size:,}",
                                                             f"{o.parameters:,}"))
        self.status.setText(self.tr("Done. Use the new model for prompts, save it, or train again."))
