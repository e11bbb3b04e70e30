"""nn.RNN / nn.GRU / nn.LSTM as one layer of a stack: passes on the outputs, not the (output, state) pair.

A recurrent layer returns ``(outputs, final_state)``; a layer in ``nn.Sequential`` must return one
tensor. ``Recurrent`` keeps the outputs for every step (for a next layer that works per step, such as
the Linear that predicts the next character) or only the last step's (to classify a whole sequence).
"""
from __future__ import annotations

import torch
from torch import nn


class Recurrent(nn.Module):
    """x (B, T, F) -> (B, T, H), or (B, H) with ``last_step=True``."""

    def __init__(self, rnn: nn.RNNBase, last_step: bool = False):
        super().__init__()
        if not rnn.batch_first:
            raise ValueError("the recurrent layer must be built with batch_first=True")
        self.rnn = rnn
        self.last_step = last_step

    def extra_repr(self) -> str:
        return f"last_step={self.last_step}"

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y, _ = self.rnn(x)                  # (B, T, H); the final state (h, or (h, c) for LSTM) is dropped
        return y[:, -1] if self.last_step else y
