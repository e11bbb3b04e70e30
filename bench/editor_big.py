"""The editor with a big network: painting costs what is in view, not the network's size.

The real EditorPage (offscreen, 1280×800) on networks of N layers and blocks (Linear, ReLU,
Residual[Linear, Tanh] repeated), N = 100 (the baseline), 1,000 (the file cap) and 10,000 (what
the issue names; larger than a file may hold, set in code). Per size, in paired rounds:
- ``paint``: one rendering of the canvas's visible area after scrolling to the middle;
- ``open``: ``document.reset`` of the network until the event loop is idle (layout, analysis,
  summary, code written once);
- ``edit``: one parameter change (an undo command) until idle; undone between rounds.
Reported: medians in ms, and ratios to the 100-node network measured in the same run.

    python -m bench.editor_big      # one JSON line; goal: paint_ratio_10000 close to 1
"""
from __future__ import annotations

import json
import os
import statistics
import time

SIZES = (100, 1000, 10_000)
ROUNDS = 5
PAINTS = 5  # paints per round


def network(n: int):
    from core.spec import RESIDUAL, BlockSpec, LayerSpec, NetworkSpec
    L = LayerSpec.make
    layers = []
    for _ in range(n // 5):
        layers += [L("Linear", out_features=8), L("ReLU"),
                   BlockSpec.make(RESIDUAL, [L("Linear", out_features=8), L("Tanh")])]
    return NetworkSpec((8,), layers)


def _idle(app) -> None:
    for _ in range(3):
        app.processEvents()


def main() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gui.editor.document import NetworkDocument
    from gui.editor.page import EditorPage

    app = QApplication.instance() or QApplication([])
    doc = NetworkDocument()
    page = EditorPage(doc)
    page.resize(1280, 800)
    page.show()
    _idle(app)
    specs = {n: network(n) for n in SIZES}
    times: dict[str, dict[int, list[float]]] = {k: {n: [] for n in SIZES} for k in ("paint", "open", "edit")}
    for _ in range(ROUNDS):
        for n in SIZES:  # paired: every size once per round
            t0 = time.perf_counter()
            doc.reset(specs[n])
            _idle(app)
            times["open"][n].append((time.perf_counter() - t0) * 1000)
            bar = page.scroll.verticalScrollBar()
            bar.setValue(bar.maximum() // 2)
            _idle(app)
            canvas = page.canvas
            visible = canvas.visibleRegion().boundingRect()
            canvas.grab(visible)  # the first paint after a change also names the modules (once per change)
            for _ in range(PAINTS):
                t0 = time.perf_counter()
                canvas.grab(visible)  # renders the rows in view, as a repaint of the window does
                times["paint"][n].append((time.perf_counter() - t0) * 1000)
            layer = doc.layer(len(doc.view().layers) // 2)
            t0 = time.perf_counter()
            doc.set_param(layer.id, "out_features", 9)
            _idle(app)
            times["edit"][n].append((time.perf_counter() - t0) * 1000)
            doc.undo_stack.undo()
            _idle(app)
    out: dict = {"rows_10000": page.canvas.row_count()}
    for kind, per in times.items():
        for n in SIZES:
            out[f"{kind}_ms_{n}"] = round(statistics.median(per[n]), 2)
            out[f"{kind}_spread_ms_{n}"] = round(max(per[n]) - min(per[n]), 2)
        for n in SIZES[1:]:
            out[f"{kind}_ratio_{n}"] = round(statistics.median(per[n]) / statistics.median(per[SIZES[0]]), 2)
    page.close()
    return out


if __name__ == "__main__":
    print(json.dumps(main()))
