"""Transformer lab: attention as a weighted average, the causal mask, and why residual paths keep
the gradient alive.

``attention_example("the cat sat")`` gives each character a small random vector (a fixed seed, so
the numbers are the same every time), forms queries, keys and values with three random matrices,
and returns the weights softmax(q·k/√d) with or without the causal mask, and the output of one
position worked out as the weighted average it is.

``residual_comparison(depth)`` builds the deep sigmoid MLP and the same with every hidden layer
inside a residual block (x + f(x)), runs one backward pass on the same batch, and measures the
mean |gradient| of each Linear weight, first layer first.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.build import build
from core.i18n import L
from core.modules.attention import attention_weights
from core.spec import RESIDUAL, BlockSpec, LayerSpec, NetworkSpec

MAX_CHARS = 16
DIM = 4                 # the toy vectors' length d
MAX_DEPTH = 30
WIDTH = 32
IN_FEATURES = 8
BATCH = 64


@dataclass(frozen=True)
class AttentionExample:
    tokens: tuple[str, ...] = ()
    weights: np.ndarray | None = None      # (T, T): row i = how position i spreads its attention
    values: np.ndarray | None = None       # (T, DIM): what each position offers
    output: np.ndarray | None = None       # (T, DIM): weights @ values
    causal: bool = True
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    def average_text(self, i: int) -> str:
        """Output i written out as the weighted average it is: 0.52·v[t] + 0.48·v[h] + …"""
        terms = [f"{self.weights[i, j]:.2f}·v[{self.tokens[j]}]" for j in range(len(self.tokens))
                 if self.weights[i, j] > 0]
        return f"out[{i}] = " + " + ".join(terms)


def attention_example(text: str, causal: bool = True, seed: int = 0) -> AttentionExample:
    tokens = tuple(text)
    if not tokens:
        return AttentionExample(error=L("Type a few characters.", "文字をいくつか入力してください。"))
    if len(tokens) > MAX_CHARS:
        return AttentionExample(error=L(f"At most {MAX_CHARS} characters, so that the table stays readable.",
                                        f"表が読めるように、{MAX_CHARS} 文字までにしてください。"))
    g = torch.Generator().manual_seed(seed)
    # one fixed random vector per distinct character (the same character always gets the same vector)
    chars = sorted(set(tokens))
    table = torch.randn(len(chars), DIM, generator=g)
    x = table[[chars.index(c) for c in tokens]]                      # (T, d)
    wq, wk, wv = (torch.randn(DIM, DIM, generator=g) / math.sqrt(DIM) for _ in range(3))
    q, k, v = x @ wq, x @ wk, x @ wv                                # (T, d) each
    if causal:
        w = attention_weights(q, k)                                 # the app's own: masked softmax
    else:
        w = torch.softmax(q @ k.T / math.sqrt(DIM), dim=-1)
    return AttentionExample(tokens, w.numpy(), v.numpy(), (w @ v).numpy(), causal)


def deep_net(depth: int, residual: bool, seed: int = 0) -> nn.Module:
    """``depth`` × (Linear + Sigmoid), plain or each after the first inside Residual(...), then Linear to 1."""
    if not 2 <= depth <= MAX_DEPTH:
        raise ValueError(L(f"depth must be between 2 and {MAX_DEPTH}", f"深さは 2 から {MAX_DEPTH} の間にしてください"))

    def hidden():
        return [LayerSpec.make("Linear", out_features=WIDTH), LayerSpec.make("Sigmoid")]
    layers = hidden()                                                # the first changes the width: no skip
    for _ in range(depth - 1):
        layers += [BlockSpec.make(RESIDUAL, hidden())] if residual else hidden()
    torch.manual_seed(seed)
    return build(NetworkSpec((IN_FEATURES,), layers + [LayerSpec.make("Linear", out_features=1)]))


def layer_gradients(model: nn.Module, seed: int = 0) -> np.ndarray:
    """Mean |grad| of every Linear weight, input side first, after one backward pass of an MSE loss."""
    g = torch.Generator().manual_seed(seed + 1)
    x = torch.randn(BATCH, IN_FEATURES, generator=g)
    target = torch.randn(BATCH, 1, generator=g)
    model.zero_grad()
    nn.functional.mse_loss(model(x), target).backward()
    return np.array([m.weight.grad.abs().mean().item() for m in model.modules() if isinstance(m, nn.Linear)])


@dataclass(frozen=True)
class ResidualResult:
    depth: int
    plain: np.ndarray          # mean |grad| per Linear layer, first to last (depth + 1 values)
    residual: np.ndarray

    @property
    def ratio(self) -> float:
        """How many times larger the first layer's gradient is with residual paths."""
        return float(self.residual[0] / self.plain[0])


def residual_comparison(depth: int = 20, seed: int = 0) -> ResidualResult:
    return ResidualResult(depth, layer_gradients(deep_net(depth, False, seed), seed),
                          layer_gradients(deep_net(depth, True, seed), seed))
