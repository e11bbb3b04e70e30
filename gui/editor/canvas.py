"""The network canvas: a column of blocks with the tensor shape flowing between them.

Input block, one block per layer, output block. A residual or concatenate block is a frame
around its layers: a header (click ▾ to collapse it to one line), its layers indented, and the
merge at the bottom (⊕ x + f(x), or the join of two paths); the skip path is drawn beside the
layers. Between two blocks the shape of the tensor that flows, e.g. ``(B, 64)``; on each block its
kind, key parameters and parameter count; problems outline their block in red (error) or amber
(warning), with the message as tooltip (a merge that does not fit is marked on its block).

The canvas owns no network state: it paints ``document.view()`` and ``document.analysis()`` and
turns drops, drags and keys into document edits (each one an undo command). Only the selection
and which blocks are collapsed are its own. Its parts: the rows and their geometry
(``canvas_rows``), the painting (``canvas_paint``), the mouse, keys and drops (``canvas_edit``);
this module holds the widget, its selection and collapsing, hit-testing and tooltips.
"""
from __future__ import annotations

from html import escape

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QToolTip, QWidget

from core.analysis import ERROR
from core.layers import LAYERS, format_shape
from core.spec import BLOCKS, BlockSpec, Place
from gui.editor.canvas_edit import CanvasEditing
from gui.editor.canvas_paint import CanvasPainting
from gui.editor.canvas_rows import GAP, INDENT, INPUT, MARGIN, MAX_W, MIN_W, NO_ARROW, OUTPUT, Row, layout_rows
from gui.editor.style import ERROR_COLOR, WARNING_COLOR


class NetworkCanvas(CanvasPainting, CanvasEditing, QWidget):
    selection_changed = Signal(str)  # node id, or "" when nothing is selected
    input_requested = Signal()  # the input block was clicked: the page focuses the input shape field
    edit_requested = Signal(str)  # a block was double-clicked: the page focuses its first parameter

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._selected = ""
        self._collapsed: set[str] = set()  # block ids drawn as one line
        self._rows: list[Row] = []
        self._tops: list[float] = []
        self._row_of: dict[str, int] = {}  # node id -> its row (a block: its header)
        self._names: dict[str, str] = {}
        self._drop_row: int | None = None  # while a drag hovers: the row whose gap above gets the drop
        self._dragging_id = ""  # the node being moved, drawn faded
        self._press: QPoint | None = None
        self._press_id = ""
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        document.changed.connect(self._document_changed)
        self._document_changed()

    # --- selection and collapsing -------------------------------------------------------------
    def selected_id(self) -> str:
        return self._selected

    def select(self, node_id: str) -> None:
        node_id = node_id if self._exists(node_id) else ""
        if node_id:
            self._reveal(node_id)
        if node_id != self._selected:
            self._selected = node_id
            self.update()
            self.selection_changed.emit(node_id)
        if node_id:
            self._ensure_visible(node_id)

    def _exists(self, node_id: str) -> bool:
        if not node_id:
            return False
        try:
            self.document.node(node_id)
            return True
        except KeyError:
            return False

    def is_collapsed(self, block_id: str) -> bool:
        return block_id in self._collapsed

    def set_collapsed(self, block_id: str, collapsed: bool) -> None:
        """Draw a block as one line (or open it again). A view setting: not an edit, not undone."""
        if collapsed == (block_id in self._collapsed) or not isinstance(self._node(block_id), BlockSpec):
            return
        if collapsed:
            self._collapsed.add(block_id)
            if self._selected and self._selected != block_id and self.document.view().contains(block_id,
                                                                                                 self._selected):
                self.select(block_id)  # the selection would vanish inside: select the block
        else:
            self._collapsed.discard(block_id)
        self._relayout()

    def _reveal(self, node_id: str) -> None:
        """Open every collapsed block around ``node_id`` so that it has a row."""
        if node_id in self._row_of:
            return
        spec = self.document.view()
        opened = {b for b in self._collapsed if b != node_id and spec.contains(b, node_id)}
        if opened:
            self._collapsed -= opened
            self._relayout()

    def _node(self, node_id: str):
        try:
            return self.document.node(node_id)
        except KeyError:
            return None

    def _document_changed(self) -> None:
        spec = self.document.view()
        if self._collapsed:
            alive = {n.id for n in spec.all_nodes() if isinstance(n, BlockSpec)}
            self._collapsed &= alive
        self._relayout()
        if self._selected and not self._exists(self._selected):
            self._selected = ""
            self.selection_changed.emit("")
        elif self._selected:
            self._reveal(self._selected)

    # --- layout -------------------------------------------------------------------------------
    def _relayout(self) -> None:
        self._rows, self._row_of = layout_rows(self.document.view(), self.document.analysis(), self._collapsed)
        self._tops = [r.top for r in self._rows]
        self._names = {}
        self.setMinimumHeight(int(self._rows[-1].bottom + MARGIN))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(MAX_W + 2 * MARGIN, int(self._rows[-1].bottom + MARGIN))

    def _width(self, depth: int) -> float:
        full = min(MAX_W, max(220, self.width() - 2 * MARGIN))
        return max(MIN_W, full - 2 * INDENT * depth)

    def _rect(self, row: Row, depth: int | None = None) -> QRectF:
        w = self._width(row.depth if depth is None else depth)
        return QRectF((self.width() - w) / 2, row.top, w, row.height)

    def row_count(self) -> int:
        return len(self._rows)

    def rows_between(self, y0: float, y1: float) -> range:
        """Indices of the rows that overlap [y0, y1]: what painting the strip touches."""
        first = max(0, bisect_right(self._tops, y0) - 1)
        last = bisect_left(self._tops, y1)
        return range(first, min(last + 1, len(self._rows)))

    def _row_at_y(self, y: float) -> int:
        i = max(0, bisect_right(self._tops, y) - 1)
        return i

    def block_rect(self, index: int) -> QRectF:
        """The rect of top-level node ``index`` (a block: its header)."""
        return self.node_rect(self.document.layer(index).id)

    def node_rect(self, node_id: str) -> QRectF:
        """The rect of a node's row (a block: its header); empty when it has no row (collapsed away)."""
        i = self._row_of.get(node_id)
        return self._rect(self._rows[i]) if i is not None else QRectF()

    def merge_rect(self, block_id: str) -> QRectF:
        head = self._rows[self._row_of[block_id]]
        return self._rect(self._rows[head.end])

    def branch_rect(self, block_id: str, branch: int) -> QRectF:
        """The drop zone of an empty branch, or the label of a concatenate path."""
        head = self._row_of[block_id]
        found = QRectF()
        for i in range(head + 1, self._rows[head].end):
            r = self._rows[i]
            if r.kind in ("empty", "path") and r.node_id == block_id and r.branch == branch:
                found = self._rect(r)
                if r.kind == "empty":
                    break
        return found

    def insert_place_at(self, y: float) -> Place:
        """Where a node dropped at height ``y`` goes: the gap above the first row whose middle is below y
        (inside an empty branch's drop zone: that branch)."""
        i = self._drop_row_at(y)
        return self._rows[i].above

    def _drop_row_at(self, y: float) -> int:
        i = self._row_at_y(y)
        row = self._rows[i]
        if row.kind in ("empty", "placeholder") and row.top <= y <= row.bottom:
            return i
        if y > row.top + row.height / 2:
            i += 1
        i = max(1, min(i, len(self._rows) - 1))  # never above the input
        return i

    def block_at(self, pos: QPointF) -> str:
        """The node id under ``pos`` (a block's header or merge: the block), INPUT / OUTPUT, or ""."""
        i = self._row_at_y(pos.y())
        row = self._rows[i]
        if not (row.top <= pos.y() <= row.bottom and self._rect(row).contains(pos)):
            return ""
        if row.kind == "input":
            return INPUT
        if row.kind == "output":
            return OUTPUT
        if row.kind in ("layer", "head", "merge"):
            return row.node_id
        return ""

    def _toggle_hit(self, pos: QPointF) -> str:
        """The block whose collapse arrow is under ``pos``, or ""."""
        i = self._row_at_y(pos.y())
        row = self._rows[i]
        if row.kind == "head" and row.top <= pos.y() <= row.bottom:
            r = self._rect(row)
            if r.left() <= pos.x() <= r.left() + 30:
                return row.node_id
        return ""

    def _ensure_visible(self, node_id: str) -> None:
        area = self._scroll_area()
        i = self._row_of.get(node_id)
        if area is not None and i is not None:
            r = self._rect(self._rows[i])
            area.ensureVisible(int(r.center().x()), int(r.center().y()), 0, int(r.height() / 2 + GAP))

    def _scroll_area(self) -> QScrollArea | None:
        w = self.parentWidget()
        while w is not None and not isinstance(w, QScrollArea):
            w = w.parentWidget()
        return w

    # --- tooltips -----------------------------------------------------------------------------
    def event(self, event):
        if event.type() == QEvent.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPointF) -> str:
        hit = self.block_at(pos)
        if hit == INPUT:
            return self.tr("The network's input. B is the batch size: how many samples go through at once.")
        if hit == OUTPUT:
            return self.tr("What the network returns for a batch of B samples.")
        if not hit:
            return self._gap_tooltip(pos)
        node = self.document.node(hit)
        if isinstance(node, BlockSpec):
            text = f"<b>{self._block_title(node.kind)}</b><br>{BLOCKS[node.kind].doc}"
        else:
            text = f"<b>{node.kind}</b><br>{LAYERS[node.kind].doc if node.kind in LAYERS else ''}"
        for problem in self.document.analysis().problems_for(hit):
            color = ERROR_COLOR if problem.severity == ERROR else WARNING_COLOR
            text += f"<br><span style='color:{color.name()}'>⚠ {escape(problem.message)}</span>"
        return text

    def _gap_tooltip(self, pos: QPointF) -> str:
        """Pointing between two blocks explains the shape that flows there."""
        i = self._row_at_y(pos.y()) + 1
        if i >= len(self._rows) or self._rows[i - 1].bottom > pos.y():
            return ""
        row = self._rows[i]
        if not self.document.view().layers or row.shape_above is NO_ARROW:
            return ""
        shape = row.shape_above
        if shape is None:
            return self.tr("Unknown shape: a layer above has an error.")
        return self.tr("A tensor of shape {0}: B samples, each made of {1} numbers.").format(
            format_shape(shape), " × ".join(str(d) for d in shape))

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.update()
        super().changeEvent(event)
