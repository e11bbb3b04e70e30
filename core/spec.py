"""The network as plain data: a tree of ``LayerSpec`` and ``BlockSpec``, with a JSON round trip.

A spec is what the editor edits, what the project file stores, and what ``core.build`` turns into
an ``nn.Module``. It holds only names and numbers, never torch objects.

A network that branches is a tree of blocks, not a free graph (see DESIGN.md): ``NetworkSpec.layers``
is a list of nodes, and a node is a layer or a block. A block holds lists of nodes of its own:
a ``Residual`` one list f (output = x + f(x)), a ``Concatenate`` two paths joined on one dimension.
Blocks nest. A network of layers only is "flat" and reads exactly like the files written before
blocks existed (project format version 1), so those still open.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Iterator, Union

from core.i18n import L
from core.layer_kind import Param, ParamsAndDoc
from core.layers import LAYERS

MAX_LAYERS = 1000  # layers and blocks in one network (core.project refuses bigger files): a tiny GPT has ~50
MAX_DEPTH = 32  # blocks inside blocks


class SpecError(ValueError):
    """A spec (usually read from a file) is malformed; the message is for the learner."""


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class LayerSpec:
    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    @classmethod
    def make(cls, kind: str, **params: Any) -> "LayerSpec":
        """A layer of ``kind`` with the registry's defaults, overridden by ``params``."""
        if kind not in LAYERS:
            raise SpecError(L(f"Unknown layer kind {kind!r}", f"未知の層の種類です: {kind!r}"))
        full = LAYERS[kind].defaults()
        full.update(params)
        layer = cls(kind, full)
        layer.check()
        return layer

    def check(self) -> None:
        """Raise SpecError if a parameter is unknown, missing or out of its allowed range."""
        kind = LAYERS.get(self.kind)
        if kind is None:
            raise SpecError(L(f"Unknown layer kind {self.kind!r}", f"未知の層の種類です: {self.kind!r}"))
        names = {p.name for p in kind.params}
        unknown = sorted(set(self.params) - names)
        if unknown:
            raise SpecError(L(f"{self.kind} has no parameter {unknown[0]!r}",
                              f"{self.kind} にパラメータ {unknown[0]!r} はありません"))
        for p in kind.params:
            if p.name not in self.params:
                raise SpecError(L(f"{self.kind} is missing its parameter {p.name!r}",
                                  f"{self.kind} のパラメータ {p.name!r} がありません"))
            problem = p.check(self.params[p.name])
            if problem:
                raise SpecError(f"{self.kind}: {problem}")

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "params": dict(self.params)}

    def copy(self) -> "LayerSpec":
        return LayerSpec(self.kind, dict(self.params), self.id)  # params hold only numbers, bools and strings

    @classmethod
    def from_dict(cls, d: Any) -> "LayerSpec":
        if not isinstance(d, dict) or not isinstance(d.get("kind"), str):
            raise SpecError(L("A layer entry is not of the form {kind, params}",
                              "層の記述が {kind, params} の形になっていません"))
        params = d.get("params", {})
        if not isinstance(params, dict):
            raise SpecError(L("A layer's params must be an object", "層の params はオブジェクトである必要があります"))
        layer_id = d.get("id") or new_id()
        if not isinstance(layer_id, str):
            raise SpecError(L("A layer's id must be a string", "層の id は文字列である必要があります"))
        kind = LAYERS.get(d["kind"])
        if kind is not None:
            # JSON has no int/float distinction for 1.0 vs 1: coerce whole floats to ints where an int is wanted.
            params = {k: (int(v) if kind.params and _wants_int(kind, k) and isinstance(v, float)
                          and v.is_integer() else v) for k, v in params.items()}
        layer = cls(d["kind"], params, layer_id)
        layer.check()
        return layer


def _wants_int(kind, name: str) -> bool:
    return any(p.name == name and p.type is int for p in kind.params)



@dataclass(frozen=True)
class BlockKind(ParamsAndDoc):
    """A kind of block: its branches (lists of nodes), its parameters and what it does."""

    name: str
    branches: tuple[str, ...]  # the JSON key of the branch list(s); one entry per branch
    doc_en: str
    doc_ja: str
    params: tuple[Param, ...] = ()


RESIDUAL = "Residual"
CONCAT = "Concatenate"

BLOCKS: dict[str, BlockKind] = {b.name: b for b in [
    BlockKind(RESIDUAL, ("layers",),
              "output = x + f(x), f being the layers inside. The skip path carries x (and the gradient) "
              "past f unchanged, so very deep networks still learn; f's output must have x's shape.",
              "出力 = x + f(x)。f は中の層です。スキップ経路が x (と勾配) を f を通さずにそのまま運ぶので、"
              "とても深いネットワークでも学習できます。f の出力は x と同じ形である必要があります。"),
    BlockKind(CONCAT, ("path_a", "path_b"),
              "Two paths over the same input, their outputs joined side by side (torch.cat) along one "
              "dimension. An empty path passes x through unchanged.",
              "同じ入力を 2 つの経路で処理し、出力を 1 つの次元に沿って並べてつなげます (torch.cat)。"
              "空の経路は x をそのまま通します。",
              params=(Param("dim", int, -1, -8, 8,
                            doc_en="The dimension to join along, counted as torch.cat counts it (0 is the batch, "
                                   "so 1 is the first feature dimension; -1 is the last).",
                            doc_ja="つなげる次元。torch.cat と同じ数え方です (0 はバッチなので 1 が最初の特徴量の"
                                   "次元、-1 が最後の次元)。"),)),
]}


@dataclass
class BlockSpec:
    """A block of the tree: ``branches`` holds one list of nodes per branch of its kind."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    branches: list[list["Node"]] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    @classmethod
    def make(cls, kind: str, *branches: list["Node"], **params: Any) -> "BlockSpec":
        """A block of ``kind`` with the given branches (missing ones empty) and default params."""
        if kind not in BLOCKS:
            raise SpecError(L(f"Unknown block kind {kind!r}", f"未知のブロックの種類です: {kind!r}"))
        info = BLOCKS[kind]
        full = info.defaults()
        full.update(params)
        lists = [list(b) for b in branches] + [[] for _ in range(len(info.branches) - len(branches))]
        block = cls(kind, full, lists)
        block.check()
        return block

    @property
    def children(self) -> list["Node"]:
        """The first branch: a residual block's layers."""
        return self.branches[0]

    def check(self) -> None:
        """Raise SpecError if the kind, a parameter or the number of branches is wrong (not the children)."""
        info = BLOCKS.get(self.kind)
        if info is None:
            raise SpecError(L(f"Unknown block kind {self.kind!r}", f"未知のブロックの種類です: {self.kind!r}"))
        if len(self.branches) != len(info.branches):
            raise SpecError(L(f"{self.kind} must have {len(info.branches)} branch(es)",
                              f"{self.kind} の分岐は {len(info.branches)} 本です"))
        _check_params(self.kind, info.params, self.params)

    def copy(self) -> "BlockSpec":
        return BlockSpec(self.kind, dict(self.params), [[n.copy() for n in branch] for branch in self.branches], self.id)

    def to_dict(self) -> dict:
        d = {"id": self.id, "kind": self.kind, "params": dict(self.params)}
        for key, branch in zip(BLOCKS[self.kind].branches, self.branches):
            d[key] = [n.to_dict() for n in branch]
        return d


Node = Union[LayerSpec, BlockSpec]


def _check_params(kind: str, params_schema, params: dict) -> None:
    names = {p.name for p in params_schema}
    unknown = sorted(set(params) - names)
    if unknown:
        raise SpecError(L(f"{kind} has no parameter {unknown[0]!r}", f"{kind} にパラメータ {unknown[0]!r} はありません"))
    for p in params_schema:
        if p.name not in params:
            raise SpecError(L(f"{kind} is missing its parameter {p.name!r}",
                              f"{kind} のパラメータ {p.name!r} がありません"))
        problem = p.check(params[p.name])
        if problem:
            raise SpecError(f"{kind}: {problem}")


def nesting(node: Node) -> int:
    """Levels of blocks in ``node``: 0 for a layer, 1 for a block of layers, 2 with a block inside..."""
    if not isinstance(node, BlockSpec):
        return 0
    return 1 + max((nesting(n) for branch in node.branches for n in branch), default=0)


def fits_depth(depth: int, node: Node) -> bool:
    """True when ``node`` placed ``depth`` blocks deep keeps every block less than MAX_DEPTH deep
    (what ``NetworkSpec.from_dict`` accepts, so the file can be opened again)."""
    return depth + nesting(node) <= MAX_DEPTH


def node_from_dict(d: Any, depth: int = 0, budget: list[int] | None = None) -> Node:
    """A layer or (recursively) a block from its JSON form; SpecError if malformed."""
    budget = budget if budget is not None else [MAX_LAYERS]
    budget[0] -= 1
    if budget[0] < 0:
        raise SpecError(_too_many())
    if not isinstance(d, dict) or not isinstance(d.get("kind"), str) or d["kind"] not in BLOCKS:
        return LayerSpec.from_dict(d)
    if depth >= MAX_DEPTH:
        raise SpecError(L(f"Blocks are nested more than {MAX_DEPTH} deep",
                          f"ブロックの入れ子が {MAX_DEPTH} 段を超えています"))
    info = BLOCKS[d["kind"]]
    params = d.get("params", {})
    if not isinstance(params, dict):
        raise SpecError(L("A block's params must be an object", "ブロックの params はオブジェクトである必要があります"))
    block_id = d.get("id") or new_id()
    if not isinstance(block_id, str):
        raise SpecError(L("A block's id must be a string", "ブロックの id は文字列である必要があります"))
    params = {k: (int(v) if _wants_int(info, k) and isinstance(v, float) and v.is_integer() else v)
              for k, v in params.items()}
    branches = []
    for key in info.branches:
        items = d.get(key, [])
        if not isinstance(items, list):
            raise SpecError(L(f"{info.name}: {key} must be a list", f"{info.name}: {key} はリストである必要があります"))
        branches.append([node_from_dict(item, depth + 1, budget) for item in items])
    block = BlockSpec(d["kind"], params, branches, block_id)
    block.check()
    return block


def _too_many() -> str:
    return L(f"The network has more than {MAX_LAYERS:,} layers and blocks, more than this app edits.",
             f"層とブロックが {MAX_LAYERS:,} 個を超えていて、このアプリでは編集できません。")


# --- walking the tree ----------------------------------------------------------------------------

def walk(nodes: list[Node], depth: int = 0) -> Iterator[tuple[Node, int]]:
    """Every node (layers and blocks) depth first, in the order data meets them, with its depth."""
    stack = [(iter(nodes), depth)]
    while stack:  # explicit stack: no recursion limit, whatever the nesting
        it, d = stack[-1]
        node = next(it, None)
        if node is None:
            stack.pop()
            continue
        yield node, d
        if isinstance(node, BlockSpec):
            for branch in reversed(node.branches):  # the last pushed (branch 0) is walked first
                stack.append((iter(branch), d + 1))


@dataclass(frozen=True)
class Place:
    """Where a node sits: in block ``parent``'s branch ``branch`` (parent "" is the network), at ``index``."""

    parent: str
    branch: int
    index: int


ROOT = ""


@dataclass
class NetworkSpec:
    """An input shape (without the batch dimension) and an ordered list of nodes (layers and blocks)."""

    input_shape: tuple[int, ...] = (2,)
    layers: list[Node] = field(default_factory=list)

    def copy(self) -> "NetworkSpec":
        """A deep copy (several times faster than ``copy.deepcopy`` for a big network)."""
        return NetworkSpec(tuple(self.input_shape), [n.copy() for n in self.layers])

    def index_of(self, layer_id: str) -> int:
        """Position of a top-level node; KeyError if ``layer_id`` is not at the top level."""
        for i, layer in enumerate(self.layers):
            if layer.id == layer_id:
                return i
        raise KeyError(layer_id)

    # --- the tree ----------------------------------------------------------------------------
    def is_flat(self) -> bool:
        """True when the network has no blocks: a plain stack, built as ``nn.Sequential``."""
        return not any(isinstance(n, BlockSpec) for n in self.layers)

    def all_layers(self) -> list[LayerSpec]:
        """Every layer (not the blocks) in the order data flows through them (path A before path B)."""
        return [n for n, _ in walk(self.layers) if isinstance(n, LayerSpec)]

    def all_nodes(self) -> list[Node]:
        return [n for n, _ in walk(self.layers)]

    def node_count(self) -> int:
        return sum(1 for _ in walk(self.layers))

    def find(self, node_id: str) -> Node:
        """The layer or block with this id, anywhere in the tree; KeyError if none."""
        for n, _ in walk(self.layers):
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def branch(self, parent: str, branch: int = 0) -> list[Node]:
        """The list of nodes a place refers to (the network's own list for ``ROOT``); KeyError if none."""
        if parent == ROOT:
            return self.layers
        block = self.find(parent)
        if not isinstance(block, BlockSpec) or not 0 <= branch < len(block.branches):
            raise KeyError(parent)
        return block.branches[branch]

    def place_of(self, node_id: str) -> Place:
        """Where the node sits; KeyError if it is not in the tree."""
        todo: list[tuple[str, int, list[Node]]] = [(ROOT, 0, self.layers)]
        while todo:
            parent, b, nodes = todo.pop()
            for i, n in enumerate(nodes):
                if n.id == node_id:
                    return Place(parent, b, i)
                if isinstance(n, BlockSpec):
                    todo.extend((n.id, j, br) for j, br in enumerate(n.branches))
        raise KeyError(node_id)

    def depth_in(self, parent: str) -> int:
        """How many blocks enclose a node placed in ``parent``'s branches (0 for the network's own list)."""
        if parent == ROOT:
            return 0
        for n, d in walk(self.layers):
            if n.id == parent:
                return d + 1
        raise KeyError(parent)

    def contains(self, ancestor_id: str, node_id: str) -> bool:
        """True when ``node_id`` is ``ancestor_id`` or sits (at any depth) inside it."""
        try:
            top = self.find(ancestor_id)
        except KeyError:
            return False
        if top.id == node_id:
            return True
        return isinstance(top, BlockSpec) and any(n.id == node_id for br in top.branches for n, _ in walk(br))

    # --- JSON --------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"input_shape": list(self.input_shape), "layers": [l.to_dict() for l in self.layers]}

    @classmethod
    def from_dict(cls, d: Any) -> "NetworkSpec":
        """Read a network (a flat list of format 1, or a tree); SpecError with a plain reason if malformed."""
        if not isinstance(d, dict):
            raise SpecError(L("The network must be an object", "network はオブジェクトである必要があります"))
        shape = d.get("input_shape")
        if (not isinstance(shape, list) or not shape
                or not all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 1_000_000 for n in shape)):
            raise SpecError(L("input_shape must be a list of whole numbers from 1 to 1,000,000",
                              "input_shape は 1 から 1,000,000 までの整数のリストである必要があります"))
        layers = d.get("layers")
        if not isinstance(layers, list):
            raise SpecError(L("layers must be a list", "layers はリストである必要があります"))
        if len(layers) > MAX_LAYERS:
            raise SpecError(_too_many())
        budget = [MAX_LAYERS]
        spec = cls(tuple(shape), [node_from_dict(l, 0, budget) for l in layers])
        ids = [n.id for n in spec.all_nodes()]
        if len(set(ids)) != len(ids):
            raise SpecError(L("Two layers share the same id", "同じ id の層が 2 つあります"))
        return spec
