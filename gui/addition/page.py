"""The addition solver page: ask a Seq2Seq model to add, watch it decode, train your own.

Left: the model in use, the prompt box with its history and the step-by-step decoding.
Right: "Train from scratch" and "Textbook comparison". Training runs in a QThread
(``AdditionWorker``); this page owns that thread and stops it in ``shutdown()``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThread, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QSplitter, QTabWidget, QWidget

from core.addition import checkpoint
from core.addition.model import Seq2Seq, count_parameters
from core.addition.solver import Solver
from core.project import os_error_text

from .ask import AskPanel
from .train_panel import ComparePanel, TrainPanel
from .worker import AdditionProgress, AdditionWorker, RunOutcome


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

        self._thread: QThread | None = None
        self._worker: AdditionWorker | None = None
        self._job_kind = ""
        self._outcomes: list[RunOutcome] = []
        self._compare_outcomes: list[RunOutcome] = []
        self._last_train_outcome: RunOutcome | None = None
        self.trained_model: Seq2Seq | None = None

        self.ask_panel.use_shipped_requested.connect(self.use_shipped)
        self.ask_panel.load_requested.connect(self.load_model_dialog)
        self.train_panel.start_requested.connect(self.start_training)
        self.train_panel.pause_toggled.connect(self.set_paused)
        self.train_panel.stop_requested.connect(self.stop)
        self.train_panel.use_requested.connect(self.use_trained)
        self.train_panel.save_requested.connect(self.save_model_dialog)
        self.compare_panel.start_requested.connect(self.start_comparison)
        self.compare_panel.stop_requested.connect(self.stop)
        self.compare_panel.use_requested.connect(self.use_compared)
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
    def use_shipped(self) -> None:
        try:
            solver = Solver(checkpoint.load_shipped())
        except checkpoint.CheckpointError as e:
            self.ask_panel.set_solver(None, self.tr("The shipped model could not be loaded: {0}").format(str(e)), True)
            return
        meta = checkpoint.load_metadata(checkpoint.SHIPPED)
        ex = meta.get("exhaustive", {})
        acc = ""
        if "exact" in ex:
            acc = self.tr(" Measured: {0:.4f}% exact match on all {1} pairs of 3-digit numbers.").format(
                ex["exact"] * 100, f"{ex.get('pairs', 0):,}")
        self.ask_panel.set_solver(solver, self.tr("<b>Shipped model</b>: {0}.{1}").format(
            self.describe(solver.model), acc), shipped=True)

    def describe(self, model: Seq2Seq) -> str:
        c = model.cfg
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

    def _use_model(self, model: Seq2Seq, title: str) -> None:
        self.ask_panel.set_solver(Solver(model), "<b>{0}</b>: {1}.".format(title, self.describe(model)), shipped=False)

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
        model = Seq2Seq(o.config.model)
        model.load_state_dict(o.state_dict)
        return model.eval()

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
        meta = {"trained_in": "app (addition panel)", "config": o.config.to_dict(), "steps": o.steps,
                "seconds": round(o.seconds, 1), "held_out_exact": o.exact, "seed": o.config.seed}
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
        return self._thread is not None

    @Slot()
    def start_training(self) -> None:
        config = self.train_panel.config()
        self.train_panel.reset(config.max_steps)
        self._start("train", [("train", config)])

    @Slot()
    def start_comparison(self) -> None:
        jobs = self.compare_panel.jobs()
        self.compare_panel.reset(jobs)
        self._compare_outcomes = []
        self._start("compare", jobs)

    def show_comparison(self) -> None:
        """Bring the textbook comparison into view (a lesson's "try it")."""
        self.right_tabs.setCurrentWidget(self.compare_panel)
        self.compare_panel.run_button.setFocus()

    def _start(self, kind: str, jobs) -> None:
        if self.is_running():
            return
        self._job_kind = kind
        self._outcomes = []
        self._thread = QThread(self)
        self._worker = AdditionWorker(jobs)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.run_started.connect(self._on_run_started)
        self._worker.run_finished.connect(self._on_run_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._thread.quit)
        self._thread.finished.connect(self._on_thread_finished)
        self.train_panel.set_running(True)
        self.compare_panel.set_running(True)
        self.train_panel.start_button.setEnabled(False)
        self.compare_panel.run_button.setEnabled(False)
        self._thread.start()

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        if self._worker is not None:
            self._worker.set_paused(paused)

    @Slot()
    def stop(self) -> None:
        if self._worker is not None:
            self._worker.request_stop()

    @Slot(object)
    def _on_progress(self, p: AdditionProgress) -> None:
        if self._job_kind == "train":
            self.train_panel.add_progress(p)
        else:
            self.compare_panel.add_progress(p)

    @Slot(int, str)
    def _on_run_started(self, i: int, _label: str) -> None:
        if self._job_kind == "compare":
            self.compare_panel.run_started(i)

    @Slot(object)
    def _on_run_finished(self, o: RunOutcome) -> None:
        self._outcomes.append(o)
        if self._job_kind == "train":
            self.trained_model = self._model_from(o)
            self._last_train_outcome = o
            self.train_panel.show_outcome(o)
            self.train_panel.set_has_model(True)
        else:
            self._compare_outcomes = [c for c in self._compare_outcomes if c.run != o.run] + [o]
            self.compare_panel.show_outcome(o)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        # shown in place, not in a modal box: the learner sees it next to the options that caused it
        label = self.train_panel.status if self._job_kind == "train" else self.compare_panel.status
        label.setText('<span style="color:#c62828">{0}</span>'.format(self.tr("Training failed: {0}").format(message)))

    @Slot()
    def _on_thread_finished(self) -> None:
        thread, self._thread, self._worker = self._thread, None, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        self.train_panel.set_running(False)
        self.compare_panel.set_running(False)
        if self._job_kind == "compare":
            self.compare_panel.finish(self._outcomes)

    def shutdown(self) -> None:
        """Stop training and join the thread (called by the main window on close)."""
        if self._worker is not None:
            self._worker.request_stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(10_000)
