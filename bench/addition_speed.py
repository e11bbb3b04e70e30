"""Addition solver speed: time to train from scratch to >= 99 % exact match, and answer latency.

    python -m bench.addition_speed [--threads 1] [--seed 0] [--target 0.99]

Prints one JSON object. "train" is the wall time from creating the model to the first
evaluation on 5,000 held-out 3-digit problems at or above the target (evaluations included);
"latency_ms" times ``Solver.solve`` (parsing + greedy decoding) of single prompts with the
shipped model.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import time

import numpy as np
import torch

from core.addition.checkpoint import SHIPPED
from core.addition.model import ModelConfig, count_parameters
from core.addition.solver import Solver
from core.addition.train import recipe
from core.engine.engine import Callback
from core.training.devices import apply_threads

# The configuration the panel and the CLI use by default (chosen by measurement here).
FAST = dict(batch_size=128, lr=1e-2, lr_final=3e-4, max_steps=2000, eval_every=100)  # = core.addition.train.DEFAULTS


def bench_training(threads: int, seed: int, target: float, max_seconds: float) -> dict:
    apply_threads(threads)
    t0 = time.perf_counter()
    spec = recipe(ModelConfig(), test_size=5000, seed=seed, target=target, max_seconds=max_seconds, **FAST)
    curve = []

    class Curve(Callback):
        def on_eval(self, engine, e):
            curve.append((e.step, round(e.seconds, 2), round(e.metrics["exact"], 4)))

    engine = spec.engine([Curve()])
    end = engine.run()
    wall = time.perf_counter() - t0
    return {
        "reached_target": end.reason == "target",
        "seconds": round(wall, 2),
        "steps": end.step,
        "examples": end.step * FAST["batch_size"],
        "held_out_exact": end.metrics.get("exact"),
        "parameters": count_parameters(engine.model),
        "model": ModelConfig().to_dict(),
        "optim": {k: v for k, v in FAST.items()},
        "curve_step_seconds_exact": curve,
    }


def bench_latency(n: int, seed: int) -> dict:
    solver = Solver.from_file(SHIPPED)
    rng = np.random.default_rng(seed)
    prompts = [f"{a}+{b}" for a, b in rng.integers(0, 1000, (n + 10, 2))]
    for p in prompts[:10]:  # warm-up
        solver.solve(p)
    times = []
    for p in prompts[10:]:
        t = time.perf_counter()
        solver.solve(p)
        times.append((time.perf_counter() - t) * 1000)
    return {"prompts": n, "median": round(float(np.median(times)), 3), "p90": round(float(np.percentile(times, 90)), 3),
            "model": str(SHIPPED.name)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--target", type=float, default=0.99)
    p.add_argument("--max-seconds", type=float, default=300)
    p.add_argument("--latency-prompts", type=int, default=300)
    p.add_argument("--skip-train", action="store_true")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    out = {"benchmark": "addition_speed", "threads": args.threads, "torch": torch.__version__,
           "cpus": os.cpu_count(), "machine": platform.machine(), "goal": {"train_seconds": 30, "latency_median_ms": 5}}
    if not args.skip_train:
        out["train"] = bench_training(args.threads, args.seed, args.target, args.max_seconds)
    out["latency_ms"] = bench_latency(args.latency_prompts, args.seed)
    print(json.dumps(out))  # one JSON line, like every benchmark here


if __name__ == "__main__":
    main()
