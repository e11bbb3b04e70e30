"""How long an autosave of a 10-M-parameter network keeps the window from answering.

The window's event loop runs a 5 ms timer; the longest gap between its ticks while an autosave is
written is the time the window stood still. Paired rounds: the write on the GUI thread (as it was:
``core.autosave.write`` called from the timer's slot) and through ``gui.common.autosave.Autosaver``
(the write in a thread of its own).

    python -m bench.autosave_block --rounds 5     # one JSON line: the longest stall of each, median
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5


def _network():
    from core.build import build
    from core.spec import LayerSpec, NetworkSpec
    spec = NetworkSpec((1000,), [LayerSpec.make("Linear", out_features=3000), LayerSpec.make("ReLU"),
                                 LayerSpec.make("Linear", out_features=2300)])
    weights = {k: v.detach().clone() for k, v in build(spec).state_dict().items()}
    return spec, weights


def _longest_stall(app, start_write, done) -> tuple[float, float]:
    """(longest gap between 5 ms ticks in ms, seconds until the write was on disk)."""
    from PySide6.QtCore import QTimer
    ticks = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 0.1:      # the loop runs before the write starts
        app.processEvents()
    t_write = time.perf_counter()
    start_write()
    while not done():
        app.processEvents()
    took = time.perf_counter() - t_write
    end = time.perf_counter()
    while time.perf_counter() - end < 0.05:
        app.processEvents()
    timer.stop()
    ticks = [t for t in ticks if t >= t_write - 0.02]
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    return 1000 * max(gaps, default=took), took


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from core import autosave
    from gui.common.autosave import Autosaver
    from gui.editor.document import NetworkDocument
    app = QApplication.instance() or QApplication([])
    spec, weights = _network()
    params = sum(w.numel() for w in weights.values())
    doc = NetworkDocument(spec)
    doc.set_weights(weights)
    inline, threaded, write_s = [], [], []
    with tempfile.TemporaryDirectory() as root:
        saver = Autosaver(doc, root, interval_ms=3_600_000)
        folder = os.path.join(root, "inline")
        for k in range(args.rounds):
            state = {"done": False}

            def write_inline():
                def run():
                    autosave.write(folder, doc.snapshot(), doc.path())
                    state["done"] = True
                QTimer.singleShot(0, run)          # in a slot, as the old Autosaver did
            stall, took = _longest_stall(app, write_inline, lambda: state["done"])
            inline.append(stall)
            write_s.append(took)
            doc.set_training_settings({"epochs": k + 1})     # something unsaved to autosave
            stall, _ = _longest_stall(app, saver.autosave_now,
                                      lambda: saver._writer is None or not saver._writer.is_alive())
            threaded.append(stall)
        saver.finish()
    assert doc.snapshot().weights is not None
    result = {"bench": "autosave_block", "params": params, "rounds": args.rounds,
              "write_s_median": round(statistics.median(write_s), 3),
              "gui_thread_longest_stall_ms": {"median": round(statistics.median(inline), 1),
                                              "min": round(min(inline), 1), "max": round(max(inline), 1)},
              "writer_thread_longest_stall_ms": {"median": round(statistics.median(threaded), 1),
                                                 "min": round(min(threaded), 1), "max": round(max(threaded), 1)},
              "load": os.getloadavg()[0]}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
