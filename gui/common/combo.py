"""Combo boxes: refilling one whose choices follow the data (layers of a model, weight histograms),
and one whose long item names end in … where the box is narrow (the list shows them whole)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter


def refill_combo(box: QComboBox, items: list[str], first: int = 0, beyond: int = 0) -> None:
    """Give ``box`` these items if they changed, without emitting its signals, keeping its index if
    still valid; else ``first`` (nothing was chosen) or ``beyond`` (the index is past the end);
    -1 is the last item."""
    if [box.itemText(i) for i in range(box.count())] == items:
        return
    keep = box.currentIndex()
    box.blockSignals(True)
    box.clear()
    box.addItems(items)
    if not 0 <= keep < len(items):
        keep = (first if keep < 0 else beyond) % max(1, len(items))
    box.setCurrentIndex(keep)
    box.blockSignals(False)


class ElidingComboBox(QComboBox):
    """A combo box that shows its current item cut with … where the box is too narrow for it (a
    plain one cuts it off mid-word), and whole in its tooltip; its list shows every item whole."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.currentIndexChanged.connect(lambda _: self.setToolTip(self.currentText()))

    def shown_text(self) -> str:
        """The current item as the closed box shows it: cut with … to the box's text field."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        room = self.style().subControlRect(QStyle.CC_ComboBox, opt, QStyle.SC_ComboBoxEditField, self).width()
        return self.fontMetrics().elidedText(opt.currentText, Qt.ElideRight, room)

    def paintEvent(self, event):
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.CE_ComboBoxLabel, opt)

    def showPopup(self):
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)   # the list: whole names
        super().showPopup()
