"""Training a network on pictures: the image classification task for the one engine.

    task = ImageTask(TEMPLATES["lenet_digits"].make().to_dict(), {"name": "digits"}, batch_size=32, seed=0)
    Engine(task, OptimConfig(lr=3e-3), Limits(target=0.98, max_epochs=30)).run()
    # or, as the app does: RunSpec("images", {"spec": ..., "data": {"name": "digits"}}, ...) in core.tasks.TASKS

Batches are drawn from a seeded shuffle of the training images (tensors made once with
``torch.from_numpy``); the loss is cross-entropy. ``evaluate`` gives the running training loss
and accuracy of the epoch (accumulated without syncing, so measuring costs one pass over the
validation images only) and the validation loss and accuracy. ``pictures`` gives what the image
views draw, as plain numpy (keys documented in ``pictures``); ``predict`` is the same forward pass
for one picture (the draw pad uses it in the window's process).
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.data.images import ImageSet, to_float, to_tensor
from core.engine.task import Task

N_SAMPLES = 16          # pictures in the sample grid
N_WRONG = 16            # pictures in the misclassified gallery
MAX_MAPS = 16           # feature maps shown per conv layer
FOLD = 64               # training batches whose loss and predictions are summed together
EVAL_CHUNK = 1000       # validation images per forward pass (bounded memory on 10,000 MNIST images)


def conv_layers(model: nn.Module) -> list[tuple[str, nn.Conv2d]]:
    """(label, module) of every Conv2d, input side first; the label names its place in the network."""
    out = []
    for i, (name, m) in enumerate((n, m) for n, m in model.named_modules() if isinstance(m, nn.Conv2d)):
        out.append((f"Conv2d #{i + 1} (layer {_layer_number(name)})", m))
    return out


def _layer_number(name: str) -> str:
    """'3' → '4': the editor counts layers from 1; nested names keep their path."""
    parts = name.split(".")
    return ".".join(str(int(p) + 1) if p.isdigit() else p for p in parts)


def predict(model: nn.Module, image: np.ndarray, max_maps: int = MAX_MAPS) -> dict[str, Any]:
    """One picture (C, H, W) through ``model`` in eval mode: class probabilities and every conv
    layer's feature maps (the first ``max_maps`` channels of each)."""
    was_training = model.training
    model.eval()
    maps: list[tuple[str, np.ndarray]] = []
    hooks = []
    for label, m in conv_layers(model):
        hooks.append(m.register_forward_hook(
            lambda mod, inp, out, label=label: maps.append((label, out[0, :max_maps].detach().float().cpu().numpy()))))
    try:
        device = next(model.parameters()).device if any(True for _ in model.parameters()) else torch.device("cpu")
        with torch.no_grad():
            x = to_tensor(np.ascontiguousarray(image)[None]).to(device)
            probs = torch.softmax(model(x).float(), dim=1)[0].cpu().numpy()
    finally:
        for h in hooks:
            h.remove()
        model.train(was_training)
    return {"probs": probs, "feature_maps": maps}


def first_filters(model: nn.Module) -> np.ndarray | None:
    """The first conv layer's kernels (out, in, k, k), or None without a conv layer."""
    layers = conv_layers(model)
    return layers[0][1].weight.detach().float().cpu().numpy().copy() if layers else None


class ImageTask(Task):
    """``spec``: the network (a spec dict, a ``NetworkSpec`` or a built ``nn.Module``);
    ``data``: an ``ImageSet``, or the keyword arguments of ``load_images`` as a dict (so a job
    crossing to the training process names its pictures instead of carrying them, e.g.
    ``{"name": "mnist", "cache_dir": "..."}``)."""

    target_metric = "val_acc"
    # made on demand (Task.want_pictures): the Pictures tab's four, the feature maps' sample, the filters
    PICTURES = ("samples", "confusion", "per_class_acc", "misclassified", "sample", "filters")

    def __init__(self, spec, data, batch_size: int = 32, seed: int = 0, picture_index: int = 0,
                 init: str = "default", init_std: float = 0.1):
        if isinstance(data, dict):
            from core.data.images import load_images
            data = load_images(**data)
        if isinstance(spec, nn.Module):
            self.model = spec
        else:
            from core.build import build
            from core.init import init_weights
            from core.spec import NetworkSpec
            torch.manual_seed(int(seed))              # same start for every network (compare mode)
            self.model = build(NetworkSpec.from_dict(spec) if isinstance(spec, dict) else spec)
            init_weights(self.model, init, init_std)
        self.data = data
        self.batch_size = max(1, int(batch_size))
        self.seed = int(seed)
        self.picture_index = int(picture_index)
        self.class_names = tuple(data.class_names)
        self.x_train, self.y_train = to_tensor(data.x_train), torch.from_numpy(data.y_train)
        self.x_val, self.y_val = to_tensor(data.x_val), torch.from_numpy(data.y_val)
        self.n_train = len(self.y_train)
        self.steps_per_epoch = max(1, math.ceil(self.n_train / self.batch_size))
        self.gen = torch.Generator().manual_seed(self.seed)
        self.order = torch.randperm(self.n_train, generator=self.gen)
        self.pos = 0
        self.device = torch.device("cpu")
        self._sum_loss = torch.zeros(())
        self._sum_correct = torch.zeros((), dtype=torch.long)
        self._seen = 0
        self._kept: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = []   # (loss, predicted, y) per batch
        self._val_pred: np.ndarray | None = None
        self._val_probs: np.ndarray | None = None

    # --- training ---------------------------------------------------------------------------
    def to(self, device: torch.device) -> None:
        self.device = torch.device(device)
        self.model.to(self.device)
        for name in ("x_train", "y_train", "x_val", "y_val", "_sum_loss", "_sum_correct"):
            setattr(self, name, getattr(self, name).to(self.device))

    def next_batch(self):
        if self.pos >= self.n_train:
            self.order = torch.randperm(self.n_train, generator=self.gen)
            self.pos = 0
        idx = self.order[self.pos:self.pos + self.batch_size].to(self.device)
        self.pos += self.batch_size
        return self.x_train[idx], self.y_train[idx]

    def loss(self, batch) -> torch.Tensor:
        x, y = batch
        logits = self.model(x)
        loss = F.cross_entropy(logits, y)
        # the running training metrics: each batch's loss and predictions are kept (no device
        # sync, one small op) and summed once per FOLD batches; summing them at every batch was
        # five more ops per step, 4 % of a LeNet step on digits
        self._kept.append((loss.detach(), logits.detach().argmax(1), y))
        if len(self._kept) >= FOLD:
            self._fold()
        return loss

    def _fold(self) -> None:
        if not self._kept:
            return
        losses, predicted, ys = zip(*self._kept)
        sizes = torch.tensor([len(y) for y in ys], dtype=losses[0].dtype, device=losses[0].device)
        self._sum_loss += (torch.stack(losses) * sizes).sum()
        self._sum_correct += (torch.cat(predicted) == torch.cat(ys)).sum()
        self._seen += sum(len(y) for y in ys)
        self._kept = []

    # --- measuring ------------------------------------------------------------------------------
    def _val_outputs(self) -> tuple[torch.Tensor, torch.Tensor]:
        logits = torch.cat([self.model(self.x_val[i:i + EVAL_CHUNK]) for i in range(0, len(self.y_val), EVAL_CHUNK)])
        return logits, F.cross_entropy(logits, self.y_val)

    @torch.no_grad()
    def evaluate(self) -> dict[str, float]:
        out = {}
        self._fold()
        if self._seen:
            out["train_loss"] = float(self._sum_loss) / self._seen
            out["train_acc"] = float(self._sum_correct) / self._seen
            self._sum_loss.zero_()
            self._sum_correct.zero_()
            self._seen = 0
        if len(self.y_val):
            logits, loss = self._val_outputs()
            probs = torch.softmax(logits.float(), dim=1)
            pred = probs.argmax(1)
            out["val_loss"] = float(loss)
            out["val_acc"] = float((pred == self.y_val).float().mean())
            self._val_pred = pred.cpu().numpy()
            self._val_probs = probs.cpu().numpy()
        return out

    @torch.no_grad()
    def pictures(self) -> dict[str, Any]:
        """Plain data for the image views:

        - ``class_names``: list of str
        - ``samples``: {images (n, C, H, W) float32 in [0, 1], labels (n,), predicted (n,) or absent}
        - ``confusion``: (K, K) int64, rows = true class, columns = predicted (validation images)
        - ``per_class_acc``: (K,) float, NaN for a class without validation images
        - ``misclassified``: {images, labels, predicted, probs (m, K), index (m,) into the validation set}
        - ``sample``: {image (C, H, W), label, index, probs (K,), feature_maps [(label, (c, h, w))...]}
        - ``filters``: (out, in, k, k) of the first conv layer (absent without one)

        Only those the window's visible views want (``Task.want_pictures``; all by default).
        """
        k = len(self.class_names)
        n = min(N_SAMPLES, len(self.data.y_val))
        out: dict[str, Any] = {"class_names": list(self.class_names)}
        if self.wants("samples"):
            out["samples"] = {"images": to_float(self.data.x_val[:n]), "labels": self.data.y_val[:n].copy()}
        if self._val_pred is not None:
            y, pred, probs = self.data.y_val, self._val_pred, self._val_probs
            if "samples" in out:
                out["samples"]["predicted"] = pred[:n].copy()
            if self.wants("confusion") or self.wants("per_class_acc"):
                confusion = np.zeros((k, k), dtype=np.int64)
                np.add.at(confusion, (y, pred), 1)
                if self.wants("confusion"):
                    out["confusion"] = confusion
                totals = confusion.sum(1)
                with np.errstate(invalid="ignore", divide="ignore"):
                    acc = np.where(totals > 0, np.diag(confusion) / np.maximum(totals, 1), np.nan)
                if self.wants("per_class_acc"):
                    out["per_class_acc"] = acc
            if self.wants("misclassified"):
                wrong = np.flatnonzero(pred != y)
                # the most confident mistakes first: the ones worth looking at
                wrong = wrong[np.argsort(-probs[wrong, pred[wrong]], kind="stable")][:N_WRONG]
                out["misclassified"] = {"images": to_float(self.data.x_val[wrong]), "labels": y[wrong].copy(),
                                        "predicted": pred[wrong].copy(), "probs": probs[wrong].copy(),
                                        "index": wrong}
        if len(self.data.y_val) and self.wants("sample"):
            i = self.picture_index % len(self.data.y_val)
            image = to_float(self.data.x_val[i])
            p = predict(self.model, image)
            out["sample"] = {"image": image, "label": int(self.data.y_val[i]), "index": i,
                             "probs": p["probs"], "feature_maps": p["feature_maps"]}
        filters = first_filters(self.model) if self.wants("filters") else None
        if filters is not None:
            out["filters"] = filters
        return out

    def set_options(self, options: dict) -> None:
        """``{"picture_index": i}``: the held-out picture whose feature maps the views show."""
        if "picture_index" in options:
            self.picture_index = int(options["picture_index"])

    # --- continuing -----------------------------------------------------------------------------
    def state_dict(self) -> dict:
        return {"gen": self.gen.get_state().numpy().copy(), "order": self.order.cpu().numpy().copy(),
                "pos": self.pos}

    def load_state_dict(self, state: dict) -> None:
        if not state:
            return
        self.gen.set_state(torch.from_numpy(np.asarray(state["gen"], dtype=np.uint8).copy()))
        self.order = torch.from_numpy(np.asarray(state["order"], dtype=np.int64).copy())
        self.pos = int(state["pos"])
