"""A panel's status line that follows training progress without re-laying out the panel 10 times a second."""
from __future__ import annotations

import time

STATUS_S = 0.25     # the status line changes at most 4 times a second: each change re-lays out the panel


class StatusPace:
    """Lets a panel's status text change at most every STATUS_S (progress arrives ~10 times a second)."""

    _last_status = 0.0

    def _status_due(self, force: bool = False) -> bool:
        now = time.perf_counter()
        if force or now - self._last_status >= STATUS_S:
            self._last_status = now
            return True
        return False
