"""Start / Pause / Step / Stop / Reset, a progress bar and a status line, bound to a RunController.

The page decides what Start and Reset mean (which job, what to forget); pause, single step and
stop go straight to the controller. The status line reads steps/s, elapsed and remaining time
(pauses left out); while paused it says so and gives no remaining time, nor once the run ends.
"""
from __future__ import annotations

import time

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from gui.run.controller import Pace, RunController, clock

STATUS_S = 0.25    # progress bar and status text: 4 times a second


class RunControls(QWidget):
    start_requested = Signal(bool)       # single_step: start paused and run one batch
    reset_requested = Signal()

    def __init__(self, controller: RunController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.start_button = QPushButton(self.tr("▶ Start"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.step_button = QPushButton(self.tr("Step (1 batch)"))
        self.stop_button = QPushButton(self.tr("■ Stop"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.start_button.setToolTip(self.tr("Train; after Stop, continues from the trained weights"))
        self.reset_button.setToolTip(self.tr("Forget the trained weights and clear the plots"))
        self.buttons = QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.step_button, self.stop_button, self.reset_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        self.progress = QProgressBar()
        self.status = QLabel()
        # changing text must not re-lay out the page 30 times a second
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.buttons)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        self.pace = Pace()
        self._last_status = 0.0
        self._pending = None
        self.clear()

        self.start_button.clicked.connect(lambda: self.start_requested.emit(False))
        self.pause_button.clicked.connect(controller.toggle_pause)
        self.step_button.clicked.connect(self._step)
        self.stop_button.clicked.connect(controller.stop)
        self.reset_button.clicked.connect(self.reset_requested)
        controller.state_changed.connect(self.update_buttons)
        controller.state_changed.connect(self._refresh_status)
        self.update_buttons()

    def clear(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.status.setText("")
        self._pending = None
        self._shown = None            # (lead RunBatch, elapsed s, final) behind the status line
        self._latest = {}             # run index -> its latest RunBatch (ends stay visible)

    def run_started(self, start_step: int) -> None:
        self.pace.reset(start_step)
        self._pending = self._shown = None
        self._latest = {}

    def step(self) -> int:
        """The lead run's step as last reported (0 before any report)."""
        return max((b.step for b in self._latest.values()), default=0)

    @Slot()
    def _step(self) -> None:
        if self.controller.is_running():
            self.controller.step_once()
        else:
            self.start_requested.emit(True)

    @Slot()
    def update_buttons(self) -> None:
        running = self.controller.is_running()
        paused = self.controller.is_paused()
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.step_button.setEnabled(not running or paused)
        self.stop_button.setEnabled(running)
        self.reset_button.setEnabled(not running)

    # --- progress ---------------------------------------------------------------------------------
    def show_progress(self, progress, force: bool = False) -> None:
        """The lead run's step, rate and remaining time; at most 4 times a second unless forced."""
        self._latest.update(progress.runs)
        now = time.perf_counter()
        if not force and not progress.final and now - self._last_status < STATUS_S:
            self._pending = progress
            return
        self._last_status = now
        self._pending = None
        lead = max(self._latest.values(), key=lambda b: b.step, default=None)
        if lead is None:
            return
        step, total = lead.step, max(lead.total_steps, 1)
        self.progress.setFormat(self.tr("step %v of %m"))
        self.progress.setRange(0, total)
        done = any(b.end is not None and b.end.reason in ("done", "target") for b in self._latest.values())
        self.progress.setValue(total if done else min(step, total))     # an early target is 100 %, not 55 %
        paused = self.controller.is_paused() and not progress.final
        self.pace.update(step, lead.seconds, paused, progress.final)
        self._shown = (lead, progress.elapsed, progress.final)
        self._write_status()

    def _write_status(self) -> None:
        """Rate and elapsed time; the remaining time only while the run trains (not once it has
        ended, nor while paused: a paused run's estimate would stand still or mislead)."""
        if self._shown is None:
            return
        lead, elapsed, final = self._shown
        live = self.controller.is_running() and not final
        paused = live and self.controller.is_paused()
        text = self.tr("{0} steps/s · elapsed {1}").format(f"{self.pace.rate:,.0f}", clock(elapsed))
        if live and not paused:
            text += " · " + self.tr("remaining {0}").format(clock(self.pace.remaining(lead.step, lead.total_steps)))
        if lead.steps_per_epoch:
            text += " · " + self.tr("epoch {0}").format(lead.epoch)
        if paused:
            text += " · " + self.tr("paused")
        self.status.setText(text)

    @Slot()
    def flush(self) -> None:
        """Show a progress held back by the 4-a-second limit (the page's frame timer calls this)."""
        if self._pending is not None:
            self.show_progress(self._pending, force=True)

    @Slot()
    def _refresh_status(self) -> None:
        """Paused, resumed or ended: the same figures, with or without the remaining time."""
        self._write_status()
