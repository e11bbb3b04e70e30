"""gui.common.combo.ElidingComboBox: a long current item ends in … in a narrow box, whole elsewhere."""
from gui.common.combo import ElidingComboBox

LONG = "Handwritten digits 8×8 (scikit-learn, 1,797)"


def test_a_long_item_ends_in_an_ellipsis_where_the_box_is_narrow_and_is_whole_in_the_tooltip(qtbot):
    box = ElidingComboBox()
    qtbot.addWidget(box)
    box.addItems(["Moons (2 classes)", LONG])
    box.resize(150, box.sizeHint().height())
    box.show()
    assert box.shown_text() == "Moons (2 classes)"              # short: as it is
    box.setCurrentIndex(1)
    shown = box.shown_text()
    assert shown.endswith("…") and LONG.startswith(shown[:-1])   # cut at the end, never mid-glyph
    assert box.toolTip() == LONG
    box.resize(600, box.height())
    assert box.shown_text() == LONG                              # room enough: whole
    box.grab()                                                   # paints without error
