"""Long reads off the GUI thread: a progress bar with Cancel over one function run in a QThread.

    bar.start(title, fn, on_done, on_failed)   # fn(progress, cancelled) -> result, in the worker

``fn`` reports ``progress(fraction)`` and polls ``cancelled()`` (the core readers take both, e.g.
``core.data.csv_import.load_csv``); its exception's message goes to ``on_failed``. A new
``start`` while one runs cancels the old one, whose result is then dropped.

``Worker`` alone (moved to a QThread, ``started -> run``, ``done -> your slot``) runs short work
with no bar: the text views' samples from a trained network (gui/text/trained.py).
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from core.errors import first_line


class Worker(QObject):
    """Calls ``fn(progress, cancelled)`` in its thread; ``done(result, error text or None)``."""

    progress = Signal(float)
    done = Signal(object, object)        # result, error text (None when it worked)

    def __init__(self, fn, cancel: threading.Event):
        super().__init__()
        self.fn, self.cancel = fn, cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progress.emit, self.cancel.is_set)
        except Exception as e:  # noqa: BLE001 - the reader's message is for the learner
            self.done.emit(None, first_line(e, None))
        else:
            self.done.emit(result, None)


class JobBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.progress, 1)
        lay.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        self._thread: QThread | None = None
        self._worker: Worker | None = None
        self._cancel: threading.Event | None = None
        self._callbacks = None
        self.hide()

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, title: str, fn, on_done, on_failed) -> None:
        self.cancel()
        self.label.setText(title)
        self.progress.setValue(0)
        self._cancel = threading.Event()
        self._callbacks = (on_done, on_failed)
        thread, worker = QThread(self), Worker(fn, self._cancel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_done)
        self._thread, self._worker = thread, worker
        self.show()
        thread.start()

    @Slot()
    def cancel(self) -> None:
        """Ask the running read to stop; its result (or its "cancelled" error) is dropped."""
        if self._thread is None:
            return
        self._cancel.set()
        self._callbacks = None
        self._finish()

    def shutdown(self) -> None:
        self.cancel()

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))

    @Slot(object, object)
    def _on_done(self, result, error) -> None:
        callbacks = self._callbacks
        self._finish()
        if callbacks is not None:
            on_done, on_failed = callbacks
            on_done(result) if error is None else on_failed(error)

    def _finish(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()              # the reader checks cancelled() every few thousand rows
            worker.deleteLater()
            thread.deleteLater()
        self.hide()
