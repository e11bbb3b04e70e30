"""Gradient and activation statistics, checked against numbers worked out by hand."""
import numpy as np
import pytest
import torch
from torch import nn

from core.build import build
from core.data.datasets import make_dataset
from core.templates import TEMPLATES
from core.training import gradstats
from core.training.config import TrainConfig
from core.engine.engine import Callback
from core.engine.events import grad_stats


def test_grad_stats_of_a_2_to_1_linear_with_mse_by_hand():
    # y = w·x + b with w = [1, 2], b = 0.5, x = [1, -2], target 0:
    # pred = 1 - 4 + 0.5 = -2.5; L = pred² = 6.25; dL/dpred = 2·pred = -5
    # dL/dw = -5·x = [-5, 10]  ->  mean |grad| = 7.5, max |grad| = 10
    lin = nn.Linear(2, 1)
    with torch.no_grad():
        lin.weight.copy_(torch.tensor([[1.0, 2.0]]))
        lin.bias.fill_(0.5)
    model = nn.Sequential(lin)
    loss = nn.MSELoss()(model(torch.tensor([[1.0, -2.0]])), torch.tensor([[0.0]]))
    assert loss.item() == pytest.approx(6.25)
    loss.backward()
    s = grad_stats(7, [(n, w) for _, n, w in gradstats.weight_layers(model)])
    assert s.step == 7 and s.names == ("0: Linear",)
    np.testing.assert_allclose(s.mean_abs, [7.5])
    np.testing.assert_allclose(s.max_abs, [10.0])


def test_grad_stats_skip_layers_without_weights_and_keep_spec_indices():
    model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
    s = grad_stats(0, [(n, w) for _, n, w in gradstats.weight_layers(model)])   # before any backward: zeros
    assert s.names == ("0: Linear", "2: Linear")
    np.testing.assert_array_equal(s.mean_abs, [0, 0])


def test_dead_relu_share_by_hand():
    # unit 0 always gets -1 (dead), unit 1 gets x (alive for x > 0), unit 2 gets +1 (alive)
    lin = nn.Linear(1, 3)
    with torch.no_grad():
        lin.weight.copy_(torch.tensor([[0.0], [1.0], [0.0]]))
        lin.bias.copy_(torch.tensor([-1.0, 0.0, 1.0]))
    model = nn.Sequential(lin, nn.ReLU())
    _, acts = gradstats.activation_outputs(model, torch.tensor([[-1.0], [2.0]]))
    (index, module, out), = acts
    assert index == 1
    assert gradstats.dead_share(module, out) == pytest.approx(1 / 3)
    assert np.isnan(gradstats.saturated_share(module, out))


def test_saturated_share_of_sigmoid_and_tanh_by_hand():
    # σ(0) = 0.5 (σ' = 0.25, not flat); σ(10) ≈ 0.99995 (σ' ≈ 4.5e-5, flat); σ(-3) ≈ 0.047 (σ' ≈ 0.045, not flat)
    u = torch.tensor([[0.0, 10.0, -3.0, -8.0]])
    sig = nn.Sigmoid()
    assert gradstats.saturated_share(sig, sig(u)) == pytest.approx(2 / 4)
    # tanh: 1 - tanh(u)² < 0.1 when |u| > ~1.82
    th = nn.Tanh()
    assert gradstats.saturated_share(th, th(torch.tensor([[0.0, 1.0, 2.0, -5.0]]))) == pytest.approx(2 / 4)


def test_histogram_counts_every_value():
    h = gradstats.histogram(0, "0: Linear", torch.tensor([0.0, 0.0, 1.0, 2.0]), bins=4)
    assert h.counts.sum() == 4 and h.counts[0] == 2 and h.edges[0] == 0 and h.edges[-1] == 2


class _Grads(Callback):
    def __init__(self):
        self.stats = []

    def on_after_backward(self, trainer, stats):
        self.stats.append(stats)


def _first_layer_grads(template: str) -> np.ndarray:
    data = make_dataset("moons", n_samples=160, noise=0.1, seed=0)
    torch.manual_seed(0)
    from core.engine.config import Cadence

    spec = TEMPLATES[template].make().to_dict()
    cb = _Grads()
    cfg = TrainConfig(epochs=1, batch_size=32, optimizer="sgd", lr=0.1, seed=0)
    cfg.run_spec(spec, data, cadence=Cadence()).engine([cb]).run()
    return np.array([s.mean_abs[0] for s in cb.stats]), cb.stats[0]


def test_deep_sigmoid_first_layer_gradient_vanishes_compared_with_deep_relu():
    torch.set_num_threads(1)
    sig, sig0 = _first_layer_grads("deep_sigmoid")
    relu, _ = _first_layer_grads("deep_relu")
    assert len(sig) == len(relu) == 4                  # 128 training samples / 32 per batch
    # same data, same seed: the first layer's mean |grad| is over 100 times smaller with sigmoid
    assert np.all(sig * 100 < relu)
    # and with sigmoid it shrinks layer by layer from the output back to the input
    assert sig0.mean_abs[0] < sig0.mean_abs[4] < sig0.mean_abs[-1]


def test_network_sizes_follow_the_data_with_a_one_click_fix():
    from core.training.netfit import fit_to_data, size_problems
    spec = TEMPLATES["classifier_2d"].make()              # 2 inputs, 2 outputs
    spiral = make_dataset("spiral", 60)                    # 2 features, 3 classes
    (msg,) = size_problems(spec, spiral)
    assert "3 classes" in msg
    fixed = fit_to_data(spec, spiral)
    assert size_problems(fixed, spiral) == [] and fixed.layers[-1].params["out_features"] == 3
    assert spec.layers[-1].params["out_features"] == 2      # the original is untouched
    sine = make_dataset("sine", 60)
    assert len(size_problems(spec, sine)) == 2
    fixed = fit_to_data(spec, sine)
    assert fixed.input_shape == (1,) and build(fixed)(torch.zeros(4, 1)).shape == (4, 1)
