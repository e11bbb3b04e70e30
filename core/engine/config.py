"""The engine's settings, one dataclass per concern (each JSON-friendly via ``asdict``).

- ``OptimConfig``: how a step is taken (optimiser, learning rate and its schedule, clipping).
- ``Limits``: when a run ends (epochs, steps, seconds, a target metric).
- ``Cadence``: how often the engine measures and reports (metrics, gradient stats, pictures).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Self

import torch
from torch import nn

OPTIMIZERS = ("sgd", "momentum", "adam", "adamw")
SCHEDULES = ("constant", "cosine")


class DictConfig:
    """A settings dataclass that goes to and from a plain (JSON) dict: ``to_dict`` is ``asdict``;
    ``from_dict`` takes the keys the class has and leaves out the rest (a file from another
    version), and None gives the defaults."""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict | None) -> Self:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (d or {}).items() if k in names})


@dataclass
class OptimConfig(DictConfig):
    optimizer: str = "adam"
    lr: float = 1e-3
    momentum: float = 0.9           # "momentum" only
    weight_decay: float = 0.0       # AdamW: 0 means its usual 0.01
    schedule: str = "constant"      # or "cosine": from lr down to lr_final over the run (see lr_at)
    lr_final: float = 0.0
    warmup_steps: int = 0           # linear warm-up from 0 before the schedule
    grad_clip: float = 0.0          # max gradient norm; 0 = no clipping

    def lr_at(self, step: int, total_steps: int, seconds: float = 0.0, total_seconds: float = 0.0) -> float:
        """The scheduled learning rate for 0-based ``step``.

        After ``warmup_steps``, the cosine goes from ``lr`` to ``lr_final`` over the run: over
        ``total_steps`` (``Limits.max_steps``, epochs) and over ``total_seconds`` of training time
        (``Limits.max_seconds``; ``seconds`` trained so far), whichever is nearer its end. With
        neither known (0), the rate stays at ``lr``.
        """
        if self.warmup_steps and step < self.warmup_steps:
            return self.lr * (step + 1) / self.warmup_steps
        if self.schedule == "constant":
            return self.lr
        t = 0.0
        if total_steps > 0:
            t = (step - self.warmup_steps) / max(total_steps - self.warmup_steps, 1)
        if total_seconds > 0:
            t = max(t, seconds / total_seconds)
        if total_steps <= 0 and total_seconds <= 0:
            return self.lr
        t = min(max(t, 0.0), 1.0)
        return self.lr_final + 0.5 * (self.lr - self.lr_final) * (1 + math.cos(math.pi * t))

    def make(self, params) -> torch.optim.Optimizer:
        if self.optimizer == "sgd":
            return torch.optim.SGD(params, lr=self.lr, weight_decay=self.weight_decay)
        if self.optimizer == "momentum":
            return torch.optim.SGD(params, lr=self.lr, momentum=self.momentum, weight_decay=self.weight_decay)
        if self.optimizer == "adam":
            return torch.optim.Adam(params, lr=self.lr, weight_decay=self.weight_decay)
        if self.optimizer == "adamw":
            return torch.optim.AdamW(params, lr=self.lr, weight_decay=self.weight_decay or 0.01)
        raise ValueError(f"unknown optimizer {self.optimizer!r}")


@dataclass
class Limits(DictConfig):
    max_epochs: int | None = None   # counted only for tasks with steps_per_epoch > 0
    max_steps: int | None = None
    max_seconds: float | None = None    # training time (pauses excluded)
    target: float | None = None     # stop once task.target_metric reaches this


@dataclass
class Cadence(DictConfig):
    eval_every_steps: int = 0       # 0: measure at each epoch end
    eval_interval_s: float = 0.0    # ...but at most this often (tiny epochs end 100s of times a second)
    stats_interval_s: float = 0.0   # gradient statistics after backward, at most this often
    pictures_interval_s: float | None = None   # None: pictures only at the end


def clip(model: nn.Module, max_norm: float) -> None:
    if max_norm:
        nn.utils.clip_grad_norm_(model.parameters(), max_norm)
