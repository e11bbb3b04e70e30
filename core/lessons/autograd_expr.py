"""Autograd lab: an expression over named tensors computed with torch, its graph and its gradients.

The learner types an expression such as ``a*x + b`` or ``sigmoid(w*x + b)`` over variables they
define; ``safe_expr`` parses it (a small language, never ``eval``-ed).

:func:`run` evaluates the parsed tree with real torch operations, records a graph of nodes
(inputs, constants, operations with their ``grad_fn`` names, the output) with forward values,
calls ``backward()`` and reads every leaf's ``.grad``. PyTorch errors (no leaf requires grad,
a non-scalar output) come back explained, not raised.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from core.i18n import L
from core.lessons.literals import LiteralError, format_literal, parse_nested
from core.lessons.safe_expr import (  # noqa: F401 (MAX_LENGTH, MAX_DEPTH, tokenize: importable from here as before)
    FUNCTIONS, MAX_DEPTH, MAX_LENGTH, BinOp, Call, ExprError, Neg, Num, Var, check_name, parse, tokenize)
from core.lessons.torch_errors import explain_torch_error

MAX_ELEMENTS = 64    # per variable: "small tensors"


@dataclass(frozen=True)
class Variable:
    name: str
    value: str            # field text: "3" or "[1, 2]"
    requires_grad: bool = True


@dataclass(frozen=True)
class GraphNode:
    id: int
    kind: str             # "input" | "const" | "op" | "output"
    label: str            # "a", "3", "*", "sigmoid", "y"
    grad_fn: str          # "MulBackward0", "AccumulateGrad" for leaves that require grad, "" if none
    value: np.ndarray
    requires_grad: bool
    grad: np.ndarray | None = None   # leaf .grad, or dy/dnode for operations (retain_grad)


@dataclass(frozen=True)
class AutogradResult:
    expression: str
    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[tuple[int, int], ...] = ()   # (from node id, to node id): data flows forward
    output: np.ndarray | None = None
    grads: dict = field(default_factory=dict)  # variable name -> np.ndarray or None
    code: str = ""
    backward_done: bool = False
    error: str = ""
    error_pos: int = -1                        # position in the expression, for parse errors
    bad_variable: str = ""                     # the variable whose value/name is wrong
    explanation: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "**": 4}
_UNARY, _ATOM = 3, 5


def _fmt(value) -> str:
    return format_literal(value.tolist() if hasattr(value, "tolist") else value)


class _Builder:
    def __init__(self, leaves: dict[str, torch.Tensor]):
        self.leaves = leaves
        self.nodes: list[dict] = []
        self.edges: list[tuple[int, int]] = []
        self.var_node: dict[str, int] = {}
        self.tensors: list[torch.Tensor] = []

    def _add(self, kind, label, t: torch.Tensor) -> int:
        self.nodes.append(dict(kind=kind, label=label))
        self.tensors.append(t)
        return len(self.nodes) - 1

    def build(self, node) -> tuple[int, torch.Tensor, str, int]:
        """Evaluate ``node``; returns (graph node id, tensor, code of the sub-expression, its precedence)."""
        if isinstance(node, Num):
            t = torch.tensor(node.value)
            return self._add("const", node.text, t), t, node.text, _ATOM
        if isinstance(node, Var):
            if node.name not in self.var_node:
                self.var_node[node.name] = self._add("input", node.name, self.leaves[node.name])
            return self.var_node[node.name], self.leaves[node.name], node.name, _ATOM
        if isinstance(node, Neg):
            i, a, code, prec = self.build(node.operand)
            t = -a
            j = self._add("op", "neg", t)
            self.edges.append((i, j))
            return j, t, "-" + (code if prec >= _UNARY else f"({code})"), _UNARY
        if isinstance(node, Call):
            i, a, code, _ = self.build(node.arg)
            fn, spelled = FUNCTIONS[node.func]
            t = fn(a)
            j = self._add("op", node.func, t)
            self.edges.append((i, j))
            return j, t, f"{spelled}({code})", _ATOM
        if isinstance(node, BinOp):
            i, a, ca, pa = self.build(node.left)
            k, b, cb, pb = self.build(node.right)
            t = {"+": torch.add, "-": torch.sub, "*": torch.mul, "/": torch.div, "**": torch.pow}[node.op](a, b)
            j = self._add("op", node.op, t)
            self.edges += [(i, j), (k, j)]
            p = _PREC[node.op]
            if node.op == "**":  # right-associative; its right side is a unary
                left_paren, right_paren = pa <= p, pb < _UNARY
            else:
                left_paren, right_paren = pa < p, pb < p or (pb == p and node.op in "-/")
            ca = f"({ca})" if left_paren else ca
            cb = f"({cb})" if right_paren else cb
            return j, t, f"{ca} {node.op} {cb}", p
        raise TypeError(node)  # unreachable: the parser makes only the classes above


_FLOAT32_MAX = float(torch.finfo(torch.float32).max)


def _too_large(value):
    """The first number in a parsed literal beyond float32's range (inf included), or None."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, list):
            stack.extend(reversed(v))
        elif not isinstance(v, bool) and not abs(v) <= _FLOAT32_MAX:  # also catches inf and NaN
            return v
    return None


def run(expression: str, variables: list[Variable], *, backward: bool = True) -> AutogradResult:
    """Parse, evaluate and (optionally) back-propagate ``expression`` over ``variables``."""
    # 1. The variables: names and small tensors.
    leaves: dict[str, torch.Tensor] = {}
    lines = []
    for v in variables:
        msg = check_name(v.name)
        if not msg and v.name in leaves:
            msg = L(f"'{v.name}' is defined twice.", f"「{v.name}」が2回定義されています。")
        if msg:
            return AutogradResult(expression, error=msg, bad_variable=v.name)
        try:
            value = parse_nested(v.value)
        except LiteralError as e:
            return AutogradResult(expression, error=f"{v.name}: {e.message}", bad_variable=v.name)
        big = _too_large(value)
        if big is not None:  # torch.tensor raises OverflowError past float64, and float32 ends at 3.4e38
            shown = str(big) if len(str(big)) <= 16 else f"{str(big)[:8]}…({len(str(big))} {L('characters', '文字')})"
            return AutogradResult(expression, bad_variable=v.name, error=L(
                f"{v.name}: {shown} is too large for float32 (at most ±3.4e38).",
                f"{v.name}：{shown} は float32 には大きすぎます（±3.4e38 まで）。"))
        try:
            t = torch.tensor(value, dtype=torch.float32)  # gradients need floats: 3 means 3.0
        except (ValueError, TypeError, RuntimeError, OverflowError) as e:
            return AutogradResult(expression, error=f"{v.name}: {type(e).__name__}: {e}", bad_variable=v.name,
                                  explanation=explain_torch_error(str(e)))
        if t.numel() > MAX_ELEMENTS:
            return AutogradResult(expression, bad_variable=v.name,
                                  error=L(f"{v.name}: at most {MAX_ELEMENTS} elements in this lab.",
                                          f"{v.name}：このラボでは要素は{MAX_ELEMENTS}個までです。"))
        t.requires_grad_(v.requires_grad)
        leaves[v.name] = t
        rg = ", requires_grad=True" if v.requires_grad else ""
        lit = _fmt(t.detach())
        lines.append(f"{v.name} = torch.tensor({lit}{rg})")

    # 2. Parse: only the allowed grammar, over these names.
    try:
        tree = parse(expression, leaves)
    except ExprError as e:
        return AutogradResult(expression, error=e.message, error_pos=e.pos)

    # 3. Forward: real torch operations, one graph node per operation.
    b = _Builder(leaves)
    try:
        out_id, y, code, _ = b.build(tree)
    except RuntimeError as e:
        msg = str(e).splitlines()[0]
        return AutogradResult(expression, error=f"RuntimeError: {msg}", explanation=explain_torch_error(msg),
                              code="\n".join(lines))
    out_node = b._add("output", "y", y)
    b.edges.append((out_id, out_node))
    lines.append(f"y = {code}")
    for t in b.tensors:
        if t.requires_grad and not t.is_leaf:
            t.retain_grad()  # so the graph can also show dy/d(node) for intermediate results

    # 4. Backward, as the learner would write it.
    error = explanation = ""
    done = False
    if backward:
        lines.append("y.backward()")
        try:
            y.backward()
            done = True
        except RuntimeError as e:
            msg = str(e).splitlines()[0]
            error, explanation = f"RuntimeError: {msg}", explain_torch_error(msg)
        for name in leaves:
            lines.append(f"{name}.grad  # " + ("None" if leaves[name].grad is None else _fmt(leaves[name].grad)))

    nodes = []
    for n, (info, t) in enumerate(zip(b.nodes, b.tensors)):
        if info["kind"] == "output":
            t = y
        grad_fn = type(t.grad_fn).__name__ if t.grad_fn is not None else ("AccumulateGrad" if t.requires_grad else "")
        grad = None
        if done and t.requires_grad and info["kind"] != "output":
            g = t.grad
            grad = None if g is None else g.detach().numpy().copy()
        elif done and info["kind"] == "output":
            grad = np.ones_like(y.detach().numpy())  # dy/dy = 1 starts backward
        nodes.append(GraphNode(n, info["kind"], info["label"], grad_fn, t.detach().numpy().copy(),
                               bool(t.requires_grad), grad))
    grads = {name: (None if t.grad is None else t.grad.detach().numpy().copy()) for name, t in leaves.items()}
    return AutogradResult(expression, nodes=tuple(nodes), edges=tuple(b.edges), output=y.detach().numpy().copy(),
                          grads=grads, code="\n".join(lines), backward_done=done, error=error,
                          explanation=explanation)


NOTES_EXAMPLE = ("a*x + b", (Variable("a", "3"), Variable("b", "4"), Variable("x", "5")))
"""The notes' example: y = a·x + b with a = 3, b = 4, x = 5 (dy/da = 5, dy/db = 1, dy/dx = 3)."""

EXAMPLES = (
    NOTES_EXAMPLE,
    ("sigmoid(w*x + b)", (Variable("w", "2"), Variable("x", "0.5"), Variable("b", "-1"))),
    ("x^2 + 3*x", (Variable("x", "2"),)),
    ("sum(w*x)", (Variable("w", "[1, 2, 3]"), Variable("x", "[4, 5, 6]", False))),
    ("tanh(x) * exp(-x)", (Variable("x", "1"),)),
)
