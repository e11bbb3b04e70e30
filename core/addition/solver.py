"""Answer prompts with a trained model (Seq2Seq or Transformer), and show how it got there.

``Solver.solve("123+45")`` returns a :class:`Solution`: the answer as a person reads it,
whether it equals the true sum, and each decoding step with its top candidates and (with
attention) the attention weights over the input characters. For the Transformer it also holds
every layer's and head's attention over the sequence it read. Plain data only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from . import tokenizer as tok
from . import transformer as tf
from .checkpoint import SHIPPED, load, shipped_path
from .models import kind_of
from .prompt import parse_prompt


@dataclass(frozen=True)
class DecodeStep:
    char: str                      # token the decoder chose (" " = end/padding)
    candidates: tuple              # ((char, probability), ...) best first
    attention: np.ndarray | None   # (Te,) weights over Solution.encoder_chars, or None
                                   # (Transformer: last layer, mean of its heads; 0 on characters not yet written)


@dataclass(frozen=True)
class Solution:
    prompt: str
    a: int
    b: int
    answer: str                    # what the model says, flipped back to normal order
    true_sum: int
    correct: bool
    steps: tuple                   # DecodeStep per output position
    encoder_chars: tuple           # characters as the encoder read them (reversed if the model reverses)
    reverse_answer: bool
    reverse_input: bool = False    # how the model that answered reads its input (history may outlive the model)
    model_kind: str = "seq2seq"    # which kind of model answered ("seq2seq", "transformer")
    # Transformer only: attention of every layer and head (L, heads, T, T) over ``encoder_chars``
    # (the prompt "a+b=" and the answer characters it wrote and read back), rows = reading position
    layer_attention: np.ndarray | None = None


class Solver:
    def __init__(self, model):
        self.model = model.eval()
        self.cfg = model.cfg

    @classmethod
    def from_file(cls, path=SHIPPED) -> "Solver":
        return cls(load(path))

    @classmethod
    def shipped(cls, kind: str = "seq2seq") -> "Solver":
        return cls(load(shipped_path(kind)))

    @property
    def kind(self) -> str:
        return kind_of(self.model)

    @property
    def digits(self) -> int:
        return self.cfg.digits

    def solve(self, text: str, top_k: int = 3) -> Solution:
        a, b = parse_prompt(text, self.cfg.digits)
        return self.solve_pair(a, b, prompt=text, top_k=top_k)

    def solve_pair(self, a: int, b: int, prompt: str | None = None, top_k: int = 3) -> Solution:
        if self.kind == "transformer":
            return self._solve_transformer(a, b, prompt, top_k)
        cfg = self.cfg
        src_np = tok.encode_questions([a], [b], cfg.digits, cfg.reverse_input)
        with torch.inference_mode():
            ids, probs, attn = self.model.generate(torch.from_numpy(src_np), return_details=True)
        ids = ids[0].numpy()
        probs = probs[0].numpy()  # (Td, V)
        attn = attn[0].numpy() if attn is not None else None  # (Td, Te)
        steps = []
        for t in range(len(ids)):
            order = np.argsort(-probs[t])[:top_k]
            steps.append(DecodeStep(tok.CHARS[ids[t]],
                                    tuple((tok.CHARS[i], float(probs[t, i])) for i in order),
                                    None if attn is None else attn[t].copy()))
        answer = tok.answer_text(ids, cfg.reverse_answer)
        true_sum = a + b
        return Solution(prompt if prompt is not None else f"{a}+{b}", a, b, answer, true_sum,
                        answer == str(true_sum), tuple(steps),
                        tuple(tok.decode_ids(src_np[0])), cfg.reverse_answer, cfg.reverse_input)

    def _solve_transformer(self, a: int, b: int, prompt: str | None, top_k: int) -> Solution:
        cfg = self.cfg
        with torch.inference_mode():
            ids, probs, seq, weights = self.model.generate([a], [b], return_details=True)
        ids, probs = ids[0].numpy(), probs[0].numpy()            # (w,), (w, V)
        seq = seq[0].numpy()                                     # prompt + answer (P + w)
        layers = torch.stack(weights)[:, 0].numpy()              # (L, heads, T, T) with T = P + w - 1
        P, T = len(seq) - len(ids), layers.shape[-1]
        last = layers[-1].mean(axis=0)                           # (T, T)
        steps = []
        for t in range(len(ids)):
            order = np.argsort(-probs[t])[:top_k]
            steps.append(DecodeStep(tf.CHARS[ids[t]], tuple((tf.CHARS[i], float(probs[t, i])) for i in order),
                                    last[P - 1 + t].copy()))      # the row of the character that wrote it
        answer = tf.answer_text(ids, cfg.reverse_answer)
        return Solution(prompt if prompt is not None else f"{a}+{b}", a, b, answer, a + b, answer == str(a + b),
                        tuple(steps), tuple(tf.CHARS[i] for i in seq[:T]), cfg.reverse_answer, False,
                        "transformer", layers.copy())
