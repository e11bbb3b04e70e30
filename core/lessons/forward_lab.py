"""Forward-propagation lab: one input flowing through a tiny fully connected network, step by step.

The network is the notes' picture in miniature: 2 input variables → 3 hidden nodes → 2 classes,
``nn.Sequential(nn.Linear(2, 3), activation, nn.Linear(3, 2))``. :func:`forward` returns every
intermediate value — u = W₁x + b₁, h = a(u), the output scores W₂h + b₂ and their softmax — so
the GUI can write them on the drawing, plus the PyTorch lines that compute them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.i18n import L

N_IN, N_HIDDEN, N_OUT = 2, 3, 2
ACTIVATIONS = ("relu", "sigmoid", "tanh", "none")
_MODULES = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "none": nn.Identity}
_CODE_NAMES = {"relu": "nn.ReLU()", "sigmoid": "nn.Sigmoid()", "tanh": "nn.Tanh()", "none": "nn.Identity()"}


@dataclass(frozen=True)
class ForwardResult:
    x: np.ndarray        # (2,)
    w1: np.ndarray       # (3, 2)  nn.Linear stores (out_features, in_features)
    b1: np.ndarray       # (3,)
    u: np.ndarray        # (3,)  linear transform W₁x + b₁
    h: np.ndarray        # (3,)  nonlinear transform a(u)
    w2: np.ndarray       # (2, 3)
    b2: np.ndarray       # (2,)
    logits: np.ndarray   # (2,)  W₂h + b₂
    probs: np.ndarray    # (2,)  softmax(logits)
    activation: str
    code: str
    n_params: int

    @property
    def predicted(self) -> int:
        return int(np.argmax(self.probs))


def make_model(activation: str = "relu", seed: int = 0) -> nn.Sequential:
    if activation not in ACTIVATIONS:
        raise ValueError(L(f"Unknown activation '{activation}'.", f"不明な活性化関数「{activation}」です。"))
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(N_IN, N_HIDDEN), _MODULES[activation](), nn.Linear(N_HIDDEN, N_OUT))
    with torch.no_grad():  # round weights (one decimal) so the learner can redo the sums by hand
        for p in model.parameters():
            p.copy_(torch.round(torch.empty_like(p).uniform_(-1.5, 1.5) * 10) / 10)
    return model


def forward(x: tuple[float, float], activation: str = "relu", seed: int = 0) -> ForwardResult:
    """Run one input through the tiny network and keep every intermediate value."""
    if len(x) != N_IN:
        raise ValueError(L(f"The input needs {N_IN} values.", f"入力には{N_IN}個の値が必要です。"))
    model = make_model(activation, seed)
    lin1, act, lin2 = model
    with torch.no_grad():
        xt = torch.tensor([float(v) for v in x]).unsqueeze(0)  # (1, 2): a batch of one
        u = lin1(xt)                                            # (1, 3)
        h = act(u)                                              # (1, 3)
        logits = lin2(h)                                        # (1, 2)
        probs = torch.softmax(logits, dim=1)                    # (1, 2)
    xs = ", ".join(f"{float(v):g}" for v in x)
    code = "\n".join([
        "model = nn.Sequential(",
        f"    nn.Linear({N_IN}, {N_HIDDEN}),  # u = W₁x + b₁",
        f"    {_CODE_NAMES[activation]},",
        f"    nn.Linear({N_HIDDEN}, {N_OUT}),  # scores = W₂h + b₂",
        ")",
        L("# (this lab rounds the weights to one decimal)", "# （このラボでは重みを小数1桁に丸めています）"),
        f"x = torch.tensor([[{xs}]])  # (1, {N_IN})",
        f"scores = model(x)  # (1, {N_OUT})",
        "probs = torch.softmax(scores, dim=1)",
    ])
    n_params = sum(p.numel() for p in model.parameters())
    return ForwardResult(
        x=xt[0].numpy(), w1=lin1.weight.detach().numpy().copy(), b1=lin1.bias.detach().numpy().copy(),
        u=u[0].numpy(), h=h[0].numpy(), w2=lin2.weight.detach().numpy().copy(),
        b2=lin2.bias.detach().numpy().copy(), logits=logits[0].numpy(), probs=probs[0].numpy(),
        activation=activation, code=code, n_params=n_params)


def working(r: ForwardResult, node: int) -> str:
    """The sum for hidden node ``node``: u = w·x + b = … , h = a(u)."""
    terms = " + ".join(f"({r.w1[node, i]:g})·({r.x[i]:g})" for i in range(N_IN))
    u = f"u{node + 1}"
    act = {"relu": f"max(0, {u})", "sigmoid": f"σ({u})", "tanh": f"tanh({u})", "none": u}[r.activation]
    return (f"u{node + 1} = {terms} + ({r.b1[node]:g}) = {r.u[node]:.3g};   "
            f"h{node + 1} = {act} = {r.h[node]:.3g}")
