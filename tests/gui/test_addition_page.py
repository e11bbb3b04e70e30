"""Addition page: prompts with ✓/✗ and steps, training in a thread (pause/stop/use/save), comparison."""
import dataclasses

import pytest
from PySide6.QtCore import Qt

from core.addition import checkpoint
from gui.addition import page as page_module
from gui.addition import compare_panel
from gui.addition.page import AdditionPage


@pytest.fixture
def page(qtbot):
    p = AdditionPage()
    qtbot.addWidget(p)
    yield p
    p.shutdown()


def ask(qtbot, page, text):
    page.ask_panel.prompt.setText(text)
    qtbot.keyClick(page.ask_panel.prompt, Qt.Key_Return)


def test_prompt_answers_with_check_mark_steps_and_attention(page, qtbot):
    assert "Shipped model" in page.ask_panel.model_label.text()
    ask(qtbot, page, "123+45")
    assert "168" in page.ask_panel.result_label.text() and "✓" in page.ask_panel.result_label.text()
    assert page.ask_panel.history.count() == 1
    assert page.ask_panel.history.item(0).text().startswith("✓")
    table = page.ask_panel.steps_table
    assert table.rowCount() == 4
    first = table.item(0, 1).text()  # top candidates with probabilities
    assert "%" in first
    assert page.ask_panel.attention.matrix.shape == (4, 7)
    ask(qtbot, page, "１２３＋４５")  # full-width works too
    assert page.ask_panel.history.count() == 2


def test_bad_prompt_shows_its_message_and_keeps_history(page, qtbot):
    ask(qtbot, page, "12-3")
    assert "Only addition (+)" in page.ask_panel.result_label.text()
    ask(qtbot, page, "1234+1")
    assert "4 digits" in page.ask_panel.result_label.text()
    assert page.ask_panel.history.count() == 0


def test_wrong_answers_get_a_cross(page, qtbot):
    class Liar:  # a model whose answer is always off by one
        def __init__(self, solver):
            self.solver = solver
            self.cfg = solver.cfg
            self.digits = solver.digits

        def solve(self, text):
            sol = self.solver.solve(text)
            return dataclasses.replace(sol, answer=str(sol.true_sum + 1), correct=False)

    page.ask_panel.solver = Liar(page.ask_panel.solver)
    ask(qtbot, page, "2+2")
    assert "✗" in page.ask_panel.result_label.text() and "true sum is 4" in page.ask_panel.result_label.text()
    assert page.ask_panel.history.item(0).text().startswith("✗")


def _tiny(panel):
    panel.digits.setValue(1)
    panel.hidden.setValue(16)
    panel.embed.setValue(4)
    panel.steps.setValue(60)
    panel.early_stop.setChecked(False)


def test_train_use_save_and_go_back(page, qtbot, tmp_path):
    tp = page.train_panel
    _tiny(tp)
    tp.start_button.click()
    assert page.is_running() and not tp.start_button.isEnabled()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=20_000)
    assert tp.loss_curve.series.n > 0 and tp.exact_curve.series.n > 0
    assert tp.use_button.isEnabled() and "after 60 steps" in tp.result.text()
    tp.use_button.click()
    assert "Your trained model" in page.ask_panel.model_label.text()
    assert "1 digit," in page.ask_panel.model_label.text()  # not "1 digits"
    assert "one digit per number" in page.ask_panel.prompt.placeholderText()
    assert page.ask_panel.shipped_button.isEnabled()
    ask(qtbot, page, "23+1")  # too many digits for a 1-digit model
    assert "trained on numbers of up to 1 digit." in page.ask_panel.result_label.text()
    ask(qtbot, page, "3+4")
    assert page.ask_panel.history.count() == 1
    out = tmp_path / "mine.pt"
    assert page.save_model(str(out))
    assert checkpoint.load(out).cfg.digits == 1 and checkpoint.load_metadata(out)["steps"] == 60
    page.ask_panel.shipped_button.click()
    assert "Shipped model" in page.ask_panel.model_label.text()
    assert page.load_model(str(out))
    assert "mine.pt" in page.ask_panel.model_label.text()


def test_history_notes_describe_the_model_that_answered(page, qtbot):
    from core.addition.model import ModelConfig, Seq2Seq
    ask(qtbot, page, "123+45")  # the shipped model reverses its input
    page._use_model(Seq2Seq(ModelConfig(digits=3, hidden=8, embed_dim=4, reverse_input=False)), "plain")
    ask(qtbot, page, "1+2")
    assert "input is reversed" not in page.ask_panel.steps_note.text()
    page.ask_panel.history.setCurrentRow(1)  # back to the shipped model's answer
    assert "“␣54+321”" in page.ask_panel.steps_note.text()
    assert "input is reversed" in page.ask_panel.steps_note.text()


def test_unusable_model_files_give_a_message_box(page, tmp_path, monkeypatch):
    import torch
    shown = []
    monkeypatch.setattr(page_module.QMessageBox, "warning", lambda _parent, title, text: shown.append(text))
    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"not a model")
    odd = tmp_path / "odd.pt"
    torch.save({"format": checkpoint.FORMAT, "model_config": 5, "state_dict": {}}, odd)
    for path in (garbage, odd, tmp_path / "missing.pt"):
        assert not page.load_model(str(path))
    assert len(shown) == 3 and all("\n" not in t for t in shown)
    assert "Shipped model" in page.ask_panel.model_label.text()  # the model in use is unchanged


def test_pause_then_stop(page, qtbot):
    tp = page.train_panel
    _tiny(tp)
    tp.steps.setValue(100_000)
    tp.start_button.click()
    qtbot.waitUntil(lambda: tp.progress.value() > 0, timeout=10_000)
    tp.pause_button.click()
    assert tp.pause_button.text() == "Resume"
    assert page.controller.is_paused()
    qtbot.wait(500)                                     # news already on its way arrives
    n = tp.progress.value()
    qtbot.wait(500)
    assert tp.progress.value() == n                     # paused in the training process: no more steps
    tp.pause_button.click()
    tp.stop_button.click()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=10_000)
    assert "stopped" in tp.result.text()
    assert tp.start_button.isEnabled() and not tp.stop_button.isEnabled()


def test_shutdown_joins_a_running_thread(page, qtbot):
    _tiny(page.train_panel)
    page.train_panel.steps.setValue(100_000)
    page.train_panel.start_button.click()
    qtbot.waitUntil(lambda: page.train_panel.progress.value() > 0, timeout=10_000)
    thread = page.controller._thread
    page.shutdown()
    assert not thread.isRunning() and not page.is_running()


def test_textbook_comparison_in_a_few_clicks(page, qtbot, monkeypatch):
    real = compare_panel.comparison_jobs

    def small(cell, steps, extra, with_transformer=False):
        out = []
        for spec in real(cell, steps, extra, with_transformer):
            tiny = {"width": 16, "heads": 2, "layers": 1} if spec.task == "addition_transformer" else {"hidden": 8, "embed_dim": 4}
            model = {**spec.args["model"], **tiny}
            out.append(dataclasses.replace(spec, args={**spec.args, "model": model, "train_size": 2000, "test_size": 200},
                                           limits=dataclasses.replace(spec.limits, max_steps=20),
                                           cadence=dataclasses.replace(spec.cadence, eval_every_steps=10)))
        return out

    monkeypatch.setattr(compare_panel, "comparison_jobs", small)
    page.show_comparison()
    assert page.right_tabs.currentWidget() is page.compare_panel
    names = [s.label for s in real("lstm", 1500, False)]
    assert names == ["baseline", "reversed", "peeky", "attention"]
    cfgs = [s.args["model"] for s in real("lstm", 1500, False)]
    assert [(m["reverse_input"], m["peeky"], m["attention"]) for m in cfgs] == [
        (False, False, False), (True, False, False), (True, True, False), (True, False, True)]
    page.compare_panel.with_transformer.setChecked(False)
    page.compare_panel.run_button.click()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    table = page.compare_panel.table
    assert table.rowCount() == 4
    assert all(table.item(r, 2).text().endswith("%") for r in range(4))
    assert all(c.series.n == 2 for c in page.compare_panel.curves)
    page.compare_panel.table.cellDoubleClicked.emit(3, 0)
    assert "Reversed + attention" in page.ask_panel.model_label.text()


def test_one_digit_explains_why_held_out_problems_stay_unsolved(page):
    panel = page.train_panel
    panel.digits.setValue(1)
    assert "only 100 problems" in panel.status.text()
    assert panel.config().args["test_size"] == 10
    panel.digits.setValue(2)
    assert "only 100 problems" not in panel.status.text()


def test_training_in_the_panel_leaves_the_apps_torch_state_alone(page, qtbot):
    """The run happens in the training process: this process's thread count and RNG are untouched."""
    import torch
    torch.set_num_threads(2)
    rng = torch.random.get_rng_state()
    tp = page.train_panel
    _tiny(tp)
    tp.steps.setValue(30)
    tp.start_button.click()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    assert "finished" in tp.result.text()
    assert torch.get_num_threads() == 2 and torch.equal(torch.random.get_rng_state(), rng)


def test_another_model_unmarks_the_last_answer_and_the_history_says_who_answered(page, qtbot):
    from core.addition.model import ModelConfig, Seq2Seq
    ask(qtbot, page, "123+45")
    panel = page.ask_panel
    assert panel.steps_table.rowCount() == 4 and panel.history.currentRow() == 0
    assert "Shipped model" in panel.history.item(0).text()
    page._use_model(Seq2Seq(ModelConfig(digits=3, hidden=8, embed_dim=4)), "other.pt")
    # the old model's answer is no longer shown as if this model had given it
    assert "168" not in panel.result_label.text() and "other.pt" in panel.result_label.text()
    assert panel.steps_table.rowCount() == 0 and panel.attention.matrix is None
    assert panel.history.currentRow() == -1
    ask(qtbot, page, "1+2")
    assert "other.pt" in panel.history.item(0).text() and "Shipped model" in panel.history.item(1).text()


def test_an_input_error_clears_the_previous_steps_and_heatmap(page, qtbot):
    ask(qtbot, page, "123+45")
    assert page.ask_panel.steps_table.rowCount() == 4 and page.ask_panel.attention.matrix is not None
    ask(qtbot, page, "12-3")
    assert "Only addition (+)" in page.ask_panel.result_label.text()
    assert page.ask_panel.steps_table.rowCount() == 0 and page.ask_panel.attention.matrix is None
    assert page.ask_panel.history.count() == 1 and page.ask_panel.history.currentRow() == -1


def test_the_progress_bar_is_full_after_an_early_stop_at_the_target(page):
    import numpy as np

    from core.engine.events import EndEvent
    from core.engine.process import RunBatch
    tp = page.train_panel
    tp.reset(2000)
    end = EndEvent("target", "Reached the target after 1,100 steps.", 1100, 0, 3.0, {"exact": 0.99})
    b = RunBatch(np.array([1100.0]), np.array([0.01]), np.array([0.01]), [], [], None, end, 1100, 0, 2000, 0,
                 0.01, 3.0)
    tp.add_progress(b, 128)
    assert tp.progress.value() == tp.progress.maximum() == 2000        # done, not 55 %
