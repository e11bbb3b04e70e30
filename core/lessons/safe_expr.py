"""The autograd lab's expression language: a tokenizer and a recursive-descent parser, nothing ``eval``-ed.

They accept only numbers, the variables the learner defined, ``+ - * / ^ **`` (also ``− × ÷ ·``),
parentheses and the functions in ``FUNCTIONS``. Attribute access, indexing, strings, keywords and
unknown names are refused with the position of the offending character (:class:`ExprError`).
:func:`parse` gives a tree of ``Num``, ``Var``, ``BinOp``, ``Neg`` and ``Call``; ``autograd_expr``
evaluates it with torch.
"""
from __future__ import annotations

import keyword
from dataclasses import dataclass

import torch

from core.i18n import L

MAX_LENGTH = 300     # characters in one expression
MAX_DEPTH = 40       # nesting of parentheses/unary signs, far below Python's recursion limit

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
