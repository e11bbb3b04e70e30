"""GUI test fixtures: isolated QSettings, and a check that no QThread outlives its test."""
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, QThread


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("PyTorchLearningLabTest")
    QCoreApplication.setApplicationName("PyTorchLearningLabTest")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _no_thread_left_running(qapp, monkeypatch):
    """Every QThread started from Python during the test must have finished when it ends."""
    started = []
    original_start = QThread.start

    def recording_start(self, *args, **kwargs):
        started.append(self)
        return original_start(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", recording_start)
    yield
    qapp.processEvents()
    running = [t for t in started if shiboken6.isValid(t) and t.isRunning()]
    for t in running:  # do not let one leaky test hang or crash the rest of the run
        t.requestInterruption()
        t.quit()
        t.wait(5000)
    assert not running, f"test left {len(running)} QThread(s) running"


@pytest.fixture
def training_page(qtbot):
    """Make a shown TrainingPage (1280x760) for a network spec and a TrainConfig; shut down after the test:
    ``page = training_page(TEMPLATES["classifier_2d"].make(), TrainConfig(dataset="moons"))``."""
    from gui.editor.document import NetworkDocument
    from gui.training.page import TrainingPage

    pages = []

    def make(spec, config):
        doc = NetworkDocument(spec)
        doc.set_training_settings(config.to_dict())
        page = TrainingPage(doc)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.shutdown()
