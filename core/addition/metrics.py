"""Accuracy measures: exact match, per-digit (by place value), and by number of carries.

Everything works on token arrays (no strings), so the exhaustive evaluation of all
1,000,000 three-digit pairs runs in chunks in a few seconds.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from . import tokenizer as tok
from .data import count_carries, pair_ids_to_operands


@dataclass(frozen=True)
class Accuracy:
    """Result of an evaluation; plain numbers and numpy arrays only."""
    n: int
    exact: float                 # fraction of answers that are entirely right
    per_digit: float             # mean over places of the per-place accuracy
    per_place: np.ndarray        # (N+1,) accuracy of ones, tens, hundreds, ... digits
    by_carries: dict = field(default_factory=dict)  # {carries: (exact accuracy, count)}
    wrong_examples: tuple = ()   # a few (a, b, predicted text) that were wrong

    def to_json(self) -> dict:
        """The numbers as JSON (what ``evaluate --json`` prints and a trained checkpoint records)."""
        return {
            "pairs": self.n,
            "exact": self.exact,
            "wrong": int(round((1 - self.exact) * self.n)),
            "per_digit": self.per_digit,
            "per_place": [float(x) for x in self.per_place],
            "by_carries": {str(k): {"exact": v[0], "count": v[1]} for k, v in self.by_carries.items()},
            "wrong_examples": [f"{a}+{b} -> {p}" for a, b, p in self.wrong_examples],
        }


def _place_digits(ids: np.ndarray, reverse: bool) -> np.ndarray:
    """(B, W) answer ids -> (B, W) chars by place value: column 0 = ones digit.

    Only the part before the first pad counts; missing places become PAD so that a
    too-short answer is wrong in its missing places.
    """
    B, W = ids.shape
    is_pad = ids == tok.PAD
    length = np.where(is_pad.any(axis=1), is_pad.argmax(axis=1), W)  # chars before first pad
    k = np.arange(W)[None, :]
    # reversed answers already start with the ones digit; normal ones end with it
    idx = k if reverse else (length[:, None] - 1 - k)
    valid = k < length[:, None]
    out = np.take_along_axis(ids, np.clip(idx, 0, W - 1), axis=1)
    return np.where(valid, out, tok.PAD)


def score(pred_ids: np.ndarray, target_ids: np.ndarray, reverse: bool, a=None, b=None, digits=None) -> Accuracy:
    """Compare predicted answer ids with targets (both (B, N+1), without the start token)."""
    exact_rows = np.all(pred_ids == target_ids, axis=1)
    places = _place_digits(pred_ids, reverse) == _place_digits(target_ids, reverse)
    per_place = places.mean(axis=0)
    by_carries = {}
    wrong = ()
    if a is not None:
        carries = count_carries(a, b, digits)
        for c in range(digits + 1):
            m = carries == c
            if m.any():
                by_carries[c] = (float(exact_rows[m].mean()), int(m.sum()))
        bad = np.flatnonzero(~exact_rows)[:5]
        wrong = tuple((int(a[i]), int(b[i]), tok.answer_text(pred_ids[i], reverse)) for i in bad)
    return Accuracy(
        n=len(pred_ids),
        exact=float(exact_rows.mean()) if len(pred_ids) else 0.0,
        per_digit=float(per_place.mean()) if len(pred_ids) else 0.0,
        per_place=per_place,
        by_carries=by_carries,
        wrong_examples=wrong,
    )


def predict_ids(model, a: np.ndarray, b: np.ndarray, chunk: int = 8192) -> np.ndarray:
    """Greedy answers for many pairs: (B, N+1) ids."""
    cfg = model.cfg
    was_training = model.training
    model.eval()
    outs = []
    with torch.inference_mode():
        if hasattr(model, "answer_ids"):  # a model that reads its own format (the Transformer)
            out = model.answer_ids(a, b)
            model.train(was_training)
            return out
        for i in range(0, len(a), chunk):
            src = torch.from_numpy(tok.encode_questions(a[i:i + chunk], b[i:i + chunk], cfg.digits, cfg.reverse_input))
            outs.append(model.generate(src).numpy())
    model.train(was_training)
    return np.concatenate(outs) if outs else np.zeros((0, tok.answer_len(cfg.digits)), dtype=np.int64)


def evaluate_pairs(model, pair_ids: np.ndarray, chunk: int = 8192, with_carries: bool = True) -> Accuracy:
    cfg = model.cfg
    a, b = pair_ids_to_operands(pair_ids, cfg.digits)
    pred = predict_ids(model, a, b, chunk)
    target = tok.encode_answers(a + b, cfg.digits, cfg.reverse_answer)[:, 1:]
    if with_carries:
        return score(pred, target, cfg.reverse_answer, a, b, cfg.digits)
    return score(pred, target, cfg.reverse_answer)


def wrong_pair_ids(model, pair_ids: np.ndarray, chunk: int = 8192) -> np.ndarray:
    """The pair ids (from ``pair_ids``) that the model answers wrongly."""
    cfg = model.cfg
    a, b = pair_ids_to_operands(pair_ids, cfg.digits)
    pred = predict_ids(model, a, b, chunk)
    target = tok.encode_answers(a + b, cfg.digits, cfg.reverse_answer)[:, 1:]
    return np.asarray(pair_ids)[~np.all(pred == target, axis=1)]
