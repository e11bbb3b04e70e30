"""The tabular task's picture: histograms, saturation, dead units and the prediction picture.

Plain frozen dataclasses of floats and numpy arrays (never live tensors): they cross to the
window from the training process. The engine's own events are in core/engine/events.py.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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
    saturated: np.ndarray | None      # (A,); None: not made this time (its view is hidden)
    dead: np.ndarray | None           # (A,); None likewise
    weight_hists: tuple[Histogram, ...] | None     # None: not made this time
    act_hists: tuple[Histogram, ...] | None
    # prediction picture: for 2-D classification a grid of class ids (and confidence);
    # for 1-D regression a curve; None otherwise
    grid_x: np.ndarray | None = None      # (G,)
    grid_y: np.ndarray | None = None      # (G,)
    grid_class: np.ndarray | None = None  # (G, G) int, [iy, ix]
    grid_conf: np.ndarray | None = None   # (G, G) float in [0, 1]
    curve_x: np.ndarray | None = None     # (C,)
    curve_y: np.ndarray | None = None     # (C,)
