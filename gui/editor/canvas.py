"""The network canvas: a column of blocks with the tensor shape flowing between them.

Input block, one block per layer, output block. A residual or concatenate block is a frame
around its layers: a header (click ▾ to collapse it to one line), its layers indented, and the
merge at the bottom (⊕ x + f(x), or the join of two paths); the skip path is drawn beside the
layers. Between two blocks the shape of the tensor that flows, e.g. ``(B, 64)``; on each block its
kind, key parameters and parameter count; problems outline their block in red (error) or amber
(warning), with the message as tooltip (a merge that does not fit is marked on its block).

The canvas owns no network state: it paints ``document.view()`` and ``document.analysis()`` and
turns drops, drags and keys into document edits (each one an undo command). Only the selection
and which blocks are collapsed are its own. Drops accept only the editor's MIME types
(``gui.editor.mime``): a palette kind is inserted where it is dropped (into a block when dropped
inside it), a dragged block's id is moved there.

The tree is laid out once per change as a list of rows with their heights (O(n)); painting and
hit-testing look up only the rows in view (bisect), so a network of 10,000 layers draws as fast
as one of ten.
"""
from __future__ import annotations

from html import escape

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea, QSizePolicy, QToolTip, QWidget

from core.analysis import ERROR, WARNING, Problem
from core.build import module_names
from core.layers import LAYERS, format_shape
from core.spec import BLOCKS, CONCAT, RESIDUAL, ROOT, BlockSpec, LayerSpec, Place
from gui.editor import mime
from gui.editor.style import (ACCENT, BLOCK_COLOR, ERROR_COLOR, IO_COLOR, MUTED, SKIP_COLOR, TEXT, WARNING_COLOR,
                              group_color, monospace_font, tint)

INPUT = "input"  # hit-test result for the input block
OUTPUT = "output"

MARGIN = 14  # around the column
IO_H = 42  # input and output blocks
BLOCK_H = 52  # layer blocks
HEAD_H = 40  # a block's header
MERGE_H = 34  # a block's merge (⊕)
PATH_H = 22  # "path A" / "path B" labels of a concatenate block
EMPTY_H = 34  # the drop zone of an empty branch
GAP = 34  # between rows: the arrow and the shape label
INDENT = 22  # each nesting level narrows the column by this much on both sides
MAX_W = 420
MIN_W = 170
RADIUS = 10
NO_ARROW = object()  # shape_above of a row no arrow leads into (path B starts from the skip line)


@dataclass
class _Row:
    kind: str  # "input", "output", "layer", "head", "path", "empty", "merge", "placeholder"
    node_id: str
    depth: int
    top: float
    height: float
    above: Place  # where a drop in the gap above this row goes
    above_depth: int  # the nesting of that list (for the drop indicator's width)
    shape_above: object  # the shape flowing into this row from above (None: unknown; NO_ARROW)
    parent: int = -1  # row index of the enclosing block's header
    end: int = -1  # header rows: index of their merge row (their own index when collapsed)
    branch: int = 0  # path and empty rows

    @property
    def bottom(self) -> float:
        return self.top + self.height


class NetworkCanvas(QWidget):
    selection_changed = Signal(str)  # node id, or "" when nothing is selected
    input_requested = Signal()  # the input block was clicked: the page focuses the input shape field
    edit_requested = Signal(str)  # a block was double-clicked: the page focuses its first parameter

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._selected = ""
        self._collapsed: set[str] = set()  # block ids drawn as one line
        self._rows: list[_Row] = []
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
        self._rows, self._row_of = _layout(self.document.view(), self.document.analysis(), self._collapsed)
        self._tops = [r.top for r in self._rows]
        self._names = {}
        self.setMinimumHeight(int(self._rows[-1].bottom + MARGIN))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(MAX_W + 2 * MARGIN, int(self._rows[-1].bottom + MARGIN))

    def _width(self, depth: int) -> float:
        full = min(MAX_W, max(220, self.width() - 2 * MARGIN))
        return max(MIN_W, full - 2 * INDENT * depth)

    def _rect(self, row: _Row, depth: int | None = None) -> QRectF:
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

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.setRenderHint(QPainter.TextAntialiasing)
        clip = event.rect()
        p.fillRect(clip, QColor("#f6f8fa"))
        self._paint(p, clip.top() - GAP, clip.bottom() + GAP)
        p.end()

    def _paint(self, p: QPainter, y0: float, y1: float) -> None:
        spec, analysis = self.document.view(), self.document.analysis()
        rows = self._rows
        visible = self.rows_between(y0, y1)
        if not self._names and not self.document.is_flat():
            self._names = module_names(spec)
        # The frames of the blocks in view (and of those around the first row in view), outer first.
        heads = set()
        i = visible[0] if visible else -1
        while i >= 0:
            if rows[i].kind == "head":
                heads.add(i)
            i = rows[i].parent
        heads.update(i for i in visible if rows[i].kind == "head" and rows[i].end != i)
        heads = [h for h in heads if rows[h].end != h]
        for h in sorted(heads, key=lambda h: rows[h].depth):
            self._paint_frame(p, h, analysis)
        # Arrows into each row in view (and into the one after it).
        for i in range(max(1, visible.start), min(len(rows), visible.stop + 1)):
            self._paint_arrow(p, i)
        for i in visible:
            row = rows[i]
            rect = self._rect(row)
            if row.kind == "input":
                self._paint_io(p, rect, self.tr("Input"), spec.input_shape, self.tr("one sample = {0} numbers").format(
                    " × ".join(str(d) for d in spec.input_shape)))
            elif row.kind == "output":
                out = analysis.output_shape if spec.layers else None
                self._paint_io(p, rect, self.tr("Output"), out, self.tr("model(x) returns this") if out else "")
            elif row.kind == "placeholder":
                self._paint_placeholder(p, rect, self.tr("Drop layers here from the palette"))
            elif row.kind == "empty":
                self._paint_placeholder(p, rect, self.tr("Drop layers into this block"))
            elif row.kind == "path":
                self._paint_path_label(p, rect, row)
            else:
                node = self.document.node(row.node_id)
                faded = self._dragging_id and self._inside_dragged(i)
                p.save()
                if faded:
                    p.setOpacity(0.35)
                if row.kind == "layer":
                    self._paint_layer(p, rect, node, analysis.info(node.id), analysis.problems_for(node.id))
                elif row.kind == "head":
                    self._paint_head(p, rect, node, analysis, row.end == i)
                else:
                    self._paint_merge(p, rect, node, analysis)
                p.restore()
        if self._drop_row is not None:
            self._paint_drop_indicator(p)

    def _inside_dragged(self, i: int) -> bool:
        while i >= 0:
            if self._rows[i].node_id == self._dragging_id and self._rows[i].kind in ("layer", "head", "merge"):
                return True
            i = self._rows[i].parent
        return False

    def _paint_frame(self, p: QPainter, head: int, analysis) -> None:
        """A block's frame from its header to its merge, and its skip path(s) beside the layers."""
        rows = self._rows
        top, end = rows[head], rows[rows[head].end]
        block = self.document.node(top.node_id)
        r = self._rect(top)
        frame = QRectF(r.left(), r.top(), r.width(), end.bottom - r.top())
        severity = _worst(analysis.problems_for(block.id))
        selected = block.id == self._selected
        p.setPen(QPen(ERROR_COLOR if severity == ERROR else ACCENT if selected else tint(BLOCK_COLOR, 0.55),
                      2.0 if severity or selected else 1.2))
        p.setBrush(tint(BLOCK_COLOR, 0.05 + 0.03 * (top.depth % 3)))
        p.drawRoundedRect(frame, RADIUS + 2, RADIUS + 2)
        inner = self._width(top.depth + 1)
        x_skip = r.left() + (r.width() - inner) / 4  # the middle of the left margin
        mid_x = r.center().x()
        merge = self._rect(end)
        y_merge = merge.center().y()
        pen = QPen(SKIP_COLOR, 2.0)
        pen.setCapStyle(Qt.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.NoBrush)
        font = monospace_font(9)
        font.setBold(True)
        p.setFont(font)
        if block.kind == RESIDUAL:  # x goes around f and is added at the merge
            path = QPainterPath(QPointF(mid_x - 14, r.bottom()))
            path.cubicTo(QPointF(x_skip, r.bottom()), QPointF(x_skip, r.bottom()), QPointF(x_skip, r.bottom() + 14))
            path.lineTo(QPointF(x_skip, y_merge))
            path.lineTo(QPointF(mid_x - 13, y_merge))
            p.drawPath(path)
            self._arrow_head(p, QPointF(mid_x - 13, y_merge), 0, SKIP_COLOR)
            p.setPen(SKIP_COLOR)
            p.drawText(QRectF(x_skip + 4, r.bottom() + 2, 80, 16), Qt.AlignLeft | Qt.AlignVCenter, "x")
            return
        # concatenate: x also goes to path B (left margin); path A's result goes to the merge (right)
        b_row = next((rows[k] for k in range(head + 1, top.end) if rows[k].kind == "path" and rows[k].branch == 1
                      and rows[k].node_id == block.id), None)
        if b_row is None:
            return
        b_rect = self._rect(b_row)
        path = QPainterPath(QPointF(mid_x - 14, r.bottom()))
        path.lineTo(QPointF(x_skip, r.bottom() + 8))
        path.lineTo(QPointF(x_skip, b_rect.center().y()))
        path.lineTo(QPointF(b_rect.left() - 2, b_rect.center().y()))
        p.drawPath(path)
        self._arrow_head(p, QPointF(b_rect.left() - 2, b_rect.center().y()), 0, SKIP_COLOR)
        x_right = r.right() - (r.width() - inner) / 4
        a_end = rows[self._row_index_before(b_row)]
        path = QPainterPath(QPointF(mid_x, a_end.bottom))
        path.lineTo(QPointF(mid_x, a_end.bottom + 8))
        path.lineTo(QPointF(x_right, a_end.bottom + 8))
        path.lineTo(QPointF(x_right, y_merge))
        path.lineTo(QPointF(mid_x + 13, y_merge))
        p.drawPath(path)
        self._arrow_head(p, QPointF(mid_x + 13, y_merge), 180, SKIP_COLOR)
        p.setPen(SKIP_COLOR)
        p.drawText(QRectF(x_skip + 4, r.bottom() + 2, 80, 16), Qt.AlignLeft | Qt.AlignVCenter, "x")

    def _row_index_before(self, row: _Row) -> int:
        return self._rows.index(row, max(0, self._row_of.get(row.node_id, 0))) - 1

    @staticmethod
    def _arrow_head(p: QPainter, tip: QPointF, angle: int, color: QColor) -> None:
        path = QPainterPath()
        dx = -7 if angle == 0 else 7
        path.moveTo(tip)
        path.lineTo(tip.x() + dx, tip.y() - 4.5)
        path.lineTo(tip.x() + dx, tip.y() + 4.5)
        path.closeSubpath()
        p.fillPath(path, color)

    def _paint_arrow(self, p: QPainter, i: int) -> None:
        """The arrow into row ``i`` from the row above, with the shape that flows there."""
        row, upper = self._rows[i], self._rows[i - 1]
        if row.shape_above is NO_ARROW:
            return
        x = self.width() / 2
        y0, y1 = upper.bottom, row.top
        shape = row.shape_above
        unknown = shape is None
        line = QColor("#8c959f")
        p.setPen(QPen(line, 1.6))
        p.drawLine(QPointF(x, y0 + 1), QPointF(x, y1 - 6))
        path = QPainterPath()
        path.moveTo(x, y1 - 1)
        path.lineTo(x - 5, y1 - 8)
        path.lineTo(x + 5, y1 - 8)
        path.closeSubpath()
        p.fillPath(path, line)
        text = format_shape(shape)
        font = monospace_font(10)
        font.setBold(True)
        p.setFont(font)
        tw = QFontMetrics(font).horizontalAdvance(text)
        pill = QRectF(x + 12, (y0 + y1) / 2 - 10, tw + 16, 20)
        # Unknown ("?") only follows an error further up, which is marked on its own block: stay quiet here.
        p.setPen(QPen(QColor("#d0d7de"), 1, Qt.DashLine if unknown else Qt.SolidLine))
        p.setBrush(QColor("#f6f8fa") if unknown else QColor("#ffffff"))
        p.drawRoundedRect(pill, 10, 10)
        p.setPen(MUTED if unknown else TEXT)
        p.drawText(pill, Qt.AlignCenter, text)

    def _paint_io(self, p: QPainter, rect: QRectF, title: str, shape, note: str) -> None:
        p.setPen(QPen(IO_COLOR, 1.2))
        p.setBrush(tint(IO_COLOR, 0.10))
        p.drawRoundedRect(rect, RADIUS, RADIUS)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 1)
        font.setBold(True)
        p.setFont(font)
        p.setPen(TEXT)
        inner = rect.adjusted(16, 0, -16, 0)
        p.drawText(inner, Qt.AlignVCenter | Qt.AlignLeft, title)
        title_w = QFontMetrics(font).horizontalAdvance(title)
        mono = monospace_font(10)
        mono.setBold(True)
        p.setFont(mono)
        p.drawText(inner.adjusted(title_w + 12, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, format_shape(shape))
        if note:
            small = QFont(self.font())
            small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
            p.setFont(small)
            p.setPen(MUTED)
            p.drawText(inner, Qt.AlignVCenter | Qt.AlignRight, note)

    def _paint_placeholder(self, p: QPainter, rect: QRectF, text: str) -> None:
        pen = QPen(QColor("#8c959f"), 1.4, Qt.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.NoBrush)
        p.drawRoundedRect(rect, RADIUS, RADIUS)
        p.setFont(self.font())
        p.setPen(MUTED)
        p.drawText(rect, Qt.AlignCenter, text)

    def _paint_path_label(self, p: QPainter, rect: QRectF, row: _Row) -> None:
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(SKIP_COLOR)
        p.drawText(rect, Qt.AlignCenter, self._branch_title(row.branch))

    def _branch_title(self, branch: int) -> str:
        return self.tr("path A") if branch == 0 else self.tr("path B")

    def _code_name(self, node_id: str, index_hint: int) -> str:
        if self.document.is_flat():
            return f"model[{index_hint}]"
        if not self._names:
            self._names = module_names(self.document.view())
        parts = self._names.get(node_id, "").split(".")
        return "model" + "".join(f"[{q}]" if q.isdigit() else f".{q}" for q in parts)

    def _badge(self, p: QPainter, rect: QRectF, severity: str) -> None:
        c = ERROR_COLOR if severity == ERROR else WARNING_COLOR
        badge = QRectF(rect.right() - 36, rect.center().y() - 11, 22, 22)
        p.setPen(Qt.NoPen)
        p.setBrush(c)
        p.drawEllipse(badge)
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor("white"))
        p.drawText(badge, Qt.AlignCenter, "!")

    def _paint_layer(self, p: QPainter, rect: QRectF, layer: LayerSpec, info, problems) -> None:
        kind = LAYERS.get(layer.kind)
        color = group_color(kind.group if kind else "")
        selected = layer.id == self._selected
        severity = _worst(problems)
        if selected:  # a soft halo around the selected block
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 50))
            p.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), RADIUS + 4, RADIUS + 4)
        p.setBrush(tint(color, 0.16 if selected else 0.09))
        border = ERROR_COLOR if severity == ERROR else WARNING_COLOR if severity == WARNING else color
        width = 2.4 if severity or selected else 1.2
        p.setPen(QPen(ACCENT if selected and not severity else border, width))
        p.drawRoundedRect(rect, RADIUS, RADIUS)
        # The group stripe on the left edge.
        stripe = QPainterPath()
        stripe.addRoundedRect(rect.adjusted(1, 1, -1, -1), RADIUS - 1, RADIUS - 1)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), 7, rect.height()))
        p.fillPath(stripe.intersected(clip), color)

        limit = self._paint_count(p, rect, info, severity) - 10  # texts on the left stop before the count
        left = rect.adjusted(20, 6, -16, -6)
        left.setRight(max(left.left() + 20, limit))
        details = _param_text(layer, info)
        # With details: name on the upper half, details below; without: the name centred.
        name_row = QRectF(left.left(), left.top(), left.width(), left.height() / 2) if details else left
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() + 1.5)
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(TEXT)
        name = _elide(title_font, layer.kind, name_row.width())
        p.drawText(name_row, Qt.AlignLeft | Qt.AlignVCenter, name)
        name_w = QFontMetrics(title_font).horizontalAdvance(name)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 0.5))
        p.setFont(small)
        p.setPen(MUTED)
        index = self._rows[self._row_of[layer.id]].above.index
        code_row = name_row.adjusted(name_w + 8, 0, 0, 0)
        p.drawText(code_row, Qt.AlignLeft | Qt.AlignVCenter,
                   _elide(small, self._code_name(layer.id, index), code_row.width()))
        if details:
            mono = monospace_font(9)
            p.setFont(mono)
            p.setPen(TEXT)
            p.drawText(QRectF(left.left(), left.center().y(), left.width(), left.height() / 2),
                       Qt.AlignLeft | Qt.AlignVCenter, _elide(mono, details, left.width()))

    def _paint_count(self, p: QPainter, rect: QRectF, info, severity: str) -> float:
        """The parameter count at the right (and the problem badge); returns where the count's text starts."""
        count = info.n_params
        if info.out_shape is None:  # an error here or above: the count is unknown, not zero
            count_text = self.tr("? parameters")
        else:
            count_text = self.tr("{0} parameters").format(f"{count:,}") if count else self.tr("no parameters")
        count_font = QFont(self.font())
        count_font.setBold(bool(count))
        p.setFont(count_font)
        p.setPen(TEXT if count else MUTED)
        right = rect.adjusted(0, 0, -16, 0)
        if severity:
            right = right.adjusted(0, 0, -30, 0)
        p.drawText(right, Qt.AlignRight | Qt.AlignVCenter, count_text)
        if severity:
            self._badge(p, rect, severity)
        return right.right() - QFontMetrics(count_font).horizontalAdvance(count_text)

    def _paint_head(self, p: QPainter, rect: QRectF, block: BlockSpec, analysis, collapsed: bool) -> None:
        selected = block.id == self._selected
        problems = analysis.problems_for(block.id)
        severity = _worst(problems)
        info = analysis.info(block.id)
        if selected:
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 50))
            p.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), RADIUS + 4, RADIUS + 4)
        p.setBrush(tint(BLOCK_COLOR, 0.22 if selected else 0.14))
        border = ERROR_COLOR if severity == ERROR else WARNING_COLOR if severity == WARNING else BLOCK_COLOR
        p.setPen(QPen(ACCENT if selected and not severity else border, 2.4 if severity or selected else 1.4))
        p.drawRoundedRect(rect, RADIUS, RADIUS)
        limit = self._paint_count(p, rect, info, severity) - 10
        p.setPen(TEXT)
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(rect.left() + 8, rect.top(), 20, rect.height()), Qt.AlignCenter, "▸" if collapsed else "▾")
        font.setPointSizeF(font.pointSizeF() + 1)
        p.setFont(font)
        left = rect.adjusted(30, 0, -16, 0)
        left.setRight(max(left.left() + 20, limit))
        title = _elide(font, self._block_title(block.kind), left.width())
        p.drawText(left, Qt.AlignLeft | Qt.AlignVCenter, title)
        title_w = QFontMetrics(font).horizontalAdvance(title)
        mono = monospace_font(9)
        p.setFont(mono)
        p.setPen(MUTED)
        if collapsed:
            n = sum(1 for br in block.branches for _ in br)
            what = self.tr("{0} inside").format(n) + "  " + format_shape(info.in_shape) + " → " + format_shape(
                info.out_shape)
        else:
            what = "x + f(x)" if block.kind == RESIDUAL else f"cat(dim={block.params['dim']})"
        rest = left.adjusted(title_w + 10, 0, 0, 0)
        p.drawText(rest, Qt.AlignLeft | Qt.AlignVCenter, _elide(mono, what, rest.width()))

    def _block_title(self, kind: str) -> str:
        return self.tr("Residual block") if kind == RESIDUAL else self.tr("Concatenate")

    def _paint_merge(self, p: QPainter, rect: QRectF, block: BlockSpec, analysis) -> None:
        severity = _worst(analysis.problems_for(block.id))
        c = rect.center()
        circle = QRectF(c.x() - 13, c.y() - 13, 26, 26)
        color = ERROR_COLOR if severity == ERROR else SKIP_COLOR
        p.setPen(QPen(color, 2.0))
        p.setBrush(QColor("white"))
        p.drawEllipse(circle)
        if block.kind == RESIDUAL:  # a plus
            p.drawLine(QPointF(c.x() - 6, c.y()), QPointF(c.x() + 6, c.y()))
            p.drawLine(QPointF(c.x(), c.y() - 6), QPointF(c.x(), c.y() + 6))
        else:  # two bars: side by side
            p.drawLine(QPointF(c.x() - 3, c.y() - 6), QPointF(c.x() - 3, c.y() + 6))
            p.drawLine(QPointF(c.x() + 3, c.y() - 6), QPointF(c.x() + 3, c.y() + 6))
        p.setFont(QFont(self.font()))
        p.setPen(ERROR_COLOR if severity == ERROR else MUTED)
        label = "x + f(x)" if block.kind == RESIDUAL else f"cat(dim={block.params['dim']})"
        if severity == ERROR:
            label = self.tr("shapes do not fit")
        if block.kind == RESIDUAL:  # the skip path arrives from the left: the label goes right
            p.drawText(QRectF(circle.right() + 8, rect.top(), rect.right() - circle.right() - 8, rect.height()),
                       Qt.AlignLeft | Qt.AlignVCenter, label)
        else:  # path A arrives from the right: the label goes left
            p.drawText(QRectF(rect.left(), rect.top(), circle.left() - 8 - rect.left(), rect.height()),
                       Qt.AlignRight | Qt.AlignVCenter, label)

    def _paint_drop_indicator(self, p: QPainter) -> None:
        row = self._rows[self._drop_row]
        if row.kind in ("empty", "placeholder"):
            rect = self._rect(row)
            p.setPen(QPen(ACCENT, 2.2, Qt.DashLine))
            p.setBrush(QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 30))
            p.drawRoundedRect(rect, RADIUS, RADIUS)
            return
        y = row.top - GAP / 2
        w = self._width(row.above_depth)
        x0, x1 = (self.width() - w) / 2 - 6, (self.width() + w) / 2 + 6
        p.setPen(QPen(ACCENT, 3.2, Qt.SolidLine, Qt.RoundCap))
        p.drawLine(QPointF(x0, y), QPointF(x1, y))
        p.setBrush(ACCENT)
        p.setPen(Qt.NoPen)
        p.drawEllipse(QPointF(x0, y), 5, 5)
        p.drawEllipse(QPointF(x1, y), 5, 5)

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

    # --- mouse and keys -----------------------------------------------------------------------
    def mousePressEvent(self, event):
        self.setFocus(Qt.MouseFocusReason)
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        toggle = self._toggle_hit(event.position())
        if toggle:
            self.set_collapsed(toggle, not self.is_collapsed(toggle))
            return
        hit = self.block_at(event.position())
        if hit == INPUT:
            self.select("")
            self.input_requested.emit()
        elif hit == OUTPUT or not hit:
            self.select("")
        else:
            self.select(hit)
            self._press, self._press_id = event.position().toPoint(), hit

    def mouseDoubleClickEvent(self, event):
        hit = self.block_at(event.position())
        if hit not in ("", INPUT, OUTPUT) and not self._toggle_hit(event.position()):
            self.select(hit)
            self.edit_requested.emit(hit)
        else:
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event):
        hit = self.block_at(QPointF(event.pos()))
        if hit in ("", INPUT, OUTPUT):
            return
        self.select(hit)
        self.context_menu(hit).exec(event.globalPos())

    def context_menu(self, node_id: str) -> QMenu:
        """The actions on one layer or block (also what a test triggers)."""
        doc = self.document
        place = doc.place_of(node_id)
        n = len(doc.view().branch(place.parent, place.branch))
        node = doc.node(node_id)
        menu = QMenu(self)
        up = menu.addAction(self.tr("Move up"), lambda: doc.move_layer(node_id, place.index - 1))
        up.setEnabled(place.index > 0)
        down = menu.addAction(self.tr("Move down"), lambda: doc.move_layer(node_id, place.index + 1))
        down.setEnabled(place.index < n - 1)
        menu.addSeparator()
        menu.addAction(self.tr("Wrap in a residual block"), lambda: self._wrap(node_id, RESIDUAL))
        menu.addAction(self.tr("Wrap in a concatenate block (path A)"), lambda: self._wrap(node_id, CONCAT))
        if isinstance(node, BlockSpec):
            menu.addAction(self.tr("Unwrap: keep the layers, remove the block"), lambda: doc.unwrap(node_id))
            text = self.tr("Expand") if self.is_collapsed(node_id) else self.tr("Collapse")
            menu.addAction(text, lambda: self.set_collapsed(node_id, not self.is_collapsed(node_id)))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self.delete_selected)
        return menu

    def _wrap(self, node_id: str, kind: str) -> None:
        block = self.document.wrap([node_id], kind)
        if block is not None:
            self.select(block.id)

    def mouseMoveEvent(self, event):
        if (self._press is not None and event.buttons() & Qt.LeftButton
                and (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance()):
            node_id, self._press = self._press_id, None
            self._start_drag(node_id)
            return
        hit = self.block_at(event.position())
        if self._toggle_hit(event.position()):
            self.setCursor(Qt.PointingHandCursor)
        else:
            self.setCursor(Qt.OpenHandCursor if hit not in ("", INPUT, OUTPUT) else Qt.ArrowCursor)

    def mouseReleaseEvent(self, event):
        self._press = None
        super().mouseReleaseEvent(event)

    def _start_drag(self, node_id: str) -> None:
        i = self._row_of.get(node_id)
        if i is None:
            return
        rect = self._rect(self._rows[i]).toAlignedRect()
        drag = QDrag(self)
        drag.setMimeData(mime.layer_id_mime(node_id))
        pixmap = self.grab(rect.adjusted(-2, -2, 2, 2))
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // 2, pixmap.height() // 2))
        self._dragging_id = node_id
        self.update()
        try:
            drag.exec(Qt.MoveAction)
        finally:
            self._dragging_id = ""
            self._drop_row = None
            self.update()

    def _selectable_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.kind in ("layer", "head")]

    def keyPressEvent(self, event):
        key, mods = event.key(), event.modifiers()
        sel = self._selected
        if key in (Qt.Key_Delete, Qt.Key_Backspace) and sel:
            self.delete_selected()
        elif key in (Qt.Key_Up, Qt.Key_Down):
            step = -1 if key == Qt.Key_Up else 1
            if mods & (Qt.ControlModifier | Qt.AltModifier) and sel:
                self._move_by_key(sel, step)
                self._ensure_visible(sel)
            else:
                self._step_selection(step)
        elif key in (Qt.Key_Left, Qt.Key_Right) and isinstance(self._node(sel), BlockSpec):
            self.set_collapsed(sel, key == Qt.Key_Left)
        elif key == Qt.Key_Escape:
            self.select("")
        else:
            super().keyPressEvent(event)

    def _move_by_key(self, node_id: str, step: int) -> None:
        """Ctrl+↑/↓: swap with the neighbour in the same list; past the first or last place of a
        block's branch, out of the block (above or below it)."""
        doc = self.document
        place = doc.place_of(node_id)
        n = len(doc.view().branch(place.parent, place.branch))
        if 0 <= place.index + step < n:
            doc.move_layer(node_id, place.index + step)
        elif place.parent != ROOT:
            outer = doc.place_of(place.parent)
            doc.move_node(node_id, Place(outer.parent, outer.branch, outer.index + (0 if step < 0 else 1)))

    def _step_selection(self, step: int) -> None:
        rows = self._rows
        cur = self._row_of.get(self._selected, -1)
        i = cur + step if cur >= 0 else (0 if step > 0 else len(rows) - 1)
        while 0 <= i < len(rows) and rows[i].kind not in ("layer", "head"):
            i += step
        if 0 <= i < len(rows):
            self.select(rows[i].node_id)

    def delete_selected(self) -> None:
        sel = self._selected
        if not self._exists(sel):
            return
        place = self.document.place_of(sel)
        self.document.remove_layer(sel)
        siblings = self.document.view().branch(place.parent, place.branch)
        if siblings:
            self.select(siblings[min(place.index, len(siblings) - 1)].id)
        else:
            self.select(place.parent)  # the block it was in ("" at the top level)

    # --- drops --------------------------------------------------------------------------------
    @staticmethod
    def _payload(event) -> tuple[str, str]:
        """(mime type, text) of an acceptable drag, or ("", "")."""
        data = event.mimeData()
        for kind in (mime.LAYER_ID_MIME, mime.LAYER_KIND_MIME):
            text = mime.read(data, kind)
            if text:
                return kind, text
        return "", ""

    def _acceptable(self, event) -> bool:
        kind, text = self._payload(event)
        if kind == mime.LAYER_KIND_MIME:
            return text in LAYERS or text in BLOCKS
        if kind == mime.LAYER_ID_MIME:
            return self._exists(text)
        return False

    def _allowed_here(self, event) -> bool:
        """A block cannot go inside itself."""
        kind, text = self._payload(event)
        if kind != mime.LAYER_ID_MIME:
            return True
        place = self.insert_place_at(event.position().y())
        return place.parent == ROOT or not self.document.view().contains(text, place.parent)

    def dragEnterEvent(self, event):
        if self._acceptable(event):
            self._accept(event)
            self._drop_row = self._drop_row_at(event.position().y())
            self.update()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        if not self._acceptable(event):
            event.ignore()
            return
        if not self._allowed_here(event):
            event.ignore()
            if self._drop_row is not None:
                self._drop_row = None
                self.update()
            return
        self._accept(event)
        row = self._drop_row_at(event.position().y())
        if row != self._drop_row:
            self._drop_row = row
            self.update()
        area = self._scroll_area()
        if area is not None:  # scroll while dragging near the edge of a long network
            pos = event.position().toPoint()
            area.ensureVisible(pos.x(), pos.y(), 0, 40)

    def dragLeaveEvent(self, event):
        self._drop_row = None
        self.update()

    def dropEvent(self, event):
        kind, text = self._payload(event)
        self._drop_row = None
        self.update()
        if not self._acceptable(event) or not self._allowed_here(event):
            event.ignore()
            return
        place = self.insert_place_at(event.position().y())
        if kind == mime.LAYER_KIND_MIME:
            node = self.document.insert_node(place, text)
            self.select(node.id)
        else:
            self.document.move_node(text, place)
            self.select(text)
        self._accept(event)

    @staticmethod
    def _accept(event) -> None:
        kind, _ = NetworkCanvas._payload(event)
        wanted = Qt.MoveAction if kind == mime.LAYER_ID_MIME else Qt.CopyAction
        if event.possibleActions() & wanted:
            event.setDropAction(wanted)
            event.accept()
        else:
            event.acceptProposedAction()

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.update()
        super().changeEvent(event)


def _layout(spec, analysis, collapsed: set[str]) -> tuple[list[_Row], dict[str, int]]:
    """The rows of the column, top to bottom, with their heights and what flows into each.

    Recursion follows the nesting of blocks only (at most ``core.spec.MAX_DEPTH`` in a file), never
    the number of layers."""
    rows: list[_Row] = []
    row_of: dict[str, int] = {}
    infos = analysis.nodes
    y = float(MARGIN)

    def add(kind, node_id, depth, height, above, above_depth, shape_above, parent=-1, branch=0) -> int:
        nonlocal y
        if rows:
            y += GAP
        rows.append(_Row(kind, node_id, depth, y, height, above, above_depth, shape_above, parent, branch=branch))
        y += height
        return len(rows) - 1

    def nodes_of(nodes, parent_id, branch, depth, parent_row, shape):
        for i, node in enumerate(nodes):
            info = infos.get(node.id)
            place = Place(parent_id, branch, i)
            if isinstance(node, LayerSpec):
                row_of[node.id] = add("layer", node.id, depth, BLOCK_H, place, depth, shape, parent_row)
            else:
                row_of[node.id] = block_of(node, place, depth, parent_row, shape)
            shape = info.out_shape if info else None

    def block_of(block, place, depth, parent_row, shape) -> int:
        head = add("head", block.id, depth, HEAD_H, place, depth, shape, parent_row)
        if block.id in collapsed:
            rows[head].end = head
            return head
        info = infos.get(block.id)
        x_shape = info.in_shape if info else None
        for b, nodes in enumerate(block.branches):
            first_arrow = x_shape
            if block.kind == CONCAT:
                above = Place(block.id, 0, 0) if b == 0 else Place(block.id, b - 1, len(block.branches[b - 1]))
                add("path", block.id, depth + 1, PATH_H, above, depth + 1, x_shape if b == 0 else NO_ARROW, head, b)
            if nodes:
                nodes_of(nodes, block.id, b, depth + 1, head, first_arrow)
            else:
                add("empty", block.id, depth + 1, EMPTY_H, Place(block.id, b, 0), depth + 1, first_arrow, head, b)
        shapes = info.branch_shapes if info else ()
        last = block.branches[-1]
        merge = add("merge", block.id, depth, MERGE_H, Place(block.id, len(block.branches) - 1, len(last)),
                    depth + 1, shapes[-1] if shapes else None, head)
        rows[head].end = merge
        return head

    add("input", "", 0, IO_H, Place(ROOT, 0, 0), 0, NO_ARROW)
    if spec.layers:
        nodes_of(spec.layers, ROOT, 0, 0, -1, tuple(spec.input_shape))
    else:
        add("placeholder", "", 0, BLOCK_H, Place(ROOT, 0, 0), 0, tuple(spec.input_shape))
    add("output", "", 0, IO_H, Place(ROOT, 0, len(spec.layers)), 0,
        analysis.output_shape if spec.layers else NO_ARROW)
    return rows, row_of


def _elide(font: QFont, text: str, width: float) -> str:
    """``text`` cut with "…" to fit ``width`` pixels (a narrow, deeply nested block keeps its count readable)."""
    if width <= 0:
        return ""
    return QFontMetrics(font).elidedText(text, Qt.ElideRight, int(width))


def _worst(problems: list[Problem]) -> str:
    if any(p.severity == ERROR for p in problems):
        return ERROR
    return WARNING if problems else ""


def _param_text(layer: LayerSpec, info) -> str:
    """The key parameters on one line, e.g. ``2 → 16`` for a Linear layer fed (B, 2)."""
    p = layer.params
    if layer.kind == "Linear":
        n_in = info.in_shape[-1] if info.in_shape else "?"
        return f"{n_in} → {p['out_features']}" + ("" if p["bias"] else "  bias=False")
    parts = [f"{name}={value!r}" if isinstance(value, str) else f"{name}={value:g}" if isinstance(value, float)
             else f"{name}={value}" for name, value in p.items()]
    return ", ".join(parts)

