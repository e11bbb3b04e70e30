"""Each hidden neuron's output over the input plane (TensorFlow Playground's best-loved view).

For a network on 2-D points: every activation layer's units, evaluated on a G×G grid of the
plane, as small heat maps beside the decision boundary; the learner sees the first layer's
units cut the plane with straight lines and later layers combine them into curves.

    maps = neuron_maps(model, grid_x, grid_y)   # {"grid_x", "grid_y", "layers": [(name, (U, G, G))]}

The tabular task adds them to its pictures for 2-D classification (``pictures["neuron_maps"]``).
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from core.training.gradstats import activation_outputs, layer_name

MAX_UNITS = 16


@torch.no_grad()
def neuron_maps(model: nn.Module, grid_x: np.ndarray, grid_y: np.ndarray, max_units: int = MAX_UNITS,
                layers=None) -> dict:
    """Outputs of the first ``max_units`` units of every activation layer on the grid, [iy, ix]
    (``layers``: the modules in data order when the network has blocks; see gradstats.model_layers)."""
    gx, gy = np.asarray(grid_x, np.float32), np.asarray(grid_y, np.float32)
    xx, yy = np.meshgrid(gx, gy)                                   # (G_y, G_x), [iy, ix]
    device = next(model.parameters()).device
    pts = torch.from_numpy(np.stack([xx.ravel(), yy.ravel()], 1)).to(device)   # (G_y·G_x, 2)
    was_training = model.training
    model.eval()
    try:
        _, acts = activation_outputs(model, pts, layers)
    finally:
        model.train(was_training)
    layers = []
    for i, m, h in acts:
        if h.dim() != 2:
            continue
        units = h[:, :max_units].float().cpu().numpy()               # (G_y·G_x, U)
        layers.append((layer_name(i, m), units.T.reshape(-1, len(gy), len(gx)).copy()))
    return {"grid_x": gx, "grid_y": gy, "layers": layers}
