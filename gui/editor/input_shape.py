"""The network's input shape, typed as numbers separated by commas, applied through ``document.set_input_shape``.

A shape the document refuses leaves the spec unchanged and shows the reason in red beside the field."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from core.layers import format_shape
from core.lessons.literals import LiteralError, parse_shape
from gui.editor.style import ERROR_COLOR, monospace_font
from gui.editor.undo_keys import UndoKeysToDocument


class InputShapeEditor(QWidget):
    """The network's input shape, typed as numbers separated by commas, e.g. ``2`` or ``1, 28, 28``."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._last_text = ""  # the shape text last shown, to tell it from text being typed
        self.label = QLabel()
        self.edit = QLineEdit()
        self.edit.setFont(monospace_font(10))
        self.edit.setMaximumWidth(120)
        self.edit.editingFinished.connect(self.apply_text)
        UndoKeysToDocument(self.edit, lambda: self.edit.text() != self._shape_text())
        self.preview = QLabel()
        self.preview.setFont(monospace_font(10))
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {ERROR_COLOR.name()}; font-weight: bold;")
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.edit)
        row.addWidget(self.preview)
        row.addWidget(self.message)
        row.addStretch(1)
        document.changed.connect(self.refresh)
        self.retranslate()

    def _shape_text(self) -> str:
        return ", ".join(str(d) for d in self.document.view().input_shape)

    def refresh(self) -> None:
        shape = self.document.view().input_shape
        if not self.edit.hasFocus() or self.edit.text() == self._last_text:
            # an undo while the field has focus still shows the shape; text being typed is kept
            self.edit.setText(self._shape_text())
        self._last_text = self._shape_text()
        self.preview.setText("→ " + format_shape(shape))

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def apply_text(self, text: str | None = None) -> str | None:
        """Parse and apply; returns the reason when refused (the spec is then unchanged)."""
        text = self.edit.text() if text is None else text
        try:
            shape = parse_shape(text)
        except LiteralError as e:
            problem = e.message + " " + self.tr("Type whole numbers separated by commas, e.g. 2 or 1, 28, 28")
        else:
            problem = self.document.set_input_shape(shape)
        if problem:
            self.message.setText("✖ " + problem)
            self.message.show()
        else:
            self.message.hide()
        self.edit.setText(", ".join(str(d) for d in self.document.view().input_shape))
        self.preview.setText("→ " + format_shape(self.document.view().input_shape))
        return problem

    def retranslate(self) -> None:
        self.label.setText(self.tr("Input shape:"))
        self.edit.setToolTip(self.tr("Numbers per sample, without the batch dimension B "
                                     "(e.g. 2 for points in the plane). Press Enter to apply."))
        self.refresh()

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
