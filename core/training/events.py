"""What the trainer reports: small frozen dataclasses of plain floats and numpy arrays.

Events never hold live tensors, so they can cross threads and outlive the model safely.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class StepEvent:
    """One optimiser step (one batch)."""
    step: int          # 1-based, counted over the whole run
    epoch: int         # 0-based epoch this step belongs to
    loss: float
    lr: float


@dataclass(frozen=True)
class EpochEvent:
    epoch: int                 # 1-based count of finished epochs
    step: int
    train_loss: float          # eval mode after the epoch, on up to 512 training samples
    train_acc: float           # the same; nan for regression
    val_loss: float            # nan without validation data
    val_acc: float


@dataclass(frozen=True)
class GradStats:
    """Per-layer gradient statistics right after backward.

    ``layers`` are indices into the Sequential (= spec layer indices) of the layers that have
    weights; ``mean_abs``/``max_abs`` are mean |grad| and max |grad| of those weights.
    """
    step: int
    layers: tuple[int, ...]
    names: tuple[str, ...]
    mean_abs: np.ndarray       # (L,)
    max_abs: np.ndarray        # (L,)


@dataclass(frozen=True)
class Histogram:
    layer: int
    name: str
    counts: np.ndarray         # (bins,)
    edges: np.ndarray          # (bins + 1,)


@dataclass(frozen=True)
class ProbeEvent:
    """The model looked at from outside, on a fixed probe batch (no gradients).

    ``act_layers`` are indices of the activation layers; ``saturated`` is the share of
    sigmoid/tanh outputs in the flat part (derivative below 10% of its maximum) and ``dead``
    the share of ReLU units that output 0 for every probe sample (nan where not applicable).
    """
    step: int
    act_layers: tuple[int, ...]
    act_names: tuple[str, ...]
    saturated: np.ndarray      # (A,)
    dead: np.ndarray           # (A,)
    weight_hists: tuple[Histogram, ...]
    act_hists: tuple[Histogram, ...]
    # prediction picture: for 2-D classification a grid of class ids (and confidence);
    # for 1-D regression a curve; None otherwise
    grid_x: np.ndarray | None = None      # (G,)
    grid_y: np.ndarray | None = None      # (G,)
    grid_class: np.ndarray | None = None  # (G, G) int, [iy, ix]
    grid_conf: np.ndarray | None = None   # (G, G) float in [0, 1]
    curve_x: np.ndarray | None = None     # (C,)
    curve_y: np.ndarray | None = None     # (C,)


@dataclass(frozen=True)
class EndEvent:
    reason: str                # "done", "stopped", "nan", "error"
    message: str               # in the user's language
    step: int
    epoch: int
