"""Characters <-> token ids for addition questions and answers.

A question ``"123+45"`` is padded with spaces to ``2N+1`` characters (N = digits per
operand), an answer ``"168"`` to ``N+1`` characters; the decoder's input starts with ``_``.
Reversing (the textbook's trick) is done here, vectorised over whole batches in numpy, so
the model never sees strings.
"""
from __future__ import annotations

import numpy as np

CHARS = "0123456789+ _"
VOCAB_SIZE = len(CHARS)
PAD = CHARS.index(" ")
PLUS = CHARS.index("+")
START = CHARS.index("_")
_CHAR_TO_ID = {c: i for i, c in enumerate(CHARS)}


def question_len(digits: int) -> int:
    return 2 * digits + 1


def answer_len(digits: int) -> int:
    """Answer characters without the start token: a + b < 2*10^N has at most N+1 digits."""
    return digits + 1


def encode_text(text: str) -> np.ndarray:
    """Plain character lookup (no padding): ``"1+2"`` -> ``[1, 10, 2]``."""
    return np.array([_CHAR_TO_ID[c] for c in text], dtype=np.int64)


def decode_ids(ids) -> str:
    return "".join(CHARS[int(i)] for i in ids)


def _num_digits(x: np.ndarray) -> np.ndarray:
    """Number of decimal digits of each non-negative integer (0 has one digit)."""
    n = np.ones_like(x)
    y = x // 10
    while np.any(y > 0):
        n += y > 0
        y //= 10
    return n


def _write_number(out: np.ndarray, x: np.ndarray, start: np.ndarray, length: np.ndarray, width: int) -> None:
    """Write the digits of x into out[row, start:start+length] (most significant first)."""
    rows = np.arange(len(x))
    for j in range(width):
        mask = j < length
        # digit j from the left = (x // 10^(length-1-j)) % 10
        power = np.power(10, np.maximum(length - 1 - j, 0))
        out[rows[mask], start[mask] + j] = (x[mask] // power[mask]) % 10


def encode_questions(a, b, digits: int, reverse: bool = False) -> np.ndarray:
    """Encode a batch of questions ``"a+b"`` as (B, 2N+1) token ids, space-padded.

    With ``reverse`` the whole padded string is reversed, as in the textbook
    (``"123+45  "`` -> ``"  54+321"``).
    """
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    out = np.full((len(a), question_len(digits)), PAD, dtype=np.int64)
    la, lb = _num_digits(a), _num_digits(b)
    zeros = np.zeros_like(la)
    _write_number(out, a, zeros, la, digits)
    out[np.arange(len(a)), la] = PLUS
    _write_number(out, b, la + 1, lb, digits)
    return out[:, ::-1].copy() if reverse else out


def encode_answers(s, digits: int, reverse: bool = False) -> np.ndarray:
    """Encode sums as (B, N+2) ids: ``_`` then the digits (reversed if asked), space-padded.

    The decoder reads ``[:, :-1]`` (teacher forcing) and is trained to emit ``[:, 1:]``.
    """
    s = np.asarray(s, dtype=np.int64)
    width = answer_len(digits)
    body = np.full((len(s), width), PAD, dtype=np.int64)
    ls = _num_digits(s)
    _write_number(body, s, np.zeros_like(ls), ls, width)
    if reverse:
        # reverse only the digits, keep the padding at the end: "168 " -> "861 "
        rows = np.arange(len(s))
        flipped = body.copy()
        for j in range(width):
            mask = j < ls
            flipped[rows[mask], j] = body[rows[mask], ls[mask] - 1 - j]
        body = flipped
    start = np.full((len(s), 1), START, dtype=np.int64)
    return np.concatenate([start, body], axis=1)


def answer_text(ids, reverse: bool = False) -> str:
    """Turn generated answer ids (without the start token) into the text a person reads.

    Reading stops at the first pad; reversed answers are flipped back for display.
    Whatever the model emitted is kept (a stray ``+`` stays visible rather than hidden).
    """
    text = decode_ids(ids)
    text = text.split(" ", 1)[0]
    return text[::-1] if reverse else text


def question_text(ids, reverse: bool = False) -> str:
    """Inverse of :func:`encode_questions` for one row, without padding: ``"123+45"``."""
    text = decode_ids(ids)
    return (text[::-1] if reverse else text).strip()
