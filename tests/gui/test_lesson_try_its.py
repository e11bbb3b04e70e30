"""Every lesson's "try it", clicked as a learner would: it sets up everything, starts clean, says what
to watch, and the promised outcome happens (the linear net on circles stays near chance, ...)."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.lessons.catalog import LESSONS
from core.lessons.setups import SETUPS
from core.templates import TEMPLATES
from core.training.config import TrainConfig, data_kind
from gui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow(restore_geometry=False)
    qtbot.addWidget(w, before_close_func=lambda win: win.document.mark_saved())
    w.resize(1280, 800)
    w.show()
    yield w
    w.shutdown()


def _spoil(page):
    """What a learner may have left behind: another run's curves, wild settings, another network."""
    page.document.set_spec(TEMPLATES["deep_relu"].make(), "other")
    page.settings.set_config(TrainConfig(dataset="sine", optimizer="sgd", lr=10.0, epochs=1, n_samples=50))
    page._settings_edited()
    page.loss_plot.runs[0]["steps"].extend(np.arange(5.0), np.full(5, 6.5))   # stale curve


def test_every_try_it_sets_up_everything_and_keeps_its_promise(window, qtbot):
    page = window.training_page
    seen = set()
    for row, lesson in enumerate(LESSONS):
        for t in lesson.try_its:
            window.show_page("lessons")
            window.lessons_page.lesson_list.setCurrentRow(row)
            button = next(b for b in window.lessons_page.try_buttons if b.property("action") == t.action)
            qtbot.waitUntil(lambda: button.isVisible() and button.height() > 10)     # laid out
            kind, verb, arg = (t.action.split(":") + ["", ""])[:3]
            if kind == "training" and SETUPS[arg].config().kind == "text":
                _walk_text_setup(window, page, button, SETUPS[arg], qtbot)
            elif kind == "training":
                _spoil(page)
                with qtbot.waitSignal(page.training_finished, timeout=90_000):
                    qtbot.mouseClick(button, Qt.LeftButton)
                    assert window.tabs.currentWidget() is page, t.action
                    # a clean run: the stale curve is gone the moment the lesson arrives
                    assert page.loss_plot.runs[0]["steps"].n == 0 or page.is_running(), t.action
                setup = SETUPS[arg]
                cfg = page.settings.config()
                for key, value in setup.settings.items():
                    assert getattr(cfg, key) == value, (t.action, key)
                assert page.guide.isVisible() and page.guide.text() == setup.look, t.action
                assert not page.message.property("error"), (t.action, page.message.text())
                assert "Finished" in page.message.text() and "validation accuracy" in page.message.text()
                if setup.network:
                    assert len(page.loss_plot.runs) == 1
                    kinds = [layer.kind for layer in page.document.spec().layers]
                    assert kinds == [layer.kind for layer in TEMPLATES[setup.network].make().layers], t.action
                else:
                    assert len(page.loss_plot.runs) == 2 and page.settings.compare_on()
                # the first step starts from fresh weights: a loss near log(classes), not 6.5
                first = page.loss_plot.runs[0]["steps"].data()[1][0]
                assert first < 3, (t.action, first)
                accs = [e.metrics["val_acc"] for e in page.message.ends]
                for i, (lo, hi) in enumerate(zip(setup.expect.min_val_acc or [None] * len(accs),
                                                 setup.expect.max_val_acc or [None] * len(accs))):
                    assert lo is None or accs[i] >= lo, (t.action, i, accs)
                    assert hi is None or accs[i] <= hi, (t.action, i, accs)
                if setup.expect.first_layer_ratio:
                    (rel_a, _), (rel_b, _) = page.grad_bars.shown(0), page.grad_bars.shown(1)
                    assert rel_a[0] * setup.expect.first_layer_ratio < rel_b[0], t.action
            else:
                qtbot.mouseClick(button, Qt.LeftButton)
                assert window.tabs.currentWidget() is window.pages[kind], t.action
                if kind == "editor":
                    kinds = [layer.kind for layer in window.document.spec().layers]
                    assert kinds == [layer.kind for layer in TEMPLATES[arg].make().layers], t.action
                    assert TEMPLATES[arg].doc in window.statusBar().currentMessage(), t.action
                    made_for = TEMPLATES[arg].dataset        # the Training page has data of its kind
                    assert not made_for or data_kind(page.settings.dataset.currentData()) == data_kind(made_for)
                    if made_for == "digits":                 # ... and the CNN fits it as it is
                        qtbot.waitUntil(lambda: page.data is not None and page.data.name == "digits", timeout=30_000)
                        assert page.network_box.fit_label.text() == "", t.action
                elif verb == "compare":
                    assert window.addition_page.right_tabs.currentWidget() is window.addition_page.compare_panel
                if kind == "addition":                              # says what to do on arrival
                    assert window.statusBar().currentMessage(), t.action
            seen.add(t.action)
    assert {f"training:setup:{name}" for name in SETUPS} <= seen


def _walk_text_setup(window, page, button, setup, qtbot):
    """A text set-up trains for minutes: everything is set up, the Text tab is in front, the first
    live sample arrives (its pictures come every ~10 s), then the run is stopped."""
    _spoil(page)
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.tabs.currentWidget() is page and page.is_running()
    cfg = page.settings.config()
    for key, value in setup.settings.items():
        assert getattr(cfg, key) == value, (setup.name, key)
    assert page.guide.isVisible() and page.guide.text() == setup.look
    assert page.board.tabText(page.board.currentIndex()) == "Text"
    spec = page.document.spec()
    assert [layer.kind for layer in spec.layers] == [layer.kind for layer in TEMPLATES[setup.network].make().layers]
    V = page.data.vocab_size
    assert spec.layers[0].params["num_embeddings"] == V and spec.layers[-1].params["out_features"] == V
    assert not page.network_box.fit_label.isVisible() and not page.message.property("error")
    board = page.board          # the board draws the visible tab's views one per frame
    qtbot.waitUntil(lambda: board.text_samples.sample_count() > 0 and board.attention.current_map() is not None
                    or not page.is_running(), timeout=60_000)
    assert board.text_samples.sample_count() == 1 and board.attention.current_map() is not None
    first = page.loss_plot.runs[0]["steps"].data()[1][0]
    assert abs(first - np.log(V)) < 0.5                  # fresh weights: a uniform guess over the vocabulary
    with qtbot.waitSignal(page.training_finished, timeout=30_000):
        page.stop()
    assert page.message.text().startswith("Stopped.") and not page.message.property("error")


def test_a_try_it_while_training_stops_the_run_and_then_sets_up(window, qtbot):
    page = window.training_page
    page.settings.epochs.setValue(100_000)
    page.start()
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n > 0, timeout=10_000)
    with qtbot.waitSignal(page.training_finished, timeout=10_000):
        window.on_try_it("training:setup:xor")              # the old run stops ...
    with qtbot.waitSignal(page.training_finished, timeout=60_000):
        pass                                                # ... and the lesson's run trains
    assert page.settings.config().dataset == "xor" and page.message.ends[0].metrics["val_acc"] >= 0.9
