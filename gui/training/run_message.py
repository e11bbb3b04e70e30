"""The training page's message line, and what it knows of the job it reports on.

The page says what it has to say here (``say``: errors in red, warnings in orange). While a job
runs the line says that it trains, or where it is paused; as each run ends it says how it ended,
its final figures and any failure that made no noise (``core.training.verdict``, which reads the
first loss, the final metrics and the board's latest activity and gradient plots).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel

from core.training import verdict
from gui.common import theme


class RunMessage(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.failed = False                  # a run of the last job failed: its weights are not kept
        self.ends: list = []                 # per run of the last job: its EndEvent (final metrics)
        self._first_loss: list = []          # per run: the loss of its first step in this job
        self._end_texts: list[str] = []      # per run: its end message
        self._running_text = ""              # the message while a run goes on (paused: another)

    def say(self, text: str, error: bool = False, warn: bool = False) -> None:
        self.setText(text)
        self.setProperty("error", error)
        self.setProperty("warning", warn)
        self.setStyleSheet(f"color: {theme.ERROR if error else theme.WARN if warn else theme.OK};")

    def job_started(self, runs: int, device: str) -> None:
        """A job of ``runs`` runs starts training on ``device``: nothing of the last job holds."""
        self.failed = False
        self.ends = [None] * runs
        self._first_loss = [None] * runs
        self._end_texts = [""] * runs
        self._running_text = self.tr("Training on {0}…").format(device.upper())
        self.say(self._running_text)

    def add(self, progress, labels: list[str], board) -> None:
        """The runs' news (after ``board`` took it): each run's first loss, and its end when it came."""
        for i, batch in progress.runs.items():
            if i < len(self._first_loss) and self._first_loss[i] is None and len(batch.losses):
                self._first_loss[i] = float(batch.losses[0])
            if batch.end is not None:
                self._run_ended(i, batch.end, labels, board)

    def _run_ended(self, index: int, end, labels: list[str], board) -> None:
        """The end message: how it ended, the final figures, and any failure that made no noise."""
        prefix = f"{labels[index]}: " if len(labels) > 1 else ""
        if index < len(self.ends):
            self.ends[index] = end
        if end.reason in ("nan", "error"):
            self.failed = True
            self.say(prefix + end.message, error=True)
            return
        if self.failed:
            return
        text = prefix + end.message
        figures = verdict.summary(end.metrics)
        if figures:
            text += " " + figures
        first = self._first_loss[index] if index < len(self._first_loss) else None
        probe = board.activity.runs[index]["probe"] if index < len(board.activity.runs) else None
        problems = verdict.warnings(first, end.metrics, probe, board.grad_bars.latest(index))
        if problems:
            text += "\n⚠ " + "\n⚠ ".join(problems)
        if index < len(self._end_texts):
            self._end_texts[index] = text
        self.say("\n".join(t for t in self._end_texts if t) or text, warn=any(
            "⚠" in t for t in self._end_texts))

    @Slot(str)
    def job_failed(self, text: str) -> None:
        self.failed = True
        self.say(self.tr("Training failed: {0}").format(text), error=True)

    def show_run_state(self, paused_at: int | None) -> None:
        """While a run goes on: that it trains, or (``paused_at`` a step) that it waits there."""
        if self.property("error"):
            return
        if paused_at is not None:
            self.say(self.tr("Paused at step {0}: Resume to go on, or Step for one batch.").format(
                f"{paused_at:,}"))
        elif self._running_text:
            self.say(self._running_text)
