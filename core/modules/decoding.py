"""Writing text one token at a time without recomputing the whole window for every new token.

``generate`` in minGPT runs the model on the full context for each new token: T positions of
work to get one. Here each attention layer keeps the keys and values of the positions it has
seen (a KV cache), each recurrent layer its hidden state, and the learned positions an offset,
so a new token costs one position of work. Every other layer must work on each position alone
(Linear, LayerNorm, activations, Dropout, Embedding, residual blocks of such layers); a model
with any other layer is refused by ``supports`` and then decoded the plain way.

    dec = IncrementalDecoder(model)          # model.eval(), under torch.no_grad()
    logits = dec.feed(prompt_ids)            # (B, t, V): prefill
    logits = dec.feed(next_id)               # (B, 1, V): one more position
    dec.length                               # positions seen; at most the learned positions' max_len
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from core.modules.attention import CausalSelfAttention
from core.modules.blocks import Residual
from core.modules.positional import PositionalEmbedding
from core.modules.recurrent import Recurrent

# layers that treat every position on its own (their output at t depends only on their input at t)
POSITIONWISE = (nn.Linear, nn.LayerNorm, nn.Dropout, nn.Embedding, nn.Identity, nn.ReLU, nn.LeakyReLU,
                nn.Sigmoid, nn.Tanh, nn.GELU)


def supports(model: nn.Module) -> bool:
    """Whether every layer of ``model`` is one this decoder knows how to run a position at a time."""
    def ok(m: nn.Module) -> bool:
        if isinstance(m, (CausalSelfAttention, PositionalEmbedding, Recurrent)) or isinstance(m, POSITIONWISE):
            return True
        if isinstance(m, nn.Softmax):
            return m.dim in (-1, 2)
        if isinstance(m, (nn.Sequential, Residual)):
            return all(ok(c) for c in m.children())
        return False
    return ok(model)


class IncrementalDecoder:
    def __init__(self, model: nn.Module):
        if not supports(model):
            raise ValueError("the model has a layer that needs the whole sequence at once")
        self.model = model
        self.length = 0                                             # positions fed so far
        self._kv: dict[int, tuple[torch.Tensor, torch.Tensor]] = {}
        self._state: dict[int, object] = {}

    def feed(self, ids: torch.Tensor) -> torch.Tensor:
        """ids (B, t) of the next t positions -> their outputs (B, t, ...)."""
        out = self._run(self.model, ids)
        self.length += ids.shape[1]
        return out

    def _run(self, m: nn.Module, x: torch.Tensor) -> torch.Tensor:
        if isinstance(m, nn.Sequential):
            for child in m:
                x = self._run(child, x)
            return x
        if isinstance(m, Residual):
            return x + self._run(m.f, x)
        if isinstance(m, CausalSelfAttention):
            return self._attend(m, x)
        if isinstance(m, PositionalEmbedding):
            t = x.shape[1]
            if self.length + t > m.max_len:
                raise ValueError(f"position {self.length + t} is beyond the {m.max_len} learned positions")
            return x + m.weight[self.length:self.length + t]
        if isinstance(m, Recurrent):
            y, self._state[id(m)] = m.rnn(x, self._state.get(id(m)))     # carry h (LSTM: (h, c))
            return y[:, -1] if m.last_step else y
        return m(x)

    def _attend(self, m: CausalSelfAttention, x: torch.Tensor) -> torch.Tensor:
        B, t, C = x.shape
        q, k, v = m._heads(x)                                       # 3 × (B, nh, t, hd)
        past = self._kv.get(id(m))
        if past is not None:
            k, v = torch.cat([past[0], k], dim=2), torch.cat([past[1], v], dim=2)   # (B, nh, P+t, hd)
        self._kv[id(m)] = (k, v)
        P = k.shape[2] - t
        if t == 1:
            y = F.scaled_dot_product_attention(q, k, v)            # the newest position sees everything
        else:                                                       # position P+i sees keys 0..P+i
            mask = torch.ones(t, P + t, dtype=torch.bool, device=x.device).tril(P)
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        y = y.transpose(1, 2).reshape(B, t, C)
        return m.resid_drop(m.proj(y))

