"""Hidden neurons over the plane (core/tasks/neuron_maps.py), checked against hand-set weights."""
import numpy as np
import torch
from torch import nn

from core.tasks.neuron_maps import neuron_maps


def test_each_unit_is_evaluated_on_the_grid():
    model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 2))
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor([[1.0, 0.0], [0.0, -2.0]]))    # unit 0: x1, unit 1: -2·x2
        model[0].bias.zero_()
    gx, gy = np.array([-1.0, 0.0, 2.0]), np.array([-1.0, 1.0])
    m = neuron_maps(model, gx, gy)
    names = [n for n, _ in m["layers"]]
    assert names == ["1: ReLU", "3: Tanh"]
    relu = m["layers"][0][1]
    assert relu.shape == (2, 2, 3)                                  # (units, G_y, G_x), [iy, ix]
    assert relu[0].tolist() == [[0, 0, 2], [0, 0, 2]]                # relu(x1): varies along x only
    assert relu[1].tolist() == [[2, 2, 2], [0, 0, 0]]                # relu(-2·x2): 2 at x2 = -1, 0 at x2 = 1
    tanh = m["layers"][1][1]
    assert tanh.shape == (3, 2, 3) and np.all(np.abs(tanh) <= 1)
    assert model.training                                           # left as it was


def test_only_the_first_units_are_kept():
    model = nn.Sequential(nn.Linear(2, 40), nn.Sigmoid(), nn.Linear(40, 2))
    m = neuron_maps(model, np.linspace(-1, 1, 5), np.linspace(-1, 1, 4), max_units=16)
    assert m["layers"][0][1].shape == (16, 4, 5)
