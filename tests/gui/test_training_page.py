"""The training view: trains in a worker thread, plots what it receives, and obeys its buttons."""
import numpy as np
import pytest
import torch

from core.templates import TEMPLATES
from core.training.config import TrainConfig
from gui.editor.document import NetworkDocument
from gui.training.page import TrainingPage


@pytest.fixture
def page(training_page):                                          # 2 inputs, 2 classes
    return training_page(TEMPLATES["classifier_2d"].make(),
                         TrainConfig(dataset="moons", n_samples=100, epochs=4, batch_size=16))


def wait_done(qtbot, page, timeout=60_000):
    qtbot.waitUntil(lambda: not page.is_running(), timeout=timeout)


def test_trains_a_tiny_network_to_completion_and_every_plot_gets_data(qtbot, page):
    assert page.data.name == "moons" and not page.network_box.fit_label.isVisible()
    qtbot.mouseClick(page.start_button, qtbot_button())
    assert page.is_running() and not page.start_button.isEnabled()
    wait_done(qtbot, page)
    assert "Finished 4 epochs" in page.message.text()
    assert page.progress.value() == page.progress.maximum() == 4 * 5      # 80 train / 16 per batch
    # the plots received the run: all 20 step losses; epoch metrics (at most 20 a second, and
    # always after the last epoch) in the loss and accuracy plots
    run = page.loss_plot.runs[0]
    assert run["steps"].n == 20 and 1 <= run["epochs"].n <= 4
    assert run["epochs"].data()[0][-1] == 4
    x, y = run["step_curve"].getData()
    assert len(x) == 20 and np.all(np.isfinite(y))
    ep, acc = page.acc_plot.runs[0]["epochs"].data()
    assert ep[-1] == 4 and 0 <= acc[-1] <= 1
    stats = page.grad_bars.latest()
    assert stats.names == ("0: Linear", "2: Linear", "4: Linear") and np.all(stats.mean_abs > 0)
    assert page.boundary.image_count() >= 1
    page.resize(page.width() - 40, page.height() - 20)   # a resize (or the end message's second line)
    qtbot.wait(50)
    boundary = page.boundary.runs[0]                     # ... keeps the final boundary and the points
    assert boundary["img"].image.shape == (50, 50, 3)
    assert len(boundary["pts"][0].getData()[0]) + len(boundary["pts"][1].getData()[0]) == 80
    assert page.heatmap.column_count() >= 1
    assert page.histograms.weight_combo.count() == 3
    # the trained weights are kept in the document (saved with the project)
    w = page.document.weights()
    assert w is not None and set(w) == {"0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"}


def qtbot_button():
    from PySide6.QtCore import Qt
    return Qt.LeftButton


def test_step_from_idle_runs_exactly_one_batch_then_stop(qtbot, page):
    page.settings.epochs.setValue(200)
    page.step_once()                                    # starts paused, runs one batch
    assert page.is_running() and page.controls.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n == 1, timeout=10_000)
    page.step_once()
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n == 2, timeout=10_000)
    page.toggle_pause()                                 # resume: runs freely
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n > 10, timeout=10_000)
    page.stop()
    wait_done(qtbot, page)
    assert "Stopped" in page.message.text()
    steps = page.loss_plot.runs[0]["steps"].n
    assert steps < 200 * 5
    # Start again continues from the trained weights (plots restart: settings are unchanged,
    # the trainer is kept, so the step count continues)
    page.settings.epochs.setValue(1)
    page.start()
    wait_done(qtbot, page)
    assert page.message.property("error") is False


def test_closing_mid_run_stops_the_thread(qtbot, page):
    page.settings.epochs.setValue(100_000)
    page.start()
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n > 0, timeout=10_000)
    page.shutdown()
    assert not page.is_running()


def test_learning_rate_changes_while_running(qtbot, page):
    page.settings.epochs.setValue(100_000)
    page.start()
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n > 0, timeout=10_000)
    page.settings.lr.setValue(0.0005)                  # allowed while running
    assert page.settings.lr.isEnabled() and not page.settings.batch.isEnabled()
    qtbot.waitUntil(lambda: page.last_lr == 0.0005, timeout=10_000)   # reported back by the trainer
    page.stop()
    wait_done(qtbot, page)


def test_size_mismatch_is_shown_and_fixed_in_one_click(qtbot, page):
    page.select_dataset("spiral")                        # 3 classes; the network outputs 2
    assert page.network_box.fit_label.isVisible() and "3 classes" in page.network_box.fit_label.text()
    page.start()
    assert not page.is_running() and "Fit sizes" in page.message.text()
    qtbot.mouseClick(page.network_box.fit_button, qtbot_button())
    assert page.document.spec().layers[-1].params["out_features"] == 3
    assert not page.network_box.fit_label.isVisible()
    page.document.undo_stack.undo()                     # the fix is one undoable step
    assert page.document.spec().layers[-1].params["out_features"] == 2


def test_one_click_deep_sigmoid_vs_deep_relu_uses_its_own_known_good_settings(qtbot, page):
    s = page.settings                                   # what a learner may have left in the form:
    page.select_dataset("sine")                         # SGD at lr 10 on the sine diverged at once
    s.optimizer.setCurrentIndex(s.optimizer.findData("sgd"))
    s.lr.setValue(10.0)
    qtbot.mouseClick(s.sig_relu, qtbot_button())
    assert page.is_running() and len(page.loss_plot.runs) == 2
    cfg = s.config()
    assert (cfg.dataset, cfg.optimizer, cfg.lr, cfg.init) == ("moons", "momentum", 0.05, "he")
    assert page.guide.isVisible() and "sigmoid" in page.guide.text()
    wait_done(qtbot, page)
    assert not page.message.property("error"), page.message.text()
    a, b = page.grad_bars.latest(0), page.grad_bars.latest(1)
    assert len(a.names) == len(b.names) == 9
    # drawn relative to each net's last layer, sigmoid's first bar sits far below ReLU's
    (rel_a, _), (rel_b, _) = page.grad_bars.shown(0), page.grad_bars.shown(1)
    assert rel_a[-1] == rel_b[-1] == 1 and rel_a[0] * 100 < rel_b[0]
    assert [r["steps"].n for r in page.loss_plot.runs] == [20 * 15] * 2      # 480 rows / 32 per batch
    assert page.message.ends[0].metrics["val_acc"] < 0.7 < 0.95 < page.message.ends[1].metrics["val_acc"]
    assert page.document.weights() is None         # two templates trained: the editor's net keeps none


def test_settings_live_in_the_document_and_are_restored(qtbot, page):
    page.settings.lr.setValue(0.0031)
    page.settings.optimizer.setCurrentIndex(page.settings.optimizer.findData("sgd"))
    saved = page.document.training_settings()
    assert saved["lr"] == 0.0031 and saved["optimizer"] == "sgd"
    other = TrainingPage(page.document)
    qtbot.addWidget(other)
    cfg = other.settings.config()
    assert cfg.lr == 0.0031 and cfg.optimizer == "sgd" and cfg.dataset == "moons"


def test_saved_weights_seed_the_next_start(qtbot, page):
    torch.manual_seed(1)
    weights = {k: torch.randn_like(v) for k, v in page.document.weights().items()} \
        if page.document.weights() else None
    if weights is None:
        page.start()
        wait_done(qtbot, page)
        weights = page.document.weights()
    other = TrainingPage(page.document)
    qtbot.addWidget(other)
    assert other._make_runs(other.settings.config())
    sent = other._runs[0].state["model"]               # what the training process will load
    assert other._runs[0].weights_only
    assert set(sent) == set(weights)
    for k, v in weights.items():
        assert np.array_equal(sent[k], v.numpy())
    other.reset()                                       # reset: fresh random weights instead
    assert other._make_runs(other.settings.config())
    assert other._runs[0].state is None


def test_bad_csv_shows_the_message(qtbot, page, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,y\n1,0\nred,1\n3,0\n4,1\n", encoding="utf-8")
    page.open_csv(str(bad))
    assert page.data is None and "not numeric" in page.message.text()
    page.start()
    assert not page.is_running()
    good = tmp_path / "good.csv"
    good.write_text("a,b,y\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(40)), encoding="utf-8")
    page.open_csv(str(good))
    assert page.data is not None and page.data.n_classes == 2


def test_live_plots_survive_thousands_of_redraws(qtbot, monkeypatch):
    """PySide6 6.12 corrupted None's refcount in pyqtgraph paints (DESIGN.md): repaint the live
    plots 2000 times, each a real synchronous paint with fresh data."""
    from core.engine.events import EvalEvent, GradStats
    from core.engine.process import RunBatch
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from gui.training.curves import CurvesPlot
    from gui.training.gradient_plots import GradBarsPlot
    painted = {"curve": 0, "bars": 0}
    curve_paint, bar_paint = pg.PlotCurveItem.paint, pg.BarGraphItem.paint

    def count_curve(self, *args):
        painted["curve"] += 1
        return curve_paint(self, *args)

    def count_bars(self, *args):
        painted["bars"] += 1
        return bar_paint(self, *args)

    monkeypatch.setattr(pg.PlotCurveItem, "paint", count_curve)
    monkeypatch.setattr(pg.BarGraphItem, "paint", count_bars)
    loss, bars = CurvesPlot("loss"), GradBarsPlot()
    for w in (loss, bars):
        qtbot.addWidget(w)
        w.set_runs(["A"])
        w.resize(220, 160)                               # small: the paint path, not the pixels
        with qtbot.waitExposed(w):
            w.show()
    QApplication.processEvents()                         # lay the views out before painting
    rng = np.random.default_rng(0)
    for i in range(1000):
        metrics = dict(train_loss=1.0, train_acc=0.5, val_loss=1.0, val_acc=0.5)
        batch = RunBatch(np.array([i + 1.0]), rng.random(1), np.array([0.01]),
                         [EvalEvent(i + 1, i + 1, 0.0, metrics)],
                         [GradStats(i, ("0: Linear", "2: Linear"), rng.random(2), rng.random(2))],
                         None, None, i + 1, i, 3000, 1, 0.01, 0.0)
        loss.add(0, batch)
        bars.set_stats(0, batch.grads[0])
        loss.redraw()
        bars.redraw()
        loss.plot.viewport().repaint()
        bars.plot.viewport().repaint()
    # every repaint really painted: the loss plot's curves and the gradient bars, 1000 times each
    assert painted["curve"] >= 1000 and painted["bars"] >= 1000
    assert loss.runs[0]["steps"].n == 1000
    x, y = loss.runs[0]["train"].getData()
    assert len(x) == 1000


def test_exploding_loss_stops_with_advice_and_keeps_no_weights(qtbot, page):
    page.select_dataset("sine")                          # MSE regression: lr 10 blows up at once
    page.network_box.fit_network()
    s = page.settings
    s.optimizer.setCurrentIndex(s.optimizer.findData("momentum"))
    s.lr.setValue(10.0)
    page.start()
    wait_done(qtbot, page)
    text = page.message.text()
    assert page.message.property("error") and "smaller learning rate" in text and "inf" in text
    assert page.document.weights() is None and page._runs is None


def test_settings_and_trained_weights_round_trip_through_the_project_file(qtbot, page, tmp_path):
    page.settings.lr.setValue(0.02)
    page.start()
    wait_done(qtbot, page)
    trained = page.document.weights()
    path = tmp_path / "net.json"
    page.document.save(str(path))
    doc = NetworkDocument()
    doc.open(str(path))
    reopened = TrainingPage(doc)
    qtbot.addWidget(reopened)
    cfg = reopened.settings.config()
    assert cfg.lr == 0.02 and cfg.dataset == "moons" and cfg.epochs == 4
    assert reopened._make_runs(cfg)
    for k, v in trained.items():                       # the next Start continues from them
        assert np.array_equal(reopened._runs[0].state["model"][k], v.numpy())


def test_network_edited_mid_run_is_what_the_next_start_trains(qtbot, page):
    page.settings.epochs.setValue(100_000)
    page.start()
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n > 0, timeout=10_000)
    hidden = page.document.spec().layers[2]                 # Linear 16 -> 16
    page.document.set_param(hidden.id, "out_features", 7)   # edited while the run goes on
    page.stop()
    wait_done(qtbot, page)
    assert page.document.weights() is None                  # the old net's weights do not fit it
    page.step_once()                                        # one batch of the edited network
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n == 1, timeout=10_000)
    page.stop()
    wait_done(qtbot, page)
    w = page.document.weights()
    assert w is not None and tuple(w["2.weight"].shape) == (7, 16) and tuple(w["4.weight"].shape) == (2, 7)


def test_gradient_bars_stay_visible_however_small_the_gradients(qtbot):
    """A converged ReLU net has mean |grad| ~1e-11 and a deep sigmoid net's first layer ~1e-7:
    the log axis must reach down to them instead of stopping at a fixed 1e-6."""
    from core.engine.events import GradStats
    from gui.training.gradient_plots import GradBarsPlot
    bars = GradBarsPlot()
    qtbot.addWidget(bars)
    bars.relative.setChecked(False)                          # the raw values
    bars.set_runs(["A", "B"])
    bars.set_stats(0, GradStats(5, ("0: Linear", "2: Linear"), np.array([1e-7, 1e-2]), np.array([1e-6, 0.5])))
    bars.set_stats(1, GradStats(5, ("0: Linear", "2: Linear"), np.array([3e-12, 1e-11]), np.array([1e-10, 2e-10])))
    bars.redraw()
    lo, hi = bars.plot.getViewBox().viewRange()[1]
    assert lo <= np.log10(3e-12) - 0.5 and hi >= 0          # every bar's top and every dot is in view
    assert bars.runs[1]["bars"].opts["y0"] == -13            # bars grow up from one decade below the smallest


def test_gradient_axis_grows_at_once_and_shrinks_only_when_values_stay_small(qtbot):
    """The log axis no longer jumps between decades at every redraw (it flickered, and each jump
    re-laid the axis text): a wider range is taken at once, a narrower one after STEADY_REDRAWS."""
    from core.engine.events import GradStats
    from gui.training.gradient_plots import STEADY_REDRAWS, GradBarsPlot
    bars = GradBarsPlot()
    qtbot.addWidget(bars)
    bars.relative.setChecked(False)
    bars.set_runs(["A"])
    small = GradStats(1, ("0: Linear", "2: Linear"), np.array([1e-3, 1e-2]), np.array([1e-2, 0.5]))
    tiny = GradStats(2, ("0: Linear", "2: Linear"), np.array([1e-6, 1e-2]), np.array([1e-5, 0.5]))

    def floor():
        return bars.runs[0]["bars"].opts["y0"]
    bars.set_stats(0, small)
    bars.redraw()
    assert floor() == -4                      # one decade below 1e-3
    bars.set_stats(0, tiny)
    bars.redraw()
    assert floor() == -7                      # grows at once: 1e-6 is in view
    for k in range(STEADY_REDRAWS - 1):
        bars.set_stats(0, small)
        bars.redraw()
        assert floor() == -7                  # still needed by a recent redraw
    bars.set_stats(0, small)
    bars.redraw()
    assert floor() == -4                      # ten redraws without it: back to the values' own range
    lo, _ = bars.plot.getViewBox().viewRange()[1]
    assert -4.2 < lo < -3.9


def test_zero_gradients_draw_no_bar_and_do_not_stretch_the_axes(qtbot):
    from types import SimpleNamespace

    from core.engine.events import GradStats
    from gui.training.gradient_plots import GradBarsPlot, GradHeatmap
    bars, heat = GradBarsPlot(), GradHeatmap()
    for w in (bars, heat):
        qtbot.addWidget(w)
        w.set_runs(["A"])
    bars.relative.setChecked(False)
    dead = GradStats(3, ("0: Linear", "2: Linear"), np.array([0.0, 1e-3]), np.array([0.0, 1e-2]))
    bars.set_stats(0, dead)
    bars.redraw()
    assert bars.plot.getViewBox().viewRange()[1][0] > -5          # from 1e-4, not from 1e-31
    assert bars.runs[0]["bars"].opts["height"][0] == 0             # the dead layer: no bar
    assert len(bars.runs[0]["dots"].getData()[0]) == 1             # and no max |grad| dot
    heat.add(0, SimpleNamespace(grads=[dead]))
    heat.redraw()
    assert heat.runs[0]["bar"].levels() == (-3.0, -2.0)            # colours span the real values


def test_a_pause_does_not_count_as_slow_training(qtbot, page):
    page.settings.epochs.setValue(100_000)
    page.start()
    qtbot.waitUntil(lambda: page.controls.pace.rate > 20, timeout=10_000)   # steps/s while running
    page.toggle_pause()
    qtbot.wait(700)                                                 # a learner looks, then steps
    n = page.loss_plot.runs[0]["steps"].n
    page.step_once()
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n > n and "paused" in page.status.text(),
                    timeout=10_000)
    qtbot.waitUntil(lambda: page.controls._pending is None, timeout=5_000)
    assert page.controls.pace.rate > 20                             # not "1 steps/s, 400 h remaining"
    page.stop()
    wait_done(qtbot, page)


def test_out_of_range_settings_in_a_project_file_load_clamped(qtbot, tmp_path):
    import json
    doc = NetworkDocument(TEMPLATES["classifier_2d"].make())
    path = tmp_path / "edited.json"
    doc.set_training_settings(TrainConfig().to_dict())
    doc.save(str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["training"].update(seed=-5, n_samples=3, noise=-1)        # edited by hand
    path.write_text(json.dumps(data), encoding="utf-8")
    doc.open(str(path))
    page = TrainingPage(doc)                  # was: ValueError from numpy for the negative seed
    qtbot.addWidget(page)
    cfg = page.settings.config()
    assert (cfg.seed, cfg.n_samples, cfg.noise) == (0, 10, 0.0)
    assert page.data is not None and len(page.data.x_train) + len(page.data.x_val) == 10


def test_no_thread_outlives_its_run(qtbot, page):
    """Each run's relay thread is deleted when the run ends (one QThread leaked per run before)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThread
    page.settings.epochs.setValue(1)
    for _ in range(3):
        page.start()
        wait_done(qtbot, page)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert page.controller.findChildren(QThread) == [] and page.finished_runs == 3
    assert not page.controller.is_running()


def test_a_learning_rate_typed_while_paused_drives_the_next_single_step(qtbot, page):
    page.settings.epochs.setValue(200)
    page.step_once()                                          # starts paused, one batch at the form's lr
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n == 1, timeout=10_000)
    page.settings.lr.setValue(0.0005)                          # typed while paused
    page.step_once()
    qtbot.waitUntil(lambda: page.last_lr == 0.0005, timeout=10_000)
    assert page.loss_plot.runs[0]["steps"].n == 2              # the very next batch used it
    page.stop()
    wait_done(qtbot, page)


def test_more_epochs_continue_the_run_but_new_data_starts_afresh(qtbot, page):
    page.settings.epochs.setValue(1)
    page.start()
    wait_done(qtbot, page)
    state = page._runs[0].state
    assert state["step"] == 5 and state["optimizer"]["state"]       # Adam's moments kept for Continue
    page.settings.epochs.setValue(2)                               # more epochs: the same run goes on
    assert page._runs is not None and page._runs[0].state is state
    page.start()
    wait_done(qtbot, page)
    assert page._runs[0].state["step"] == 5 + 10 and page.loss_plot.runs[0]["steps"].n == 15
    page.select_dataset("circles")                                  # other data: a fresh run
    assert page._runs is None


def test_exact_zero_gradients_are_drawn_as_zero_not_as_small(qtbot):
    from types import SimpleNamespace

    from core.engine.events import GradStats
    from gui.training.gradient_plots import GradBarsPlot, GradHeatmap
    bars, heat = GradBarsPlot(), GradHeatmap()
    for w in (bars, heat):
        qtbot.addWidget(w)
        w.set_runs(["A"])
    dead = GradStats(3, ("0: Linear", "2: Linear"), np.array([0.0, 1e-3]), np.array([0.0, 1e-2]))
    bars.set_stats(0, dead)
    bars.redraw()
    x, _ = bars.runs[0]["zeros"].getData()
    assert list(x) == [0.0]                                          # a "0" cross on the dead layer only
    heat.add(0, SimpleNamespace(grads=[dead]))
    heat.redraw()
    img = heat.runs[0]["img"].image
    assert np.isnan(img[0, 0]) and img[1, 0] == -3.0                 # no colour (white), not the darkest


def test_the_two_gradient_heatmaps_share_one_colour_scale(qtbot):
    from types import SimpleNamespace

    from core.engine.events import GradStats
    from gui.training.gradient_plots import GradHeatmap
    heat = GradHeatmap()
    qtbot.addWidget(heat)
    heat.set_runs(["A: sigmoid", "B: ReLU"])
    names = ("0: Linear", "2: Linear")
    heat.add(0, SimpleNamespace(grads=[GradStats(1, names, np.array([1e-7, 1e-2]), np.ones(2))]))
    heat.add(1, SimpleNamespace(grads=[GradStats(1, names, np.array([1e-3, 1e-2]), np.ones(2))]))
    heat.redraw()
    assert heat.runs[0]["bar"].levels() == heat.runs[1]["bar"].levels() == (-7.0, -2.0)
    assert heat.runs[0]["img"].levels.tolist() == heat.runs[1]["img"].levels.tolist() == [-7.0, -2.0]


def test_the_saturation_chart_labels_each_nets_own_layers(qtbot):
    from gui.training.probe_plots import ActivityPlot
    plot = ActivityPlot()
    qtbot.addWidget(plot)
    ticks, label = plot.tick_labels([("1: Sigmoid", "3: Sigmoid"), ("1: ReLU", "3: ReLU")], ["A", "B"])
    assert ticks == [(0, "1"), (1, "3")] and label == "activation layer (A: Sigmoid · B: ReLU)"
    ticks, label = plot.tick_labels([("1: Tanh", "3: Sigmoid"), ("1: ReLU", "3: ReLU")], ["A", "B"])
    assert ticks == [(0, "1: Tanh | ReLU"), (1, "3: Sigmoid | ReLU")] and label == ""
    assert plot.tick_labels([("1: ReLU",)]) == ([(0, "1: ReLU")], "")


def test_unchecking_compare_removes_the_a_b_plots(qtbot, page):
    page.settings.set_compare("deep_sigmoid", "deep_relu")
    page._settings_edited()
    assert [r for r in page.loss_plot.runs] and len(page.loss_plot.runs) == 2
    page.settings.compare.setChecked(False)                          # the learner unticks it
    assert len(page.loss_plot.runs) == 1 and len(page.boundary.runs) == 1 and len(page.heatmap.runs) == 1


def test_changing_the_data_starts_fresh_instead_of_mixing_old_weights(qtbot, page):
    page.start()
    wait_done(qtbot, page)
    assert page.document.weights() is not None and page.loss_plot.runs[0]["steps"].n == 20
    page.select_dataset("circles")                                   # same sizes: the old weights would fit
    assert page.loss_plot.runs[0]["steps"].n == 0                    # the old curves are gone
    assert "fresh random weights" in page.message.text()
    assert page._make_runs(page.settings.config())
    assert page._runs[0].state is None                               # not the moons-trained weights


def test_changing_the_network_starts_fresh(qtbot, page):
    page.start()
    wait_done(qtbot, page)
    page.document.set_spec(page.document.spec(), "same sizes, new network")   # weights still fit
    assert page.loss_plot.runs[0]["steps"].n == 0 and "network changed" in page.message.text()
    assert page._make_runs(page.settings.config()) and page._runs[0].state is None


def test_while_paused_the_message_says_paused_and_the_end_gives_figures(qtbot, page):
    page.settings.epochs.setValue(100_000)
    page.start()
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n > 0, timeout=10_000)
    assert page.message.text().startswith("Training on CPU")
    page.toggle_pause()
    assert "Paused at step" in page.message.text() and "Training on" not in page.message.text()
    page.toggle_pause()
    assert page.message.text().startswith("Training on CPU")
    page.settings.epochs.setValue(4)
    page.stop()
    wait_done(qtbot, page)
    text = page.message.text()
    assert "Stopped" in text and "validation loss" in text and "validation accuracy" in text
    val = page.message.ends[0].metrics["val_acc"]
    assert f"validation accuracy {val * 100:.1f} %" in text


def test_a_loss_that_ends_far_above_its_start_is_a_warning_not_finished(qtbot, page):
    s = page.settings
    s.optimizer.setCurrentIndex(s.optimizer.findData("adam"))
    s.lr.setValue(10.0)
    s.epochs.setValue(10)
    page.start()
    wait_done(qtbot, page)
    text = page.message.text()
    assert page.message.property("warning") or page.message.property("error"), text
    assert "far above where it started" in text or "dead" in text or "inf" in text, text


def test_a_learning_rate_above_the_limit_is_refused_with_the_reason(qtbot, page):
    s = page.settings
    s.lr.setValue(0.02)
    s.lr.setValue(100.0)                                   # typed, then Enter
    assert s.lr.value() == 0.02 and s.config().lr == 0.02   # not silently 10: the old rate stays
    assert s.lr_message.isVisible() and "100" in s.lr_message.text() and "at most 10" in s.lr_message.text()
    assert page.document.training_settings()["lr"] == 0.02
    s.lr.setValue(0.5)
    assert not s.lr_message.isVisible() and s.config().lr == 0.5


def test_learning_rate_changes_are_marked_on_the_loss_plot_and_loss_has_a_log_scale(qtbot, page):
    from types import SimpleNamespace
    plot = page.loss_plot
    batch = SimpleNamespace(steps=np.arange(1.0, 7.0), losses=np.linspace(1, 0.1, 6),
                            lrs=np.array([0.01, 0.01, 0.01, 0.001, 0.001, 0.05]), evals=[], steps_per_epoch=5)
    plot.add(0, batch)
    plot.redraw()
    assert plot.lr_marks() == [(4.0, 0.001), (6.0, 0.05)]
    lines = plot.runs[0]["lr_lines"]
    assert [ln.value() for ln in lines] == [4.0, 6.0] and lines[0].label.toPlainText() == "lr 0.001"
    plot.set_x_mode("epoch")
    assert [ln.value() for ln in lines] == [0.8, 1.2]
    plot.log_scale.setChecked(True)
    assert plot.plot.getPlotItem().ctrl.logYCheck.isChecked()
    plot.set_runs(["Network"])                             # a new run: no old marks
    assert plot.lr_marks() == [] and plot.runs[0]["lr_lines"] == []


def test_export_run_writes_a_script_that_trains_like_the_page(qtbot, page, tmp_path):
    import importlib.util
    path = tmp_path / "my_run.py"
    assert page.network_box.export_run(str(path))
    assert "Exported the run" in page.message.text() and "python my_run.py" in page.message.text()
    spec = importlib.util.spec_from_file_location("my_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    script = module.train(1, verbose=False)
    page.settings.epochs.setValue(1)
    page.start()
    wait_done(qtbot, page)
    app = page.loss_plot.runs[0]["steps"].data()[1]
    assert len(script) == len(app) == 5 and np.max(np.abs(np.array(script) - app)) < 1e-4
    page.settings.set_compare("deep_sigmoid", "deep_relu")
    assert not page.network_box.export_run(str(tmp_path / "two.py")) and "Compare" in page.message.text()


def test_a_large_csv_is_read_off_the_gui_thread_with_progress_and_cancel(qtbot, page, tmp_path, monkeypatch):
    import gui.training.data_source as source_module
    monkeypatch.setattr(source_module, "LARGE_FILE_BYTES", 10_000)       # "large" for the test: ~600 rows
    path = tmp_path / "big.csv"
    path.write_text("a,b,y\n" + "".join(f"{i % 97},{i % 13},{i % 2}\n" for i in range(20_000)), encoding="utf-8")
    assert page.open_csv(str(path)) is False                            # not read yet: the window goes on
    assert page.read_bar.is_running() and page.data.name == "moons"      # the old data stays until then
    qtbot.waitUntil(lambda: page.data is not None and page.data.name != "moons", timeout=60_000)
    assert not page.read_bar.isVisible() and page.data.n_features == 2
    assert len(page.data.x_train) + len(page.data.x_val) == 20_000 and "y" in page.settings.target.currentText()
    page.settings.seed.setValue(3)                                       # a new read, cancelled at once
    assert page.data is None and page.read_bar.is_running()
    page.read_bar.cancel()
    assert not page.read_bar.is_running() and page.data is None
    page.settings.seed.setValue(4)                                       # and a read that completes
    qtbot.waitUntil(lambda: page.data is not None, timeout=60_000)


def test_compare_legends_take_one_column_per_network(qtbot, page):
    page.settings.set_compare("deep_sigmoid", "deep_relu")
    page._settings_edited()
    for plot in (page.loss_plot, page.acc_plot, page.grad_bars):
        legend = plot.plot.getPlotItem().legend
        assert legend.columnCount >= 2 and len(legend.items) <= 2 * legend.columnCount   # two rows at most
        assert all(len(label.text) < 30 for _, label in legend.items)      # "A", "validation", not the full names
    page.settings.compare.setChecked(False)
    assert page.loss_plot.plot.getPlotItem().legend.columnCount == 1


def test_the_boundary_view_gives_way_to_its_note_where_the_data_has_no_picture(qtbot):
    from types import SimpleNamespace

    from core.data.datasets import make_dataset
    from gui.training.probe_plots import BoundaryPlot
    plot = BoundaryPlot()
    qtbot.addWidget(plot)
    plot.resize(330, 300)
    plot.show()
    plot.set_runs(["A", "B"])
    digits = SimpleNamespace(n_features=64, n_classes=10, vocab=None, x_train=np.zeros((5, 64)), y_train=np.zeros(5))
    plot.set_data(digits)                                            # 8x8 digits: no plane to draw
    assert not plot.view.isVisible() and plot.note.wordWrap()
    assert plot.note.text() == "A picture needs 2-D classification or 1-D regression data;\nthis data has 64 features."
    plot.set_data(make_dataset("moons", 40, seed=0))
    assert plot.view.isVisible() and not plot.note.wordWrap()
    assert plot.note.text().startswith("Background: the predicted class")


def test_export_is_refused_before_a_file_is_chosen_with_the_reason_on_the_button(qtbot, training_page):
    page = training_page(TEMPLATES["lenet_digits"].make(), TrainConfig(dataset="digits", epochs=1))
    qtbot.waitUntil(lambda: page.data is not None and page.data.name == "digits", timeout=30_000)
    button = page.network_box.export_button
    assert not button.isEnabled()
    assert button.toolTip() == "Only generated data sets and CSV files can be exported as a script."
    page.document.set_spec(TEMPLATES["classifier_2d"].make(), "points")
    page.select_dataset("moons")
    qtbot.waitUntil(lambda: page.data is not None and page.data.name == "moons", timeout=10_000)
    assert button.isEnabled() and button.toolTip().startswith("A script with the data, model")
    page.settings.compare.setChecked(True)
    assert not button.isEnabled()
    assert button.toolTip() == "Export writes one network's run: turn Compare mode off first."
