"""The network canvas: a vertical chain of blocks with the tensor shape flowing between them.

Input block, one block per layer, output block. Between two blocks the shape of the tensor that
flows through, e.g. ``(B, 64)``; on each block its kind, key parameters and parameter count;
problems outline their block in red (error) or amber (warning), with the message as tooltip.

The canvas owns no network state: it paints ``document.spec()`` and ``document.analysis()`` and
turns drops, drags and keys into document edits (each one an undo command). Only the selection
is its own. Drops accept only the editor's MIME types (``gui.editor.mime``): a palette kind is
inserted where it is dropped, a block id is moved there.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea, QSizePolicy, QToolTip, QWidget

from core.analysis import ERROR, WARNING, Problem
from core.layers import LAYERS, format_shape
from core.spec import LayerSpec
from gui.editor import mime
from gui.editor.style import (ACCENT, ERROR_COLOR, IO_COLOR, MUTED, TEXT, WARNING_COLOR, group_color,
                              monospace_font, tint)

INPUT = "input"  # hit-test result for the input block
OUTPUT = "output"

MARGIN = 14  # around the chain
IO_H = 42  # input and output blocks
BLOCK_H = 52  # layer blocks
GAP = 34  # between blocks: the arrow and the shape label
MAX_W = 420
RADIUS = 10


@dataclass
class _Layout:
    input: QRectF
    blocks: list[QRectF]  # one per layer (for an empty network: the drop placeholder)
    output: QRectF
    height: int


class NetworkCanvas(QWidget):
    selection_changed = Signal(str)  # layer id, or "" when nothing is selected
    input_requested = Signal()  # the input block was clicked: the page focuses the input shape field
    edit_requested = Signal(str)  # a block was double-clicked: the page focuses its first parameter

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._selected = ""
        self._drop_index: int | None = None  # insertion indicator while a drag hovers
        self._dragging_id = ""  # the block being moved, drawn faded
        self._press: QPoint | None = None
        self._press_id = ""
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        document.changed.connect(self._document_changed)
        self._document_changed()

    # --- selection ----------------------------------------------------------------------------
    def selected_id(self) -> str:
        return self._selected

    def select(self, layer_id: str) -> None:
        ids = {l.id for l in self.document.spec().layers}
        layer_id = layer_id if layer_id in ids else ""
        if layer_id != self._selected:
            self._selected = layer_id
            self.update()
            self.selection_changed.emit(layer_id)
        if layer_id:
            self._ensure_visible(self._index_of(layer_id))

    def _index_of(self, layer_id: str) -> int:
        for i, l in enumerate(self.document.spec().layers):
            if l.id == layer_id:
                return i
        return -1

    def _document_changed(self) -> None:
        layout = self._layout()
        self.setMinimumHeight(layout.height)
        if self._selected and self._index_of(self._selected) < 0:
            self._selected = ""
            self.selection_changed.emit("")
        self.update()

    # --- geometry -----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(MAX_W + 2 * MARGIN, self._layout().height)

    def _layout(self) -> _Layout:
        w = min(MAX_W, max(220, self.width() - 2 * MARGIN))
        x = (self.width() - w) / 2
        y = MARGIN
        inp = QRectF(x, y, w, IO_H)
        y += IO_H + GAP
        blocks = []
        for _ in range(max(1, self.document.layer_count())):
            blocks.append(QRectF(x, y, w, BLOCK_H))
            y += BLOCK_H + GAP
        out = QRectF(x, y, w, IO_H)
        return _Layout(inp, blocks, out, int(y + IO_H + MARGIN))

    def insert_index_at(self, y: float) -> int:
        """Where a layer dropped at height ``y`` goes: the number of blocks whose middle is above y."""
        n = self.document.layer_count()
        blocks = self._layout().blocks[:n]
        return sum(1 for r in blocks if r.center().y() < y)

    def block_at(self, pos: QPointF) -> str:
        """The layer id under ``pos``, or INPUT / OUTPUT, or "" for empty space."""
        lay = self._layout()
        if lay.input.contains(pos):
            return INPUT
        if lay.output.contains(pos):
            return OUTPUT
        layers = self.document.spec().layers
        for rect, layer in zip(lay.blocks, layers):
            if rect.contains(pos):
                return layer.id
        return ""

    def block_rect(self, index: int) -> QRectF:
        return self._layout().blocks[index]

    def _gap_y(self, lay: _Layout, index: int) -> float:
        """Middle of the gap above block ``index`` (index == n: above the output block)."""
        below = lay.blocks[index] if index < self.document.layer_count() else lay.output
        return below.top() - GAP / 2

    def _ensure_visible(self, index: int) -> None:
        if index < 0:
            return
        area = self._scroll_area()
        if area is not None:
            r = self.block_rect(index)
            area.ensureVisible(int(r.center().x()), int(r.center().y()), 0, int(BLOCK_H / 2 + GAP))

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
        p.fillRect(self.rect(), QColor("#f6f8fa"))
        self._paint(p)
        p.end()

    def _paint(self, p: QPainter) -> None:
        spec = self.document.spec()
        analysis = self.document.analysis()
        lay = self._layout()
        n = len(spec.layers)

        # Arrows and shapes first, so blocks sit on top of the lines.
        shapes = [spec.input_shape] + [info.out_shape for info in analysis.layers]
        tops = lay.blocks[:n] + [lay.output]
        bottoms = [lay.input] + lay.blocks[:n]
        if n == 0:  # input -> drop placeholder; nothing flows on to the output yet
            tops, bottoms, shapes = [lay.blocks[0]], [lay.input], [spec.input_shape]
        for upper, lower, shape in zip(bottoms, tops, shapes):
            self._paint_arrow(p, upper, lower, shape)

        self._paint_io(p, lay.input, self.tr("Input"), spec.input_shape,
                       self.tr("one sample = {0} numbers").format(" × ".join(str(d) for d in spec.input_shape)))
        out_shape = analysis.output_shape if n else None
        self._paint_io(p, lay.output, self.tr("Output"), out_shape,
                       self.tr("model(x) returns this") if out_shape is not None else "")

        if n == 0:
            self._paint_placeholder(p, lay.blocks[0])
        for i, (layer, info, rect) in enumerate(zip(spec.layers, analysis.layers, lay.blocks)):
            self._paint_block(p, rect, i, layer, info, analysis.problems_for(layer.id))

        if self._drop_index is not None:
            self._paint_drop_indicator(p, lay)

    def _paint_arrow(self, p: QPainter, upper: QRectF, lower: QRectF, shape) -> None:
        x = upper.center().x()
        y0, y1 = upper.bottom(), lower.top()
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
        # The shape label: a pill to the right of the arrow.
        text = format_shape(shape)
        font = monospace_font(10)
        font.setBold(True)
        p.setFont(font)
        fm = QFontMetrics(font)
        tw = fm.horizontalAdvance(text)
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

    def _paint_placeholder(self, p: QPainter, rect: QRectF) -> None:
        pen = QPen(QColor("#8c959f"), 1.4, Qt.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.NoBrush)
        p.drawRoundedRect(rect, RADIUS, RADIUS)
        p.setFont(self.font())
        p.setPen(MUTED)
        p.drawText(rect, Qt.AlignCenter, self.tr("Drop layers here from the palette"))

    def _paint_block(self, p: QPainter, rect: QRectF, index: int, layer: LayerSpec, info, problems) -> None:
        kind = LAYERS[layer.kind]
        color = group_color(kind.group)
        selected = layer.id == self._selected
        severity = _worst(problems)
        p.save()
        if layer.id == self._dragging_id:
            p.setOpacity(0.35)
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

        left = rect.adjusted(20, 6, -16, -6)
        details = _param_text(layer, info)
        # With details: name on the upper half, details below; without: the name centred.
        name_row = QRectF(left.left(), left.top(), left.width(), left.height() / 2) if details else left
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() + 1.5)
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(TEXT)
        p.drawText(name_row, Qt.AlignLeft | Qt.AlignVCenter, layer.kind)
        name_w = QFontMetrics(title_font).horizontalAdvance(layer.kind)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 0.5))
        p.setFont(small)
        p.setPen(MUTED)
        p.drawText(name_row.adjusted(name_w + 8, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, f"model[{index}]")
        if details:
            p.setFont(monospace_font(9))
            p.setPen(TEXT)
            p.drawText(QRectF(left.left(), left.center().y(), left.width(), left.height() / 2),
                       Qt.AlignLeft | Qt.AlignVCenter, details)

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

        if severity:  # the "!" badge
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
        p.restore()

    def _paint_drop_indicator(self, p: QPainter, lay: _Layout) -> None:
        if self.document.layer_count() == 0:
            rect = lay.blocks[0]
            p.setPen(QPen(ACCENT, 2.2, Qt.DashLine))
            p.setBrush(QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 30))
            p.drawRoundedRect(rect, RADIUS, RADIUS)
            return
        y = self._gap_y(lay, self._drop_index)
        x0, x1 = lay.input.left() - 6, lay.input.right() + 6
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
        spec = self.document.spec()
        if hit == INPUT:
            return self.tr("The network's input. B is the batch size: how many samples go through at once.")
        if hit == OUTPUT:
            return self.tr("What the network returns for a batch of B samples.")
        if not hit:
            return self._gap_tooltip(pos)
        layer = spec.layers[spec.index_of(hit)]
        text = f"<b>{layer.kind}</b><br>{LAYERS[layer.kind].doc}"
        for problem in self.document.analysis().problems_for(hit):
            color = ERROR_COLOR if problem.severity == ERROR else WARNING_COLOR
            text += f"<br><span style='color:{color.name()}'>⚠ {_html(problem.message)}</span>"
        return text

    def _gap_tooltip(self, pos: QPointF) -> str:
        """Pointing between two blocks explains the shape that flows there."""
        lay = self._layout()
        n = self.document.layer_count()
        if not lay.input.left() <= pos.x() <= lay.input.right() or n == 0:
            return ""
        index = self.insert_index_at(pos.y())
        analysis = self.document.analysis()
        shape = self.document.spec().input_shape if index == 0 else analysis.layers[index - 1].out_shape
        if shape is None:
            return self.tr("Unknown shape: a layer above has an error.")
        return self.tr("A tensor of shape {0}: B samples, each made of {1} numbers.").format(
            format_shape(shape), " × ".join(str(d) for d in shape))

    # --- mouse and keys -----------------------------------------------------------------------
    def mousePressEvent(self, event):
        self.setFocus(Qt.MouseFocusReason)
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
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
        if hit not in ("", INPUT, OUTPUT):
            self.select(hit)
            self.edit_requested.emit(hit)
        else:
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event):
        hit = self.block_at(QPointF(event.pos()))
        if hit in ("", INPUT, OUTPUT):
            return
        self.select(hit)
        index = self._index_of(hit)
        n = self.document.layer_count()
        menu = QMenu(self)
        up = menu.addAction(self.tr("Move up"), lambda: self.document.move_layer(hit, index - 1))
        up.setEnabled(index > 0)
        down = menu.addAction(self.tr("Move down"), lambda: self.document.move_layer(hit, index + 1))
        down.setEnabled(index < n - 1)
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.exec(event.globalPos())

    def mouseMoveEvent(self, event):
        if (self._press is not None and event.buttons() & Qt.LeftButton
                and (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance()):
            layer_id, self._press = self._press_id, None
            self._start_drag(layer_id)
            return
        hit = self.block_at(event.position())
        self.setCursor(Qt.OpenHandCursor if hit not in ("", INPUT, OUTPUT) else Qt.ArrowCursor)

    def mouseReleaseEvent(self, event):
        self._press = None
        super().mouseReleaseEvent(event)

    def _start_drag(self, layer_id: str) -> None:
        index = self._index_of(layer_id)
        if index < 0:
            return
        rect = self.block_rect(index).toAlignedRect()
        drag = QDrag(self)
        drag.setMimeData(mime.layer_id_mime(layer_id))
        pixmap = self.grab(rect.adjusted(-2, -2, 2, 2))
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // 2, pixmap.height() // 2))
        self._dragging_id = layer_id
        self.update()
        try:
            drag.exec(Qt.MoveAction)
        finally:
            self._dragging_id = ""
            self._drop_index = None
            self.update()

    def keyPressEvent(self, event):
        index = self._index_of(self._selected)
        n = self.document.layer_count()
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key_Delete, Qt.Key_Backspace) and index >= 0:
            self.delete_selected()
        elif key in (Qt.Key_Up, Qt.Key_Down) and n:
            step = -1 if key == Qt.Key_Up else 1
            if mods & (Qt.ControlModifier | Qt.AltModifier) and index >= 0:
                self.document.move_layer(self._selected, index + step)  # keyboard reorder
                self._ensure_visible(self._index_of(self._selected))
            else:
                new = min(n - 1, max(0, index + step)) if index >= 0 else (0 if step > 0 else n - 1)
                self.select(self.document.layer(new).id)
        elif key == Qt.Key_Escape:
            self.select("")
        else:
            super().keyPressEvent(event)

    def delete_selected(self) -> None:
        index = self._index_of(self._selected)
        if index < 0:
            return
        self.document.remove_layer(self._selected)
        n = self.document.layer_count()
        self.select(self.document.layer(min(index, n - 1)).id if n else "")

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
            return text in LAYERS
        if kind == mime.LAYER_ID_MIME:
            return self._index_of(text) >= 0
        return False

    def dragEnterEvent(self, event):
        if self._acceptable(event):
            self._accept(event)
            self._drop_index = self.insert_index_at(event.position().y())
            self.update()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        if not self._acceptable(event):
            event.ignore()
            return
        self._accept(event)
        index = self.insert_index_at(event.position().y())
        if index != self._drop_index:
            self._drop_index = index
            self.update()
        area = self._scroll_area()
        if area is not None:  # scroll while dragging near the edge of a long network
            pos = event.position().toPoint()
            area.ensureVisible(pos.x(), pos.y(), 0, 40)

    def dragLeaveEvent(self, event):
        self._drop_index = None
        self.update()

    def dropEvent(self, event):
        kind, text = self._payload(event)
        self._drop_index = None
        self.update()
        if not self._acceptable(event):
            event.ignore()
            return
        index = self.insert_index_at(event.position().y())
        if kind == mime.LAYER_KIND_MIME:
            layer = self.document.insert_layer(index, text)
            self.select(layer.id)
        else:
            old = self._index_of(text)
            self.document.move_layer(text, index - 1 if old < index else index)
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


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
