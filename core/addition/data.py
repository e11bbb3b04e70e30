"""Addition data: operand pairs drawn uniformly, disjoint train/test splits, carries.

A pair (a, b) with 0 <= a, b < 10^N is identified by one integer ``a * 10^N + b``; splits are
sets of such ids, so "never overlap" is a set property that tests can check directly.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_DIGITS = 5


def num_pairs(digits: int) -> int:
    return (10 ** digits) ** 2


def pair_ids_to_operands(ids: np.ndarray, digits: int) -> tuple[np.ndarray, np.ndarray]:
    base = 10 ** digits
    ids = np.asarray(ids, dtype=np.int64)
    return ids // base, ids % base


def operands_to_pair_ids(a, b, digits: int) -> np.ndarray:
    return np.asarray(a, dtype=np.int64) * (10 ** digits) + np.asarray(b, dtype=np.int64)


def sample_pair_ids(rng: np.random.Generator, n: int, digits: int, exclude: np.ndarray | None = None) -> np.ndarray:
    """``n`` distinct pair ids drawn uniformly, none of them in the sorted array ``exclude``."""
    total = num_pairs(digits)
    n_ex = 0 if exclude is None else len(exclude)
    if n > total - n_ex:
        raise ValueError(f"asked for {n} pairs but only {total - n_ex} are available")
    if total <= 4_000_000:
        # small spaces: an exact permutation is cheap and avoids rejection loops
        pool = np.arange(total, dtype=np.int64)
        if n_ex:
            pool = np.setdiff1d(pool, exclude, assume_unique=True)
        return rng.choice(pool, size=n, replace=False)
    out = np.empty(0, dtype=np.int64)
    while len(out) < n:
        cand = rng.integers(0, total, size=2 * (n - len(out)) + 16, dtype=np.int64)
        if n_ex:
            cand = cand[~is_member(cand, exclude)]
        out = np.unique(np.concatenate([out, cand]))
    return rng.permutation(out)[:n]


def is_member(ids: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Vectorised ``ids in sorted_set`` for a sorted int array."""
    if len(sorted_set) == 0:
        return np.zeros(len(ids), dtype=bool)
    pos = np.searchsorted(sorted_set, ids)
    pos = np.minimum(pos, len(sorted_set) - 1)
    return sorted_set[pos] == ids


@dataclass
class Split:
    """Held-out test pairs and (optionally) a fixed training pool, as sorted pair ids.

    ``train is None`` means "online": every batch draws fresh pairs from everything that
    is not in the test set.
    """
    digits: int
    test: np.ndarray
    train: np.ndarray | None

    def overlap(self) -> int:
        if self.train is None:
            return 0
        return int(np.intersect1d(self.train, self.test).size)


def make_split(digits: int, test_size: int, train_size: int | None, seed: int) -> Split:
    rng = np.random.default_rng(seed)
    test = np.sort(sample_pair_ids(rng, test_size, digits))
    train = None
    if train_size:
        train = np.sort(sample_pair_ids(rng, train_size, digits, exclude=test))
    return Split(digits, test, train)


class BatchSampler:
    """Endless batches of training pair ids: shuffled epochs over a fixed pool, or online."""

    def __init__(self, split: Split, batch_size: int, seed: int):
        self.split = split
        self.batch_size = batch_size
        self.rng = np.random.default_rng(seed + 1)
        self.epoch = 0
        self._order = None
        self._pos = 0
        # optional "hard" pairs mixed into every batch (used to polish a model)
        self.focus: np.ndarray | None = None
        self.focus_fraction = 0.25

    def _mix_focus(self, ids: np.ndarray) -> np.ndarray:
        if self.focus is None or len(self.focus) == 0:
            return ids
        k = max(1, int(len(ids) * self.focus_fraction))
        ids = ids.copy()
        ids[:k] = self.rng.choice(self.focus, size=k)
        return ids

    @property
    def epoch_size(self) -> int:
        return len(self.split.train) if self.split.train is not None else num_pairs(self.split.digits) - len(self.split.test)

    def next(self) -> np.ndarray:
        split = self.split
        if split.train is None:
            ids = self.rng.integers(0, num_pairs(split.digits), size=self.batch_size, dtype=np.int64)
            bad = is_member(ids, split.test)
            while bad.any():  # redraw the few that landed in the test set
                ids[bad] = self.rng.integers(0, num_pairs(split.digits), size=int(bad.sum()), dtype=np.int64)
                bad = is_member(ids, split.test)
            self._pos += self.batch_size
            if self._pos >= self.epoch_size:
                self._pos -= self.epoch_size
                self.epoch += 1
            return self._mix_focus(ids)
        if self._order is None or self._pos >= len(self._order):
            if self._order is not None:
                self.epoch += 1
            self._order = self.rng.permutation(split.train)
            self._pos = 0
        ids = self._order[self._pos:self._pos + self.batch_size]
        self._pos += self.batch_size
        return self._mix_focus(ids)


def count_carries(a, b, digits: int) -> np.ndarray:
    """Number of column carries when adding a + b by hand (0..N)."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    carry = np.zeros_like(a)
    total = np.zeros_like(a)
    for _ in range(digits):
        carry = ((a % 10 + b % 10 + carry) >= 10).astype(np.int64)
        total += carry
        a, b = a // 10, b // 10
    return total


def all_pair_ids(digits: int) -> np.ndarray:
    return np.arange(num_pairs(digits), dtype=np.int64)
