"""What a kind of training supplies to the engine: model, batches, loss, metrics, pictures.

A task owns its model and its data (and their sampling order); the engine owns the optimiser,
the schedule, the clock and the control. Adding a kind of training is one subclass of ``Task``
plus one entry in ``core.tasks.TASKS`` (and a view in gui/ for its pictures).

Every method the engine calls runs in the training process; everything a task returns from
``evaluate``/``pictures`` must be plain data (floats, strings, numpy arrays), never tensors.
"""
from __future__ import annotations

from typing import Any

import torch
from torch import nn


class Task:
    model: nn.Module
    # batches per epoch; 0 means an endless stream of fresh samples (epochs are then not counted)
    steps_per_epoch: int = 0
    # the metric a ``Limits.target`` refers to (a key of ``evaluate()``), e.g. "val_acc" or "exact"
    target_metric: str | None = None
    # the pictures this task makes on demand: the window names those its visible views draw
    # (``want_pictures``), and ``pictures`` makes only those (every one at the run's end)
    PICTURES: tuple[str, ...] = ()
    pictures_wanted: frozenset[str] | None = None       # None: every picture

    # --- the engine moves and trains ----------------------------------------------------
    def to(self, device: torch.device) -> None:
        """Move the model and any data held as tensors to ``device``."""
        self.model.to(device)

    def next_batch(self) -> Any:
        """The next training batch (advances the task's own, seeded sampling order)."""
        raise NotImplementedError

    def loss(self, batch: Any) -> torch.Tensor:
        """Scalar loss of ``self.model`` on ``batch`` (train mode, with gradients)."""
        raise NotImplementedError

    # --- the engine measures (eval mode, no gradients) -----------------------------------
    def evaluate(self) -> dict[str, float]:
        """Metrics by name, e.g. {"train_loss": .., "val_loss": .., "val_acc": ..}."""
        return {}

    def pictures(self) -> dict[str, Any]:
        """What this task's views draw (decision boundary, feature maps, samples...): plain data."""
        return {}

    def wants(self, name: str) -> bool:
        """Whether ``pictures`` should make the picture ``name`` (one of ``PICTURES``) now."""
        return self.pictures_wanted is None or name in self.pictures_wanted

    def want_pictures(self, names) -> bool:
        """Make only ``names`` (of ``PICTURES``; others ignored) from now on. True when one of them
        was not made until now (its view should get it at once)."""
        if not self.PICTURES:
            return False
        if isinstance(names, str):
            raise TypeError("picture names must be a list of str")
        names = frozenset(str(n) for n in names) & frozenset(self.PICTURES)
        before = frozenset(self.PICTURES) if self.pictures_wanted is None else self.pictures_wanted
        self.pictures_wanted = names
        return bool(names - before)

    def grad_layers(self) -> list[tuple[str, torch.Tensor]]:
        """(name, weight) of the layers whose gradient flow is plotted, input side first."""
        out = []
        for name, p in self.model.named_parameters():
            if p.requires_grad and p.dim() >= 2:
                out.append((name.removesuffix(".weight"), p))
        return out

    def set_options(self, options: dict) -> None:
        """What the learner changed in this task's view mid-run (plain data); applied between batches."""

    # --- continue where a stopped run left off --------------------------------------------
    def state_dict(self) -> dict:
        """The sampling state (shuffle generator, position): plain data."""
        return {}

    def load_state_dict(self, state: dict) -> None:
        pass
