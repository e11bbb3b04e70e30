"""Ctrl+Z / Ctrl+Shift+Z typed in an editor field undo and redo the document, not the field's text."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget


def is_undo_key(event) -> bool:
    # built per call: QKeySequence's standard keys need the running QGuiApplication
    keys = QKeySequence.keyBindings(QKeySequence.Undo) + QKeySequence.keyBindings(QKeySequence.Redo)
    keys += [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    return QKeySequence(event.keyCombination()) in keys


class UndoKeysToDocument(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z typed in a field reach the window's Undo / Redo (the document).

    A line edit claims these keys for its own text history, so without this, Ctrl+Z after changing
    a value (committed on Enter) did nothing. While a value is still being typed (``pending()``),
    the keys stay with the text, as in any text field."""

    def __init__(self, field: QWidget, pending):
        super().__init__(field)
        self._pending = pending
        field.installEventFilter(self)

    def eventFilter(self, obj, event):
        if (event.type() == QEvent.ShortcutOverride and not self._pending()
                and is_undo_key(event)):
            event.ignore()  # not overridden: the shortcut (the Edit menu's action) runs
            return True
        return False


def undo_keys_to_document(box) -> None:
    """``UndoKeysToDocument`` for a spin box, pending while its text differs from its value."""
    # the spin box has the focus and hands its keys to its line edit: both need the filter
    pending = lambda: box.lineEdit().text() != box.textFromValue(box.value())  # noqa: E731
    UndoKeysToDocument(box, pending)
    UndoKeysToDocument(box.lineEdit(), pending)
