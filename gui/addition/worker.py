"""Runs addition training (one model, or the textbook comparison) in a QThread.

The core ``Trainer`` calls back after every batch; the worker gathers those events in plain
lists and emits a ``progress`` signal at most ~30 times a second. Pause and stop act on the
trainer's thread-safe flags directly (the worker's thread is busy in the loop and would not
see queued signals). At the end it hands back a copy of the weights, never the live model.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from core.addition.model import count_parameters
from core.addition.train import BatchEvent, EvalEvent, Trainer, TrainConfig

EMIT_INTERVAL_S = 1 / 30


@dataclass
class AdditionProgress:
    """What happened since the last emission, for run ``run`` of the job."""
    run: int
    steps: np.ndarray             # (K,) step numbers of the batches
    losses: np.ndarray            # (K,) their losses
    evals: list                   # EvalEvent since the last emission
    step: int
    max_steps: int
    seconds: float
    examples: int
    epoch: int


@dataclass
class RunOutcome:
    """One finished run: its settings, final accuracy and a copy of its weights."""
    run: int
    label: str
    config: TrainConfig
    parameters: int
    steps: int
    seconds: float
    exact: float | None
    per_digit: float | None
    by_carries: dict
    stopped: bool
    state_dict: dict = field(repr=False, default_factory=dict)


class AdditionWorker(QObject):
    progress = Signal(object)       # AdditionProgress
    run_started = Signal(int, str)  # run index, label
    run_finished = Signal(object)   # RunOutcome
    failed = Signal(str)
    finished = Signal()

    def __init__(self, jobs: list[tuple[str, TrainConfig]]):
        super().__init__()
        self.jobs = jobs
        self.trainer: Trainer | None = None
        self._stop = False
        self._paused = False
        self._steps: list[int] = []
        self._losses: list[float] = []
        self._evals: list[EvalEvent] = []
        self._last: BatchEvent | None = None
        self._last_emit = 0.0
        self._run = 0

    # -- control, called from the GUI thread (plain flags + the trainer's thread-safe events)
    def request_stop(self) -> None:
        self._stop = True
        if self.trainer is not None:
            self.trainer.request_stop()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        t = self.trainer
        if t is not None:
            t.pause() if paused else t.resume()

    # -- the thread's work -----------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        try:
            for i, (label, config) in enumerate(self.jobs):
                if self._stop:
                    break
                self._run = i
                self.run_started.emit(i, label)
                trainer = Trainer(config)
                trainer.on_batch_end = self._on_batch
                trainer.on_eval = self._on_eval
                if self._paused:
                    trainer.pause()
                self.trainer = trainer
                if self._stop:  # a stop that arrived while the trainer was being built
                    trainer.request_stop()
                result = trainer.run()
                self._emit()
                acc = result.final
                state = {k: v.detach().clone() for k, v in trainer.model.state_dict().items()}
                self.run_finished.emit(RunOutcome(
                    i, label, config, count_parameters(trainer.model), result.steps, result.seconds,
                    acc.exact if acc else None, acc.per_digit if acc else None,
                    dict(acc.by_carries) if acc else {}, result.stopped, state))
        except Exception as e:  # noqa: BLE001 - shown to the user instead of a dead thread
            text = str(e).strip()
            self.failed.emit(text.splitlines()[0] if text else type(e).__name__)
        finally:
            self.trainer = None
            self.finished.emit()

    def _on_batch(self, ev: BatchEvent) -> None:
        self._steps.append(ev.step)
        self._losses.append(ev.loss)
        self._last = ev
        now = time.perf_counter()
        if now - self._last_emit >= EMIT_INTERVAL_S:
            self._last_emit = now
            self._emit()

    def _on_eval(self, ev: EvalEvent) -> None:
        self._evals.append(ev)
        self._emit()

    def _emit(self) -> None:
        last = self._last
        if last is None and not self._evals:
            return
        t = self.trainer
        self.progress.emit(AdditionProgress(
            self._run, np.asarray(self._steps, dtype=np.float64), np.asarray(self._losses, dtype=np.float64),
            self._evals, last.step if last else 0, t.config.max_steps if t else 0,
            last.seconds if last else 0.0, last.examples if last else 0, last.epoch if last else 0))
        self._steps, self._losses, self._evals = [], [], []
