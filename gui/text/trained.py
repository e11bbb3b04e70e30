"""After a text run: the trained network keeps answering the Text tab (new prompt, temperature,
top-k, attention text) with its final weights.

While a run goes on, the training process writes the samples and attention maps. Once it has
ended, the page hands this the run's network and final weights (as it hands the images' draw pad
the first trained network); each request then runs the text task's own code
(``core.tasks.text.TextTask.sample`` / ``attention_maps``) on a copy of the network here, off
the GUI thread: 150 characters from the tiny GPT take ~0.2 s on one core (far more on two busy
threads), too long for the event loop. Requests made while one is being answered are merged
into the next (the latest options win); none queue up, none block.

    trained.set_trained(spec, weights, corpus, step)   # after a run; clear() when it no longer holds
    trained.ask(options, {"text_sample"})               # -> pictures({"text_sample": ...}, step) later
"""
from __future__ import annotations

import threading

import numpy as np
import torch
from PySide6.QtCore import QObject, QThread, Signal, Slot

from gui.common.job_bar import Worker

SAMPLE, ATTENTION = "text_sample", "attention"      # the pictures' names (TextTask.pictures)


class TrainedText(QObject):
    pictures = Signal(object, object)     # {"text_sample": ..., "attention": ...}, the step it was trained to
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._source = None             # (spec dict, weights {name: array}, corpus, seed, step)
        self._task = None               # the TextTask built from it (in the worker, at the first request)
        self._generation = 0            # bumped by set_trained/clear: a late answer for older weights is dropped
        self._options: dict = {}
        self._wanted: set[str] = set()
        self._thread: QThread | None = None
        self._worker: Worker | None = None
        self._job_generation = 0

    def has_model(self) -> bool:
        return self._source is not None

    def is_busy(self) -> bool:
        return self._thread is not None

    def set_trained(self, spec: dict, weights: dict, corpus, step: int | None, seed: int = 0) -> None:
        """The network a run ended with (``weights``: numpy arrays by name, as the run's state holds them)."""
        self.clear()
        self._source = (spec, weights, corpus, seed, step)

    def clear(self) -> None:
        """Forget the trained network (a new run, a reset, other data): pending requests are dropped."""
        self._source = self._task = None
        self._wanted = set()
        self._generation += 1

    def ask(self, options: dict, wanted) -> bool:
        """Write ``wanted`` (SAMPLE and/or ATTENTION) for ``options`` (TextTask.set_options keys) soon.

        False when there is no trained network to ask."""
        if self._source is None:
            return False
        self._options = {**self._options, **options}
        self._wanted |= set(wanted)
        if self._thread is None:
            self._start()
        return True

    def shutdown(self) -> None:
        """Wait for the request being answered (at most one sample) and drop everything."""
        self.clear()
        self._finish_thread()

    # --- the worker ---------------------------------------------------------------------------
    def _start(self) -> None:
        source, task, options, wanted = self._source, self._task, dict(self._options), set(self._wanted)
        self._wanted = set()
        self._job_generation = self._generation
        thread = QThread(self)
        worker = Worker(lambda progress, cancelled: _answer(source, task, options, wanted),
                        threading.Event())
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(self._on_done)
        self._thread, self._worker = thread, worker
        thread.start()
        self.busy_changed.emit(True)

    @Slot(object, object)
    def _on_done(self, result, error) -> None:
        self._finish_thread()
        current = self._job_generation == self._generation and self._source is not None
        if current and error is not None:
            self.clear()                  # a network that cannot answer is not asked again
            self.failed.emit(error)
        elif current:
            self._task, pictures = result
            if pictures:
                self.pictures.emit(pictures, self._source[4])
        if self._wanted and self._source is not None:
            self._start()                 # what was asked meanwhile, with the latest options
        else:
            self.busy_changed.emit(False)

    def _finish_thread(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()                 # its run() has returned (or returns within one sample)
            worker.deleteLater()
            thread.deleteLater()


def _answer(source, task, options: dict, wanted: set[str]):
    """In the worker: (the TextTask, the pictures asked for) with the trained weights."""
    if task is None:
        from core.tasks.text import TextTask
        spec, weights, corpus, seed, _ = source
        task = TextTask(spec, corpus, seed=seed)
        task.model.load_state_dict({k: torch.from_numpy(np.asarray(v).copy()) for k, v in weights.items()})
        task.model.eval()                 # dropout off, as the engine does for its pictures
    task.set_options(options)
    out = {}
    with torch.no_grad():
        if SAMPLE in wanted:
            out[SAMPLE] = task.sample()
        if ATTENTION in wanted:
            maps = task.attention_maps()
            if maps["layers"]:            # a network without attention layers has no map
                out[ATTENTION] = maps
    return task, out
