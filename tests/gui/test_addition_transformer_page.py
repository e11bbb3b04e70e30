"""The addition page with the Transformer: model choice, history, per-layer/head attention,
training options, and the comparison table's Transformer row and every-pair check."""
import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt

from core.addition import checkpoint
from core.addition.transformer import AdditionTransformer, TransformerConfig
from core.engine.events import EndEvent
from gui.addition import compare_panel, train_panel
from gui.addition.outcome import RunOutcome
from gui.addition.page import AdditionPage

SHIPPED_T = checkpoint.shipped_path("transformer")


@pytest.fixture
def page(qtbot):
    p = AdditionPage()
    qtbot.addWidget(p)
    yield p
    p.shutdown()


def ask(qtbot, page, text):
    page.ask_panel.prompt.setText(text)
    qtbot.keyClick(page.ask_panel.prompt, Qt.Key_Return)


@pytest.mark.skipif(not SHIPPED_T.is_file(), reason="shipped Transformer not trained yet")
def test_choose_the_transformer_ask_and_look_at_each_layer_and_head(page, qtbot):
    ap = page.ask_panel
    assert ap.current_kind() == "seq2seq" and not ap.layer_row.isVisibleTo(ap)
    ask(qtbot, page, "1+1")                                  # the Seq2Seq answers first
    ap.kind.setCurrentIndex(ap.kind.findData("transformer"))
    assert "Shipped model" in ap.model_label.text() and "Transformer" in ap.model_label.text()
    assert "1,000,000" in ap.model_label.text()              # its exhaustive check, from the metadata
    ask(qtbot, page, "123+45")
    assert "168" in ap.result_label.text() and "✓" in ap.result_label.text()
    assert ap.history.item(0).text().startswith("✓") and "Transformer" in ap.history.item(0).text()
    assert "Seq2Seq" in ap.history.item(1).text()
    assert ap.steps_table.rowCount() == 4 and "%" in ap.steps_table.item(0, 1).text()
    assert "“123+45=”" in ap.steps_note.text()
    assert ap.layer_row.isVisibleTo(ap)
    n_layers = ap.layer.count()
    assert n_layers == ap.solver.cfg.layers and ap.head.count() == ap.solver.cfg.heads + 1
    seen = []
    for li in range(n_layers):
        ap.layer.setCurrentIndex(li)
        for hi in range(ap.head.count()):
            ap.head.setCurrentIndex(hi)
            w = ap.attention.matrix
            assert w.shape == (10, 10) and np.allclose(w.sum(axis=1), 1, atol=1e-4)
            assert np.all(np.triu(w, 1) == 0)                # causal: nothing from the future
            seen.append(w.copy())
    assert not np.allclose(seen[0], seen[1])                 # heads differ
    ap.history.setCurrentRow(1)                              # the Seq2Seq's answer: its own map, no layer choice
    assert not ap.layer_row.isVisibleTo(ap) and ap.attention.matrix.shape == (4, 7)   # 4 steps over "1+1" padded to 7


def test_a_loaded_transformer_sets_the_choice(page, tmp_path):
    torch.manual_seed(0)
    path = checkpoint.save(AdditionTransformer(TransformerConfig(digits=2, layers=1, heads=2, width=16)), tmp_path / "t.pt")
    assert page.load_model(str(path))
    assert page.ask_panel.current_kind() == "transformer"
    assert "layers: 1, heads: 2, width: 16" in page.ask_panel.model_label.text()
    sol = page.ask_panel.solver.solve("12+34")
    assert sol.model_kind == "transformer" and sol.layer_attention.shape == (1, 2, 8, 8)   # "12+34=" + 2 of 3 answer chars


def test_train_panel_offers_the_transformer_with_its_own_options(page):
    tp = page.train_panel
    assert tp.cell.isVisibleTo(tp) and not tp.layers.isVisibleTo(tp)
    tp.kind.setCurrentIndex(tp.kind.findData("transformer"))
    assert not tp.cell.isVisibleTo(tp) and tp.layers.isVisibleTo(tp) and tp.coupled.isChecked()
    assert tp.batch.value() == train_panel.FAST["batch_size"] and tp.steps.value() == train_panel.FAST["max_steps"]
    spec = tp.config()
    assert spec.task == "addition_transformer" and spec.args["model"]["positions"] == "coupled"
    assert spec.optim.optimizer == "adamw" and spec.limits.target == 0.99
    tp.reverse_answer.setChecked(False)                      # coupled positions need the ones digit first
    assert not tp.coupled.isChecked()
    assert tp.config().args["model"]["positions"] == "absolute"
    tp.kind.setCurrentIndex(tp.kind.findData("seq2seq"))
    assert tp.config().task == "addition" and tp.batch.value() == 128


def test_comparison_gains_a_transformer_row_with_steps_to_99_and_every_pair(page, qtbot):
    jobs = compare_panel.comparison_jobs("lstm", 1000, False, True)
    assert [j.label for j in jobs][-1] == "transformer" and jobs[-1].task == "addition_transformer"
    assert jobs[-1].args["train_size"] == 45_000 and jobs[-1].limits.max_steps == 1000
    cp = page.compare_panel
    cp.reset(jobs)
    assert cp.table.rowCount() == 5 and cp.table.columnCount() == 8

    class Eval:                                               # what the training process reports
        def __init__(self, step, seconds, exact):
            self.step, self.seconds, self.metrics = step, seconds, {"exact": exact}

    class Batch:
        evals = [Eval(100, 2.0, 0.5), Eval(200, 4.0, 0.991), Eval(300, 6.0, 0.999)]
        step, total_steps, seconds = 300, 1000, 6.0

    cp.add_progress(4, Batch())
    torch.manual_seed(0)
    model = AdditionTransformer(TransformerConfig(digits=1, layers=1, heads=2, width=16))
    spec = jobs[-1]
    spec = type(spec)(spec.task, {**spec.args, "model": model.cfg.to_dict()}, spec.optim, spec.limits, spec.cadence,
                      label="transformer")
    end = EndEvent("target", "", 300, 0, 6.0, {"exact": 0.999, "per_digit": 0.9995})
    o = RunOutcome.from_end(4, spec, end)
    o.state_dict = {k: v.numpy() for k, v in model.state_dict().items()}
    cp.show_outcome(o)
    assert cp.table.item(4, 5).text() == "200" and cp.table.item(4, 6).text() == "4.0 s"
    assert cp.table.item(4, 1).text() == f"{sum(p.numel() for p in model.parameters()):,}"
    page._compare_outcomes = [o]
    cp.set_running(False)
    assert cp.check_button.isEnabled()
    cp.check_button.click()                                  # a 1-digit model: all 100 pairs
    assert page.is_checking()
    qtbot.waitUntil(lambda: not page.is_checking(), timeout=20_000)
    assert cp.table.item(4, 7).text().endswith("wrong)") and 4 in cp.exhaustive
    from core.addition.exhaustive import exhaustive_exact
    assert cp.exhaustive[4] == pytest.approx(exhaustive_exact(o.model()))


def test_train_a_transformer_in_the_training_process_then_use_and_save_it(page, qtbot, tmp_path):
    tp = page.train_panel
    tp.kind.setCurrentIndex(tp.kind.findData("transformer"))
    tp.digits.setValue(1)
    tp.layers.setValue(1)
    tp.heads.setCurrentIndex(tp.heads.findData(2))
    tp.width.setValue(16)
    tp.steps.setValue(50)
    tp.batch.setValue(64)
    tp.early_stop.setChecked(False)
    tp.start_button.click()
    assert page.is_running()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60_000)
    assert tp.loss_curve.series.n > 0 and tp.exact_curve.series.n > 0 and tp.digit_curve.series.n > 0
    assert "after 50 steps" in tp.result.text()
    tp.use_button.click()
    assert "Your trained model" in page.ask_panel.model_label.text() and "Transformer" in page.ask_panel.model_label.text()
    assert page.ask_panel.current_kind() == "transformer"
    ask(qtbot, page, "3+4")
    assert page.ask_panel.history.count() == 1 and page.ask_panel.layer_row.isVisibleTo(page.ask_panel)
    out = tmp_path / "mine.pt"
    assert page.save_model(str(out))
    back = checkpoint.load(out)
    assert isinstance(back, AdditionTransformer) and back.cfg.width == 16
    assert checkpoint.load_metadata(out)["steps"] == 50 and not (tmp_path / "mine.json").exists()


@pytest.mark.skipif(not SHIPPED_T.is_file(), reason="shipped Transformer not trained yet")
def test_a_long_attention_title_is_cut_not_the_map(page, qtbot):
    """At 1024 px the ask panel is ~500 px wide: the full title widened the plot past its panel and
    cut the map's last columns off; now the title gives way (cut with …, whole in the tooltip)."""
    page.resize(1024, 640)
    page.show()
    ap = page.ask_panel
    ap.kind.setCurrentIndex(ap.kind.findData("transformer"))
    ask(qtbot, page, "999+999")
    qtbot.wait(50)
    plot_item = ap.attention.plot.getPlotItem()
    assert ap.attention.matrix.shape == (11, 11)
    assert plot_item.width() <= ap.attention.plot.width() + 0.5              # everything inside its widget
    assert plot_item.titleLabel.text.endswith("…")
    assert ap.attention.plot.toolTip().endswith("(bright = strong)")
