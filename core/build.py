"""Turn a spec into a real ``nn.Module`` and into the equivalent, runnable PyTorch source file.

Both read the same registry entries and name modules the same way, so the built model and the
exported code agree by construction, down to the state_dict keys (trained weights load into the
exported file):
- a flat network (layers only) is an ``nn.Sequential``: child ``i`` is ``spec.layers[i]``;
- a network with blocks is a ``Network(nn.Module)`` with one attribute per top-level node
  (``linear0``, ``residual1``, ``concat2``...) and a ``forward()`` that spells out the data flow.
  Blocks use ``core.modules.blocks`` (``Residual``, ``Concat``), whose source the file includes
  only when it uses them. The app builds the same attributes as an ``nn.Sequential`` of named
  children, which runs the same steps in the same order.
"""
from __future__ import annotations

from collections import OrderedDict

from torch import nn

from core.analysis import Analysis, analyse
from core.i18n import L
from core.layers import LAYERS, format_shape
from core.modules import HELPER_IMPORTS, blocks, helper_source
from core.spec import CONCAT, RESIDUAL, BlockSpec, LayerSpec, NetworkSpec, Node, walk


class BuildError(ValueError):
    """The spec has errors; ``problems`` lists them all."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(p.message for p in problems))


def build(spec: NetworkSpec) -> nn.Sequential:
    analysis = analyse(spec)
    if analysis.errors:
        raise BuildError(analysis.errors)
    if spec.is_flat():
        return nn.Sequential(*[_module(layer, analysis) for layer in spec.layers])
    return nn.Sequential(OrderedDict(
        (name, _module(node, analysis)) for name, node in zip(attribute_names(spec), spec.layers)))


def _module(node: Node, analysis: Analysis) -> nn.Module:
    if isinstance(node, BlockSpec):
        paths = [[_module(n, analysis) for n in branch] for branch in node.branches]
        if node.kind == RESIDUAL:
            return blocks.Residual(*paths[0])
        return blocks.Concat(nn.Sequential(*paths[0]), nn.Sequential(*paths[1]), dim=node.params["dim"])
    return LAYERS[node.kind].builder(analysis.info(node.id).in_shape, node.params)


def attribute_names(spec: NetworkSpec) -> list[str]:
    """The attribute of each top-level node in a branching network: ``linear0``, ``residual1``..."""
    return [_slug(node) + str(i) for i, node in enumerate(spec.layers)]


def _slug(node: Node) -> str:
    if isinstance(node, BlockSpec):
        return "residual" if node.kind == RESIDUAL else "concat"
    return node.kind.lower()


def module_names(spec: NetworkSpec) -> dict[str, str]:
    """Each node's name in the built model (``model.get_submodule(name)``), without building it:
    flat ``"0"``, ``"1"``...; with blocks e.g. ``"residual1"``, ``"residual1.f.0"``, ``"concat2.b.1"``."""
    out: dict[str, str] = {}
    todo = list(zip(spec.layers, [str(i) for i in range(len(spec.layers))] if spec.is_flat()
                    else attribute_names(spec)))
    while todo:
        node, name = todo.pop()
        out[node.id] = name
        if isinstance(node, BlockSpec):
            keys = ["f"] if node.kind == RESIDUAL else ["a", "b"]
            for key, branch in zip(keys, node.branches):
                todo.extend((child, f"{name}.{key}.{j}") for j, child in enumerate(branch))
    return out


def layer_modules(spec: NetworkSpec, model: nn.Module) -> list[tuple[LayerSpec, str, nn.Module]]:
    """(layer, qualified name, module) of every layer of the tree in data order, for per-layer views
    (gradient flow, histograms) of a model made by ``build(spec)``. Flat: names ``"0"``, ``"1"``...;
    with blocks: e.g. ``"residual1.f.0"``, ``"concat2.b.1"``."""
    names = module_names(spec)
    return [(layer, names[layer.id], model.get_submodule(names[layer.id])) for layer in spec.all_layers()]


def input_vocab(spec: NetworkSpec) -> int | None:
    """When the network starts with a kind that reads token ids (Embedding): how many ids; else None."""
    first = spec.layers[0] if spec.layers else None
    if isinstance(first, LayerSpec) and first.kind in LAYERS and LAYERS[first.kind].vocab:
        return LAYERS[first.kind].vocab(first.params)
    return None


# --- code export -------------------------------------------------------------------------------

def to_code(spec: NetworkSpec) -> str:
    """A complete Python file that defines the same model (same parameter names and shapes)."""
    return code_and_lines(spec)[0]


def code_and_lines(spec: NetworkSpec, analysis: Analysis | None = None) -> tuple[str, dict[str, int]]:
    """The file of ``to_code`` and, for each node id, the (0-based) line that constructs it.
    ``analysis``: ``analyse(spec)`` when the caller already has it."""
    analysis = analysis or analyse(spec)
    if analysis.errors:
        lines = "\n".join(f"#   - {p.message}" for p in analysis.errors)
        return (L("# This network cannot be built yet:\n", "# このネットワークはまだ作れません:\n") + lines + "\n"), {}
    summary = L(f"A network built in the PyTorch learning app.\n\n"
                f"Input {format_shape(spec.input_shape)} -> output {format_shape(analysis.output_shape)}, "
                f"{analysis.total_params:,} parameters.",
                f"PyTorch 学習アプリで組み立てたネットワーク。\n\n"
                f"入力 {format_shape(spec.input_shape)} -> 出力 {format_shape(analysis.output_shape)}、"
                f"パラメータ {analysis.total_params:,} 個。")
    helpers = _helpers(spec)
    imports = "\n".join(HELPER_IMPORTS) if helpers else "import torch\nfrom torch import nn"
    head = f'"""{summary}\n"""\n{imports}\n'
    if helpers:  # classes torch.nn does not have, copied from core/modules once each
        head += "\n\n" + helper_source(helpers)
    if spec.is_flat():
        body, rows = _sequential_code(spec, analysis)
    else:
        body, rows = _module_code(spec, analysis)
    text = head + body + _demo(spec, analysis)
    first = head.count("\n")
    return text, {node_id: first + line for node_id, line in rows.items()}


def _sequential_code(spec: NetworkSpec, analysis: Analysis) -> tuple[str, dict[str, int]]:
    rows = [(LAYERS[l.kind].code(analysis.info(l.id).in_shape, l.params), analysis.info(l.id)) for l in spec.layers]
    width = max(len(code) for code, _ in rows) + 1
    body = "\n".join(
        f"        {(code + ','):<{width}}  # {format_shape(info.in_shape)} -> {format_shape(info.out_shape)}"
        for code, info in rows)
    text = f'''

def build_model() -> nn.Sequential:
    return nn.Sequential(
{body}
    )
'''
    first = text.split("return nn.Sequential(")[0].count("\n") + 1
    return text, {layer.id: first + i for i, layer in enumerate(spec.layers)}


class _Lines:
    """Code lines with a trailing comment each, aligned in one column when written out."""

    def __init__(self):
        self.rows: list[tuple[str, str]] = []
        self.ids: dict[str, int] = {}

    def add(self, code: str, comment: str = "", node_id: str = "") -> None:
        if node_id:
            self.ids[node_id] = len(self.rows)
        self.rows.append((code, comment))

    def text(self) -> str:
        width = min(60, max((len(c) for c, m in self.rows if m), default=0))
        return "\n".join((f"{c:<{width}}  # {m}" if m else c).rstrip() for c, m in self.rows)


def _arrow(info) -> str:
    return f"{format_shape(info.in_shape)} -> {format_shape(info.out_shape)}"


def _helpers(spec: NetworkSpec) -> list:
    """The core/modules classes the file needs: the layers' helpers, then Residual / Concat if used."""
    out, kinds = [], set()
    for node, _ in walk(spec.layers):
        kinds.add(node.kind)
        if isinstance(node, LayerSpec):
            out.extend(LAYERS[node.kind].helpers_of(node.params))
    out += [cls for kind, cls in ((RESIDUAL, blocks.Residual), (CONCAT, blocks.Concat)) if kind in kinds]
    return out


def _module_code(spec: NetworkSpec, analysis: Analysis) -> tuple[str, dict[str, int]]:
    names = attribute_names(spec)
    lines = _Lines()
    lines.add("class Network(nn.Module):")
    lines.add("    def __init__(self):")
    lines.add("        super().__init__()")
    for name, node in zip(names, spec.layers):
        _construct(lines, node, analysis, f"        self.{name} = ", "        ", "")
    lines.add("")
    lines.add("    def forward(self, x):", "x: " + format_shape(spec.input_shape))
    for name, node in zip(names, spec.layers):
        info = analysis.info(node.id)
        note = format_shape(info.out_shape)
        if isinstance(node, BlockSpec):
            note = (L("x + f(x): ", "x + f(x): ") if node.kind == RESIDUAL
                    else L(f"join the paths on dim {node.params['dim']}: ",
                           f"2 つの経路を dim {node.params['dim']} でつなぐ: ")) + note
        lines.add(f"        x = self.{name}(x)", note)
    lines.add("        return x")
    before = "\n\n"
    start = before.count("\n")
    text = before + lines.text() + "\n\n\ndef build_model() -> Network:\n    return Network()\n"
    return text, {node_id: start + row for node_id, row in lines.ids.items()}


def _construct(lines: _Lines, node: Node, analysis: Analysis, lead: str, indent: str, tail: str) -> None:
    """Write the expression that builds ``node``, prefixed by ``lead`` and followed by ``tail``."""
    info = analysis.info(node.id)
    if isinstance(node, LayerSpec):
        lines.add(lead + LAYERS[node.kind].code(info.in_shape, node.params) + tail, _arrow(info), node.id)
        return
    inner = indent + "    "
    if node.kind == RESIDUAL:
        lines.add(lead + "Residual(", L("x + f(x): ", "x + f(x): ") + _arrow(info), node.id)
        for child in node.children:
            _construct(lines, child, analysis, inner, inner, ",")
        lines.add(indent + ")" + tail)
        return
    lines.add(lead + "Concat(", L(f"dim {node.params['dim']}: ", f"dim {node.params['dim']}: ") + _arrow(info),
              node.id)
    for key, branch, out in zip("ab", node.branches, info.branch_shapes):
        title = L(f"path {key.upper()}", f"経路 {key.upper()}")
        if not branch:
            lines.add(inner + "nn.Sequential(),", title + L(": x unchanged", ": x をそのまま通す"))
            continue
        lines.add(inner + "nn.Sequential(", f"{title}: {format_shape(info.in_shape)} -> {format_shape(out)}")
        for child in branch:
            _construct(lines, child, analysis, inner + "    ", inner + "    ", ",")
        lines.add(inner + "),")
    lines.add(inner + f"dim={node.params['dim']},")
    lines.add(indent + ")" + tail)


def _demo(spec: NetworkSpec, analysis: Analysis) -> str:
    in_shape = ", ".join(str(d) for d in spec.input_shape)
    out_shape = ", ".join(str(d) for d in analysis.output_shape)
    vocab = input_vocab(spec)
    if vocab:
        batch = f"torch.randint(0, {vocab}, (8, {in_shape}))"
        batch_comment = L("a batch of 8 sequences of token ids", "トークン ID の系列 8 本からなるバッチ")
    else:
        batch = f"torch.randn(8, {in_shape})"
        batch_comment = L("a batch of 8 inputs", "8 個の入力からなるバッチ")
    return f'''

model = build_model()

if __name__ == "__main__":
    x = {batch}  # {batch_comment}
    y = model(x)
    print(model)
    print("output shape:", tuple(y.shape))  # (8, {out_shape})
    print("parameters:", sum(p.numel() for p in model.parameters()))  # {analysis.total_params}
'''
