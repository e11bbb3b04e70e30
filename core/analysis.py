"""Shape inference and validation: what PyTorch would make of a spec, before building it.

``analyse(spec)`` walks the tree once, giving each node (layer or block) its input and output
shape and parameter count, and collects every problem at once (each tied to a layer or block)
instead of failing at the first. A residual block checks at its merge that f(x) has x's shape; a
concatenate block that its two paths agree on every dimension but the joined one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.i18n import L
from core.layers import LAYERS, Shape, ShapeError, format_shape as _fmt
from core.spec import RESIDUAL, BlockSpec, NetworkSpec, Node, SpecError

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
    n_params: int  # a block: all the parameters inside it
    branch_shapes: tuple = ()  # a block: what each branch outputs, before the merge


@dataclass
class Analysis:
    layers: list[LayerInfo] = field(default_factory=list)  # one per top-level node of spec.layers
    problems: list[Problem] = field(default_factory=list)
    nodes: dict[str, LayerInfo] = field(default_factory=dict)  # every node of the tree, by id
    _by_node: dict | None = field(default=None, repr=False, compare=False)  # problems_for's index

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
        if self._by_node is None:
            self._by_node = {}
            for p in self.problems:
                self._by_node.setdefault(p.layer_id, []).append(p)
        return list(self._by_node.get(layer_id, ()))

    def info(self, node_id: str) -> LayerInfo:
        """Shapes and parameter count of any node of the tree; KeyError if unknown."""
        return self.nodes[node_id]


def analyse(spec: NetworkSpec) -> Analysis:
    result = Analysis()
    if not spec.layers:
        result.problems.append(Problem(None, L(
            "The network is empty: drag layers from the palette into it.",
            "ネットワークが空です。パレットから層をドラッグしてください。")))
    _run(spec.layers, tuple(spec.input_shape), result, top=result.layers)
    for node in spec.all_layers():  # token ids exist only at the input: an Embedding elsewhere gets floats
        kind = LAYERS.get(node.kind)
        if kind is not None and kind.vocab and node is not spec.layers[0]:
            result.problems.append(Problem(node.id, L(
                f"{node.kind} reads token ids, which only the network's input holds: make it the first layer.",
                f"{node.kind} はトークン ID を読みますが、トークン ID はネットワークの入力にしかありません。"
                "最初の層にしてください。")))
    if result.total_params > MAX_PARAMS:
        result.problems.append(Problem(None, L(
            f"The network has {result.total_params:,} parameters, more than this app builds "
            f"({MAX_PARAMS:,}): make some layers smaller.",
            f"パラメータが {result.total_params:,} 個あり、このアプリで作れる上限 ({MAX_PARAMS:,}) を超えています。"
            f"層を小さくしてください。")))
    _advise(spec.layers, result.problems, at_end=True)
    return result


def _run(nodes: list[Node], shape: Shape | None, result: Analysis, top: list | None = None) -> Shape | None:
    """Infer shapes along one list of nodes from ``shape``; record each node's info; return the output shape."""
    for node in nodes:
        info = _block(node, shape, result) if isinstance(node, BlockSpec) else _layer(node, shape, result)
        result.nodes[node.id] = info
        if top is not None:
            top.append(info)
        shape = info.out_shape
    return shape


def _layer(layer, shape: Shape | None, result: Analysis) -> LayerInfo:
    try:
        layer.check()  # a spec built in code may hold a kind or value the inspector would refuse
    except SpecError as e:
        result.problems.append(Problem(layer.id, str(e)))
        return LayerInfo(shape, None, 0)
    kind = LAYERS[layer.kind]
    out_shape, n_params = None, 0
    if shape is not None:
        try:
            out_shape = kind.shape_rule(shape, layer.params)
            n_params = kind.count_params(shape, layer.params)
        except ShapeError as e:
            result.problems.append(Problem(layer.id, str(e)))
    return LayerInfo(shape, out_shape, n_params)


def _block(block: BlockSpec, shape: Shape | None, result: Analysis) -> LayerInfo:
    try:
        block.check()
        valid = True
    except SpecError as e:
        result.problems.append(Problem(block.id, str(e)))
        valid = False
    outs = tuple(_run(branch, shape, result) for branch in block.branches)
    # the block's count: every parameter of the nodes directly in its branches (their own counts nest)
    n_params = sum(result.nodes[n.id].n_params for branch in block.branches for n in branch)
    if not valid or shape is None or any(o is None for o in outs):
        return LayerInfo(shape, None, n_params, outs)
    try:
        out = _merge(block, shape, outs)
    except ShapeError as e:
        result.problems.append(Problem(block.id, str(e)))
        return LayerInfo(shape, None, n_params, outs)
    if block.kind == RESIDUAL and not block.children:
        result.problems.append(Problem(block.id, L(
            "This residual block is empty, so it returns x + x: drag layers into it.",
            "この残差ブロックは空なので x + x を返します。中に層をドラッグしてください。"), WARNING))
    return LayerInfo(shape, out, n_params, outs)


def _merge(block: BlockSpec, x: Shape, outs: tuple) -> Shape:
    """The shape after the block's merge, or ShapeError saying why the branches do not fit together."""
    if block.kind == RESIDUAL:
        f = outs[0]
        if f != x:
            raise ShapeError(L(
                f"The residual merge adds x {_fmt(x)} and f(x) {_fmt(f)}: they must have the same shape. "
                f"Make the last layer inside output {_fmt(x)}.",
                f"残差の合流で x {_fmt(x)} と f(x) {_fmt(f)} を足しますが、形が同じである必要があります。"
                f"中の最後の層の出力を {_fmt(x)} にしてください。"))
        return x
    a, b = outs
    dim = block.params["dim"]
    rank = len(a) + 1  # with the batch dimension, as torch.cat sees it
    if len(a) != len(b):
        raise ShapeError(L(
            f"The two paths give {_fmt(a)} and {_fmt(b)}: to be joined they need the same number of dimensions.",
            f"2 つの経路の出力は {_fmt(a)} と {_fmt(b)} です。つなげるには次元の数が同じである必要があります。"))
    if not -rank <= dim < rank:
        raise ShapeError(L(
            f"dim={dim} does not exist for {_fmt(a)}: use 1 to {rank - 1} or -1 to -{rank - 1}.",
            f"{_fmt(a)} に dim={dim} はありません。1 から {rank - 1} か、-1 から -{rank - 1} を使ってください。"))
    d = dim % rank
    if d == 0:
        raise ShapeError(L("dim=0 is the batch: joining along it would mix samples. Use 1 or -1.",
                           "dim=0 はバッチの次元です。そこでつなげるとサンプルが混ざります。1 か -1 を使ってください。"))
    for i, (p, q) in enumerate(zip(a, b), start=1):
        if i != d and p != q:
            raise ShapeError(L(
                f"The two paths give {_fmt(a)} and {_fmt(b)}: joined along dim {dim}, every other dimension "
                f"must agree, but dim {i} is {p} and {q}.",
                f"2 つの経路の出力は {_fmt(a)} と {_fmt(b)} です。dim {dim} でつなげるには他の次元がすべて"
                f"同じである必要がありますが、dim {i} が {p} と {q} です。"))
    out = list(a)
    out[d - 1] = a[d - 1] + b[d - 1]
    return tuple(out)


def validate(spec: NetworkSpec) -> list[Problem]:
    """Every problem of the spec at once (errors stop building; warnings are advice)."""
    return analyse(spec).problems


def _group(kind: str) -> str | None:
    return LAYERS[kind].group if kind in LAYERS else None


def _advise(nodes: list[Node], out: list[Problem], at_end: bool) -> None:
    """Warnings a teacher would give: valid PyTorch, but probably not what the learner wants.

    Each list of the tree is read on its own (neighbours are siblings); only the network's own
    list ends at the output (``at_end``)."""
    for node in nodes:
        if isinstance(node, BlockSpec):
            for branch in node.branches:
                _advise(branch, out, at_end=False)
    kinds = [l.kind for l in nodes]
    for i, layer in enumerate(nodes):
        if layer.kind == "Linear" and i + 1 < len(kinds) and kinds[i + 1] == "Linear":
            out.append(Problem(nodes[i + 1].id, L(
                "Two Linear layers in a row collapse into one linear map: put an activation between them.",
                "Linear が 2 つ続くと 1 つの線形変換と同じです。間に活性化関数を入れましょう。"), WARNING))
        if i > 0 and layer.kind != "Softmax" and _group(layer.kind) == _group(kinds[i - 1]) == "activation":
            out.append(Problem(layer.id, L(
                f"Two activations in a row ({kinds[i - 1]}, then {layer.kind}): the second one adds little; "
                "put a Linear layer between them.",
                f"活性化関数が 2 つ続いています ({kinds[i - 1]} の次に {layer.kind})。2 つ目の効果は小さいので、"
                "間に Linear を入れましょう。"), WARNING))
        if layer.kind == "Softmax" and (i + 1 < len(kinds) or not at_end):
            out.append(Problem(layer.id, L(
                "Softmax inside the network squashes values to probabilities; it is usually only used at the end.",
                "Softmax をネットワークの途中に置くと値が確率に押し込まれます。普通は最後にだけ使います。"), WARNING))
        if layer.kind == "Softmax" and i + 1 == len(kinds) and at_end:
            out.append(Problem(layer.id, L(
                "CrossEntropyLoss applies softmax itself: for training, end the network with Linear instead.",
                "CrossEntropyLoss は内部で softmax を計算します。学習では最後を Linear にしてください。"), WARNING))
