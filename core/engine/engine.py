"""The training loop, shared by every task.

    engine = Engine(task, OptimConfig(...), Limits(max_epochs=100), Cadence(...), callbacks, control)
    engine.run()                 # -> EndEvent; or drive ``engine.steps()`` yourself (compare mode)
    state = engine.state_dict()  # plain data: weights, optimiser state, sampling order, counters
    engine.extend(epochs=50); engine.run()     # continue: same optimiser state, same shuffle order

Per batch: control checkpoint (pause/step/stop) → pending learning rate and task options → batch → loss →
NaN check → backward → gradient stats → clip → optimiser step → ``on_batch_end``; then, by the
``Cadence``, metrics (``on_eval``) and pictures (``on_pictures``). Callbacks receive the engine
and one event; they are named after Lightning's.
"""
from __future__ import annotations

import math
import time

import numpy as np
import torch

from core.engine.config import Cadence, Limits, OptimConfig, clip
from core.engine.control import RunControl
from core.engine.events import EndEvent, EvalEvent, PicturesEvent, StepEvent, grad_stats
from core.engine.task import Task
from core.errors import first_line
from core.i18n import L


class Callback:
    """Override what you need."""

    def on_batch_end(self, engine, event: StepEvent): ...
    def on_after_backward(self, engine, stats): ...
    def on_eval(self, engine, event: EvalEvent): ...
    def on_pictures(self, engine, event: PicturesEvent): ...
    def on_end(self, engine, event: EndEvent): ...


class Engine:
    def __init__(self, task: Task, optim: OptimConfig | None = None, limits: Limits | None = None,
                 cadence: Cadence | None = None, callbacks=(), control=None, device: str = "cpu"):
        self.task = task
        self.optim = optim or OptimConfig()
        self.limits = limits or Limits()
        self.cadence = cadence or Cadence()
        self.callbacks = list(callbacks)
        self.control = control or RunControl()
        self.device = torch.device(device)
        task.to(self.device)
        self.model = task.model
        self.optimizer = self.optim.make(self.model.parameters())
        self.step = 0
        self.seconds = 0.0                      # training time, pauses excluded
        self.end: EndEvent | None = None
        self.metrics: dict = {}
        self.manual_lr: float | None = None     # set mid-run by the learner: overrides the schedule
        self._lr_seq = self.control.lr_request()[0]
        self._layers = task.grad_layers()
        self._last_stats = self._last_eval = -1e9
        self._last_pictures = time.perf_counter()
        self._start_step = 0                    # where the current limits count from
        self._start_seconds = 0.0
        self._paused_for = 0.0                  # time spent waiting at checkpoints (not training time)
        self._last_eval_step = -1               # the step metrics were last measured at

    # --- where we are ---------------------------------------------------------------------
    @property
    def steps_per_epoch(self) -> int:
        return self.task.steps_per_epoch

    @property
    def epoch(self) -> int:
        spe = self.task.steps_per_epoch
        return self.step // spe if spe else 0

    @property
    def total_steps(self) -> int:
        """The step this run ends at if nothing else stops it first (0: unknown)."""
        ends = []
        if self.limits.max_steps is not None:
            ends.append(self._start_step + self.limits.max_steps)
        if self.limits.max_epochs is not None and self.task.steps_per_epoch:
            ends.append((self._start_step // self.task.steps_per_epoch + self.limits.max_epochs)
                        * self.task.steps_per_epoch)
        return min(ends) if ends else 0

    @property
    def total_seconds(self) -> float:
        """The training time this run ends at if nothing else stops it first (0: no time limit)."""
        lim = self.limits.max_seconds
        return self._start_seconds + lim if lim is not None else 0.0

    @property
    def lr(self) -> float:
        return float(self.optimizer.param_groups[0]["lr"])

    def set_lr(self, lr: float) -> None:
        """Use ``lr`` from the next batch on (the schedule no longer applies)."""
        self.manual_lr = float(lr)

    def extend(self, epochs: int | None = None, steps: int | None = None) -> None:
        """Continue for ``epochs`` (or ``steps``) more, counted from here."""
        self.limits.max_epochs = epochs
        self.limits.max_steps = steps
        self._start_step, self._start_seconds = self.step, self.seconds
        self.end = None

    # --- the loop ------------------------------------------------------------------------
    def run(self) -> EndEvent:
        gen = self.steps()
        for _ in gen:
            if not self._checkpoint():
                gen.close()
                self._catch_up_pictures()
                self._finish("stopped", L("Stopped.", "停止しました。"))
                break
        return self.end

    def _checkpoint(self) -> bool:
        return _checkpoint([self], self.control)

    def steps(self):
        """Generator: yields before each batch so a driver can pause, step or stop between them."""
        if self.end is not None:
            return
        self.model.train()
        t0 = time.perf_counter()
        self._paused_for = 0.0
        base = self.seconds
        try:
            while True:
                reason = self._limit_reached()
                if reason:
                    break
                yield
                if not self._train_step():
                    return
                self.seconds = base + time.perf_counter() - t0 - self._paused_for
                if self._eval_due():
                    self.evaluate()
                    if self._target_reached():
                        reason = "target"
                        break
                now = time.perf_counter()
                pi = self.cadence.pictures_interval_s
                if pi is not None and now - self._last_pictures >= pi:
                    self.send_pictures()
            if self._last_eval_step != self.step:
                self.evaluate()
            self.send_pictures(every=True)          # the final state of every view, hidden ones too
            self._finish(reason, self._done_message(reason))
        except RuntimeError as e:  # shapes that do not fit, out of memory...
            self._finish("error", L(f"Training failed: {first_line(e)}", f"学習に失敗しました: {first_line(e)}"))

    def _limit_reached(self) -> str:
        lim = self.limits
        if self.total_steps and self.step >= self.total_steps:
            return "done"
        if lim.max_seconds is not None and self.seconds - self._start_seconds >= lim.max_seconds:
            return "time"
        if lim.max_steps is None and lim.max_epochs is None and lim.max_seconds is None and lim.target is None:
            return "done"                        # no limit at all: nothing to do
        return ""

    def _target_reached(self) -> bool:
        key, target = self.task.target_metric, self.limits.target
        value = self.metrics.get(key) if key else None
        return target is not None and value is not None and value >= target

    def _eval_due(self) -> bool:
        c = self.cadence
        spe = self.task.steps_per_epoch
        due = (self.step % c.eval_every_steps == 0) if c.eval_every_steps else bool(spe and self.step % spe == 0)
        if not due:
            return False
        if self.step >= self.total_steps > 0 or self._last_eval_step < 0:
            return True
        return time.perf_counter() - self._last_eval >= c.eval_interval_s

    def _train_step(self) -> bool:
        lr = self.manual_lr if self.manual_lr is not None else \
            self.optim.lr_at(self.step, self.total_steps, self.seconds, self.total_seconds)
        for g in self.optimizer.param_groups:
            g["lr"] = lr
        loss = self.task.loss(self.task.next_batch())
        value = loss.item()
        if not math.isfinite(value):
            self._catch_up_pictures()
            self._finish("nan", self._nan_message(value))
            return False
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.step += 1
        now = time.perf_counter()
        last = self.step == self.total_steps                # the final step's gradients: what 'latest' shows at the end
        if self._layers and self.callbacks and (last or now - self._last_stats >= self.cadence.stats_interval_s):
            self._last_stats = now
            stats = grad_stats(self.step, self._layers)
            for cb in self.callbacks:
                cb.on_after_backward(self, stats)
        clip(self.model, self.optim.grad_clip)
        self.optimizer.step()
        event = StepEvent(self.step, (self.step - 1) // self.task.steps_per_epoch if self.task.steps_per_epoch else 0,
                          value, lr)
        for cb in self.callbacks:
            cb.on_batch_end(self, event)
        return True

    # --- measuring ----------------------------------------------------------------------
    def evaluate(self) -> dict:
        self._last_eval = time.perf_counter()
        self._last_eval_step = self.step
        self.model.eval()
        try:
            with torch.no_grad():
                self.metrics = dict(self.task.evaluate())
        finally:
            self.model.train()
        event = EvalEvent(self.step, self.epoch, self.seconds, self.metrics)
        for cb in self.callbacks:
            cb.on_eval(self, event)
        return self.metrics

    def send_pictures(self, every: bool = False) -> None:
        """The task's pictures to the callbacks: those its visible views want, or ``every`` one."""
        self._last_pictures = time.perf_counter()
        if not self.callbacks:
            return
        wanted = self.task.pictures_wanted
        self.model.eval()
        try:
            if every:
                self.task.pictures_wanted = None
            with torch.no_grad():
                pictures = self.task.pictures()
        finally:
            self.task.pictures_wanted = wanted
            self.model.train()
        if pictures:
            event = PicturesEvent(self.step, pictures)
            for cb in self.callbacks:
                cb.on_pictures(self, event)

    def _catch_up_pictures(self) -> None:
        """A run that ends early (stopped, NaN): the pictures its hidden views skipped, made now."""
        if self.task.pictures_wanted is not None:
            self.send_pictures(every=True)

    # --- ending ---------------------------------------------------------------------------
    def _done_message(self, reason: str) -> str:
        if reason == "target":
            return L(f"Reached the target after {self.step:,} steps.", f"{self.step:,} ステップで目標に達しました。")
        if reason == "time":
            return L(f"Time is up after {self.step:,} steps.", f"{self.step:,} ステップで時間切れです。")
        if self.task.steps_per_epoch:
            n = self.epoch
            epochs = L("1 epoch", "1 エポック") if n == 1 else L(f"{n} epochs", f"{n} エポック")
            return L(f"Finished {epochs}.", f"{epochs}完了しました。")
        return L(f"Finished {self.step:,} steps.", f"{self.step:,} ステップ完了しました。")

    def _nan_message(self, value: float) -> str:
        what = "NaN" if math.isnan(value) else "inf"
        lr = self.lr
        return L(
            f"The loss became {what} at step {self.step + 1}, so training stopped. Try a smaller "
            f"learning rate (now {lr:g}; e.g. {lr / 10:g}), Adam instead of SGD, "
            "a smaller weight initialisation, or standardised inputs; then press Reset.",
            f"ステップ {self.step + 1} で損失が {what} になったため学習を止めました。学習率を小さく"
            f"する（今は {lr:g}、例えば {lr / 10:g}）、SGD の代わりに Adam を使う、"
            "重みの初期値を小さくする、入力を標準化する、などを試してからリセットしてください。")

    def _finish(self, reason: str, message: str) -> None:
        self.end = EndEvent(reason, message, self.step, self.epoch, self.seconds, dict(self.metrics))
        for cb in self.callbacks:
            cb.on_end(self, self.end)

    # --- continuing ---------------------------------------------------------------------------
    def state_dict(self) -> dict:
        """Everything needed to continue exactly: plain numpy and numbers, no live tensors."""
        return {
            "model": {k: v.detach().cpu().numpy().copy() for k, v in self.model.state_dict().items()},
            "optimizer": _to_numpy(self.optimizer.state_dict()),
            "task": self.task.state_dict(),
            "step": self.step, "seconds": self.seconds, "manual_lr": self.manual_lr,
        }

    def load_state_dict(self, state: dict, weights_only: bool = False) -> None:
        self.model.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in state["model"].items()})
        if weights_only:
            return
        if state.get("optimizer"):
            self.optimizer.load_state_dict(_to_torch(state["optimizer"], self.device))
        self.task.load_state_dict(state.get("task") or {})
        self.step = int(state.get("step", 0))
        self.seconds = float(state.get("seconds", 0.0))
        self.manual_lr = state.get("manual_lr")
        self._start_step, self._start_seconds = self.step, self.seconds


def _to_numpy(obj):
    if isinstance(obj, torch.Tensor):
        return ("__tensor__", obj.detach().cpu().numpy().copy())
    if isinstance(obj, dict):
        return {k: _to_numpy(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(_to_numpy(v) for v in obj)
    return obj


def _to_torch(obj, device):
    if isinstance(obj, tuple) and len(obj) == 2 and obj[0] == "__tensor__":
        t = torch.from_numpy(np.asarray(obj[1]).copy())
        return t if t.dim() == 0 else t.to(device)   # Adam keeps its step count on the CPU
    if isinstance(obj, dict):
        return {k: _to_torch(v, device) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(_to_torch(v, device) for v in obj)
    return obj


def run_together(engines: list[Engine], control) -> list[EndEvent]:
    """Compare mode: advance several engines one batch each in turn, under one control."""
    gens = [e.steps() for e in engines]
    live = list(range(len(engines)))
    while live:
        if not _checkpoint(engines, control):
            for i in live:
                gens[i].close()
                engines[i]._catch_up_pictures()
                engines[i]._finish("stopped", L("Stopped.", "停止しました。"))
            break
        for i in list(live):
            try:
                next(gens[i])
            except StopIteration:
                live.remove(i)
    return [e.end for e in engines]


def _checkpoint(engines: list[Engine], control) -> bool:
    """Wait out a pause (not counted as training time), then apply a new learning rate."""
    t = time.perf_counter()
    ok = control.checkpoint(lambda: _apply_options(engines, control))    # also while paused
    waited = time.perf_counter() - t
    seq, lr = control.lr_request()
    for e in engines:
        e._paused_for += waited
        if seq != e._lr_seq:                    # a new rate from the window: before this batch
            e._lr_seq = seq
            e.set_lr(lr)
    _apply_options(engines, control)
    return ok


def _apply_options(engines: list[Engine], control) -> None:
    """The task options posted since the last call; the pictures they change are sent at once."""
    options = control.options_request()
    if not options:
        return
    for e in engines:
        fresh = False
        for o in options:                       # a new prompt, a chosen sample, the views shown...
            o = dict(o)
            names = o.pop("pictures", None)     # the pictures the window's visible views draw
            try:
                if names is not None:
                    fresh = e.task.want_pictures(names) or fresh
                if o:
                    e.task.set_options(o)
                    fresh = True
            except (TypeError, ValueError):     # the view checks what it posts; a bad one changes nothing
                pass
        if fresh and e.end is None:
            e.send_pictures()                   # show the effect now, not at the next picture time
