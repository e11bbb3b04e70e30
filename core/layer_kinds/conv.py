"""Layers for images: convolution, pooling, their normalisation and dropout, and Unflatten.

An image sample has the shape (C, H, W): channels (1 for grayscale, 3 for RGB), height, width;
a batch is (B, C, H, W), as ``nn.Conv2d`` expects. Every rule here checks that it receives three
dimensions and, for kernels, that the kernel fits the (padded) picture, and says why not in the
learner's words. Output sizes follow PyTorch's formula, floor((H + 2·padding − kernel) / stride) + 1.
"""
from __future__ import annotations

import math

from torch import nn

from core.i18n import L
from core.layer_kind import LayerKind, Param, Shape, ShapeError, shape_text

MAX_CHANNELS = 4096
MAX_KERNEL = 31
MAX_SIDE = 4096


def _image(shape: Shape, kind: str) -> tuple[int, int, int]:
    """(C, H, W) of an image-shaped input, or a ShapeError that says how to get there."""
    if len(shape) != 3:
        hint_en, hint_ja = (("put an Unflatten before it to turn the vector into (C, H, W)",
                             "前に Unflatten を入れてベクトルを (C, H, W) に変えてください")
                            if len(shape) == 1 else
                            ("set the input shape to (channels, height, width), e.g. 1, 28, 28",
                             "入力の形を (チャンネル, 高さ, 幅) にしてください (例: 1, 28, 28)"))
        raise ShapeError(L(
            f"{kind} expects images (B, C, H, W) but receives {shape_text(shape)}; {hint_en}",
            f"{kind} は画像 (B, C, H, W) を受け取りますが、入力は {shape_text(shape)} です。{hint_ja}"))
    return shape  # type: ignore[return-value]


def _out_side(side: int, kernel: int, stride: int, padding: int, kind: str, axis_en: str, axis_ja: str) -> int:
    padded = side + 2 * padding
    if padded < kernel:
        raise ShapeError(L(
            f"{kind}: the {kernel}×{kernel} kernel does not fit: the input is {side} pixels {axis_en}"
            + (f" ({padded} with padding {padding})" if padding else "")
            + "; use a smaller kernel, add padding, or remove a pooling layer before it",
            f"{kind}: {kernel}×{kernel} のカーネルが入りません。入力の{axis_ja}は {side} ピクセル"
            + (f" (padding {padding} を足して {padded})" if padding else "")
            + " です。カーネルを小さくするか、padding を足すか、前のプーリング層を減らしてください"))
    return (padded - kernel) // stride + 1


def _conv_shape(shape: Shape, p: dict, kind: str = "Conv2d", channels: int | None = None) -> Shape:
    c, h, w = _image(shape, kind)
    k, s, pad = p["kernel_size"], _stride(p), p["padding"]
    return (c if channels is None else channels,
            _out_side(h, k, s, pad, kind, "high", "高さ"),
            _out_side(w, k, s, pad, kind, "wide", "幅"))


def _stride(p: dict) -> int:
    """Pooling's stride 0 means PyTorch's default: the kernel size (windows that do not overlap)."""
    return p["stride"] or p["kernel_size"]


def _pool_shape(kind: str):
    def rule(shape: Shape, p: dict) -> Shape:
        if p["padding"] * 2 > p["kernel_size"]:
            raise ShapeError(L(
                f"{kind}: padding ({p['padding']}) can be at most half the kernel size ({p['kernel_size']})",
                f"{kind}: padding ({p['padding']}) はカーネルサイズ ({p['kernel_size']}) の半分までです"))
        return _conv_shape(shape, p, kind)
    return rule


def _conv_code(s: Shape, p: dict) -> str:
    args = [str(s[0]), str(p["out_channels"]), f"kernel_size={p['kernel_size']}"]
    if p["stride"] != 1:
        args.append(f"stride={p['stride']}")
    if p["padding"]:
        args.append(f"padding={p['padding']}")
    if not p["bias"]:
        args.append("bias=False")
    return f"nn.Conv2d({', '.join(args)})"


def _pool_code(name: str, p: dict) -> str:
    args = [f"kernel_size={p['kernel_size']}"]
    if p["stride"]:
        args.append(f"stride={p['stride']}")
    if p["padding"]:
        args.append(f"padding={p['padding']}")
    return f"nn.{name}({', '.join(args)})"


def _pool(name: str, doc_en: str, doc_ja: str) -> LayerKind:
    cls = getattr(nn, name)
    return LayerKind(
        name=name, group="pooling", doc_en=doc_en, doc_ja=doc_ja,
        params=(
            Param("kernel_size", int, 2, 1, MAX_KERNEL,
                  doc_en="Side of the square window summarised into one value.",
                  doc_ja="1 つの値にまとめる正方形の窓の一辺。"),
            Param("stride", int, 0, 0, MAX_KERNEL,
                  doc_en="Step between windows; 0 = the kernel size (PyTorch's default: no overlap).",
                  doc_ja="窓をずらす幅。0 はカーネルサイズと同じ (PyTorch の既定値: 重なりなし)。"),
            Param("padding", int, 0, 0, MAX_KERNEL // 2,
                  doc_en="Border added on every side (at most half the kernel).",
                  doc_ja="四辺に足す余白 (カーネルの半分まで)。"),
        ),
        shape_rule=_pool_shape(name),
        builder=lambda s, p: cls(p["kernel_size"], stride=_stride(p), padding=p["padding"]),
        code=lambda s, p: _pool_code(name, p),
        inferred_en="The channel count passes through unchanged; only height and width shrink.",
        inferred_ja="チャンネル数はそのままで、高さと幅だけが小さくなります。",
    )


def _adaptive_shape(shape: Shape, p: dict) -> Shape:
    c, _, _ = _image(shape, "AdaptiveAvgPool2d")
    return (c, p["output_size"], p["output_size"])


def _per_channel(kind: str):
    def rule(shape: Shape, p: dict) -> Shape:
        _image(shape, kind)
        return shape
    return rule


def _unflatten_shape(shape: Shape, p: dict) -> Shape:
    target = (p["channels"], p["height"], p["width"])
    n = math.prod(target)
    if len(shape) != 1 or shape[0] != n:
        raise ShapeError(L(
            f"Unflatten to {shape_text(target)} needs a vector of {p['channels']}×{p['height']}×{p['width']} "
            f"= {n} values but receives {shape_text(shape)}",
            f"{shape_text(target)} への Unflatten には {p['channels']}×{p['height']}×{p['width']} = {n} 個の値の"
            f"ベクトルが必要ですが、入力は {shape_text(shape)} です"))
    return target


KINDS: list[LayerKind] = [
    LayerKind(
        name="Conv2d", group="convolution",
        doc_en="Slides small learned kernels over the image: each output channel is one kernel's "
               "weighted sum at every position, so the same pattern is found anywhere in the picture.",
        doc_ja="学習する小さなカーネルを画像の上で滑らせます。出力の各チャンネルは、1 つのカーネルによる各位置の"
               "重み付き和なので、同じ模様を画像のどこにあっても見つけられます。",
        params=(
            Param("out_channels", int, 16, 1, MAX_CHANNELS,
                  doc_en="Number of kernels = output channels (feature maps).",
                  doc_ja="カーネルの数 = 出力チャンネル (特徴マップ) の数。"),
            Param("kernel_size", int, 3, 1, MAX_KERNEL,
                  doc_en="Side of each square kernel, e.g. 3 for 3×3.", doc_ja="正方形カーネルの一辺 (3 なら 3×3)。"),
            Param("stride", int, 1, 1, MAX_KERNEL,
                  doc_en="Step between positions; 2 halves the height and width.",
                  doc_ja="カーネルをずらす幅。2 にすると高さと幅が半分になります。"),
            Param("padding", int, 0, 0, MAX_KERNEL,
                  doc_en="Zeros added on every side; padding = kernel_size // 2 keeps the size (stride 1).",
                  doc_ja="四辺に足す 0 の幅。padding = kernel_size // 2 なら大きさが変わりません (stride 1 のとき)。"),
            Param("bias", bool, True, doc_en="Learn one bias per output channel.",
                  doc_ja="出力チャンネルごとにバイアスを学習します。"),
        ),
        shape_rule=lambda s, p: _conv_shape(s, p, "Conv2d", p["out_channels"]),
        count_params=lambda s, p: (s[0] * p["out_channels"] * p["kernel_size"] ** 2
                                   + (p["out_channels"] if p["bias"] else 0)),
        builder=lambda s, p: nn.Conv2d(s[0], p["out_channels"], p["kernel_size"], stride=p["stride"],
                                       padding=p["padding"], bias=p["bias"]),
        code=_conv_code,
        inferred_en="in_channels is taken from the incoming (C, H, W) shape, so you only set out_channels.",
        inferred_ja="in_channels は入力の (C, H, W) から自動で決まるので、out_channels だけを指定します。",
    ),
    _pool("MaxPool2d", "Keeps the largest value of each window: smaller maps that still say where a "
                       "pattern was strong.",
          "各窓の最大値だけを残します。模様が強く出た場所の情報を保ったまま、マップを小さくします。"),
    _pool("AvgPool2d", "Averages each window: a smoother way to shrink the feature maps.",
          "各窓の平均をとります。特徴マップを滑らかに小さくします。"),
    LayerKind(
        name="AdaptiveAvgPool2d", group="pooling",
        doc_en="Averages each channel down to a fixed output_size × output_size, whatever the input size "
               "(1 = global average pooling).",
        doc_ja="入力の大きさに関係なく、各チャンネルを output_size × output_size に平均でまとめます "
               "(1 なら全体平均プーリング)。",
        params=(Param("output_size", int, 1, 1, MAX_SIDE,
                      doc_en="Height and width of the output.", doc_ja="出力の高さと幅。"),),
        shape_rule=_adaptive_shape,
        builder=lambda s, p: nn.AdaptiveAvgPool2d(p["output_size"]),
        code=lambda s, p: f"nn.AdaptiveAvgPool2d({p['output_size']})",
    ),
    LayerKind(
        name="BatchNorm2d", group="normalisation",
        doc_en="Normalises each channel over the batch and all positions to mean 0, variance 1, "
               "then scales and shifts it.",
        doc_ja="各チャンネルをバッチと全位置にわたって平均 0・分散 1 に正規化し、拡大と平行移動を学習します。",
        shape_rule=_per_channel("BatchNorm2d"),
        count_params=lambda s, p: 2 * s[0],
        builder=lambda s, p: nn.BatchNorm2d(s[0]),
        code=lambda s, p: f"nn.BatchNorm2d({s[0]})",
        inferred_en="num_features (the channel count C) is taken from the incoming shape.",
        inferred_ja="num_features (チャンネル数 C) は入力の形から自動で決まります。",
    ),
    LayerKind(
        name="Dropout2d", group="regularisation",
        doc_en="While training, zeroes whole channels with probability p (neighbouring pixels are "
               "alike, so dropping single pixels would barely regularise).",
        doc_ja="学習中にチャンネルまるごとを確率 p で 0 にします (隣り合う画素は似ているので、1 画素ずつ落としても"
               "正則化の効果が小さいため)。",
        params=(Param("p", float, 0.25, 0.0, 1.0, max_inclusive=False,
                      doc_en="Probability of zeroing a channel.", doc_ja="チャンネルを 0 にする確率。"),),
        shape_rule=_per_channel("Dropout2d"),
        builder=lambda s, p: nn.Dropout2d(p["p"]),
        code=lambda s, p: f"nn.Dropout2d(p={p['p']!r})",
    ),
    LayerKind(
        name="Unflatten", group="shape",
        doc_en="Turns a vector back into an image: (B, C·H·W) → (B, C, H, W). The opposite of Flatten.",
        doc_ja="ベクトルを画像に戻します: (B, C·H·W) → (B, C, H, W)。Flatten の逆です。",
        params=(
            Param("channels", int, 1, 1, MAX_CHANNELS, doc_en="C: channels (1 gray, 3 RGB).",
                  doc_ja="C: チャンネル数 (グレー 1、RGB 3)。"),
            Param("height", int, 8, 1, MAX_SIDE, doc_en="H: height in pixels.", doc_ja="H: 高さ (ピクセル)。"),
            Param("width", int, 8, 1, MAX_SIDE, doc_en="W: width in pixels.", doc_ja="W: 幅 (ピクセル)。"),
        ),
        shape_rule=_unflatten_shape,
        builder=lambda s, p: nn.Unflatten(1, (p["channels"], p["height"], p["width"])),
        code=lambda s, p: f"nn.Unflatten(1, ({p['channels']}, {p['height']}, {p['width']}))",
    ),
]
