"""Activation lab: activation curves and their derivatives, and the vanishing-gradient depth test.

``curve(name, x)`` returns an activation and its derivative, the derivative taken by autograd
(the same machinery the learner studies), so the plot shows what PyTorch really computes.

``depth_comparison(L)`` builds a freshly initialised deep sigmoid net and a deep ReLU net of
``L`` hidden layers (``Linear`` + activation, repeated), runs one forward and backward pass on a
fixed batch and measures the mean ``|grad|`` of every ``Linear`` weight. The first layer's value
is set beside the bound ``0.25**L`` from the notes: every sigmoid layer multiplies the gradient by
``σ'(u) ≤ 0.25`` (times the weights), so the first layers of a deep sigmoid net barely learn.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import torch
from torch import nn

from core.build import build
from core.i18n import L
from core.init import init_weights
from core.templates import mlp

ACTIVATIONS = {
    # name: (torch function, formula text)
    "sigmoid": (torch.sigmoid, "σ(x) = 1 / (1 + e^(−x))"),
    "tanh": (torch.tanh, "tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))"),
    "relu": (torch.relu, "ReLU(x) = max(0, x)"),
    "leaky_relu": (lambda x: torch.nn.functional.leaky_relu(x, 0.1), "LeakyReLU(x) = max(0.1·x, x)"),
    "gelu": (torch.nn.functional.gelu, "GELU(x) = x · Φ(x)"),
}
DISPLAY_NAMES = {"sigmoid": "Sigmoid", "tanh": "Tanh", "relu": "ReLU", "leaky_relu": "LeakyReLU", "gelu": "GELU"}

SIGMOID_MAX_SLOPE = 0.25  # σ'(0) = σ(0)(1 − σ(0)) = 1/2 · 1/2


def curve(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(f(x), f'(x)) for one activation; the derivative comes from autograd."""
    fn = ACTIVATIONS[name][0]
    t = torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=True)
    y = fn(t)
    (dy,) = torch.autograd.grad(y.sum(), t)  # each output depends only on its own input
    return y.detach().numpy(), dy.numpy()


def formula(name: str) -> str:
    return ACTIVATIONS[name][1]


def derivative_text(name: str) -> str:
    return {
        "sigmoid": "σ'(x) = σ(x)(1 − σ(x)) ≤ 0.25",
        "tanh": "tanh'(x) = 1 − tanh²(x) ≤ 1",
        "relu": L("ReLU'(x) = 1 if x > 0, else 0", "ReLU'(x) = 1（x > 0）、0（それ以外）"),
        "leaky_relu": L("LeakyReLU'(x) = 1 if x > 0, else 0.1", "LeakyReLU'(x) = 1（x > 0）、0.1（それ以外）"),
        "gelu": "GELU'(x) = Φ(x) + x·φ(x)",
    }[name]


def sigmoid_working() -> list[str]:
    """The notes' working: the largest value of σ' is 0.25, at x = 0."""
    return [
        "σ'(x) = d/dx (1 / (1 + e^(−x))) = σ(x)(1 − σ(x))",
        L("Put a = σ(x), 0 < a < 1:  f(a) = a(1 − a) = a − a²",
          "a = σ(x)（0 < a < 1）とおく：f(a) = a(1 − a) = a − a²"),
        L("f'(a) = 1 − 2a = 0  →  a = 1/2", "f'(a) = 1 − 2a = 0 とおくと a = 1/2"),
        L("f''(a) = −2 < 0, so a = 1/2 is a maximum", "f''(a) = −2 < 0 なので a = 1/2 で極大"),
        "f(1/2) = 1/2 − 1/4 = 1/4 = 0.25",
        L("σ(x) = 1/2 at x = 0, so σ'(0) = 0.25 is the largest slope of the sigmoid.",
          "σ(x) = 1/2 となるのは x = 0 なので、σ'(0) = 0.25 がシグモイドの傾きの最大値です。"),
    ]


# ---------------------------------------------------------------------------------------------
# Depth comparison

WIDTH = 32       # units per hidden layer
BATCH = 64       # fixed input batch
IN_FEATURES = 8
MAX_DEPTH = 20


INITS = ("default", "he")


def deep_net(activation: str, depth: int, *, seed: int = 0, init: str = "default") -> nn.Sequential:
    """``depth`` × (Linear + activation), then a Linear to one output: the deep-MLP template's
    builder (core.templates.mlp), built with ``seed``.

    ``init="default"`` keeps PyTorch's own initialisation (what ``nn.Linear`` gives the learner);
    ``"he"`` is the app's one He init (core.init: Kaiming-normal, std √(2/fan_in), biases 0), as in
    training and exported code.
    """
    if init not in INITS:
        raise ValueError(f"unknown init {init!r}; expected one of {INITS}")
    spec = mlp([WIDTH] * depth, {"sigmoid": "Sigmoid", "relu": "ReLU"}[activation], n_in=IN_FEATURES, n_out=1)
    torch.manual_seed(seed)
    model = build(spec)
    init_weights(model, init)
    return model


def layer_gradients(model: nn.Sequential, *, seed: int = 0) -> np.ndarray:
    """Mean |grad| of each Linear weight (first layer first) after one backward pass of an MSE loss."""
    g = torch.Generator().manual_seed(seed + 1)
    x = torch.randn(BATCH, IN_FEATURES, generator=g)   # (B, in)
    target = torch.randn(BATCH, 1, generator=g)        # (B, 1)
    model.zero_grad()
    loss = nn.functional.mse_loss(model(x), target)
    loss.backward()
    return np.array([m.weight.grad.abs().mean().item() for m in model if isinstance(m, nn.Linear)])


@dataclass(frozen=True)
class DepthResult:
    depth: int
    bound: float                   # 0.25 ** depth
    sigmoid_first: float           # mean |grad| of the first Linear weight, deep sigmoid net
    relu_first: float              # same for the deep ReLU net
    sigmoid_layers: np.ndarray     # mean |grad| per Linear layer, first to last (depth + 1 values)
    relu_layers: np.ndarray

    @property
    def sigmoid_shrink(self) -> float:
        """How much smaller the first layer's gradient is than the last layer's (sigmoid net)."""
        return float(self.sigmoid_layers[0] / self.sigmoid_layers[-1])

    @property
    def relu_shrink(self) -> float:
        return float(self.relu_layers[0] / self.relu_layers[-1])


@lru_cache(maxsize=128)
def depth_comparison(depth: int, seed: int = 0, init: str = "default") -> DepthResult:
    if not 1 <= depth <= MAX_DEPTH:
        raise ValueError(L(f"depth must be between 1 and {MAX_DEPTH}", f"深さは1から{MAX_DEPTH}の間にしてください"))
    sig = layer_gradients(deep_net("sigmoid", depth, seed=seed, init=init), seed=seed)
    relu = layer_gradients(deep_net("relu", depth, seed=seed, init=init), seed=seed)
    sig.setflags(write=False)
    relu.setflags(write=False)
    return DepthResult(depth, SIGMOID_MAX_SLOPE ** depth, float(sig[0]), float(relu[0]), sig, relu)


def depth_sweep(max_depth: int = MAX_DEPTH, seed: int = 0, init: str = "default") -> dict[str, np.ndarray]:
    """First-layer gradients for every depth 1..max_depth (for the log plot)."""
    rs = [depth_comparison(d, seed, init) for d in range(1, max_depth + 1)]
    return {
        "depth": np.arange(1, max_depth + 1),
        "bound": np.array([r.bound for r in rs]),
        "sigmoid": np.array([r.sigmoid_first for r in rs]),
        "relu": np.array([r.relu_first for r in rs]),
    }


# ---------------------------------------------------------------------------------------------
# Linear vs nonlinear: stacked Linear layers with and without an activation between them

STACK_ACTIVATIONS = ("none", "sigmoid", "tanh", "relu")


def stacked_curve(activation: str, x: np.ndarray, *, layers: int = 3, width: int = 8,
                  seed: int = 0) -> np.ndarray:
    """h(x) of a random 1 → width → … → 1 net: a straight line when ``activation`` is "none".

    Linear(Linear(x)) is again W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂): one linear map, however
    many layers are stacked. Only an activation between them can bend the curve.
    """
    if activation not in STACK_ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; expected one of {STACK_ACTIVATIONS}")
    torch.manual_seed(seed)
    mods: list[nn.Module] = []
    n_in = 1
    for _ in range(layers - 1):
        lin = nn.Linear(n_in, width)
        nn.init.normal_(lin.weight, std=1.5)   # large enough for clear bends on [-3, 3]
        nn.init.uniform_(lin.bias, -2.0, 2.0)
        mods.append(lin)
        if activation != "none":
            mods.append({"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}[activation]())
        n_in = width
    last = nn.Linear(n_in, 1)
    nn.init.normal_(last.weight, std=1.0)
    mods.append(last)
    net = nn.Sequential(*mods)
    with torch.no_grad():
        t = torch.tensor(np.asarray(x, dtype=np.float32)).reshape(-1, 1)  # (N, 1)
        return net(t).reshape(-1).numpy()
