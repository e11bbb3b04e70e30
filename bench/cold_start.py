"""Cold start: how soon something is on screen, and how soon the whole window is.

Each round runs, in fresh interpreters, the baseline ``import torch, PySide6.QtWidgets, pyqtgraph``
and then ``main.py --startup-trace`` (offscreen), which records when the splash was painted
(first pixels, before torch is imported) and when the window was shown and painted. Both are
divided by that round's baseline (paired rounds: the machine's load hits both alike).

    python -m bench.cold_start [--rounds 5]    # one JSON line; goals: first pixels <= 0.3x, window <= 1.3x
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "import torch, PySide6.QtWidgets, pyqtgraph"


def _env(home: str) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home, "XDG_CONFIG_HOME": home,
            "XDG_DATA_HOME": home, "XDG_CACHE_HOME": home}


def baseline(env: dict) -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", BASELINE], cwd=ROOT, env=env, check=True)
    return time.monotonic() - start


def app(env: dict, trace: Path) -> tuple[float, float]:
    trace.unlink(missing_ok=True)
    start = time.monotonic()
    subprocess.run([sys.executable, "main.py", "--startup-trace", str(trace)], cwd=ROOT, env=env, check=True,
                   stderr=subprocess.DEVNULL)
    events = dict(line.split() for line in trace.read_text(encoding="utf-8").splitlines())
    return float(events["first_pixels"]) - start, float(events["window"]) - start


def _summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        env = _env(home)
        trace = Path(home) / "trace.txt"
        baseline(env)  # warm the file cache once, for both sides
        app(env, trace)
        base, first, full = [], [], []
        for i in range(args.rounds):
            pair = [("base", lambda: baseline(env)), ("app", lambda: app(env, trace))]
            if i % 2:
                pair.reverse()  # alternate the order within the pair
            got = {name: run() for name, run in pair}
            base.append(got["base"])
            first.append(got["app"][0])
            full.append(got["app"][1])
    result = {
        "bench": "cold_start", "rounds": args.rounds, "baseline": BASELINE,
        "baseline_s": _summary(base), "first_pixels_s": _summary(first), "window_s": _summary(full),
        "first_pixels_ratio": _summary([f / b for f, b in zip(first, base)]),
        "window_ratio": _summary([w / b for w, b in zip(full, base)]),
        "goal": "first_pixels_ratio <= 0.3, window_ratio <= 1.3",
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
