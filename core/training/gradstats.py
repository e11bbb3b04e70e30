"""Per-layer statistics of a Sequential model: gradient flow, saturation and dead units.

These are the numbers behind the vanishing-gradient lesson: in a deep sigmoid net the first
layers' mean |grad| is orders of magnitude below the last layers', because σ'(x) ≤ 0.25.
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from core.training.events import Histogram

SATURATING = (nn.Sigmoid, nn.Tanh)
RECTIFIED = (nn.ReLU,)
ACTIVATIONS = (nn.Sigmoid, nn.Tanh, nn.ReLU, nn.LeakyReLU, nn.GELU, nn.Softmax)


def layer_name(index: int, module: nn.Module) -> str:
    return f"{index}: {type(module).__name__}"


def model_layers(model: nn.Module, layers=None) -> list[tuple[int, nn.Module]]:
    """(index, module) of every layer in data order: a Sequential's children, or ``layers``
    (modules in data order, e.g. from ``core.build.layer_modules`` for a network with blocks,
    whose layers sit inside Residual/Concat modules)."""
    return list(enumerate(model if layers is None else layers))


def weight_layers(model: nn.Module, layers=None) -> list[tuple[int, str, torch.Tensor]]:
    """(index, name, weight) of each layer that has a trainable weight, in data order."""
    out = []
    for i, m in model_layers(model, layers):
        w = getattr(m, "weight", None)
        if isinstance(w, torch.Tensor) and w.requires_grad:
            out.append((i, layer_name(i, m), w))
    return out


def saturated_share(module: nn.Module, out: torch.Tensor) -> float:
    """Share of outputs where the activation's derivative is below 10% of its maximum.

    Sigmoid: σ' = σ(1−σ) ≤ 0.25, flat where σ(1−σ) < 0.025.  Tanh: 1 − t² < 0.1.
    """
    if isinstance(module, nn.Sigmoid):
        flat = out * (1 - out) < 0.025
    elif isinstance(module, nn.Tanh):
        flat = 1 - out * out < 0.1
    else:
        return float("nan")
    return float(flat.float().mean())


def dead_share(module: nn.Module, out: torch.Tensor) -> float:
    """Share of ReLU units (features) that output 0 for every sample of the batch."""
    if not isinstance(module, RECTIFIED):
        return float("nan")
    per_unit = out.reshape(out.shape[0], -1)          # (B, units)
    return float((per_unit <= 0).all(0).float().mean())


def histogram(index: int, name: str, values: torch.Tensor, bins: int = 30) -> Histogram:
    v = values.detach().float().flatten().cpu().numpy()
    v = v[np.isfinite(v)]
    if v.size == 0:
        v = np.zeros(1, dtype=np.float32)
    lo, hi = float(v.min()), float(v.max())
    if hi - lo < 1e-9:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(v, bins=bins, range=(lo, hi))
    return Histogram(index, name, counts.astype(np.float64), edges.astype(np.float64))


@torch.no_grad()
def activation_outputs(model: nn.Module, x: torch.Tensor, layers=None):
    """Run x through the model; return (final output, [(index, module, output)] of activations).

    The outputs are caught with forward hooks, so activations inside blocks are seen too."""
    found = [(i, m) for i, m in model_layers(model, layers) if isinstance(m, ACTIVATIONS)]
    outputs: dict[int, torch.Tensor] = {}
    hooks = [m.register_forward_hook(lambda _m, _inp, out, i=i: outputs.__setitem__(i, out)) for i, m in found]
    try:
        h = model(x)
    finally:
        for hook in hooks:
            hook.remove()
    return h, [(i, m, outputs[i]) for i, m in found if i in outputs]
