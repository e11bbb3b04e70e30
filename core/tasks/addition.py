"""The two models that learn to add, as engine tasks: the Seq2Seq (the textbook's ch. 7-8
example) and the decoder-only Transformer beside it.

Both share :class:`PairsTask`: the held-out problems (``data.make_split``), the batch sampler
(fresh uniform operand pairs every batch, or a fixed pool shuffled per epoch, never from the
held-out set) and the score (exact match on the held-out pairs, ``target_metric = "exact"``,
with per-place accuracy, accuracy by number of carries and a few wrong answers for the views).
With the same digits, test size and seed both models are measured on the same problems.
They differ in the model, its batches and its loss: the Seq2Seq's cross-entropy of every answer
character under teacher forcing; the Transformer's masked loss over the answer, with length-
balanced batches and position shifts as options.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch
from torch import nn

from core.addition import tokenizer as tok
from core.addition.data import BatchSampler, all_pair_ids, is_member, make_split, num_pairs, operands_to_pair_ids, \
    pair_ids_to_operands, sample_pair_ids
from core.addition.metrics import Accuracy, evaluate_pairs
from core.addition.model import ModelConfig, Seq2Seq
from core.addition.transformer import AdditionTransformer, TransformerConfig, encode
from core.engine.config import DictConfig
from core.engine.task import Task


class PairsTask(Task):
    """What both addition tasks share: the split, the sampler, the held-out score, the sampling state."""

    target_metric = "exact"

    def _setup(self, make_model: Callable[[], nn.Module], digits: int, test_size: int, train_size: int | None,
               batch_size: int, seed: int) -> None:
        with torch.random.fork_rng(devices=[]):      # the caller's global RNG is left as it was
            torch.manual_seed(seed)
            self.model = make_model()
        self.digits = digits
        self.split = make_split(digits, test_size, train_size or None, seed)
        self.sampler = BatchSampler(self.split, batch_size, seed)
        self.steps_per_epoch = -(-len(self.split.train) // batch_size) if self.split.train is not None else 0
        self.last_eval: Accuracy | None = None

    def eval_ids(self) -> np.ndarray:
        """The held-out test pairs; with no test set (tiny demos), every pair if there are few."""
        if len(self.split.test):
            return self.split.test
        d = self.digits
        return all_pair_ids(d) if num_pairs(d) <= 10_000 else sample_pair_ids(np.random.default_rng(0), 5000, d)

    def evaluate(self) -> dict:
        acc = self.last_eval = evaluate_pairs(self.model, self.eval_ids())
        return {"exact": acc.exact, "per_digit": acc.per_digit, "per_place": acc.per_place,
                "by_carries": dict(acc.by_carries), "wrong_examples": acc.wrong_examples}

    def _sampler_state(self, rng_key: str) -> dict:
        s = self.sampler
        return {rng_key: s.rng.bit_generator.state, "epoch": s.epoch, "pos": s._pos,
                "order": None if s._order is None else s._order.copy()}

    def _load_sampler_state(self, state: dict, rng_key: str) -> None:
        s = self.sampler
        s.rng.bit_generator.state = state[rng_key]
        s.epoch, s._pos, s._order = state["epoch"], state["pos"], state["order"]


# -- the Seq2Seq -------------------------------------------------------------------------------
class AdditionTask(PairsTask):
    def __init__(self, model: dict | None = None, train_size: int | None = None, test_size: int = 5000,
                 batch_size: int = 128, seed: int = 0):
        self.config = ModelConfig.from_dict(model or {})
        self._setup(lambda: Seq2Seq(self.config), self.config.digits, test_size, train_size, batch_size, seed)
        self.loss_fn = nn.CrossEntropyLoss()

    def next_batch(self):
        m = self.config
        a, b = pair_ids_to_operands(self.sampler.next(), m.digits)
        src = torch.from_numpy(tok.encode_questions(a, b, m.digits, m.reverse_input))    # (B, Te)
        ans = torch.from_numpy(tok.encode_answers(a + b, m.digits, m.reverse_answer))    # (B, N+2)
        dev = next(self.model.parameters()).device
        return src.to(dev), ans[:, :-1].to(dev), ans[:, 1:].to(dev)

    def loss(self, batch) -> torch.Tensor:
        src, dec_in, target = batch
        logits = self.model(src, dec_in)                                                  # (B, Td, V)
        return self.loss_fn(logits.reshape(-1, logits.shape[-1]), target.reshape(-1))

    def state_dict(self) -> dict:
        return self._sampler_state("rng")

    def load_state_dict(self, state: dict) -> None:
        if state:
            self._load_sampler_state(state, "rng")


# -- the Transformer ---------------------------------------------------------------------------
@dataclass
class TransformerTrainConfig(DictConfig):
    model: TransformerConfig = field(default_factory=TransformerConfig)
    train_size: int | None = None     # None: fresh pairs every batch (all but the test set)
    test_size: int = 5000
    batch_size: int = 256
    seed: int = 0
    # the share of each batch whose numbers' lengths are drawn first, uniformly from 1..digits;
    # the rest are pairs drawn uniformly, like the test set (where a 1-digit number is 1 in 100)
    balanced: float = 0.0
    # False: measure exact match only (one teacher-forced pass, the same number as greedy
    # decoding gives), not per-digit accuracy and carries (which decode the wrong answers)
    details: bool = True
    # coupled positions: training shifts each problem's positions by up to this much (-1: as far
    # as the position table allows), so places beyond the longest training numbers are learned
    position_shift: int = -1

    @classmethod
    def from_dict(cls, d: dict | None) -> "TransformerTrainConfig":
        d = dict(d or {})
        m = d.get("model") or {}
        d["model"] = m if isinstance(m, TransformerConfig) else TransformerConfig.from_dict(m)
        return super().from_dict(d)

    def validate(self) -> None:
        self.model.validate()
        if not 0.0 <= self.balanced <= 1.0:
            raise ValueError(f"balanced must be a fraction from 0 to 1, not {self.balanced}")
        if self.batch_size < 1 or self.test_size < 0:
            raise ValueError("batch_size must be positive and test_size not negative")
        if self.test_size + (self.train_size or 0) > num_pairs(self.model.digits):
            raise ValueError("test_size + train_size is more than the number of pairs")


class TransformerTask(PairsTask):
    """The engine's view of the addition Transformer: batches, masked loss, exact match.

    Built from a :class:`TransformerTrainConfig` or from its fields as plain keyword arguments
    (``TransformerTask(**config.to_dict())``, as a ``RunSpec`` does in the training process).
    """

    def __init__(self, config: TransformerTrainConfig | None = None, **kwargs):
        config = config or TransformerTrainConfig.from_dict(kwargs)
        config.validate()
        self.config = config
        m = config.model
        self._setup(lambda: AdditionTransformer(m), m.digits, config.test_size, config.train_size,
                    config.batch_size, config.seed)
        self.rng = np.random.default_rng(config.seed + 2)          # lengths and position shifts
        max_place = m.digits + 2                                    # highest position used by training data
        room = m.slots - 1 - max_place
        self.max_shift = 0 if m.positions != "coupled" else max(0, room if config.position_shift < 0
                                                                 else min(config.position_shift, room))

    # -- batches -------------------------------------------------------------------------
    def next_pair_ids(self) -> np.ndarray:
        n = int(round(self.config.balanced * self.config.batch_size))
        if n == 0 or self.split.train is not None:
            return self.sampler.next()
        d = self.config.model.digits
        a, b = (random_numbers(self.rng, self.rng.integers(1, d + 1, n), n) for _ in range(2))
        ids = operands_to_pair_ids(a, b, d)
        ids = ids[~is_member(ids, self.split.test)]                 # never train on a held-out problem
        if n < self.config.batch_size:
            ids = np.concatenate([self.sampler.next()[:self.config.batch_size - n], ids])
        return ids

    def next_batch(self):
        c = self.config.model
        a, b = pair_ids_to_operands(self.next_pair_ids(), c.digits)
        tokens, pos, answer = encode(a, b, c.reverse_answer, c.positions)
        if self.max_shift:
            shift = self.rng.integers(0, self.max_shift + 1, size=(len(a), 1))
            pos = np.where(pos > 0, pos + shift, 0)
        return torch.from_numpy(tokens), torch.from_numpy(pos), torch.from_numpy(answer)

    def loss(self, batch) -> torch.Tensor:
        dev = next(self.model.parameters()).device
        return self.model.loss(*(t.to(dev) for t in batch))

    # -- measuring ---------------------------------------------------------------------
    def evaluate(self) -> dict:
        if not self.config.details:
            a, b = pair_ids_to_operands(self.eval_ids(), self.config.model.digits)
            return {"exact": self.model.exact_match(a, b)}
        return super().evaluate()

    # -- continuing ------------------------------------------------------------------------
    def state_dict(self) -> dict:
        return {**self._sampler_state("sampler_rng"), "rng": self.rng.bit_generator.state}

    def load_state_dict(self, state: dict) -> None:
        if not state:
            return
        self._load_sampler_state(state, "sampler_rng")
        self.rng.bit_generator.state = state["rng"]


def random_numbers(rng: np.random.Generator, lengths: np.ndarray, n: int) -> np.ndarray:
    """Numbers with the given count of digits, uniform within each length (1 digit: 0-9)."""
    lengths = np.asarray(lengths, dtype=np.int64)
    low = np.where(lengths == 1, 0, 10 ** (lengths - 1))
    high = 10 ** lengths
    return low + (rng.random(n) * (high - low)).astype(np.int64)
