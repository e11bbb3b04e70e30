"""Causal multi-head self-attention, the one attention layer of the app (editor, GPT, adder).

Why ``F.scaled_dot_product_attention`` and not ``nn.MultiheadAttention``: it takes the causal
mask as a flag (no (T, T) mask tensor to build and pass), picks a fused kernel where one exists,
and the code reads like the formula softmax(Q Kᵀ / √d) V. ``nn.MultiheadAttention`` wants a
mask argument and returns head-averaged weights by default. The weights themselves, which the
fused path never materialises, are computed the plain way only when a view asks for them
(``forward(x, return_weights=True)``, or ``keep_weights = True`` on a layer inside a stack: each
forward then leaves its (B, heads, T, T) weights in ``.weights``).
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn


class CausalSelfAttention(nn.Module):
    """x (B, T, C) -> (B, T, C); each position attends to itself and earlier positions only."""

    def __init__(self, embed_dim: int, num_heads: int, dropout: float = 0.0, bias: bool = True):
        super().__init__()
        if embed_dim % num_heads:
            raise ValueError(f"embed_dim {embed_dim} is not divisible by num_heads {num_heads}")
        self.embed_dim, self.num_heads, self.dropout = embed_dim, num_heads, dropout
        self.qkv = nn.Linear(embed_dim, 3 * embed_dim, bias=bias)    # queries, keys, values at once
        self.proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.resid_drop = nn.Dropout(dropout)
        self.keep_weights = False                                   # set by an attention-map view
        self.weights: torch.Tensor | None = None

    def extra_repr(self) -> str:
        return f"embed_dim={self.embed_dim}, num_heads={self.num_heads}, dropout={self.dropout}"

    def _heads(self, x: torch.Tensor):
        B, T, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=2)                       # 3 × (B, T, C)
        shape = (B, T, self.num_heads, C // self.num_heads)
        return [t.view(shape).transpose(1, 2) for t in (q, k, v)]   # 3 × (B, nh, T, hd)

    def forward(self, x: torch.Tensor, return_weights: bool = False):
        B, T, C = x.shape
        q, k, v = self._heads(x)
        if return_weights or self.keep_weights:
            w = attention_weights(q, k)                             # (B, nh, T, T)
            y = w @ v
            if self.keep_weights:
                self.weights = w.detach()
        else:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True,
                                               dropout_p=self.dropout if self.training else 0.0)
        y = y.transpose(1, 2).reshape(B, T, C)                      # (B, T, C): heads side by side
        y = self.resid_drop(self.proj(y))
        return (y, w) if return_weights else y


def attention_weights(q: torch.Tensor, k: torch.Tensor) -> torch.Tensor:
    """softmax(q kᵀ / √d) with the causal mask: (..., T, d) x2 -> (..., T, T), rows sum to 1."""
    T = q.shape[-2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    future = torch.ones(T, T, dtype=torch.bool, device=q.device).triu(1)
    return torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
