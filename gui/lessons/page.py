"""Lessons page (being built)."""
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class LessonsPage(QWidget):
    try_it = Signal(str)

    def shutdown(self) -> None:
        pass
