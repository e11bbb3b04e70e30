"""The modules behind the editor's blocks: ``Residual`` (x + f(x)) and ``Concat`` (two paths joined).

Exported code copies these classes verbatim (``inspect.getsource``), so a file written by the app
defines exactly the modules the app trains, with the same parameter names.
"""
from __future__ import annotations

import torch
from torch import nn


class Residual(nn.Module):
    """output = x + f(x): the skip path carries x, and the gradient, past f unchanged."""

    def __init__(self, *layers: nn.Module):
        super().__init__()
        self.f = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.f(x)  # f(x) must have the shape of x


class Concat(nn.Module):
    """Two paths over the same input, joined along ``dim`` (an empty path passes x through)."""

    def __init__(self, a: nn.Module, b: nn.Module, dim: int = -1):
        super().__init__()
        self.a, self.b, self.dim = a, b, dim

    def extra_repr(self) -> str:
        return f"dim={self.dim}"

    def forward(self, x):
        return torch.cat([self.a(x), self.b(x)], dim=self.dim)
