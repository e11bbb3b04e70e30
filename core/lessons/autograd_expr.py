"""Autograd lab: a safe expression language over named tensors, its torch computation and graph.

The learner types an expression such as ``a*x + b`` or ``sigmoid(w*x + b)``. A tokenizer and a
recursive-descent parser accept only numbers, the variables they defined, ``+ - * / ^ **``
(also ``− × ÷ ·``), parentheses and a fixed list of functions. Nothing is ever ``eval``-ed:
attribute access, indexing, strings, keywords and unknown names are refused with the position of
the offending character.

:func:`run` evaluates the parsed tree with real torch operations, records a graph of nodes
(inputs, constants, operations with their ``grad_fn`` names, the output) with forward values,
calls ``backward()`` and reads every leaf's ``.grad``. PyTorch errors (no leaf requires grad,
a non-scalar output) come back explained, not raised.
"""
from __future__ import annotations

import keyword
from dataclasses import dataclass, field

import numpy as np
import torch

from core.i18n import L
from core.lessons.literals import LiteralError, format_literal, parse_nested
from core.lessons.torch_errors import explain_torch_error

MAX_LENGTH = 300     # characters in one expression
MAX_DEPTH = 40       # nesting of parentheses/unary signs, far below Python's recursion limit
MAX_ELEMENTS = 64    # per variable: "small tensors"

# name -> (torch function, how the generated code spells it)
FUNCTIONS = {
    "sigmoid": (torch.sigmoid, "torch.sigmoid"),
    "relu": (torch.relu, "torch.relu"),
    "tanh": (torch.tanh, "torch.tanh"),
    "exp": (torch.exp, "torch.exp"),
    "log": (torch.log, "torch.log"),
    "sin": (torch.sin, "torch.sin"),
    "cos": (torch.cos, "torch.cos"),
    "sqrt": (torch.sqrt, "torch.sqrt"),
    "abs": (torch.abs, "torch.abs"),
    "sum": (torch.sum, "torch.sum"),
    "mean": (torch.mean, "torch.mean"),
}
_OP_CHARS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "·": "*", "/": "/", "÷": "/", "^": "**"}


class ExprError(ValueError):
    """A refused expression: ``pos`` is the 0-based index of the offending character."""

    def __init__(self, message: str, pos: int):
        super().__init__(message)
        self.message = message
        self.pos = pos


# ---------------------------------------------------------------------------------------------
# Tokenizer


@dataclass(frozen=True)
class Token:
    kind: str   # "num" | "name" | "op" | "(" | ")" | "end"
    text: str
    pos: int


def tokenize(text: str) -> list[Token]:
    if len(text) > MAX_LENGTH:
        raise ExprError(L(f"The expression is too long (at most {MAX_LENGTH} characters).",
                          f"式が長すぎます（{MAX_LENGTH}文字まで）。"), MAX_LENGTH)
    tokens, i = [], 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < len(text) and text[i + 1].isdigit()):
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            if j < len(text) and text[j] == "." and not (j + 1 < len(text) and text[j + 1].isalpha() and
                                                           not text[j + 1] in "eE"):
                j += 1
                while j < len(text) and text[j].isdigit():
                    j += 1
            if j < len(text) and text[j] in "eE":
                k = j + 1
                if k < len(text) and text[k] in "+-":
                    k += 1
                if k < len(text) and text[k].isdigit():
                    j = k
                    while j < len(text) and text[j].isdigit():
                        j += 1
            tokens.append(Token("num", text[i:j], i))
            i = j
        elif c.isascii() and (c.isalpha() or c == "_"):
            j = i
            while j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] == "_"):
                j += 1
            word = text[i:j]
            if word.startswith("__") or keyword.iskeyword(word):
                raise ExprError(L(f"'{word}' at character {i + 1} is not allowed: this box is not Python, only "
                                  "numbers, variables, + − × ÷ ^ and the listed functions.",
                                  f"{i + 1}文字目の「{word}」は使えません。この欄はPythonではなく、数値、変数、"
                                  "+ − × ÷ ^ と一覧の関数だけを受け付けます。"), i)
            tokens.append(Token("name", word, i))
            i = j
        elif text.startswith("**", i):
            tokens.append(Token("op", "**", i))
            i += 2
        elif c in _OP_CHARS:
            tokens.append(Token("op", _OP_CHARS[c], i))
            i += 1
        elif c in "()":
            tokens.append(Token(c, c, i))
            i += 1
        elif c == ".":
            raise ExprError(L(f"'.' at character {i + 1}: attribute access (x.something) is not allowed; "
                              "only numbers, variables, + − × ÷ ^ and the listed functions.",
                              f"{i + 1}文字目の「.」：属性アクセス（x.なにか）は使えません。使えるのは数値、変数、"
                              "+ − × ÷ ^ と一覧の関数だけです。"), i)
        else:
            raise ExprError(L(f"'{c}' at character {i + 1} is not allowed here; use numbers, variables, "
                              "+ − × ÷ ^, parentheses and the listed functions.",
                              f"{i + 1}文字目の「{c}」は使えません。数値、変数、+ − × ÷ ^、かっこ、一覧の関数を"
                              "使ってください。"), i)
    tokens.append(Token("end", "", len(text)))
    return tokens


# ---------------------------------------------------------------------------------------------
# Parser: expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ;
#         unary := ('-'|'+') unary | power ; power := atom (('**'|'^') unary)? ;
#         atom := NUM | NAME | FUNC '(' expr ')' | '(' expr ')'


@dataclass(frozen=True)
class Num:
    value: float
    text: str
    pos: int


@dataclass(frozen=True)
class Var:
    name: str
    pos: int


@dataclass(frozen=True)
class BinOp:
    op: str          # "+", "-", "*", "/", "**"
    left: object
    right: object
    pos: int


@dataclass(frozen=True)
class Neg:
    operand: object
    pos: int


@dataclass(frozen=True)
class Call:
    func: str
    arg: object
    pos: int


class _Parser:
    def __init__(self, text: str, names: set[str]):
        self.text, self.names = text, names
        self.tokens = tokenize(text)
        self.i = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def advance(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def parse(self):
        if self.tok.kind == "end":
            raise ExprError(L("Type an expression, for example a*x + b.", "a*x + b のように式を入力してください。"), 0)
        node = self.expr(0)
        if self.tok.kind != "end":
            raise self._unexpected(self.tok, L("an operator such as + or *", "+ や * などの演算子"))
        return node

    def _unexpected(self, tok: Token, wanted: str) -> ExprError:
        if tok.kind == "end":
            return ExprError(L(f"The expression ends too early: expected {wanted}.",
                               f"式が途中で終わっています：{wanted}が必要です。"), tok.pos)
        extra = ""
        if tok.kind in ("name", "num", "(") and self.i > 0:
            extra = L(" (write multiplication with *, e.g. 3*x)", "（掛け算は 3*x のように * で書きます）")
        return ExprError(L(f"Unexpected '{tok.text}' at character {tok.pos + 1}: expected {wanted}{extra}.",
                           f"{tok.pos + 1}文字目の「{tok.text}」は予期しないものです：{wanted}が必要です{extra}。"),
                         tok.pos)

    def _deeper(self, depth: int, pos: int) -> int:
        if depth > MAX_DEPTH:
            raise ExprError(L("The expression is nested too deeply.", "式の入れ子が深すぎます。"), pos)
        return depth + 1

    def expr(self, depth):
        node = self.term(depth)
        while self.tok.kind == "op" and self.tok.text in "+-":
            t = self.advance()
            node = BinOp(t.text, node, self.term(depth), t.pos)
        return node

    def term(self, depth):
        node = self.unary(depth)
        while self.tok.kind == "op" and self.tok.text in ("*", "/"):
            t = self.advance()
            node = BinOp(t.text, node, self.unary(depth), t.pos)
        return node

    def unary(self, depth):
        depth = self._deeper(depth, self.tok.pos)
        if self.tok.kind == "op" and self.tok.text in "+-":
            t = self.advance()
            operand = self.unary(depth)
            return operand if t.text == "+" else Neg(operand, t.pos)
        return self.power(depth)

    def power(self, depth):
        node = self.atom(depth)
        if self.tok.kind == "op" and self.tok.text == "**":
            t = self.advance()
            node = BinOp("**", node, self.unary(depth), t.pos)  # right-associative: 2^3^2 = 2^9
        return node

    def atom(self, depth):
        t = self.tok
        if t.kind == "num":
            self.advance()
            try:
                return Num(float(t.text), t.text, t.pos)
            except ValueError:
                raise ExprError(L(f"'{t.text}' at character {t.pos + 1} is not a number.",
                                  f"{t.pos + 1}文字目の「{t.text}」は数値ではありません。"), t.pos) from None
        if t.kind == "name":
            self.advance()
            if self.tok.kind == "(":
                if t.text not in FUNCTIONS:
                    raise ExprError(L(f"Unknown function '{t.text}' at character {t.pos + 1}. Allowed: "
                                      f"{', '.join(FUNCTIONS)}.",
                                      f"{t.pos + 1}文字目の関数「{t.text}」は使えません。使える関数："
                                      f"{', '.join(FUNCTIONS)}。"), t.pos)
                self.advance()
                arg = self.expr(self._deeper(depth, t.pos))
                if self.tok.kind != ")":
                    raise self._unexpected(self.tok, L("')'", "「)」"))
                self.advance()
                return Call(t.text, arg, t.pos)
            if t.text in FUNCTIONS:
                raise ExprError(L(f"'{t.text}' at character {t.pos + 1} is a function: write {t.text}(...).",
                                  f"{t.pos + 1}文字目の「{t.text}」は関数です：{t.text}(...) と書いてください。"), t.pos)
            if t.text not in self.names:
                hint = ""
                if len(t.text) > 1 and all(ch in self.names for ch in t.text):
                    hint = L(f" Did you mean {'*'.join(t.text)}?", f" {'*'.join(t.text)} のことですか？")
                known = ", ".join(sorted(self.names)) or L("(none)", "（なし）")
                raise ExprError(L(f"Unknown name '{t.text}' at character {t.pos + 1}. Variables: {known}.{hint}",
                                  f"{t.pos + 1}文字目の名前「{t.text}」は定義されていません。変数：{known}。{hint}"),
                                t.pos)
            return Var(t.text, t.pos)
        if t.kind == "(":
            self.advance()
            node = self.expr(self._deeper(depth, t.pos))
            if self.tok.kind != ")":
                raise self._unexpected(self.tok, L("')'", "「)」"))
            self.advance()
            return node
        raise self._unexpected(t, L("a number, a variable or '('", "数値・変数・「(」のどれか"))


def parse(text: str, names) -> object:
    """Parse ``text`` over the variable ``names``; raises :class:`ExprError` with a position."""
    return _Parser(text, set(names)).parse()


def check_name(name: str) -> str:
    """An error message if ``name`` cannot be a variable, else ''."""
    if not name or not (name[0].isascii() and (name[0].isalpha() or name[0] == "_")) or \
            not all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in name):
        return L(f"'{name}' is not a valid variable name (letters, digits and _, starting with a letter).",
                 f"「{name}」は変数名に使えません（英字・数字・_ で、英字から始めてください）。")
    if name in FUNCTIONS:
        return L(f"'{name}' is a function name.", f"「{name}」は関数名です。")
    if name.startswith("__"):
        return L("Names starting with __ are not allowed.", "__ で始まる名前は使えません。")
    if keyword.iskeyword(name):  # the expression box refuses keywords, so such a variable could never be used
        return L(f"'{name}' is a Python keyword; choose another name.",
                 f"「{name}」はPythonの予約語です。別の名前にしてください。")
    return ""


# ---------------------------------------------------------------------------------------------
# Evaluation and the graph


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
