"""The training view: pick data, train the editor's network (or two in compare mode), watch it learn.

The page owns no training logic: it checks the networks (core.build), hands a job to a
``TrainingWorker`` in a QThread, which relays it to the training process, and draws the
coalesced progress that comes back. Settings and the
trained weights live in the ``NetworkDocument`` so that they are saved in the project file.
"""
from __future__ import annotations

import time

import torch
from PySide6.QtCore import Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QProgressBar, QPushButton, QScrollArea, QSizePolicy, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from core.analysis import ERROR
from core.build import BuildError, build
from core.data.csv_import import load_csv, read_columns
from core.i18n import language
from core.data.datasets import DataError, dataset_title, make_dataset
from core.templates import TEMPLATES
from core.training.config import TrainConfig
from core.training.netfit import fit_to_data, size_problems, softmax_warning
from core.training.remote import Job, RunJob
from core.training.trainer import fit_problems, init_weights, loss_title
from gui.training.plots import ActivityPlot, BoundaryPlot, CurvesPlot, GradBarsPlot, GradHeatmap, HistogramPlot
from gui.training.settings import EDITOR, SettingsPanel
from gui.training.worker import TrainingWorker, busy, close_server, server


FRAME_MS = 25      # one plot per tick: four plots each redraw ≤ 10 times a second
STATUS_S = 0.25    # progress bar and status text: 4 times a second


def _clock(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingPage(QWidget):
    training_finished = Signal()         # a run ended (done, stopped, failed); weights are stored

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.data = None                     # the current Dataset, or None when it cannot be made
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._runs: list[RunJob] | None = None   # the networks of this session, kept for continuing
        self._from_editor: list[bool] = []
        self._labels: list[str] = []
        self._use_saved_weights = True       # the project's weights seed the next fresh start
        self._writing_settings = False
        self._rate = 0.0
        self._run_start_step = 0
        self._run_failed = False
        self._edited_while_running = False   # the run trains the network as it was at Start
        self._last_rate_point: tuple[float, int] | None = None
        self.finished_runs = 0               # for tests and the status line
        self.last_lr = float("nan")          # the learning rate the trainer reported last
        self.last_progress = None            # the latest Progress (benchmarks read its timing)

        # --- left: network box + settings ---
        self.settings = SettingsPanel()
        net_box = QGroupBox(self.tr("Network"))
        nl = QVBoxLayout(net_box)
        self.net_label = QLabel()
        self.net_label.setWordWrap(True)
        self.fit_label = QLabel()
        self.fit_label.setWordWrap(True)
        self.fit_label.setStyleSheet("color: #b00020;")
        self.fit_button = QPushButton(self.tr("Fit sizes to the data"))
        self.fit_button.setToolTip(self.tr("Sets the input size and the last Linear layer's outputs "
                                           "(undo with Ctrl+Z)"))
        nl.addWidget(self.net_label)
        nl.addWidget(self.fit_label)
        nl.addWidget(self.fit_button)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 4, 4, 4)
        ll.addWidget(net_box)
        ll.addWidget(self.settings)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(300)

        # --- right: controls, progress, plots ---
        self.start_button = QPushButton(self.tr("▶ Start"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.step_button = QPushButton(self.tr("Step (1 batch)"))
        self.stop_button = QPushButton(self.tr("■ Stop"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.start_button.setToolTip(self.tr("Train; after Stop, continues from the trained weights"))
        self.reset_button.setToolTip(self.tr("Forget the trained weights and clear the plots"))
        self.x_axis = QComboBox()
        self.x_axis.addItem(self.tr("x axis: step"), "step")
        self.x_axis.addItem(self.tr("x axis: epoch"), "epoch")
        controls = QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.step_button, self.stop_button, self.reset_button):
            controls.addWidget(b)
        controls.addStretch(1)
        controls.addWidget(self.x_axis)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.status = QLabel()
        # changing text must not re-lay out the page 30 times a second
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.loss_plot = CurvesPlot("loss")
        self.acc_plot = CurvesPlot("acc")
        self.grad_bars = GradBarsPlot()
        self.boundary = BoundaryPlot()
        self.heatmap = GradHeatmap()
        self.activity = ActivityPlot()
        self.histograms = HistogramPlot()
        overview = QWidget()
        grid = QGridLayout(overview)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.loss_plot, 0, 0)
        grid.addWidget(self.acc_plot, 0, 1)
        grid.addWidget(self.grad_bars, 1, 0)
        grid.addWidget(self.boundary, 1, 1)
        for w in (self.loss_plot, self.acc_plot, self.grad_bars, self.boundary):
            w.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)   # share the space evenly
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        flow = QWidget()
        fl = QVBoxLayout(flow)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.heatmap, 3)
        fl.addWidget(self.activity, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Overview"))
        self.tabs.addTab(flow, self.tr("Gradient flow over time"))
        self.tabs.addTab(self.histograms, self.tr("Histograms"))
        self._tab_plots = [(self.loss_plot, self.acc_plot, self.grad_bars, self.boundary),
                           (self.heatmap, self.activity), (self.histograms,)]

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 4, 4, 4)
        rl.addLayout(controls)
        rl.addWidget(self.progress)
        rl.addWidget(self.status)
        rl.addWidget(self.message)
        rl.addWidget(self.tabs, 1)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 940])
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

        # Progress arrives up to ~30 times a second; drawing is capped at FRAME_MS so that the
        # window's own CPU use stays small next to the training process (2-core machines).
        self._pending_status = None
        self._next_plot = 0
        self._last_status = 0.0
        self._frame_timer = QTimer(self)
        self._frame_timer.setInterval(FRAME_MS)
        self._frame_timer.timeout.connect(self._draw_frame)

        # --- wiring ---
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.step_button.clicked.connect(self.step_once)
        self.stop_button.clicked.connect(self.stop)
        self.reset_button.clicked.connect(self.reset)
        self.fit_button.clicked.connect(self.fit_network)
        self.x_axis.currentIndexChanged.connect(self._x_axis_changed)
        self.tabs.currentChanged.connect(self._redraw_visible)
        self.settings.changed.connect(self._settings_edited)
        self.settings.lr_changed.connect(self._lr_changed)
        self.settings.csv_requested.connect(self.open_csv)
        self.settings.sigmoid_vs_relu.connect(self._sigmoid_vs_relu_clicked)
        document.changed.connect(self._network_changed)
        document.training_settings_changed.connect(self._document_settings_changed)

        self._document_settings_changed()
        self._set_runs([self.tr("Network")])
        self._update_buttons()

    def showEvent(self, event):
        # start the training process as soon as the page is seen, so Start responds at once
        server().start()
        super().showEvent(event)

    # --- public API (main window, lessons, tests) ------------------------------------------
    def is_running(self) -> bool:
        return self._thread is not None

    def select_dataset(self, name: str) -> None:
        if self.is_running():
            return
        i = self.settings.dataset.findData(name)
        if i >= 0:
            self.settings.dataset.setCurrentIndex(i)

    def setup_compare(self, what: str) -> None:
        """One click: deep sigmoid vs deep ReLU from the templates, same data and seed; starts."""
        if what != "sigmoid_vs_relu" or self.is_running():
            return
        s = self.settings
        s._loading = True
        try:
            s.compare.setChecked(True)
            s.net_a.setCurrentIndex(s.net_a.findData("deep_sigmoid"))
            s.net_b.setCurrentIndex(s.net_b.findData("deep_relu"))
        finally:
            s._loading = False
        s._update_visibility()
        self._settings_edited()
        self.start()

    def open_csv(self, path: str) -> bool:
        try:
            columns = read_columns(path)
        except DataError as e:
            self._show_message(str(e), error=True)
            return False
        self.settings.set_csv(path, columns, self.settings.target.currentText())
        return self.data is not None

    def start(self, single_step: bool = False) -> None:
        if self.is_running():
            return
        if busy():
            self._show_message(self.tr("Another training run is still using the training process."),
                               error=True)
            return
        cfg = self.settings.config()
        problems = cfg.problems()
        if self.data is None:
            problems.append(self.message.text() or self.tr("No data."))
        if problems:
            self._show_message("\n".join(problems), error=True)
            return
        if self._runs is None and not self._make_runs(cfg):
            return
        control = server().control
        control.reset()
        if single_step:                      # paused before the first batch, then one batch
            control.pause()
            control.step_once()
        self._launch(cfg)

    def toggle_pause(self) -> None:
        if not self.is_running():
            return
        control = server().control
        if control.paused:
            control.resume()
        else:
            control.pause()
        self._update_buttons()

    def step_once(self) -> None:
        """One batch: while paused, or from idle (starts paused)."""
        if self.is_running():
            control = server().control
            if not control.paused:
                control.pause()
            control.step_once()
        else:
            self.start(single_step=True)
        self._update_buttons()

    def stop(self) -> None:
        if self.is_running():
            server().control.stop()

    def reset(self) -> None:
        if self.is_running():
            return
        self._runs = None
        self._use_saved_weights = False
        self._set_runs(self._labels or [self.tr("Network")])
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.status.setText("")
        self._show_message(self.tr("Reset: the next start begins from fresh random weights."))

    def fit_network(self) -> None:
        if self.data is None:
            return
        fixed = fit_to_data(self.document.spec(), self.data)
        if fixed is not None:
            self.document.set_spec(fixed, self.tr("Fit network to the data"))

    def shutdown(self) -> None:
        """Stop the run and join the thread (the main window calls this on close)."""
        if self._thread is not None:
            server().control.stop()          # the process ends the run within one batch
            self._thread.quit()
            if not self._thread.wait(3000):
                close_server()               # stuck in a huge step: end the process itself
                self._thread.wait(3000)
            if self._worker is not None:
                self._worker.deleteLater()
            self._cleanup_thread()

    # --- building runs -----------------------------------------------------------------------
    def _specs(self, cfg: TrainConfig):
        """(label, spec, from_editor) for each network to train."""
        if self.settings.compare_on():
            out = []
            for key, letter in ((cfg.compare_a, "A"), (cfg.compare_b, "B")):
                if key == EDITOR:
                    out.append((f"{letter}: " + self.tr("editor network"), self.document.spec(), True))
                else:
                    t = TEMPLATES[key]
                    out.append((f"{letter}: {t.title}", t.make(), False))
            return out
        return [(self.tr("Network"), self.document.spec(), True)]

    def _make_runs(self, cfg: TrainConfig) -> bool:
        """Check every network against the data and prepare the job's runs (weights included)."""
        runs, flags = [], []
        for label, spec, from_editor in self._specs(cfg):
            if from_editor:
                issues = size_problems(spec, self.data)
                if issues:
                    self._show_message("\n".join(issues) + "\n" + self.tr(
                        "Press “Fit sizes to the data” to fix it."), error=True)
                    return False
            else:
                spec = fit_to_data(spec, self.data) or spec     # templates adapt silently
            torch.manual_seed(cfg.seed)
            try:
                model = build(spec)                             # a check here; the process builds its own
            except BuildError as e:
                self._show_message(self.tr("The network cannot be built:") + "\n" + str(e), error=True)
                return False
            init_weights(model, cfg.init, cfg.init_std)
            weights = self.document.weights() if from_editor and self._use_saved_weights else None
            if weights is not None:
                model.load_state_dict(weights)
            problems = fit_problems(model, self.data)
            if problems:
                self._show_message("\n".join(problems), error=True)
                return False
            runs.append(RunJob(spec.to_dict(), label,
                               None if weights is None else {k: v.numpy() for k, v in weights.items()}))
            flags.append(from_editor)
        self._runs, self._from_editor = runs, flags
        self._set_runs([r.label for r in runs])
        return True

    def _launch(self, cfg: TrainConfig) -> None:
        self._thread = QThread(self)
        self._worker = TrainingWorker(Job(self._runs, self.data, cfg.to_dict(), cfg.threads, language()))
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_finished)
        self._worker.finished.connect(self._thread.quit)
        self._last_rate_point = None
        self._rate = 0.0
        self._run_start_step = max((r.start_step for r in self._runs), default=0)
        self._run_failed = False
        self._edited_while_running = False
        self._show_message(self.tr("Training on {0}…").format(cfg.device.upper()))
        self.settings.set_running(True)
        self._thread.start()
        self._update_buttons()

    # --- progress from the worker (queued into the GUI thread) ------------------------------
    @Slot(object)
    def _on_progress(self, progress) -> None:
        self.last_progress = progress
        for i, batch in enumerate(progress.runs):
            if i >= len(self.loss_plot.runs):
                break
            self.loss_plot.add(i, batch)
            self.acc_plot.add(i, batch)
            if batch.grads:
                self.grad_bars.set_stats(i, batch.grads[-1])
                self.heatmap.add(i, batch.grads)
            if batch.probe is not None:
                self.boundary.set_probe(i, batch.probe)
                self.activity.set_probe(i, batch.probe)
                self.histograms.set_probe(i, batch.probe)
            if batch.end is not None:
                self._run_ended(i, batch.end)
            if i == 0:
                self.last_lr = batch.lr
        self._pending_status = progress
        if progress.final:                         # the run's last picture: draw it all at once
            self._redraw_visible()
            self._update_status(progress, force=True)
            self._pending_status = None
        elif not self._frame_timer.isActive():
            self._draw_frame()
            self._frame_timer.start()

    @Slot()
    def _draw_frame(self) -> None:
        """One slice of drawing: the next plot (round robin) that has new data, and the status.

        Redrawing one plot per FRAME_MS tick keeps every event-loop turn short (the window
        answers within a few ms) while each of the four visible plots still updates ~10 times
        a second. The timer stops itself once nothing is new."""
        plots = self._tab_plots[max(self.tabs.currentIndex(), 0)]
        drew = False
        for k in range(len(plots)):
            i = (self._next_plot + k) % len(plots)
            if plots[i].dirty:
                plots[i].dirty = False
                plots[i].redraw()
                self._next_plot = i + 1
                drew = True
                break
        progress, self._pending_status = self._pending_status, None
        if progress is not None:
            self._update_status(progress)
        elif not drew:
            self._frame_timer.stop()

    def _update_status(self, progress, force: bool = False) -> None:
        lead = max(progress.runs, key=lambda b: b.step) if progress.runs else None
        if lead is None:
            return
        now = time.perf_counter()
        if not force and now - self._last_status < STATUS_S:
            self._pending_status = progress           # not yet: keep it for a later tick
            return
        self._last_status = now
        step, total = lead.step, max(lead.total_steps, 1)
        self.progress.setFormat(self.tr("step %v of %m"))
        self.progress.setRange(0, total)
        self.progress.setValue(min(step, total))
        paused = self.is_running() and server().control.paused and not progress.final
        if paused:
            # time spent paused is not training time: keep the rate from before the pause
            # (a single step every few seconds would read "1 steps/s, 400 hours remaining")
            self._last_rate_point = None
        elif self._last_rate_point is not None:
            t0, s0 = self._last_rate_point
            if now - t0 >= 0.5:                            # smooth over half a second
                self._rate = (step - s0) / (now - t0)
                self._last_rate_point = (now, step)
        else:
            self._last_rate_point = (now, step)
        if (self._rate <= 0 and not paused or progress.final) and progress.elapsed > 0:
            self._rate = (step - self._run_start_step) / progress.elapsed   # the run's average
        remaining = (total - step) / self._rate if self._rate > 0 else float("nan")
        text = self.tr("{0} steps/s · elapsed {1} · remaining {2} · epoch {3}").format(
            f"{self._rate:,.0f}", _clock(progress.elapsed),
            _clock(remaining) if remaining == remaining else "–", lead.epoch)
        if paused:
            text += " · " + self.tr("paused")
        self.status.setText(text)

    def _run_ended(self, index: int, end) -> None:
        prefix = f"{self._labels[index]}: " if len(self._labels) > 1 else ""
        if end.reason in ("nan", "error"):
            self._run_failed = True
            self._show_message(prefix + end.message, error=True)
        elif not self.message.property("error"):
            self._show_message(prefix + end.message)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self._show_message(self.tr("Training failed: {0}").format(text), error=True)

    @Slot()
    def _on_finished(self) -> None:
        result = self._worker.result if self._worker is not None else None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
        if self._worker is not None:
            self._worker.deleteLater()
        self._cleanup_thread()
        self.finished_runs += 1
        if self._run_failed:
            self._runs = None                # blown-up weights are not kept nor saved
        elif result is not None and self._runs is not None:
            # the next Start continues from here (weights, step and epoch counters)
            for run, w, step, epoch in zip(self._runs, result.weights, result.steps, result.epochs):
                run.weights, run.start_step, run.start_epoch = w, step, epoch
            # the editor's network keeps its trained weights in the project
            for run, from_editor in zip(self._runs, self._from_editor):
                if from_editor:
                    self.document.set_weights({k: torch.from_numpy(v.copy()) for k, v in run.weights.items()})
                    self._use_saved_weights = True
                    break
            if self._edited_while_running:
                # the editor's network changed during the run: the next Start trains what the
                # editor shows (from these weights only if they still fit it), not the old one
                self._runs = None
        self.settings.set_running(False)
        self._update_buttons()
        self.training_finished.emit()

    def _cleanup_thread(self) -> None:
        self._thread = None
        self._worker = None

    # --- drawing -----------------------------------------------------------------------------
    def _set_runs(self, labels: list[str]) -> None:
        self._labels = list(labels)
        for p in (self.loss_plot, self.acc_plot, self.grad_bars, self.heatmap, self.activity,
                  self.boundary, self.histograms):
            p.set_runs(labels)
        self.loss_plot.set_x_mode(self.x_axis.currentData())
        self.acc_plot.set_x_mode(self.x_axis.currentData())

    @Slot()
    def _redraw_visible(self, *_):
        """Only the visible tab's plots that have new data are redrawn; the others catch up when shown."""
        for plot in self._tab_plots[max(self.tabs.currentIndex(), 0)]:
            if plot.dirty:
                plot.dirty = False
                plot.redraw()

    def _x_axis_changed(self, *_):
        self.loss_plot.set_x_mode(self.x_axis.currentData())
        self.acc_plot.set_x_mode(self.x_axis.currentData())

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")

    def _update_buttons(self) -> None:
        running = self.is_running()
        paused = running and server().control.paused
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.step_button.setEnabled(not running or paused)
        self.stop_button.setEnabled(running)
        self.reset_button.setEnabled(not running)
        self._check_network()

    # --- settings, data and network changes -------------------------------------------------
    def _save_settings(self, cfg: TrainConfig) -> None:
        self._writing_settings = True
        try:
            self.document.set_training_settings(cfg.to_dict())
        finally:
            self._writing_settings = False

    def _settings_edited(self) -> None:
        cfg = self.settings.config()
        self._save_settings(cfg)
        self._runs = None              # new settings: the next start builds fresh trainers
        self._reload_data(cfg)

    @Slot()
    def _document_settings_changed(self) -> None:
        if self._writing_settings:
            return
        cfg = TrainConfig.from_dict(self.document.training_settings())
        if cfg.dataset == "csv" and cfg.csv_path:
            try:
                self.settings.set_csv(cfg.csv_path, read_columns(cfg.csv_path), cfg.csv_target)
            except DataError:
                pass
        self.settings.set_config(cfg)
        self._runs = None
        self._use_saved_weights = True
        # the data the form shows: its widgets clamp a hand-edited file's values (seed -5, 5 samples)
        self._reload_data(self.settings.config())

    @Slot(float)
    def _lr_changed(self, lr: float) -> None:
        self._save_settings(self.settings.config())
        if self.is_running():
            server().control.set_lr(lr)

    def _reload_data(self, cfg: TrainConfig) -> None:
        try:
            if cfg.dataset == "csv":
                if not cfg.csv_path:
                    raise DataError(self.tr("Open a CSV file and choose its target column."))
                self.data = load_csv(cfg.csv_path, cfg.csv_target, cfg.val_fraction, cfg.seed)
            else:
                self.data = make_dataset(cfg.dataset, cfg.n_samples, cfg.noise, cfg.val_fraction, cfg.seed)
        except DataError as e:
            self.data = None
            self._show_message(str(e), error=True)
        else:
            self._show_message(self.tr("{0}: {1} training and {2} validation samples, {3} feature(s).").format(
                dataset_title(self.data.name), len(self.data.x_train), len(self.data.x_val), self.data.n_features))
        self.boundary.set_data(self.data)
        self.acc_plot.set_classification(self.data is None or bool(self.data.n_classes))
        self.settings.loss_label.setText(loss_title(self.data) if self.data else "–")
        self._check_network()

    @Slot()
    def _network_changed(self) -> None:
        if self.is_running():
            self._edited_while_running = True
        else:
            self._runs = None
        self._check_network()

    def _check_network(self) -> None:
        spec = self.document.spec()
        analysis = self.document.analysis()
        kinds = " → ".join(l.kind for l in spec.layers) or "–"
        self.net_label.setText(self.tr("Input {0} → {1}").format(tuple(spec.input_shape), kinds) + "\n"
                               + self.tr("{0} parameters").format(f"{analysis.total_params:,}"))
        issues = [p.message for p in analysis.problems if p.severity == ERROR]
        fixable = False
        if self.data is not None and not issues:
            issues = size_problems(spec, self.data)
            fixable = bool(issues) and fit_to_data(spec, self.data) is not None
            warn = softmax_warning(spec, self.data)
            if warn:
                issues.append(warn)
        cfg = self.settings.config()
        if self.settings.compare_on() and EDITOR not in (cfg.compare_a, cfg.compare_b):
            # compare mode trains two templates: the editor's network is not used now
            self.net_label.setText(self.tr("Compare mode trains the two chosen templates; their input "
                                           "and output sizes follow the data."))
            issues, fixable = [], False
        self.fit_label.setText("\n".join(issues))
        self.fit_label.setVisible(bool(issues))
        self.fit_button.setVisible(fixable)
        self.fit_button.setEnabled(fixable and not self.is_running())

    def _sigmoid_vs_relu_clicked(self) -> None:
        self.setup_compare("sigmoid_vs_relu")
