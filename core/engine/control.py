"""Pause, resume, single step, stop and the learning rate: requests applied before the next batch.

Two implementations of one interface: ``RunControl`` for a loop in another thread, and
``SharedControl`` (shared memory) for a loop in another process. The engine calls
``checkpoint()`` before every batch (it blocks while paused and returns False once stopped),
then ``lr_request()``, so a learning rate set while paused applies to the very next batch,
then ``options_request()``: what the learner changed in a task's view mid-run (a text prompt,
a sample to look at), handed to ``Task.set_options`` before the next batch.
"""
from __future__ import annotations

import threading
import time


class RunControl:
    """Thread-safe flags for a loop in another thread of this process."""

    def __init__(self):
        self._cond = threading.Condition()
        self._paused = False
        self._stopped = False
        self._steps = 0          # single steps granted while paused
        self._lr_seq, self._lr = 0, 0.0
        self._options: list[dict] = []

    def reset(self) -> None:
        with self._cond:
            self._paused = self._stopped = False
            self._steps = 0
            self._options = []

    def pause(self) -> None:
        with self._cond:
            self._paused = True

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def step_once(self) -> None:
        """While paused, let exactly one more batch run."""
        with self._cond:
            self._steps += 1
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def set_lr(self, lr: float) -> None:
        with self._cond:
            self._lr, self._lr_seq = float(lr), self._lr_seq + 1

    def lr_request(self) -> tuple[int, float]:
        """(sequence number, rate): the number grows with every ``set_lr``."""
        return self._lr_seq, self._lr

    def post_options(self, options: dict) -> None:
        with self._cond:
            self._options.append(dict(options))

    def options_request(self) -> list[dict]:
        """The task options posted since the last call (usually none: no lock then)."""
        if not self._options:
            return []
        with self._cond:
            out, self._options = self._options, []
        return out

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def stopped(self) -> bool:
        return self._stopped

    def checkpoint(self, idle=None) -> bool:
        """Block while paused; return False once stopped (the loop must then end). ``idle()`` is
        called while paused when task options arrive (the views shown changed: their pictures now)."""
        if not self._paused and not self._stopped:   # fast path: no lock on every batch
            return True
        with self._cond:
            while self._paused and not self._stopped and self._steps == 0:
                self._cond.wait(0.1)
                if idle is not None and self._options:
                    idle()
            if self._stopped:
                return False
            if self._paused:
                self._steps -= 1
            return True


class SharedControl:
    """The same interface on shared memory, so the GUI process can steer the training process."""

    def __init__(self, ctx):
        self._paused = ctx.RawValue("b", 0)
        self._stopped = ctx.RawValue("b", 0)
        self._steps = ctx.Value("i", 0)          # single steps granted while paused (locked)
        self._lr = ctx.Value("d", 0.0)           # rate and sequence change together (locked)
        self._lr_seq = ctx.RawValue("i", 0)
        self._lr_seen = (0, 0.0)                 # this process's last read (seq, rate): no lock per batch
        self._options = ctx.SimpleQueue()        # task options, pickled plain dicts
        self._posted = ctx.Value("i", 0)         # options in the queue: read without a lock per batch

    def reset(self) -> None:
        self._paused.value = 0
        self._stopped.value = 0
        self._steps.value = 0

    def pause(self) -> None:
        self._paused.value = 1

    def resume(self) -> None:
        self._paused.value = 0

    def step_once(self) -> None:
        with self._steps.get_lock():
            self._steps.value += 1

    def stop(self) -> None:
        self._stopped.value = 1

    def set_lr(self, lr: float) -> None:
        with self._lr.get_lock():
            self._lr.value = float(lr)
            self._lr_seq.value += 1

    def lr_request(self) -> tuple[int, float]:
        if self._lr_seq.value == self._lr_seen[0]:   # fast path (every batch): one memory read
            return self._lr_seen
        with self._lr.get_lock():
            self._lr_seen = (self._lr_seq.value, self._lr.value)
        return self._lr_seen

    def post_options(self, options: dict) -> None:
        with self._posted.get_lock():
            self._options.put(dict(options))
            self._posted.value += 1

    def options_request(self) -> list[dict]:
        if not self._posted.value:               # fast path: one memory read
            return []
        out = []
        with self._posted.get_lock():
            while self._posted.value:
                out.append(self._options.get())
                self._posted.value -= 1
        return out

    @property
    def paused(self) -> bool:
        return bool(self._paused.value)

    @property
    def stopped(self) -> bool:
        return bool(self._stopped.value)

    def checkpoint(self, idle=None) -> bool:
        if not self._paused.value and not self._stopped.value:   # fast path: two memory reads
            return True
        while self._paused.value and not self._stopped.value:
            with self._steps.get_lock():
                if self._steps.value > 0:
                    self._steps.value -= 1
                    return True
            if idle is not None and self._posted.value:
                idle()
            time.sleep(0.005)
        return not self._stopped.value
