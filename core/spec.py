"""The network as plain data: ``NetworkSpec`` of ``LayerSpec``, with a JSON round trip.

A spec is what the editor edits, what the project file stores, and what ``core.build`` turns into
an ``nn.Module``. It holds only names and numbers, never torch objects.
"""
from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from typing import Any

from core.i18n import L
from core.layers import LAYERS


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


@dataclass
class NetworkSpec:
    """An input shape (without the batch dimension) and an ordered list of layers."""

    input_shape: tuple[int, ...] = (2,)
    layers: list[LayerSpec] = field(default_factory=list)

    def copy(self) -> "NetworkSpec":
        return copy.deepcopy(self)

    def index_of(self, layer_id: str) -> int:
        for i, layer in enumerate(self.layers):
            if layer.id == layer_id:
                return i
        raise KeyError(layer_id)

    def to_dict(self) -> dict:
        return {"input_shape": list(self.input_shape), "layers": [l.to_dict() for l in self.layers]}

    @classmethod
    def from_dict(cls, d: Any) -> "NetworkSpec":
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
        spec = cls(tuple(shape), [LayerSpec.from_dict(l) for l in layers])
        ids = [l.id for l in spec.layers]
        if len(set(ids)) != len(ids):
            raise SpecError(L("Two layers share the same id", "同じ id の層が 2 つあります"))
        return spec
