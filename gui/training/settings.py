"""The training settings form: data, optimiser, device and compare mode, mirrored to a TrainConfig."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from core.data.datasets import DATASETS, dataset_title
from core.data.images import IMAGE_SETS
from core.data.text import TEXT_FILE, TEXT_SETS
from core.templates import TEMPLATES
from core.training import devices
from core.training.config import (INITS, MAX_STEPS, OPTIMIZERS, TEXT_OPTIONS, TrainConfig, data_kind, init_title,
                                  lr_problem, optimizer_title, text_defaults)
from gui.common import theme, wheel
from gui.common.combo import ElidingComboBox

EDITOR = ""     # compare-mode entry meaning "the network in the editor"


class SettingsPanel(QWidget):
    changed = Signal()              # any setting edited by the user
    lr_changed = Signal(float)      # applied to a running training at once
    csv_requested = Signal(str)     # a CSV file was chosen: the page loads it
    sigmoid_vs_relu = Signal()      # the one-click compare button

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self._csv_path = ""
        self._text_path = ""
        # the text views' prompt, temperature... : kept here so that config() is all the settings
        self._text_views = {name: getattr(TrainConfig, name) for name in TEXT_OPTIONS}
        self._kind = ""                 # the data's kind last shown ("tabular", "images", "text")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)

        # --- data ---
        data = QGroupBox(self.tr("Data"))
        f = self._data_form = QFormLayout(data)
        self.dataset = ElidingComboBox()     # long names end in … at 1024 px; the list shows them whole
        for name in DATASETS:
            self.dataset.addItem(dataset_title(name), name)
        self.dataset.addItem(self.tr("Your own CSV file…"), "csv")
        for name, source in IMAGE_SETS.items():        # pictures: trained by the image task
            self.dataset.addItem(source.title, name)
        for name, source in TEXT_SETS.items():         # text: trained by the text task
            self.dataset.addItem(source.title, name)
        f.addRow(self.tr("Dataset"), self.dataset)
        self.samples = QSpinBox()
        self.samples.setRange(10, 100_000)
        self.samples.setSingleStep(100)
        f.addRow(self.tr("Samples"), self.samples)
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 1.0)
        self.noise.setSingleStep(0.05)
        self.noise.setDecimals(2)
        f.addRow(self.tr("Noise"), self.noise)
        self.val = QSpinBox()
        self.val.setRange(0, 90)
        self.val.setSuffix(" %")
        f.addRow(self.tr("Validation share"), self.val)
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        f.addRow(self.tr("Seed"), self.seed)
        csv_row = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("Open CSV…"))
        self.csv_label = QLabel()
        self.csv_label.setWordWrap(True)
        csv_row.addWidget(self.csv_button)
        csv_row.addWidget(self.csv_label, 1)
        self.csv_row_widget = QWidget()
        self.csv_row_widget.setLayout(csv_row)
        f.addRow(self.csv_row_widget)
        self.target = QComboBox()
        self.target_label = QLabel(self.tr("Target column"))
        f.addRow(self.target_label, self.target)
        self._image_folder = ""
        folder_row = QHBoxLayout()
        self.folder_button = QPushButton(self.tr("Choose folder…"))
        self.folder_button.setToolTip(self.tr("A folder with one subfolder of pictures per class"))
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        folder_row.addWidget(self.folder_button)
        folder_row.addWidget(self.folder_label, 1)
        self.folder_row_widget = QWidget()
        self.folder_row_widget.setLayout(folder_row)
        f.addRow(self.folder_row_widget)
        self.image_size = QSpinBox()
        self.image_size.setRange(4, 256)
        self.image_size.setSuffix(" px")
        self.image_size_label = QLabel(self.tr("Picture size"))
        f.addRow(self.image_size_label, self.image_size)
        self.image_color = QComboBox()
        self.image_color.addItem(self.tr("Grayscale"), "gray")
        self.image_color.addItem(self.tr("Colour (RGB)"), "rgb")
        self.image_color_label = QLabel(self.tr("Colours"))
        f.addRow(self.image_color_label, self.image_color)
        text_row = QHBoxLayout()
        self.text_button = QPushButton(self.tr("Choose text file…"))
        self.text_button.setToolTip(self.tr("Plain text in UTF-8 (Japanese works): your notes, a novel, code…"))
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        text_row.addWidget(self.text_button)
        text_row.addWidget(self.text_label, 1)
        self.text_row_widget = QWidget()
        self.text_row_widget.setLayout(text_row)
        f.addRow(self.text_row_widget)
        lay.addWidget(data)

        # --- training ---
        train = QGroupBox(self.tr("Training"))
        f = self._train_form = QFormLayout(train)
        self.optimizer = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer.addItem(optimizer_title(name), name)
        f.addRow(self.tr("Optimiser"), self.optimizer)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(5)
        # any number can be typed, so that a refused one is refused with its reason (as the
        # inspector does), not silently clamped (typing 100 became 10)
        self.lr.setRange(0.0, 1e9)
        self.lr.setKeyboardTracking(False)          # judged once typed (Enter / leaving the field)
        self.lr.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)
        self.lr.setToolTip(self.tr("Can be changed while training runs."))
        f.addRow(self.tr("Learning rate"), self.lr)
        self.lr_message = QLabel()
        self.lr_message.setWordWrap(True)
        self.lr_message.setStyleSheet(f"color: {theme.ERROR};")
        self.lr_message.hide()
        f.addRow(self.lr_message)
        self._good_lr = TrainConfig.lr
        self.batch = QSpinBox()
        self.batch.setRange(1, 8192)
        f.addRow(self.tr("Batch size"), self.batch)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100_000)
        f.addRow(self.tr("Epochs"), self.epochs)
        self.steps = QSpinBox()             # text has no epochs: a budget in steps
        self.steps.setRange(1, MAX_STEPS)
        self.steps.setSingleStep(500)
        self.steps.setGroupSeparatorShown(True)
        self.steps.setToolTip(self.tr("Text has no epochs: the run trains this many batches (Start again to "
                                      "train as many more)."))
        f.addRow(self.tr("Steps"), self.steps)
        self.init = QComboBox()
        for name in INITS:
            self.init.addItem(init_title(name), name)
        f.addRow(self.tr("Weight init"), self.init)
        self.init_std = QDoubleSpinBox()
        self.init_std.setDecimals(4)
        self.init_std.setRange(0.0001, 10.0)
        self.init_std.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)
        self.init_std_label = QLabel(self.tr("Init std"))
        f.addRow(self.init_std_label, self.init_std)
        self.loss_label = QLabel()
        self.loss_label.setWordWrap(True)
        f.addRow(self.tr("Loss"), self.loss_label)
        self.device = QComboBox()
        model = QStandardItemModel(self.device)
        self.device.setModel(model)
        reasons = []
        for info in devices.devices():
            text = info.detail if info.name == "cpu" else f"{info.name.upper()}: {info.detail}"
            self.device.addItem(text if info.available else
                                self.tr("{0} (not available)").format(info.name.upper()), info.name)
            item = model.item(self.device.count() - 1)
            item.setToolTip(info.detail)
            if not info.available:
                item.setEnabled(False)     # shown, but disabled, with the reason below
                reasons.append(f"{info.name.upper()}: {info.detail}")
        f.addRow(self.tr("Device"), self.device)
        self.device_reasons = QLabel("\n".join(reasons))
        self.device_reasons.setWordWrap(True)
        self.device_reasons.setStyleSheet(f"color: {theme.MUTED};")
        f.addRow(self.device_reasons)
        threads = devices.recommended_threads()
        self.threads_label = QLabel(devices.thread_reason(threads))
        self.threads_label.setStyleSheet("color: #444;")
        self.threads_label.setWordWrap(True)
        f.addRow(self.tr("CPU threads"), self.threads_label)
        lay.addWidget(train)

        # --- compare ---
        comp = QGroupBox(self.tr("Compare two networks"))
        f = QFormLayout(comp)
        self.compare = QCheckBox(self.tr("Compare mode"))
        self.compare.setToolTip(self.tr("Train two networks on the same data with the same seed; "
                                        "their curves are overlaid."))
        f.addRow(self.compare)
        self.net_a = QComboBox()
        self.net_b = QComboBox()
        for combo in (self.net_a, self.net_b):
            combo.addItem(self.tr("The network in the editor"), EDITOR)
            for name, t in TEMPLATES.items():
                combo.addItem(t.title, name)
        f.addRow(self.tr("Network A"), self.net_a)
        f.addRow(self.tr("Network B"), self.net_b)
        self.sig_relu = QPushButton(self.tr("Deep sigmoid vs deep ReLU"))
        self.sig_relu.setToolTip(self.tr("Trains the two 8-layer templates on the same data and seed: "
                                         "watch the sigmoid network's first layers stop learning."))
        f.addRow(self.sig_relu)
        lay.addWidget(comp)
        lay.addStretch(1)

        for combo in self.findChildren(QComboBox):
            # long item texts must not widen the side panel
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        for w in (self.dataset, self.optimizer, self.init, self.device, self.target, self.net_a, self.net_b,
                  self.image_color):
            w.currentIndexChanged.connect(self._edited)
        for w in (self.samples, self.noise, self.val, self.seed, self.batch, self.epochs, self.steps,
                  self.init_std, self.image_size):
            w.valueChanged.connect(self._edited)
        self.lr.valueChanged.connect(self._lr_edited)
        self.compare.toggled.connect(self._edited)
        self.csv_button.clicked.connect(self._choose_csv)
        self.folder_button.clicked.connect(self._choose_folder)
        self.text_button.clicked.connect(self._choose_text_file)
        self.sig_relu.clicked.connect(self.sigmoid_vs_relu)
        self.set_config(TrainConfig())
        wheel.wheel_scrolls_form(self)  # the wheel scrolls the form; a field takes it only with the focus

    # --- TrainConfig <-> widgets ---------------------------------------------------------------
    def config(self) -> TrainConfig:
        return TrainConfig(
            dataset=self.dataset.currentData(), n_samples=self.samples.value(), noise=self.noise.value(),
            val_fraction=self.val.value() / 100, seed=self.seed.value(), csv_path=self._csv_path,
            csv_target=self.target.currentText(), image_folder=self._image_folder,
            image_size=self.image_size.value(), image_color=self.image_color.currentData(),
            text_path=self._text_path, optimizer=self.optimizer.currentData(), lr=self.lr.value(),
            batch_size=self.batch.value(), epochs=self.epochs.value(), steps=self.steps.value(),
            init=self.init.currentData(),
            init_std=self.init_std.value(), device=self.device.currentData() or "cpu",
            compare_a=self.net_a.currentData() if self.compare.isChecked() else "",
            compare_b=self.net_b.currentData() if self.compare.isChecked() else "",
            **self._text_views,
        )

    def set_text_options(self, options: dict) -> None:
        """The text views' new choices (``TrainConfig.text_options`` keys), without a change signal."""
        cfg = self.config().with_text_options(options)
        self._text_views = {name: getattr(cfg, name) for name in TEXT_OPTIONS}

    def set_compare(self, a: str, b: str) -> None:
        """Turn compare mode on with templates (or EDITOR) ``a`` and ``b``, without a change signal."""
        self._loading = True
        try:
            self.compare.setChecked(True)
            _select(self.net_a, a)
            _select(self.net_b, b)
        finally:
            self._loading = False
        self._update_visibility()

    def compare_on(self) -> bool:
        return self.compare.isChecked()

    def set_config(self, cfg: TrainConfig) -> None:
        self._loading = True
        try:
            _select(self.dataset, cfg.dataset)
            self.samples.setValue(cfg.n_samples)
            self.noise.setValue(cfg.noise)
            self.val.setValue(round(cfg.val_fraction * 100))
            self.seed.setValue(cfg.seed)
            self._csv_path = cfg.csv_path
            self.csv_label.setText(cfg.csv_path.rsplit("/", 1)[-1] if cfg.csv_path else self.tr("(no file)"))
            if cfg.csv_target and self.target.findText(cfg.csv_target) < 0:
                self.target.addItem(cfg.csv_target)
            self.target.setCurrentText(cfg.csv_target)
            self._image_folder = cfg.image_folder
            self.folder_label.setText(cfg.image_folder.rstrip("/").rsplit("/", 1)[-1] if cfg.image_folder
                                      else self.tr("(no folder)"))
            self.image_size.setValue(cfg.image_size)
            _select(self.image_color, cfg.image_color)
            self._text_path = cfg.text_path
            self._text_views = {name: getattr(cfg, name) for name in TEXT_OPTIONS}
            self.text_label.setText(_file_name(cfg.text_path) if cfg.text_path else self.tr("(no file)"))
            self.steps.setValue(cfg.steps)
            _select(self.optimizer, cfg.optimizer)
            self.lr.setValue(cfg.lr if lr_problem(cfg.lr) is None else TrainConfig.lr)
            self._good_lr = self.lr.value()
            self.batch.setValue(cfg.batch_size)
            self.epochs.setValue(cfg.epochs)
            _select(self.init, cfg.init)
            self.init_std.setValue(cfg.init_std)
            dev = self.device.findData(cfg.device)
            model = self.device.model()
            if dev < 0 or not model.item(dev).isEnabled():
                dev = 0
            self.device.setCurrentIndex(dev)
            self.compare.setChecked(bool(cfg.compare_a or cfg.compare_b))
            if cfg.compare_a or cfg.compare_b:
                _select(self.net_a, cfg.compare_a)
                _select(self.net_b, cfg.compare_b)
        finally:
            self._loading = False
        self._update_visibility()

    def set_csv(self, path: str, columns: list[str], target: str) -> None:
        """The page loaded a CSV file: offer its columns as targets."""
        self._loading = True
        try:
            self._csv_path = path
            self.csv_label.setText(path.rsplit("/", 1)[-1])
            self.target.clear()
            self.target.addItems(columns)
            self.target.setCurrentText(target if target in columns else columns[-1])
            _select(self.dataset, "csv")
        finally:
            self._loading = False
        self._update_visibility()
        self.changed.emit()

    def set_running(self, running: bool) -> None:
        """While training runs only the learning rate may change."""
        for w in self.findChildren(QWidget):
            if isinstance(w, (QComboBox, QAbstractSpinBox, QCheckBox, QPushButton)) and w is not self.lr:
                w.setEnabled(not running)
        if not running:
            self._update_visibility()

    def _update_visibility(self) -> None:
        name = self.dataset.currentData()
        csv = name == "csv"
        text = data_kind(name) == "text"
        self._kind = data_kind(name)
        generated = name in DATASETS and DATASETS[name][0] is not None   # sample count and noise apply
        for w in (self.samples, self.noise):
            w.setEnabled(generated)
        # text: no samples to generate, its own validation split (the last 10 %), no epochs, the
        # text task's own initialisation
        for w in (self.samples, self.noise, self.val):
            self._data_form.setRowVisible(w, not text)
        self.text_row_widget.setVisible(name == TEXT_FILE)
        self._train_form.setRowVisible(self.epochs, not text)
        self._train_form.setRowVisible(self.steps, text)
        self._train_form.setRowVisible(self.init, not text)
        folder = name == "folder"
        for w in (self.folder_row_widget, self.image_size, self.image_size_label, self.image_color,
                  self.image_color_label):
            w.setVisible(folder)
        self.csv_row_widget.setVisible(csv)
        self.target.setVisible(csv)
        self.target_label.setVisible(csv)
        normal = self.init.currentData() == "normal" and not text
        self.init_std.setVisible(normal)
        self.init_std_label.setVisible(normal)
        self.net_a.setEnabled(self.compare.isChecked())
        self.net_b.setEnabled(self.compare.isChecked())

    def _edited(self, *_):
        if self._loading:
            return
        was = self._kind
        if was != "text" and data_kind(self.dataset.currentData()) == "text":
            self._use_text_defaults()
        self._update_visibility()
        self.changed.emit()

    def _use_text_defaults(self) -> None:
        """Text was picked: start from the text task's optimiser, rate and batch size (what it was tuned
        with), not the rate made for 2-D points."""
        d = text_defaults()
        self._loading = True
        try:
            _select(self.optimizer, d["optimizer"])
            self.lr.setValue(d["lr"])
            self._good_lr = self.lr.value()
            self.batch.setValue(d["batch_size"])
        finally:
            self._loading = False

    def _lr_edited(self, value: float):
        if self._loading:
            return
        problem = lr_problem(value)
        if problem:
            self.lr_message.setText("✖ " + problem)
            self.lr_message.show()
            self._loading = True
            try:
                self.lr.setValue(self._good_lr)      # the rate in use stays, and says so
            finally:
                self._loading = False
            return
        self.lr_message.hide()
        self._good_lr = value
        self.lr_changed.emit(value)      # the page applies it and saves it; no rebuild needed

    def _choose_csv(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open CSV data"), "", self.tr("CSV files (*.csv *.txt)"))
        if path:
            self.csv_requested.emit(path)


    def _choose_folder(self):
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder of pictures (one subfolder per class)"))
        if path:
            self.set_image_folder(path)

    def _choose_text_file(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a text file"), "",
                                              self.tr("Text files (*.txt *.md *.py *.csv);;All files (*)"))
        if path:
            self.set_text_file(path)

    def set_text_file(self, path: str) -> None:
        """The learner's text file (the page reads it and says what is wrong with it, if anything)."""
        self._text_path = path
        self.text_label.setText(_file_name(path))
        was = self._kind
        self._loading = True
        try:
            _select(self.dataset, TEXT_FILE)
        finally:
            self._loading = False
        if was != "text":
            self._use_text_defaults()
        self._update_visibility()
        self.changed.emit()

    def set_image_folder(self, path: str) -> None:
        self._image_folder = path
        self.folder_label.setText(path.rstrip("/").rsplit("/", 1)[-1])
        self.changed.emit()


def _select(combo: QComboBox, data) -> None:
    i = combo.findData(data)
    if i >= 0:
        combo.setCurrentIndex(i)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
