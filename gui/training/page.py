"""Training page (being built)."""
from PySide6.QtWidgets import QWidget


class TrainingPage(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document

    def shutdown(self) -> None:
        pass
