"""The training view: pick data, train the editor's network (or two in compare mode), watch it learn.

Parts, each readable alone: the settings form (``settings.py``), the network box
(``network_box.py``: the network, its fit to the data, export), the run controls bound to this
page's ``RunController`` (gui/run/), the message line (``run_message.py``: what a run does and
how each ended), the board of plots (``board.py``) and the Text tab's answers outside a run
(``text_session.py``). The page only glues them: it turns the settings into engine runs
(``run_maker.py``, ``TrainConfig.run_spec``), and keeps the finished runs' state so that Start
continues them. Settings and the trained weights live in the ``NetworkDocument`` (saved in the
project file).
"""
from __future__ import annotations

import torch
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from core.data.csv_import import read_columns, read_table
from core.data.datasets import DataError
from core.data.images import ImageSet
from core.data.text import TextCorpus
from core.engine.process import Job
from core.i18n import language
from core.lessons.setups import SETUPS
from core.templates import TEMPLATES
from core.training.config import TEXT_OPTIONS, TrainConfig, data_kind
from core.training.netfit import fit_to_data, loss_title
from gui.run.controller import RunController, server
from gui.run.controls import RunControls
from gui.training.board import FRAME_MS, PlotBoard
from gui.common import theme
from gui.common.job_bar import JobBar
from gui.images.download import DownloadBar
from gui.training.data_source import DataSource, file_name, large
from gui.training.network_box import NetworkBox
from gui.training.run_maker import RunMaker
from gui.training.run_message import RunMessage
from gui.training.settings import SettingsPanel
from gui.training.text_session import TextSession


class TrainingPage(QWidget):
    training_finished = Signal()         # a run ended (done, stopped, failed); weights are stored

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.controller = RunController(self)
        self._runs = None                    # this session's RunSpecs (their state continues them)
        self._from_editor: list[bool] = []
        self._labels: list[str] = []
        self._use_saved_weights = True       # the project's weights seed the next fresh start
        self._writing_settings = False
        self._edited_while_running = False   # the run trains the network as it was at Start
        self.finished_runs = 0               # for tests and the status line
        self.shows_a_run = False             # the board holds a run's plots (until Reset or new data)
        self.last_lr = float("nan")          # the learning rate the engine reported last
        self._pending_setup = ""             # a lesson's set-up waiting for the running job to stop

        # --- left: network box + settings ---
        self.settings = SettingsPanel()
        self.message = RunMessage()               # (shown on the right)
        self.download_bar = DownloadBar()         # MNIST and Fashion-MNIST, on request
        self.read_bar = JobBar()                  # a large CSV file is read off the GUI thread
        self.source = DataSource(self.download_bar, self.read_bar, self)   # what the settings' data is
        self.network_box = NetworkBox(document, self.settings, self.source, self.message)
        self.run_maker = RunMaker(document, self.settings, self.message, self)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 4, 4, 4)
        ll.addWidget(self.network_box)
        ll.addWidget(self.settings)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(300)

        # --- right: run controls, message, board of plots ---
        self.controls = RunControls(self.controller)
        self.x_axis = QComboBox()
        self.x_axis.addItem(self.tr("x axis: step"), "step")
        self.x_axis.addItem(self.tr("x axis: epoch"), "epoch")
        self.controls.buttons.addWidget(self.x_axis)
        # a lesson's set-up says what to watch; it stays until the learner changes the set-up
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        self.guide.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.guide.setStyleSheet(f"background: {theme.NOTE_BG}; padding: 6px; border-radius: 4px;")
        self.guide.hide()
        self.board = PlotBoard()
        self.board.pictures_wanted.connect(self._pictures_wanted)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 4, 4, 4)
        rl.addWidget(self.controls)
        rl.addWidget(self.guide)
        rl.addWidget(self.message)
        rl.addWidget(self.download_bar)
        rl.addWidget(self.read_bar)
        rl.addWidget(self.board, 1)
        self.text_session = TextSession(self.board, self.settings, document, self.message, self)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 940])
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        # the status line's 4-a-second updates that were held back are shown by this timer
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(FRAME_MS * 10)
        self._status_timer.timeout.connect(self.controls.flush)

        # --- wiring ---
        self.controls.start_requested.connect(self.start)
        self.controls.reset_requested.connect(self.reset)
        self.controller.progress.connect(self._on_progress)
        self.controller.failed.connect(self.message.job_failed)
        self.controller.finished.connect(self._on_finished)
        self.controller.state_changed.connect(self._check_network)
        self.controller.state_changed.connect(self._show_run_state)
        self.x_axis.currentIndexChanged.connect(self._x_axis_changed)
        self.settings.changed.connect(self._settings_edited)
        self.settings.lr_changed.connect(self._lr_changed)
        self.settings.csv_requested.connect(self.open_csv)
        self.source.changed.connect(self._data_changed)
        self.board.feature_maps.options_changed.connect(self._picture_chosen)
        for view in (self.board.text_samples, self.board.attention):     # prompt, temperature...
            view.options_changed.connect(self._text_options_changed)
        self.settings.sigmoid_vs_relu.connect(self._sigmoid_vs_relu_clicked)
        document.changed.connect(self._network_changed)
        document.training_settings_changed.connect(self._document_settings_changed)

        self._document_settings_changed()
        self._set_runs([self.tr("Network")])
        self._check_network()

    # the current Dataset, ImageSet or TextCorpus; None when it cannot be made (the message says why)
    data = property(lambda self: self.source.data)
    # the plots, by name (tests and lessons read them)
    loss_plot = property(lambda self: self.board.loss)
    acc_plot = property(lambda self: self.board.acc)
    grad_bars = property(lambda self: self.board.grad_bars)
    boundary = property(lambda self: self.board.boundary)
    heatmap = property(lambda self: self.board.heatmap)
    activity = property(lambda self: self.board.activity)
    histograms = property(lambda self: self.board.histograms)
    tabs = property(lambda self: self.board)
    start_button = property(lambda self: self.controls.start_button)
    progress = property(lambda self: self.controls.progress)
    status = property(lambda self: self.controls.status)

    def showEvent(self, event):
        # start the training process as soon as the page is seen, so Start responds at once
        server().start()
        super().showEvent(event)

    # --- public API (main window, lessons, tests) ------------------------------------------
    def is_running(self) -> bool:
        return self.controller.is_running()

    def select_dataset(self, name: str) -> None:
        if self.is_running():
            return
        i = self.settings.dataset.findData(name)
        if i >= 0:
            self.settings.dataset.setCurrentIndex(i)

    def use_data_for(self, template) -> None:
        """A lesson opened ``template`` in the editor: when the data here is of another kind than the
        one it is made for (images, text, tables), select its data set, so the Training page is ready."""
        made_for = template.dataset
        if made_for and data_kind(made_for) != data_kind(self.settings.dataset.currentData()):
            self.select_dataset(made_for)

    def apply_setup(self, name: str, start: bool = True) -> bool:
        """A lesson's "try it": network, data and every setting from ``core.lessons.setups``, a
        clean run (fresh weights, empty plots), the sentence saying what to watch; then Start.

        While a run goes on it is stopped first and the set-up applied once it has ended."""
        setup = SETUPS.get(name)
        if setup is None:
            return False
        if self.is_running():
            self._pending_setup = name
            self.controller.stop()
            return True
        self._pending_setup = ""
        cfg = setup.config()
        self.settings.set_config(cfg)            # no change signal: applied below in one go
        self.text_session.show_options(cfg)
        self._save_settings(self.settings.config())
        self.source.load(self.settings.config())
        if setup.network:
            spec = TEMPLATES[setup.network].make()
            if self.data is not None:
                spec = fit_to_data(spec, self.data) or spec
            template = TEMPLATES[setup.network]
            self.document.set_spec(spec, self.tr("Lesson set-up: {0}").format(template.title))
        self._clean_run()
        self.guide.setText(setup.look)
        self.guide.show()
        self.board.show_tab(setup.tab)
        if start:
            self.start()
        return True

    def open_csv(self, path: str) -> bool:
        """Offer the file's columns as targets (a large file is read in the background first)."""
        def offer(columns):
            self.settings.set_csv(path, columns, self.settings.target.currentText())

        def refuse(text):
            self.message.say(text, error=True)

        if large(path):
            self.message.say("")
            self.read_bar.start(self.tr("Reading {0}…").format(file_name(path)),
                                lambda progress, cancelled: read_table(path, progress, cancelled)[0],
                                offer, refuse)
            return False
        try:
            columns = read_columns(path)
        except DataError as e:
            refuse(str(e))
            return False
        offer(columns)
        return self.data is not None

    def start(self, single_step: bool = False) -> None:
        if self.is_running():
            return
        if RunController.busy():
            self.message.say(self.tr("Another training run is still using the training process."), error=True)
            return
        cfg = self.settings.config()
        problems = cfg.problems()
        if self.data is None:
            problems.append(self.message.text() or self.tr("No data."))
        if problems:
            self.message.say("\n".join(problems), error=True)
            return
        if self._runs is None and not self._make_runs(cfg):
            return
        for run in self._runs:                      # a continued run trains cfg.epochs (text: steps) more
            if run.task == "text":
                run.limits.max_steps = cfg.steps
            else:
                run.limits.max_epochs = cfg.epochs
        self._edited_while_running = False
        self.text_session.trained.clear()           # the running task writes the samples now
        self.controls.run_started(max(((r.state or {}).get("step", 0) for r in self._runs), default=0))
        self.message.job_started(len(self._runs), cfg.device)
        self.settings.set_running(True)
        self.controller.start(Job(self._runs, lockstep=len(self._runs) > 1, threads=cfg.threads,
                                  language=language()), single_step,
                              {"pictures": self.board.wanted_pictures()})   # only the visible tab's pictures
        self._status_timer.start()

    # kept for callers that drive the page directly (lessons, tests)
    def toggle_pause(self) -> None:
        self.controller.toggle_pause()

    def step_once(self) -> None:
        """One batch: while paused, or from idle (starts paused)."""
        if self.is_running():
            self.controller.step_once()
        else:
            self.start(single_step=True)

    def stop(self) -> None:
        self.controller.stop()

    def reset(self) -> None:
        if self.is_running():
            return
        self._clean_run()
        self.message.say(self.tr("Reset: the next start begins from fresh random weights."))

    def _clean_run(self) -> None:
        """Forget the runs and their plots; the next start begins from fresh random weights."""
        self._runs = None
        self._use_saved_weights = False
        self.shows_a_run = False
        self.text_session.trained.clear()
        self._set_runs(self.run_maker.labels(self.settings.config()))
        self.controls.clear()

    def shutdown(self) -> None:
        """Stop the run and join the relay thread (the main window calls this on close)."""
        self.controller.shutdown()
        self.download_bar.shutdown()
        self.read_bar.shutdown()
        self.text_session.trained.shutdown()
        self._status_timer.stop()

    def _make_runs(self, cfg: TrainConfig) -> bool:
        """Check every network against the data and prepare the job's runs (saved weights included)."""
        made = self.run_maker.make(cfg, self.data, self._use_saved_weights)
        if made is None:
            return False
        self._runs, self._from_editor = made
        self._runs_cfg = cfg
        self._set_runs([r.label for r in self._runs])
        return True

    # --- progress from the controller ------------------------------------------------------------
    @Slot(object)
    def _on_progress(self, progress) -> None:
        self.board.add(progress)
        self.message.add(progress, self._labels, self.board)     # the end message reads the plots
        if 0 in progress.runs:
            self.last_lr = progress.runs[0].lr
        self.controls.show_progress(progress, force=progress.final)

    @Slot(object)
    def _on_finished(self, result) -> None:
        self._status_timer.stop()
        self.controls.flush()
        self.finished_runs += 1
        self.shows_a_run = True
        if self.message.failed or result is None:
            self._runs = None                # blown-up weights are not kept nor saved
        elif self._runs is not None:
            # the next Start continues from here: weights, optimiser state, shuffle order, counters
            for run, state in zip(self._runs, result.states):
                run.state, run.weights_only = state, False
            if isinstance(self.data, ImageSet):       # the draw pad asks the first trained network
                run = self._runs[0]
                self.board.draw_pad.set_trained(run.args["spec"], run.state["model"], self.data.class_names)
            elif self._runs[0].task == "text":       # ... and so does the Text tab, after the run
                run = self._runs[0]
                self.text_session.trained.set_trained(run.args["spec"], run.state["model"], run.args["corpus"],
                                                      run.state.get("step"), run.args.get("seed", 0))
            # the editor's network keeps its trained weights in the project
            for run, from_editor in zip(self._runs, self._from_editor):
                if from_editor:
                    self.document.set_weights({k: torch.from_numpy(v.copy()) for k, v in run.state["model"].items()})
                    self._use_saved_weights = True
                    break
            if self._edited_while_running:
                # the editor's network changed during the run: the next Start trains what the
                # editor shows, from fresh weights, not the old network
                self._runs = None
                self._use_saved_weights = False
        self.settings.set_running(False)
        self._check_network()
        self.training_finished.emit()
        if self._pending_setup:
            self.apply_setup(self._pending_setup)

    # --- drawing -----------------------------------------------------------------------------
    def _set_runs(self, labels: list[str]) -> None:
        self._labels = list(labels)
        self.board.set_runs(labels)
        self._x_axis_changed()

    def _x_axis_changed(self, *_):
        self.board.loss.set_x_mode(self.x_axis.currentData())
        self.board.acc.set_x_mode(self.x_axis.currentData())

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
        # more (or fewer) epochs continue the same run; any other setting starts a fresh one
        if self._runs is None or _without_epochs(cfg) != _without_epochs(self._runs_cfg):
            self._runs = None
        self.guide.hide()              # the lesson's set-up no longer holds
        old_labels, old_data = list(self._labels), self.source.key
        self.source.load(cfg)
        if self.source.key != old_data:
            # new data: weights trained on the old data must not start the new run
            self._clean_run()
            if self.data is not None:
                self.message.say(self.message.text() + "\n" + self.tr(
                    "New data: the next start begins from fresh random weights."))
        elif self.run_maker.labels(cfg) != old_labels:
            self._set_runs(self.run_maker.labels(cfg))   # compare on/off: its plots go
            self.controls.clear()
        self._check_network()                            # compare on/off, another kind of data: what trains

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
        self.text_session.show_options(cfg)
        self._runs = None
        self.text_session.trained.clear()
        self._use_saved_weights = True
        # the data the form shows: its widgets clamp a hand-edited file's values (seed -5, 5 samples)
        self.source.load(self.settings.config())

    @Slot(float)
    def _lr_changed(self, lr: float) -> None:
        self._save_settings(self.settings.config())
        self.controller.set_lr(lr)

    @Slot()
    def _data_changed(self) -> None:
        """The views follow the data (None while it cannot be made, or is being read)."""
        self.message.say(self.source.message, error=self.source.error)
        self.board.set_data(self.data)
        self.settings.loss_label.setText(loss_title(self.data) if self.data else "–")
        text = isinstance(self.data, TextCorpus)
        if text:                                   # text has no epochs
            self.x_axis.setCurrentIndex(self.x_axis.findData("step"))
        self.x_axis.setVisible(not text)
        self._check_network()

    @Slot(dict)
    def _text_options_changed(self, options: dict) -> None:
        """Kept in the settings (saved with the project); applied to the running text task before its
        next batch, or, after a text run, answered by its trained network (off the GUI thread)."""
        self.settings.set_text_options(options)
        self._save_settings(self.settings.config())
        if self.is_running():
            if self._runs and self._runs[0].task == "text":
                self.controller.set_task_options(options)
            return
        self.text_session.answer(options, self.data, self._use_saved_weights)

    @Slot(list)
    def _pictures_wanted(self, names: list) -> None:
        """The running task makes only the pictures of the visible tab's plots (all at the run's end)."""
        if self.is_running():
            self.controller.set_task_options({"pictures": names})

    @Slot(dict)
    def _picture_chosen(self, options: dict) -> None:
        """The learner picked a held-out picture for the feature maps: the running task draws it
        next; after a run the trained network (the draw pad's copy) draws it here."""
        if self.is_running():
            self.controller.set_task_options(options)
            return
        model = self.board.draw_pad.model
        if model is None or not isinstance(self.data, ImageSet) or not len(self.data.y_val):
            return
        from core.data.images import to_float
        from core.tasks.images import predict
        i = int(options.get("picture_index", 0)) % len(self.data.y_val)
        image = to_float(self.data.x_val[i])
        out = predict(model, image)
        self.board.feature_maps.show_sample(image, i, int(self.data.y_val[i]), out["probs"], out["feature_maps"],
                                            self.data.class_names)

    @Slot()
    def _network_changed(self) -> None:
        if self.is_running():
            self._edited_while_running = True
        else:
            # a changed network starts from fresh weights, with empty plots: never a mix
            had_run = self._runs is not None or self.loss_plot.point_count() > 0
            self._clean_run()
            self.guide.hide()
            if had_run:
                self.message.say(self.tr("The network changed: the next start begins from fresh random weights."))
        self._check_network()

    @Slot()
    def _show_run_state(self) -> None:
        """While a run goes on, the message says whether it trains or waits (paused)."""
        if self.is_running():
            self.message.show_run_state(self.controls.step() if self.controller.is_paused() else None)

    @Slot()
    def _check_network(self) -> None:
        self.network_box.check(self.is_running())

    def _sigmoid_vs_relu_clicked(self) -> None:
        self.apply_setup("sigmoid_vs_relu")


def _without_epochs(cfg: TrainConfig) -> dict:
    # the text views' prompt, temperature... change what the network shows, not the run
    return {k: v for k, v in cfg.to_dict().items() if k not in ("epochs", "steps", "lr", *TEXT_OPTIONS)}
