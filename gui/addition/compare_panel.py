"""The addition page's textbook comparison: baseline, reversed input, Peeky and attention (and a
Transformer) trained one after another on the same problems, side by side in a plot and a table.

The panel only builds the runs' configs and draws what the worker reports; the page owns the thread.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core.addition.model import ModelConfig
from core.addition.train import recipe
from core.addition.transformer_train import FAST, recipe as transformer_recipe
from core.engine.run import RunSpec
from gui.common.theme import TEXT

from .outcome import RunOutcome
from .plots import RUN_COLORS, Curve, plot_widget
from .status_pace import StatusPace


def comparison_jobs(cell: str, steps: int, with_extra: bool, with_transformer: bool = False) -> list[RunSpec]:
    """The textbook's comparison: the same data and budget, one change at a time (then the Transformer)."""
    variants = [
        ("baseline", dict(reverse_input=False, reverse_answer=False, peeky=False, attention=False)),
        ("reversed", dict(reverse_input=True, reverse_answer=False, peeky=False, attention=False)),
        ("peeky", dict(reverse_input=True, reverse_answer=False, peeky=True, attention=False)),
        ("attention", dict(reverse_input=True, reverse_answer=False, peeky=False, attention=True)),
    ]
    if with_extra:
        variants.append(("attention_rev_answer", dict(reverse_input=True, reverse_answer=True, peeky=False, attention=True)))
    jobs = []
    for name, opts in variants:
        model = ModelConfig(digits=3, cell=cell, hidden=128, embed_dim=16, **opts)
        # the textbook's data: 50,000 problems, 45,000 to train on and 5,000 held out
        jobs.append(recipe(model, train_size=45_000, test_size=5000, batch_size=128, lr=0.01, lr_final=3e-4,
                           max_steps=steps, eval_every=100, seed=1, label=name))
    if with_transformer:  # the same 45,000 problems and steps, with the batch and rate it trains well with
        jobs.append(transformer_recipe(FAST["model"], train_size=45_000, test_size=5000, batch_size=FAST["batch_size"],
                                       lr=FAST["lr"], lr_final=FAST["lr_final"], warmup_steps=FAST["warmup_steps"],
                                       max_steps=steps, eval_every=100, seed=1, label="transformer"))
    return jobs



class ComparePanel(StatusPace, QWidget):
    """Baseline vs reversed input vs Peeky vs attention, trained one after another."""

    start_requested = Signal()
    stop_requested = Signal()
    use_requested = Signal(int)
    check_requested = Signal()

    COLUMNS = 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names = {
            "baseline": self.tr("Baseline"),
            "reversed": self.tr("Reversed input"),
            "peeky": self.tr("Reversed + Peeky"),
            "attention": self.tr("Reversed + attention"),
            "attention_rev_answer": self.tr("+ reversed answer"),
            "transformer": self.tr("Transformer (GPT-style)"),
        }
        intro = QLabel(self.tr(
            "The textbook improves its addition model one idea at a time: reverse the input, a Peeky decoder, "
            "then attention. Here each model trains on the same 45,000 problems with the same number "
            "of steps, and is scored on the same 5,000 held-out problems."))
        intro.setWordWrap(True)
        self.cell = QComboBox(); self.cell.addItem("LSTM", "lstm"); self.cell.addItem("GRU", "gru")
        self.cell.setToolTip(self.tr("The textbook uses LSTM"))
        self.steps = QSpinBox(); self.steps.setRange(100, 50_000); self.steps.setSingleStep(500); self.steps.setValue(3000)
        self.extra = QCheckBox(self.tr("Also: attention + reversed answer (this app's default)"))
        self.with_transformer = QCheckBox(self.tr("Also: a Transformer (GPT-style)"))
        self.with_transformer.setChecked(True)
        self.with_transformer.setToolTip(self.tr("A decoder-only Transformer on the same problems and steps, "
                                                 "answer ones digit first, coupled positions"))
        self.check_button = QPushButton(self.tr("Check all 1,000,000 pairs"))
        self.check_button.setToolTip(self.tr("Ask every finished model all 1,000,000 sums of two 3-digit numbers "
                                             "(a minute or more per model)"))
        self.check_button.clicked.connect(self.check_requested)
        self.check_button.setEnabled(False)
        self.run_button = QPushButton(self.tr("Run the comparison"))
        self.run_button.clicked.connect(self.start_requested)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop_requested)
        # measured here (LSTM, 3000 steps): baseline ~16 %, reversed ~35 %, Peeky ~68 %, attention ~97 %+
        self.status = QLabel(self.tr("Four models, one after another: about 3 minutes on this computer. "
                                     "Fewer steps is quicker but shows smaller differences."))
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("RNN cell:")))
        row.addWidget(self.cell)
        row.addWidget(QLabel(self.tr("Steps per model:")))
        row.addWidget(self.steps)
        row.addStretch(1)
        # the switches one above the other, the buttons on the next row: on one row they needed
        # ~960 px, side by side ~560 (the window must fit 1024 px beside the prompt panel)
        row2 = QVBoxLayout()
        switches = QVBoxLayout()
        switches.addWidget(self.extra)
        switches.addWidget(self.with_transformer)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.check_button)
        row2.addLayout(switches)
        row2.addLayout(buttons)

        self.plot = plot_widget(self.tr("Exact match on held-out problems"), self.tr("accuracy"), self.tr("step"))
        self.plot.addLegend(offset=(10, 10), labelTextColor=TEXT)
        self.plot.setYRange(0, 1)
        self.curves: list[Curve] = []
        self.table = QTableWidget(0, self.COLUMNS)
        # long headings on two lines: the eight columns share the panel's width, and on one line
        # they were cut (in Japanese most of them, at 1024 px)
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Params"), self.tr("Exact\nmatch"),
                                              self.tr("Per digit"), self.tr("Time"), self.tr("Steps\nto 99%"),
                                              self.tr("Seconds\nto 99%"), self.tr("All 10⁶\npairs")])
        self.table.horizontalHeaderItem(1).setToolTip(self.tr("Parameters: the model's weights and biases"))
        self.table.horizontalHeaderItem(7).setToolTip(self.tr("Exact match on every sum of two 3-digit numbers "
                                                              "(press “Check all 1,000,000 pairs”)"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setToolTip(self.tr("Double-click a finished model to use it for prompts"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setMaximumHeight(200)
        self.table.cellDoubleClicked.connect(self._on_double_click)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addLayout(row2)
        lay.addWidget(self.status)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.table)
        self._labels: list[str] = []
        self.reached: dict[int, tuple[int, float]] = {}    # run -> (step, seconds) of the first evaluation >= 99 %
        self.exhaustive: dict[int, float] = {}             # run -> exact match on every pair
        self.set_running(False)

    def jobs(self) -> list[RunSpec]:
        return comparison_jobs(self.cell.currentData(), self.steps.value(), self.extra.isChecked(),
                               self.with_transformer.isChecked())

    def set_running(self, running: bool, checking: bool = False) -> None:
        for w in (self.cell, self.steps, self.extra, self.with_transformer, self.run_button):
            w.setEnabled(not running and not checking)
        self.stop_button.setEnabled(running or checking)
        self.check_button.setEnabled(not running and not checking and bool(self._labels))

    def reset(self, jobs) -> None:
        for c in self.curves:
            self.plot.removeItem(c.item)
        self.plot.getPlotItem().legend.clear()
        self.curves = [Curve(self.plot, RUN_COLORS[i % len(RUN_COLORS)], self.names.get(name, name), symbol="o", width=2)
                       for i, name in enumerate(j.label for j in jobs)]
        self._labels = [self.names.get(j.label, j.label) for j in jobs]
        self.reached, self.exhaustive = {}, {}
        self.table.setRowCount(len(jobs))
        for i, label in enumerate(self._labels):
            self._set_row(i, [label, "", self.tr("waiting")] + [""] * (self.COLUMNS - 3))

    def _set_row(self, i: int, texts) -> None:
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if col:
                item.setTextAlignment(Qt.AlignCenter)
            self.table.setItem(i, col, item)

    def run_started(self, i: int) -> None:
        self._set_row(i, [self._labels[i], "", self.tr("training…")] + [""] * (self.COLUMNS - 3))

    def add_progress(self, run: int, b) -> None:
        """``b``: run ``run``'s RunBatch (core.engine.process) since the last message."""
        if b.evals and run < len(self.curves):
            self.curves[run].extend([e.step for e in b.evals], [e.metrics["exact"] for e in b.evals])
            for e in b.evals:
                if run not in self.reached and e.metrics["exact"] >= 0.99:
                    self.reached[run] = (e.step, e.seconds)
        if not self._status_due():
            return
        self.status.setText(self.tr("Training “{0}” ({1} of {2}): step {3} of {4}, {5:.1f} s")
                            .format(self._labels[run], run + 1, len(self._labels), b.step, b.total_steps, b.seconds))

    def show_outcome(self, o: RunOutcome) -> None:
        fmt = (lambda v: "–" if v is None else f"{v * 100:.2f}%")
        step, sec = self.reached.get(o.run, (None, None))
        never = self.tr("not reached")
        self._set_row(o.run, [self._labels[o.run], f"{o.parameters:,}", fmt(o.exact), fmt(o.per_digit), f"{o.seconds:.1f} s",
                              never if step is None else f"{step:,}", never if sec is None else f"{sec:.1f} s",
                              fmt(self.exhaustive.get(o.run))])

    def show_exhaustive(self, run: int, done: int, total: int, wrong: int) -> None:
        """Progress (or the result, once ``done == total``) of checking every pair for ``run``."""
        if done >= total:
            self.exhaustive[run] = 1.0 - wrong / total
            text = self.tr("{0:.4f}% ({1} wrong)").format(self.exhaustive[run] * 100, f"{wrong:,}")
        else:
            text = self.tr("checking… {0}%").format(done * 100 // total)
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignCenter)
        self.table.setItem(run, 7, item)

    def finish(self, outcomes) -> None:
        done = [o for o in outcomes if o.exact is not None]
        if done:
            best = max(done, key=lambda o: o.exact)
            self.status.setText(self.tr("Best: “{0}” with {1:.2f}% exact match. Double-click a row to ask that model.")
                                .format(self._labels[best.run], best.exact * 100))

    @Slot(int, int)
    def _on_double_click(self, row: int, _col: int) -> None:
        self.use_requested.emit(row)
