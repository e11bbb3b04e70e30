"""The Addition panel's "Start training" against the same run in a bare process, paired rounds.

Window: the real AdditionPage (offscreen), default options (stop at 99 % exact match), timed from
the click to the end of the run, so the training process's job start and the panel's drawing
are included. Baseline: the same RunSpec through the engine in this process, nothing drawn.
Each pair runs both; the result is the median of the per-pair ratios window / baseline.

    python -m bench.addition_panel            # one JSON line; goal: ratio <= 1.2
"""
from __future__ import annotations

import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAIRS = 3


def baseline(spec) -> tuple[float, bool]:
    from core.training.devices import apply_threads

    apply_threads(1)
    t0 = time.perf_counter()
    end = spec.engine().run()
    return time.perf_counter() - t0, end.reason == "target"


def window(app, page) -> tuple[float, bool]:
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    page.controller.finished.connect(loop.quit)
    t0 = time.perf_counter()
    page.train_panel.start_button.click()
    loop.exec()
    seconds = time.perf_counter() - t0
    page.controller.finished.disconnect(loop.quit)
    return seconds, page.controller.result.ends[0].reason == "target"


def main() -> dict:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gui.addition.page import AdditionPage
    from gui.run.controller import server

    page = AdditionPage()
    page.resize(1280, 760)
    page.show()
    app.processEvents()
    server().start()                          # the process is started when the app shows the page
    spec = page.train_panel.config()
    ours, base, reached = [], [], []
    for _ in range(PAIRS):
        b, rb = baseline(spec)
        w, rw = window(app, page)
        base.append(b)
        ours.append(w)
        reached.append(rb and rw)
    page.shutdown()
    ratios = sorted(w / b for w, b in zip(ours, base))
    result = {"bench": "addition_panel", "ratio": round(statistics.median(ratios), 3), "goal": "<= 1.2",
              "ratio_min": round(ratios[0], 3), "ratio_max": round(ratios[-1], 3),
              "window_seconds": [round(v, 1) for v in ours], "baseline_seconds": [round(v, 1) for v in base],
              "all_reached_99": all(reached), "pairs": PAIRS}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
