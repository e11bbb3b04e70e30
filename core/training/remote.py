"""Training in a child process, reporting coalesced progress through a pipe.

Why a process and not only a thread: on a small machine the GUI thread's Python (pyqtgraph
drawing) and a training thread's Python fight over the GIL; measured here, redrawing four
plots 30 times a second cut a training thread from ~1800 to ~160 steps/s. In its own process
the training loop keeps its own interpreter and core, and the window stays smooth.

    server = TrainingServer(); server.start()          # spawns once, reused for every run
    server.send_job(job)                               # a Job: networks as spec dicts, data, config
    kind, payload = server.recv()                      # ("progress", Progress) ... ("end", JobResult)
    server.control.pause() / step_once() / stop() / set_lr(lr)   # shared flags, checked every batch

Everything that crosses the pipe is plain data: dataclasses of floats and numpy arrays.
"""
from __future__ import annotations

import multiprocessing as mp
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np

from core.training.events import EndEvent, EpochEvent, GradStats, ProbeEvent

EMIT_INTERVAL_S = 1 / 30      # at most ~30 progress messages a second, however fast training is
STATS_INTERVAL_S = 1 / 20     # gradient statistics: plenty for a plot, cheap for the loop
PROBE_INTERVAL_S = 0.5        # decision boundary, histograms, saturation: costlier, so rarer
EVAL_INTERVAL_S = 1 / 20      # train/validation metrics: after each epoch, but at most this often


@dataclass
class RunJob:
    spec: dict                              # NetworkSpec.to_dict()
    label: str = ""
    weights: dict | None = None             # name -> numpy array, to continue from
    start_step: int = 0
    start_epoch: int = 0


@dataclass
class Job:
    runs: list[RunJob]
    data: object                            # core.data.datasets.Dataset
    config: dict                            # TrainConfig.to_dict()
    threads: int = 0
    language: str = ""                      # core.i18n language for the process's messages ("" = keep)


@dataclass
class RunBatch:
    """What one run did since the last message."""
    steps: np.ndarray                 # (K,) step numbers
    losses: np.ndarray                # (K,) per-step loss
    epochs: list[EpochEvent]
    grads: list[GradStats]
    probe: ProbeEvent | None
    end: EndEvent | None
    step: int
    epoch: int
    total_steps: int
    steps_per_epoch: int
    lr: float


@dataclass
class Progress:
    runs: list[RunBatch]
    elapsed: float                    # wall-clock seconds since this run started
    final: bool = False


@dataclass
class JobResult:
    weights: list[dict] = field(default_factory=list)   # per run: name -> numpy array
    steps: list[int] = field(default_factory=list)
    epochs: list[int] = field(default_factory=list)
    threads: int = 0


class SharedControl:
    """RunControl's interface on shared memory, so another process can pause or stop the loop."""

    def __init__(self, ctx):
        self._paused = ctx.RawValue("b", 0)
        self._stopped = ctx.RawValue("b", 0)
        self._steps = ctx.Value("i", 0)          # single steps granted while paused (locked)
        self._lr = ctx.RawValue("d", 0.0)
        self._lr_seq = ctx.RawValue("i", 0)

    def reset(self) -> None:
        self._paused.value = 0
        self._stopped.value = 0
        self._steps.value = 0

    def pause(self):
        self._paused.value = 1

    def resume(self):
        self._paused.value = 0

    def step_once(self):
        with self._steps.get_lock():
            self._steps.value += 1

    def stop(self):
        self._stopped.value = 1

    @property
    def paused(self) -> bool:
        return bool(self._paused.value)

    @property
    def stopped(self) -> bool:
        return bool(self._stopped.value)

    def set_lr(self, lr: float) -> None:
        self._lr.value = float(lr)
        self._lr_seq.value += 1

    def lr_request(self) -> tuple[int, float]:
        return self._lr_seq.value, self._lr.value

    def checkpoint(self) -> bool:
        if not self._paused.value and not self._stopped.value:   # fast path: two memory reads
            return True
        while self._paused.value and not self._stopped.value:
            with self._steps.get_lock():
                if self._steps.value > 0:
                    self._steps.value -= 1
                    return True
            time.sleep(0.005)
        return not self._stopped.value


class TrainingServer:
    """Parent-side handle of the training process (spawned once, reused for every run)."""

    def __init__(self):
        self._ctx = mp.get_context("spawn")      # no fork: the parent has Qt and torch threads
        self.control = SharedControl(self._ctx)
        self._proc = None
        self._conn = None
        # start/close may come from the GUI thread (page shown, window closed) and the worker
        # thread (a run starting) at the same moment: without this, two processes and pipes got mixed.
        self._lock = threading.RLock()

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
        """Start `job`; call ``control.reset()`` first (and pause it there to start paused)."""
        self.start()
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
        self.control.stop()
        try:
            conn.send(("quit", None))
        except (OSError, ValueError):
            pass
        proc.join(timeout)
        if proc.is_alive():
            proc.terminate()
            proc.join(1.0)
        conn.close()


# --- the child process ---------------------------------------------------------------------

def _serve(conn, control: SharedControl) -> None:
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
                text = (str(e).strip().splitlines() or [type(e).__name__])[0]
                try:
                    conn.send(("failed", text, traceback.format_exc()))
                except (BrokenPipeError, EOFError, ConnectionResetError):
                    return


def run_job(job: Job, control, send) -> JobResult:
    """Build the job's networks and train them (compare mode: in lock-step), sending Progress."""
    import torch

    from core.build import build
    from core.spec import NetworkSpec
    from core.training.config import TrainConfig
    from core.training.devices import apply_threads
    from core.training.trainer import Callback, Trainer, init_weights, run_together

    from core.i18n import set_language

    if job.language:
        set_language(job.language)              # a spawned process starts in English
    cfg = TrainConfig.from_dict(job.config)
    threads = apply_threads(job.threads or cfg.threads)
    emitter = _Emitter(send)

    class Collector(Callback):
        def __init__(self):
            self.steps, self.losses, self.epochs, self.grads = [], [], [], []
            self.probe = self.end = None

        def on_batch_end(self, trainer, event):
            self.steps.append(event.step)
            self.losses.append(event.loss)
            emitter.maybe_emit()
            seq, lr = control.lr_request()
            if seq != emitter.lr_seq:           # a learning-rate change from the window
                emitter.lr_seq = seq
                for t in emitter.trainers:
                    t.set_lr(lr)

        def on_after_backward(self, trainer, stats):
            self.grads.append(stats)

        def on_epoch_end(self, trainer, event):
            self.epochs.append(event)

        def on_probe(self, trainer, event):
            self.probe = event

        def on_end(self, trainer, event):
            self.end = event

        def take(self, t) -> RunBatch:
            b = RunBatch(np.asarray(self.steps, dtype=np.float64), np.asarray(self.losses, dtype=np.float64),
                         self.epochs, self.grads, self.probe, self.end, t.step, t.epoch, t.total_steps,
                         t.steps_per_epoch, t.lr)
            self.steps, self.losses, self.epochs, self.grads = [], [], [], []
            self.probe = self.end = None
            return b

    emitter.lr_seq = control.lr_request()[0]
    flushing = _FlushingControl(control, emitter)
    for run in job.runs:
        torch.manual_seed(cfg.seed)                 # same seed for every network (compare mode)
        model = build(NetworkSpec.from_dict(run.spec))
        init_weights(model, cfg.init, cfg.init_std)
        if run.weights is not None:
            model.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in run.weights.items()})
        col = Collector()
        t = Trainer(model, job.data, cfg, [col], flushing, stats_interval_s=STATS_INTERVAL_S,
                    probe_interval_s=PROBE_INTERVAL_S, eval_interval_s=EVAL_INTERVAL_S)
        t.step, t.epoch = run.start_step, run.start_epoch
        t.target_epochs = run.start_epoch + cfg.epochs
        emitter.trainers.append(t)
        emitter.collectors.append(col)
    emitter.t0 = time.perf_counter()
    if len(emitter.trainers) == 1:
        emitter.trainers[0].run()
    else:
        run_together(emitter.trainers, flushing)
    emitter.emit(final=True)
    return JobResult([{k: v.detach().cpu().numpy() for k, v in t.model.state_dict().items()}
                      for t in emitter.trainers],
                     [t.step for t in emitter.trainers], [t.epoch for t in emitter.trainers], threads)


class _FlushingControl:
    """Before blocking on pause, send what is pending (e.g. the one batch of a single step)."""

    def __init__(self, control, emitter):
        self.control = control
        self.emitter = emitter

    def checkpoint(self) -> bool:
        if self.control.paused and any(c.steps for c in self.emitter.collectors):
            self.emitter.emit()
        return self.control.checkpoint()


class _Emitter:
    def __init__(self, send):
        self.send = send
        self.trainers = []
        self.collectors = []
        self.t0 = time.perf_counter()
        self.last = 0.0
        self.lr_seq = 0

    def maybe_emit(self) -> None:
        now = time.perf_counter()
        if now - self.last >= EMIT_INTERVAL_S:
            self.last = now
            self.emit()

    def emit(self, final: bool = False) -> None:
        runs = [c.take(t) for c, t in zip(self.collectors, self.trainers)]
        self.send(("progress", Progress(runs, time.perf_counter() - self.t0, final)))
