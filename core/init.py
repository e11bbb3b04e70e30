"""Weight initialisation schemes, one definition for training, the depth lab and exported code.

"he" is Kaiming-normal for ReLU (std = √(2 / fan_in)) with zero biases: the same line
``nn.init.kaiming_normal_(m.weight, nonlinearity="relu")`` appears in exported code.
"""
from __future__ import annotations

from torch import nn

from core.i18n import L

INITS = ("default", "xavier", "he", "normal")


def init_title(name: str) -> str:
    return {"default": L("PyTorch default", "PyTorch の既定"), "xavier": "Xavier (Glorot)",
            "he": "He (Kaiming)", "normal": L("Normal (chosen std)", "正規分布（標準偏差を指定）")
            }.get(name, name)


def init_code(scheme: str, std: float = 0.1) -> str | None:
    """The statement that re-initialises one Linear ``m.weight`` (None: keep PyTorch's)."""
    return {
        "default": None,
        "xavier": "nn.init.xavier_uniform_(m.weight)",
        "he": 'nn.init.kaiming_normal_(m.weight, nonlinearity="relu")',
        "normal": f"nn.init.normal_(m.weight, 0.0, {std!r})",
    }[scheme]


def init_weights(model: nn.Module, scheme: str = "default", std: float = 0.1) -> None:
    """Re-initialise every Linear layer's weight by ``scheme`` (biases to 0); "default" keeps PyTorch's."""
    if scheme not in INITS:
        raise ValueError(f"unknown init scheme {scheme!r}; expected one of {INITS}")
    if scheme == "default":
        return
    for m in model.modules():
        if isinstance(m, nn.Linear):
            if scheme == "xavier":
                nn.init.xavier_uniform_(m.weight)
            elif scheme == "he":
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            else:
                nn.init.normal_(m.weight, 0.0, std)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
