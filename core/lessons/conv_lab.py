"""Kernel lab: a 3×3 kernel slid over a real handwritten digit, as ``F.conv2d`` and ``nn.Conv2d`` do.

``apply(image, kernel, padding, stride)`` runs both and returns the output, the PyTorch lines
that compute it, and (``working``) the nine products behind any one output pixel, so the learner
can redo a convolution by hand. PyTorch's "convolution" does not flip the kernel (mathematicians
call that cross-correlation): output[i, j] = Σ kernel[a, b] · input[i·stride + a, j·stride + b].
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.i18n import L

K = 3


@dataclass(frozen=True)
class Preset:
    name: str
    title_en: str
    title_ja: str
    kernel: tuple[tuple[float, ...], ...]

    @property
    def title(self) -> str:
        return L(self.title_en, self.title_ja)


PRESETS: tuple[Preset, ...] = (
    Preset("vertical", "Vertical edges (Sobel x)", "縦のエッジ（Sobel x）", ((-1, 0, 1), (-2, 0, 2), (-1, 0, 1))),
    Preset("horizontal", "Horizontal edges (Sobel y)", "横のエッジ（Sobel y）", ((-1, -2, -1), (0, 0, 0), (1, 2, 1))),
    Preset("outline", "Outline (Laplacian)", "輪郭（ラプラシアン）", ((0, -1, 0), (-1, 4, -1), (0, -1, 0))),
    Preset("blur", "Blur (average of 9)", "ぼかし（9画素の平均）", ((1 / 9,) * 3,) * 3),
    Preset("sharpen", "Sharpen", "シャープ", ((0, -1, 0), (-1, 5, -1), (0, -1, 0))),
    Preset("identity", "Identity (copies the input)", "恒等（入力をそのまま）", ((0, 0, 0), (0, 1, 0), (0, 0, 0))),
)
PRESET = {p.name: p for p in PRESETS}


@lru_cache(maxsize=1)
def _digits() -> tuple[np.ndarray, np.ndarray]:
    from core.data.sklearn_sets import load_digits
    x, y = load_digits()
    return (x / 16.0).astype(np.float32), y


def sample(digit: int, index: int = 0) -> np.ndarray:
    """The ``index``-th handwritten ``digit`` (0..9) of scikit-learn's digits: (8, 8) in [0, 1]."""
    x, y = _digits()
    which = np.flatnonzero(y == int(digit))
    return x[which[int(index) % len(which)]]


@dataclass(frozen=True)
class ConvResult:
    image: np.ndarray      # (H, W) the input
    kernel: np.ndarray     # (3, 3)
    padding: int
    stride: int
    output: np.ndarray     # (H', W') from F.conv2d
    layer_output: np.ndarray   # the same from nn.Conv2d with this kernel as its weight
    code: str

    @property
    def padded(self) -> np.ndarray:
        p = self.padding
        return np.pad(self.image, p) if p else self.image


def apply(image: np.ndarray, kernel, padding: int = 0, stride: int = 1) -> ConvResult:
    image = np.asarray(image, dtype=np.float32)
    kernel = np.asarray(kernel, dtype=np.float32).reshape(K, K)
    if padding not in (0, 1, 2) or stride not in (1, 2):
        raise ValueError(L("padding must be 0, 1 or 2 and stride 1 or 2",
                           "padding は 0・1・2、stride は 1・2 のいずれかです"))
    x = torch.from_numpy(image).view(1, 1, *image.shape)            # (B=1, C=1, H, W)
    w = torch.from_numpy(kernel).view(1, 1, K, K)                   # (out=1, in=1, kH, kW)
    with torch.no_grad():
        y = F.conv2d(x, w, padding=padding, stride=stride)         # (1, 1, H', W')
        conv = nn.Conv2d(1, 1, K, stride=stride, padding=padding, bias=False)
        conv.weight.copy_(w)
        y_layer = conv(x)
    h, wd = image.shape
    oh, ow = y.shape[-2:]
    rows = ",\n                       ".join("[" + ", ".join(_num(v) for v in row) + "]" for row in kernel)
    args = "".join([f", padding={padding}" if padding else "", f", stride={stride}" if stride != 1 else ""])
    code = "\n".join([
        "import torch, torch.nn.functional as F",
        "from torch import nn",
        f"x = torch.from_numpy(digit).view(1, 1, {h}, {wd})   # (B, C, H, W)",
        f"kernel = torch.tensor([{rows}]).view(1, 1, 3, 3)   # (out, in, kH, kW)",
        f"y = F.conv2d(x, kernel{args})   # (1, 1, {oh}, {ow})",
        L("# the same as a layer whose weight is this kernel:", "# 重みがこのカーネルの層でも同じ:"),
        f"conv = nn.Conv2d(1, 1, kernel_size=3{args}, bias=False)",
        "conv.weight.data = kernel",
        f"y = conv(x)   # (1, 1, {oh}, {ow})",
    ])
    return ConvResult(image, kernel, padding, stride, y[0, 0].numpy().copy(), y_layer[0, 0].numpy().copy(), code)


def output_size(side: int, padding: int, stride: int) -> int:
    return (side + 2 * padding - K) // stride + 1


def working(r: ConvResult, i: int, j: int) -> str:
    """How output[i, j] is computed: the 3×3 patch it sees, times the kernel, summed."""
    top, left = i * r.stride, j * r.stride
    patch = r.padded[top:top + K, left:left + K]
    terms = [f"{_num(k) if k >= 0 else '(' + _num(k) + ')'}×{_num(v)}" for k, v in zip(r.kernel.ravel(), patch.ravel()) if k != 0]
    total = float((patch * r.kernel).sum())
    where = f"[{top}:{top + K}, {left}:{left + K}]"
    head = (L(f"output[{i}, {j}] = Σ kernel × padded input{where}", f"出力[{i}, {j}] = Σ カーネル × パディング後の入力{where}")
            if r.padding else
            L(f"output[{i}, {j}] = Σ kernel × input{where}", f"出力[{i}, {j}] = Σ カーネル × 入力{where}"))
    return f"{head}\n= " + (" + ".join(terms) if terms else "0") + f"\n= {total:.3f}"


def _num(v: float) -> str:
    v = float(v)
    if abs(v - round(v)) < 1e-6:
        return str(int(round(v)))
    return f"{v:.3g}"
