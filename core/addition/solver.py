"""Answer prompts with a trained model, and show how the decoder got there.

``Solver.solve("123+45")`` returns a :class:`Solution`: the answer as a person reads it,
whether it equals the true sum, and each decoding step with its top candidates and (with
attention) the attention weights over the input characters. Plain data only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from . import tokenizer as tok
from .checkpoint import SHIPPED, load
from .prompt import parse_prompt


@dataclass(frozen=True)
class DecodeStep:
    char: str                      # token the decoder chose (" " = end/padding)
    candidates: tuple              # ((char, probability), ...) best first
    attention: np.ndarray | None   # (Te,) weights over Solution.encoder_chars, or None


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


class Solver:
    def __init__(self, model):
        self.model = model.eval()
        self.cfg = model.cfg

    @classmethod
    def from_file(cls, path=SHIPPED) -> "Solver":
        return cls(load(path))

    @property
    def digits(self) -> int:
        return self.cfg.digits

    def solve(self, text: str, top_k: int = 3) -> Solution:
        a, b = parse_prompt(text, self.cfg.digits)
        return self.solve_pair(a, b, prompt=text, top_k=top_k)

    def solve_pair(self, a: int, b: int, prompt: str | None = None, top_k: int = 3) -> Solution:
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
