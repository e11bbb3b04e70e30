"""Seq2Seq lab: how an addition question becomes the tensors a Seq2Seq model reads and learns from.

The learner types ``123+45``. The addition solver's own tokenizer (``core.addition.tokenizer``)
turns it into the encoder's input ids, the decoder's input (``_`` then the answer: teacher
forcing) and the target the decoder is trained to emit — each one a row of characters with its
token ids and the tensor's shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from core.addition import tokenizer as tok
from core.i18n import L

MAX_DIGITS = 5


@dataclass(frozen=True)
class Row:
    name: str          # "src", "dec_in", "target"
    chars: str         # padded characters, one per token ('␣' shows a space)
    ids: np.ndarray    # (T,)


@dataclass(frozen=True)
class Seq2SeqExample:
    question: str = ""
    answer: int = 0
    digits: int = 3
    reverse: bool = False
    rows: tuple[Row, ...] = ()
    code: str = ""
    error: str = ""
    error_pos: int = -1

    @property
    def ok(self) -> bool:
        return not self.error


def vocabulary() -> list[tuple[str, int]]:
    """Every character the model knows and its id."""
    return [(c if c != " " else "␣", i) for i, c in enumerate(tok.CHARS)]


def _visible(ids) -> str:
    return "".join("␣" if c == " " else c for c in tok.decode_ids(ids))


def encode_example(text: str, digits: int = 3, reverse: bool = False) -> Seq2SeqExample:
    """Encode one question ``a+b`` (each operand at most ``digits`` digits) as the model sees it."""
    if not 1 <= digits <= MAX_DIGITS:
        return Seq2SeqExample(error=L(f"Digits must be 1 to {MAX_DIGITS}.", f"桁数は1〜{MAX_DIGITS}にしてください。"))
    m = re.fullmatch(r"\s*(\d+)\s*\+\s*(\d+)\s*", text)
    if not m:
        bad = next((i for i, c in enumerate(text) if not (c.isdigit() or c in "+ ")), -1)
        if bad >= 0:
            msg = L(f"'{text[bad]}' at character {bad + 1}: only digits and one '+' are allowed.",
                    f"{bad + 1}文字目の「{text[bad]}」は使えません：数字と「+」1つだけです。")
        else:
            bad = max(len(text) - 1, 0)
            msg = L("Write a question such as 123+45.", "123+45 のように問題を書いてください。")
        return Seq2SeqExample(question=text, error=msg, error_pos=bad)
    for g in (1, 2):
        if len(m.group(g)) > digits:
            return Seq2SeqExample(question=text, error_pos=m.start(g) + digits, error=L(
                f"'{m.group(g)}' has more than {digits} digits.", f"「{m.group(g)}」は{digits}桁を超えています。"))
    a, b = int(m.group(1)), int(m.group(2))
    src = tok.encode_questions([a], [b], digits, reverse=reverse)[0]     # (2N+1,)
    # the book's trick reverses the question only; the answer keeps its normal order
    answer = tok.encode_answers([a + b], digits)[0]                       # (N+2,) "_" + digits
    dec_in, target = answer[:-1], answer[1:]                            # teacher forcing: shift by one
    rows = (Row("src", _visible(src), src), Row("dec_in", _visible(dec_in), dec_in),
            Row("target", _visible(target), target))

    def line(name, ids, note):
        return f"{name} = torch.tensor([[{', '.join(str(int(i)) for i in ids)}]])  # (1, {len(ids)}) '{note}'"
    code = "\n".join([
        line("src", src, _visible(src)),
        line("dec_in", dec_in, _visible(dec_in)),
        line("target", target, _visible(target)),
        "logits = model(src, dec_in)  # (1, {0}, {1})".format(len(dec_in), tok.VOCAB_SIZE),
        "loss = F.cross_entropy(logits.reshape(-1, {0}), target.reshape(-1))".format(tok.VOCAB_SIZE),
    ])
    return Seq2SeqExample(question=f"{a}+{b}", answer=a + b, digits=digits, reverse=reverse, rows=rows, code=code)
