"""The editor's network on tabular data (generated 2-D sets, 1-D regression, CSV rows).

Batches: the training rows in a seeded shuffled order, epoch after epoch. Metrics: loss and
accuracy on (a fixed subset of) the training rows and on the validation rows. Pictures: the
``ProbeEvent`` (activation saturation, dead ReLUs, histograms, the decision boundary or the
fitted curve) that the training page's plots draw, and each hidden neuron over the plane.
Only the ones the window's visible views want are made (``PICTURES``, ``Task.want_pictures``):
a part of the ProbeEvent not made is None.
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from core.build import build, layer_modules
from core.data.datasets import CLASSIFICATION, Dataset
from core.engine.task import Task
from core.init import init_weights
from core.spec import NetworkSpec
from core.training import gradstats
from core.training.events import ProbeEvent

EVAL_TRAIN_MAX = 512     # training rows measured at each evaluation (a fixed subset)
PROBE_MAX = 512


class TabularTask(Task):
    # the decision boundary or fitted curve, saturated/dead shares, histograms, neuron maps
    PICTURES = ("boundary", "activity", "histograms", "neuron_maps")

    def __init__(self, spec: dict, data: Dataset, batch_size: int = 32, seed: int = 0,
                 init: str = "default", init_std: float = 0.1, grid_size: int = 50):
        torch.manual_seed(seed)                       # same start for every network (compare mode)
        net = NetworkSpec.from_dict(spec)
        self.model = build(net)
        # every layer in data order (those inside residual/concatenate blocks too), for the views
        self.layers = [m for _, _, m in layer_modules(net, self.model)]
        init_weights(self.model, init, init_std)
        self.data = data
        self.classes = data.task == CLASSIFICATION
        self.target_metric = "val_acc" if self.classes else None
        self.loss_fn = nn.CrossEntropyLoss() if self.classes else nn.MSELoss()
        self.grid_size = grid_size
        self.n = len(data.x_train)
        self.batch_size = max(1, min(batch_size, self.n))
        self.steps_per_epoch = -(-self.n // self.batch_size)
        self._shuffle = torch.Generator().manual_seed(seed)   # same order in compare mode
        self._order: torch.Tensor | None = None
        self._pos = 0
        self._tensors(torch.device("cpu"))

    def _tensors(self, dev) -> None:
        d = self.data
        self.x, self.y = torch.as_tensor(d.x_train, device=dev), torch.as_tensor(d.y_train, device=dev)
        self.xv, self.yv = torch.as_tensor(d.x_val, device=dev), torch.as_tensor(d.y_val, device=dev)
        self.x_eval, self.y_eval = self.x[:EVAL_TRAIN_MAX], self.y[:EVAL_TRAIN_MAX]
        self.x_probe = self.xv[:PROBE_MAX] if len(d.x_val) >= 32 else self.x[:PROBE_MAX]
        self.device = dev

    def to(self, device) -> None:
        self.model.to(device)
        self._tensors(device)

    # --- training -----------------------------------------------------------------------------
    def next_batch(self) -> torch.Tensor:
        if self._order is None or self._pos >= self.n:
            self._order = torch.randperm(self.n, generator=self._shuffle)
            self._pos = 0
        idx = self._order[self._pos:self._pos + self.batch_size].to(self.device)
        self._pos += self.batch_size
        return idx

    def loss(self, idx: torch.Tensor) -> torch.Tensor:
        return self.loss_fn(self.model(self.x[idx]), self.y[idx])     # (B, C) or (B, 1) vs targets

    def grad_layers(self):
        return [(n, w) for _, n, w in gradstats.weight_layers(self.model, self.layers)]

    def state_dict(self) -> dict:
        return {"shuffle": self._shuffle.get_state().numpy().copy(),
                "order": None if self._order is None else self._order.numpy().copy(), "pos": self._pos}

    def load_state_dict(self, state: dict) -> None:
        if not state:
            return
        self._shuffle.set_state(torch.from_numpy(np.asarray(state["shuffle"])))
        self._order = None if state["order"] is None else torch.from_numpy(np.asarray(state["order"]))
        self._pos = int(state["pos"])

    # --- measuring ------------------------------------------------------------------------------
    def _measure(self, x, y) -> tuple[float, float]:
        if len(x) == 0:
            return float("nan"), float("nan")
        out = self.model(x)
        loss = self.loss_fn(out, y)
        if not self.classes:
            return loss.item(), float("nan")
        both = torch.stack([loss.float(), (out.argmax(1) == y).float().mean()]).cpu().tolist()  # one transfer
        return both[0], both[1]

    def evaluate(self) -> dict[str, float]:
        # both measured the same way (eval mode), so the gap between them shows overfitting
        tl, ta = self._measure(self.x_eval, self.y_eval)
        vl, va = self._measure(self.xv, self.yv)
        return {"train_loss": tl, "train_acc": ta, "val_loss": vl, "val_acc": va}

    def pictures(self) -> dict:
        out = {}
        if self.wants("boundary") or self.wants("activity") or self.wants("histograms"):
            out["probe"] = self.probe()
        plane = self._plane() if self.wants("neuron_maps") else None
        if plane is not None:            # 2-D classification: each hidden neuron over the plane too
            from core.tasks.neuron_maps import neuron_maps
            out["neuron_maps"] = neuron_maps(self.model, plane[0][::2], plane[1][::2], layers=self.layers)
        return out

    def probe(self) -> ProbeEvent:
        """Activation saturation / dead units, histograms and the prediction picture (the parts
        wanted: saturated and dead are None without "activity", the histograms None without
        "histograms", the picture absent without "boundary")."""
        activity, hists = self.wants("activity"), self.wants("histograms")
        acts = gradstats.activation_outputs(self.model, self.x_probe, self.layers)[1] if activity or hists else []
        w_hists = a_hists = saturated = dead = None
        if hists:
            w_hists = tuple(gradstats.histogram(i, n, w) for i, n, w in gradstats.weight_layers(self.model, self.layers))
            a_hists = tuple(gradstats.histogram(i, gradstats.layer_name(i, m), h) for i, m, h in acts)
        if activity:
            saturated = np.array([gradstats.saturated_share(m, h) for _, m, h in acts])
            dead = np.array([gradstats.dead_share(m, h) for _, m, h in acts])
        return ProbeEvent(
            0, tuple(i for i, _, _ in acts), tuple(gradstats.layer_name(i, m) for i, m, _ in acts),
            saturated, dead, w_hists, a_hists, **(self._prediction_picture() if self.wants("boundary") else {}))

    def _plane(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The grid over the input plane (x1, x2 values) for 2-D classification, else None."""
        d = self.data
        if not (self.classes and d.n_features == 2):
            return None
        x = d.x_train
        lo, hi = x.min(0), x.max(0)
        pad = 0.1 * (hi - lo) + 1e-3
        gx = np.linspace(lo[0] - pad[0], hi[0] + pad[0], self.grid_size, dtype=np.float32)
        gy = np.linspace(lo[1] - pad[1], hi[1] + pad[1], self.grid_size, dtype=np.float32)
        return gx, gy

    def _prediction_picture(self) -> dict:
        d = self.data
        plane = self._plane()
        if plane is not None:
            gx, gy = plane
            xx, yy = np.meshgrid(gx, gy)                       # (G, G), [iy, ix]
            pts = torch.as_tensor(np.stack([xx.ravel(), yy.ravel()], 1), device=self.device)
            conf, cls = torch.softmax(self.model(pts).float(), 1).max(1)     # (G*G,)
            g = self.grid_size
            return dict(grid_x=gx, grid_y=gy, grid_class=cls.cpu().numpy().reshape(g, g),
                        grid_conf=conf.cpu().numpy().reshape(g, g))
        if not self.classes and d.n_features == 1:
            cx = np.linspace(float(d.x_train.min()), float(d.x_train.max()), 200, dtype=np.float32)
            cy = self.model(torch.as_tensor(cx[:, None], device=self.device))[:, 0]
            return dict(curve_x=cx, curve_y=cy.float().cpu().numpy())
        return {}
