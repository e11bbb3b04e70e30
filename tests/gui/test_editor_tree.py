"""The editor with blocks: real drag-and-drop events into, out of and between residual and concatenate
blocks, nesting, collapse, problems on the block, the inspector and code for blocks, undo/redo of all
of it, and a network of 10,000 layers painted by looking only at the rows in view."""
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from core.spec import CONCAT, RESIDUAL, ROOT, BlockSpec, LayerSpec, NetworkSpec, Place
from gui.editor import canvas as canvas_module
from gui.editor import canvas_rows
from gui.editor import mime
from gui.editor.document import NetworkDocument
from gui.editor.page import EditorPage

L = LayerSpec.make


def _spec() -> NetworkSpec:
    # (B, 4) -> Linear 8 -> Residual[Linear 8, ReLU] -> Linear 2
    return NetworkSpec((4,), [L("Linear", out_features=8),
                              BlockSpec.make(RESIDUAL, [L("Linear", out_features=8), L("ReLU")]),
                              L("Linear", out_features=2)])


@pytest.fixture
def page(qtbot):
    doc = NetworkDocument(_spec())
    page = EditorPage(doc)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def _events(widget, data: QMimeData, x: float, y: float):
    actions = Qt.CopyAction | Qt.MoveAction
    pos = QPoint(int(x), int(y))
    enter = QDragEnterEvent(pos, actions, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, actions, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, move)
    return enter, move


def drop(widget, data: QMimeData, y: float, x: float | None = None) -> QDropEvent:
    """The enter/move/drop sequence a real drag produces, at (x, y) in widget coordinates."""
    x = widget.width() / 2 if x is None else x
    enter, move = _events(widget, data, x, y)
    assert enter.isAccepted() and move.isAccepted()
    event = QDropEvent(QPointF(x, y), Qt.CopyAction | Qt.MoveAction, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


def above(rect) -> float:
    """A y in the gap just above ``rect``."""
    return rect.top() - 10


def tree(doc) -> list:
    """The network as nested kinds, e.g. ['Linear', ('Residual', ['Linear', 'ReLU']), 'Linear']."""
    def walk(nodes):
        return [(n.kind, [walk(b) for b in n.branches] if n.kind == CONCAT else walk(n.children))
                if isinstance(n, BlockSpec) else n.kind for n in nodes]
    return walk(doc.view().layers)


def test_a_residual_block_from_the_palette_and_layers_dragged_into_it(page):
    doc, canvas = page.document, page.canvas
    states = [doc.spec().to_dict()]
    # a new residual block between the residual block and the last Linear
    drop(canvas, mime.kind_mime(RESIDUAL), above(canvas.block_rect(2)))
    states.append(doc.spec().to_dict())
    assert tree(doc) == ["Linear", (RESIDUAL, ["Linear", "ReLU"]), (RESIDUAL, []), "Linear"]
    new = doc.layer(2)
    assert canvas.selected_id() == new.id and page.inspector.title.text() == "Residual block"
    # the empty block is a drop zone: a Linear dropped on it goes inside
    drop(canvas, mime.kind_mime("Linear"), canvas.branch_rect(new.id, 0).center().y())
    states.append(doc.spec().to_dict())
    assert tree(doc)[2] == (RESIDUAL, ["Linear"])
    # a Tanh dropped just above the new block's merge goes at the end of its layers
    drop(canvas, mime.kind_mime("Tanh"), above(canvas.merge_rect(new.id)))
    states.append(doc.spec().to_dict())
    assert tree(doc)[2] == (RESIDUAL, ["Linear", "Tanh"])
    # the layer below the first block's merge is outside it: ReLU dropped there lands at the top level
    drop(canvas, mime.kind_mime("Sigmoid"), canvas.merge_rect(doc.layer(1).id).bottom() + 10)
    states.append(doc.spec().to_dict())
    assert tree(doc) == ["Linear", (RESIDUAL, ["Linear", "ReLU"]), "Sigmoid", (RESIDUAL, ["Linear", "Tanh"]),
                         "Linear"]
    assert doc.undo_stack.count() == 4
    for expected in reversed(states[:-1]):
        doc.undo_stack.undo()
        assert doc.spec().to_dict() == expected
    for expected in states[1:]:
        doc.undo_stack.redo()
        assert doc.spec().to_dict() == expected


def test_layers_dragged_out_of_a_block_and_between_blocks(page):
    doc, canvas = page.document, page.canvas
    block = doc.layer(1)
    inner_linear, relu = (n.id for n in block.children)
    original = doc.spec().to_dict()
    # ReLU out of the block, to the very top
    drop(canvas, mime.layer_id_mime(relu), above(canvas.block_rect(0)))
    assert tree(doc) == ["ReLU", "Linear", (RESIDUAL, ["Linear"]), "Linear"]
    assert canvas.selected_id() == relu
    after_out = doc.spec().to_dict()
    # the last Linear into the block, before its inner Linear
    last = doc.layer(3).id
    drop(canvas, mime.layer_id_mime(last), above(canvas.node_rect(inner_linear)))
    assert tree(doc) == ["ReLU", "Linear", (RESIDUAL, ["Linear", "Linear"]), ]
    assert doc.place_of(last) == Place(block.id, 0, 0)
    # moving a layer within the block, to the end
    drop(canvas, mime.layer_id_mime(last), above(canvas.merge_rect(block.id)))
    assert [n.id for n in doc.node(block.id).children] == [inner_linear, last]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.spec().to_dict() == after_out
    doc.undo_stack.undo()
    assert doc.spec().to_dict() == original


def test_blocks_nest_and_a_block_cannot_go_inside_itself(page):
    doc, canvas = page.document, page.canvas
    outer = doc.layer(1)
    drop(canvas, mime.kind_mime(CONCAT), above(canvas.merge_rect(outer.id)))  # inside the residual, at the end
    cat = doc.node(outer.id).children[2]
    assert cat.kind == CONCAT and doc.place_of(cat.id) == Place(outer.id, 0, 2)
    # path B is an empty drop zone of its own
    drop(canvas, mime.kind_mime("Linear"), canvas.branch_rect(cat.id, 1).center().y())
    drop(canvas, mime.kind_mime(RESIDUAL), canvas.branch_rect(cat.id, 0).center().y())
    inner = doc.node(cat.id).branches[0][0]
    assert tree(doc)[1] == (RESIDUAL, ["Linear", "ReLU", (CONCAT, [[(RESIDUAL, [])], ["Linear"]])])
    assert canvas.rows_between(0, 1e9)  # laid out
    # three levels of frames: the innermost empty block is narrower than its parents
    assert canvas.node_rect(inner.id).width() < canvas.node_rect(cat.id).width() < canvas.node_rect(outer.id).width()
    before = doc.spec().to_dict()
    data = mime.layer_id_mime(outer.id)
    target = canvas.branch_rect(inner.id, 0).center().y()  # the outer block into its own grandchild
    enter, move = _events(canvas, data, canvas.width() / 2, target)
    assert enter.isAccepted() and not move.isAccepted()
    event = QDropEvent(QPointF(canvas.width() / 2, target), Qt.MoveAction, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(canvas, event)
    assert not event.isAccepted() and doc.spec().to_dict() == before
    assert doc.move_node(outer.id, Place(inner.id, 0, 0)) is False and doc.spec().to_dict() == before


def test_collapse_and_expand_a_block(page, qtbot):
    doc, canvas = page.document, page.canvas
    block, inner = doc.layer(1), doc.layer(1).children[0]
    rows = canvas.row_count()
    head = canvas.node_rect(block.id)
    qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(int(head.left() + 12), int(head.center().y())))  # the ▾
    assert canvas.is_collapsed(block.id) and canvas.row_count() == rows - 3  # its two layers and its merge
    assert canvas.node_rect(inner.id).isEmpty()
    assert canvas.block_at(canvas.block_rect(2).center()) == doc.layer(2).id  # the rows below moved up
    assert doc.undo_stack.count() == 0  # a view setting, not an edit
    canvas.select(inner.id)  # selecting something inside opens the block again
    assert not canvas.is_collapsed(block.id) and canvas.row_count() == rows
    canvas.select(block.id)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_Left)
    assert canvas.is_collapsed(block.id)
    qtbot.keyClick(canvas, Qt.Key_Right)
    assert not canvas.is_collapsed(block.id)
    # a collapsed block is still a drop target: dropping above it inserts before the whole block
    canvas.set_collapsed(block.id, True)
    drop(canvas, mime.kind_mime("Tanh"), above(canvas.node_rect(block.id)))
    assert tree(doc) == ["Linear", "Tanh", (RESIDUAL, ["Linear", "ReLU"]), "Linear"]


def test_a_merge_that_does_not_fit_is_marked_on_the_block(page):
    doc, canvas = page.document, page.canvas
    block = doc.layer(1)
    inner = block.children[0]
    canvas.select(inner.id)
    page.inspector.editor("out_features").setValue(5)  # f(x) is (B, 5), x is (B, 8)
    [problem] = doc.analysis().errors
    assert problem.layer_id == block.id
    tip = canvas.tooltip_at(canvas.node_rect(block.id).center())
    assert "Residual block" in tip and "adds x (B, 8) and f(x) (B, 5)" in tip
    assert "adds x (B, 8)" in canvas.tooltip_at(canvas.merge_rect(block.id).center())  # the merge says it too
    assert "1 error" in page.summary.text() and not page.code_view.export_button.isEnabled()
    canvas.select(block.id)
    assert "adds x (B, 8) and f(x) (B, 5)" in page.inspector.problems.text()
    doc.undo_stack.undo()
    assert not doc.analysis().errors


def test_inspector_and_code_for_blocks(page):
    doc, canvas, inspector, code = page.document, page.canvas, page.inspector, page.code_view
    block = doc.layer(1)
    canvas.select(block.id)
    text = inspector.shapes.text().replace("<code>", "").replace("</code>", "")
    assert "(B, 8) → (B, 8)" in text and "f(x): (B, 8), added to x (B, 8)" in text
    assert "2 layers and blocks inside, <b>72</b> parameters" in text and "model.residual1" in text
    assert code.highlighted_line().strip().startswith("self.residual1 = Residual(")
    canvas.select(block.children[0].id)
    assert code.highlighted_line().strip().startswith("nn.Linear(8, 8),")
    assert "model.residual1.f[0]" in inspector.shapes.text()
    assert "class Network(nn.Module):" in code.code() and "x = self.residual1(x)" in code.code()
    # a concatenate block's dim is edited like any parameter, and undone
    cat = doc.insert_node(Place(ROOT, 0, 3), CONCAT)
    canvas.select(cat.id)
    assert inspector.title.text() == "Concatenate"
    inspector.editor("dim").setValue(1)  # dim 1: the features (0 would be the batch)
    assert doc.node(cat.id).params["dim"] == 1 and doc.analysis().info(cat.id).out_shape == (4,)
    assert inspector.apply_value("dim", 9) and doc.node(cat.id).params["dim"] == 1  # refused: [-8, 8]
    inspector.editor("dim").setValue(0)
    assert [p.message for p in doc.analysis().errors] == [
        "dim=0 is the batch: joining along it would mix samples. Use 1 or -1."]
    doc.undo_stack.undo()  # edits of one parameter in a row are one undo step, as when typing
    assert doc.node(cat.id).params["dim"] == -1 and not doc.analysis().errors


def test_wrap_and_unwrap_from_the_context_menu(page):
    doc, canvas = page.document, page.canvas
    first = doc.layer(0).id
    original = doc.spec().to_dict()
    menu = canvas.context_menu(first)
    next(a for a in menu.actions() if a.text() == "Wrap in a residual block").trigger()
    assert tree(doc)[0] == (RESIDUAL, ["Linear"]) and canvas.selected_id() == doc.layer(0).id
    assert doc.undo_stack.count() == 1  # one step, though it is an insert and a move
    wrapped = doc.spec().to_dict()
    block = doc.layer(1).id
    menu = canvas.context_menu(block)
    next(a for a in menu.actions() if a.text() == "Unwrap: keep the layers, remove the block").trigger()
    assert tree(doc) == [(RESIDUAL, ["Linear"]), "Linear", "ReLU", "Linear"]
    doc.undo_stack.undo()
    assert doc.spec().to_dict() == wrapped
    doc.undo_stack.undo()
    assert doc.spec().to_dict() == original


def test_delete_a_block_with_its_contents_and_keyboard_through_the_tree(page, qtbot):
    doc, canvas = page.document, page.canvas
    original = doc.spec().to_dict()
    canvas.setFocus()
    order = []
    for _ in range(5):
        qtbot.keyClick(canvas, Qt.Key_Down)
        order.append(doc.node(canvas.selected_id()).kind)
    assert order == ["Linear", RESIDUAL, "Linear", "ReLU", "Linear"]  # headers and layers, in data order
    qtbot.keyClick(canvas, Qt.Key_Up, Qt.ControlModifier)  # the last Linear moves up, within its list
    assert tree(doc) == ["Linear", "Linear", (RESIDUAL, ["Linear", "ReLU"])]
    doc.undo_stack.undo()
    relu = doc.layer(1).children[1].id  # the last layer of the block: Ctrl+Down takes it out, below the block
    canvas.select(relu)
    qtbot.keyClick(canvas, Qt.Key_Down, Qt.ControlModifier)
    assert tree(doc) == ["Linear", (RESIDUAL, ["Linear"]), "ReLU", "Linear"] and canvas.selected_id() == relu
    doc.undo_stack.undo()
    first_inner = doc.layer(1).children[0].id  # and Ctrl+Up on the first one, above it
    canvas.select(first_inner)
    qtbot.keyClick(canvas, Qt.Key_Up, Qt.ControlModifier)
    assert tree(doc) == ["Linear", "Linear", (RESIDUAL, ["ReLU"]), "Linear"]
    doc.undo_stack.undo()
    assert doc.spec().to_dict() == original
    canvas.select(doc.layer(1).id)
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert tree(doc) == ["Linear", "Linear"] and canvas.selected_id() == doc.layer(1).id
    doc.undo_stack.undo()
    assert doc.spec().to_dict() == original


def test_templates_with_blocks_open_in_the_editor(page):
    assert page.apply_template("deep_residual_sigmoid")
    doc = page.document
    assert sum(1 for n in doc.view().all_nodes() if n.kind == RESIDUAL) == 19
    assert "<b>41</b> layers in <b>19</b> blocks" in page.summary.text()
    assert not doc.analysis().errors
    page.canvas.grab()  # paints
    doc.undo_stack.undo()
    assert tree(doc) == ["Linear", (RESIDUAL, ["Linear", "ReLU"]), "Linear"]


def test_a_network_of_10000_layers_paints_only_what_is_in_view(page, monkeypatch):
    layers = []
    for _ in range(2000):  # 5 nodes each: Linear, ReLU, Residual[Linear, Tanh]
        layers += [L("Linear", out_features=8), L("ReLU"),
                   BlockSpec.make(RESIDUAL, [L("Linear", out_features=8), L("Tanh")])]
    spec = NetworkSpec((8,), layers)
    page.document.reset(spec)
    canvas = page.canvas
    assert page.document.node_count() == 10_000 and canvas.row_count() == 2 + 6 * 2000
    painted = []
    for name in ("_paint_layer", "_paint_head", "_paint_merge", "_paint_arrow", "_paint_frame"):
        original = getattr(canvas_module.NetworkCanvas, name)
        monkeypatch.setattr(canvas_module.NetworkCanvas, name,
                            lambda self, *a, _f=original, _n=name: painted.append(_n) or _f(self, *a))
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum() // 2)
    viewport = page.scroll.viewport()
    viewport.repaint()
    visible = viewport.height() // (canvas_rows.BLOCK_H + canvas_rows.GAP) + 1
    assert 0 < painted.count("_paint_layer") + painted.count("_paint_head") <= 2 * visible + 4
    assert len(painted) < 200  # of 12,002 rows
    # hit-testing a row deep down is a lookup, and the row is the right one
    last = spec.layers[-1]
    assert canvas.block_at(canvas.node_rect(last.id).center()) == last.id
    assert canvas.insert_place_at(canvas.merge_rect(last.id).top() - 10) == Place(last.id, 0, 2)


def test_blocks_nest_no_deeper_than_a_file_can_hold(page, tmp_path):
    from core.spec import MAX_DEPTH
    doc, canvas = page.document, page.canvas
    refusals = []
    doc.edit_refused.connect(refusals.append)
    parent = ROOT
    for _ in range(MAX_DEPTH):  # 32 blocks, each inside the previous
        parent = doc.insert_node(Place(parent, 0, 0), RESIDUAL).id
    assert refusals == []
    count = doc.node_count()
    doc.insert_node(Place(parent, 0, 0), RESIDUAL)  # the 33rd level: refused, with the reason
    assert doc.node_count() == count and refusals == [
        "Blocks can be nested at most 32 deep: this one would go deeper."]
    doc.insert_node(Place(parent, 0, 0), "ReLU")  # a layer at the deepest level is fine
    assert doc.node_count() == count + 1
    linear = doc.layer(1).id  # a Linear at the top: wrapping it is fine, wrapping the 32-deep chain is not
    assert doc.layer(1).kind == "Linear" and doc.wrap([linear], RESIDUAL) is not None
    assert doc.wrap([doc.layer(0).id], RESIDUAL) is None and len(refusals) == 2
    assert doc.layer(1).kind == RESIDUAL  # the chain into that new block: one level too deep, refused
    assert doc.move_node(doc.layer(0).id, Place(doc.layer(1).id, 0, 0)) is False and len(refusals) == 3
    path = tmp_path / "deep.json"
    doc.save(str(path))
    doc.open(str(path))  # what the editor allowed, a file holds and opens again
    assert doc.node_count() == count + 2
    canvas.grab()


def test_a_pooling_layers_row_shows_the_stride_it_will_use():
    from gui.editor.canvas_paint import _param_text
    from core.spec import LayerSpec
    pool = LayerSpec.make("MaxPool2d", kernel_size=2)          # stride 0 in the spec: PyTorch's default
    assert _param_text(pool, None).startswith("kernel_size=2, stride=2")
    assert _param_text(LayerSpec.make("MaxPool2d", kernel_size=3, stride=1), None).startswith("kernel_size=3, stride=1")
