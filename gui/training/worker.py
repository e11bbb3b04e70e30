"""The training worker: a QObject in a QThread that relays a training process's progress.

The training itself runs in a child process (core.training.remote explains why); this worker
sends it the job and turns each message into a Qt signal. The process already coalesces
progress to ≤ ~30 messages a second, so the GUI thread redraws at most that often.
Pause / step / stop / learning rate go through the server's shared control flags, which the
GUI thread sets directly: no message needs to wait for this worker.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from core.training.remote import Job, JobResult, TrainingServer

_server: TrainingServer | None = None
_server_lock = threading.Lock()     # the GUI thread and a worker thread may both ask for it
_busy = False      # one run at a time uses the process (the app has one training page)


def busy() -> bool:
    return _busy


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


class TrainingWorker(QObject):
    progress = Signal(object)     # core.training.remote.Progress
    failed = Signal(str)
    finished = Signal()

    def __init__(self, job: Job):
        super().__init__()
        self.job = job
        self.result: JobResult | None = None

    @Slot()
    def run(self) -> None:
        global _busy
        _busy = True
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
                    self.result = msg[1]
                    break
                elif msg[0] == "failed":
                    self.failed.emit(msg[1])
                    break
        except (OSError, EOFError) as e:  # the pipe broke: the process died mid-run
            self.failed.emit(self.tr("The training process ended unexpectedly ({0}).").format(
                str(e) or type(e).__name__))
            close_server()
        finally:
            _busy = False
            self.finished.emit()
