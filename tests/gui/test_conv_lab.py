"""The kernel lab as a learner drives it: presets, editing a cell, clicking an output pixel."""
import numpy as np
from PySide6.QtCore import QPoint, Qt

from core.lessons import conv_lab as C
from gui.images.pixels import cell_rect_of
from gui.lessons.conv_lab import CUSTOM, KernelLab


def test_kernel_lab(qtbot):
    lab = KernelLab()
    qtbot.addWidget(lab)
    lab.resize(700, 600)
    lab.show()
    assert lab.result is not None and lab.result.output.shape == (8, 8)        # padding 1 keeps 8×8
    assert np.array_equal(lab.kernel(), np.array(C.PRESET["vertical"].kernel, np.float32))
    lab.choose_preset("identity")
    np.testing.assert_allclose(lab.result.output, lab.result.image)           # identity copies the digit
    # editing one cell turns the preset into "custom" and doubles the output
    lab.cells[1][1].setValue(2.0)
    assert lab.preset.currentData() == CUSTOM
    np.testing.assert_allclose(lab.result.output, 2 * lab.result.image)
    lab.stride.setCurrentIndex(lab.stride.findData(2))
    assert lab.result.output.shape == (4, 4) and "stride=2" in lab.code.toPlainText()
    assert "output 4×4" in lab.shape_label.text()
    # clicking output pixel (1, 2) outlines the 3×3 input patch at (2, 4) of the padded input
    qtbot.mouseClick(lab.output_view, Qt.LeftButton, pos=cell_rect_of(lab.output_view, 1, 2).center())
    assert lab.selected == (1, 2)
    assert lab.input_view.highlight == (2, 4, 3, 3)
    assert lab.working.text().startswith("output[1, 2]")
    assert lab.working.text().endswith(f"= {lab.result.output[1, 2]:.3f}")
    lab.digit.setValue(7)
    assert np.array_equal(lab.result.image, C.sample(7, 0))
