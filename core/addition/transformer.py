"""A GPT-style decoder-only Transformer that learns to add, beside the textbook's Seq2Seq.

One sequence per problem, read left to right, as a language model reads text::

    "123+45=" then the answer "861 " (ones digit first, filled with spaces to a fixed width)

Only the answer is scored by the loss (the prompt is given, not predicted). The answer has
``max(len(a), len(b)) + 1`` characters: the digits of the sum, then spaces (" " = end), so the
model always writes exactly as many characters as its prompt implies and nothing is cut off.

Two ways to number the positions (``TransformerConfig.positions``):

- ``"absolute"``: the usual GPT scheme, position = index of the character in the sequence.
- ``"coupled"``: position coupling (Cho et al. 2024; the idea of McLeish et al.'s Abacus
  embeddings): a digit's position is its place value (ones = 1, tens = 2, ...), the same in
  ``a``, ``b`` and the answer, so the digits to be added together share a position. The
  character that *predicts* the answer digit of place ``p`` carries position ``p`` ("=" predicts
  the ones digit, so it gets 1). ``+`` gets 0. In training, every problem's positions are shifted
  by a random offset so that positions beyond the longest training numbers are learned too:
  this is what lets a model trained on 1-5 digit numbers add 6-8 digit numbers.

Characters outside the Seq2Seq alphabet: only ``=``, appended as id 13, so digits, ``+`` and the
space keep the ids of ``tokenizer`` and the answers are scored by ``metrics.score`` unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.engine.config import DictConfig
from core.modules.attention import CausalSelfAttention

from . import tokenizer as tok
from .data import MAX_DIGITS

CHARS = tok.CHARS + "="          # "0123456789+ _=": the Seq2Seq's ids, plus "="
VOCAB_SIZE = len(CHARS)
EQUALS = CHARS.index("=")
PLUS, END = tok.PLUS, tok.PAD     # " " ends the answer and fills it to its width
POSITIONS = ("absolute", "coupled")
MAX_LENGTH_DIGITS = 12            # longest numbers the format can encode (length tests go to 8)


@dataclass
class TransformerConfig(DictConfig):
    digits: int = 3                 # numbers of up to this many digits (prompts are checked against it)
    layers: int = 2
    heads: int = 4
    width: int = 64                 # embedding size C
    mlp_ratio: int = 4
    reverse_answer: bool = True     # write the answer ones digit first, as we add by hand
    positions: str = "coupled"      # or "absolute" (see the module docstring)
    position_slots: int = 0         # rows in the position table; 0: just enough for ``digits``
    kind: str = "transformer"       # tells checkpoints and solvers which model this is

    reverse_input = False           # the prompt is read as typed (the Seq2Seq's option, for shared code)

    @property
    def slots(self) -> int:
        return self.position_slots or min_slots(self.positions, self.digits)

    def validate(self) -> None:
        if not 1 <= self.digits <= MAX_DIGITS:
            raise ValueError(f"digits must be between 1 and {MAX_DIGITS}")
        if self.layers < 1 or self.heads < 1 or self.width < 1 or self.mlp_ratio < 1:
            raise ValueError("sizes must be positive")
        if self.width % self.heads:
            raise ValueError(f"width {self.width} is not divisible by heads {self.heads}")
        if self.positions not in POSITIONS:
            raise ValueError(f"positions must be one of {POSITIONS}, not {self.positions!r}")
        if self.positions == "coupled" and not self.reverse_answer:
            raise ValueError("coupled positions need the answer written ones digit first (reverse_answer)")
        if self.position_slots and self.position_slots < min_slots(self.positions, self.digits):
            raise ValueError(f"position_slots must be at least {min_slots(self.positions, self.digits)}")


def min_slots(positions: str, digits: int) -> int:
    """Position-table rows needed for numbers of up to ``digits`` digits."""
    if positions == "coupled":
        return digits + 3            # 0 for "+", 1..digits+2 ("=" and the answer: the place each one predicts)
    return 3 * digits + 4            # a + b = answer: digits + 1 + digits + 1 + (digits + 1)


# -- the sequence format -----------------------------------------------------------------
def _num_digits(x: np.ndarray) -> np.ndarray:
    return np.maximum(1, np.floor(np.log10(np.maximum(x, 1))).astype(np.int64) + 1) if x.size else x


def _digit(x: np.ndarray, place: np.ndarray) -> np.ndarray:
    """Digit of place ``place`` (0 = ones) of each x."""
    return (x // np.power(10, place, dtype=np.int64)) % 10


def answer_width(a, b) -> np.ndarray:
    """Characters of the answer: one more than the longer operand (room for the carry)."""
    return np.maximum(_num_digits(np.asarray(a, dtype=np.int64)), _num_digits(np.asarray(b, dtype=np.int64))) + 1


def encode(a, b, reverse_answer: bool = True, positions: str = "absolute", with_answer: bool = True):
    """Token ids, position ids and the answer mask for a batch of problems, right-padded.

    Returns ``tokens`` (B, T), ``pos`` (B, T) and ``answer`` (B, T) bool (True on the answer's
    characters). Without ``with_answer`` only the prompts ``"a+b="`` (which must then all have
    the same length: one call per (len(a), len(b)) group).
    """
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    B = len(a)
    la, lb = _num_digits(a), _num_digits(b)
    w = np.maximum(la, lb) + 1
    length = la + lb + 2 + (w if with_answer else 0)
    T = int(length.max()) if B else 0
    tokens = np.full((B, T), END, dtype=np.int64)
    pos = np.zeros((B, T), dtype=np.int64)
    answer = np.zeros((B, T), dtype=bool)
    rows = np.arange(B)
    coupled = positions == "coupled"
    for j in range(int(max(la.max(), lb.max())) if B else 0):   # j-th character of each number, left to right
        for x, lx, start in ((a, la, np.zeros_like(la)), (b, lb, la + 1)):
            m = j < lx
            place = lx[m] - 1 - j                                   # 0 = ones
            tokens[rows[m], start[m] + j] = _digit(x[m], place)
            if coupled:
                pos[rows[m], start[m] + j] = place + 1
    tokens[rows, la] = PLUS
    tokens[rows, la + lb + 1] = EQUALS
    if coupled:
        pos[rows, la + lb + 1] = 1                                  # "=" predicts the ones digit
    if with_answer:
        s = a + b
        ls = _num_digits(s)
        base = la + lb + 2
        for k in range(int(w.max())):                               # k-th answer character
            m = k < w
            r = rows[m]
            if reverse_answer:
                place = np.full(len(r), k)
                digit_here = k < ls[m]
            else:
                place = ls[m] - 1 - k
                digit_here = place >= 0
            col = base[m] + k
            tokens[r, col] = np.where(digit_here, _digit(s[m], np.maximum(place, 0)), END)
            answer[r, col] = True
            if coupled:
                pos[r, col] = k + 2                                 # predicts the place after its own
    if not coupled:
        pos[:] = np.arange(T)[None, :]
    return tokens, pos, answer


def prompt_chars(a: int, b: int) -> str:
    return f"{a}+{b}="


def answer_text(ids, reverse_answer: bool) -> str:
    """Generated answer characters -> what a person reads (up to the first space)."""
    text = "".join(CHARS[int(i)] for i in ids).split(" ", 1)[0]
    return text[::-1] if reverse_answer else text


def to_seq2seq_answer(ids: np.ndarray, width: int) -> np.ndarray:
    """(B, w) generated answer ids -> (B, width) ids in the Seq2Seq's answer layout for ``metrics.score``.

    Both layouts are "digits in writing order, then spaces"; the columns beyond ``w`` are spaces.
    "=" has no Seq2Seq id: a "=" in an answer (always wrong) is scored, and listed, as "_".
    """
    B, w = ids.shape
    if w > width:
        raise ValueError(f"answers of {w} characters do not fit in {width}")
    out = np.full((B, width), END, dtype=np.int64)
    out[:, :w] = np.where(ids == EQUALS, tok.START, ids)
    return out


# -- the model ---------------------------------------------------------------------------
class Block(nn.Module):
    """Pre-norm Transformer block: x + attention(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, width: int, heads: int, mlp_ratio: int):
        super().__init__()
        self.ln1 = nn.LayerNorm(width)
        self.attn = CausalSelfAttention(width, heads)
        self.ln2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, mlp_ratio * width), nn.GELU(), nn.Linear(mlp_ratio * width, width))

    def forward(self, x: torch.Tensor, return_weights: bool = False):
        if return_weights:
            y, w = self.attn(self.ln1(x), return_weights=True)
        else:
            y, w = self.attn(self.ln1(x)), None
        x = x + y
        x = x + self.mlp(self.ln2(x))
        return x, w


class AdditionTransformer(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        cfg.validate()
        self.cfg = cfg
        C = cfg.width
        self.tok_embed = nn.Embedding(VOCAB_SIZE, C)
        self.pos_embed = nn.Embedding(cfg.slots, C)
        # coupled positions give a, b and the answer the same place values; which number a
        # character belongs to (0: a, 1: "+" and b, 2: "=" and the answer) is a second embedding
        self.seg_embed = nn.Embedding(3, C) if cfg.positions == "coupled" else None
        self.blocks = nn.ModuleList([Block(C, cfg.heads, cfg.mlp_ratio) for _ in range(cfg.layers)])
        self.ln_f = nn.LayerNorm(C)
        self.head = nn.Linear(C, VOCAB_SIZE)
        self.apply(_init)

    def forward(self, tokens: torch.Tensor, pos: torch.Tensor, return_weights: bool = False):
        """tokens, pos (B, T) -> logits (B, T, V) [, per-layer weights L × (B, heads, T, T)]."""
        x = self.tok_embed(tokens) + self.pos_embed(pos)            # (B, T, C)
        if self.seg_embed is not None:
            seg = torch.cumsum((tokens == PLUS).long() + (tokens == EQUALS).long(), dim=1).clamp_max(2)   # (B, T)
            x = x + self.seg_embed(seg)
        weights = []
        for block in self.blocks:
            x, w = block(x, return_weights)
            weights.append(w)
        logits = self.head(self.ln_f(x))                            # (B, T, V)
        return (logits, weights) if return_weights else logits

    def check_positions(self, pos: np.ndarray) -> None:
        """A clear message for problems longer than the position table (instead of an IndexError deep in torch)."""
        top = int(pos.max()) if pos.size else 0
        if top >= self.cfg.slots:
            raise ValueError(f"position {top} is beyond this model's {self.cfg.slots} positions")

    def loss(self, tokens: torch.Tensor, pos: torch.Tensor, answer: torch.Tensor) -> torch.Tensor:
        """Cross-entropy of the answer's characters only; the prompt is given, not predicted."""
        logits = self(tokens[:, :-1], pos[:, :-1])                  # (B, T-1, V): position t predicts t+1
        mask = answer[:, 1:]
        return F.cross_entropy(logits[mask], tokens[:, 1:][mask])

    # -- answering (greedy) ---------------------------------------------------------------
    @torch.no_grad()
    def generate(self, a, b, return_details: bool = False):
        """Greedy answers for problems whose operands all have the same lengths.

        Returns answer ids (B, w); with ``return_details`` also probabilities (B, w, V), the
        whole sequence's token ids (B, T) and per-layer attention weights L × (B, heads, T, T)
        (the weights of the last pass, which reads the prompt and every answer character but
        the last: row t is what the character at t looked at to write character t+1).
        """
        c = self.cfg
        tokens, pos, answer = encode(a, b, c.reverse_answer, c.positions)   # with the true answer: positions only
        self.check_positions(pos[:, :-1])                             # the last character is never read
        P = tokens.shape[1] - int(answer[0].sum())                   # prompt length (same for all rows)
        w = tokens.shape[1] - P
        seq = torch.from_numpy(tokens[:, :P])
        pos_t = torch.from_numpy(pos)
        probs, weights = [], None
        for k in range(w):
            last = return_details and k == w - 1                     # the last pass reads everything the weights show
            out = self(seq, pos_t[:, :P + k], return_weights=last)
            logits = (out[0] if last else out)[:, -1]                # (B, V)
            if last:
                weights = out[1]
            if return_details:
                probs.append(torch.softmax(logits, dim=-1))
            seq = torch.cat([seq, logits.argmax(dim=-1, keepdim=True)], dim=1)
        ids = seq[:, P:]
        if not return_details:
            return ids
        return ids, torch.stack(probs, dim=1), seq, weights

    def teacher_forced(self, a: np.ndarray, b: np.ndarray, chunk: int = 8192):
        """One pass with the true answers fed in: which rows (B,) the model gets right.

        Exact: a row whose every answer character is the model's top choice is exactly what
        greedy decoding writes (each step then reads the same input), and only such rows are right.
        """
        right = []
        for i in range(0, len(a), chunk):
            tokens, pos, answer = encode(a[i:i + chunk], b[i:i + chunk], self.cfg.reverse_answer, self.cfg.positions)
            self.check_positions(pos[:, :-1])
            pred = self(torch.from_numpy(tokens[:, :-1]), torch.from_numpy(pos[:, :-1])).argmax(dim=-1).numpy()
            right.append(np.all((pred == tokens[:, 1:]) | ~answer[:, 1:], axis=1))
        return np.concatenate(right) if right else np.zeros(0, dtype=bool)

    def exact_match(self, a, b) -> float:
        """Greedy exact match over problems, in one teacher-forced pass (see ``teacher_forced``)."""
        right = self.teacher_forced(np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64))
        return float(right.mean()) if len(right) else 0.0

    def answer_ids(self, a: np.ndarray, b: np.ndarray, width: int | None = None, chunk: int = 8192) -> np.ndarray:
        """Greedy answers for any problems, in the Seq2Seq's answer layout (B, width) for scoring.

        Rows the teacher-forced pass gets right are the true answers; only the others are decoded
        step by step (grouped by the lengths of their numbers).
        """
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        la, lb = _num_digits(a), _num_digits(b)
        widest = int(np.maximum(la, lb).max()) + 1 if len(a) else 1
        width = max(width or tok.answer_len(self.cfg.digits), widest)
        right = self.teacher_forced(a, b, chunk)
        s = a + b
        out = np.full((len(a), width), END, dtype=np.int64)
        for k in range(width):                                      # the true answers, written as the model writes them
            ls = _num_digits(s)
            place = k if self.cfg.reverse_answer else ls - 1 - k
            out[:, k] = np.where((place >= 0) & (place < ls), _digit(s, np.clip(place, 0, None)), END)
        wrong = np.flatnonzero(~right)
        key = la[wrong] * 100 + lb[wrong]
        for k in np.unique(key):                                     # decode one (len(a), len(b)) group at a time
            rows = wrong[key == k]
            for i in range(0, len(rows), chunk):
                r = rows[i:i + chunk]
                out[r] = to_seq2seq_answer(self.generate(a[r], b[r]).numpy(), width)
        return out


def _init(m: nn.Module) -> None:
    """GPT-2's initialisation: small normal weights, zero biases."""
    if isinstance(m, (nn.Linear, nn.Embedding)):
        nn.init.normal_(m.weight, mean=0.0, std=0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            nn.init.zeros_(m.bias)
