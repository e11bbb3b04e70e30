"""The trainer: it learns, reports events, and obeys pause / step / stop / lr changes."""
import math
import threading
import time

import numpy as np
import pytest
import torch
from torch import nn

from core.data.datasets import make_dataset
from core.i18n import set_language
from core.training import devices
from core.training.config import TrainConfig
from core.training.trainer import (Callback, RunControl, Trainer, fit_problems, init_weights,
                                   run_together)

torch.set_num_threads(1)


class Record(Callback):
    def __init__(self):
        self.steps, self.epochs, self.grads, self.probes, self.ends = [], [], [], [], []

    def on_batch_end(self, trainer, event):
        self.steps.append(event)

    def on_after_backward(self, trainer, stats):
        self.grads.append(stats)

    def on_epoch_end(self, trainer, event):
        self.epochs.append(event)

    def on_probe(self, trainer, event):
        self.probes.append(event)

    def on_end(self, trainer, event):
        self.ends.append(event)


def mlp(n_in=2, n_out=2, seed=0):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(n_in, 16), nn.ReLU(), nn.Linear(16, n_out))


def test_learns_moons_and_reports_every_step_and_epoch():
    data = make_dataset("moons", n_samples=200, noise=0.1, seed=0)      # 160 train, 40 val
    rec = Record()
    cfg = TrainConfig(epochs=30, batch_size=32, optimizer="adam", lr=0.02)
    end = Trainer(mlp(), data, cfg, [rec]).run()
    assert end.reason == "done" and end.step == 150 and end.epoch == 30
    assert [e.step for e in rec.steps] == list(range(1, 151))            # 5 batches x 30 epochs
    assert [e.epoch for e in rec.epochs] == list(range(1, 31))
    assert len(rec.grads) == 150                                          # stats after every backward
    last = rec.epochs[-1]
    assert last.train_acc > 0.85 and last.val_acc > 0.85
    assert last.train_loss < rec.epochs[0].train_loss
    # the final probe draws the decision boundary on a grid and measures activations
    (probe,) = rec.probes
    assert probe.grid_class.shape == (50, 50) and set(np.unique(probe.grid_class)) == {0, 1}
    assert probe.act_names == ("1: ReLU",) and 0 <= probe.dead[0] <= 1
    assert [h.layer for h in probe.weight_hists] == [0, 2]


def test_sine_regression_uses_mse_and_draws_a_curve():
    data = make_dataset("sine", n_samples=100, noise=0.05, seed=0)
    rec = Record()
    t = Trainer(mlp(1, 1), data, TrainConfig(epochs=3, batch_size=16), [rec])
    assert isinstance(t.loss_fn, nn.MSELoss)
    t.run()
    assert math.isnan(rec.epochs[-1].train_acc) and rec.epochs[-1].train_loss >= 0
    assert t.end.message == "Finished 3 epochs."
    one = Trainer(mlp(1, 1), data, TrainConfig(epochs=1, batch_size=16))
    assert one.run().message == "Finished 1 epoch."              # not "1 epochs"
    assert rec.probes[-1].curve_x.shape == rec.probes[-1].curve_y.shape == (200,)


def test_same_seed_gives_identical_runs():
    data = make_dataset("xor", 100, seed=2)
    losses = []
    for _ in range(2):
        rec = Record()
        Trainer(mlp(seed=3), data, TrainConfig(epochs=2, seed=4), [rec]).run()
        losses.append([e.loss for e in rec.steps])
    assert losses[0] == losses[1]


def test_pause_single_step_resume_from_another_thread():
    data = make_dataset("xor", 100, seed=0)               # 80 train / 16 per batch = 5 steps per epoch
    control = RunControl()
    paused = threading.Event()

    class PauseAt3(Callback):
        def on_batch_end(self, trainer, event):
            if event.step == 3:
                control.pause()
                paused.set()

    rec = Record()
    t = Trainer(mlp(), data, TrainConfig(epochs=2, batch_size=16), [PauseAt3(), rec], control=control)
    worker = threading.Thread(target=t.run)
    worker.start()
    try:
        assert paused.wait(10)
        time.sleep(0.2)
        assert t.step == 3                     # paused: nothing runs
        control.step_once()                    # exactly one more batch
        deadline = time.time() + 10
        while t.step < 4 and time.time() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)
        assert t.step == 4
        control.resume()
        worker.join(10)
    finally:
        control.stop()
        worker.join(10)
    assert t.end.reason == "done" and t.step == 10


def test_stop_ends_the_run_within_one_batch():
    data = make_dataset("xor", 100, seed=0)
    control = RunControl()

    class StopAt5(Callback):
        def on_batch_end(self, trainer, event):
            if event.step == 5:
                control.stop()

    rec = Record()
    end = Trainer(mlp(), data, TrainConfig(epochs=50, batch_size=16), [StopAt5(), rec], control=control).run()
    assert end.reason == "stopped" and end.step == 5 and rec.ends == [end]


def test_learning_rate_changes_mid_run():
    data = make_dataset("xor", 100, seed=0)

    class Halve(Callback):
        def on_batch_end(self, trainer, event):
            if event.step == 2:
                trainer.set_lr(0.001)

    rec = Record()
    Trainer(mlp(), data, TrainConfig(epochs=1, batch_size=16, lr=0.1), [Halve(), rec]).run()
    assert [e.lr for e in rec.steps] == [0.1, 0.1, 0.001, 0.001, 0.001]


def test_nan_loss_stops_with_advice():
    data = make_dataset("xor", 100, seed=0)
    rec = Record()
    cfg = TrainConfig(epochs=5, batch_size=16, optimizer="sgd", lr=1e12)   # absurd lr: blows up
    end = Trainer(mlp(), data, cfg, [rec]).run()
    assert end.reason == "nan"
    assert "smaller learning rate" in end.message and "1e+12" in end.message
    assert all(math.isfinite(e.loss) for e in rec.steps)      # the bad step is not reported as a loss
    assert end.step < 25


def test_nan_message_in_japanese():
    set_language("ja")
    data = make_dataset("xor", 100, seed=0)
    end = Trainer(mlp(), data, TrainConfig(epochs=5, optimizer="sgd", lr=1e12)).run()
    assert end.reason == "nan" and "学習率" in end.message


def test_compare_mode_runs_two_trainers_in_lock_step_on_the_same_batches():
    data = make_dataset("moons", 100, seed=0)
    recs = [Record(), Record()]
    control = RunControl()
    trainers = [Trainer(mlp(seed=1), data, TrainConfig(epochs=2, batch_size=20), [recs[0]], control=control),
                Trainer(mlp(seed=1), data, TrainConfig(epochs=2, batch_size=20), [recs[1]], control=control)]
    ends = run_together(trainers, control)
    assert [e.reason for e in ends] == ["done", "done"]
    # identical networks, data and seed: identical losses
    assert [e.loss for e in recs[0].steps] == [e.loss for e in recs[1].steps]


def test_fit_problems_name_the_size_to_fix():
    data = make_dataset("spiral", 60)                       # 2 inputs, 3 classes
    assert fit_problems(mlp(2, 3), data) == []
    (msg,) = fit_problems(mlp(2, 2), data)
    assert "needs 3 output" in msg
    (msg,) = fit_problems(mlp(4, 3), data)
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
    t = Trainer(mlp(), make_dataset("xor", 40), TrainConfig(optimizer=name, lr=0.05, momentum=0.8))
    assert type(t.optimizer) is cls and t.lr == 0.05
    if name == "momentum":
        assert t.optimizer.param_groups[0]["momentum"] == 0.8


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
    Trainer(mlp(), data, TrainConfig(epochs=20, batch_size=16), [rec], eval_interval_s=3600).run()
    assert [e.epoch for e in rec.epochs] == [1, 20]


def test_settings_with_infinite_or_huge_numbers_fall_back_to_defaults():
    import json
    data = json.loads('{"epochs": 1e400, "lr": 1e400, "batch_size": -1e400, "init_std": NaN, "seed": 7}')
    cfg = TrainConfig.from_dict(data)
    default = TrainConfig()
    assert (cfg.epochs, cfg.lr, cfg.batch_size, cfg.init_std) == (
        default.epochs, default.lr, default.batch_size, default.init_std)
    assert cfg.seed == 7
