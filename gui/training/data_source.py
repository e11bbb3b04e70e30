"""What the training page trains on: the data a ``TrainConfig`` names, and the sentence about it.

    source = DataSource(download_bar, read_bar)
    source.changed.connect(...)        # data (or its message) changed: read source.data / .message / .error
    source.load(cfg)                   # a generated set, a CSV file, pictures or text

One place per kind: generated sets and CSV files (``core.data.datasets``/``csv_import``), pictures
(``core.data.images``: a data set not downloaded yet offers its download in ``download_bar``) and
text (``core.data.text``). A large CSV or text file is read off the GUI thread in ``read_bar``;
``changed`` comes when it is read. ``data`` is None while nothing can be trained on (the message
says why, ``error`` is set).
"""
from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal, Slot

from core.data.csv_import import load_csv
from core.data.datasets import DataError, dataset_title, make_dataset
from core.data.images import IMAGE_SETS, ImageSet, load_images
from core.data.text import TEXT_FILE, TEXT_SETS, TextCorpus, load_text
from core.training.config import TrainConfig
from gui.images.download import data_folder

LARGE_FILE_BYTES = 2_000_000     # a CSV of ~50,000 rows, 2 MB of text: read off the GUI thread, with Cancel


def large(path: str) -> bool:
    try:
        return os.path.getsize(path) > LARGE_FILE_BYTES
    except OSError:
        return False                 # the reader says what is wrong with it


def file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def data_key(cfg: TrainConfig) -> tuple:
    """What the data is made from: the same key, the same data (weights trained on it still apply)."""
    return (cfg.dataset, cfg.n_samples, cfg.noise, cfg.val_fraction, cfg.seed, cfg.csv_path, cfg.csv_target,
            cfg.image_folder, cfg.image_size, cfg.image_color, cfg.text_path)


class DataSource(QObject):
    changed = Signal()

    def __init__(self, download_bar, read_bar, parent=None):
        super().__init__(parent)
        self.download_bar = download_bar      # MNIST and Fashion-MNIST, on request
        self.read_bar = read_bar              # large files are read in the background
        self.data = None                      # Dataset, ImageSet, TextCorpus, or None
        self.message = ""
        self.error = False
        self.key = None
        self._cfg: TrainConfig | None = None
        download_bar.finished.connect(self._download_finished)

    # --- loading ------------------------------------------------------------------------------
    def load(self, cfg: TrainConfig) -> None:
        self._cfg = cfg
        self.key = data_key(cfg)
        if not self.download_bar.is_running():
            self.download_bar.hide()
        self.read_bar.cancel()                    # a file still being read is no longer wanted
        try:
            if cfg.dataset in IMAGE_SETS:
                data = self._load_images(cfg)
            elif cfg.dataset in TEXT_SETS:
                if cfg.dataset == TEXT_FILE and cfg.text_path and large(cfg.text_path):
                    return self._read_in_background(cfg, cfg.text_path, lambda progress, cancelled: load_text(
                        cfg.dataset, cfg.text_path))
                data = load_text(cfg.dataset, cfg.text_path)
            elif cfg.dataset == "csv":
                if not cfg.csv_path:
                    raise DataError(self.tr("Open a CSV file and choose its target column."))
                if large(cfg.csv_path):          # read in the background; the page follows when it ends
                    return self._read_in_background(cfg, cfg.csv_path, lambda progress, cancelled: load_csv(
                        cfg.csv_path, cfg.csv_target, cfg.val_fraction, cfg.seed, progress=progress,
                        cancelled=cancelled))
                data = load_csv(cfg.csv_path, cfg.csv_target, cfg.val_fraction, cfg.seed)
            else:
                data = make_dataset(cfg.dataset, cfg.n_samples, cfg.noise, cfg.val_fraction, cfg.seed)
        except DataError as e:
            self._set(None, str(e), error=True)
        else:
            self._set(data, self.describe(cfg, data))

    def _set(self, data, message: str, error: bool = False) -> None:
        self.data, self.message, self.error = data, message, error
        self.changed.emit()

    def _read_in_background(self, cfg: TrainConfig, path: str, read) -> None:
        key = self.key
        self._set(None, "")

        def done(data):
            if self.key == key:                   # the settings did not move on meanwhile
                self._set(data, self.describe(cfg, data))

        def failed(text):
            if self.key == key:
                self._set(None, text, error=True)

        self.read_bar.start(self.tr("Reading {0}…").format(file_name(path)), read, done, failed)

    def _load_images(self, cfg: TrainConfig) -> ImageSet:
        """Pictures for ``cfg.dataset``; a data set not downloaded yet offers its download instead."""
        from core.data.download import SOURCES, is_downloaded
        source = IMAGE_SETS[cfg.dataset]
        cache = data_folder()
        if source.needs == "download" and not is_downloaded(SOURCES[cfg.dataset], cache):
            if not self.download_bar.is_running():
                self.download_bar.offer(SOURCES[cfg.dataset], cache, source.title, source.size_text)
            raise DataError(self.tr("{0} is not on this computer yet: download it once ({1}); it is kept in {2}.")
                            .format(source.title, source.size_text, cache))
        return load_images(cfg.dataset, cache_dir=cache, folder=cfg.image_folder or None,
                           val_fraction=cfg.val_fraction or 0.2, seed=cfg.seed, size=cfg.image_size,
                           color=cfg.image_color)

    @Slot(bool, str)
    def _download_finished(self, ok: bool, message: str) -> None:
        if ok and self._cfg is not None:
            self.load(self._cfg)
        elif not ok:
            self._set(self.data, message, error=True)

    # --- the sentence about the data --------------------------------------------------------
    def describe(self, cfg: TrainConfig, data) -> str:
        if isinstance(data, TextCorpus):
            name = TEXT_SETS[cfg.dataset].title if cfg.dataset != TEXT_FILE else file_name(cfg.text_path)
            return self.tr("{0}: {1}. Each step trains on {2} windows of the text; the last 10 % is kept "
                           "to validate on.").format(name, data.summary(), cfg.batch_size)
        if isinstance(data, ImageSet):
            c, h, w = data.input_shape
            text = self.tr("{0}: {1} training and {2} validation pictures of {3}×{4}×{5} (C×H×W), {6} classes.").format(
                IMAGE_SETS[cfg.dataset].title, len(data.y_train), len(data.y_val), c, h, w, data.n_classes)
            skipped = data.extra.get("skipped") or []
            if skipped:
                shown = "; ".join(f"{name} ({why})" for name, why in skipped[:5]) + (" …" if len(skipped) > 5 else "")
                text += "\n" + self.tr("Skipped {0} file(s) that could not be read: {1}").format(len(skipped), shown)
            return text
        return self.tr("{0}: {1} training and {2} validation samples, {3} feature(s).").format(
            dataset_title(data.name), len(data.x_train), len(data.x_val), data.n_features)
