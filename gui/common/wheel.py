"""The mouse wheel over a scrolling form scrolls the form.

Qt gives a wheel turn to the combo box, spin box or slider under the pointer, so a learner scrolling
down the training settings changed the optimiser, the batch size and the epochs on the way. With
``wheel_scrolls_form(form)`` a field takes the wheel only while it has the keyboard focus (a click or
Tab gives it); otherwise the turn goes to the scroll area around it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollBar, QWidget

FIELDS = (QComboBox, QAbstractSpinBox, QAbstractSlider)


class _WheelToForm(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            area = _scroll_area(obj)
            if area is not None:
                QCoreApplication.sendEvent(area.viewport(), event)
            return True     # the field keeps its value either way
        return False


def _scroll_area(w: QWidget) -> QAbstractScrollArea | None:
    p = w.parentWidget()
    while p is not None and not isinstance(p, QAbstractScrollArea):
        p = p.parentWidget()
    return p


_filter: _WheelToForm | None = None


def wheel_scrolls_form(root: QWidget) -> None:
    """Every field under ``root`` now: the wheel scrolls the form unless the field has the focus.
    Call it again after adding fields (installing twice is harmless)."""
    global _filter
    if _filter is None:
        _filter = _WheelToForm(QCoreApplication.instance())
    for w in root.findChildren(QWidget):
        if isinstance(w, FIELDS) and not isinstance(w, QScrollBar):
            w.setFocusPolicy(Qt.StrongFocus)      # not WheelFocus: a wheel turn does not take the focus
            w.installEventFilter(_filter)
