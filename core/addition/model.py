"""The encoder-decoder that learns to add.

Embedding -> GRU/LSTM encoder -> GRU/LSTM decoder -> Linear, as in the textbook (ch. 7-8),
with its switches:

- ``peeky``: the encoder's final hidden state is concatenated to the decoder's input at
  every step and to the Linear layer's input, so the decoder never "forgets" the question.
- ``attention``: each decoder step takes a softmax-weighted average of all encoder outputs
  (dot-product scores, as in the textbook's AttentionSeq2seq) and concatenates it to its
  output before the Linear layer.

Reversing input/answer is a property of the data (see ``tokenizer``), stored here in the
config because the model must be fed the same way when it answers.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from core.engine.config import DictConfig

from . import tokenizer as tok

CELLS = ("gru", "lstm")


@dataclass
class ModelConfig(DictConfig):
    digits: int = 3
    cell: str = "gru"
    embed_dim: int = 16
    hidden: int = 128
    reverse_input: bool = True
    reverse_answer: bool = True
    peeky: bool = False
    attention: bool = True

    def validate(self) -> None:
        if self.cell not in CELLS:
            raise ValueError(f"cell must be one of {CELLS}, not {self.cell!r}")
        if not 1 <= self.digits <= 5:
            raise ValueError("digits must be between 1 and 5")
        if self.embed_dim < 1 or self.hidden < 1:
            raise ValueError("sizes must be positive")


class Seq2Seq(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        cfg.validate()
        self.cfg = cfg
        rnn = nn.GRU if cfg.cell == "gru" else nn.LSTM
        H, E, V = cfg.hidden, cfg.embed_dim, tok.VOCAB_SIZE
        self.enc_embed = nn.Embedding(V, E)
        self.encoder = rnn(E, H, batch_first=True)
        self.dec_embed = nn.Embedding(V, E)
        self.decoder = rnn(E + (H if cfg.peeky else 0), H, batch_first=True)
        out_in = H + (H if cfg.attention else 0) + (H if cfg.peeky else 0)
        self.head = nn.Linear(out_in, V)

    # -- pieces shared by training and greedy decoding ------------------------------------
    def encode(self, src: torch.Tensor):
        """src (B, Te) -> encoder outputs (B, Te, H) and final state (GRU: h, LSTM: (h, c))."""
        enc_out, state = self.encoder(self.enc_embed(src))
        return enc_out, state

    @staticmethod
    def _top_h(state) -> torch.Tensor:
        h = state[0] if isinstance(state, tuple) else state  # (1, B, H)
        return h[-1]  # (B, H)

    def _decode(self, dec_in, state, enc_out, h_enc):
        """dec_in (B, Td) -> logits (B, Td, V), new state, attention (B, Td, Te) or None."""
        x = self.dec_embed(dec_in)  # (B, Td, E)
        Td = dec_in.shape[1]
        if self.cfg.peeky:
            peek = h_enc.unsqueeze(1).expand(-1, Td, -1)  # (B, Td, H)
            x = torch.cat([x, peek], dim=2)
        out, state = self.decoder(x, state)  # (B, Td, H)
        feats = [out]
        attn = None
        if self.cfg.attention:
            scores = torch.bmm(out, enc_out.transpose(1, 2))  # (B, Td, Te)
            attn = torch.softmax(scores, dim=2)
            feats.append(torch.bmm(attn, enc_out))  # context (B, Td, H)
        if self.cfg.peeky:
            feats.append(h_enc.unsqueeze(1).expand(-1, Td, -1))
        logits = self.head(torch.cat(feats, dim=2) if len(feats) > 1 else out)  # (B, Td, V)
        return logits, state, attn

    # -- training (teacher forcing) -------------------------------------------------------
    def forward(self, src: torch.Tensor, dec_in: torch.Tensor) -> torch.Tensor:
        enc_out, state = self.encode(src)
        logits, _, _ = self._decode(dec_in, state, enc_out, self._top_h(state))
        return logits

    # -- answering (greedy) ---------------------------------------------------------------
    @torch.no_grad()
    def generate(self, src: torch.Tensor, steps: int | None = None, return_details: bool = False):
        """Greedy decoding: feed back the most likely token each step.

        Returns ids (B, Td); with ``return_details`` also probabilities (B, Td, V) and
        attention weights (B, Td, Te) (None without attention).
        """
        steps = steps or tok.answer_len(self.cfg.digits)
        enc_out, state = self.encode(src)
        h_enc = self._top_h(state)
        B = src.shape[0]
        cur = torch.full((B, 1), tok.START, dtype=torch.long)
        ids, probs, attns = [], [], []
        for _ in range(steps):
            logits, state, attn = self._decode(cur, state, enc_out, h_enc)  # (B, 1, V)
            cur = logits.argmax(dim=2)  # (B, 1)
            ids.append(cur)
            if return_details:
                probs.append(torch.softmax(logits, dim=2))
                if attn is not None:
                    attns.append(attn)
        ids = torch.cat(ids, dim=1)
        if not return_details:
            return ids
        return ids, torch.cat(probs, dim=1), (torch.cat(attns, dim=1) if attns else None)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
