"""The one run controller: start, pause, resume, single step, stop, learning rate, progress.

Every page that trains (the Training page, the Addition panel) owns a ``RunController`` and
hands it a ``core.engine.process.Job``. The job runs in the app's one training process
(``core/engine/process.py`` explains why not in this process); a relay QObject in a QThread
forwards the process's coalesced progress (≤ ~10 messages a second) as Qt signals.

    controller.start(job)                 # False (with ``busy_text()``) if another page is training
    controller.pause() / resume() / step_once() / stop() / set_lr(lr) / set_task_options(dict)
    controller.progress -> Progress, controller.failed -> str, controller.finished -> JobResult | None

Pause, step, stop and the learning rate are shared-memory flags the process reads before every
batch, so they act within one batch and never wait for the relay thread.
"""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.engine.process import Job, JobResult, TrainingServer

_server: TrainingServer | None = None
_server_lock = threading.Lock()      # the GUI thread and a relay thread may both ask for it
_owner: "RunController | None" = None   # the controller whose job uses the process now


def server() -> TrainingServer:
    """The app's one training process, spawned on first use and reused (it takes ~1 s to start)."""
    global _server
    with _server_lock:
        if _server is None:
            _server = TrainingServer()
        return _server


def close_server() -> None:
    """End the training process (the app also ends it on exit: it is a daemon)."""
    global _server
    with _server_lock:
        srv, _server = _server, None
    if srv is not None:
        srv.close()


class _Relay(QObject):
    """Lives in the relay thread: sends the job, then turns each message into a signal."""

    progress = Signal(object)
    failed = Signal(str)
    done = Signal(object)            # JobResult, or None when the job failed

    def __init__(self, job: Job):
        super().__init__()
        self.job = job

    @Slot()
    def run(self) -> None:
        result = None
        srv = server()
        try:
            srv.send_job(self.job)
            while True:
                if not srv.poll(0.1):
                    if not srv.alive():
                        self.failed.emit(self.tr("The training process ended unexpectedly."))
                        close_server()
                        break
                    continue
                msg = srv.recv()
                if msg[0] == "progress":
                    self.progress.emit(msg[1])
                elif msg[0] == "end":
                    result = msg[1]
                    break
                elif msg[0] == "failed":
                    self.failed.emit(msg[1])
                    break
        except (OSError, EOFError) as e:  # the pipe broke: the process died mid-run
            self.failed.emit(self.tr("The training process ended unexpectedly ({0}).").format(
                str(e) or type(e).__name__))
            close_server()
        finally:
            self.done.emit(result)


class Pace:
    """Steps per second and time remaining, with pauses left out (they are not training time)."""

    def __init__(self):
        self.reset(0)

    def reset(self, start_step: int) -> None:
        self.start_step = start_step
        self.rate = 0.0
        self._point: tuple[float, int] | None = None

    def update(self, step: int, seconds: float, paused: bool, final: bool = False) -> float:
        """Feed the latest step and training seconds; returns steps per second."""
        now = time.perf_counter()
        if paused:
            self._point = None          # a single step every few seconds would read "400 hours left"
        elif self._point is None:
            self._point = (now, step)
        elif now - self._point[0] >= 0.5:       # smooth over half a second
            t0, s0 = self._point
            self.rate = (step - s0) / (now - t0)
            self._point = (now, step)
        if (self.rate <= 0 and not paused or final) and seconds > 0:
            self.rate = (step - self.start_step) / seconds     # the run's average
        return self.rate

    def remaining(self, step: int, total: int) -> float:
        return (total - step) / self.rate if self.rate > 0 and total else float("nan")


def clock(seconds: float) -> str:
    """m:ss or h:mm:ss; '–' for an unknown time."""
    if seconds != seconds:
        return "–"
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class RunController(QObject):
    progress = Signal(object)        # core.engine.process.Progress
    failed = Signal(str)
    finished = Signal(object)        # JobResult, or None after a failure
    state_changed = Signal()         # started, paused, resumed, finished

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread: QThread | None = None
        self._relay: _Relay | None = None
        self.result: JobResult | None = None

    # --- state ----------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._thread is not None

    def is_paused(self) -> bool:
        return self.is_running() and server().control.paused

    @staticmethod
    def busy() -> bool:
        """Another controller's job uses the training process."""
        return _owner is not None

    # --- commands --------------------------------------------------------------------------------
    def start(self, job: Job, single_step: bool = False, task_options: dict | None = None) -> bool:
        """``task_options``: as ``set_task_options``, applied before the first batch."""
        global _owner
        if self.is_running() or _owner is not None:
            return False
        _owner = self
        control = server().control
        control.reset()
        if task_options:
            control.post_options(task_options)
        if single_step:                      # paused before the first batch, then one batch
            control.pause()
            control.step_once()
        self.result = None
        thread = QThread(self)
        relay = _Relay(job)
        relay.moveToThread(thread)
        thread.started.connect(relay.run)
        relay.progress.connect(self._on_progress)
        relay.failed.connect(self._on_failed)
        relay.done.connect(self._on_done)
        relay.done.connect(thread.quit)
        self._thread, self._relay = thread, relay
        thread.start()
        self.state_changed.emit()
        return True

    def pause(self) -> None:
        if self.is_running():
            server().control.pause()
            self.state_changed.emit()

    def resume(self) -> None:
        if self.is_running():
            server().control.resume()
            self.state_changed.emit()

    def toggle_pause(self) -> None:
        self.resume() if self.is_paused() else self.pause()

    def step_once(self) -> None:
        """While running: pause (if needed) and let one batch through."""
        if self.is_running():
            control = server().control
            if not control.paused:
                control.pause()
            control.step_once()
            self.state_changed.emit()

    def stop(self) -> None:
        if self.is_running():
            server().control.stop()

    def set_lr(self, lr: float) -> None:
        """Applied before the next batch (also while paused: the next single step uses it)."""
        if self.is_running():
            server().control.set_lr(lr)

    def set_task_options(self, options: dict) -> None:
        """Hand the running task's ``set_options`` plain data (a prompt...) before the next batch."""
        if self.is_running():
            server().control.post_options(options)

    def shutdown(self) -> None:
        """Stop the run and join the relay thread (on closing the window)."""
        thread = self._thread
        if thread is None:
            return
        server().control.stop()              # the process ends the run within one batch
        thread.quit()
        if not thread.wait(3000):
            close_server()                   # stuck in a huge step: end the process itself
            thread.wait(3000)
        self._release()

    # --- from the relay (queued into the GUI thread) -----------------------------------------
    @Slot(object)
    def _on_progress(self, progress) -> None:
        self.progress.emit(progress)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self.failed.emit(text)

    @Slot(object)
    def _on_done(self, result) -> None:
        thread = self._thread
        if thread is not None:
            thread.quit()
            thread.wait(5000)
        self._release()
        self.result = result
        self.state_changed.emit()
        self.finished.emit(result)

    def _release(self) -> None:
        """Forget the finished run's thread and relay, and delete them (neither outlives its run)."""
        global _owner
        for obj in (self._relay, self._thread):
            if obj is not None:
                obj.deleteLater()
        self._thread = self._relay = None
        if _owner is self:
            _owner = None
