"""The board tells the running task which pictures its visible tab draws: the training process
makes only those (hidden tabs' pictures are not made nor sent), a newly shown tab gets its
pictures at once, and after the run every tab's plots hold the final state."""
import pytest

from core.templates import TEMPLATES
from core.training.config import TrainConfig
from gui.training.board import PlotBoard


@pytest.fixture
def page(training_page):                                          # 2 inputs, two hidden ReLU layers
    return training_page(TEMPLATES["classifier_2d"].make(),
                         TrainConfig(dataset="moons", n_samples=100, epochs=4, batch_size=16))


def test_each_tab_names_the_pictures_its_plots_draw(qtbot):
    board = PlotBoard()
    qtbot.addWidget(board)
    seen = []
    board.pictures_wanted.connect(seen.append)
    expected = {"overview": ["boundary"], "flow": ["activity"], "histograms": ["histograms"],
                "neurons": ["neuron_maps"], "images": ["confusion", "misclassified", "per_class_acc", "samples"],
                "features": ["filters", "sample"], "draw": [], "text": ["attention"]}
    for tab, names in expected.items():
        board.show_tab(tab)
        assert board.wanted_pictures() == names, tab
    assert seen[-1] == ["attention"] and len(seen) == len(expected) - 1    # the overview was shown already


def test_the_task_makes_only_the_visible_tabs_pictures_and_all_at_the_end(qtbot, page, monkeypatch):
    posted = []
    real, real_start = page.controller.set_task_options, page.controller.start
    monkeypatch.setattr(page.controller, "set_task_options", lambda o: (posted.append(o), real(o)))
    monkeypatch.setattr(page.controller, "start",
                        lambda job, step=False, options=None: posted.append(options) or real_start(job, step, options))
    received = []              # every picture message the window gets from the training process
    page.controller.progress.connect(
        lambda p: received.extend(b.pictures.pictures for b in p.runs.values() if b.pictures is not None))
    page.settings.epochs.setValue(100_000)
    page.start()
    assert posted == [{"pictures": ["boundary"]}]       # the overview is shown: before the first batch
    qtbot.waitUntil(lambda: len(received) >= 3, timeout=20_000)
    assert all("neuron_maps" not in p and p["probe"].saturated is None and p["probe"].weight_hists is None
               for p in received)                                    # hidden tabs' pictures: not made
    assert received[-1]["probe"].grid_class.shape == (50, 50)
    assert page.board.neurons.grids == [] and page.histograms.weight_combo.count() == 0

    n = len(received)
    page.board.show_tab("neurons")
    assert posted[-1] == {"pictures": ["neuron_maps"]}
    # at once (not after another picture interval): the neuron maps, and only they
    qtbot.waitUntil(lambda: len(received) > n and "neuron_maps" in received[-1] and "probe" not in received[-1],
                    timeout=5_000)
    qtbot.waitUntil(lambda: len(page.board.neurons.grids) == 2, timeout=5_000)   # drawn: both ReLU layers

    page.board.show_tab("overview")
    assert posted[-1] == {"pictures": ["boundary"]}
    page.toggle_pause()                                              # paused: a tab shown now ...
    qtbot.waitUntil(lambda: page.controller.is_paused(), timeout=5_000)
    n = len(received)
    page.board.show_tab("histograms")
    qtbot.waitUntil(lambda: len(received) > n and received[-1]["probe"].weight_hists is not None,
                    timeout=5_000)                                   # ... gets its pictures while paused
    assert page.histograms.weight_combo.count() == 3 and received[-1]["probe"].grid_class is None
    page.board.show_tab("overview")
    page.stop()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=20_000)
    final = received[-1]                                             # the stop made every picture
    assert "neuron_maps" in final and final["probe"].saturated.shape == (2,)
    assert len(final["probe"].weight_hists) == 3 and final["probe"].grid_class is not None
    # every tab's plots hold that final state once shown
    for tab in ("flow", "histograms", "neurons"):
        page.board.show_tab(tab)
    assert page.board.activity.runs[0]["probe"] is final["probe"]
    assert page.histograms.weight_combo.count() == 3 and page.histograms.runs[0]["probe"] is final["probe"]
    assert len(page.board.neurons.grids) == 2


def test_a_finished_run_leaves_every_tab_with_its_final_pictures(qtbot, page):
    received = []
    page.controller.progress.connect(
        lambda p: received.extend(b.pictures.pictures for b in p.runs.values() if b.pictures is not None))
    page.start()                                                     # 4 epochs, the overview shown
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60_000)
    assert "Finished 4 epochs" in page.message.text()
    final = received[-1]
    assert "neuron_maps" in final and final["probe"].saturated is not None
    assert page.boundary.image_count() >= 1
    for tab in ("flow", "histograms", "neurons"):
        page.board.show_tab(tab)
        assert not any(p.dirty for p in page.board._tab_plots[page.board.currentIndex()])   # drawn when shown
    assert page.board.activity.runs[0]["probe"] is final["probe"]
    assert page.histograms.weight_combo.count() == 3
    assert len(page.board.neurons.grids) == 2
