"""Addition page (being built)."""
from PySide6.QtWidgets import QWidget


class AdditionPage(QWidget):
    def shutdown(self) -> None:
        pass
