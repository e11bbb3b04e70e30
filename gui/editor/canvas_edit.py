"""How the network canvas turns the mouse, the keys and drops into edits of the document (each one an
undo command): select, collapse, move, wrap, delete; drag a block, drop a palette kind or a block.

A mixin of ``gui.editor.canvas.NetworkCanvas``. Drops accept only the editor's MIME types
(``gui.editor.mime``): a palette kind is inserted where it is dropped (into a block when dropped
inside it), a dragged block's id is moved there.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication, QMenu

from core.layers import LAYERS
from core.spec import BLOCKS, CONCAT, RESIDUAL, ROOT, BlockSpec, Place
from gui.editor import mime
from gui.editor.canvas_rows import INPUT, OUTPUT


class CanvasEditing:
    """Mouse, key, context-menu and drag-and-drop handlers, for a QWidget with the canvas's rows and document."""

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
        kind, _ = CanvasEditing._payload(event)
        wanted = Qt.MoveAction if kind == mime.LAYER_ID_MIME else Qt.CopyAction
        if event.possibleActions() & wanted:
            event.setDropAction(wanted)
            event.accept()
        else:
            event.acceptProposedAction()
