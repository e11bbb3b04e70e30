"""Read the small literals a learner types into lab fields: numbers, shapes and nested lists.

A hand-written reader (never ``eval``): it accepts exactly numbers (``3``, ``-2.5``, ``1e-3``),
``True``/``False`` and nested ``[ ... ]`` lists, and reports the character position of anything else.
"""
from __future__ import annotations

import re

from core.i18n import L

# one way to match each number, so a failed match gives up in linear time: the old
# ``\d+\.?\d*`` could split a run of digits between \d+ and \d* in n ways, and ``fullmatch`` on
# 30,000 digits followed by a letter tried them all (32 s)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
MAX_CHARS = 100_000  # longer text is refused before it is read: no lab field needs more


class LiteralError(ValueError):
    """A field could not be read; ``pos`` is the 0-based character position of the problem."""

    def __init__(self, message: str, pos: int):
        super().__init__(message)
        self.message = message
        self.pos = pos


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _where(text: str, pos: int) -> str:
    return L(f"at character {pos + 1}", f"{pos + 1}文字目")


def _check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise LiteralError(L(f"The text is too long ({len(text):,} characters; at most {MAX_CHARS:,}).",
                             f"入力が長すぎます（{len(text):,} 文字、{MAX_CHARS:,} 文字まで）。"), MAX_CHARS)


def _short(s: str) -> str:
    return s if len(s) <= 40 else s[:20] + "…" + s[-10:]


def parse_number(text: str) -> int | float:
    """One number: ``3`` gives int 3, ``3.0`` or ``1e2`` gives a float."""
    _check_length(text)
    s = text.strip()
    if not s:
        raise LiteralError(L("Enter a number.", "数値を入力してください。"), 0)
    m = _NUMBER.fullmatch(s)
    if not m:
        pos = text.index(s[0]) if s else 0
        raise LiteralError(L(f"'{_short(s)}' is not a number (for example 3, -2.5 or 1e-3).",
                             f"「{_short(s)}」は数値ではありません（例：3、-2.5、1e-3）。"), pos)
    return _to_number(s, text.index(s[0]))


def parse_int(text: str, *, minimum: int | None = None) -> int:
    value = parse_number(text)
    if not isinstance(value, int):
        raise LiteralError(L(f"'{text.strip()}' must be a whole number.",
                             f"「{text.strip()}」は整数で入力してください。"), 0)
    if minimum is not None and value < minimum:
        raise LiteralError(L(f"Must be at least {minimum}.", f"{minimum} 以上にしてください。"), 0)
    return value


def _to_number(s: str, pos: int = 0) -> int | float:
    if re.fullmatch(r"[+-]?\d+", s):
        try:
            return int(s)
        except ValueError:  # Python refuses to read integers of more than 4300 digits
            raise LiteralError(L(f"The number {_where(s, pos)} has too many digits.",
                                 f"{_where(s, pos)}の数は桁が多すぎます。"), pos) from None
    return float(s)


def parse_shape(text: str, *, allow_minus_one: bool = False) -> tuple[int, ...]:
    """A shape such as ``2, 3``, ``(2, 3)``, ``[2, 3]`` or ``1x28x28``; ``-1`` only where PyTorch allows it.

    The app's one reader of a typed shape: the tensor lab's fields and the editor's input shape."""
    _check_length(text)
    s = text.strip()
    if s[:1] in "([" and s[-1:] in ")]":
        s = s[1:-1]
    # 2, 3 · 2 3 · 2×3 · 2*3 · 2x3 (an x only between digits: "3, x" stays a mistake)
    parts = [p for p in re.split(r"[,\s×*]+|(?<=\d)x(?=-?\d)", s.strip()) if p]
    if not parts:
        raise LiteralError(L("Enter a shape such as 2, 3.", "2, 3 のように形状を入力してください。"), 0)
    dims = []
    for p in parts:
        if not re.fullmatch(r"-?\d+", p):
            raise LiteralError(L(f"'{p}' in the shape is not a whole number.",
                                 f"形状の「{p}」は整数ではありません。"), max(text.find(p), 0))
        d = _to_number(p, max(text.find(p), 0))  # an int; a LiteralError past 4300 digits
        if d < 0 and not (allow_minus_one and d == -1):
            hint_en = " (only -1, meaning 'work it out')." if allow_minus_one else "."
            hint_ja = "（使える負の数は「自動で決める」の -1 だけです）。" if allow_minus_one else "。"
            raise LiteralError(L(f"A size cannot be {d}{hint_en}", f"サイズに {d} は使えません{hint_ja}"),
                               max(text.find(p), 0))
        dims.append(d)
    if len(dims) > 6:
        raise LiteralError(L("At most 6 dimensions in this lab.", "このラボでは6次元までです。"), 0)
    return tuple(dims)


def parse_nested(text: str):
    """A number or nested list of numbers/bools, e.g. ``[[1, 2, 3], [4, 5, 6]]``."""
    _check_length(text)
    i = _skip(text, 0)
    if i == len(text):
        raise LiteralError(L("Enter a value such as [[1, 2, 3], [4, 5, 6]].",
                             "[[1, 2, 3], [4, 5, 6]] のように値を入力してください。"), 0)
    value, i = _value(text, i, depth=0)
    i = _skip(text, i)
    if i != len(text):
        raise LiteralError(L(f"Unexpected '{text[i]}' {_where(text, i)}: the value ended before it.",
                             f"{_where(text, i)}の「{text[i]}」は余分です（値はその前で終わっています）。"), i)
    return value


def _value(text: str, i: int, depth: int):
    if depth > 6:
        raise LiteralError(L("Lists nested more than 6 deep are not allowed here.",
                             "7段以上の入れ子のリストは使えません。"), i)
    if i >= len(text):
        raise LiteralError(L("The value ends too early: a ']' or a number is missing.",
                             "値が途中で終わっています：「]」か数値が足りません。"), len(text))
    c = text[i]
    if c == "[":
        items = []
        i = _skip(text, i + 1)
        if i < len(text) and text[i] == "]":
            return items, i + 1
        while True:
            item, i = _value(text, _skip(text, i), depth + 1)
            items.append(item)
            i = _skip(text, i)
            if i < len(text) and text[i] == ",":
                i = _skip(text, i + 1)
                if i < len(text) and text[i] == "]":  # trailing comma, as Python allows
                    return items, i + 1
                continue
            if i < len(text) and text[i] == "]":
                return items, i + 1
            if i >= len(text):
                raise LiteralError(L("A ']' is missing at the end.", "最後の「]」が足りません。"), len(text))
            raise LiteralError(L(f"Expected ',' or ']' {_where(text, i)}, found '{text[i]}'.",
                                 f"{_where(text, i)}には「,」か「]」が必要ですが「{text[i]}」があります。"), i)
    for word, val in (("True", True), ("False", False)):
        if text.startswith(word, i):
            return val, i + len(word)
    m = _NUMBER.match(text, i)
    if m:
        return _to_number(m.group(), i), m.end()
    raise LiteralError(L(f"'{c}' {_where(text, i)} is not allowed: use numbers, commas and [ ].",
                         f"{_where(text, i)}の「{c}」は使えません：数値、カンマ、[ ] だけを使ってください。"), i)


def count_elements(value) -> int:
    if isinstance(value, list):
        return sum(count_elements(v) for v in value)
    return 1


def format_literal(value) -> str:
    """Python spelling of a parsed literal, for the generated line of code."""
    if isinstance(value, list):
        return "[" + ", ".join(format_literal(v) for v in value) + "]"
    return repr(value)
