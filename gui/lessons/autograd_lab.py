"""Autograd lab: variables with a requires_grad switch, an expression, its graph and its gradients."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from core.lessons import autograd_expr as core_ag
from gui.lessons.graph_view import GraphView
from gui.lessons.widgets import ACCENT, ERROR, CodeBox, MessageBox, Reflow, format_array, heading, monospace, muted

MAX_VARIABLES = 8
ROW_HEIGHT = 26


class _Held(QWidget):
    """Holds a widget at exactly the height its layout needs at the current width.

    Put straight into the lab's column, the inputs' part got less than it needs: the column asks a
    child with a word-wrapped label for its minimum *height-for-width*, which ignores the child's own
    minimum height, so a 4th variable's row slid under the "y =" field and the buttons under the
    graph's heading. Held here, the column sees a fixed height and no height-for-width; the height
    follows the rows and the error pointer as they come and go (so it shrinks back after an error)."""

    def __init__(self, inner: QWidget):
        super().__init__()
        self.inner = inner
        inner.setParent(self)             # no layout: it would pass the height-for-width on
        inner.installEventFilter(self)    # ...its layout's requests (a row, the pointer) come here
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self._fit()

    def needed_height(self, width: int) -> int:
        lay = self.inner.layout()
        return max(lay.totalMinimumSize().height(), lay.totalHeightForWidth(max(width, 1)))

    def _fit(self) -> None:
        h = self.needed_height(max(self.width(), self.minimumSizeHint().width()))
        if h != self.height() or h != self.minimumHeight():
            self.setFixedHeight(h)
        self.inner.setGeometry(self.rect())

    def eventFilter(self, obj, event):
        if obj is self.inner and event.type() == QEvent.LayoutRequest:
            self._fit()
        return False

    def minimumSizeHint(self) -> QSize:
        return QSize(self.inner.minimumSizeHint().width(), self.minimumHeight())

    def sizeHint(self) -> QSize:
        return QSize(self.inner.sizeHint().width(), self.minimumHeight())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit() if event.oldSize().width() != event.size().width() else self.inner.setGeometry(self.rect())


class AutogradLab(QWidget):
    result_ready = Signal(object)  # core.lessons.autograd_expr.AutogradResult

    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: core_ag.AutogradResult | None = None

        self.examples = QComboBox()
        for expr, variables in core_ag.EXAMPLES:
            self.examples.addItem(expr)
        self.examples.activated.connect(self._on_example)

        self.variables = QTableWidget(0, 3)
        self.variables.setHorizontalHeaderLabels([self.tr("name"), self.tr("value"), self.tr("requires_grad")])
        self.variables.verticalHeader().hide()
        self.variables.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.variables.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.variables.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.variables.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.variables.setFont(monospace(10))
        self.variables.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.variables.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.variables.horizontalHeader().setFixedHeight(ROW_HEIGHT)
        self.variables.itemChanged.connect(self._on_variable_changed)
        self.add_button = QPushButton(self.tr("+ variable"))
        self.add_button.setToolTip(self.tr("Add variable"))
        self.add_button.clicked.connect(self._add_variable)
        self.remove_button = QPushButton(self.tr("− variable"))
        self.remove_button.setToolTip(self.tr("Remove the selected variable (or the last one)"))
        self.remove_button.clicked.connect(self._remove_variable)

        self.expression = QLineEdit()
        self.expression.setFont(monospace(12))
        self.expression.setPlaceholderText("a*x + b")
        self.expression.returnPressed.connect(self.run_backward)
        self.functions = muted(self.tr("Allowed: numbers, your variables, + − × ÷ (or * /), ^ or ** for powers, "
                                       "( ) and {0}.").format(", ".join(core_ag.FUNCTIONS)))
        # A word-wrapped label under-reports its height to the layout; reserve its three lines.
        self.functions.setMinimumHeight(self.functions.fontMetrics().lineSpacing() * 3 + 4)
        self.pointer = QLabel()
        self.pointer.setFont(monospace(12))
        self.pointer.setTextFormat(Qt.PlainText)
        self.pointer.setStyleSheet(f"color: {ERROR};")
        self.pointer.hide()

        self.forward_button = QPushButton(self.tr("Forward"))
        self.forward_button.clicked.connect(self.run_forward)
        self.backward_button = QPushButton(self.tr("Forward + y.backward()"))
        self.backward_button.setStyleSheet(f"QPushButton {{ background: {ACCENT}; color: white; padding: 5px 14px; "
                                           "border-radius: 4px; font-weight: bold; }")
        self.backward_button.clicked.connect(self.run_backward)

        self.graph = GraphView()
        self.grads = QLabel()
        self.grads.setTextFormat(Qt.RichText)
        self.grads.setFont(monospace(12))
        self.grads.setStyleSheet("QLabel { background: white; border: 1px solid #d0d7de; border-radius: 4px; "
                                 "padding: 8px; }")
        self.grads.setWordWrap(True)
        self.code = CodeBox(max_lines=9)
        self.code.setFont(monospace(9))
        self.message = MessageBox()

        top = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Example:")))
        row.addWidget(self.examples, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        top.addLayout(row)
        top.addWidget(self.variables)
        row = QHBoxLayout()
        row.addWidget(QLabel("y ="))
        row.addWidget(self.expression, 1)
        top.addLayout(row)
        top.addWidget(self.pointer)
        top.addWidget(self.functions)
        row = QHBoxLayout()
        row.addWidget(self.forward_button)
        row.addWidget(self.backward_button)
        row.addStretch(1)
        top.addLayout(row)
        top.addStretch(1)

        result_col = QVBoxLayout()
        result_col.addWidget(heading(self.tr("Result"), 10))
        # the gradients scroll in a short window instead of being cut at the bottom
        grads_scroll = QScrollArea()
        grads_scroll.setWidget(self.grads)
        grads_scroll.setWidgetResizable(True)
        grads_scroll.setFrameShape(QFrame.NoFrame)
        grads_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        grads_scroll.setMinimumWidth(190)            # "dy/da = a.grad = 5." on one line
        # y and three gradients without scrolling, also when the result sits under the inputs
        grads_scroll.setMinimumHeight(self.grads.fontMetrics().lineSpacing() * 4 + 24)
        result_col.addWidget(grads_scroll, 1)
        result_col.addWidget(self.message)

        inputs, results = QWidget(), QWidget()
        inputs.setLayout(top)
        results.setLayout(result_col)
        for lay in (top, result_col):
            lay.setContentsMargins(0, 0, 0, 0)
        # the result beside the inputs, or under them where both do not fit (a 1024-px window)
        self._upper = _Held(Reflow(inputs, results, 1, 1))

        graph_box = QWidget()
        graph_layout = QVBoxLayout(graph_box)
        graph_layout.setContentsMargins(0, 0, 0, 0)
        graph_layout.addWidget(heading(self.tr("Computation graph"), 10))
        legend = muted(self.tr("Blue: leaf with requires_grad=True · grey: no gradient · green: operation "
                               "(its grad_fn) · orange: output y. After backward(), pink shows each leaf's .grad "
                               "and, for operations, dy/d(node)."))
        graph_layout.addWidget(legend)
        graph_layout.addWidget(self.graph, 1)

        code_box = QWidget()
        code_layout = QVBoxLayout(code_box)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.addWidget(heading(self.tr("The same in PyTorch"), 10))
        code_layout.addWidget(self.code)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._upper)
        layout.addWidget(graph_box, 1)
        layout.addWidget(code_box)

        self.load_example(0)

    # --- variables -----------------------------------------------------------------------------
    def load_example(self, index: int) -> None:
        expr, variables = core_ag.EXAMPLES[index]
        self.examples.setCurrentIndex(index)
        self.set_variables(variables)
        self.expression.setText(expr)
        self.run_backward()

    @Slot(int)
    def _on_example(self, index: int) -> None:
        self.load_example(index)

    def set_variables(self, variables) -> None:
        self.variables.blockSignals(True)
        self.variables.setRowCount(0)
        for v in variables:
            self._append_row(v.name, v.value, v.requires_grad)
        self.variables.blockSignals(False)
        self._fit_table()

    def _append_row(self, name: str, value: str, requires_grad: bool) -> None:
        r = self.variables.rowCount()
        self.variables.insertRow(r)
        self.variables.setItem(r, 0, QTableWidgetItem(name))
        self.variables.setItem(r, 1, QTableWidgetItem(value))
        check = QTableWidgetItem("True" if requires_grad else "False")
        check.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled)
        check.setCheckState(Qt.Checked if requires_grad else Qt.Unchecked)
        self.variables.setItem(r, 2, check)

    def _fit_table(self) -> None:
        rows = self.variables.rowCount()
        # Fixed header and row heights, so the height is known before the table is ever shown.
        h = ROW_HEIGHT * (1 + max(rows, 1)) + 2 * self.variables.frameWidth() + 2
        self.variables.setFixedHeight(min(h, 240))

    def variable_list(self) -> list[core_ag.Variable]:
        out = []
        for r in range(self.variables.rowCount()):
            name = (self.variables.item(r, 0).text() if self.variables.item(r, 0) else "").strip()
            value = self.variables.item(r, 1).text() if self.variables.item(r, 1) else ""
            rg = self.variables.item(r, 2).checkState() == Qt.Checked
            out.append(core_ag.Variable(name, value, rg))
        return out

    def set_requires_grad(self, name: str, on: bool) -> None:
        for r in range(self.variables.rowCount()):
            if self.variables.item(r, 0).text() == name:
                self.variables.item(r, 2).setCheckState(Qt.Checked if on else Qt.Unchecked)

    @Slot(QTableWidgetItem)
    def _on_variable_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 2:
            self.variables.blockSignals(True)
            item.setText("True" if item.checkState() == Qt.Checked else "False")
            self.variables.blockSignals(False)
        self._rerun()  # an edited name, value or switch shows its effect at once

    @Slot()
    def _add_variable(self) -> None:
        if self.variables.rowCount() >= MAX_VARIABLES:
            self.message.show_error(self.tr("Too many variables"),
                                    self.tr("This lab holds at most {0} variables.").format(MAX_VARIABLES))
            return
        taken = {v.name for v in self.variable_list()}
        name = next(c for c in "wxyzuvpqrstabcdefgh" if c not in taken)
        self.variables.blockSignals(True)
        self._append_row(name, "1", True)
        self.variables.blockSignals(False)
        self._fit_table()

    @Slot()
    def _remove_variable(self) -> None:
        rows = sorted({i.row() for i in self.variables.selectedIndexes()}, reverse=True) or \
            [self.variables.rowCount() - 1]
        for r in rows:
            if r >= 0:
                self.variables.removeRow(r)
        self._fit_table()

    # --- running -------------------------------------------------------------------------------
    def _rerun(self) -> None:
        if self.result is not None and self.result.backward_done or (self.result and self.result.error):
            self.run_backward()
        else:
            self.run_forward()

    @Slot()
    def run_forward(self) -> None:
        self._run(backward=False)

    @Slot()
    def run_backward(self) -> None:
        self._run(backward=True)

    def _run(self, backward: bool) -> None:
        text = self.expression.text()
        r = core_ag.run(text, self.variable_list(), backward=backward)
        self.result = r
        if self.pointer.isVisibleTo(self):
            self.pointer.hide()
        self.expression.setStyleSheet("")
        self._mark_bad_variable(r.bad_variable)
        if r.error_pos >= 0:
            # Point at the offending character, as a compiler would.
            self.pointer.setText(text + "\n" + " " * r.error_pos + "^")
            self.pointer.show()
            self.expression.setStyleSheet(f"border: 2px solid {ERROR}; border-radius: 3px;")
            self.expression.setFocus()
            self.expression.setCursorPosition(min(r.error_pos, len(text)))
            if r.error_pos < len(text):
                self.expression.setSelection(r.error_pos, 1)
            self.message.show_error(self.tr("This expression cannot be used"), r.error, "")
        elif r.error and r.bad_variable:
            self.message.show_error(self.tr("Check the variable '{0}'").format(r.bad_variable), r.error,
                                    r.explanation)
        elif r.error:
            self.message.show_error(self.tr("PyTorch's error at y.backward()"), r.error, r.explanation)
        else:
            self.message.hide()
        self.graph.show_result(r, value_label=self.tr("value"), grad_label=self.tr("grad"))
        self.code.set_code(r.code)
        self._show_grads(r)
        self.result_ready.emit(r)

    def _mark_bad_variable(self, name: str) -> None:
        for r in range(self.variables.rowCount()):
            bad = bool(name) and self.variables.item(r, 0).text().strip() == name
            for c in (0, 1):
                item = self.variables.item(r, c)
                if item is not None:
                    item.setBackground(Qt.GlobalColor.yellow if bad else Qt.GlobalColor.transparent)

    def _show_grads(self, r: core_ag.AutogradResult) -> None:
        self.grads.setVisible(bool(r.nodes))
        self.code.setVisible(bool(r.code))
        if not r.nodes:
            self.grads.setText("")
            return
        parts = [self.tr("<b>y</b> = {0}").format(html.escape(format_array(r.output)))]
        if r.backward_done:
            used = {n.label for n in r.nodes if n.kind == "input"}
            wants_grad = {v.name: v.requires_grad for v in self.variable_list()}
            for name, g in r.grads.items():
                if g is None and name not in used and wants_grad.get(name, False):
                    # requires_grad is on, but y does not depend on it: backward() never reaches it
                    parts.append(self.tr("<b>{0}.grad</b> = None (not used in y)").format(html.escape(name)))
                elif g is None:
                    parts.append(self.tr("<b>{0}.grad</b> = None (requires_grad=False)").format(html.escape(name)))
                else:
                    parts.append(self.tr("<b>dy/d{0}</b> = {0}.grad = <span style='color:#c23f84'><b>{1}</b></span>")
                                 .format(html.escape(name), html.escape(format_array(g))))
        elif not r.error:
            parts.append("<span style='font-size:10pt'>" +
                         self.tr("Press “Forward + y.backward()” to compute the gradients.") + "</span>")
        self.grads.setText("<br>".join(parts))
