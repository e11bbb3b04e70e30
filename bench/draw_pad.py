"""Draw pad latency: from a mouse move on the canvas to the new probabilities painted.

The real DrawPad (offscreen, 1000×640, its tab visible) with the LeNet-style template for 8×8
digits and the small CNN for 28×28. Each sample: one mouse-move event sent to the canvas (a
stroke segment), then the event loop runs until the pad has predicted and repainted (the bars,
the network's view and the feature maps). Reported: median and 90th percentile in ms.

    python -m bench.draw_pad       # one JSON line; goal: median <= 20 ms
"""
from __future__ import annotations

import json
import math
import os
import statistics
import time

SAMPLES = 200


def measure(app, board, model, shape, names) -> list[float]:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    pad = board.draw_pad
    pad.set_model(model, shape, names)
    canvas = pad.canvas
    canvas.clear()
    app.processEvents()
    w, h = canvas.width(), canvas.height()

    def send(kind, x, y, buttons):
        pos = QPointF(x, y)
        ev = QMouseEvent(kind, pos, canvas.mapToGlobal(pos), Qt.LeftButton, buttons, Qt.NoModifier)
        app.sendEvent(canvas, ev)

    send(QEvent.MouseButtonPress, w * 0.5, h * 0.2, Qt.LeftButton)
    app.processEvents()
    out = []
    for i in range(SAMPLES):
        t = i / SAMPLES * 4 * math.pi        # a loop-de-loop across the pad
        x, y = w * (0.5 + 0.3 * math.sin(t)), h * (0.5 + 0.3 * math.sin(t / 2))
        n = len(pad.latencies)
        t0 = time.perf_counter()
        send(QEvent.MouseMove, x, y, Qt.LeftButton)
        while len(pad.latencies) == n:       # until the pad predicted...
            app.processEvents()
        app.processEvents()                  # ...and the repaints it asked for are done
        out.append((time.perf_counter() - t0) * 1000)
    send(QEvent.MouseButtonRelease, x, y, Qt.NoButton)
    return out


def main() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import torch
    from PySide6.QtWidgets import QApplication

    from core.build import build
    from core.templates import TEMPLATES
    from gui.images.board import ImageBoard

    torch.set_num_threads(1)
    app = QApplication.instance() or QApplication([])
    board = ImageBoard()
    board.resize(1000, 640)
    board.show()
    board.tabs.setCurrentWidget(board.draw_pad)
    app.processEvents()
    names = [str(d) for d in range(10)]
    result = {"bench": "draw_pad", "goal": "median <= 20 ms", "samples": SAMPLES}
    for key, shape in (("lenet_digits", (1, 8, 8)), ("cnn_28", (1, 28, 28))):
        torch.manual_seed(0)
        ms = measure(app, board, build(TEMPLATES[key].make()).eval(), shape, names)
        q = statistics.quantiles(ms, n=10)
        result[key] = {"median_ms": round(statistics.median(ms), 2), "p90_ms": round(q[8], 2),
                       "max_ms": round(max(ms), 2)}
    result["median_ms"] = result["lenet_digits"]["median_ms"]
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
