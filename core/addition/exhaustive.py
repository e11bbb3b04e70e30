"""Checking a model on every pair (1,000,000 for 3 digits) in chunks, so a caller can show
progress and stop between chunks (the panel's comparison table runs it in a worker thread)."""
from __future__ import annotations

from typing import Iterator

import numpy as np
import torch

from .data import num_pairs
from .metrics import wrong_pair_ids

MAX_DIGITS = 3          # 10^6 pairs; 4 digits would be 10^8 (hours on a CPU)


def exhaustive_chunks(model, chunk: int = 50_000) -> Iterator[tuple[int, int, int]]:
    """Yield (pairs checked, all pairs, wrong so far) after each chunk of every pair of the model's digits."""
    digits = model.cfg.digits
    if digits > MAX_DIGITS:
        raise ValueError(f"every pair of {digits}-digit numbers is too many to check")
    total = num_pairs(digits)
    wrong = 0
    with torch.inference_mode():
        for start in range(0, total, chunk):
            ids = np.arange(start, min(start + chunk, total), dtype=np.int64)
            wrong += len(wrong_pair_ids(model, ids))
            yield min(start + chunk, total), total, wrong


def exhaustive_exact(model, chunk: int = 50_000) -> float:
    """Exact match over every pair (chunked; see ``exhaustive_chunks``)."""
    done = total = wrong = 0
    for done, total, wrong in exhaustive_chunks(model, chunk):
        pass
    return 1.0 - wrong / total if total else 0.0
