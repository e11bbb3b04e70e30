"""gui/common/combo.refill_combo: new items replace the old ones silently, the choice kept where it still exists."""
from PySide6.QtWidgets import QComboBox

from gui.common.combo import refill_combo


def test_refill_keeps_the_choice_renames_and_falls_back_without_signals(qtbot):
    box = QComboBox()
    qtbot.addWidget(box)
    seen = []
    box.currentIndexChanged.connect(seen.append)
    refill_combo(box, ["fc1", "fc2", "fc3"])
    assert box.currentIndex() == 0                      # nothing was chosen: the first
    box.setCurrentIndex(2)
    seen.clear()
    refill_combo(box, ["a", "b", "c"])                  # same count, other names: refilled, index kept
    assert [box.itemText(i) for i in range(3)] == ["a", "b", "c"] and box.currentIndex() == 2
    refill_combo(box, ["a", "b"])                       # index 2 is gone: ``beyond`` (the first)
    assert box.currentIndex() == 0
    box.setCurrentIndex(1)
    seen.clear()
    refill_combo(box, ["x"], beyond=-1)
    assert box.currentIndex() == 0 and seen == []       # the last of one; no signal on the way
    box.clear()
    refill_combo(box, ["p", "q", "r"], first=-1)        # nothing chosen, ``first`` -1: the last
    assert box.currentIndex() == 2
