"""What the engine reports: small frozen dataclasses of plain floats and numpy arrays.

Events never hold live tensors, so they can cross threads and processes and outlive the model.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class StepEvent:
    """One optimiser step (one batch)."""
    step: int          # 1-based, counted over the whole run (continues included)
    epoch: int         # 0-based epoch this step belongs to
    loss: float
    lr: float


@dataclass(frozen=True)
class EvalEvent:
    """The task's metrics, measured in eval mode."""
    step: int
    epoch: int         # finished epochs
    seconds: float     # training time so far (pauses excluded)
    metrics: dict = field(default_factory=dict)   # name -> float, from Task.evaluate()


@dataclass(frozen=True)
class GradStats:
    """Per-layer gradient statistics right after backward (mean and max |grad| of each weight)."""
    step: int
    names: tuple[str, ...]
    mean_abs: np.ndarray       # (L,)
    max_abs: np.ndarray        # (L,)


@dataclass(frozen=True)
class PicturesEvent:
    step: int
    pictures: dict[str, Any]   # from Task.pictures(): plain data for the task's views


@dataclass(frozen=True)
class EndEvent:
    reason: str                # "done", "target", "stopped", "nan", "error"
    message: str               # in the user's language
    step: int
    epoch: int
    seconds: float = 0.0
    metrics: dict = field(default_factory=dict)   # the last measured metrics


def grad_stats(step: int, layers) -> GradStats:
    """Mean |grad| and max |grad| of each (name, weight) (0 where no gradient exists yet)."""
    import torch

    means, maxes = [], []
    for _, w in layers:
        g = w.grad
        a = torch.zeros(1, device=w.device) if g is None else g.detach().abs()
        means.append(a.mean())
        maxes.append(a.max())
    if layers:   # one transfer for all layers instead of two .item() calls per layer
        both = torch.stack([torch.stack(means), torch.stack(maxes)]).double().cpu().numpy()
    else:
        both = np.zeros((2, 0))
    return GradStats(step, tuple(n for n, _ in layers), both[0].copy(), both[1].copy())
