"""Activation lab: curves and derivatives against formulas, and the vanishing-gradient depth test."""
import numpy as np
import pytest
import torch

from core.lessons import activation_lab as A

torch.set_num_threads(1)
X = np.linspace(-4, 4, 81)


def test_sigmoid_derivative_is_sigma_times_one_minus_sigma_and_peaks_at_quarter():
    y, dy = A.curve("sigmoid", X)
    assert np.allclose(y, 1 / (1 + np.exp(-X)))
    assert np.allclose(dy, y * (1 - y))
    assert dy.max() == pytest.approx(0.25) and X[dy.argmax()] == 0.0
    assert A.SIGMOID_MAX_SLOPE == 0.25 and any("0.25" in line for line in A.sigmoid_working())


@pytest.mark.parametrize("name,f,df", [
    ("tanh", np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    ("relu", lambda x: np.maximum(0, x), lambda x: (x > 0).astype(float)),
    ("leaky_relu", lambda x: np.where(x > 0, x, 0.1 * x), lambda x: np.where(x > 0, 1.0, 0.1)),
])
def test_curves_and_derivatives(name, f, df):
    y, dy = A.curve(name, X)
    assert np.allclose(y, f(X)) and np.allclose(dy, df(X))
    assert A.formula(name) and A.derivative_text(name)


def test_gelu_is_x_times_phi():
    y, dy = A.curve("gelu", np.array([0.0, 1.0]))
    assert y[0] == 0 and y[1] == pytest.approx(0.8413, abs=1e-4) and dy[0] == pytest.approx(0.5)


def test_depth_comparison_shapes_and_bound():
    r = A.depth_comparison(3)
    assert r.bound == 0.25 ** 3
    assert r.sigmoid_layers.shape == (4,) and r.relu_layers.shape == (4,)  # 3 hidden + output Linear
    assert r.sigmoid_first == r.sigmoid_layers[0] > 0


def test_deep_sigmoid_gradient_vanishes_relu_does_not():
    # He init (the lab's default for the comparison): ReLU keeps the gradient, sigmoid loses it.
    s = A.depth_comparison(8, init="he")
    assert s.sigmoid_first < s.bound              # below 0.25^8 ≈ 1.5e-5
    assert s.relu_first > 1e-3                    # measured ≈ 3e-2
    assert s.sigmoid_shrink < 1e-4 and s.relu_shrink > 1e-2
    # Default PyTorch init: both shrink, sigmoid far faster.
    d = A.depth_comparison(8)
    assert d.sigmoid_first < d.bound and d.relu_first > 1000 * d.sigmoid_first


def test_depth_sweep_is_deterministic_and_sigmoid_falls_with_depth():
    a = A.depth_sweep(6)
    b = A.depth_sweep(6)
    assert np.array_equal(a["sigmoid"], b["sigmoid"]) and a["depth"].tolist() == [1, 2, 3, 4, 5, 6]
    assert np.all(np.diff(np.log(a["sigmoid"])) < 0)
    assert np.allclose(a["bound"], 0.25 ** a["depth"])


def test_bad_depth():
    with pytest.raises(ValueError):
        A.depth_comparison(0)
    with pytest.raises(ValueError):
        A.deep_net("relu", 2, init="zeros")


def test_stacked_linear_layers_stay_linear():
    x = np.linspace(-3, 3, 13)
    straight = A.stacked_curve("none", x)
    assert np.allclose(np.diff(straight, 2), 0, atol=1e-4)     # second differences vanish: a line
    bent = A.stacked_curve("relu", x)
    assert np.abs(np.diff(bent, 2)).max() > 0.1


def test_forward_lab_values_by_hand():
    from core.lessons import forward_lab as F
    r = F.forward((1.0, -0.5), "relu", seed=0)
    assert r.w1.shape == (3, 2) and r.w2.shape == (2, 3) and r.n_params == 3 * 2 + 3 + 2 * 3 + 2
    assert np.allclose(r.u, r.w1 @ r.x + r.b1) and np.allclose(r.h, np.maximum(r.u, 0))
    assert np.allclose(r.logits, r.w2 @ r.h + r.b2)
    assert np.allclose(r.probs, np.exp(r.logits) / np.exp(r.logits).sum()) and r.probs.sum() == pytest.approx(1)
    assert np.allclose(r.w1 * 10, np.round(r.w1 * 10))  # one decimal: sums a learner can redo
    assert F.working(r, 0).startswith("u1 = (") and "max(0, u1)" in F.working(r, 0)
    lin = F.forward((1.0, -0.5), "none", seed=0)
    assert np.allclose(lin.h, lin.u)
    with pytest.raises(ValueError):
        F.forward((1.0,), "relu")
