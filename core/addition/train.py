"""Training loop: a small class with a config dataclass, plain callbacks and events.

The GUI's worker thread drives :class:`Trainer` through callbacks that receive frozen
dataclasses of floats/numpy (never live tensors), and pauses/stops it with cooperative
flags that are checked on every step.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

import numpy as np
import torch
from torch import nn

from . import tokenizer as tok
from .data import BatchSampler, all_pair_ids, make_split, num_pairs, pair_ids_to_operands, sample_pair_ids
from .metrics import Accuracy, evaluate_pairs
from .model import ModelConfig, Seq2Seq


@dataclass
class TrainConfig:
    model: ModelConfig = field(default_factory=ModelConfig)
    train_size: int | None = None   # None: fresh pairs every batch (all but the test set)
    test_size: int = 5000
    batch_size: int = 256
    lr: float = 3e-3
    lr_final: float = 3e-4          # cosine-decayed towards this over max_steps
    max_steps: int = 3000
    max_seconds: float | None = None
    target_accuracy: float | None = None  # stop once test exact match reaches this
    eval_every: int = 100
    grad_clip: float = 5.0
    seed: int = 0
    threads: int = 1                # 0: leave torch's setting alone

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "TrainConfig":
        d = dict(d)
        d["model"] = ModelConfig.from_dict(d.get("model", {}))
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class BatchEvent:
    step: int
    loss: float
    lr: float
    seconds: float
    examples: int
    epoch: int


@dataclass(frozen=True)
class EvalEvent:
    step: int
    seconds: float          # training wall time so far (evaluation included)
    examples: int
    exact: float
    per_digit: float
    per_place: np.ndarray
    by_carries: dict
    wrong_examples: tuple


@dataclass(frozen=True)
class TrainResult:
    steps: int
    seconds: float
    examples: int
    final: Accuracy | None
    stopped: bool           # stopped by the user
    reached_target: bool


class Trainer:
    """Train a :class:`Seq2Seq` on addition. Callbacks may be set as attributes:

    ``on_batch_end(BatchEvent)``, ``on_eval(EvalEvent)``, ``on_epoch_end(epoch)``.
    """

    def __init__(self, config: TrainConfig, model: Seq2Seq | None = None):
        self.config = config
        if config.threads:
            torch.set_num_threads(config.threads)
        torch.manual_seed(config.seed)
        self.model = model or Seq2Seq(config.model)
        self.split = make_split(config.model.digits, config.test_size, config.train_size, config.seed)
        self.sampler = BatchSampler(self.split, config.batch_size, config.seed)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=config.lr)
        self.loss_fn = nn.CrossEntropyLoss()
        self.step = 0
        self.examples = 0
        self.on_batch_end: Callable[[BatchEvent], None] | None = None
        self.on_eval: Callable[[EvalEvent], None] | None = None
        self.on_epoch_end: Callable[[int], None] | None = None
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.last_eval: Accuracy | None = None

    # -- cooperative control (safe to call from another thread) ---------------------------
    def request_stop(self) -> None:
        self._stop.set()
        self._running.set()  # wake a paused loop so it can see the stop

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    # -- the loop --------------------------------------------------------------------------
    def lr_at(self, step: int) -> float:
        c = self.config
        t = min(step / max(c.max_steps, 1), 1.0)
        return c.lr_final + 0.5 * (c.lr - c.lr_final) * (1 + math.cos(math.pi * t))

    def batch(self, pair_ids: np.ndarray):
        m = self.config.model
        a, b = pair_ids_to_operands(pair_ids, m.digits)
        src = torch.from_numpy(tok.encode_questions(a, b, m.digits, m.reverse_input))
        ans = torch.from_numpy(tok.encode_answers(a + b, m.digits, m.reverse_answer))
        return src, ans[:, :-1], ans[:, 1:]

    def train_step(self) -> float:
        src, dec_in, target = self.batch(self.sampler.next())
        for g in self.optimizer.param_groups:
            g["lr"] = self.lr_at(self.step)
        logits = self.model(src, dec_in)  # (B, Td, V)
        loss = self.loss_fn(logits.reshape(-1, logits.shape[-1]), target.reshape(-1))
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if self.config.grad_clip:
            nn.utils.clip_grad_norm_(self.model.parameters(), self.config.grad_clip)
        self.optimizer.step()
        self.step += 1
        self.examples += len(src)
        return loss.item()

    def eval_ids(self) -> np.ndarray:
        """The held-out test pairs; with no test set (tiny demos), every pair if there are few."""
        if len(self.split.test):
            return self.split.test
        d = self.config.model.digits
        return all_pair_ids(d) if num_pairs(d) <= 10_000 else sample_pair_ids(np.random.default_rng(0), 5000, d)

    def evaluate(self) -> Accuracy:
        acc = evaluate_pairs(self.model, self.eval_ids())
        self.last_eval = acc
        return acc

    def run(self) -> TrainResult:
        c = self.config
        self.model.train()
        t0 = time.perf_counter()
        paused_for = 0.0
        reached = False
        epoch = self.sampler.epoch
        while self.step < c.max_steps and not self._stop.is_set():
            if not self._running.is_set():
                tp = time.perf_counter()
                self._running.wait()
                paused_for += time.perf_counter() - tp
                continue
            loss = self.train_step()
            elapsed = time.perf_counter() - t0 - paused_for
            if self.on_batch_end:
                self.on_batch_end(BatchEvent(self.step, loss, self.lr_at(self.step), elapsed, self.examples, self.sampler.epoch))
            if self.sampler.epoch != epoch:
                epoch = self.sampler.epoch
                if self.on_epoch_end:
                    self.on_epoch_end(epoch)
            if self.step % c.eval_every == 0 or self.step == c.max_steps:
                acc = self.evaluate()
                elapsed = time.perf_counter() - t0 - paused_for
                if self.on_eval:
                    self.on_eval(EvalEvent(self.step, elapsed, self.examples, acc.exact, acc.per_digit,
                                           acc.per_place, acc.by_carries, acc.wrong_examples))
                if c.target_accuracy is not None and acc.exact >= c.target_accuracy:
                    reached = True
                    break
            if c.max_seconds is not None and elapsed >= c.max_seconds:
                break
        self.model.eval()
        return TrainResult(self.step, time.perf_counter() - t0 - paused_for, self.examples,
                           self.last_eval, self._stop.is_set(), reached)
