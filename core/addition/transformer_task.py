"""Training the addition Transformer through the shared engine (``core.engine``).

    spec = recipe(TransformerConfig(), target=0.99)       # a RunSpec: plain data, for any process
    engine = spec.engine(callbacks=[...])
    engine.run()

The task is ``core.tasks.TASKS["addition_transformer"]``. The held-out problems and the score are
the Seq2Seq's (``data.make_split``, ``metrics``): with the same digits, test size and seed both
models are measured on the same 5,000 problems.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import torch

from core.engine.config import Cadence, Limits, OptimConfig
from core.engine.run import RunSpec
from core.engine.task import Task

from .data import BatchSampler, all_pair_ids, is_member, make_split, num_pairs, operands_to_pair_ids, \
    pair_ids_to_operands, sample_pair_ids
from .metrics import Accuracy, evaluate_pairs
from .transformer import AdditionTransformer, TransformerConfig, encode

# The optimiser the panel, the CLI and the benchmark use (chosen by measurement, see bench/addition_speed.py)
FAST_OPTIM = OptimConfig(optimizer="adamw", lr=1e-2, lr_final=1e-4, schedule="cosine", warmup_steps=100,
                         weight_decay=0.01, grad_clip=1.0)
# ...and the quickest model to 99 % on the 5,000 held-out problems, with its schedule's length. Measured
# here (seeds 0-2, on a loaded 2-core machine): 1 x 4 x 32 with batch 512 at 1e-2 reached 99 % in 700,
# 550 and 600 steps; 2 x 4 x 32 with batch 256 at 6e-3 in 600 steps for one seed but not within 800 for
# another; 1 x 4 x 32 with batch 256 missed 800 for one seed. Steps to 99 % barely depend on size, so
# the smallest model that gets there reliably wins.
FAST = dict(model=TransformerConfig(layers=1, heads=4, width=32, positions="coupled"), batch_size=512,
            lr=FAST_OPTIM.lr, lr_final=FAST_OPTIM.lr_final, warmup_steps=FAST_OPTIM.warmup_steps, max_steps=800,
            eval_every=50)


@dataclass
class TransformerTrainConfig:
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

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "TransformerTrainConfig":
        d = dict(d)
        m = d.get("model") or {}
        d["model"] = m if isinstance(m, TransformerConfig) else TransformerConfig.from_dict(m)
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})

    def validate(self) -> None:
        self.model.validate()
        if not 0.0 <= self.balanced <= 1.0:
            raise ValueError(f"balanced must be a fraction from 0 to 1, not {self.balanced}")
        if self.batch_size < 1 or self.test_size < 0:
            raise ValueError("batch_size must be positive and test_size not negative")
        if self.test_size + (self.train_size or 0) > num_pairs(self.model.digits):
            raise ValueError("test_size + train_size is more than the number of pairs")


class TransformerTask(Task):
    """The engine's view of the addition Transformer: batches, masked loss, exact match.

    Built from a :class:`TransformerTrainConfig` or from its fields as plain keyword arguments
    (``TransformerTask(**config.to_dict())``, as a ``RunSpec`` does in the training process).
    """

    target_metric = "exact"

    def __init__(self, config: TransformerTrainConfig | None = None, **kwargs):
        config = config or TransformerTrainConfig.from_dict(kwargs)
        config.validate()
        self.config = config
        m = config.model
        with torch.random.fork_rng(devices=[]):      # the caller's global RNG is left as it was
            torch.manual_seed(config.seed)
            self.model = AdditionTransformer(m)
        self.split = make_split(m.digits, config.test_size, config.train_size, config.seed)
        self.sampler = BatchSampler(self.split, config.batch_size, config.seed)
        self.rng = np.random.default_rng(config.seed + 2)          # lengths and position shifts
        self.steps_per_epoch = 0 if config.train_size is None else -(-config.train_size // config.batch_size)
        max_place = m.digits + 2                                    # highest position used by training data
        room = m.slots - 1 - max_place
        self.max_shift = 0 if m.positions != "coupled" else max(0, room if config.position_shift < 0
                                                                 else min(config.position_shift, room))
        self.last_eval: Accuracy | None = None

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
    def eval_ids(self) -> np.ndarray:
        if len(self.split.test):
            return self.split.test
        d = self.config.model.digits
        return all_pair_ids(d) if num_pairs(d) <= 10_000 else sample_pair_ids(np.random.default_rng(0), 5000, d)

    def evaluate(self) -> dict:
        if not self.config.details:
            a, b = pair_ids_to_operands(self.eval_ids(), self.config.model.digits)
            return {"exact": self.model.exact_match(a, b)}
        acc = self.last_eval = evaluate_pairs(self.model, self.eval_ids())
        return {"exact": acc.exact, "per_digit": acc.per_digit, "per_place": acc.per_place,
                "by_carries": dict(acc.by_carries), "wrong_examples": acc.wrong_examples}

    # -- continuing ------------------------------------------------------------------------
    def state_dict(self) -> dict:
        s = self.sampler
        return {"sampler_rng": s.rng.bit_generator.state, "epoch": s.epoch, "pos": s._pos,
                "order": None if s._order is None else s._order.copy(), "rng": self.rng.bit_generator.state}

    def load_state_dict(self, state: dict) -> None:
        if not state:
            return
        s = self.sampler
        s.rng.bit_generator.state = state["sampler_rng"]
        s.epoch, s._pos, s._order = state["epoch"], state["pos"], state["order"]
        self.rng.bit_generator.state = state["rng"]


def random_numbers(rng: np.random.Generator, lengths: np.ndarray, n: int) -> np.ndarray:
    """Numbers with the given count of digits, uniform within each length (1 digit: 0-9)."""
    lengths = np.asarray(lengths, dtype=np.int64)
    low = np.where(lengths == 1, 0, 10 ** (lengths - 1))
    high = 10 ** lengths
    return low + (rng.random(n) * (high - low)).astype(np.int64)


def recipe(model: TransformerConfig | None = None, *, train_size: int | None = None, test_size: int = 5000,
           batch_size: int = 256, lr: float = FAST_OPTIM.lr, lr_final: float = FAST_OPTIM.lr_final,
           warmup_steps: int = FAST_OPTIM.warmup_steps, max_steps: int = 1500, max_seconds: float | None = None,
           target: float | None = None, eval_every: int = 50, seed: int = 0, balanced: float = 0.0,
           details: bool = True, label: str = "") -> RunSpec:
    """A Transformer run as plain data (``RunSpec``): task arguments and the engine's settings."""
    cfg = TransformerTrainConfig(model=model or TransformerConfig(), train_size=train_size or None,
                                 test_size=test_size, batch_size=batch_size, seed=seed, balanced=balanced,
                                 details=details)
    cfg.validate()
    optim = OptimConfig(**{**FAST_OPTIM.to_dict(), "lr": lr, "lr_final": lr_final, "warmup_steps": warmup_steps})
    return RunSpec("addition_transformer", cfg.to_dict(), optim,
                   Limits(max_steps=max_steps, max_seconds=max_seconds, target=target),
                   Cadence(eval_every_steps=eval_every), label=label)
