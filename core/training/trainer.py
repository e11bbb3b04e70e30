"""The training loop: a small Trainer with Lightning-style callbacks and cooperative control.

    trainer = Trainer(model, data, config, callbacks=[my_callback])
    trainer.run()            # blocks; another thread may call control.pause()/stop(), set_lr()

The loop is a generator (``steps()``) that yields before every batch; ``run()`` (one trainer)
and ``run_together()`` (compare mode: several trainers in lock-step) check the shared
``RunControl`` at each yield, so pause, single step and stop take effect within one batch.
"""
from __future__ import annotations

import math
import threading
import time

import numpy as np
import torch
from torch import nn

from core.data.datasets import CLASSIFICATION, Dataset
from core.i18n import L
from core.training import gradstats
from core.training.config import TrainConfig
from core.training.events import EndEvent, EpochEvent, ProbeEvent, StepEvent


EVAL_TRAIN_MAX = 512     # training samples measured at each epoch end (a fixed subset)


class RunControl:
    """Thread-safe pause / resume / single-step / stop flags, checked before every batch."""

    def __init__(self):
        self._cond = threading.Condition()
        self._paused = False
        self._stopped = False
        self._steps = 0          # single steps granted while paused
        self._lr_seq, self._lr = 0, 0.0

    def pause(self):
        with self._cond:
            self._paused = True

    def resume(self):
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def step_once(self):
        """While paused, let exactly one more batch run."""
        with self._cond:
            self._steps += 1
            self._cond.notify_all()

    def stop(self):
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def set_lr(self, lr: float) -> None:
        """Ask the driver to change the learning rate (see core.training.remote)."""
        self._lr, self._lr_seq = float(lr), self._lr_seq + 1

    def lr_request(self) -> tuple[int, float]:
        return self._lr_seq, self._lr

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def stopped(self) -> bool:
        return self._stopped

    def checkpoint(self) -> bool:
        """Block while paused; return False once stopped (the loop must then end)."""
        if not self._paused and not self._stopped:   # fast path: no lock on every batch
            return True
        with self._cond:
            while self._paused and not self._stopped and self._steps == 0:
                self._cond.wait(0.1)
            if self._stopped:
                return False
            if self._paused:
                self._steps -= 1
            return True


class Callback:
    """Override what you need; every method receives the trainer and one event."""

    def on_batch_end(self, trainer, event: StepEvent): ...
    def on_after_backward(self, trainer, stats): ...
    def on_epoch_end(self, trainer, event: EpochEvent): ...
    def on_probe(self, trainer, event: ProbeEvent): ...
    def on_end(self, trainer, event: EndEvent): ...


def init_weights(model: nn.Module, scheme: str = "default", std: float = 0.1) -> None:
    """Re-initialise Linear layers: "default" keeps PyTorch's, else xavier / he / normal(std)."""
    if scheme == "default":
        return
    for m in model.modules():
        if isinstance(m, nn.Linear):
            if scheme == "xavier":
                nn.init.xavier_uniform_(m.weight)
            elif scheme == "he":
                nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
            elif scheme == "normal":
                nn.init.normal_(m.weight, 0.0, std)
            else:
                raise ValueError(f"unknown init scheme {scheme!r}")
            if m.bias is not None:
                nn.init.zeros_(m.bias)


def make_optimizer(model: nn.Module, cfg: TrainConfig) -> torch.optim.Optimizer:
    params = model.parameters()
    if cfg.optimizer == "sgd":
        return torch.optim.SGD(params, lr=cfg.lr, weight_decay=cfg.weight_decay)
    if cfg.optimizer == "momentum":
        return torch.optim.SGD(params, lr=cfg.lr, momentum=cfg.momentum, weight_decay=cfg.weight_decay)
    if cfg.optimizer == "adam":
        return torch.optim.Adam(params, lr=cfg.lr, weight_decay=cfg.weight_decay)
    if cfg.optimizer == "adamw":
        return torch.optim.AdamW(params, lr=cfg.lr, weight_decay=cfg.weight_decay or 0.01)
    raise ValueError(f"unknown optimizer {cfg.optimizer!r}")


def loss_for(data: Dataset) -> nn.Module:
    """Cross-entropy on logits for classes, mean squared error for numbers."""
    return nn.CrossEntropyLoss() if data.task == CLASSIFICATION else nn.MSELoss()


def loss_title(data: Dataset) -> str:
    if data.task == CLASSIFICATION:
        return L("Cross-entropy (classification)", "交差エントロピー（分類）")
    return L("Mean squared error (regression)", "平均二乗誤差（回帰）")


def fit_problems(model: nn.Module, data: Dataset) -> list[str]:
    """Why this model cannot train on this data (wrong input/output size, …), or []."""
    x = torch.as_tensor(data.x_train[:2])
    dev = next((p.device for p in model.parameters()), torch.device("cpu"))
    was_training = model.training
    try:
        model.eval()
        with torch.no_grad():
            out = model(x.to(dev))
    except Exception as e:  # noqa: BLE001 - any shape error becomes a message
        return [L(f"The network cannot take this data's {data.input_size} input value(s): {_first_line(e)}",
                  f"このデータの入力 {data.input_size} 個をネットワークが受け取れません: {_first_line(e)}")]
    finally:
        model.train(was_training)
    want = data.output_size
    if out.dim() != 2 or out.shape[1] != want:
        got = tuple(out.shape[1:])
        what = L(f"{want} classes", f"{want} クラス") if data.task == CLASSIFICATION else \
            L(f"{want} target value(s)", f"目的変数 {want} 個")
        return [L(f"The network outputs shape {got} per sample but the data has {what}: "
                  f"the last layer needs {want} output(s).",
                  f"ネットワークの出力は 1 サンプルあたり {got} ですが、データは{what}です。"
                  f"最後の層の出力を {want} にしてください。")]
    return []


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0][:200]


class Trainer:
    """Trains one Sequential model on one Dataset and reports events to callbacks."""

    def __init__(self, model: nn.Sequential, data: Dataset, config: TrainConfig, callbacks=(),
                 control: RunControl | None = None, stats_interval_s: float = 0.0,
                 probe_interval_s: float | None = None, grid_size: int = 50,
                 eval_interval_s: float = 0.0):
        self.config = config
        self.data = data
        self.device = torch.device(config.device)
        self.model = model.to(self.device)
        self.callbacks = list(callbacks)
        self.control = control or RunControl()
        self.stats_interval_s = stats_interval_s    # 0: gradient stats after every backward
        self.probe_interval_s = probe_interval_s    # None: probe only when the run ends
        # 0: measure train/validation after every epoch; > 0: at most that often (tiny epochs
        # finish hundreds of times a second) and always after the last epoch
        self.eval_interval_s = eval_interval_s
        self._last_eval = -1e9
        self.grid_size = grid_size
        self.loss_fn = loss_for(data)
        self._classes = data.task == CLASSIFICATION
        self.optimizer = make_optimizer(self.model, config)
        dev = self.device
        self.x = torch.as_tensor(data.x_train, device=dev)
        self.y = torch.as_tensor(data.y_train, device=dev)
        self.xv = torch.as_tensor(data.x_val, device=dev)
        self.yv = torch.as_tensor(data.y_val, device=dev)
        n_probe = min(512, len(data.x_val)) if len(data.x_val) >= 32 else min(512, len(data.x_train))
        self.x_probe = self.xv[:n_probe] if len(data.x_val) >= 32 else self.x[:n_probe]
        self.n = len(self.x)
        self.x_eval, self.y_eval = self.x[:EVAL_TRAIN_MAX], self.y[:EVAL_TRAIN_MAX]
        self.batch_size = max(1, min(config.batch_size, self.n))
        self.steps_per_epoch = math.ceil(self.n / self.batch_size)
        self.target_epochs = config.epochs
        self.step = 0
        self.epoch = 0
        self.end: EndEvent | None = None
        self._pending_lr: float | None = None
        self._weight_layers = gradstats.weight_layers(self.model)
        self._shuffle = torch.Generator().manual_seed(config.seed)   # same order in compare mode
        self._last_stats = -1e9
        self._last_probe = time.perf_counter()

    # --- control from other threads -------------------------------------------------------
    @property
    def lr(self) -> float:
        return float(self.optimizer.param_groups[0]["lr"])

    def set_lr(self, lr: float) -> None:
        """Change the learning rate; applied before the next batch."""
        self._pending_lr = float(lr)

    def extend(self, epochs: int) -> None:
        """Train `epochs` more epochs on the next run (after the run finished)."""
        self.target_epochs = self.epoch + epochs
        self.end = None

    @property
    def total_steps(self) -> int:
        return self.target_epochs * self.steps_per_epoch

    # --- the loop -----------------------------------------------------------------------
    def run(self) -> EndEvent:
        """Train until done, stopped, or a NaN loss; returns the EndEvent (also sent to on_end)."""
        gen = self.steps()
        for _ in gen:
            if not self.control.checkpoint():
                gen.close()
                self._finish("stopped", L("Stopped.", "停止しました。"))
                break
        return self.end

    def steps(self):
        """Generator: yields before each batch so a driver can pause or stop between batches."""
        if self.end is not None and self.end.reason == "done":
            return
        self.end = None
        self.model.train()
        try:
            while self.epoch < self.target_epochs:
                order = torch.randperm(self.n, generator=self._shuffle).to(self.device)
                # a resumed run restarts the interrupted epoch's batches
                for start in range(0, self.n, self.batch_size):
                    yield
                    if not self._train_step(order[start:start + self.batch_size]):
                        return
                self.epoch += 1
                now = time.perf_counter()
                if now - self._last_eval >= self.eval_interval_s or self.epoch >= self.target_epochs:
                    self._last_eval = now
                    self._epoch_end()
            self.probe_now()
            epochs = L("1 epoch", "1 エポック") if self.epoch == 1 else L(f"{self.epoch} epochs", f"{self.epoch} エポック")
            self._finish("done", L(f"Finished {epochs}.", f"{epochs}完了しました。"))
        except RuntimeError as e:  # e.g. shapes that do not fit, out of memory
            self._finish("error", L(f"Training failed: {_first_line(e)}", f"学習に失敗しました: {_first_line(e)}"))

    def _train_step(self, idx: torch.Tensor) -> bool:
        if self._pending_lr is not None:
            for g in self.optimizer.param_groups:
                g["lr"] = self._pending_lr
            self._pending_lr = None
        xb, yb = self.x[idx], self.y[idx]                 # (B, F), (B,) or (B, 1)
        out = self.model(xb)                              # (B, C) or (B, 1)
        loss = self.loss_fn(out, yb)
        value = loss.item()
        if not math.isfinite(value):
            self._finish("nan", self._nan_message(value))
            return False
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.step += 1
        now = time.perf_counter()
        if now - self._last_stats >= self.stats_interval_s:
            self._last_stats = now
            stats = gradstats.grad_stats(self.model, self.step, self._weight_layers)
            for cb in self.callbacks:
                cb.on_after_backward(self, stats)
        self.optimizer.step()
        event = StepEvent(self.step, self.epoch, value, self.lr)
        for cb in self.callbacks:
            cb.on_batch_end(self, event)
        if self.probe_interval_s is not None and now - self._last_probe >= self.probe_interval_s:
            self.probe_now()
        return True

    def _nan_message(self, value: float) -> str:
        what = "NaN" if math.isnan(value) else "inf"
        return L(
            f"The loss became {what} at step {self.step + 1}, so training stopped. Try a smaller "
            f"learning rate (now {self.lr:g}; e.g. {self.lr / 10:g}), Adam instead of SGD, "
            "a smaller weight initialisation, or standardised inputs; then press Reset.",
            f"ステップ {self.step + 1} で損失が {what} になったため学習を止めました。学習率を小さく"
            f"する（今は {self.lr:g}、例えば {self.lr / 10:g}）、SGD の代わりに Adam を使う、"
            "重みの初期値を小さくする、入力を標準化する、などを試してからリセットしてください。")

    def _finish(self, reason: str, message: str) -> None:
        self.end = EndEvent(reason, message, self.step, self.epoch)
        for cb in self.callbacks:
            cb.on_end(self, self.end)

    # --- measuring ----------------------------------------------------------------------
    @torch.no_grad()
    def evaluate(self, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
        """(loss, accuracy) on x, y in eval mode; accuracy is nan for regression."""
        if len(x) == 0:
            return float("nan"), float("nan")
        self.model.eval()
        try:
            out = self.model(x)
            loss = self.loss_fn(out, y)
            if self.data.task == CLASSIFICATION:
                acc = (out.argmax(1) == y).float().mean()
                both = torch.stack([loss.float(), acc]).cpu().tolist()   # one transfer
                return both[0], both[1]
            return loss.item(), float("nan")
        finally:
            self.model.train()

    def _epoch_end(self) -> None:
        # both measured the same way, in eval mode after the epoch, so the gap between them shows
        # overfitting; train uses a fixed subset (≤ EVAL_TRAIN_MAX) to keep this cheap per epoch
        tl, ta = self.evaluate(self.x_eval, self.y_eval)
        vl, va = self.evaluate(self.xv, self.yv)
        event = EpochEvent(self.epoch, self.step, tl, ta, vl, va)
        for cb in self.callbacks:
            cb.on_epoch_end(self, event)

    @torch.no_grad()
    def probe(self) -> ProbeEvent:
        """Activation saturation / dead units, histograms and the prediction picture."""
        self.model.eval()
        try:
            _, acts = gradstats.activation_outputs(self.model, self.x_probe)
            act_layers = tuple(i for i, _, _ in acts)
            act_names = tuple(gradstats.layer_name(i, m) for i, m, _ in acts)
            saturated = np.array([gradstats.saturated_share(m, h) for _, m, h in acts])
            dead = np.array([gradstats.dead_share(m, h) for _, m, h in acts])
            act_hists = tuple(gradstats.histogram(i, gradstats.layer_name(i, m), h) for i, m, h in acts)
            w_hists = tuple(gradstats.histogram(i, n, w) for i, n, w in self._weight_layers)
            extra = self._prediction_picture()
        finally:
            self.model.train()
        return ProbeEvent(self.step, act_layers, act_names, saturated, dead, w_hists, act_hists, **extra)

    def probe_now(self) -> None:
        self._last_probe = time.perf_counter()
        if not self.callbacks:
            return
        event = self.probe()
        for cb in self.callbacks:
            cb.on_probe(self, event)

    def _prediction_picture(self) -> dict:
        d = self.data
        if d.task == CLASSIFICATION and d.n_features == 2:
            (x0, y0), (x1, y1) = self._bounds()
            gx = np.linspace(x0, x1, self.grid_size, dtype=np.float32)
            gy = np.linspace(y0, y1, self.grid_size, dtype=np.float32)
            xx, yy = np.meshgrid(gx, gy)                       # (G, G), [iy, ix]
            pts = torch.as_tensor(np.stack([xx.ravel(), yy.ravel()], 1), device=self.device)
            prob = torch.softmax(self.model(pts).float(), 1)   # (G*G, C)
            conf, cls = prob.max(1)
            g = self.grid_size
            return dict(grid_x=gx, grid_y=gy, grid_class=cls.cpu().numpy().reshape(g, g),
                        grid_conf=conf.cpu().numpy().reshape(g, g))
        if d.task != CLASSIFICATION and d.n_features == 1:
            lo, hi = float(d.x_train.min()), float(d.x_train.max())
            cx = np.linspace(lo, hi, 200, dtype=np.float32)
            cy = self.model(torch.as_tensor(cx[:, None], device=self.device))[:, 0]
            return dict(curve_x=cx, curve_y=cy.float().cpu().numpy())
        return {}

    def _bounds(self):
        x = self.data.x_train
        lo, hi = x.min(0), x.max(0)
        pad = 0.1 * (hi - lo) + 1e-3
        return (lo[0] - pad[0], lo[1] - pad[1]), (hi[0] + pad[0], hi[1] + pad[1])


def run_together(trainers: list[Trainer], control: RunControl) -> list[EndEvent]:
    """Compare mode: advance several trainers one batch each in turn, under one control."""
    gens = [t.steps() for t in trainers]
    live = list(range(len(trainers)))
    while live:
        if not control.checkpoint():
            for i in live:
                gens[i].close()
                trainers[i]._finish("stopped", L("Stopped.", "停止しました。"))
            break
        for i in list(live):
            try:
                next(gens[i])
            except StopIteration:
                live.remove(i)
    return [t.end for t in trainers]
