"""Shape inference and validation: what PyTorch would make of a spec, before building it.

``analyse(spec)`` walks the layers once, giving each its input and output shape and parameter
count, and collects every problem at once (each tied to a layer) instead of failing at the first.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.i18n import L
from core.layers import LAYERS, Shape, ShapeError
from core.spec import NetworkSpec, SpecError

ERROR = "error"
WARNING = "warning"
MAX_PARAMS = 50_000_000  # ~200 MB of float32 weights: beyond this, building would freeze a laptop


@dataclass(frozen=True)
class Problem:
    layer_id: str | None  # None: the problem is about the whole network
    message: str
    severity: str = ERROR


@dataclass(frozen=True)
class LayerInfo:
    in_shape: Shape | None  # None once an earlier layer's shape could not be inferred
    out_shape: Shape | None
    n_params: int


@dataclass
class Analysis:
    layers: list[LayerInfo] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def total_params(self) -> int:
        return sum(info.n_params for info in self.layers)

    @property
    def output_shape(self) -> Shape | None:
        return self.layers[-1].out_shape if self.layers else None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    def problems_for(self, layer_id: str) -> list[Problem]:
        return [p for p in self.problems if p.layer_id == layer_id]


def analyse(spec: NetworkSpec) -> Analysis:
    result = Analysis()
    shape: Shape | None = tuple(spec.input_shape)
    if not spec.layers:
        result.problems.append(Problem(None, L(
            "The network is empty: drag layers from the palette into it.",
            "ネットワークが空です。パレットから層をドラッグしてください。")))
    for layer in spec.layers:
        in_shape, out_shape, n_params = shape, None, 0
        try:
            layer.check()  # a spec built in code may hold a kind or value the inspector would refuse
        except SpecError as e:
            result.problems.append(Problem(layer.id, str(e)))
            result.layers.append(LayerInfo(in_shape, None, 0))
            shape = None
            continue
        kind = LAYERS[layer.kind]
        if shape is not None:
            try:
                out_shape = kind.shape_rule(shape, layer.params)
                n_params = kind.count_params(shape, layer.params)
            except ShapeError as e:
                result.problems.append(Problem(layer.id, str(e)))
        result.layers.append(LayerInfo(in_shape, out_shape, n_params))
        shape = out_shape
    if result.total_params > MAX_PARAMS:
        result.problems.append(Problem(None, L(
            f"The network has {result.total_params:,} parameters, more than this app builds "
            f"({MAX_PARAMS:,}): make some layers smaller.",
            f"パラメータが {result.total_params:,} 個あり、このアプリで作れる上限 ({MAX_PARAMS:,}) を超えています。"
            f"層を小さくしてください。")))
    result.problems.extend(_advice(spec))
    return result


def validate(spec: NetworkSpec) -> list[Problem]:
    """Every problem of the spec at once (errors stop building; warnings are advice)."""
    return analyse(spec).problems


def _group(kind: str) -> str | None:
    return LAYERS[kind].group if kind in LAYERS else None


def _advice(spec: NetworkSpec) -> list[Problem]:
    """Warnings a teacher would give: valid PyTorch, but probably not what the learner wants."""
    out = []
    kinds = [l.kind for l in spec.layers]
    for i, layer in enumerate(spec.layers):
        if layer.kind == "Linear" and i + 1 < len(kinds) and kinds[i + 1] == "Linear":
            out.append(Problem(spec.layers[i + 1].id, L(
                "Two Linear layers in a row collapse into one linear map: put an activation between them.",
                "Linear が 2 つ続くと 1 つの線形変換と同じです。間に活性化関数を入れましょう。"), WARNING))
        if i > 0 and layer.kind != "Softmax" and _group(layer.kind) == _group(kinds[i - 1]) == "activation":
            out.append(Problem(layer.id, L(
                f"Two activations in a row ({kinds[i - 1]}, then {layer.kind}): the second one adds little; "
                "put a Linear layer between them.",
                f"活性化関数が 2 つ続いています ({kinds[i - 1]} の次に {layer.kind})。2 つ目の効果は小さいので、"
                "間に Linear を入れましょう。"), WARNING))
        if layer.kind == "Softmax" and i + 1 < len(kinds):
            out.append(Problem(layer.id, L(
                "Softmax inside the network squashes values to probabilities; it is usually only used at the end.",
                "Softmax をネットワークの途中に置くと値が確率に押し込まれます。普通は最後にだけ使います。"), WARNING))
        if layer.kind == "Softmax" and i + 1 == len(kinds):
            out.append(Problem(layer.id, L(
                "CrossEntropyLoss applies softmax itself: for training, end the network with Linear instead.",
                "CrossEntropyLoss は内部で softmax を計算します。学習では最後を Linear にしてください。"), WARNING))
    return out
