"""The mouse wheel over a scrolling form scrolls it; a field takes the wheel only with the focus
(gui/common/wheel.py)."""
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea

from gui.training.settings import SettingsPanel


def _wheel(widget, notches=-1):
    """One synthetic wheel turn over the middle of ``widget`` (negative: towards the user, i.e. down)."""
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_over_the_training_settings_scrolls_the_form_not_the_fields(qtbot):
    panel = SettingsPanel()
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.resize(340, 260)               # much shorter than the form: it scrolls
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    before = (panel.optimizer.currentIndex(), panel.batch.value(), panel.epochs.value(), panel.noise.value())

    for field in (panel.optimizer, panel.batch, panel.epochs, panel.noise):
        start = bar.value()
        _wheel(field)
        assert bar.value() > start, f"the form did not scroll under {type(field).__name__}"
    assert (panel.optimizer.currentIndex(), panel.batch.value(), panel.epochs.value(), panel.noise.value()) == before

    # a field with the focus (clicked, or reached with Tab) takes the wheel as usual
    area.activateWindow()
    panel.epochs.setFocus()
    qtbot.waitUntil(panel.epochs.hasFocus)
    start = bar.value()
    _wheel(panel.epochs, notches=1)
    assert panel.epochs.value() == before[2] + panel.epochs.singleStep()
    assert bar.value() == start
