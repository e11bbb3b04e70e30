"""Pictures on demand: a task makes only the pictures the window's visible views want
(``Task.want_pictures``, posted as the task option ``{"pictures": [...]}``), and every picture at
the run's end (also when stopped), so that hidden views show the final state."""
import numpy as np
import pytest
import torch

import core.tasks.images as images_mod
import core.tasks.neuron_maps as neuron_maps_mod
from core.data.datasets import make_dataset
from core.data.images import load_images
from core.engine.config import Cadence, Limits, OptimConfig
from core.engine.control import RunControl
from core.engine.engine import Callback, Engine
from core.spec import LayerSpec, NetworkSpec
from core.tasks.images import ImageTask
from core.tasks.tabular import TabularTask
from core.templates import TEMPLATES

torch.set_num_threads(1)


def mlp() -> dict:
    return NetworkSpec((2,), [LayerSpec.make("Linear", out_features=8), LayerSpec.make("Tanh"),
                              LayerSpec.make("Linear", out_features=2)]).to_dict()


@pytest.fixture
def counted_maps(monkeypatch):
    """Counts the calls of core.tasks.neuron_maps.neuron_maps (the costliest tabular picture)."""
    calls = []
    real = neuron_maps_mod.neuron_maps

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)
    monkeypatch.setattr(neuron_maps_mod, "neuron_maps", counting)
    return calls


def pics(task) -> dict:
    with torch.no_grad():                             # as the engine asks (eval mode, no gradients)
        return task.pictures()


class Keep(Callback):
    def __init__(self):
        self.pictures = []

    def on_pictures(self, engine, event):
        self.pictures.append(event.pictures)


def test_tabular_makes_only_the_wanted_pictures(counted_maps):
    task = TabularTask(mlp(), make_dataset("moons", n_samples=100, noise=0.1, seed=0))
    full = pics(task)                            # never told: every picture (scripts, tests)
    assert len(counted_maps) == 1 and full["probe"].grid_class.shape == (50, 50)
    assert full["probe"].saturated.shape == (1,) and len(full["probe"].weight_hists) == 2

    assert task.want_pictures(["boundary"]) is False  # nothing new: it was made already
    only = pics(task)
    assert len(counted_maps) == 1 and "neuron_maps" not in only      # the hidden neurons tab: not made
    probe = only["probe"]
    assert probe.grid_class.shape == (50, 50)
    assert probe.saturated is None and probe.dead is None             # the flow tab's bars: not made
    assert probe.weight_hists is None and probe.act_hists is None     # the histograms tab: not made

    assert task.want_pictures(["neuron_maps", "no such picture"]) is True    # newly wanted
    shown = pics(task)
    assert len(counted_maps) == 2 and [n for n, _ in shown["neuron_maps"]["layers"]] == ["1: Tanh"]
    assert "probe" not in shown                       # neither boundary, bars nor histograms wanted

    task.want_pictures(["histograms"])
    probe = pics(task)["probe"]
    assert [h.layer for h in probe.weight_hists] == [0, 2] and len(probe.act_hists) == 1
    assert probe.grid_class is None and probe.saturated is None
    with pytest.raises(TypeError):
        task.want_pictures("boundary")                # a bare string is not a list of names
    assert task.pictures_wanted == {"histograms"}     # ... and changed nothing


def test_engine_applies_the_option_and_ends_with_every_picture(counted_maps):
    data = make_dataset("moons", n_samples=160, noise=0.1, seed=0)      # 128 train: 4 steps an epoch
    task = TabularTask(mlp(), data, batch_size=32)
    control = RunControl()
    control.post_options({"pictures": ["boundary"]})                   # the overview tab is shown
    keep = Keep()
    end = Engine(task, OptimConfig(lr=0.01), Limits(max_epochs=30), Cadence(pictures_interval_s=0.0),
                 callbacks=[keep], control=control).run()
    assert end.reason == "done" and len(keep.pictures) == 121           # one after each of 120 steps + final
    assert all("neuron_maps" not in p and p["probe"].saturated is None for p in keep.pictures[:-1])
    final = keep.pictures[-1]                                           # every view's final state
    assert len(counted_maps) == 1 and len(final["neuron_maps"]["layers"]) == 1
    assert final["probe"].saturated.shape == (1,) and len(final["probe"].weight_hists) == 2
    assert task.pictures_wanted == {"boundary"}                         # still only the visible tab's


def test_a_newly_shown_view_gets_its_picture_at_once_and_a_stopped_run_every_picture(counted_maps):
    task = TabularTask(mlp(), make_dataset("moons", n_samples=160, noise=0.1, seed=0), batch_size=32)
    control = RunControl()
    control.post_options({"pictures": ["boundary"]})
    keep = Keep()

    class Steer(Callback):
        def on_batch_end(self, engine, event):
            if event.step == 3:
                control.post_options({"pictures": ["neuron_maps"]})     # the learner shows that tab
            if event.step == 6:
                control.stop()
    end = Engine(task, OptimConfig(lr=0.01), Limits(max_epochs=30), Cadence(pictures_interval_s=None),
                 callbacks=[keep, Steer()], control=control).run()
    assert end.reason == "stopped" and end.step == 6
    # before step 1: boundary only (nothing new, no picture); before step 4: the neuron maps at once
    # (and only they); at the stop: every picture
    assert len(keep.pictures) == 2 and len(counted_maps) == 2
    assert "probe" not in keep.pictures[0] and keep.pictures[0]["neuron_maps"]["layers"]
    last = keep.pictures[-1]
    assert last["probe"].grid_class is not None and last["probe"].weight_hists is not None
    assert last["neuron_maps"]["layers"]


def test_images_skip_the_feature_maps_and_filters_of_a_hidden_tab(monkeypatch):
    digits = load_images("digits", val_fraction=0.2, seed=0)
    calls = []
    real = images_mod.predict
    monkeypatch.setattr(images_mod, "predict", lambda *a, **k: calls.append(1) or real(*a, **k))
    task = ImageTask(TEMPLATES["lenet_digits"].make(), digits, batch_size=32, seed=0)
    task.evaluate()
    assert task.want_pictures(["samples", "confusion", "per_class_acc", "misclassified"]) is False
    shown = pics(task)                           # the Pictures tab: four views, no forward pass
    assert calls == [] and "sample" not in shown and "filters" not in shown
    assert shown["confusion"].sum() == len(digits.y_val) and shown["per_class_acc"].shape == (10,)
    assert len(shown["samples"]["predicted"]) == 16 and len(shown["misclassified"]["labels"]) <= 16

    assert task.want_pictures(["sample", "filters"]) is True              # the feature maps tab
    shown = pics(task)
    assert calls == [1] and shown["filters"].shape == (16, 1, 3, 3)
    assert [m.shape[0] for _, m in shown["sample"]["feature_maps"]] == [16, 16]
    assert not {"samples", "confusion", "per_class_acc", "misclassified"} & set(shown)
    assert np.isclose(shown["sample"]["probs"].sum(), 1.0, atol=1e-5)


def test_a_view_shown_while_paused_gets_its_picture_while_still_paused(counted_maps):
    import threading
    import time
    task = TabularTask(mlp(), make_dataset("moons", n_samples=160, noise=0.1, seed=0), batch_size=32)
    control = RunControl()
    control.post_options({"pictures": ["boundary"]})
    control.pause()
    keep = Keep()
    engine = Engine(task, OptimConfig(lr=0.01), Limits(max_epochs=30), Cadence(pictures_interval_s=None),
                    callbacks=[keep], control=control)
    thread = threading.Thread(target=engine.run)
    thread.start()
    try:
        time.sleep(0.3)
        assert keep.pictures == [] and engine.step == 0
        control.post_options({"pictures": ["neuron_maps"]})             # the learner looks at that tab
        deadline = time.monotonic() + 5
        while not keep.pictures and time.monotonic() < deadline:
            time.sleep(0.02)
        assert engine.step == 0 and control.paused                      # still paused, no batch ran
        assert len(keep.pictures) == 1 and keep.pictures[0]["neuron_maps"]["layers"]
    finally:
        control.stop()
        thread.join(10)
    assert engine.end.reason == "stopped" and len(counted_maps) == 2     # + every picture at the stop
