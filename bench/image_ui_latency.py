"""The window while a CNN trains with its feature maps live: event-loop lateness and memory.

The real Training page (offscreen, 1280×760) trains the LeNet-style template on scikit-learn's
digits in the training process, with the "Feature maps and filters" tab shown, so every
pictures message (twice a second) redraws every conv layer's maps and the filters. A 10 ms
precise QTimer records how late each tick arrives (``bench.ui_latency``'s measure). The window's
RSS (this process, /proc/self/statm) is read after the first ``WARM_S`` seconds and at the end.

    python -m bench.image_ui_latency                  # ~6 s: goal p99 <= 33 ms
    python -m bench.image_ui_latency --seconds 600    # the 10-minute memory soak: goal growth < 10 %
"""
from __future__ import annotations

import argparse
import json
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WARM_S = 5.0


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv=None) -> dict:
    args = argparse.ArgumentParser()
    args.add_argument("--seconds", type=float, default=6.0)
    opts = args.parse_args(argv)

    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    import bench.ui_latency as U
    from bench._training_app import warm_up_server
    from core.templates import TEMPLATES
    from core.training.config import TrainConfig
    from gui.editor.document import NetworkDocument
    from gui.training.page import TrainingPage

    doc = NetworkDocument(TEMPLATES["lenet_digits"].make())
    doc.set_training_settings(TrainConfig(dataset="digits", epochs=1_000_000, batch_size=32, lr=3e-3,
                                          threads=1).to_dict())
    page = TrainingPage(doc)
    page.resize(1280, 760)
    page.show()
    board = page.board
    board.setCurrentIndex([board.tabText(i) for i in range(board.count())].index("Feature maps and filters"))
    app.processEvents()
    warm_up_server()

    memory = {}

    def on_progress(_):
        now = time.perf_counter()
        if "t0" not in memory:
            memory["t0"] = now
        elif "warm_mb" not in memory and now - memory["t0"] >= WARM_S:
            memory["warm_mb"] = rss_mb()
    page.controller.progress.connect(on_progress)
    latency = U.measure(page, page.start, page.stop, seconds=opts.seconds)
    end_mb = rss_mb()
    maps_drawn = sum(len(g.tiles) for _, g in board.feature_maps.grids)
    page.shutdown()
    warm = memory.get("warm_mb", end_mb)
    result = {"bench": "image_ui_latency", "goal": "p99 <= 33 ms; RSS growth < 10 % over 10 minutes",
              "seconds": opts.seconds, "timer_ms": U.TICK_MS, **latency,
              "rss_after_warmup_mb": round(warm, 1), "rss_end_mb": round(end_mb, 1),
              "rss_growth_pct": round(100 * (end_mb - warm) / warm, 2),
              "feature_map_tiles_drawn": maps_drawn, "model": "lenet_digits", "data": "sklearn digits"}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
