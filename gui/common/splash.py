"""The start-up splash: on screen before PyTorch is imported, with a progress bar for the steps
that follow (importing torch and pyqtgraph, building the window: several seconds on a slow
machine). It imports nothing but Qt widgets, so it can show at once."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget


class Splash(QWidget):
    def __init__(self):
        super().__init__(None, Qt.SplashScreen | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint)
        self.setObjectName("splash")
        self.setStyleSheet("#splash { background: white; border: 1px solid #bbb; }"
                           "QLabel#title { font-size: 20pt; font-weight: bold; color: #ee4c2c; }")
        title = QLabel("PyTorch Learning Lab")
        title.setObjectName("title")
        self.message = QLabel(self.tr("Starting…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(title)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        self.resize(440, 150)
        screen = QApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())

    def step(self, text: str, percent: int) -> None:
        """Say what comes next and paint it now (the event loop is not running yet)."""
        self.message.setText(text)
        self.bar.setValue(percent)
        if not self.isVisible():
            self.show()
        self.repaint()
        QCoreApplication.processEvents()

    def finish(self, window: QWidget) -> None:
        self.bar.setValue(100)
        self.close()
        self.deleteLater()
