"""Checking finished models on every pair of 3-digit numbers, off the GUI thread.

A ``QObject`` worker moved to a ``QThread``; it reports progress at most ~5 times a second per
model and stops between chunks of 50,000 pairs when asked (``core.addition.exhaustive``).
"""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal, Slot

from core.addition.exhaustive import exhaustive_chunks


class ExhaustiveWorker(QObject):
    progress = Signal(int, int, int, int)    # run, pairs checked, all pairs, wrong so far
    finished = Signal()

    def __init__(self, models: list[tuple[int, object]]):
        super().__init__()
        self.models = models                 # (run, model) pairs, each model in eval mode
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            for run, model in self.models:
                last = 0.0
                for done, total, wrong in exhaustive_chunks(model):
                    if self._stop.is_set():
                        return
                    now = time.perf_counter()
                    if done == total or now - last > 0.2:
                        last = now
                        self.progress.emit(run, done, total, wrong)
        finally:
            self.finished.emit()
