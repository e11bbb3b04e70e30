"""Download a data set on request: a button, a progress bar, Cancel; the work in a worker thread.

    bar = DownloadBar()
    bar.offer(SOURCES["mnist"], cache_dir, "MNIST", "11 MB")   # shows "Download MNIST (11 MB)"
    bar.finished.connect(...)                                  # (ok: bool, message: str)

``core.data.download.download`` does the work (checksums, atomic files, clear messages); this
widget only moves it off the GUI thread (``QObject`` worker in a ``QThread``) and relays its
progress at most ~30 times a second.
"""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from core.data.download import Cancelled, DownloadError, Source, download


def data_folder() -> str:
    """Where downloaded data sets are kept (the app's one answer: gui.common.locations)."""
    from gui.common.locations import datasets_dir
    return str(datasets_dir())


class _Worker(QObject):
    progress = Signal(int, int)
    done = Signal(bool, str)

    def __init__(self, source: Source, cache_dir: str):
        super().__init__()
        self.source, self.cache_dir = source, cache_dir
        self.cancel_flag = threading.Event()
        self._last = 0.0

    def _on_bytes(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self._last >= 1 / 30 or done == total:
            self._last = now
            self.progress.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            download(self.source, self.cache_dir, self._on_bytes, self.cancel_flag.is_set)
        except Cancelled as e:
            self.done.emit(False, str(e))
        except DownloadError as e:
            self.done.emit(False, str(e))
        else:
            self.done.emit(True, "")


class DownloadBar(QWidget):
    finished = Signal(bool, str)     # ok, message (why not)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button)
        lay.addWidget(self.progress, 1)
        lay.addWidget(self.cancel_button)
        lay.addWidget(self.label, 1)
        self.button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.source: Source | None = None
        self.cache_dir = ""
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._show(False)
        self.hide()

    def offer(self, source: Source, cache_dir: str, title: str, size_text: str) -> None:
        self.source, self.cache_dir = source, cache_dir
        self.button.setText(self.tr("Download {0} ({1})").format(title, size_text))
        self.label.setText("")
        self._show(False)
        self.show()

    def is_running(self) -> bool:
        return self._thread is not None

    def _show(self, running: bool) -> None:
        self.button.setVisible(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)

    @Slot()
    def start(self) -> None:
        if self.source is None or self._thread is not None:
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.label.setText("")
        self._show(True)
        thread = QThread(self)
        worker = _Worker(self.source, self.cache_dir)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.done.connect(thread.quit)
        thread.finished.connect(worker.deleteLater)
        self._thread, self._worker = thread, worker
        thread.start()

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel_flag.set()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(round(100 * done / total) if total else 0)
        self.progress.setFormat(self.tr("{0:.1f} of {1:.1f} MB").format(done / 1e6, total / 1e6))

    @Slot(bool, str)
    def _on_done(self, ok: bool, message: str) -> None:
        thread = self._thread
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        self._show(False)
        self.label.setText(message)
        if ok:
            self.hide()
        self.finished.emit(ok, message)

    def shutdown(self) -> None:
        """Cancel and join (the window is closing)."""
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait()
