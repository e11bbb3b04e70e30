"""The registry of layer kinds: one entry per kind drives everything.

The palette, the inspector, shape inference, validation, ``nn.Module`` building and code export all
read this table, so adding a layer kind is one ``LayerKind`` entry: dense kinds at the bottom of
this file, other families in a module of ``core/layer_kinds/`` whose ``KINDS`` list is added below.

Shapes here never include the batch dimension: a Linear layer fed ``(64,)`` sees tensors of shape
``(B, 64)``.
"""
from __future__ import annotations

import math
from typing import Callable

from torch import nn

from core.i18n import L
from core.layer_kind import LayerKind, Param, Shape, ShapeError, shape_text  # noqa: F401 - re-exported
from core.layer_kinds import conv, sequence

_fmt = shape_text

GROUPS = ("linear", "convolution", "pooling", "activation", "normalisation", "regularisation", "shape",
          "sequence")


def group_title(group: str) -> str:
    return {
        "linear": L("Linear", "線形"),
        "convolution": L("Convolution", "畳み込み"),
        "pooling": L("Pooling", "プーリング"),
        "activation": L("Activation", "活性化関数"),
        "normalisation": L("Normalisation", "正規化"),
        "regularisation": L("Regularisation", "正則化"),
        "shape": L("Shape", "形状"),
        "sequence": L("Sequence", "系列"),
    }[group]


# --- shape rules -------------------------------------------------------------------------------

def _same(shape: Shape, p: dict) -> Shape:
    return shape


def _needs_features(shape: Shape, kind: str) -> int:
    if not shape:
        raise ShapeError(L(f"{kind} needs at least one feature dimension, but receives {_fmt(shape)}",
                           f"{kind} には特徴量の次元が必要ですが、入力は {_fmt(shape)} です"))
    return shape[-1]


def _linear_shape(shape: Shape, p: dict) -> Shape:
    _needs_features(shape, "Linear")
    return shape[:-1] + (p["out_features"],)


def _batchnorm_shape(shape: Shape, p: dict) -> Shape:
    if len(shape) not in (1, 2):
        raise ShapeError(L(
            f"BatchNorm1d expects (B, C) or (B, C, L) but receives {_fmt(shape)}; add a Flatten before it",
            f"BatchNorm1d は (B, C) か (B, C, L) を受け取りますが、入力は {_fmt(shape)} です。前に Flatten を入れてください"))
    return shape


def _layernorm_shape(shape: Shape, p: dict) -> Shape:
    _needs_features(shape, "LayerNorm")
    return shape


def _flatten_shape(shape: Shape, p: dict) -> Shape:
    return (math.prod(shape),)


# --- the registry ------------------------------------------------------------------------------

def _activation(name: str, doc_en: str, doc_ja: str, params: tuple[Param, ...] = (),
                build: Callable[[dict], nn.Module] | None = None,
                code: Callable[[dict], str] | None = None) -> LayerKind:
    cls = getattr(nn, name)
    return LayerKind(
        name=name, group="activation", doc_en=doc_en, doc_ja=doc_ja, shape_rule=_same,
        builder=lambda s, p: build(p) if build else cls(),
        code=lambda s, p: code(p) if code else f"nn.{name}()",
        params=params,
    )


_KINDS: list[LayerKind] = [
    LayerKind(
        name="Linear", group="linear",
        doc_en="Fully connected layer: u = W x + b, every output sees every input.",
        doc_ja="全結合層: u = W x + b。すべての出力がすべての入力とつながります。",
        params=(
            Param("out_features", int, 16, 1, 65536,
                  doc_en="Number of output units (neurons).", doc_ja="出力ユニット (ニューロン) の数。"),
            Param("bias", bool, True, doc_en="Learn an additive bias b.", doc_ja="バイアス b を学習します。"),
        ),
        shape_rule=_linear_shape,
        count_params=lambda s, p: s[-1] * p["out_features"] + (p["out_features"] if p["bias"] else 0),
        builder=lambda s, p: nn.Linear(s[-1], p["out_features"], bias=p["bias"]),
        code=lambda s, p: f"nn.Linear({s[-1]}, {p['out_features']}"
                          + ("" if p["bias"] else ", bias=False") + ")",
        inferred_en="in_features is taken from the previous layer's output, so you only set out_features.",
        inferred_ja="in_features は前の層の出力から自動で決まるので、out_features だけを指定します。",
    ),
    _activation("ReLU", "max(0, u): gradient 1 for u > 0, so deep networks keep their gradient.",
                "max(0, u): u > 0 で勾配が 1 なので、深いネットワークでも勾配が消えにくい。"),
    _activation(
        "LeakyReLU", "Like ReLU, but a small slope for u < 0 so units never die completely.",
        "ReLU に似ていますが、u < 0 でも小さな傾きがあるので、ユニットが完全には死にません。",
        params=(Param("negative_slope", float, 0.01, 0.0, 1.0,
                      doc_en="Slope for negative inputs.", doc_ja="負の入力に対する傾き。"),),
        build=lambda p: nn.LeakyReLU(p["negative_slope"]),
        code=lambda p: f"nn.LeakyReLU({p['negative_slope']!r})",
    ),
    _activation("Sigmoid", "1 / (1 + e^-u): squashes to (0, 1); its slope is at most 0.25, so deep stacks vanish.",
                "1 / (1 + e^-u): (0, 1) に押し込みます。傾きは最大 0.25 なので、深く重ねると勾配が消えます。"),
    _activation("Tanh", "Squashes to (-1, 1); zero-centred, slope at most 1 at u = 0.",
                "(-1, 1) に押し込みます。0 を中心とし、傾きは u = 0 で最大 1。"),
    _activation(
        "GELU", "Smooth ReLU used in Transformers: u · Φ(u).",
        "Transformer で使われる滑らかな ReLU: u · Φ(u)。",
        params=(Param("approximate", str, "none", choices=("none", "tanh"),
                      doc_en="Exact (none) or the faster tanh approximation.",
                      doc_ja="正確な式 (none) か、速い tanh 近似か。"),),
        build=lambda p: nn.GELU(approximate=p["approximate"]),
        code=lambda p: "nn.GELU()" if p["approximate"] == "none" else f"nn.GELU(approximate={p['approximate']!r})",
    ),
    _activation(
        "Softmax", "Turns scores into probabilities that sum to 1 along the last dimension.",
        "最後の次元に沿って、スコアを合計 1 の確率に変えます。",
        build=lambda p: nn.Softmax(dim=-1), code=lambda p: "nn.Softmax(dim=-1)",
    ),
    LayerKind(
        name="Dropout", group="regularisation",
        doc_en="While training, zeroes each value with probability p (and scales the rest) to fight overfitting.",
        doc_ja="学習中に各値を確率 p で 0 にし (残りは拡大)、過学習を防ぎます。",
        params=(Param("p", float, 0.5, 0.0, 1.0, max_inclusive=False,
                      doc_en="Probability of zeroing a value.", doc_ja="値を 0 にする確率。"),),
        shape_rule=_same, builder=lambda s, p: nn.Dropout(p["p"]),
        code=lambda s, p: f"nn.Dropout(p={p['p']!r})",
    ),
    LayerKind(
        name="BatchNorm1d", group="normalisation",
        doc_en="Normalises each feature over the batch to mean 0, variance 1, then scales and shifts.",
        doc_ja="各特徴量をバッチ全体で平均 0・分散 1 に正規化し、拡大と平行移動を学習します。",
        shape_rule=_batchnorm_shape,
        count_params=lambda s, p: 2 * s[0],
        builder=lambda s, p: nn.BatchNorm1d(s[0]),
        code=lambda s, p: f"nn.BatchNorm1d({s[0]})",
        inferred_en="num_features is taken from the incoming shape.",
        inferred_ja="num_features は入力の形から自動で決まります。",
    ),
    LayerKind(
        name="LayerNorm", group="normalisation",
        doc_en="Normalises each sample over its last dimension (as in Transformers).",
        doc_ja="各サンプルを最後の次元で正規化します (Transformer と同じ)。",
        shape_rule=_layernorm_shape,
        count_params=lambda s, p: 2 * s[-1],
        builder=lambda s, p: nn.LayerNorm(s[-1]),
        code=lambda s, p: f"nn.LayerNorm({s[-1]})",
        inferred_en="normalized_shape is taken from the incoming shape.",
        inferred_ja="normalized_shape は入力の形から自動で決まります。",
    ),
    LayerKind(
        name="Flatten", group="shape",
        doc_en="Flattens everything but the batch dimension into one vector: (B, C, L) → (B, C·L).",
        doc_ja="バッチ以外の次元を 1 本のベクトルにまとめます: (B, C, L) → (B, C·L)。",
        shape_rule=_flatten_shape, builder=lambda s, p: nn.Flatten(),
        code=lambda s, p: "nn.Flatten()",
    ),
]

# other families, one module each (their KINDS lists): add one line per family here
_FAMILIES: list[list[LayerKind]] = [conv.KINDS, sequence.KINDS]
_KINDS = _KINDS + [k for family in _FAMILIES for k in family]

LAYERS: dict[str, LayerKind] = {k.name: k for k in _KINDS}


def kinds_in_group(group: str) -> list[LayerKind]:
    return [k for k in _KINDS if k.group == group]


def format_shape(shape: Shape | None) -> str:
    """The shape as the learner sees it, with the batch dimension: ``(B, 64)``; ``?`` when unknown."""
    return "?" if shape is None else _fmt(shape)
