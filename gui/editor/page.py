"""Editor page (being built)."""
from PySide6.QtWidgets import QWidget


class EditorPage(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document

    def apply_template(self, name: str) -> None:
        pass

    def shutdown(self) -> None:
        pass
