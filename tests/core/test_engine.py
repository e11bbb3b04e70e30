"""The engine with the tabular task: it learns, reports events, obeys pause / step / stop / lr,
and continues a stopped run exactly where it was (optimiser state and shuffle order kept)."""
import math
import threading
import time

import numpy as np
import pytest
import torch
from torch import nn

from core.data.datasets import make_dataset
from core.engine.config import Cadence, Limits, OptimConfig
from core.engine.control import RunControl
from core.engine.engine import Callback, run_together
from core.i18n import set_language
from core.init import init_weights
from core.spec import LayerSpec, NetworkSpec
from core.training import devices
from core.training.config import TrainConfig
from core.training.netfit import fit_problems

torch.set_num_threads(1)
EVERY_EPOCH = Cadence()          # metrics after every epoch, stats after every backward, pictures at the end


class Record(Callback):
    def __init__(self):
        self.steps, self.evals, self.grads, self.pictures, self.ends = [], [], [], [], []

    def on_batch_end(self, engine, event):
        self.steps.append(event)

    def on_after_backward(self, engine, stats):
        self.grads.append(stats)

    def on_eval(self, engine, event):
        self.evals.append(event)

    def on_pictures(self, engine, event):
        self.pictures.append(event.pictures["probe"])

    def on_end(self, engine, event):
        self.ends.append(event)


def mlp(n_in=2, n_out=2) -> dict:
    return NetworkSpec((n_in,), [LayerSpec.make("Linear", out_features=16), LayerSpec.make("ReLU"),
                                 LayerSpec.make("Linear", out_features=n_out)]).to_dict()


def engine(data, cfg: TrainConfig, callbacks=(), control=None, spec=None, cadence=EVERY_EPOCH, state=None):
    run = cfg.run_spec(spec or mlp(data.input_size, data.output_size), data, cadence=cadence, state=state)
    return run.engine(callbacks, control)


def test_learns_moons_and_reports_every_step_and_epoch():
    data = make_dataset("moons", n_samples=200, noise=0.1, seed=0)      # 160 train, 40 val
    rec = Record()
    e = engine(data, TrainConfig(epochs=30, batch_size=32, optimizer="adam", lr=0.02), [rec])
    end = e.run()
    assert end.reason == "done" and end.step == 150 and end.epoch == 30
    assert [s.step for s in rec.steps] == list(range(1, 151))            # 5 batches x 30 epochs
    assert [s.epoch for s in rec.steps[:6]] == [0, 0, 0, 0, 0, 1]
    assert [ev.epoch for ev in rec.evals] == list(range(1, 31))
    assert len(rec.grads) == 150 and rec.grads[0].names == ("0: Linear", "2: Linear")
    last = rec.evals[-1].metrics
    assert last["train_acc"] > 0.85 and last["val_acc"] > 0.85
    assert last["train_loss"] < rec.evals[0].metrics["train_loss"]
    (probe,) = rec.pictures                           # the final picture: the decision boundary
    assert probe.grid_class.shape == (50, 50) and set(np.unique(probe.grid_class)) == {0, 1}
    assert probe.act_names == ("1: ReLU",) and 0 <= probe.dead[0] <= 1
    assert [h.layer for h in probe.weight_hists] == [0, 2]
    assert end.metrics["val_acc"] == last["val_acc"]


def test_sine_regression_uses_mse_and_draws_a_curve():
    data = make_dataset("sine", n_samples=100, noise=0.05, seed=0)
    rec = Record()
    e = engine(data, TrainConfig(epochs=3, batch_size=16), [rec])
    assert isinstance(e.task.loss_fn, nn.MSELoss)
    assert e.run().message == "Finished 3 epochs."
    assert math.isnan(rec.evals[-1].metrics["train_acc"]) and rec.evals[-1].metrics["train_loss"] >= 0
    assert engine(data, TrainConfig(epochs=1, batch_size=16)).run().message == "Finished 1 epoch."
    assert rec.pictures[-1].curve_x.shape == rec.pictures[-1].curve_y.shape == (200,)


def test_same_seed_gives_identical_runs_and_the_global_rng_is_untouched_by_the_task():
    data = make_dataset("xor", 100, seed=2)
    losses = []
    for _ in range(2):
        rec = Record()
        engine(data, TrainConfig(epochs=2, seed=4), [rec]).run()
        losses.append([s.loss for s in rec.steps])
    assert losses[0] == losses[1]


def test_pause_single_step_resume_from_another_thread():
    data = make_dataset("xor", 100, seed=0)               # 80 train / 16 per batch = 5 steps per epoch
    control = RunControl()
    paused = threading.Event()

    class PauseAt3(Callback):
        def on_batch_end(self, engine, event):
            if event.step == 3:
                control.pause()
                paused.set()

    e = engine(data, TrainConfig(epochs=2, batch_size=16), [PauseAt3()], control)
    worker = threading.Thread(target=e.run)
    worker.start()
    try:
        assert paused.wait(10)
        time.sleep(0.2)
        assert e.step == 3                     # paused: nothing runs
        control.step_once()                    # exactly one more batch
        deadline = time.time() + 10
        while e.step < 4 and time.time() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)
        assert e.step == 4
        control.resume()
        worker.join(10)
    finally:
        control.stop()
        worker.join(10)
    assert e.end.reason == "done" and e.step == 10


def test_a_learning_rate_set_while_paused_applies_to_the_very_next_batch():
    data = make_dataset("xor", 100, seed=0)
    control = RunControl()
    rec = Record()

    class PauseAndSetAt2(Callback):
        def on_batch_end(self, engine, event):
            if event.step == 2:                # the window: pause, type a new rate, single-step
                control.pause()
                control.set_lr(0.001)
                control.step_once()
            if event.step == 3:
                control.resume()

    engine(data, TrainConfig(epochs=1, batch_size=16, lr=0.1), [PauseAndSetAt2(), rec], control).run()
    assert [s.lr for s in rec.steps] == [0.1, 0.1, 0.001, 0.001, 0.001]


def test_stop_ends_the_run_within_one_batch():
    data = make_dataset("xor", 100, seed=0)
    control = RunControl()

    class StopAt5(Callback):
        def on_batch_end(self, engine, event):
            if event.step == 5:
                control.stop()

    rec = Record()
    end = engine(data, TrainConfig(epochs=50, batch_size=16), [StopAt5(), rec], control).run()
    assert end.reason == "stopped" and end.step == 5 and rec.ends == [end]


def test_continue_after_stop_keeps_the_optimiser_state_and_the_shuffle_order():
    """Stop after 7 steps (mid-epoch), continue from the state: the same losses as never stopping."""
    data = make_dataset("moons", 100, seed=0)             # 80 train: 5 batches of 16 per epoch
    cfg = TrainConfig(epochs=4, batch_size=16, optimizer="adam", lr=0.05)
    straight = Record()
    engine(data, cfg, [straight]).run()

    control = RunControl()

    class StopAt7(Callback):
        def on_batch_end(self, engine, event):
            if event.step == 7:
                control.stop()

    first = Record()
    e = engine(data, cfg, [StopAt7(), first], control)
    assert e.run().reason == "stopped"
    state = e.state_dict()
    assert state["optimizer"]["state"]                     # Adam's moments travel with the run
    torch.manual_seed(123)                                 # whatever the global RNG does meanwhile
    second = Record()
    more = engine(data, TrainConfig(**{**cfg.to_dict(), "epochs": 20}), [second], state=state)
    more.extend(steps=20 - 7)                              # the 13 steps the straight run still took
    more.run()
    together = [s.loss for s in first.steps + second.steps]
    assert [s.step for s in second.steps] == list(range(8, 21))
    np.testing.assert_allclose(together, [s.loss for s in straight.steps], rtol=0, atol=1e-7)


def test_nan_loss_stops_with_advice():
    data = make_dataset("xor", 100, seed=0)
    rec = Record()
    end = engine(data, TrainConfig(epochs=5, batch_size=16, optimizer="sgd", lr=1e12), [rec]).run()
    assert end.reason == "nan"
    assert "smaller learning rate" in end.message and "1e+12" in end.message
    assert all(math.isfinite(s.loss) for s in rec.steps)     # the bad step is not reported as a loss
    assert end.step < 25


def test_nan_message_in_japanese():
    set_language("ja")
    data = make_dataset("xor", 100, seed=0)
    end = engine(data, TrainConfig(epochs=5, optimizer="sgd", lr=1e12)).run()
    assert end.reason == "nan" and "学習率" in end.message


def test_compare_mode_runs_two_engines_in_lock_step_on_the_same_batches():
    data = make_dataset("moons", 100, seed=0)
    recs = [Record(), Record()]
    control = RunControl()
    engines = [engine(data, TrainConfig(epochs=2, batch_size=20), [r], control) for r in recs]
    ends = run_together(engines, control)
    assert [e.reason for e in ends] == ["done", "done"]
    assert [s.loss for s in recs[0].steps] == [s.loss for s in recs[1].steps]   # same net, data, seed


def test_a_cosine_schedule_with_warmup_by_hand():
    o = OptimConfig(lr=1.0, schedule="cosine", lr_final=0.0, warmup_steps=2)
    assert [round(o.lr_at(s, 6), 4) for s in range(6)] == [0.5, 1.0, 1.0, 0.8536, 0.5, 0.1464]
    assert OptimConfig(lr=0.3).lr_at(99, 100) == 0.3


def test_a_cosine_schedule_over_training_time_by_hand():
    o = OptimConfig(lr=1.0, schedule="cosine", lr_final=0.1, warmup_steps=4)
    assert o.lr_at(0, 0, seconds=0.0, total_seconds=100.0) == 0.25            # warm-up: 1/4 of lr
    assert o.lr_at(4, 0, seconds=0.0, total_seconds=100.0) == 1.0             # its end: the peak
    assert round(o.lr_at(50, 0, seconds=50.0, total_seconds=100.0), 4) == 0.55   # half-way: (1 + 0.1) / 2
    assert round(o.lr_at(99, 0, seconds=100.0, total_seconds=100.0), 4) == 0.1   # the end: lr_final
    assert o.lr_at(99, 0, seconds=150.0, total_seconds=100.0) == 0.1          # past it: stays there
    # both limits: whichever is nearer its end (here the steps, 3/4 of the way)
    assert round(o.lr_at(34, 44, seconds=10.0, total_seconds=100.0), 4) == round(0.1 + 0.45 * (1 + math.cos(0.75 * math.pi)), 4)
    assert o.lr_at(99, 0) == 1.0                                              # no limit known: constant


def test_the_engine_runs_a_time_limited_cosine_down_to_lr_final(monkeypatch):
    import core.engine.engine as engine_module

    class Clock:                     # a fake clock: every reading is 1 ms later, so the run is exact
        now = 0.0

        def perf_counter(self):
            self.now += 0.001
            return self.now

    monkeypatch.setattr(engine_module, "time", Clock())
    data = make_dataset("moons", 200, seed=0)
    run = TrainConfig(batch_size=16).run_spec(mlp(), data, cadence=EVERY_EPOCH)
    run.optim = OptimConfig(lr=0.1, schedule="cosine", lr_final=0.01, warmup_steps=5)
    run.limits = Limits(max_seconds=0.5)
    rec = Record()
    e = run.engine([rec])
    end = e.run()
    lrs = [s.lr for s in rec.steps]
    assert end.reason == "time" and e.total_seconds == 0.5
    assert lrs[:5] == pytest.approx([0.02, 0.04, 0.06, 0.08, 0.1])           # warm-up by steps
    assert all(a >= b for a, b in zip(lrs[5:], lrs[6:]))                        # then only down...
    assert lrs[len(lrs) // 2] == pytest.approx(0.055, abs=0.01)                # ...half-way by time
    assert lrs[-1] == pytest.approx(0.01, abs=0.002)                           # ...to lr_final at the end


def test_a_target_metric_ends_the_run_early():
    data = make_dataset("moons", 200, noise=0.05, seed=0)
    run = TrainConfig(epochs=500, batch_size=16, lr=0.05).run_spec(mlp(), data, cadence=EVERY_EPOCH)
    run.limits = Limits(max_epochs=500, target=0.95)
    e = run.engine()
    end = e.run()
    assert end.reason == "target" and end.metrics["val_acc"] >= 0.95 and e.epoch < 500


def test_fit_problems_name_the_size_to_fix():
    from core.build import build

    data = make_dataset("spiral", 60)                       # 2 inputs, 3 classes
    assert fit_problems(build(NetworkSpec.from_dict(mlp(2, 3))), data) == []
    (msg,) = fit_problems(build(NetworkSpec.from_dict(mlp(2, 2))), data)
    assert "needs 3 output" in msg
    (msg,) = fit_problems(build(NetworkSpec.from_dict(mlp(4, 3))), data)
    assert "2 input" in msg


@pytest.mark.parametrize("scheme", ["xavier", "he", "normal"])
def test_weight_initialisation(scheme):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(400, 300))
    init_weights(model, scheme, std=0.05)
    w = model[0].weight
    expected = {"xavier": math.sqrt(2 / 700), "he": math.sqrt(2 / 400), "normal": 0.05}[scheme]
    assert w.std().item() == pytest.approx(expected, rel=0.05)
    assert model[0].bias.abs().max().item() == 0


@pytest.mark.parametrize("name,cls", [("sgd", torch.optim.SGD), ("momentum", torch.optim.SGD),
                                      ("adam", torch.optim.Adam), ("adamw", torch.optim.AdamW)])
def test_optimizers(name, cls):
    e = engine(make_dataset("xor", 40), TrainConfig(optimizer=name, lr=0.05, momentum=0.8))
    assert type(e.optimizer) is cls and e.lr == 0.05
    if name == "momentum":
        assert e.optimizer.param_groups[0]["momentum"] == 0.8


def test_config_round_trip_and_bad_values():
    cfg = TrainConfig(dataset="circles", lr=0.003, optimizer="adamw", epochs=7)
    assert TrainConfig.from_dict(cfg.to_dict()) == cfg
    back = TrainConfig.from_dict({"lr": "oops", "optimizer": "magic", "epochs": "12", "unknown": 1})
    assert back.lr == TrainConfig.lr and back.optimizer == TrainConfig.optimizer and back.epochs == 12
    assert TrainConfig.from_dict(None) == TrainConfig()
    assert len(TrainConfig(lr=0, batch_size=0).problems()) == 2


def test_devices_say_why_one_is_missing_and_threads_are_deliberate():
    infos = {d.name: d for d in devices.devices()}
    assert infos["cpu"].available and set(infos) == {"cpu", "cuda", "mps"}
    for d in infos.values():
        assert d.detail                                  # available or not, it says something
    assert devices.recommended_threads(2) == 1
    assert devices.recommended_threads(1) == 1
    assert devices.recommended_threads(8) == 4
    assert "2 core" in devices.thread_reason(1, 2)


def test_epoch_metrics_can_be_throttled_but_the_last_epoch_is_always_measured():
    data = make_dataset("xor", 100, seed=0)
    rec = Record()
    engine(data, TrainConfig(epochs=20, batch_size=16), [rec], cadence=Cadence(eval_interval_s=3600)).run()
    assert [ev.epoch for ev in rec.evals] == [1, 20]


def test_settings_with_infinite_or_huge_numbers_fall_back_to_defaults():
    import json
    data = json.loads('{"epochs": 1e400, "lr": 1e400, "batch_size": -1e400, "init_std": NaN, "seed": 7}')
    cfg = TrainConfig.from_dict(data)
    default = TrainConfig()
    assert (cfg.epochs, cfg.lr, cfg.batch_size, cfg.init_std) == (
        default.epochs, default.lr, default.batch_size, default.init_std)
    assert cfg.seed == 7


def test_task_options_posted_mid_run_reach_the_task_before_the_next_batch():
    data = make_dataset("xor", 100, seed=0)
    control = RunControl()
    seen = []

    class PostAt2(Callback):
        def on_batch_end(self, engine, event):
            seen.append((event.step, getattr(engine.task, "options", None)))
            if event.step == 2:
                control.post_options({"prompt": "Hi"})
                control.post_options({"bad": object()})       # a task refusing it changes nothing

    e = engine(data, TrainConfig(epochs=1, batch_size=16), [PostAt2()], control)
    got = []

    def set_options(options):
        if "bad" in options:
            raise ValueError("not an option")
        got.append(options)
        e.task.options = options

    e.task.set_options = set_options
    assert e.run().reason == "done"
    assert got == [{"prompt": "Hi"}] and [o for _, o in seen] == [None, None, {"prompt": "Hi"}, {"prompt": "Hi"},
                                                                   {"prompt": "Hi"}]
    assert control.options_request() == []


def test_no_gradient_statistics_without_a_callback_to_hear_them(monkeypatch):
    """With the default cadence (statistics at every step) an engine without callbacks (a script,
    a benchmark) computed them anyway: per-layer reductions at every batch, for nobody."""
    import core.engine.engine as engine_module
    calls = []
    real = engine_module.grad_stats
    monkeypatch.setattr(engine_module, "grad_stats", lambda *a: calls.append(1) or real(*a))
    data = make_dataset("moons", 100, seed=0)
    engine(data, TrainConfig(epochs=1, batch_size=16), []).run()
    assert calls == []
    rec = Record()
    engine(data, TrainConfig(epochs=1, batch_size=16), [rec]).run()
    assert len(calls) >= 1 and len(rec.grads) == len(calls)


def test_shared_control_carries_task_options_across_processes():
    import multiprocessing as mp

    from core.engine.control import SharedControl

    c = SharedControl(mp.get_context("spawn"))
    assert c.options_request() == []
    c.post_options({"prompt": "The "})
    c.post_options({"top_k": 5})
    assert c.options_request() == [{"prompt": "The "}, {"top_k": 5}] and c.options_request() == []


def test_gradient_flow_and_activations_see_the_layers_inside_residual_blocks():
    from core.templates import TEMPLATES

    data = make_dataset("moons", 100, seed=0)
    spec = TEMPLATES["deep_residual_sigmoid"].make()
    from core.training.netfit import fit_to_data
    spec = fit_to_data(spec, data) or spec
    rec = Record()
    engine(data, TrainConfig(epochs=1, batch_size=16), [rec], spec=spec.to_dict()).run()
    linears = [l for l in spec.all_layers() if l.kind == "Linear"]
    sigmoids = [l for l in spec.all_layers() if l.kind == "Sigmoid"]
    names = rec.grads[-1].names
    assert len(names) == len(linears) > 2 and names[0].startswith("0: ") and all("Linear" in n for n in names)
    probe = rec.pictures[-1]
    assert len(probe.act_names) == len(sigmoids) and np.all(np.isfinite(probe.saturated))
