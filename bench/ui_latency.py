"""How late the GUI event loop runs while training goes at full speed, for each page that trains.

The real page (offscreen, its live plots drawing) trains: the Training page the classifier
template, the Addition panel its default Seq2Seq. Meanwhile a 10 ms precise QTimer records how
late each tick arrives (actual interval − 10 ms). Ticks before the first progress are ignored.

    python -m bench.ui_latency            # prints one JSON line; goal: p99 <= 33 ms for each page
    python -m bench.ui_latency --task text [--seconds 40]
        # the tiny GPT on Python's documentation from the Training page, its Text tab in front:
        # live samples and attention maps arrive every ~10 s (the text task's cadence), so this
        # mode measures longer (40 s: three or four of each) and counts what was drawn
"""
from __future__ import annotations

import argparse
import json
import time

import numpy as np

from bench._training_app import make_page, warm_up_server

SECONDS = 6.0
TICK_MS = 10


def measure(page, start, stop, seconds: float = SECONDS) -> dict:
    """Tick lateness while ``start()``ed training runs for ``seconds``, then ``stop()``."""
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
            if now - state["t_start"] >= seconds:
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


def text_page():
    """The Training page as a learner sets it up: the tiny GPT template fitted to Python's documentation
    (one click), the text task's settings, the Text tab in front."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from bench._training_app import THREADS
    from core.templates import TEMPLATES
    from core.training.config import TrainConfig, text_defaults
    from gui.editor.document import NetworkDocument
    from gui.training.page import TrainingPage

    doc = NetworkDocument(TEMPLATES["tiny_gpt"].make())
    doc.set_training_settings(TrainConfig(dataset="python_docs", steps=10_000_000, threads=THREADS,
                                          **text_defaults()).to_dict())
    page = TrainingPage(doc)
    page.resize(1280, 760)
    page.show()
    page.network_box.fit_network()
    page.board.show_tab("text")
    app.processEvents()
    return app, page


def text_main(seconds: float) -> dict:
    import os

    _, page = text_page()
    warm_up_server()
    drawn = {"samples": 0, "attention_maps": 0}
    view, att = page.board.text_samples, page.board.attention
    update = att.update_pictures

    def counted(pictures, step=None):        # count the attention maps the view really drew
        if pictures.get("attention"):
            drawn["attention_maps"] += 1
        update(pictures, step)

    att.update_pictures = counted
    result = measure(page, page.start, page.stop, seconds)
    drawn["samples"] = view.sample_count()
    steps = page.controls.step()
    page.shutdown()
    out = {"bench": "ui_latency", "task": "text", "timer_ms": TICK_MS, "seconds": seconds, "goal": "p99 <= 33 ms",
           "training_page_text": result, "drawn": drawn, "steps": steps,
           "load_avg": [round(x, 2) for x in os.getloadavg()]}
    print(json.dumps(out))
    return out


def main(argv=None) -> dict:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--task", choices=("all", "text"), default="all",
                      help="text: only the Training page training the tiny GPT with its Text tab in front")
    args.add_argument("--seconds", type=float, default=None)
    opts = args.parse_args(argv)
    if opts.task == "text":
        return text_main(opts.seconds or 40.0)
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
