"""Lessons page: the lesson path, "try it" signals, and each lab driven as a learner would."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import i18n
from core.lessons import catalog
from gui.lessons.graph_view import NodeItem
from gui.lessons.page import LessonsPage, lesson_html


@pytest.fixture
def page(qtbot):
    p = LessonsPage()
    qtbot.addWidget(p)
    p.resize(1280, 740)
    p.show()
    yield p
    p.shutdown()


def test_lessons_in_the_notes_order_each_with_its_lab(page):
    assert page.lesson_list.count() == len(catalog.LESSONS) == 10
    assert page.lesson_list.item(0).text() == "1. Tensors"
    expected = {"tensors": page.tensor_lab, "numpy": page.numpy_lab, "autograd": page.autograd_lab,
                "network": page.forward_lab, "linear": page.linear_lab, "activations": page.activation_lab,
                "vanishing": page.depth_lab, "convolution": page.conv_lab, "seq2seq": page.seq2seq_lab,
                "transformer": page.transformer_lab}
    for lesson_id, lab in expected.items():
        page.show_lesson(lesson_id)
        assert page.current_lab() is lab
        assert page.current_lesson().id == lesson_id
        assert page.current_lesson().title in page.text.toPlainText()
    page.show_lesson("tensors")
    page.next_button.click()
    assert page.current_lesson().id == "numpy"
    page.prev_button.click()
    assert page.current_lesson().id == "tensors" and not page.prev_button.isEnabled()


def test_try_it_buttons_emit_action_ids(page, qtbot):
    page.show_lesson("vanishing")
    assert [b.property("action") for b in page.try_buttons] == \
        [t.action for t in catalog.lesson("vanishing").try_its]
    with qtbot.waitSignal(page.try_it, timeout=1000) as blocker:
        qtbot.mouseClick(page.try_buttons[0], Qt.LeftButton)
    assert blocker.args == ["training:setup:sigmoid_vs_relu"]
    page.show_lesson("seq2seq")
    assert [b.property("action") for b in page.try_buttons] == ["addition", "addition:compare"]
    with qtbot.waitSignal(page.try_it, timeout=1000) as blocker:
        qtbot.mouseClick(page.try_buttons[0], Qt.LeftButton)
    assert blocker.args == ["addition"]


def test_remembers_the_current_lesson(qtbot):
    p = LessonsPage()
    qtbot.addWidget(p)
    p.show_lesson("autograd")
    again = LessonsPage()
    qtbot.addWidget(again)
    assert again.current_lesson().id == "autograd"


def test_tensor_lab_runs_and_explains(page):
    page.show_lesson("tensors")
    lab = page.tensor_lab
    lab.select_operation("tensor")
    assert lab.result.ok and lab.result.shape == (2, 3) and lab.result.dtype == "float64"
    assert lab.grid.rowCount() == 2 and lab.grid.columnCount() == 3 and lab.grid.item(1, 2).text() == "6."
    assert "rank</b> 2" in lab.info.text() and "float64" in lab.info.text()
    lab.select_operation("view")
    lab.set_field("shape", "4, 2")
    lab.run()
    assert not lab.result.ok and lab.message.isVisible() and "size 6" in lab.message.text()
    assert lab.grid.isHidden()
    lab.set_field("shape", "3, x")
    lab.run()
    assert lab.result.bad_arg == "shape" and "border" in lab.fields["shape"].styleSheet()
    assert lab.fields["shape"].selectedText() == "x"
    lab.set_field("shape", "3, 2")
    lab.run()
    assert lab.result.ok and lab.fields["shape"].styleSheet() == "" and lab.grid.rowCount() == 3


def test_tensor_lab_shows_a_long_tensor_without_freezing(page):
    from PySide6.QtWidgets import QHeaderView
    page.show_lesson("tensors")
    lab = page.tensor_lab
    # ResizeToContents re-measured every column on every cell: arange(0, 1000) took ~17 s, 10000 minutes
    assert lab.grid.horizontalHeader().sectionResizeMode(0) != QHeaderView.ResizeToContents
    lab.select_operation("arange")
    lab.set_field("end", "10000")
    lab.run()
    assert lab.result.ok and lab.grid.columnCount() == 10000 and lab.grid.item(0, 9999).text() == "9999"
    assert lab.grid.columnWidth(0) >= lab.grid.fontMetrics().horizontalAdvance("0")  # still sized to the text
    # the one row stays visible above the horizontal scroll bar
    g = lab.grid
    assert g.height() >= (g.horizontalHeader().height() + g.rowHeight(0) + g.horizontalScrollBar().sizeHint().height())


def test_tensor_lab_device_choice(page):
    page.show_lesson("tensors")
    lab = page.tensor_lab
    lab.select_operation("to")
    combo = lab.fields["device"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["cpu", "cuda", "mps"]
    assert "available" in combo.itemText(0)
    from core.lessons.tensor_lab import devices
    for d in devices():
        lab.set_field("device", d.name)  # a choice runs at once
        assert lab.result.ok == d.available
        if not d.available:
            assert lab.message.isVisible() and lab.result.explanation


def test_numpy_lab_shows_shared_memory_step_by_step(page):
    page.show_lesson("numpy")
    lab = page.numpy_lab
    assert lab.current_op().id == "from_numpy"
    assert len(lab.steps.labels) == 8 and lab.steps.isVisible()  # 4 steps × (code, values)
    assert "tensor → [<b" in lab.steps.labels[-1].text() and "100" in lab.steps.labels[-1].text()
    lab.set_field("how", "tensor")
    assert "copies" in lab.result.note and lab.grid.item(0, 0).text() == "1"


def test_autograd_lab_opens_on_the_notes_example(page):
    page.show_lesson("autograd")
    lab = page.autograd_lab
    r = lab.result
    assert lab.expression.text() == "a*x + b" and r.backward_done
    assert {k: float(v) for k, v in r.grads.items()} == {"a": 5.0, "b": 1.0, "x": 3.0}
    text = lab.grads.text()
    assert "dy/da" in text and "5." in text
    items = list(lab.graph.items_by_id.values())
    assert len(items) == 6 and all(isinstance(i, NodeItem) for i in items)
    assert {i.node.grad_fn for i in items} == {"AccumulateGrad", "MulBackward0", "AddBackward0"}
    assert "y.backward()" in lab.code.toPlainText()


def test_autograd_lab_requires_grad_switch_and_errors(page):
    page.show_lesson("autograd")
    lab = page.autograd_lab
    for name in "abx":
        lab.set_requires_grad(name, False)  # each switch re-runs
    assert "does not require grad" in lab.result.error and lab.message.isVisible()
    assert "requires_grad=False by default" in lab.message.text()
    lab.set_requires_grad("a", True)
    assert lab.result.ok and float(lab.result.grads["a"]) == 5.0 and lab.result.grads["b"] is None
    lab.expression.setText("a*x + b.grad")
    lab.run_backward()
    assert lab.result.error_pos == 7 and lab.pointer.isVisible()
    assert lab.pointer.text().splitlines()[1] == " " * 7 + "^"
    assert lab.graph.items_by_id == {}


def test_autograd_lab_says_why_a_grad_is_none(page):
    page.show_lesson("autograd")
    lab = page.autograd_lab
    lab.set_requires_grad("b", False)
    lab.expression.setText("x*x + b")  # a requires grad but y does not use it
    lab.run_backward()
    assert lab.result.grads["a"] is None and lab.result.grads["b"] is None
    lines = lab.grads.text().split("<br>")
    a_line = next(ln for ln in lines if "a.grad" in ln)
    b_line = next(ln for ln in lines if "b.grad" in ln)
    assert "not used in y" in a_line and "requires_grad=False" not in a_line
    assert "requires_grad=False" in b_line


def test_autograd_lab_variables_and_examples(page):
    page.show_lesson("autograd")
    lab = page.autograd_lab
    lab.load_example(1)  # sigmoid(w*x + b)
    assert float(lab.result.grads["b"]) == pytest.approx(0.25)
    lab.add_button.click()
    assert [v.name for v in lab.variable_list()] == ["w", "x", "b", "y"]
    lab.variables.item(1, 1).setText("[0.5, 1")  # x: a broken value
    lab.run_backward()
    assert lab.result.bad_variable == "x" and lab.message.isVisible()


def test_activation_lab(page):
    page.show_lesson("activations")
    lab = page.activation_lab
    assert lab.curves["sigmoid"].isVisible() and not lab.curves["tanh"].isVisible()
    x, dy = lab.slopes["sigmoid"].getData()
    assert dy.max() == pytest.approx(0.25) and x[dy.argmax()] == pytest.approx(0.0)
    lab.checks["tanh"].setChecked(True)
    assert lab.curves["tanh"].isVisible() and "tanh" in lab.formulas.text()
    lab.derivative.setChecked(False)
    assert not lab.slopes["sigmoid"].isVisible() and not lab.peak.isVisible()
    lab.cursor.setValue(0.0)
    assert "+0.500" in lab.readout.text() and "0.250" in lab.readout.text()


def test_linear_lab_is_straight_without_activation(page):
    page.show_lesson("linear")
    lab = page.linear_lab
    lab.select("none")
    x, y = lab.line.getData()
    assert np.allclose(np.diff(y, 2), 0, atol=1e-4) and not lab.curve.isVisible()
    lab.select("relu")
    _, bent = lab.curve.getData()
    assert lab.curve.isVisible() and np.abs(np.diff(bent, 2)).max() > 1e-3


def test_depth_lab_measures_every_depth(page, qtbot):
    lab = page.depth_lab
    with qtbot.waitSignal(lab.sweep_finished, timeout=60000):
        page.show_lesson("vanishing")
    assert not lab.is_busy()
    he = lab.sweeps["he"]
    assert sorted(he) == list(range(1, 21))
    assert he[8].sigmoid_first < 0.25 ** 8 < he[8].relu_first
    lab.set_depth(3)
    assert "L = 3" in lab.readout.text() and "1.56e-02" in lab.readout.text()
    _, layers = lab.sig_layers.getData()
    assert len(layers) == 4
    lab.init.setCurrentIndex(lab.init.findData("default"))
    assert lab.current_init() == "default" and 3 in lab.sweeps["default"]
    page.shutdown()
    assert not lab.is_busy()


def test_japanese_lesson_text(qtbot):
    i18n.set_language("ja")
    p = LessonsPage()
    qtbot.addWidget(p)
    p.show_lesson("autograd")
    assert p.lesson_list.item(2).text() == "3. 自動微分（autograd）"
    assert "手計算では" in p.text.toPlainText()
    assert "デフォルトで requires_grad=False" in lesson_html(catalog.lesson("autograd"))
    p.shutdown()


def test_forward_lab_follows_the_input(page):
    page.show_lesson("network")
    lab = page.forward_lab
    lab.set_input(0.0, 0.0)  # zero input: every u is just its bias
    r = lab.result
    assert np.allclose(r.u, r.b1)
    assert set(lab.view.node_texts) == {"x1", "x2", "h1", "h2", "h3", "y1", "y2"}
    assert f"u {r.u[0]:.2f}" in lab.view.node_texts["h1"]
    lab.activation.setCurrentIndex(lab.activation.findData("none"))
    assert np.allclose(lab.result.h, lab.result.u) and "nn.Identity()" in lab.code.toPlainText()
    assert "17 parameters" in lab.summary.text()


def test_tensor_lab_examples(page, qtbot):
    page.show_lesson("tensors")
    lab = page.tensor_lab
    labels = [lab.examples.item(i).text() for i in range(lab.examples.count())]
    assert labels[0] == "→ rank 0: a scalar"
    row = labels.index("→ view(4, 2) of 6 elements")
    lab.examples.setCurrentRow(row)
    lab._on_example(lab.examples.item(row))
    assert lab.current_op().id == "view" and lab.values()["shape"] == "4, 2" and not lab.result.ok
    row = labels.index("→ a @ b (matrix product)")
    lab._on_example(lab.examples.item(row))
    assert lab.result.values.tolist() == [[70, 100], [150, 220]]
    page.show_lesson("numpy")
    assert page.numpy_lab.examples.item(0).text() == "→ from_numpy shares memory"


def test_seq2seq_lab_shows_the_tokens(page):
    page.show_lesson("seq2seq")
    lab = page.seq2seq_lab
    assert [r.chars for r in lab.example.rows] == ["123+45␣", "_168", "168␣"]
    assert "shape (1, 7)" in lab.row_titles["src"].text()
    lab.reverse.setChecked(True)
    assert lab.example.rows[0].chars == "␣54+321" and lab.example.rows[2].chars == "168␣"  # question only
    lab.question.setText("12x+3")
    assert not lab.example.ok and lab.message.isVisible() and "character 3" in lab.message.text()
    lab.question.setText("999+999")
    assert lab.example.answer == 1998 and [r.chars for r in lab.example.rows[1:]] == ["_199", "1998"]


def test_autograd_lab_reruns_when_a_value_changes(page):
    page.show_lesson("autograd")
    lab = page.autograd_lab
    lab.load_example(0)
    lab.variables.item(2, 1).setText("7")  # x = 7: dy/da = x
    assert float(lab.result.grads["a"]) == 7.0 and float(lab.result.output) == 25.0


def test_transformer_lab_shows_weights_and_residual_gradients(page, qtbot):
    page.show_lesson("transformer")
    lab = page.transformer_lab
    assert page.current_lab() is lab
    lab.text.setText("abc")
    assert lab.table.rowCount() == lab.table.columnCount() == 3
    assert lab.table.item(0, 0).text() == "1.00" and lab.table.item(0, 2).text() == "·"   # masked future
    lab.table.setCurrentCell(2, 0)
    assert lab.average.text().startswith("out[2] = ") and lab.average.text().count("·v[") == 3
    lab.causal.setChecked(False)
    assert lab.table.item(0, 2).text() != "·"
    lab.text.setText("")
    assert not lab.message.isHidden() and lab.table.rowCount() == 3       # the last good table stays
    lab.depth.setValue(20)
    assert lab.result.ratio >= 100 and "times larger" in lab.summary.text()
    _, ys = lab.res_curve.getData()
    assert len(ys) == 21


def test_lesson_titles_are_as_tall_as_their_wrapped_text_at_every_width(qtbot):
    from gui.lessons.page import WrappedList
    titles = WrappedList()
    qtbot.addWidget(titles)
    titles.setWordWrap(True)
    titles.addItems(["6. Activation functions", "4. Neural networks and forward propagation"])
    titles.show()

    def heights(width):
        titles.resize(width, 400)
        qtbot.wait(20)
        return [titles.visualItemRect(titles.item(i)).height() for i in range(2)]

    short, long = heights(220)
    assert long > short                              # the long title wraps in a narrow list
    assert heights(600) == [short, short]            # wide again: one line each, no empty second line
    assert heights(220) == [short, long]


def test_the_lesson_path_has_no_empty_lines_between_titles_at_1024(qtbot):
    from gui.lessons.page import LessonsPage
    page = LessonsPage()
    qtbot.addWidget(page)
    page.resize(1024, 650)
    page.show()
    qtbot.wait(50)
    titles = page.lesson_list
    rows = [titles.visualItemRect(titles.item(i)) for i in range(titles.count())]
    # each title starts where the one above ends (a plain QListWidget left 18-px gaps under
    # "6. Activation functions" and "7. Vanishing gradients": heights measured at another width)
    assert [r.y() for r in rows[1:]] == [r.y() + r.height() for r in rows[:-1]]
