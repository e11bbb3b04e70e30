"""The app's colours and fonts: one value each (the error red is this ERROR, everywhere)."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

TEXT = "#1f2328"
MUTED = "#59636e"
ACCENT = "#2f6fde"
OK = "#1a7f37"            # success messages, right answers
WARN = "#d48806"
ERROR = "#d1242f"         # error messages, wrong answers, problems in the editor
CODE_BG = "#f3f5f8"
ERROR_BG = "#fdf0f0"
NOTE_BG = "#eef4ff"


def monospace(point_size: int = 10) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
    font.setPointSize(point_size)
    return font
