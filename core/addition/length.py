"""Length generalisation: train the Transformer on short numbers, test it on longer ones.

    result = measure("coupled", train_digits=5, test_digits=(6, 7, 8), steps=3000)
    result.by_digits      # {6: exact match, 7: ..., 8: ...}

A GPT with the usual positions (one per character) has never seen the positions that longer
problems reach, and fails on them. With coupled positions (a digit's position is its place
value, see ``transformer``) and random shifts in training, the same computation applies at
every place, so longer numbers can be added. Both use the same data, budget and seed; only the
position scheme differs, so the difference is what the scheme changed.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

import numpy as np
import torch

from core.engine.config import Cadence, Limits, OptimConfig
from core.engine.engine import Callback, Engine
from core.tasks.addition import TransformerTask, TransformerTrainConfig, random_numbers

from . import tokenizer as tok
from .data import num_pairs
from .metrics import score
from .transformer import MAX_LENGTH_DIGITS, TransformerConfig, min_slots
from .transformer_train import FAST_OPTIM


@dataclass
class LengthResult:
    positions: str
    train_digits: int
    steps: int
    seconds: float
    parameters: int
    in_distribution: float                          # exact match on held-out problems of 1..train_digits digits
    by_digits: dict = field(default_factory=dict)   # test length -> exact match (both numbers that long)
    per_digit: dict = field(default_factory=dict)   # test length -> per-digit accuracy
    samples: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def problems_of_length(digits: int, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` problems whose two numbers both have exactly ``digits`` digits."""
    rng = np.random.default_rng(10_000 + 97 * digits + seed)
    lengths = np.full(n, digits)
    return random_numbers(rng, lengths, n), random_numbers(rng, lengths, n)


def exact_on_length(model, digits: int, n: int, seed: int = 0):
    """Accuracy (``metrics.score``) of ``model`` on ``n`` problems of two ``digits``-digit numbers."""
    a, b = problems_of_length(digits, n, seed)
    model.eval()
    with torch.inference_mode():
        pred = model.answer_ids(a, b, width=tok.answer_len(digits))
    target = tok.encode_answers(a + b, digits, model.cfg.reverse_answer)[:, 1:]
    return score(pred, target, model.cfg.reverse_answer, a, b, digits)


def length_config(positions: str, train_digits: int, test_digits, layers: int = 2, heads: int = 4,
                  width: int = 64, seed: int = 0, batch_size: int = 256) -> TransformerTrainConfig:
    longest = max(test_digits)
    if longest > MAX_LENGTH_DIGITS:
        raise ValueError(f"test lengths go up to {MAX_LENGTH_DIGITS} digits")
    # room for the longest test numbers; coupled positions get extra rows so random shifts
    # in training reach every place the test needs, many times over
    slots = min_slots(positions, longest) + (4 if positions == "coupled" else 0)
    model = TransformerConfig(digits=train_digits, layers=layers, heads=heads, width=width, reverse_answer=True,
                              positions=positions, position_slots=slots)
    return TransformerTrainConfig(model=model, test_size=min(1000, num_pairs(train_digits) // 10), batch_size=batch_size,
                                  seed=seed, balanced=1.0)


def measure(positions: str, train_digits: int = 5, test_digits=(6, 7, 8), steps: int = 3000, samples: int = 1000,
            optim: OptimConfig | None = None, seed: int = 0, on_eval=None, **model) -> LengthResult:
    """Train one Transformer on 1..``train_digits``-digit numbers and test it on each of ``test_digits``."""
    cfg = length_config(positions, train_digits, test_digits, seed=seed, **model)
    task = TransformerTask(cfg)
    optim = optim or FAST_OPTIM

    class Report(Callback):
        def on_eval(self, engine, event):
            if on_eval:
                on_eval(positions, event.step, event.seconds, event.metrics)

    engine = Engine(task, optim, Limits(max_steps=steps), Cadence(eval_every_steps=max(steps // 5, 1)),
                    callbacks=[Report()])
    t0 = time.perf_counter()
    end = engine.run()
    seconds = time.perf_counter() - t0
    result = LengthResult(positions, train_digits, end.step, round(seconds, 1),
                          sum(p.numel() for p in task.model.parameters()),
                          float(end.metrics.get("exact", float("nan"))), samples=samples)
    for d in test_digits:
        acc = exact_on_length(task.model, d, samples, seed)
        result.by_digits[d] = acc.exact
        result.per_digit[d] = acc.per_digit
    return result
