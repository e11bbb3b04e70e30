"""Refilling a combo box whose choices follow the data (layers of a model, weight histograms)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox


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
