"""Small building blocks shared by the lesson labs: a value grid, a code box, an error box, colours."""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QTextOption
from PySide6.QtWidgets import (QAbstractItemView, QBoxLayout, QFrame, QGraphicsView, QHeaderView, QLabel, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QTextEdit, QWidget)

from gui.common.theme import ACCENT, CODE_BG, ERROR, ERROR_BG, MUTED, NOTE_BG, TEXT, WARN, monospace  # noqa: F401
from gui.common.theme import OK as GOOD  # noqa: F401
# Plot colours for activations and the depth comparison (colour-blind friendly pairs).
CURVE_COLORS = {"sigmoid": "#2f6fde", "tanh": "#8250df", "relu": "#139a6b", "leaky_relu": "#c23f84",
                "gelu": "#d48806", "bound": "#59636e", "none": "#59636e"}

MAX_GRID_CELLS = 2000  # the grid shows at most this many cells; the rest is summarised


def format_number(v) -> str:
    if isinstance(v, (bool, np.bool_)):
        return str(bool(v))
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    f = float(v)
    if np.isnan(f) or np.isinf(f):
        return str(f)
    if f == int(f) and abs(f) < 1e9:
        return f"{int(f)}."
    if abs(f) >= 1e4 or abs(f) < 1e-3:
        return f"{f:.3e}"
    return f"{f:.4f}".rstrip("0")


def format_array(values: np.ndarray | None, limit: int = 8) -> str:
    """A short one-line rendering for graph nodes: '3.', '[1., 2., 3.]', '[[…]] (2×3)'."""
    if values is None:
        return "None"
    a = np.asarray(values)
    if a.ndim == 0:
        return format_number(a.item())
    flat = a.reshape(-1)
    if a.ndim == 1 and a.size <= limit:
        return "[" + ", ".join(format_number(v) for v in flat) + "]"
    head = ", ".join(format_number(v) for v in flat[:min(3, flat.size)])
    return f"[{head}, …] ({'×'.join(str(d) for d in a.shape)})"


def _grid_texts(grid: np.ndarray) -> list[list[str]]:
    """Every cell with the same number of decimals, as PyTorch prints a tensor: 1. 2. or 0.4963 0.8000."""
    if grid.dtype.kind != "f" or grid.size == 0:
        return [[format_number(v) for v in row] for row in grid]
    finite = grid[np.isfinite(grid)]
    if finite.size == 0 or np.all(finite == np.round(finite)) and np.abs(finite).max() < 1e9:
        return [[format_number(v) for v in row] for row in grid]
    big, small = np.abs(finite).max(), np.abs(finite[finite != 0]).min() if np.any(finite != 0) else 1.0
    fmt = "{:.4e}" if big >= 1e4 or small < 1e-4 else "{:.4f}"
    return [[fmt.format(float(v)) for v in row] for row in grid]


class ValueGrid(QTableWidget):
    """A tensor's values as a table: rank 0 one cell, rank 1 one row, rank 2 a matrix,
    rank ≥ 3 the last dimension across and every leading index down ("[0, 1]")."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setFont(monospace(11))
        # Sized once after filling (resizeColumnsToContents below): ResizeToContents would re-measure
        # every column on every setItem, and arange(0, 1000) froze the window for about 17 s.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.setAlternatingRowColors(True)
        self.setStyleSheet("QTableWidget { gridline-color: #d0d7de; } QTableWidget::item { padding: 4px 12px; }")
        self.highlight: tuple | None = None

    def set_array(self, values: np.ndarray | None, highlight: tuple | None = None) -> None:
        self.clear()
        if values is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        a = np.asarray(values)
        if a.ndim == 0:
            grid, rows, cols = a.reshape(1, 1), ["0"], [""]
        elif a.ndim == 1:
            grid = a.reshape(1, -1)
            rows, cols = [""], [str(i) for i in range(a.shape[0])]
        else:
            grid = a.reshape(-1, a.shape[-1])
            lead = list(np.ndindex(*a.shape[:-1]))
            rows = [str(i[0]) if len(i) == 1 else "[" + ", ".join(map(str, i)) + "]" for i in lead]
            cols = [str(i) for i in range(a.shape[-1])]
        texts = _grid_texts(grid)
        max_rows = max(1, MAX_GRID_CELLS // max(1, grid.shape[1]))
        grid, rows = grid[:max_rows], rows[:max_rows]
        self.setRowCount(grid.shape[0])
        self.setColumnCount(grid.shape[1])
        self.setHorizontalHeaderLabels(cols)
        self.setVerticalHeaderLabels(rows)
        flat_highlight = None
        if highlight is not None and a.ndim >= 1:
            flat_highlight = (int(np.ravel_multi_index(highlight[:-1], a.shape[:-1])) if a.ndim > 1 else 0,
                              highlight[-1])
        for r in range(grid.shape[0]):
            for c in range(grid.shape[1]):
                item = QTableWidgetItem(texts[r][c])
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if flat_highlight == (r, c):
                    item.setBackground(QColor("#ffe8a3"))
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        # As tall as the rows need (a small tensor gets a small table), at most 320 px, then it scrolls.
        h = self.horizontalHeader().sizeHint().height() + self.verticalHeader().length()
        if self.horizontalHeader().length() > self.viewport().width():  # a wide tensor: keep its rows above the scroll bar
            h += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(min(max(h + 2 * self.frameWidth() + 2, 50), 320))


class CodeBox(QTextEdit):
    """Read-only monospace code that wraps long lines and grows to fit them (up to ``max_lines``)."""

    def __init__(self, parent=None, max_lines: int = 12):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setFont(monospace(10))
        self.setLineWrapMode(QTextEdit.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.setStyleSheet(f"QTextEdit {{ background: {CODE_BG}; border: 1px solid #d0d7de; "
                           "border-radius: 4px; }")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.max_lines = max_lines
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.set_code("")

    def set_code(self, code: str) -> None:
        self.setPlainText(code)
        self._fit()

    def _fit(self) -> None:
        doc = self.document()
        doc.setTextWidth(max(50, self.viewport().width()))
        limit = self.fontMetrics().lineSpacing() * self.max_lines
        self.setFixedHeight(int(min(doc.size().height(), limit) + 2 * self.frameWidth() + 2))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class MessageBox(QLabel):
    """A tinted box for errors (PyTorch's message + plain explanation) and notes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setFrameShape(QFrame.NoFrame)
        self.hide()

    def show_error(self, title: str, message: str, explanation: str = "") -> None:
        body = f"<b>{html.escape(title)}</b><br><span style='font-family: monospace'>{html.escape(message)}</span>"
        if explanation:
            body += f"<br><br>{html.escape(explanation)}"
        self._show(body, ERROR_BG, ERROR)

    def show_note(self, text: str) -> None:
        if not text:
            self.hide()
            return
        self._show(html.escape(text), NOTE_BG, ACCENT)

    def _show(self, body: str, bg: str, border: str) -> None:
        self.setStyleSheet(f"QLabel {{ background: {bg}; border-left: 4px solid {border}; padding: 8px; "
                           f"color: {TEXT}; }}")
        self.setText(body)
        self.show()


def heading(text: str, size: int = 12) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(size)
    font.setBold(True)
    label.setFont(font)
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED};")
    return label


class FitView(QGraphicsView):
    """A graphics view that always shows its whole scene, scaled up to ``max_scale`` at most."""

    max_scale = 1.3

    def fit(self) -> None:
        rect = self.scene().sceneRect() if self.scene() else None
        if rect is None or rect.isEmpty():
            return
        self.resetTransform()
        view = self.viewport().rect()
        scale = min(view.width() / rect.width(), view.height() / rect.height(), self.max_scale)
        self.scale(scale, scale)
        self.centerOn(rect.center())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


class Reflow(QWidget):
    """Two parts side by side where there is room for both at their minimum widths, one above the
    other where there is not: a lab stays as narrow as its widest part, so it fits the lessons page of
    a 1024-px window without a horizontal scroll bar, and uses a wide window's room."""

    def __init__(self, first: QWidget, second: QWidget, first_stretch: int = 1, second_stretch: int = 0,
                 spacing: int = 8, parent=None):
        super().__init__(parent)
        self.first, self.second = first, second
        self.box = QBoxLayout(QBoxLayout.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self.box.addWidget(first, first_stretch)
        self.box.addWidget(second, second_stretch)

    def side_by_side(self) -> bool:
        return self.box.direction() == QBoxLayout.LeftToRight

    def wide_enough(self, width: int) -> bool:
        return width >= _min_width(self.first) + self.box.spacing() + _min_width(self.second)

    def minimumSizeHint(self) -> QSize:
        h = self.box.totalMinimumSize().height()
        return QSize(max(_min_width(self.first), _min_width(self.second)), h)

    def resizeEvent(self, event):
        direction = QBoxLayout.LeftToRight if self.wide_enough(event.size().width()) else QBoxLayout.TopToBottom
        if direction != self.box.direction():
            self.box.setDirection(direction)
            self.updateGeometry()         # another height: the lab's column lays out again
        super().resizeEvent(event)


def _min_width(w: QWidget) -> int:
    return max(w.minimumWidth(), w.minimumSizeHint().width())
