"""Reading a sum typed by a person: ``"123+45"``, ``" 007 + 5 "``, ``"１２３＋４５"``.

Spaces around the numbers, leading zeros, full-width characters and a trailing ``=`` are
accepted. Everything else raises :class:`PromptError` with a specific, bilingual message
(and a stable ``code`` that tests and the GUI can rely on) - never a traceback.
"""
from __future__ import annotations

import unicodedata

from core.i18n import L

OPERATORS = "-−‐–*×xX/÷:^%"  # what people type for other operations (x only next to digits)
MAX_CHARS = 10_000  # refused before reading: far beyond any sum, and every step below is linear


class PromptError(ValueError):
    """Input that is not a sum this model can answer. ``str(err)`` is the user's message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _example() -> str:
    return L("Type a sum such as 123+45.", "123+45 のように足し算を入力してください。")


def normalize(text: str) -> str:
    """Full-width -> ASCII, and all kinds of spaces -> one ASCII space.

    Only width variants (``１`` -> ``1``, ``＋`` -> ``+``) are folded: a blanket NFKC would
    also turn ``3²+4`` into ``32+4`` or ``①`` into ``1``, and answer a sum nobody typed.
    """
    out = []
    for c in text or "":
        if c.isspace():
            out.append(" ")
        elif unicodedata.decomposition(c).startswith(("<wide>", "<narrow>")):
            out.append(unicodedata.normalize("NFKC", c))
        else:
            out.append(c)
    return "".join(out)


def parse_prompt(text: str, digits: int = 3) -> tuple[int, int]:
    """Return the two operands of ``text`` or raise :class:`PromptError`."""
    if len(text or "") > MAX_CHARS:
        raise PromptError("too_long", L(
            f"The prompt is too long ({len(text):,} characters; at most {MAX_CHARS:,}). ",
            f"入力が長すぎます（{len(text):,} 文字、{MAX_CHARS:,} 文字まで）。") + _example())
    s = normalize(text).strip()
    if s.endswith("="):  # "123+45=" is a natural way to ask
        s = s[:-1].rstrip()
    if not s:
        raise PromptError("empty", L("The prompt is empty. ", "入力が空です。") + _example())
    if s.lstrip().startswith("-") and any(c.isdigit() for c in s):
        raise PromptError("negative", L("Negative numbers are not supported: this model adds numbers from 0 upward.",
                                        "負の数には対応していません。このモデルは 0 以上の数を足します。"))
    if _x_between_digits(s):  # "12x3" means times, not a typo
        raise PromptError("operator", _operator_message("×"))
    for c in s:
        if c.isalpha():
            raise PromptError("letters", L(f"Only digits and + are allowed; found the letter '{c}'. ",
                                           f"数字と + 以外は使えません（文字「{c}」があります）。") + _example())
    if "=" in s:
        raise PromptError("equals", L("Type only the question, e.g. 123+45 (the model writes the answer).",
                                      "問題だけを入力してください（例: 123+45）。答えはモデルが書きます。"))
    for c in s:
        if c in OPERATORS:
            raise PromptError("operator", _operator_message(c))
        if c == ".":
            raise PromptError("decimal", L("Whole numbers only: this model does not add decimals.",
                                           "整数だけを使ってください。小数の足し算には対応していません。"))
        if c == ",":
            raise PromptError("separator", L("Type numbers without separators, e.g. 1000 rather than 1,000.",
                                             "区切り記号なしで入力してください（1,000 ではなく 1000）。"))
        if not (c.isdigit() or c in "+ ") or (c.isdigit() and not c.isascii()):
            raise PromptError("symbol", L(f"Unexpected character '{c}'. ", f"使えない文字「{c}」があります。") + _example())
    plus = s.count("+")
    if plus == 0:
        raise PromptError("no_plus", L("There is no + sign: type two numbers joined by +, e.g. 123+45.",
                                       "+ 記号がありません。123+45 のように 2 つの数を + でつないでください。"))
    if plus > 1:
        raise PromptError("too_many_operands", L("Only two numbers can be added at a time (one + sign).",
                                                 "一度に足せるのは 2 つの数だけです（+ は 1 つ）。"))
    left, right = (part.strip() for part in s.split("+"))
    if not left:
        raise PromptError("missing_first", L("The first number is missing before the + sign.",
                                             "+ の前の数（1 つ目の数）がありません。"))
    if not right:
        raise PromptError("missing_second", L("The second number is missing after the + sign.",
                                              "+ の後の数（2 つ目の数）がありません。"))
    for part in (left, right):
        if " " in part:
            raise PromptError("space_in_number", L(f"'{part}' has a space inside the number; remove it.",
                                                   f"「{part}」は数の途中に空白があります。空白を消してください。"))
    # leading zeros are fine ("007" is 7); digits are counted on the text, before int(), which
    # refuses strings of more than 4300 characters
    left, right = (part.lstrip("0") or "0" for part in (left, right))
    for value in (left, right):
        n = len(value)
        if n > digits:
            shown = value if n <= 12 else value[:6] + "…"
            raise PromptError("too_many_digits", L(
                f"{shown} has {n} digits, but this model was trained on numbers of up to {digits} "
                f"digit{'s' if digits != 1 else ''}.",
                f"{shown} は {n} 桁です。このモデルが学習したのは {digits} 桁までの数です。"))
    return int(left), int(right)


def _x_between_digits(s: str) -> bool:
    """True when an x or X stands between two digits (spaces ignored), in one pass: the old check
    scanned the whole text once per x (10,000 x took 23 s)."""
    t = s.replace(" ", "")
    return any(t[i] in "xX" and t[i - 1].isdigit() and t[i + 1].isdigit() for i in range(1, len(t) - 1))


def _operator_message(op: str) -> str:
    return L(f"Only addition (+) is supported; found '{op}'.",
             f"対応しているのは足し算（+）だけです（「{op}」があります）。")
