"""Steps/s of the app's training path against a bare PyTorch loop, in the same run.

App path: the real TrainingPage (offscreen, 1280x760, Overview tab with its four live plots
redrawing), its QThread worker, the training process with events and gradient statistics.
Bare loop: the same model, data, batch size, optimiser and thread count, with nothing else:
zero_grad / forward / loss / backward / step / loss.item(). Rounds come in pairs (bare, then
app) so that load from other programs hits both alike; the result is the median of the
per-pair ratios, with their spread (min, quartiles, max), which a noisy machine moves far less
than it moves either speed alone.

    python -m bench.train_overhead            # prints one JSON line; goal: ratio >= 0.95
"""
from __future__ import annotations

import json
import statistics
import time

from bench._training_app import BATCH, THREADS, make_page, warm_up_server

EPOCHS = 60          # 1600 training samples / 32 = 50 steps per epoch -> 3000 steps per round
ROUNDS = 9


def bare_loop(spec, data, epochs: int) -> float:
    import torch
    from torch import nn

    from core.build import build

    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    model = build(spec)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    x, y = torch.as_tensor(data.x_train), torch.as_tensor(data.y_train)
    g = torch.Generator().manual_seed(0)
    steps = 0
    t0 = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=g)
        for start in range(0, len(x), BATCH):
            idx = order[start:start + BATCH]
            loss = loss_fn(model(x[idx]), y[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss.item()
            steps += 1
    return steps / (time.perf_counter() - t0)


def app_path(app, page) -> float:
    """Train through the page; steps/s as the training process measured it (no spawn time)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    page.training_finished.connect(loop.quit)
    page.reset()
    page.start()
    if page.is_running():
        loop.exec()                  # the real event loop: progress signals, repaints
    page.training_finished.disconnect(loop.quit)
    end = page.controller.result.ends[0]          # the engine's own clock: training time only
    return end.step / end.seconds


def main() -> dict:
    app, page, spec, data = make_page(EPOCHS)
    warm_up_server()
    bare, ours = [], []
    for _ in range(ROUNDS):
        bare.append(bare_loop(spec, data, EPOCHS))
        ours.append(app_path(app, page))
    page.shutdown()
    ratios = sorted(a / b for a, b in zip(ours, bare))
    q = statistics.quantiles(ratios, n=4)
    result = {"bench": "train_overhead", "ratio": round(statistics.median(ratios), 3), "goal": ">= 0.95",
              "ratio_spread": {"min": round(ratios[0], 3), "q1": round(q[0], 3), "q3": round(q[2], 3),
                               "max": round(ratios[-1], 3)},
              "bare_steps_per_s_median": round(statistics.median(bare), 1),
              "app_steps_per_s_median": round(statistics.median(ours), 1), "pairs": ROUNDS,
              "bare_all": [round(v) for v in bare], "app_all": [round(v) for v in ours],
              "steps_per_round": EPOCHS * 50, "batch": BATCH, "threads": THREADS,
              "model": "classifier_2d (2-16-16-3 MLP)", "data": "spiral 2000 (1600 train)"}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
