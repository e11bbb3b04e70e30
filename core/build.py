"""Turn a spec into a real ``nn.Module`` and into the equivalent, runnable PyTorch source file.

Both read the same registry entries, so the built model and the exported code agree by
construction: child ``i`` of the ``nn.Sequential`` is ``spec.layers[i]``.
"""
from __future__ import annotations

from torch import nn

from core.analysis import analyse
from core.i18n import L
from core.layers import LAYERS, format_shape
from core.spec import NetworkSpec


class BuildError(ValueError):
    """The spec has errors; ``problems`` lists them all."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(p.message for p in problems))


def build(spec: NetworkSpec) -> nn.Sequential:
    analysis = analyse(spec)
    if analysis.errors:
        raise BuildError(analysis.errors)
    modules = [LAYERS[layer.kind].builder(info.in_shape, layer.params)
               for layer, info in zip(spec.layers, analysis.layers)]
    return nn.Sequential(*modules)


def to_code(spec: NetworkSpec) -> str:
    """A complete Python file that defines the same model (same parameter names and shapes)."""
    analysis = analyse(spec)
    if analysis.errors:
        lines = "\n".join(f"#   - {p.message}" for p in analysis.errors)
        return (L("# This network cannot be built yet:\n", "# このネットワークはまだ作れません:\n")
                + lines + "\n")
    rows = [(LAYERS[l.kind].code(info.in_shape, l.params), info) for l, info in zip(spec.layers, analysis.layers)]
    width = max(len(code) for code, _ in rows) + 1
    body = "\n".join(
        f"        {(code + ','):<{width}}  # {format_shape(info.in_shape)} -> {format_shape(info.out_shape)}"
        for code, info in rows)
    in_shape = ", ".join(str(d) for d in spec.input_shape)
    out_shape = ", ".join(str(d) for d in analysis.output_shape)
    summary = L(f"A network built in the PyTorch learning app.\n\n"
                f"Input {format_shape(spec.input_shape)} -> output {format_shape(analysis.output_shape)}, "
                f"{analysis.total_params:,} parameters.",
                f"PyTorch 学習アプリで組み立てたネットワーク。\n\n"
                f"入力 {format_shape(spec.input_shape)} -> 出力 {format_shape(analysis.output_shape)}、"
                f"パラメータ {analysis.total_params:,} 個。")
    batch_comment = L("a batch of 8 inputs", "8 個の入力からなるバッチ")
    return f'''"""{summary}
"""
import torch
from torch import nn


def build_model() -> nn.Sequential:
    return nn.Sequential(
{body}
    )


model = build_model()

if __name__ == "__main__":
    x = torch.randn(8, {in_shape})  # {batch_comment}
    y = model(x)
    print(model)
    print("output shape:", tuple(y.shape))  # (8, {out_shape})
    print("parameters:", sum(p.numel() for p in model.parameters()))  # {analysis.total_params}
'''
