"""The addition solver page: ask a Seq2Seq or a Transformer to add, watch it decode, train your own.

Left: the model in use, the prompt box with its history and the step-by-step decoding.
Right: "Train from scratch" and "Textbook comparison". Training runs in the app's training
process through this page's ``RunController`` (gui/run/controller.py), as on the Training page.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThread, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QSplitter, QTabWidget, QWidget

from core.addition import checkpoint
from core.addition.model import Seq2Seq, count_parameters
from core.addition.models import kind_of
from core.addition.solver import Solver
from core.engine.process import Job
from core.i18n import language
from core.project import os_error_text
from gui.common import theme
from gui.run.controller import RunController

from .ask import AskPanel
from .checker import ExhaustiveWorker
from .compare_panel import ComparePanel
from .outcome import RunOutcome
from .train_panel import TrainPanel


class AdditionPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.ask_panel = AskPanel()
        self.train_panel = TrainPanel()
        self.compare_panel = ComparePanel()
        self.right_tabs = QTabWidget()
        self.right_tabs.addTab(self.train_panel, self.tr("Train from scratch"))
        self.right_tabs.addTab(self.compare_panel, self.tr("Textbook comparison"))
        split = self.splitter = QSplitter(Qt.Horizontal)
        split.addWidget(self.ask_panel)
        split.addWidget(self.right_tabs)
        split.setStretchFactor(0, 9)
        split.setStretchFactor(1, 11)
        self._sized = False
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(split)

        self.controller = RunController(self)
        self.controller.progress.connect(self._on_progress)
        self.controller.failed.connect(self._on_failed)
        self.controller.finished.connect(self._on_job_finished)
        self._job_kind = ""
        self._specs = []
        self._outcomes: list[RunOutcome] = []
        self._compare_outcomes: list[RunOutcome] = []
        self._last_train_outcome: RunOutcome | None = None
        self.trained_model: Seq2Seq | None = None

        self.ask_panel.use_shipped_requested.connect(self.use_shipped)
        self.ask_panel.kind_changed.connect(self.use_shipped)
        self.ask_panel.load_requested.connect(self.load_model_dialog)
        self.train_panel.start_requested.connect(self.start_training)
        self.train_panel.pause_toggled.connect(self.set_paused)
        self.train_panel.stop_requested.connect(self.stop)
        self.train_panel.use_requested.connect(self.use_trained)
        self.train_panel.save_requested.connect(self.save_model_dialog)
        self.compare_panel.start_requested.connect(self.start_comparison)
        self.compare_panel.stop_requested.connect(self.stop)
        self.compare_panel.use_requested.connect(self.use_compared)
        self.compare_panel.check_requested.connect(self.check_all_pairs)
        self._check_thread: QThread | None = None
        self._checker: ExhaustiveWorker | None = None
        self.use_shipped()
        self.ask_panel.show_example()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:  # size hints would give the plots most of the width; start near 45:55
            self._sized = True
            w = max(self.splitter.width(), 1)
            self.splitter.setSizes([int(w * 0.44), w - int(w * 0.44)])

    # -- which model answers -----------------------------------------------------------------
    @Slot()
    @Slot(str)
    def use_shipped(self, kind: str = "") -> None:
        """Answer with the shipped model of ``kind`` (default: the one chosen in the ask panel)."""
        kind = kind or self.ask_panel.current_kind()
        try:
            solver = Solver(checkpoint.load_shipped(kind))
        except checkpoint.CheckpointError as e:
            self.ask_panel.set_solver(None, self.tr("The shipped model could not be loaded: {0}").format(str(e)), True)
            return
        meta = checkpoint.load_metadata(checkpoint.shipped_path(kind))
        ex = meta.get("exhaustive", {})
        acc = ""
        if "exact" in ex:
            acc = self.tr(" Measured: {0:.4f}% exact match on all {1} pairs of 3-digit numbers.").format(
                ex["exact"] * 100, f"{ex.get('pairs', 0):,}")
        self.ask_panel.set_solver(solver, self.tr("<b>Shipped model</b>: {0}.{1}").format(
            self.describe(solver.model), acc), shipped=True, name=self.tr("Shipped model"))

    def describe(self, model) -> str:
        c = model.cfg
        if kind_of(model) == "transformer":
            parts = [self.tr("Transformer"), (self.tr("1 digit") if c.digits == 1 else self.tr("{0} digits").format(c.digits)),
                     self.tr("layers: {0}, heads: {1}, width: {2}").format(c.layers, c.heads, c.width),
                     self.tr("coupled positions") if c.positions == "coupled" else self.tr("absolute positions")]
            if c.reverse_answer:
                parts.append(self.tr("reversed answer"))
            parts.append(self.tr("{0} parameters").format(f"{count_parameters(model):,}"))
            return ", ".join(parts)
        parts = [c.cell.upper(), (self.tr("1 digit") if c.digits == 1 else self.tr("{0} digits").format(c.digits)), self.tr("hidden {0}").format(c.hidden)]
        if c.reverse_input:
            parts.append(self.tr("reversed input"))
        if c.reverse_answer:
            parts.append(self.tr("reversed answer"))
        if c.peeky:
            parts.append(self.tr("Peeky"))
        if c.attention:
            parts.append(self.tr("attention"))
        parts.append(self.tr("{0} parameters").format(f"{count_parameters(model):,}"))
        return ", ".join(parts)

    def _use_model(self, model, title: str) -> None:
        self.ask_panel.set_solver(Solver(model), "<b>{0}</b>: {1}.".format(title, self.describe(model)),
                                  shipped=False, name=title)

    @Slot()
    def use_trained(self) -> None:
        if self.trained_model is not None:
            self._use_model(self.trained_model, self.tr("Your trained model"))

    @Slot(int)
    def use_compared(self, row: int) -> None:
        for o in self._compare_outcomes:
            if o.run == row:
                self._use_model(self._model_from(o), self.compare_panel.names.get(o.label, o.label))
                return

    @staticmethod
    def _model_from(o: RunOutcome) -> Seq2Seq:
        return o.model()

    @Slot()
    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load addition model"), self._last_dir(),
                                              self.tr("Addition models (*.pt)"))
        if path:
            self.load_model(path)

    def load_model(self, path: str) -> bool:
        try:
            model = checkpoint.load(path)
        except checkpoint.CheckpointError as e:
            QMessageBox.warning(self, self.tr("Cannot load model"), str(e))
            return False
        QSettings().setValue("addition/last_dir", str(Path(path).parent))
        self._use_model(model, Path(path).name)
        return True

    @Slot()
    def save_model_dialog(self) -> None:
        if self.trained_model is None:
            return
        start = str(Path(self._last_dir()) / "addition_model.pt")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save addition model"), start,
                                              self.tr("Addition models (*.pt)"))
        if path:
            self.save_model(path if path.endswith(".pt") else path + ".pt")

    def save_model(self, path: str) -> bool:
        o = self._last_train_outcome
        meta = {"trained_in": "app (addition panel)", "config": {"task": o.spec.args, "optim": o.spec.optim.to_dict(),
                                                                  "limits": o.spec.limits.to_dict()},
                "steps": o.steps, "seconds": round(o.seconds, 1), "held_out_exact": o.exact,
                "seed": o.spec.args.get("seed", 0)}
        try:
            checkpoint.save(self.trained_model, path, meta)
        except OSError as e:
            QMessageBox.critical(self, self.tr("Cannot save model"),
                                 self.tr("Saving to {0} failed: {1}").format(path, os_error_text(e)))
            return False
        QSettings().setValue("addition/last_dir", str(Path(path).parent))
        self.train_panel.status.setText(self.tr("Saved {0}").format(Path(path).name))
        return True

    def _last_dir(self) -> str:
        return str(QSettings().value("addition/last_dir", str(Path.home())))

    # -- training ----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.controller.is_running()

    @Slot()
    def start_training(self) -> None:
        spec = self.train_panel.config()
        if self._start("train", [spec]):
            self.train_panel.reset(spec.limits.max_steps)

    @Slot()
    def start_comparison(self) -> None:
        jobs = self.compare_panel.jobs()
        if self._start("compare", jobs):
            self.compare_panel.reset(jobs)
            self._compare_outcomes = []
            self.compare_panel.run_started(0)

    def show_comparison(self) -> None:
        """Bring the textbook comparison into view (a lesson's "try it")."""
        self.right_tabs.setCurrentWidget(self.compare_panel)
        self.compare_panel.run_button.setFocus()

    def _start(self, kind: str, specs) -> bool:
        if self.is_running() or self.is_checking():
            return False
        if RunController.busy():
            status = self.train_panel.status if kind == "train" else self.compare_panel.status
            status.setText(self.tr("The Training page is training a network; stop it first."))
            return False
        self._job_kind = kind
        self._specs = list(specs)
        self._outcomes = []
        self.controller.start(Job(self._specs, threads=1, language=language()))
        self.train_panel.set_running(True)
        self.compare_panel.set_running(True)
        self.train_panel.start_button.setEnabled(False)
        self.compare_panel.run_button.setEnabled(False)
        return True

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        self.controller.pause() if paused else self.controller.resume()

    @Slot()
    def stop(self) -> None:
        if self._checker is not None:
            self._checker.stop()
        self.controller.stop()

    # -- every pair, for the comparison table ---------------------------------------------------
    def is_checking(self) -> bool:
        return self._check_thread is not None

    @Slot()
    def check_all_pairs(self) -> None:
        """Ask each finished comparison model every sum of two 3-digit numbers, in a worker thread."""
        if self.is_checking() or self.is_running():
            return
        models = [(o.run, o.model()) for o in sorted(self._compare_outcomes, key=lambda o: o.run) if o.state_dict]
        if not models:
            return
        self._check_thread = QThread(self)
        self._checker = ExhaustiveWorker(models)
        self._checker.moveToThread(self._check_thread)
        self._check_thread.started.connect(self._checker.run)
        self._checker.progress.connect(self._on_check_progress)
        self._checker.finished.connect(self._check_thread.quit)
        self._checker.finished.connect(self._checker.deleteLater)
        self._check_thread.finished.connect(self._on_check_finished)
        self.compare_panel.set_running(False, checking=True)
        self.compare_panel.status.setText(self.tr("Checking every pair of 3-digit numbers…"))
        self._check_thread.start()

    @Slot(int, int, int, int)
    def _on_check_progress(self, run: int, done: int, total: int, wrong: int) -> None:
        self.compare_panel.show_exhaustive(run, done, total, wrong)

    @Slot()
    def _on_check_finished(self) -> None:
        thread, self._check_thread, self._checker = self._check_thread, None, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        self.compare_panel.set_running(False)
        self.compare_panel.status.setText(self.tr("Checked every pair of 3-digit numbers."))

    @Slot(object)
    def _on_progress(self, progress) -> None:
        for i, b in sorted(progress.runs.items()):
            if self._job_kind == "train":
                self.train_panel.add_progress(b, int(self._specs[i].args.get("batch_size", 1)))
            else:
                self.compare_panel.add_progress(i, b)
            if b.end is not None:
                self._run_ended(i, b.end)

    def _run_ended(self, i: int, end) -> None:
        o = RunOutcome.from_end(i, self._specs[i], end)
        if self._job_kind == "train":
            self.train_panel.show_outcome(o)
        else:
            self._compare_outcomes = [c for c in self._compare_outcomes if c.run != i] + [o]
            self.compare_panel.show_outcome(o)
            if i + 1 < len(self._specs) and end.reason != "stopped":
                self.compare_panel.run_started(i + 1)
        self._outcomes.append(o)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        # shown in place, not in a modal box: the learner sees it next to the options that caused it
        label = self.train_panel.status if self._job_kind == "train" else self.compare_panel.status
        label.setText('<span style="color:{1}">{0}</span>'.format(self.tr("Training failed: {0}").format(message), theme.ERROR))

    @Slot(object)
    def _on_job_finished(self, result) -> None:
        if result is not None:                 # the weights arrive with the job's end
            for o in self._outcomes:
                o.state_dict = result.states[o.run]["model"]
            if self._job_kind == "train" and self._outcomes:
                o = self._outcomes[-1]
                self.trained_model = self._model_from(o)
                self._last_train_outcome = o
                self.train_panel.set_has_model(True)
            else:
                self._compare_outcomes = [o for o in self._outcomes]
        self.train_panel.set_running(False)
        self.compare_panel.set_running(False)
        if self._job_kind == "compare":
            self.compare_panel.finish(self._outcomes)

    def shutdown(self) -> None:
        """Stop training and checking, and join their threads (called by the main window on close)."""
        if self._checker is not None:
            self._checker.stop()
        if self._check_thread is not None:
            self._check_thread.quit()
            self._check_thread.wait()
            self._check_thread = None
        self.controller.shutdown()
