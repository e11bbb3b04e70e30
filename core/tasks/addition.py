"""The Seq2Seq that learns to add (the textbook's ch. 7-8 example) as an engine task.

Batches: fresh uniform operand pairs every batch (or a fixed pool, shuffled per epoch), never
from the held-out test set. Loss: cross-entropy of every answer character under teacher
forcing. Metric: exact match on the held-out pairs (``target_metric = "exact"``), with
per-place accuracy, accuracy by number of carries and a few wrong answers for the views.
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from core.addition import tokenizer as tok
from core.addition.data import BatchSampler, all_pair_ids, make_split, num_pairs, pair_ids_to_operands, sample_pair_ids
from core.addition.metrics import Accuracy, evaluate_pairs
from core.addition.model import ModelConfig, Seq2Seq
from core.engine.task import Task


class AdditionTask(Task):
    target_metric = "exact"

    def __init__(self, model: dict | None = None, train_size: int | None = None, test_size: int = 5000,
                 batch_size: int = 128, seed: int = 0):
        self.config = ModelConfig.from_dict(model or {})
        with torch.random.fork_rng(devices=[]):      # the caller's global RNG is left as it was
            torch.manual_seed(seed)
            self.model = Seq2Seq(self.config)
        self.split = make_split(self.config.digits, test_size, train_size or None, seed)
        self.sampler = BatchSampler(self.split, batch_size, seed)
        self.steps_per_epoch = -(-len(self.split.train) // batch_size) if self.split.train is not None else 0
        self.loss_fn = nn.CrossEntropyLoss()
        self.last: Accuracy | None = None

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

    def eval_ids(self) -> np.ndarray:
        """The held-out test pairs; with no test set (tiny demos), every pair if there are few."""
        if len(self.split.test):
            return self.split.test
        d = self.config.digits
        return all_pair_ids(d) if num_pairs(d) <= 10_000 else sample_pair_ids(np.random.default_rng(0), 5000, d)

    def evaluate(self) -> dict:
        acc = self.last = evaluate_pairs(self.model, self.eval_ids())
        return {"exact": acc.exact, "per_digit": acc.per_digit, "per_place": acc.per_place,
                "by_carries": dict(acc.by_carries), "wrong_examples": acc.wrong_examples}

    def state_dict(self) -> dict:
        s = self.sampler
        return {"rng": s.rng.bit_generator.state, "epoch": s.epoch, "pos": s._pos,
                "order": None if s._order is None else s._order.copy()}

    def load_state_dict(self, state: dict) -> None:
        if not state:
            return
        s = self.sampler
        s.rng.bit_generator.state = state["rng"]
        s.epoch, s._pos, s._order = state["epoch"], state["pos"], state["order"]
