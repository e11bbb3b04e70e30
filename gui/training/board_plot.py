"""The board's plot interface for views of a run's pictures (see gui/training/board.py).

``add`` only keeps the latest news of the first run; ``redraw`` (called by the board, at most a
few times a second) hands it to the view's ``update_pictures`` / ``update_metrics``.
"""
from __future__ import annotations


class PicturesPlot:
    """Mixin for a QWidget with ``update_pictures(pictures, step)``, ``clear()`` and optionally
    ``update_metrics(metrics)``."""

    dirty = False
    _pending = None             # (pictures, step) not drawn yet
    _pending_metrics = None

    def set_runs(self, labels: list[str]) -> None:
        self._pending = self._pending_metrics = None
        self.dirty = False
        self.clear()

    def add(self, run: int, batch) -> None:
        if run != 0:            # compare mode: the first run's samples (two histories would not fit)
            return
        if batch.pictures is not None:
            self._pending = (batch.pictures.pictures, batch.pictures.step)
            self.dirty = True
        if batch.evals:
            self._pending_metrics = batch.evals[-1].metrics
            self.dirty = True

    def redraw(self) -> None:
        if self._pending is not None:
            pictures, step = self._pending
            self._pending = None
            self.update_pictures(pictures, step)
        if self._pending_metrics is not None and hasattr(self, "update_metrics"):
            metrics, self._pending_metrics = self._pending_metrics, None
            self.update_metrics(metrics)
