"""The editor page: palette | canvas | inspector and code, with templates and the input shape on top.

Every view mirrors the one ``NetworkDocument`` (shared with the training page); the page only
wires them together: palette activation appends a layer, canvas selection drives the inspector.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMenu, QScrollArea, QSplitter, QToolButton, QVBoxLayout,
                               QWidget)

from core.templates import TEMPLATES
from gui.editor.canvas import NetworkCanvas
from gui.editor.code_view import CodeView
from gui.editor.input_shape import InputShapeEditor
from gui.editor.inspector import LayerInspector
from gui.editor.palette import Palette
from gui.editor.summary import NetworkSummary, ShapeLegend


class EditorPage(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document

        # --- top bar: templates, input shape, undo/redo --------------------------------------
        self.template_button = QToolButton()
        self.template_button.setPopupMode(QToolButton.InstantPopup)
        self.template_button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.template_menu = QMenu(self)
        self.template_menu.setToolTipsVisible(True)
        self.template_button.setMenu(self.template_menu)
        self.input_editor = InputShapeEditor(document)
        # Plain page buttons without shortcuts: the main window's Edit menu owns Ctrl+Z / Ctrl+Shift+Z.
        stack = document.undo_stack
        self.undo_button, self.redo_button = QToolButton(), QToolButton()
        self.undo_button.clicked.connect(stack.undo)
        self.redo_button.clicked.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        stack.undoTextChanged.connect(self.undo_button.setToolTip)
        stack.redoTextChanged.connect(self.redo_button.setToolTip)
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 2)
        top.addWidget(self.template_button)
        top.addSpacing(16)
        top.addWidget(self.input_editor, 1)
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)

        # --- left: palette --------------------------------------------------------------------
        self.palette = Palette()
        self.palette_title = QLabel()
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(8, 4, 4, 8)
        lcol.addWidget(self.palette_title)
        lcol.addWidget(self.palette, 1)

        # --- middle: summary, canvas, legend --------------------------------------------------
        self.summary = NetworkSummary(document)
        self.canvas = NetworkCanvas(document)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.StyledPanel)
        self.scroll.setStyleSheet("QScrollArea { background: #f6f8fa; }")
        self.legend = ShapeLegend()
        middle = QWidget()
        mcol = QVBoxLayout(middle)
        mcol.setContentsMargins(4, 4, 4, 8)
        mcol.addWidget(self.summary)
        mcol.addWidget(self.scroll, 1)
        mcol.addWidget(self.legend)

        # --- right: inspector over code -------------------------------------------------------
        self.inspector = LayerInspector(document)
        self.code_view = CodeView(document)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.inspector)
        right.addWidget(self.code_view)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setChildrenCollapsible(False)
        right.setSizes([330, 400])
        right.setContentsMargins(4, 4, 8, 8)
        self.right = right

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([210, 540, 530])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        # --- wiring ---------------------------------------------------------------------------
        self.palette.kind_activated.connect(self.append_layer)
        self.canvas.selection_changed.connect(self.inspector.set_layer)
        self.canvas.input_requested.connect(self._focus_input)
        self.canvas.edit_requested.connect(self.inspector.focus_first_editor)
        self.canvas.selection_changed.connect(self._highlight_code)
        document.changed.connect(self._follow_selection)
        self.inspector.remove_requested.connect(self._remove)
        self.retranslate()

    # --- actions ------------------------------------------------------------------------------
    def append_layer(self, kind: str) -> None:
        """Add ``kind`` at the end of the network and select it (the palette's double-click)."""
        layer = self.document.insert_layer(self.document.layer_count(), kind)
        self.canvas.select(layer.id)

    def apply_template(self, name: str) -> bool:
        """Replace the network by template ``name`` as one undoable step; False if unknown."""
        template = TEMPLATES.get(name)
        if template is None:
            return False
        self.canvas.select("")
        self.document.set_spec(template.make(), self.tr("Start from template: {0}").format(template.title))
        return True

    def _highlight_code(self, node_id: str) -> None:
        self.code_view.highlight_node(node_id)

    def _follow_selection(self) -> None:
        # A move or an insertion above shifts the selected layer's line in the code.
        self._highlight_code(self.canvas.selected_id())

    def _remove(self, layer_id: str) -> None:
        self.canvas.select(layer_id)
        self.canvas.delete_selected()

    def _focus_input(self) -> None:
        self.input_editor.edit.setFocus(Qt.MouseFocusReason)
        self.input_editor.edit.selectAll()

    def shutdown(self) -> None:
        """The editor runs no background work; present because the main window calls it on every page."""

    # --- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.template_button.setText(self.tr("Start from template ▾"))
        self.template_button.setToolTip(self.tr("Replace the network by a ready-made one (undo brings yours back)"))
        self.template_menu.clear()
        for name, template in TEMPLATES.items():
            action = self.template_menu.addAction(template.title)
            action.setToolTip(template.doc)
            action.setData(name)
            action.triggered.connect(lambda checked=False, n=name: self.apply_template(n))
        self.undo_button.setText("↶ " + self.tr("Undo"))
        self.redo_button.setText("↷ " + self.tr("Redo"))
        self.palette_title.setText("<b>" + self.tr("Layers") + "</b>")

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
