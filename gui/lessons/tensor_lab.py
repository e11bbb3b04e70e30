"""Tensor lab: pick an operation, fill in its arguments, run it and see the tensor it makes."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from core.lessons import tensor_lab as core_lab
from gui.common.wheel import wheel_scrolls_form
from gui.lessons.widgets import (ACCENT, CODE_BG, ERROR, NOTE_BG, CodeBox, MessageBox, ValueGrid, format_number,
                                 heading, monospace, muted)

_SHORT = {"tensor": "torch.tensor", "arange": "torch.arange", "linspace": "torch.linspace", "rand": "torch.rand",
          "zeros": "torch.zeros", "ones": "torch.ones", "view": "x.view", "reshape": "x.reshape",
          "arith": "a + − * / @ b", "from_numpy": "torch.from_numpy", "numpy": "tensor.numpy()", "to": "x.to(device)"}
_FIELD_ERROR_STYLE = f"border: 2px solid {ERROR}; border-radius: 3px; padding: 2px;"


class TensorLab(QWidget):
    """``group="tensor"`` lists the creation/shape/arithmetic operations first, ``"numpy"`` the conversions."""

    result_ready = Signal(object)  # core.lessons.tensor_lab.TensorResult

    def __init__(self, group: str = "tensor", parent=None):
        super().__init__(parent)
        self.group = group
        self.fields: dict[str, QWidget] = {}
        self.result: core_lab.TensorResult | None = None

        self.ops = QListWidget()
        self.ops.setFont(monospace(10))
        ordered = [op for op in core_lab.OPERATIONS if op.group == group] + \
                  [op for op in core_lab.OPERATIONS if op.group != group]
        for op in ordered:
            item = QListWidgetItem(_SHORT.get(op.id, op.title))
            item.setToolTip(op.title)
            item.setData(Qt.UserRole, op.id)
            self.ops.addItem(item)
        self.ops.currentRowChanged.connect(self._on_op_changed)

        # Ready-made requests, this lesson's first; several show PyTorch refusing.
        self.examples = QListWidget()
        self.examples.setWordWrap(True)
        self.examples.setTextElideMode(Qt.ElideNone)
        self.examples.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.examples.setStyleSheet(f"QListWidget {{ background: {NOTE_BG}; }} "
                                    "QListWidget::item { padding: 3px 2px; }")
        ordered_ex = [e for e in core_lab.EXAMPLES if e.group == group] + \
                     [e for e in core_lab.EXAMPLES if e.group != group]
        for ex in ordered_ex:
            item = QListWidgetItem("→ " + ex.label)
            item.setData(Qt.UserRole, core_lab.EXAMPLES.index(ex))
            self.examples.addItem(item)
        self.examples.itemClicked.connect(self._on_example)
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Operations"), 10))
        left.addWidget(self.ops)
        left.addWidget(heading(self.tr("Try these"), 10))
        left.addWidget(self.examples, 1)
        left_w = QWidget()
        left_w.setLayout(left)
        left_w.setFixedWidth(165)
        self.ops.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.ops.setFixedHeight(self.ops.sizeHintForRow(0) * self.ops.count() + 2 * self.ops.frameWidth() + 2)
        left.setContentsMargins(0, 0, 0, 0)

        self.title = heading("", 12)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setDefault(True)
        self.run_button.setStyleSheet(f"QPushButton {{ background: {ACCENT}; color: white; padding: 5px 18px; "
                                      "border-radius: 4px; font-weight: bold; }")
        self.run_button.clicked.connect(self.run)
        self.reset_button = QPushButton(self.tr("Defaults"))
        self.reset_button.clicked.connect(self._reset_fields)
        self.device_note = muted()

        self.code = CodeBox(max_lines=6)
        self.info = QLabel()
        self.info.setTextFormat(Qt.RichText)
        self.info.setWordWrap(True)       # rank · shape · dtype · device: one line was ~490 px in Japanese
        self.grid = ValueGrid()
        self.printed = QLabel()
        self.printed.setFont(monospace(11))
        self.steps = StepsView()
        self.message = MessageBox()

        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.form_host)
        right.addWidget(self.device_note)
        right.addLayout(buttons)
        self.code_heading = heading(self.tr("The line of PyTorch"), 10)
        right.addWidget(self.code_heading)
        right.addWidget(self.code)
        right.addWidget(self.steps)
        right.addWidget(self.info)
        right.addWidget(self.printed)
        right.addWidget(self.grid)
        right.addWidget(self.message)
        right.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(left_w)
        layout.addLayout(right, 1)
        self.ops.setCurrentRow(0)

    # --- operation and fields ------------------------------------------------------------------
    def current_op(self) -> core_lab.Operation:
        return core_lab.operation(self.ops.currentItem().data(Qt.UserRole))

    def select_operation(self, op_id: str) -> None:
        """Show ``op_id`` with its default arguments, and run it."""
        for row in range(self.ops.count()):
            if self.ops.item(row).data(Qt.UserRole) == op_id:
                if self.ops.currentRow() == row:
                    self._on_op_changed(row)
                else:
                    self.ops.setCurrentRow(row)
                return
        raise KeyError(op_id)

    @Slot(int)
    def _on_op_changed(self, row: int) -> None:
        if row < 0:
            return
        op = self.current_op()
        self.title.setText(op.title)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields.clear()
        for p in op.params:
            if p.kind == "choice":
                w = QComboBox()
                for choice in p.choices:      # "auto": PyTorch infers the dtype from the data
                    w.addItem(self.tr("auto (from the data)") if choice == "auto" else choice, choice)
                if p.name == "device":
                    self._mark_devices(w)
                w.setCurrentIndex(max(0, w.findData(p.default)))
                w.currentIndexChanged.connect(self.run)  # a choice takes effect at once
            else:
                w = QLineEdit(p.default)
                w.setFont(monospace(10))
                w.returnPressed.connect(self.run)
            self.fields[p.name] = w
            self.form.addRow(p.label, w)
        wheel_scrolls_form(self.form_host)
        self.run()

    def _mark_devices(self, combo: QComboBox) -> None:
        """Absent devices stay selectable (to see PyTorch's own error) but say why they are absent."""
        notes = []
        for d in core_lab.devices():
            i = combo.findData(d.name)
            if i < 0:
                continue
            if d.available:
                combo.setItemText(i, self.tr("{0} (available)").format(d.name))
            else:
                combo.setItemText(i, self.tr("{0} (not available here)").format(d.name))
                combo.setItemData(i, d.detail, Qt.ToolTipRole)
                notes.append(f"{d.name}: {d.detail}")
        model = combo.model()
        if isinstance(model, QStandardItemModel):
            for d in core_lab.devices():
                item = model.item(combo.findData(d.name))
                if item is not None and not d.available:
                    item.setForeground(Qt.gray)
        self.device_note.setText("\n".join(notes))

    def apply_example(self, index: int) -> None:
        """Select the example's operation, fill in its fields and run it."""
        ex = core_lab.EXAMPLES[index]
        self.select_operation(ex.op)  # resets the fields to the defaults and runs
        if ex.args:
            for name, text in ex.args:
                w = self.fields[name]
                w.blockSignals(True)  # one run after all fields are set, not one per field
                self.set_field(name, text)
                w.blockSignals(False)
            self.run()

    @Slot(QListWidgetItem)
    def _on_example(self, item: QListWidgetItem) -> None:
        self.apply_example(int(item.data(Qt.UserRole)))

    @Slot()
    def _reset_fields(self) -> None:
        self._on_op_changed(self.ops.currentRow())

    def values(self) -> dict[str, str]:
        out = {}
        for name, w in self.fields.items():
            out[name] = w.currentData() if isinstance(w, QComboBox) else w.text()
        return out

    def set_field(self, name: str, text: str) -> None:
        w = self.fields[name]
        if isinstance(w, QComboBox):
            w.setCurrentIndex(w.findData(text))
        else:
            w.setText(text)

    # --- running -------------------------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        op = self.current_op()
        self.device_note.setVisible(any(p.name == "device" for p in op.params))
        r = core_lab.run(op.id, self.values())
        self.result = r
        for name, w in self.fields.items():
            w.setStyleSheet(_FIELD_ERROR_STYLE if name == r.bad_arg else "")
        self.code.set_code(r.code)
        self.code.setVisible(bool(r.code) and not r.steps)  # a demonstration shows its code step by step
        self.code_heading.setText(self.tr("Step by step") if r.steps else self.tr("The line of PyTorch"))
        self.code_heading.setVisible(bool(r.code))
        self.printed.setVisible(bool(r.printed))
        self.printed.setText(f"→ {r.printed}")
        if r.ok:
            shape = "(" + ", ".join(str(d) for d in r.shape) + ("," if len(r.shape) == 1 else "") + ")"
            self.info.setText(self.tr("<b>rank</b> {0} &nbsp;·&nbsp; <b>shape</b> {1} &nbsp;·&nbsp; "
                                      "<b>dtype</b> {2} &nbsp;·&nbsp; <b>device</b> {3}")
                              .format(r.rank, html.escape(shape), html.escape(r.dtype), html.escape(r.device)))
            if r.rank >= 3:
                self.info.setText(self.info.text() + "<br><span style='color:#59636e'>" + html.escape(
                    self.tr("Rank {0} is shown as rows of the last dimension; a row label [i, j] means "
                            "x[i, j, :].").format(r.rank)) + "</span>")
            self.info.show()
            self.grid.set_array(r.values, highlight=(0,) * r.rank if r.steps and r.rank else None)
            self.grid.show()
            self.message.show_note(r.note)
        else:
            self.info.hide()
            self.grid.set_array(None)
            self.grid.hide()
            if r.bad_arg:
                w = self.fields.get(r.bad_arg)
                if isinstance(w, QLineEdit):
                    w.setFocus()
                    if r.bad_pos >= 0:
                        w.setCursorPosition(r.bad_pos)
                        w.setSelection(r.bad_pos, 1)
                self.message.show_error(self.tr("This argument cannot be used"), r.error, r.explanation)
            else:
                self.message.show_error(self.tr("PyTorch refused this request"), r.error, r.explanation)
        self._show_steps(r)
        self.result_ready.emit(r)

    def _show_steps(self, r: core_lab.TensorResult) -> None:
        self.steps.set_steps(r.steps)
        self.steps.setVisible(bool(r.steps))


class StepsView(QWidget):
    """A demonstration as numbered lines: the code, what it does, and the object's values after it,
    with the element that changed highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(6)
        self.setStyleSheet(f"StepsView {{ background: {CODE_BG}; }}")
        self.labels: list[QLabel] = []

    def set_steps(self, steps) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.labels = []
        for i, s in enumerate(steps):
            changed = i >= 2  # the change, then its effect on the other object
            color = "#c23f84" if i == 2 else (ACCENT if i == 3 else "#1f2328")
            number = QLabel(f"{i + 1}")
            number.setStyleSheet(f"color: white; background: {color}; border-radius: 9px; padding: 1px 6px;")
            code = QLabel(f"<span style='font-family:monospace; font-size:10pt'>{html.escape(s.code)}</span><br>"
                          f"<span style='color:#59636e'>{html.escape(s.caption)}</span>")
            code.setTextFormat(Qt.RichText)
            code.setWordWrap(True)
            values = QLabel(self._values_html(s, changed, color))
            values.setTextFormat(Qt.RichText)
            values.setFont(monospace(10))
            # the values under their line, not beside it: side by side they were ~390 px wide
            self.grid.addWidget(number, 2 * i, 0, Qt.AlignLeft | Qt.AlignTop)
            self.grid.addWidget(code, 2 * i, 1)
            self.grid.addWidget(values, 2 * i + 1, 1, Qt.AlignLeft | Qt.AlignVCenter)
            self.labels += [code, values]
        self.grid.setColumnStretch(1, 1)

    @staticmethod
    def _values_html(step, changed: bool, color: str) -> str:
        flat = [format_number(v) for v in step.values.reshape(-1)[:12]]
        if changed and flat:
            flat[0] = f"<b style='color:{color}'>{flat[0]}</b>"
        more = ", …" if step.values.size > 12 else ""
        return f"{html.escape(step.name)} → [{', '.join(flat)}{more}]"
