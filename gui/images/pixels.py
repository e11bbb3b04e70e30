"""Pixels on screen: small arrays drawn as crisp enlarged images (nearest neighbour, no blur).

``to_qimage`` turns an array into a QImage with one of three looks: "ink" (0 = white paper,
1 = black ink, how digits are drawn), "diverging" (negative blue, 0 white, positive red: kernels,
feature maps, filters) and "rgb" ((3, H, W) in [0, 1]). ``PixelView`` paints one, keeps its
aspect ratio, can write each cell's value, highlights a rectangle of cells, and reports clicks
as (row, column).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

INK, DIVERGING, RGB = "ink", "diverging", "rgb"


def to_rgb(a: np.ndarray, look: str = INK, vmax: float | None = None) -> np.ndarray:
    """(H, W, 3) uint8 for ``a`` ((H, W), or (3, H, W) for "rgb")."""
    a = np.asarray(a, dtype=np.float32)
    if look == RGB:
        return (np.clip(a.transpose(1, 2, 0), 0, 1) * 255 + 0.5).astype(np.uint8)
    if look == INK:
        top = vmax if vmax else max(float(a.max()), 1e-6) if a.max() > 1 else 1.0
        g = ((1 - np.clip(a / top, 0, 1)) * 255 + 0.5).astype(np.uint8)
        return np.repeat(g[..., None], 3, axis=2)
    m = vmax if vmax else float(np.abs(a).max())
    t = np.clip(a / m, -1, 1) if m > 1e-12 else np.zeros_like(a)
    pos, neg = np.clip(t, 0, 1), np.clip(-t, 0, 1)
    # white → #d1242f for positive, white → #2f6fde for negative
    r = 255 - neg * (255 - 0x2f) - pos * (255 - 0xd1)
    g = 255 - neg * (255 - 0x6f) - pos * (255 - 0x24)
    b = 255 - neg * (255 - 0xde) - pos * (255 - 0x2f)
    return (np.stack([r, g, b], axis=2) + 0.5).astype(np.uint8)


def to_qimage(a: np.ndarray, look: str = INK, vmax: float | None = None) -> QImage:
    rgb = np.ascontiguousarray(to_rgb(a, look, vmax))
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()   # copy: own the pixels


class PixelView(QWidget):
    """One small array, enlarged. ``set_array`` redraws; ``clicked(row, col)`` on a cell click."""

    clicked = Signal(int, int)

    def __init__(self, parent=None, look: str = INK, show_values: bool = False, min_side: int = 48):
        super().__init__(parent)
        self.look = look
        self.show_values = show_values
        self.array: np.ndarray | None = None
        self.image: QImage | None = None
        self.highlight: tuple[int, int, int, int] | None = None   # row, col, rows, cols
        self.caption = ""
        self.vmax: float | None = None
        self.setMinimumSize(min_side, min_side)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(160, 160)

    def set_array(self, a: np.ndarray | None, vmax: float | None = None) -> None:
        self.array = None if a is None else np.asarray(a)
        self.vmax = vmax
        self.image = None if a is None else to_qimage(self.array, self.look, vmax)
        self.update()

    def set_highlight(self, cells: tuple[int, int, int, int] | None) -> None:
        self.highlight = cells
        self.update()

    def _grid_shape(self) -> tuple[int, int]:
        if self.array is None:
            return 1, 1
        return self.array.shape[-2], self.array.shape[-1]

    def cell_rect(self) -> QRectF:
        """Where the image is drawn: the largest rectangle of the image's aspect that fits."""
        rows, cols = self._grid_shape()
        side = min(self.width() / cols, self.height() / rows)
        w, h = side * cols, side * rows
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        try:
            if self.image is None:
                p.fillRect(self.rect(), QColor("#f6f8fa"))
                return
            r = self.cell_rect()
            p.drawImage(r, self.image)                # nearest neighbour: no smoothing hint
            p.setPen(QPen(QColor("#d0d7de"), 1))
            p.drawRect(r)
            rows, cols = self._grid_shape()
            cell = r.width() / cols
            if self.show_values and cell >= 26 and self.array is not None and self.array.ndim == 2:
                f = p.font()
                f.setPointSizeF(max(6.0, min(9.0, cell / 5)))
                p.setFont(f)
                for i in range(rows):
                    for j in range(cols):
                        v = float(self.array[i, j])
                        dark = self.look == INK and v > 0.5 or self.look == DIVERGING and abs(v) > 0.6 * (
                            self.vmax or float(np.abs(self.array).max()) or 1)
                        p.setPen(QColor("white" if dark else "#1f2328"))
                        p.drawText(QRectF(r.left() + j * cell, r.top() + i * cell, cell, cell), Qt.AlignCenter,
                                   f"{v:.2g}" if abs(v) < 10 else f"{v:.0f}")
            if self.highlight is not None:
                i, j, hr, hc = self.highlight
                p.setPen(QPen(QColor("#d48806"), 3))
                p.setBrush(Qt.NoBrush)
                p.drawRect(QRectF(r.left() + j * cell, r.top() + i * cell, hc * cell, hr * cell))
        finally:
            p.end()

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        r = self.cell_rect()
        if self.array is None or not r.contains(x, y):
            return None
        rows, cols = self._grid_shape()
        return (min(int((y - r.top()) / r.height() * rows), rows - 1),
                min(int((x - r.left()) / r.width() * cols), cols - 1))

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell is not None:
            self.clicked.emit(*cell)
        super().mousePressEvent(event)


def cell_rect_of(view: PixelView, row: int, col: int) -> QRect:
    """The widget rectangle of one cell (for tests and tooltips)."""
    r = view.cell_rect()
    rows, cols = view._grid_shape()
    cw, ch = r.width() / cols, r.height() / rows
    return QRectF(r.left() + col * cw, r.top() + row * ch, cw, ch).toRect()
