"""The editor page: real drag-and-drop events, reorder, delete, undo/redo, the inspector and the code view."""
import runpy

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from core.layers import LAYERS
from core.spec import LayerSpec, NetworkSpec
from gui.editor import mime
from gui.editor.document import NetworkDocument
from gui.editor.page import EditorPage


def _spec() -> NetworkSpec:
    # 2 -> Linear(16) -> ReLU -> Linear(2): 48 + 34 = 82 parameters
    return NetworkSpec((2,), [LayerSpec.make("Linear", out_features=16), LayerSpec.make("ReLU"),
                              LayerSpec.make("Linear", out_features=2)])


@pytest.fixture
def page(qtbot):
    doc = NetworkDocument(_spec())
    page = EditorPage(doc)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def kinds(page):
    return [l.kind for l in page.document.spec().layers]


def drop(widget, data: QMimeData, y: float, x: float | None = None) -> QDropEvent:
    """Send the enter/move/drop sequence a real drag produces, at (x, y) in widget coordinates."""
    x = widget.width() / 2 if x is None else x
    actions = Qt.CopyAction | Qt.MoveAction
    enter = QDragEnterEvent(QPoint(int(x), int(y)), actions, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(QPoint(int(x), int(y)), actions, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, move)
    assert move.isAccepted()
    event = QDropEvent(QPointF(x, y), actions, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


def gap_y(canvas, index: int) -> float:
    """The y of the gap just above block ``index`` (between block index-1 and index)."""
    return canvas.block_rect(index).top() - 10


def test_drop_from_palette_inserts_the_kind_where_it_is_dropped(page):
    canvas = page.canvas
    event = drop(canvas, mime.kind_mime("Dropout"), gap_y(canvas, 2))  # between ReLU and the last Linear
    assert event.isAccepted()
    assert kinds(page) == ["Linear", "ReLU", "Dropout", "Linear"]
    assert page.document.layer(2).params == {"p": 0.5}
    # The dropped layer is selected and shown in the inspector.
    assert canvas.selected_id() == page.document.layer(2).id
    assert page.inspector.title.text() == "Dropout"
    # Above the first block and below the last block.
    drop(canvas, mime.kind_mime("Flatten"), gap_y(canvas, 0))
    drop(canvas, mime.kind_mime("Sigmoid"), canvas.height() - 5)
    assert kinds(page) == ["Flatten", "Linear", "ReLU", "Dropout", "Linear", "Sigmoid"]
    assert page.document.undo_stack.count() == 3


def test_drop_into_empty_network(page):
    page.document.set_spec(NetworkSpec((2,), []), "empty")
    drop(page.canvas, mime.kind_mime("Linear"), page.canvas.height() / 2)
    assert kinds(page) == ["Linear"]
    assert page.summary.text().startswith("<b>1</b> layer ·")  # not "1 layers"


def test_canvas_refuses_foreign_data(page):
    before = page.document.spec().to_dict()
    data = QMimeData()
    data.setText("Linear")
    enter = QDragEnterEvent(QPoint(100, 100), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(page.canvas, enter)
    assert not enter.isAccepted()
    bogus = mime.kind_mime("NotALayer")
    enter = QDragEnterEvent(QPoint(100, 100), Qt.CopyAction, bogus, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(page.canvas, enter)
    assert not enter.isAccepted()
    assert page.document.spec().to_dict() == before


def test_internal_drag_reorders_blocks(page):
    canvas = page.canvas
    first, relu, last = (l.id for l in page.document.spec().layers)
    drop(canvas, mime.layer_id_mime(last), gap_y(canvas, 0))  # last block to the top
    assert [l.id for l in page.document.spec().layers] == [last, first, relu]
    drop(canvas, mime.layer_id_mime(last), canvas.height() - 5)  # and back to the bottom
    assert [l.id for l in page.document.spec().layers] == [first, relu, last]
    drop(canvas, mime.layer_id_mime(first), gap_y(canvas, 1))  # dropped onto its own place: no change
    assert [l.id for l in page.document.spec().layers] == [first, relu, last]
    assert page.document.undo_stack.count() == 2


def test_delete_key_removes_the_selected_block_and_undo_restores_it(page, qtbot):
    canvas = page.canvas
    original = page.document.spec().to_dict()
    relu = page.document.layer(1).id
    qtbot.mouseClick(canvas, Qt.LeftButton, pos=canvas.block_rect(1).center().toPoint())
    assert canvas.selected_id() == relu
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert kinds(page) == ["Linear", "Linear"]
    assert canvas.selected_id() == page.document.layer(1).id  # the next block is selected
    qtbot.keyClick(canvas, Qt.Key_Backspace)
    assert kinds(page) == ["Linear"]
    page.document.undo_stack.undo()
    page.document.undo_stack.undo()
    assert page.document.spec().to_dict() == original


def test_undo_redo_restores_the_exact_spec_after_every_kind_of_edit(page):
    doc, canvas = page.document, page.canvas
    states = [doc.spec().to_dict()]
    drop(canvas, mime.kind_mime("LayerNorm"), gap_y(canvas, 1))
    states.append(doc.spec().to_dict())
    drop(canvas, mime.layer_id_mime(doc.layer(0).id), canvas.height() - 5)
    states.append(doc.spec().to_dict())
    canvas.select(doc.layer(3).id)  # Linear(2) after the move
    page.inspector.editor("out_features").setValue(7)
    states.append(doc.spec().to_dict())
    page.apply_template("deep_relu")
    states.append(doc.spec().to_dict())
    assert states[-1]["layers"][0]["params"] == {"out_features": 32, "bias": True}
    assert len({str(s) for s in states}) == len(states)  # every edit changed something
    for expected in reversed(states[:-1]):
        doc.undo_stack.undo()
        assert doc.spec().to_dict() == expected
    for expected in states[1:]:
        doc.undo_stack.redo()
        assert doc.spec().to_dict() == expected


def test_inspector_edits_params_and_refuses_bad_values(page, qtbot):
    doc, canvas, inspector = page.document, page.canvas, page.inspector
    canvas.select(doc.layer(0).id)
    assert "in_features" in inspector.inferred.text()
    spin = inspector.editor("out_features")
    assert spin.value() == 16
    # Typed out-of-range values reach the document, which refuses them with the reason (the spin box
    # alone would turn 0 back into 16 and 99999 into 9999 without a word).
    before = doc.spec().to_dict()
    for typed in ("0", "99999"):
        spin.selectAll()
        qtbot.keyClicks(spin.lineEdit(), typed)
        qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)
        assert "out_features must be in [1, 65536]" in inspector.message_text(), typed
        assert doc.spec().to_dict() == before and spin.value() == 16
    spin.setValue(8)
    assert doc.layer(0).params["out_features"] == 8
    assert doc.analysis().total_params == 2 * 8 + 8 + 8 * 2 + 2  # 42
    shapes = inspector.shapes.text().replace("<code>", "").replace("</code>", "")
    assert "(B, 2) → (B, 8)" in shapes
    assert "weight (8, 2) = 16 + bias (8,) = 8" in shapes  # PyTorch's own tensor names and shapes
    inspector.editor("bias").setChecked(False)
    assert doc.layer(0).params["bias"] is False

    before = doc.spec().to_dict()
    assert inspector.apply_value("out_features", 0) is not None
    assert "out_features" in inspector.message_text() and "[1, 65536]" in inspector.message_text()
    assert doc.spec().to_dict() == before
    assert spin.value() == 8  # the editor shows the value the spec kept

    # Dropout's p must be below 1: the spin box allows typing 1.0, the document refuses it.
    page.append_layer("Dropout")
    p_box = inspector.editor("p")
    before = doc.spec().to_dict()
    p_box.setValue(1.0)
    assert "[0, 1)" in inspector.message_text()
    assert doc.spec().to_dict() == before
    assert p_box.value() == 0.5
    p_box.setValue(0.25)
    assert inspector.message_text() == ""
    assert doc.layer(3).params["p"] == 0.25


def test_a_refusal_scrolls_into_view(page, qtbot):
    page.right.setSizes([200, 600])  # a short inspector: the message sits below its visible part
    inspector = page.inspector
    page.canvas.select(page.document.layer(0).id)
    assert inspector.apply_value("out_features", 0)
    qtbot.waitUntil(lambda: not inspector.message.visibleRegion().isEmpty(), timeout=2000)


def test_inspector_describes_a_huge_layer_without_building_it_in_memory(page, monkeypatch):
    # 1,000,000 -> 65,536 is 65.5e9 weights (262 GB): far over the app's limit, so the network is refused,
    # but selecting the block must still describe it, instantly, without allocating the tensors.
    import dataclasses

    import torch

    from core import layers
    devices = []
    linear = layers.LAYERS["Linear"]

    def spying_builder(shape, params):
        devices.append(torch.empty(0).device.type)  # the default device the module is made on
        return linear.builder(shape, params)

    monkeypatch.setitem(layers.LAYERS, "Linear", dataclasses.replace(linear, builder=spying_builder))
    doc, inspector = page.document, page.inspector
    doc.reset(NetworkSpec((1_000_000,), [LayerSpec.make("Linear", out_features=65536)]))
    assert doc.analysis().errors  # too many parameters to build
    inspector.set_layer(doc.layer(0).id)
    shapes = inspector.shapes.text().replace("<code>", "").replace("</code>", "")
    assert "weight (65536, 1000000) = 65,536,000,000 + bias (65536,) = 65,536" in shapes
    assert devices and set(devices) == {"meta"}
    # Beyond torch's own limit (65536 x 10**18 > 2**63 numbers) the shapes are still shown, without a breakdown.
    doc.reset(NetworkSpec((1_000_000,) * 3, [LayerSpec.make("Flatten"), LayerSpec.make("Linear", out_features=65536)]))
    inspector.set_layer(doc.layer(1).id)
    shapes = inspector.shapes.text().replace("<code>", "").replace("</code>", "")
    assert "(B, 1000000000000000000) → (B, 65536)" in shapes and "weight" not in shapes


def test_input_shape_editor(page):
    doc, editor = page.document, page.input_editor
    assert editor.apply_text("3") is None
    assert doc.spec().input_shape == (3,)
    assert doc.analysis().layers[0].n_params == 3 * 16 + 16
    before = doc.spec().to_dict()
    assert editor.apply_text("two") is not None
    assert editor.message_text()
    assert editor.apply_text("0") is not None  # sizes start at 1
    assert editor.apply_text("2000000").endswith("from 1 to 1,000,000")  # says why, not "positive"
    assert doc.spec().to_dict() == before
    assert editor.edit.text() == "3"


def test_problems_are_reported_on_their_block_and_in_the_summary(page):
    doc = page.document
    page.input_editor.apply_text("1, 4, 4")  # (B, 1, 4, 4): BatchNorm1d refuses 3-D samples
    drop(page.canvas, mime.kind_mime("BatchNorm1d"), gap_y(page.canvas, 0))
    bn = doc.layer(0).id
    assert any(p.layer_id == bn for p in doc.analysis().errors)
    assert "error" in page.summary.text()
    tip = page.canvas.tooltip_at(page.canvas.block_rect(0).center())
    assert "BatchNorm1d" in tip and "Flatten" in tip
    assert not page.code_view.export_button.isEnabled()
    page.document.set_spec(NetworkSpec((2,), []), "empty")
    assert "empty" in page.summary.text()  # whole-network problem spelled out in the summary


def test_code_view_follows_edits_and_export_runs(page, tmp_path):
    doc, code = page.document, page.code_view
    assert "nn.Linear(2, 16)" in code.code()
    page.append_layer("Sigmoid")
    assert "nn.Sigmoid()" in code.code()
    page.canvas.select(doc.layer(0).id)
    page.inspector.editor("out_features").setValue(5)
    assert "nn.Linear(2, 5)" in code.code() and "nn.Linear(5, 2)" in code.code()
    path = tmp_path / "net.py"
    assert code.export_to(str(path)) is None
    assert path.read_text(encoding="utf-8") == code.code()
    module = runpy.run_path(str(path))  # the exported file defines the same model
    model = module["model"]
    assert sum(p.numel() for p in model.parameters()) == doc.analysis().total_params == 2 * 5 + 5 + 5 * 2 + 2
    missing = tmp_path / "no_such_dir" / "net.py"
    problem = code.export_to(str(missing))
    assert problem and "no_such_dir" in problem
    assert not missing.exists()
    from core import i18n
    i18n.set_language("ja")  # the OS's reason in the learner's language, not the C library's English
    assert code.export_to(str(missing)).endswith(": ファイルかフォルダが見つかりません")


def test_export_asks_before_replacing_the_file_the_added_suffix_names(page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    old = tmp_path / "net.py"
    old.write_text("precious", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "net"), "")))
    answers = [QMessageBox.No, QMessageBox.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: answers.pop(0)))
    page.code_view.export_dialog()
    assert old.read_text(encoding="utf-8") == "precious"
    page.code_view.export_dialog()
    assert old.read_text(encoding="utf-8") == page.code_view.code() and not answers


def test_palette_filter_and_double_click_appends(page, qtbot):
    palette = page.palette
    palette.filter_edit.setText("relu")
    assert palette.visible_kinds() == ["ReLU", "LeakyReLU", "GELU"]  # GELU's explanation says "smooth ReLU"
    palette.filter_edit.setText("")
    assert len(palette.visible_kinds()) == len(LAYERS) + 2  # and the two blocks
    item = next(palette.tree.topLevelItem(i).child(j) for i in range(palette.tree.topLevelItemCount())
                for j in range(palette.tree.topLevelItem(i).childCount())
                if palette.tree.topLevelItem(i).child(j).text(0) == "Tanh")
    assert "(-1, 1)" in item.toolTip(0)
    palette.tree.itemActivated.emit(item, 0)
    assert kinds(page)[-1] == "Tanh"
    assert page.canvas.selected_id() == page.document.layer(3).id


def test_templates_menu_lists_every_template(page):
    from core.templates import TEMPLATES
    actions = page.template_menu.actions()
    assert [a.data() for a in actions] == list(TEMPLATES)
    assert all(a.toolTip() for a in actions)
    next(a for a in actions if a.data() == "deep_sigmoid").trigger()
    assert kinds(page) == ["Linear", "Sigmoid"] * 8 + ["Linear"]
    assert page.apply_template("nope") is False


def test_keyboard_moves_selection_and_blocks(page, qtbot):
    canvas, doc = page.canvas, page.document
    first, relu, last = (l.id for l in doc.spec().layers)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_Down)  # nothing selected: Down selects the first block
    assert canvas.selected_id() == first
    qtbot.keyClick(canvas, Qt.Key_Down, Qt.ControlModifier)  # Ctrl+Down moves it one place down
    assert [l.id for l in doc.spec().layers] == [relu, first, last]
    assert canvas.selected_id() == first
    qtbot.keyClick(canvas, Qt.Key_Up)
    assert canvas.selected_id() == relu
    qtbot.mouseDClick(canvas, Qt.LeftButton, pos=canvas.block_rect(2).center().toPoint())
    assert page.inspector.layer_id() == last


def test_selected_block_is_shaded_in_the_code(page):
    doc, code = page.document, page.code_view
    page.canvas.select(doc.layer(2).id)
    assert code.highlighted_line().strip().startswith("nn.Linear(16, 2)")
    doc.move_layer(doc.layer(2).id, 0)  # the line follows the layer when it moves
    assert code.highlighted_line().strip().startswith("nn.Linear(2, 2)")
    page.canvas.select("")
    assert code.highlighted_line() == ""


class _FakeDrag:
    """Stands in for QDrag (whose exec() needs a real mouse): records what a drag would carry."""
    last = None

    def __init__(self, source):
        self.data, _FakeDrag.last = None, self

    def setMimeData(self, data):
        self.data = data

    def setPixmap(self, pixmap):
        self.pixmap = pixmap

    def setHotSpot(self, point):
        pass

    def exec(self, actions):
        self.actions = actions
        return actions


def test_palette_and_canvas_drags_carry_what_the_canvas_accepts(page, monkeypatch):
    import gui.editor.canvas_edit as canvas_module
    import gui.editor.palette as palette_module
    monkeypatch.setattr(palette_module, "QDrag", _FakeDrag)
    monkeypatch.setattr(canvas_module, "QDrag", _FakeDrag)
    tree = page.palette.tree
    gelu = tree.findItems("GELU", Qt.MatchExactly | Qt.MatchRecursive)[0]
    tree.setCurrentItem(gelu)
    tree.startDrag(Qt.CopyAction)
    assert mime.read(_FakeDrag.last.data, mime.LAYER_KIND_MIME) == "GELU"
    assert not _FakeDrag.last.pixmap.isNull()
    drop(page.canvas, _FakeDrag.last.data, gap_y(page.canvas, 1))
    assert kinds(page) == ["Linear", "GELU", "ReLU", "Linear"]

    first = page.document.layer(0).id
    page.canvas._start_drag(first)
    assert mime.read(_FakeDrag.last.data, mime.LAYER_ID_MIME) == first
    drop(page.canvas, _FakeDrag.last.data, gap_y(page.canvas, 3))
    assert kinds(page) == ["GELU", "ReLU", "Linear", "Linear"]
    assert page.document.layer(2).id == first
