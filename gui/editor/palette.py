"""The palette: every layer kind, grouped, with a filter box; drag a kind onto the canvas to add it.

Entries come from the registries (``core.layers`` and the blocks of ``core.spec``), so a new kind
appears here without GUI code. The "Blocks" group holds the residual and concatenate blocks,
which other layers are then dragged into. A drag carries the kind under ``LAYER_KIND_MIME``;
double-click (or Enter) asks to append it.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core.layers import GROUPS, LAYERS, group_title, kinds_in_group
from core.spec import BLOCKS, RESIDUAL
from gui.editor.mime import kind_mime
from gui.editor.style import group_color, swatch_icon, tint

KIND_ROLE = Qt.UserRole + 1
BLOCKS_GROUP = "block"


def _group_of(kind_name: str) -> str:
    return BLOCKS_GROUP if kind_name in BLOCKS else LAYERS[kind_name].group


def _doc_of(kind_name: str) -> str:
    return BLOCKS[kind_name].doc if kind_name in BLOCKS else LAYERS[kind_name].doc


class _KindTree(QTreeWidget):
    """A tree whose leaf items drag their layer kind in the editor's MIME type."""

    def startDrag(self, supported_actions):
        item = self.currentItem()
        kind = item.data(0, KIND_ROLE) if item is not None else None
        if not kind:
            return
        drag = QDrag(self)
        drag.setMimeData(kind_mime(kind))
        drag.setPixmap(_drag_pixmap(kind, self.font()))
        drag.exec(Qt.CopyAction)


def _drag_pixmap(kind_name: str, font: QFont) -> QPixmap:
    """A small block in the kind's group colour that follows the mouse while dragging."""
    font = QFont(font)
    font.setBold(True)
    width = QFontMetrics(font).horizontalAdvance(kind_name) + 28
    pix = QPixmap(width, 28)
    pix.fill(QColor(0, 0, 0, 0))
    color = group_color(_group_of(kind_name))
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(QPen(color, 1.5))
    p.setBrush(tint(color, 0.18))
    p.drawRoundedRect(QRectF(1, 1, width - 2, 26), 8, 8)
    p.setFont(font)
    p.setPen(QColor("#1f2328"))
    p.drawText(QRectF(0, 0, width, 28), Qt.AlignCenter, kind_name)
    p.end()
    return pix


class Palette(QWidget):
    kind_activated = Signal(str)  # double-click or Enter on a kind: append it to the network

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #59636e;")
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.tree = _KindTree()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._show_doc)
        self.about = QLabel()  # the explanation of the kind under the cursor, without hovering
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.RichText)
        self.about.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.about.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.about)
        layout.addWidget(self.hint)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.tree.clear()
        for group in GROUPS + (BLOCKS_GROUP,):
            header = QTreeWidgetItem(self.tree)
            header.setData(0, Qt.UserRole, group)
            header.setFlags(Qt.ItemIsEnabled)  # a heading: neither selectable nor draggable
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            header.setForeground(0, group_color(group).darker(115))
            names = list(BLOCKS) if group == BLOCKS_GROUP else [k.name for k in kinds_in_group(group)]
            for name in names:
                item = QTreeWidgetItem(header, [name])
                item.setData(0, KIND_ROLE, name)
                item.setIcon(0, swatch_icon(group_color(group)))
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled)
            header.setExpanded(True)

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter layers…"))
        self.hint.setText(self.tr("Drag a layer into the network, or double-click it to add it at the end."))
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            group = header.data(0, Qt.UserRole)
            header.setText(0, self.tr("Blocks") if group == BLOCKS_GROUP else group_title(group))
            for j in range(header.childCount()):
                item = header.child(j)
                kind = item.data(0, KIND_ROLE)
                if kind in BLOCKS:
                    item.setText(0, self._block_title(kind))
                item.setToolTip(0, self._tooltip(kind))
        self.set_filter(self.filter_edit.text())
        self._show_doc(self.tree.currentItem())

    def _block_title(self, kind: str) -> str:
        return self.tr("Residual block") if kind == RESIDUAL else self.tr("Concatenate")

    def _tooltip(self, kind_name: str) -> str:
        if kind_name in BLOCKS:
            return (f"<b>{self._block_title(kind_name)}</b><br>{BLOCKS[kind_name].doc}<br><i>"
                    + self.tr("Drag layers into the block once it is in the network.") + "</i>")
        kind = LAYERS[kind_name]
        text = f"<b>{kind.name}</b><br>{kind.doc}"
        if kind.inferred:
            text += f"<br><i>{kind.inferred}</i>"
        return text

    def set_filter(self, text: str) -> None:
        """Show only kinds whose name, group or explanation contains ``text`` (case-insensitive)."""
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            group_hit = needle in header.text(0).lower()
            shown = 0
            for j in range(header.childCount()):
                item = header.child(j)
                name = item.data(0, KIND_ROLE)
                hit = (not needle or group_hit or needle in name.lower() or needle in item.text(0).lower()
                       or needle in _doc_of(name).lower())
                item.setHidden(not hit)
                shown += hit
            header.setHidden(shown == 0)

    def visible_kinds(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            for j in range(header.childCount()):
                item = header.child(j)
                if not item.isHidden() and not header.isHidden():
                    out.append(item.data(0, KIND_ROLE))
        return out

    def _show_doc(self, item, previous=None) -> None:
        kind = item.data(0, KIND_ROLE) if item is not None else None
        self.about.setText(self._tooltip(kind) if kind else "")

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind:
            self.kind_activated.emit(kind)

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
