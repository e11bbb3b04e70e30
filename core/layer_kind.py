"""What a layer kind is: its editable parameters (``Param``) and everything else (``LayerKind``).

The kinds themselves are registry entries: dense ones in ``core/layers.py``, other families in
``core/layer_kinds/`` (one module per family), all collected into ``core.layers.LAYERS``.
Shapes never include the batch dimension.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

from torch import nn

from core.i18n import L

Shape = tuple[int, ...]


class ShapeError(ValueError):
    """A layer cannot accept the shape it receives; the message is for the learner."""


@dataclass(frozen=True)
class Param:
    """One editable parameter of a layer kind: its type, default and allowed values."""

    name: str
    type: type  # int, float, bool or str (str means one of ``choices``)
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    doc_en: str = ""
    doc_ja: str = ""
    min_inclusive: bool = True
    max_inclusive: bool = True

    @property
    def doc(self) -> str:
        return L(self.doc_en, self.doc_ja)

    def check(self, value: Any) -> str | None:
        """Return why ``value`` is not allowed, or None when it is."""
        if self.type is bool:
            return None if isinstance(value, bool) else L(
                f"{self.name} must be true or false", f"{self.name} は true か false です")
        if self.type is str:
            if value in self.choices:
                return None
            options = ", ".join(self.choices)
            return L(f"{self.name} must be one of: {options}", f"{self.name} は次のいずれかです: {options}")
        if self.type is int and (isinstance(value, bool) or not isinstance(value, int)):
            return L(f"{self.name} must be a whole number", f"{self.name} は整数で指定してください")
        # ints are always finite (and 10**400, read from a file, is too big for math.isfinite)
        if self.type is float and (isinstance(value, bool) or not isinstance(value, (int, float))
                                   or (isinstance(value, float) and not math.isfinite(value))):
            return L(f"{self.name} must be a number", f"{self.name} は数値で指定してください")
        too_low = self.minimum is not None and (
            value < self.minimum if self.min_inclusive else value <= self.minimum)
        too_high = self.maximum is not None and (
            value > self.maximum if self.max_inclusive else value >= self.maximum)
        if too_low or too_high:
            return L(f"{self.name} must be in {self.range_text()}", f"{self.name} は {self.range_text()} の範囲です")
        return None

    def range_text(self) -> str:
        lo = "-∞" if self.minimum is None else f"{self.minimum:g}"
        hi = "∞" if self.maximum is None else f"{self.maximum:g}"
        # an unbounded end is always open: [0, ∞), never [0, ∞]
        left = "[" if self.min_inclusive and self.minimum is not None else "("
        right = "]" if self.max_inclusive and self.maximum is not None else ")"
        return f"{left}{lo}, {hi}{right}"


class ParamsAndDoc:
    """What layer kinds and block kinds share: a bilingual doc and a parameter schema."""

    doc_en: str
    doc_ja: str
    params: tuple[Param, ...]

    @property
    def doc(self) -> str:
        return L(self.doc_en, self.doc_ja)

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)


@dataclass(frozen=True)
class LayerKind(ParamsAndDoc):
    """Everything the app knows about one kind of layer."""

    name: str  # the torch.nn class name, e.g. "Linear"
    group: str  # one of GROUPS
    doc_en: str
    doc_ja: str
    shape_rule: Callable[[Shape, dict], Shape]  # input shape -> output shape, or ShapeError
    builder: Callable[[Shape, dict], nn.Module]
    code: Callable[[Shape, dict], str]  # the constructor call, e.g. "nn.Linear(64, 10)"
    count_params: Callable[[Shape, dict], int] = lambda shape, p: 0
    params: tuple[Param, ...] = field(default=())
    inferred_en: str = ""  # what is read from the incoming shape instead of being set by hand
    inferred_ja: str = ""
    # kinds that take integer token ids (Embedding): how many ids (params -> vocabulary size).
    # Such a kind can only be a network's first layer; its input is then ids in [0, vocab), not floats.
    vocab: Callable[[dict], int] | None = None
    # classes (and functions) of core/modules that ``code`` names: code export writes their source once;
    # or a function of the params giving them (a kind whose code names a helper only for some values)
    helpers: tuple | Callable[[dict], tuple] = ()

    def helpers_of(self, params: dict) -> tuple:
        return self.helpers(params) if callable(self.helpers) else self.helpers

    @property
    def inferred(self) -> str:
        return L(self.inferred_en, self.inferred_ja)


def shape_text(shape: Shape) -> str:
    return "(B, " + ", ".join(str(d) for d in shape) + ")" if shape else "(B,)"
