"""The image task (core/tasks/images.py) under the one engine, on scikit-learn's real digits."""
import numpy as np
import pytest
import torch
from torch import nn

from core.data.images import ImageSet, load_images
from core.engine.config import Limits, OptimConfig
from core.engine.engine import Callback, Engine
from core.spec import LayerSpec, NetworkSpec
from core.tasks.images import ImageTask, conv_layers, first_filters, predict
from core.templates import TEMPLATES
from core.training.netfit import fit_to_data, size_problems


@pytest.fixture(scope="module")
def digits():
    return load_images("digits", val_fraction=0.2, seed=0)


class Keep(Callback):
    def __init__(self):
        self.pictures = []
        self.evals = []

    def on_eval(self, engine, event):
        self.evals.append(event.metrics)

    def on_pictures(self, engine, event):
        self.pictures.append(event.pictures)


def test_lenet_learns_the_digits_and_the_pictures_hold_what_the_views_draw(digits):
    torch.set_num_threads(1)
    task = ImageTask(TEMPLATES["lenet_digits"].make(), digits, batch_size=32, seed=0)
    assert task.steps_per_epoch == 45                      # ceil(1438 / 32)
    keep = Keep()
    end = Engine(task, OptimConfig(lr=3e-3), Limits(max_epochs=10, target=0.96), callbacks=[keep]).run()
    assert end.reason == "target", end.message
    assert keep.evals[-1]["val_acc"] >= 0.96 and 0 < keep.evals[-1]["train_loss"] < 1.0
    p = keep.pictures[-1]
    k, n_val = 10, len(digits.y_val)
    assert p["class_names"] == list("0123456789")
    assert p["samples"]["images"].shape == (16, 1, 8, 8) and p["samples"]["predicted"].shape == (16,)
    c = p["confusion"]
    assert c.shape == (k, k) and c.sum() == n_val
    assert np.array_equal(c.sum(1), np.bincount(digits.y_val, minlength=k))     # rows are the true classes
    assert np.trace(c) / n_val == pytest.approx(keep.evals[-1]["val_acc"])
    np.testing.assert_allclose(p["per_class_acc"], np.diag(c) / c.sum(1))
    wrong = p["misclassified"]
    assert len(wrong["index"]) == min(16, n_val - np.trace(c))
    assert np.all(wrong["labels"] != wrong["predicted"])
    np.testing.assert_allclose(wrong["probs"].sum(1), 1, atol=1e-5)
    assert np.all(np.diff(wrong["probs"][np.arange(len(wrong["index"])), wrong["predicted"]]) <= 1e-7)  # surest first
    s = p["sample"]
    assert s["image"].shape == (1, 8, 8) and s["probs"].shape == (k,)
    assert [(name, m.shape) for name, m in s["feature_maps"]] == [("Conv2d #1 (layer 1)", (16, 8, 8)),
                                                                   ("Conv2d #2 (layer 4)", (16, 4, 4))]
    assert p["filters"].shape == (16, 1, 3, 3)


def test_predict_matches_the_model_and_reports_every_conv_layer(digits):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 20, 3), nn.Flatten(),
                          nn.Linear(20 * 36, 10))
    image = digits.x_val[0]
    out = predict(model, image, max_maps=16)
    with torch.no_grad():
        expected = torch.softmax(model(torch.from_numpy(image)[None]), 1)[0].numpy()
    np.testing.assert_allclose(out["probs"], expected, rtol=1e-5)
    assert [m.shape for _, m in out["feature_maps"]] == [(4, 8, 8), (16, 6, 6)]   # 20 channels, 16 shown
    assert model.training                                                        # left as it was
    assert [label for label, _ in conv_layers(model)] == ["Conv2d #1 (layer 1)", "Conv2d #2 (layer 3)"]
    assert first_filters(nn.Sequential(nn.Flatten())) is None


def test_continuing_draws_the_same_batches(digits):
    a = ImageTask(nn.Sequential(nn.Flatten()), digits, batch_size=100, seed=5)
    for _ in range(20):                                   # past the end of the first epoch (15 batches)
        a.next_batch()
    state = a.state_dict()
    expected = [a.next_batch()[1].tolist() for _ in range(3)]
    b = ImageTask(nn.Sequential(nn.Flatten()), digits, batch_size=100, seed=99)
    b.load_state_dict(state)
    assert [b.next_batch()[1].tolist() for _ in range(3)] == expected


def test_an_epoch_sees_every_training_image_once(digits):
    task = ImageTask(nn.Sequential(nn.Flatten()), digits, batch_size=64, seed=1)
    seen = torch.cat([task.next_batch()[0] for _ in range(task.steps_per_epoch)])
    assert len(seen) == len(digits.y_train)
    # the same multiset of images: compare sorted row sums
    assert torch.allclose(seen.flatten(1).sum(1).sort().values,
                          torch.from_numpy(digits.x_train).flatten(1).sum(1).sort().values)


def test_training_metrics_are_the_batches_own_loss_and_accuracy(digits):
    """train_loss / train_acc of an evaluation: over every batch since the last one (more than the
    FOLD batches summed at a time, and a short last batch of the epoch), weighted by batch size."""
    from core.tasks.images import FOLD
    task = ImageTask(TEMPLATES["lenet_digits"].make().to_dict(), digits, batch_size=32, seed=0)
    opt = torch.optim.SGD(task.model.parameters(), lr=0.05)
    losses, correct, seen = [], 0, 0
    steps = task.steps_per_epoch + FOLD + 3           # 1,438 images: each epoch's last batch has 30
    for _ in range(steps):
        x, y = task.next_batch()
        with torch.no_grad():
            logits = task.model(x)
        losses.append(nn.functional.cross_entropy(logits, y).item() * len(y))
        correct += int((logits.argmax(1) == y).sum())
        seen += len(y)
        loss = task.loss((x, y))
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert seen > FOLD * 32 and seen % 32 != 0        # more than FOLD batches, short ones among them
    with torch.no_grad():
        m = task.evaluate()
    assert m["train_loss"] == pytest.approx(sum(losses) / seen, rel=1e-5)
    assert m["train_acc"] == pytest.approx(correct / seen)
    assert 0.1 < m["train_acc"] < 1.0
    with torch.no_grad():
        assert "train_loss" not in task.evaluate()   # nothing trained since: no training figures


def test_uint8_pictures_train_as_floats_in_0_1():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (40, 1, 6, 6), dtype=np.uint8)
    y = (x.reshape(40, -1).mean(1) > 127).astype(np.int64)
    data = ImageSet("bytes", x[:30], y[:30], x[30:], y[30:], ("dark", "light"))
    task = ImageTask(nn.Sequential(nn.Flatten(), nn.Linear(36, 2)), data, batch_size=8)
    xb, _ = task.next_batch()
    assert xb.dtype == torch.float32 and 0 <= float(xb.min()) and float(xb.max()) <= 1
    assert task.pictures()["samples"]["images"].max() <= 1.0


def test_the_network_input_follows_the_pictures(digits):
    spec = TEMPLATES["cnn_28"].make()                     # made for (1, 28, 28)
    problems = size_problems(spec, digits)
    assert problems == ["The network takes input (1, 28, 28) but the pictures are (1, 8, 8) (channels, height, width)."]
    fixed = fit_to_data(spec, digits)
    assert fixed.input_shape == (1, 8, 8) and size_problems(fixed, digits) == []
    # a 2-class linear model for points gets the digits' input (flattened) and 10 outputs
    mlp = NetworkSpec((2,), [LayerSpec.make("Linear", out_features=2)])
    fixed = fit_to_data(mlp, digits)
    assert [l.kind for l in fixed.layers] == ["Flatten", "Linear"] and fixed.layers[1].params["out_features"] == 10


def test_registered_task_runs_from_plain_data_in_the_training_process():
    from core.engine.process import Job, run_job
    from core.engine.run import RunSpec
    from core.engine.control import RunControl
    spec = TEMPLATES["lenet_digits"].make().to_dict()
    run = RunSpec("images", {"spec": spec, "data": {"name": "digits", "seed": 0}, "batch_size": 32, "seed": 0},
                  OptimConfig(lr=3e-3), Limits(max_steps=20))
    sent = []
    result = run_job(Job([run]), RunControl(), sent.append)     # what the process does with a job
    assert result.ends[0].step == 20 and result.ends[0].reason == "done"
    pictures = [b.pictures for kind, p in sent if kind == "progress" for b in p.runs.values() if b.pictures]
    assert pictures and pictures[-1].pictures["confusion"].shape == (10, 10)
    # continuing from the state: the same task sampling position
    state = result.states[0]["task"]
    assert state["pos"] == 20 * 32


def test_the_learner_chooses_the_picture_whose_feature_maps_are_shown(digits):
    task = ImageTask(TEMPLATES["lenet_digits"].make().to_dict(), digits, seed=0)
    task.set_options({"picture_index": 7})
    s = task.pictures()["sample"]
    assert s["index"] == 7 and s["label"] == digits.y_val[7] and np.array_equal(s["image"], digits.x_val[7])
    task.set_options({"picture_index": len(digits.y_val) + 2})       # wraps around
    assert task.pictures()["sample"]["index"] == 2


def test_an_mlp_for_points_fits_the_pictures_with_a_flatten_in_front(digits):
    spec = TEMPLATES["classifier_2d"].make()                 # 2 inputs → 16 → 16 → 2
    fixed = fit_to_data(spec, digits)
    assert fixed.input_shape == (1, 8, 8)
    assert [l.kind for l in fixed.layers] == ["Flatten", "Linear", "ReLU", "Linear", "ReLU", "Linear"]
    assert fixed.layers[-1].params["out_features"] == 10 and size_problems(fixed, digits) == []
    assert [l.kind for l in spec.layers][0] == "Linear"      # the original is untouched
