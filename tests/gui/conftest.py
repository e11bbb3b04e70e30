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
