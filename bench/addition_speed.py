"""Addition solvers' speed: time to train from scratch to >= 99 % exact match, and answer latency.

    python -m bench.addition_speed [--rounds 3] [--threads 1] [--seed 0] [--target 0.99]

Prints one JSON line. ``train.seq2seq`` and ``train.transformer``: wall time from creating the
model to the first evaluation on the 5,000 held-out 3-digit problems at or above the target
(evaluations included), both trained by the shared engine (``core.engine``) with the recipes the
app and the CLI use (the Transformer's evaluations measure exact match only, in one teacher-forced
pass: the same number greedy decoding gives, without the per-digit figures the panel plots). Rounds come in pairs (Seq2Seq, then Transformer, same seed) so that load from
other programs hits both alike: each model reports the median of its rounds and their spread, and
``train.transformer_over_seq2seq`` the median of the per-round ratios. ``latency_ms``: one
``Solver.solve`` (parsing + greedy decoding + the step-by-step details) of single prompts with each
shipped model. Goals: the Transformer within 20 s, answers within 5 ms (medians).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

import numpy as np
import torch

from core.addition.model import ModelConfig, count_parameters
from core.addition.solver import Solver
from core.addition.train import DEFAULTS, recipe
from core.addition.transformer_train import FAST, recipe as transformer_recipe
from core.engine.engine import Callback
from core.training.devices import apply_threads


def _spec(kind: str, seed: int, target: float, max_seconds: float):
    if kind == "seq2seq":
        return recipe(ModelConfig(), test_size=5000, seed=seed, target=target, max_seconds=max_seconds,
                      **{k: DEFAULTS[k] for k in ("batch_size", "lr", "lr_final", "max_steps", "eval_every")})
    return transformer_recipe(test_size=5000, seed=seed, target=target, max_seconds=max_seconds, details=False, **FAST)


def train_once(kind: str, seed: int, target: float, max_seconds: float) -> dict:
    t0 = time.perf_counter()
    spec = _spec(kind, seed, target, max_seconds)
    curve = []

    class Curve(Callback):
        def on_eval(self, engine, e):
            curve.append((e.step, round(e.seconds, 2), round(e.metrics["exact"], 4)))

    engine = spec.engine([Curve()])
    end = engine.run()
    return {"seconds": round(time.perf_counter() - t0, 2), "reached_target": end.reason == "target", "steps": end.step,
            "held_out_exact": end.metrics.get("exact"), "parameters": count_parameters(engine.model),
            "curve_step_seconds_exact": curve, "task": spec.args, "optim": spec.optim.to_dict()}


def summarise(runs: list[dict]) -> dict:
    seconds = [r["seconds"] for r in runs]
    first = runs[0]
    return {"seconds": round(statistics.median(seconds), 2), "spread": [min(seconds), max(seconds)],
            "reached_target": all(r["reached_target"] for r in runs),
            "steps": [r["steps"] for r in runs], "parameters": first["parameters"],
            "task": first["task"], "optim": first["optim"],
            "rounds": [{k: r[k] for k in ("seconds", "reached_target", "steps", "held_out_exact",
                                          "curve_step_seconds_exact")} for r in runs]}


def bench_training(rounds: int, seed: int, target: float, max_seconds: float) -> dict:
    runs = {"seq2seq": [], "transformer": []}
    for r in range(rounds):
        for kind in runs:
            runs[kind].append(train_once(kind, seed + r, target, max_seconds))
    ratios = [t["seconds"] / s["seconds"] for s, t in zip(runs["seq2seq"], runs["transformer"])]
    out = {kind: summarise(v) for kind, v in runs.items()}
    out["transformer_over_seq2seq"] = {"median": round(statistics.median(ratios), 3),
                                       "spread": [round(min(ratios), 3), round(max(ratios), 3)]}
    return out


def bench_latency(kind: str, n: int, seed: int) -> dict:
    solver = Solver.shipped(kind)
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
            "parameters": count_parameters(solver.model)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--target", type=float, default=0.99)
    p.add_argument("--max-seconds", type=float, default=300)
    p.add_argument("--latency-prompts", type=int, default=300)
    p.add_argument("--skip-train", action="store_true")
    args = p.parse_args()
    apply_threads(args.threads)
    out = {"benchmark": "addition_speed", "threads": args.threads, "torch": torch.__version__,
           "cpus": os.cpu_count(), "machine": platform.machine(),
           "load_average": [round(x, 2) for x in os.getloadavg()],
           "goal": {"train_seconds": {"seq2seq": 20, "transformer": 20}, "latency_median_ms": 5}}
    if not args.skip_train:
        out["train"] = bench_training(args.rounds, args.seed, args.target, args.max_seconds)
    out["latency_ms"] = {kind: bench_latency(kind, args.latency_prompts, args.seed) for kind in ("seq2seq", "transformer")}
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out))  # one JSON line, like every benchmark here


if __name__ == "__main__":
    main()
