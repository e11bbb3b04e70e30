"""The image views and the draw pad, fed by a real ImageTask on scikit-learn's digits."""
import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, Qt

from core.data.images import load_images
from core.engine.config import Limits, OptimConfig
from core.engine.engine import Engine
from core.tasks.images import ImageTask
from core.templates import TEMPLATES
from gui.images.board import IMAGE_VIEWS, ImageBoard


@pytest.fixture(scope="module")
def trained():
    torch.manual_seed(0)
    data = load_images("digits", seed=0)
    task = ImageTask(TEMPLATES["lenet_digits"].make(), data, batch_size=32, seed=0)
    Engine(task, OptimConfig(lr=3e-3), Limits(max_epochs=3)).run()
    task.evaluate()
    return task, task.pictures()


def test_every_view_draws_the_pictures_and_clears(qtbot, trained):
    task, pictures = trained
    board = ImageBoard()
    qtbot.addWidget(board)
    board.resize(900, 600)
    board.show()
    board.update_pictures(pictures)
    assert [k for k, _, _ in IMAGE_VIEWS] == list(board.views)
    v = board.views
    assert len(v["samples"].body.tiles) == 16
    # green captions for right answers, red for wrong: as many red as wrong predictions among the 16
    wrong = int((pictures["samples"]["predicted"] != pictures["samples"]["labels"]).sum())
    assert sum(t.color.name() == "#d1242f" for t in v["samples"].body.tiles) == wrong
    assert np.array_equal(v["confusion"].matrix, pictures["confusion"])
    np.testing.assert_allclose(v["per_class"].body.values, pictures["per_class_acc"])
    assert v["per_class"].body.mark == int(np.nanargmin(pictures["per_class_acc"]))
    n_wrong = len(pictures["misclassified"]["index"])
    assert len(v["mistakes"].body.tiles) == n_wrong and n_wrong > 0
    caption = v["mistakes"].body.tiles[0].caption
    assert "→" in caption and caption.endswith("%)")
    assert [g.tiles.__len__() for _, g in v["feature_maps"].grids] == [16, 16]
    assert len(v["filters"].body.tiles) == 16
    for key in v:                         # each tab paints without error
        board.tabs.setCurrentWidget(v[key])
        v[key].grab()
    board.clear()
    assert v["samples"].body.tiles == [] and v["confusion"].matrix is None and v["feature_maps"].grids == []


def test_draw_pad_reads_a_stroke_as_the_network_sees_it(qtbot, trained):
    task, _ = trained
    board = ImageBoard()
    qtbot.addWidget(board)
    board.resize(900, 600)
    board.show()
    board.tabs.setCurrentWidget(board.draw_pad)
    pad = board.draw_pad
    board.set_model(task.model, (1, 8, 8), task.class_names)
    assert pad.seen_label.text() == "As the network sees it (8×8)"
    canvas = pad.canvas
    w, h = canvas.width(), canvas.height()
    # a vertical stroke down the middle: a "1"
    with qtbot.waitSignal(pad.predicted, timeout=2000):
        qtbot.mousePress(canvas, Qt.LeftButton, pos=QPoint(w // 2, h // 5))
        for k in range(1, 11):
            qtbot.mouseMove(canvas, QPoint(w // 2, h // 5 + k * (3 * h // 5) // 10))
        qtbot.mouseRelease(canvas, Qt.LeftButton, pos=QPoint(w // 2, 4 * h // 5))
    x = pad.last_input
    assert x.shape == (8, 8) and x.max() >= 0.45        # a 2-pixel-wide stroke straddling columns 3 and 4
    assert x[:, 3:5].sum() > 0.9 * x.sum()          # the ink sits in the middle columns
    assert pad.last_probs.shape == (10,) and abs(pad.last_probs.sum() - 1) < 1e-5
    np.testing.assert_allclose(pad.probs.values, pad.last_probs)
    assert len(pad.latencies) >= 1                   # moves were coalesced into few forward passes
    assert [label.property("layer") for label, _ in pad.maps.grids] == ["Conv2d #1 (layer 1)", "Conv2d #2 (layer 4)"]
    pad.canvas.clear()
    qtbot.waitUntil(lambda: pad.last_input is not None and pad.last_input.sum() == 0, timeout=2000)
    assert pad.last_probs is None and pad.probs.values is None and pad.maps.grids == []
    assert pad.probs.empty_text == "Draw on the paper: the probabilities appear as you draw."
    assert pad.maps.title.text() == "Draw on the paper: each conv layer's feature maps appear here as you draw."


def test_views_are_board_plots_and_the_pad_takes_a_finished_runs_weights(qtbot, trained):
    from types import SimpleNamespace
    from core.engine.events import PicturesEvent
    task, pictures = trained
    board = ImageBoard()
    qtbot.addWidget(board)
    view = board.views["confusion"]
    view.set_runs(["A", "B"])
    batch = SimpleNamespace(pictures=PicturesEvent(10, pictures), evals=[])
    view.add(1, batch)                         # compare mode: the second run is not drawn
    assert not view.dirty
    view.add(0, batch)
    assert view.dirty and view.matrix is None  # drawn at the board's pace
    view.redraw()
    assert np.array_equal(view.matrix, pictures["confusion"])
    weights = {k: v.detach().numpy() for k, v in task.model.state_dict().items()}
    board.set_trained(TEMPLATES["lenet_digits"].make().to_dict(), weights, task.class_names)
    pad = board.draw_pad
    x = np.zeros((8, 8), np.float32)
    x[1:7, 3:5] = 1
    expected = torch.softmax(task.model.eval()(torch.from_numpy(x)[None, None]), 1)[0].detach().numpy()
    got = __import__("core.tasks.images", fromlist=["predict"]).predict(pad.model, x[None])["probs"]
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)


def test_neuron_maps_view_draws_one_row_per_hidden_layer(qtbot):
    from torch import nn
    from core.tasks.neuron_maps import neuron_maps
    from gui.images.neuron_maps import NeuronMapsView
    view = NeuronMapsView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 4), nn.Tanh(), nn.Linear(4, 2))
    view.update_pictures({"neuron_maps": neuron_maps(model, np.linspace(-1, 1, 30), np.linspace(-1, 1, 30))})
    assert [len(g.tiles) for _, g in view.grids] == [8, 4]
    assert [lab.text() for lab, _ in view.grids] == ["1: ReLU: 8 neurons", "3: Tanh: 4 neurons"]
    view.grab()
    view.update_pictures({"probe": None})       # a tabular run without 2-D maps: nothing changes
    assert len(view.grids) == 2
    view.clear()
    assert view.grids == []


def test_the_pad_keeps_its_network_while_the_pictures_stay_and_drops_it_for_other_data(qtbot, trained):
    from core.data.text import from_text
    task, _ = trained
    board = ImageBoard()
    qtbot.addWidget(board)
    pad = board.draw_pad
    weights = {k: v.detach().numpy() for k, v in task.model.state_dict().items()}
    board.set_trained(TEMPLATES["lenet_digits"].make().to_dict(), weights, task.class_names)
    pad.set_data(task.data)                          # the same digits (another setting was edited)
    assert pad.model is not None
    pad.set_data(from_text("hello world. " * 40, "hello"))     # text now: the CNN no longer answers
    assert pad.model is None and pad.probs.values is None
    assert pad.probs.empty_text == "Train a network on pictures first."
