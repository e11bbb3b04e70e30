"""How late the GUI event loop runs while training goes at full speed, for each page that trains.

The real page (offscreen, its live plots drawing) trains: the Training page the classifier
template, the Addition panel its default Seq2Seq. Meanwhile a 10 ms precise QTimer records how
late each tick arrives (actual interval − 10 ms). Ticks before the first progress are ignored.

    python -m bench.ui_latency            # prints one JSON line; goal: p99 <= 33 ms for each page
"""
from __future__ import annotations

import json
import time

import numpy as np

from bench._training_app import make_page, warm_up_server

SECONDS = 6.0
TICK_MS = 10


def measure(page, start, stop) -> dict:
    """Tick lateness while ``start()``ed training runs for SECONDS, then ``stop()``."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    late: list[float] = []
    state = {"last": None, "t_start": None, "news": False}

    def news(_progress):
        state["news"] = True

    def tick():
        now = time.perf_counter()
        if state["news"]:                               # training is really running
            if state["t_start"] is None:
                state["t_start"] = now
            elif state["last"] is not None:
                late.append(max(0.0, (now - state["last"]) * 1000 - TICK_MS))
            if now - state["t_start"] >= SECONDS:
                stop()
        state["last"] = now

    timer = QTimer()
    timer.setTimerType(Qt.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    page.controller.progress.connect(news)
    page.controller.finished.connect(loop.quit)
    start()
    timer.start()
    loop.exec()
    timer.stop()
    page.controller.finished.disconnect(loop.quit)
    a = np.array(late)
    return {"ticks": int(a.size), "p50_ms": round(float(np.percentile(a, 50)), 2),
            "p99_ms": round(float(np.percentile(a, 99)), 2), "max_ms": round(float(a.max()), 2)}


def main() -> dict:
    app, page, _, _ = make_page(epochs=100_000)      # runs until stopped
    warm_up_server()
    training = measure(page, page.start, page.stop)
    page.shutdown()

    from gui.addition.page import AdditionPage
    add = AdditionPage()
    add.resize(1280, 760)
    add.show()
    app.processEvents()
    add.train_panel.steps.setValue(200_000)
    add.train_panel.early_stop.setChecked(False)
    addition = measure(add, add.start_training, add.stop)
    add.shutdown()
    result = {"bench": "ui_latency", "timer_ms": TICK_MS, "seconds": SECONDS, "goal": "p99 <= 33 ms",
              "training_page": training, "addition_panel": addition}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
