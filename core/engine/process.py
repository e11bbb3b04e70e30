"""The engine in a child process, reporting coalesced progress through a pipe.

Why a process and not only a thread: on a small machine the GUI thread's Python (pyqtgraph
drawing) and a training thread's Python fight over the GIL; measured here, redrawing four
plots 30 times a second cut a training thread from ~1800 to ~160 steps/s. In its own process
the training loop keeps its own interpreter and core, and the window stays smooth.

    server = TrainingServer(); server.start()          # spawns once, reused for every job
    server.control.reset(); server.send_job(job)       # a Job: RunSpecs (plain data)
    kind, payload = server.recv()                      # ("progress", Progress) ... ("end", JobResult)
    server.control.pause() / step_once() / stop() / set_lr(lr)   # shared flags, read before every batch

A job's runs train one after another, or in lock-step (compare mode: one batch each in turn).
Everything that crosses the pipe is plain data: dataclasses of floats and numpy arrays.
"""
from __future__ import annotations

import multiprocessing as mp
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np

from core.engine.control import SharedControl
from core.engine.engine import Callback
from core.engine.events import EndEvent, EvalEvent, GradStats, PicturesEvent
from core.engine.run import RunSpec
from core.errors import first_line

EMIT_INTERVAL_S = 1 / 10      # at most ~10 progress messages a second, however fast training is (the window draws a plot ≤ ~3 times a second)


@dataclass
class Job:
    runs: list[RunSpec]
    lockstep: bool = False                  # compare mode: advance all runs together
    threads: int = 0                        # torch threads in the training process (0: the app's choice)
    language: str = ""                      # core.i18n language for the process's messages ("" = keep)


@dataclass
class RunBatch:
    """What one run did since the last message."""
    steps: np.ndarray                 # (K,) step numbers
    losses: np.ndarray                # (K,) per-step loss
    lrs: np.ndarray                   # (K,) the learning rate of each step
    evals: list[EvalEvent]
    grads: list[GradStats]
    pictures: PicturesEvent | None    # only the latest
    end: EndEvent | None
    step: int
    epoch: int
    total_steps: int
    steps_per_epoch: int
    lr: float
    seconds: float                    # this run's training time so far


@dataclass
class Progress:
    runs: dict[int, RunBatch]         # run index -> its news (runs with news only)
    elapsed: float                    # wall-clock seconds since the job started
    final: bool = False


@dataclass
class JobResult:
    states: list[dict] = field(default_factory=list)   # per run: Engine.state_dict() (continue from it)
    ends: list[EndEvent | None] = field(default_factory=list)
    threads: int = 0


class TrainingServer:
    """Parent-side handle of the training process (spawned once, reused for every job)."""

    def __init__(self):
        self._ctx = mp.get_context("spawn")      # no fork: the parent has Qt and torch threads
        self.control = SharedControl(self._ctx)
        self._proc = None
        self._conn = None
        # start/close may come from the GUI thread (page shown, window closed) and a relay
        # thread (a job starting) at the same moment: without the lock two processes got mixed.
        self._lock = threading.RLock()
        # a message is written in pieces: the "quit" of close() (GUI thread) must not land inside a
        # job the relay thread is still writing (the process read a corrupt job and died)
        self._send_lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self.alive():
                return
            parent, child = self._ctx.Pipe()
            proc = self._ctx.Process(target=_serve, args=(child, self.control), daemon=True, name="training")
            proc.start()
            child.close()
            self._proc, self._conn = proc, parent

    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def send_job(self, job: Job) -> None:
        """Start ``job``; call ``control.reset()`` first (and pause it there to start paused)."""
        self.start()
        with self._send_lock:
            self._pipe().send(("job", job))

    def poll(self, timeout: float) -> bool:
        return self._pipe().poll(timeout)

    def recv(self):
        return self._pipe().recv()

    def _pipe(self):
        conn = self._conn
        if conn is None:  # closed by another thread (the window closing): read as a broken pipe
            raise EOFError("the training process was closed")
        return conn

    def close(self, timeout: float = 2.0) -> None:
        """Stop any run and end the process (terminate it if it does not answer in time)."""
        with self._lock:
            proc, conn = self._proc, self._conn
            self._proc = self._conn = None
        if proc is None:
            return
        self.control.stop()                  # a job still being sent ends at its first batch
        try:
            with self._send_lock:
                conn.send(("quit", None))
        except (OSError, ValueError):
            pass
        proc.join(timeout)
        if proc.is_alive():
            proc.terminate()
            proc.join(1.0)
        conn.close()


# --- the child process ---------------------------------------------------------------------

def _warm_up() -> None:
    """Pay torch's one-time costs now, while the window starts: the first optimiser step imports
    torch._dynamo (~3 s on a slow machine), which the learner's first Start would wait for."""
    import torch

    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.Adam([w])
    (w * 2).sum().backward()
    opt.step()


def _serve(conn, control: SharedControl) -> None:
    _warm_up()
    while True:
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError):
            return
        if kind == "quit":
            return
        if kind == "job":
            try:
                conn.send(("end", run_job(payload, control, conn.send)))
            except (BrokenPipeError, EOFError, ConnectionResetError):
                return                      # the app is gone: nothing to report to
            except Exception as e:  # noqa: BLE001 - reported to the GUI, the server lives on
                try:
                    conn.send(("failed", first_line(e), traceback.format_exc()))
                except (BrokenPipeError, EOFError, ConnectionResetError):
                    return


def run_job(job: Job, control, send) -> JobResult:
    """Build the job's engines and train them (in turn, or in lock-step), sending Progress."""
    from core.engine.engine import run_together
    from core.i18n import set_language
    from core.training.devices import apply_threads

    if job.language:
        set_language(job.language)              # a spawned process starts in English
    threads = apply_threads(job.threads)
    emitter = _Emitter(send)
    engines = []
    for i, run in enumerate(job.runs):
        col = _Collector(emitter, i)
        engines.append(run.engine([col], control))
        emitter.add(i, col, engines[-1])
    if job.lockstep:
        run_together(engines, _FlushingControl(control, emitter))
    else:
        for e in engines:
            if control.stopped and e.end is None:
                break
            e.control = _FlushingControl(control, emitter)
            e.run()
            emitter.emit()
    emitter.emit(final=True)
    return JobResult([e.state_dict() for e in engines], [e.end for e in engines], threads)


class _Collector(Callback):
    """Gathers one run's events between two messages."""

    def __init__(self, emitter, index: int):
        self.emitter, self.index = emitter, index
        self._clear()

    def _clear(self):
        self.steps, self.losses, self.lrs, self.evals, self.grads = [], [], [], [], []
        self.pictures = self.end = None
        self.dirty = False

    def on_batch_end(self, engine, event):
        self.steps.append(event.step)
        self.losses.append(event.loss)
        self.lrs.append(event.lr)
        self.dirty = True
        self.emitter.maybe_emit()

    def on_after_backward(self, engine, stats):
        self.grads.append(stats)

    def on_eval(self, engine, event):
        self.evals.append(event)
        self.dirty = True

    def on_pictures(self, engine, event):
        self.pictures = event
        self.dirty = True

    def on_end(self, engine, event):
        self.end = event
        self.dirty = True

    def take(self, e) -> RunBatch:
        f64 = np.float64
        b = RunBatch(np.asarray(self.steps, f64), np.asarray(self.losses, f64), np.asarray(self.lrs, f64),
                     self.evals, self.grads, self.pictures, self.end, e.step, e.epoch, e.total_steps,
                     e.steps_per_epoch, e.lr, e.seconds)
        self._clear()
        return b


class _FlushingControl:
    """Before blocking on pause, send what is pending (e.g. the one batch of a single step)."""

    def __init__(self, control, emitter):
        self.control = control
        self.emitter = emitter

    def checkpoint(self, idle=None) -> bool:
        if self.control.paused and self.emitter.pending():
            self.emitter.emit()
        if idle is None:
            return self.control.checkpoint()

        def idle_and_send():                    # while paused: what idle() made goes out at once
            idle()
            if self.emitter.pending():
                self.emitter.emit()
        return self.control.checkpoint(idle_and_send)

    def lr_request(self):
        return self.control.lr_request()

    def options_request(self):
        return self.control.options_request()

    @property
    def paused(self):
        return self.control.paused

    @property
    def stopped(self):
        return self.control.stopped


class _Emitter:
    def __init__(self, send):
        self.send = send
        self.runs: list[tuple[int, _Collector, object]] = []
        self.t0 = time.perf_counter()
        self.last = 0.0

    def add(self, index, collector, engine) -> None:
        self.runs.append((index, collector, engine))

    def pending(self) -> bool:
        return any(c.dirty for _, c, _ in self.runs)

    def maybe_emit(self) -> None:
        now = time.perf_counter()
        if now - self.last >= EMIT_INTERVAL_S:
            self.emit()

    def emit(self, final: bool = False) -> None:
        self.last = time.perf_counter()
        runs = {i: c.take(e) for i, c, e in self.runs if c.dirty}
        if runs or final:
            self.send(("progress", Progress(runs, time.perf_counter() - self.t0, final)))
