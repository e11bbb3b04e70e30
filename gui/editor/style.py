"""Colours and fonts shared by the editor's views, so the palette and the canvas agree."""
from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from gui.common import theme

# One colour per layer group (core.layers.GROUPS): the palette swatch and the block stripe.
GROUP_COLORS = {
    "linear": QColor("#2f6fde"),
    "convolution": QColor("#b35900"),
    "pooling": QColor("#8a6d00"),
    "activation": QColor("#139a6b"),
    "normalisation": QColor("#8250df"),
    "regularisation": QColor("#c23f84"),
    "shape": QColor("#5b6b7f"),
    "sequence": QColor("#6639ba"),
    "block": QColor("#0e7490"),
}
IO_COLOR = QColor("#3d4450")
BLOCK_COLOR = QColor("#0e7490")  # residual and concatenate blocks (their palette group, header and frame)
SKIP_COLOR = QColor("#0969da")  # the skip path and the merge
# the app's theme (gui/common/theme.py) as QColors for painting
ERROR_COLOR = QColor(theme.ERROR)
WARNING_COLOR = QColor(theme.WARN)
ACCENT = QColor(theme.ACCENT)
TEXT = QColor(theme.TEXT)
MUTED = QColor(theme.MUTED)


def group_color(group: str) -> QColor:
    return QColor(GROUP_COLORS.get(group, IO_COLOR))


def tint(color: QColor, amount: float) -> QColor:
    """``color`` mixed with white: amount 0 is white, 1 is the colour itself."""
    c = QColor(color)
    return QColor(round(255 + (c.red() - 255) * amount), round(255 + (c.green() - 255) * amount),
                  round(255 + (c.blue() - 255) * amount))


def swatch_icon(color: QColor, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(0, 0, 0, 0))
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(color.darker(120))
    p.setBrush(color)
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pix)


monospace_font = theme.monospace
