"""A learned positional embedding: one trainable vector per position, added to the tokens' vectors.

Attention by itself is blind to order (it is a weighted average over a set), so GPT adds
``pos[t]`` to the embedding of the token at position ``t``; the vectors are learned like any weight.
"""
from __future__ import annotations

import torch
from torch import nn


class PositionalEmbedding(nn.Module):
    """x (B, T, C) -> x + pos[:T] (B, T, C), for any T up to ``max_len``."""

    def __init__(self, max_len: int, embed_dim: int):
        super().__init__()
        self.max_len, self.embed_dim = max_len, embed_dim
        self.weight = nn.Parameter(torch.randn(max_len, embed_dim) * 0.02)   # (max_len, C), as GPT-2

    def extra_repr(self) -> str:
        return f"max_len={self.max_len}, embed_dim={self.embed_dim}"

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        T = x.shape[1]
        if T > self.max_len:
            raise ValueError(f"sequence of length {T} is longer than the {self.max_len} learned positions")
        return x + self.weight[:T]                                  # (B, T, C) + (T, C): broadcast over B
