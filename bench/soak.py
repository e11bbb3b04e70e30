"""Soak: the Training page live at full speed for N minutes; does the window's memory stay bounded?

The real TrainingPage (offscreen, plots redrawing) trains the classifier template without end;
every 10 s the resident memory (RSS) of this process (the window) and of the training process is
sampled. Growth is measured from the first sample after a warm-up minute (imports, first
allocations) to the end, and as a slope (least squares over the samples, KB/s).

    python -m bench.soak --minutes 60          # one JSON line; goal: window growth < 5 % over 60 min
    python -m bench.soak --minutes 60 --max-points 20000   # the same with bounded plot curves
"""
from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np

from bench._training_app import make_page, warm_up_server

SAMPLE_S = 10.0


def rss_kb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory of ``pid`` in KB (Linux /proc); ``field`` "RssAnon" is the heap's part alone,
    "RssFile" the mapped files' (libraries, fonts), which the kernel pages in and out as it likes."""
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return float(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def _growth(t: list[float], kb: list[float]) -> dict:
    a, b = np.array(t), np.array(kb)
    slope = float(np.polyfit(a, b, 1)[0]) if len(a) >= 2 else 0.0
    return {"start_mb": round(b[0] / 1024, 1), "end_mb": round(b[-1] / 1024, 1), "max_mb": round(b.max() / 1024, 1),
            "growth_pct": round(100 * (b[-1] - b[0]) / b[0], 2), "slope_kb_s": round(slope, 2)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=60.0, help="seconds before the first counted sample")
    parser.add_argument("--max-points", type=int, default=0,
                        help="try the training curves bounded at N points (curves.MAX_POINTS; 0: as shipped)")
    args = parser.parse_args(argv)
    if args.max_points:
        from gui.training import curves
        curves.MAX_POINTS = args.max_points    # each curve's Series(max_points=curves.MAX_POINTS)
    from PySide6.QtCore import QEventLoop, QTimer

    from gui.run.controller import server

    app, page, _, _ = make_page(epochs=10_000_000)  # runs until stopped
    warm_up_server()
    start = time.monotonic()
    end = start + args.warmup + 60 * args.minutes
    samples: dict[str, list] = {"t": [], "window": [], "training": [], "window_anon": [], "window_file": []}

    def sample():
        now = time.monotonic()
        if now - start >= args.warmup:
            proc = server()._proc
            samples["t"].append(now - start)
            samples["window"].append(rss_kb(os.getpid()))
            samples["window_anon"].append(rss_kb(os.getpid(), "RssAnon"))
            samples["window_file"].append(rss_kb(os.getpid(), "RssFile"))
            samples["training"].append(rss_kb(proc.pid) if proc is not None and proc.is_alive() else float("nan"))
        if now >= end:
            page.stop()

    seen = {"steps": 0}

    def news(progress):
        seen["steps"] = max([seen["steps"]] + [b.step for b in progress.runs.values()])

    page.controller.progress.connect(news)
    timer = QTimer()
    timer.setInterval(int(SAMPLE_S * 1000))
    timer.timeout.connect(sample)
    loop = QEventLoop()
    page.controller.finished.connect(loop.quit)
    page.start()
    timer.start()
    loop.exec()
    timer.stop()
    steps = seen["steps"]
    page.shutdown()
    result = {"bench": "soak", "minutes": args.minutes, "warmup_s": args.warmup, "samples": len(samples["t"]),
              "max_points": args.max_points or None,
              "training_steps": int(steps), "window": _growth(samples["t"], samples["window"]),
              "window_anon": _growth(samples["t"], samples["window_anon"]),
              "window_file": _growth(samples["t"], samples["window_file"]),
              "training_process": _growth(samples["t"], samples["training"]),
              "goal": "window growth < 5 % over 60 minutes"}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
