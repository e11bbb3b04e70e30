"""Kernel lab: edit a 3×3 kernel, slide it over a handwritten digit, read the PyTorch line doing it.

Left the digit (with its zero padding), middle the kernel as nine number boxes, right the output
(blue negative, red positive). Click an output pixel: the 3×3 patch it saw is outlined on the
input and its nine products are written out.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout,
                               QWidget)

from core.lessons import conv_lab as core_conv
from gui.images.pixels import DIVERGING, INK, PixelView
from gui.lessons.widgets import CodeBox, heading, monospace, muted

CUSTOM = "custom"


class KernelLab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: core_conv.ConvResult | None = None
        self.selected = (0, 0)
        self._updating = False

        self.digit = QSpinBox()
        self.digit.setRange(0, 9)
        self.digit.setValue(3)
        self.sample = QSpinBox()
        self.sample.setRange(0, 99)
        self.sample.setToolTip(self.tr("Which of the handwritten samples of this digit"))
        self.preset = QComboBox()
        for p in core_conv.PRESETS:
            self.preset.addItem(p.title, p.name)
        self.preset.addItem(self.tr("Custom (edited)"), CUSTOM)
        self.padding = QComboBox()
        for v in (0, 1, 2):
            self.padding.addItem(str(v), v)
        self.padding.setCurrentIndex(1)
        self.stride = QComboBox()
        for v in (1, 2):
            self.stride.addItem(str(v), v)
        self.cells: list[list[QDoubleSpinBox]] = []
        grid = QGridLayout()
        grid.setSpacing(3)
        for i in range(core_conv.K):
            row = []
            for j in range(core_conv.K):
                box = QDoubleSpinBox()
                box.setRange(-9.0, 9.0)
                box.setDecimals(2)
                box.setSingleStep(0.5)
                box.setFixedWidth(64)
                box.valueChanged.connect(self._on_cell_edited)
                grid.addWidget(box, i, j)
                row.append(box)
            self.cells.append(row)

        self.input_view = PixelView(look=INK, show_values=True, min_side=110)
        self.output_view = PixelView(look=DIVERGING, show_values=True, min_side=110)
        self.output_view.clicked.connect(self.select_output)
        self.shape_label = QLabel()
        self.shape_label.setWordWrap(True)    # with its formula, ~480 px on one line
        self.working = QLabel()
        self.working.setFont(monospace(9))
        self.working.setWordWrap(True)
        self.working.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.code = CodeBox(max_lines=11)
        self.code.setFont(monospace(9))

        controls = QVBoxLayout()     # two rows: one was ~560 px, wider than a 1024-px window's lab
        for pairs in (((self.tr("digit"), self.digit), (self.tr("sample"), self.sample), (self.tr("kernel"), self.preset)),
                      ((self.tr("padding"), self.padding), (self.tr("stride"), self.stride))):
            line = QHBoxLayout()
            for label, w in pairs:
                line.addWidget(QLabel(label))
                line.addWidget(w)
            line.addStretch(1)
            controls.addLayout(line)
        kernel_box = QVBoxLayout()
        kernel_box.addStretch(1)
        kernel_box.addWidget(heading(self.tr("3×3 kernel"), 10), 0, Qt.AlignHCenter)
        kernel_box.addLayout(grid)
        edit_note = muted(self.tr("Edit any number."))
        edit_note.setWordWrap(False)          # a short line: wrapped under the 3×3 grid it lost its second line
        kernel_box.addWidget(edit_note, 0, Qt.AlignHCenter)
        kernel_box.addStretch(1)
        pictures = QHBoxLayout()
        for title, view in ((self.tr("input (with padding)"), self.input_view), (None, kernel_box),
                            (self.tr("output: click a pixel"), self.output_view)):
            col = QVBoxLayout()
            if title is None:
                col.addLayout(view)
            else:
                label = heading(title, 10)
                label.setWordWrap(True)           # on two lines rather than widen the lab
                label.setAlignment(Qt.AlignHCenter)
                col.addWidget(label)
                col.addWidget(view, 1)
            pictures.addLayout(col, 0 if title is None else 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(muted(self.tr("The kernel slides over the digit; each output pixel is the sum of the nine "
                                       "products under it. Blue output: negative, red: positive.")))
        layout.addLayout(pictures, 1)
        layout.addWidget(self.shape_label)
        layout.addWidget(self.working)
        layout.addWidget(heading(self.tr("The same in PyTorch"), 10))
        layout.addWidget(self.code)

        for signal in (self.digit.valueChanged, self.sample.valueChanged, self.padding.currentIndexChanged,
                       self.stride.currentIndexChanged):
            signal.connect(self.update_view)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.set_kernel(core_conv.PRESETS[0].kernel)

    # --- what the learner does -----------------------------------------------------------------
    def set_kernel(self, kernel) -> None:
        k = np.asarray(kernel, dtype=float).reshape(core_conv.K, core_conv.K)
        self._updating = True
        try:
            for i in range(core_conv.K):
                for j in range(core_conv.K):
                    self.cells[i][j].setValue(float(k[i, j]))
        finally:
            self._updating = False
        self.update_view()

    def kernel(self) -> np.ndarray:
        return np.array([[c.value() for c in row] for row in self.cells], dtype=np.float32)

    def choose_preset(self, name: str) -> None:
        self.preset.setCurrentIndex(self.preset.findData(name))

    @Slot()
    def _on_preset(self) -> None:
        name = self.preset.currentData()
        if name != CUSTOM:
            self.set_kernel(core_conv.PRESET[name].kernel)

    @Slot()
    def _on_cell_edited(self) -> None:
        if self._updating:
            return
        preset = core_conv.PRESET.get(self.preset.currentData())
        if preset is not None and not np.allclose(np.round(np.asarray(preset.kernel), 2), self.kernel()):
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
            self.preset.blockSignals(False)
        self.update_view()

    @Slot(int, int)
    def select_output(self, i: int, j: int) -> None:
        self.selected = (i, j)
        self._show_working()

    @Slot()
    def update_view(self) -> None:
        image = core_conv.sample(self.digit.value(), self.sample.value())
        r = core_conv.apply(image, self.kernel(), self.padding.currentData(), self.stride.currentData())
        self.result = r
        self.input_view.set_array(r.padded)
        self.output_view.set_array(r.output)
        h, w = r.image.shape
        oh, ow = r.output.shape
        self.shape_label.setText(self.tr("Input {0}×{1}, padding {2}, stride {3} → output {4}×{5}  "
                                         "((H + 2·padding − 3) // stride + 1)").format(
            h, w, r.padding, r.stride, oh, ow))
        self.code.set_code(r.code)
        i, j = self.selected
        self.selected = (min(i, oh - 1), min(j, ow - 1))
        self._show_working()

    def _show_working(self) -> None:
        r = self.result
        if r is None:
            return
        i, j = self.selected
        self.output_view.set_highlight((i, j, 1, 1))
        self.input_view.set_highlight((i * r.stride, j * r.stride, core_conv.K, core_conv.K))
        self.working.setText(core_conv.working(r, i, j))
