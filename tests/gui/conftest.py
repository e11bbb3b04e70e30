"""GUI test fixtures: isolated QSettings, and a check that no QThread outlives its test."""
import gc

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThread


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("TorchLearnTest")
    QCoreApplication.setApplicationName("TorchLearnTest")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _no_thread_left_running(qapp):
    yield
    qapp.processEvents()
    gc.collect()
    running = [t for t in _live_threads() if t.isRunning()]
    assert not running, f"test left {len(running)} QThread(s) running"


def _live_threads():
    import shiboken6
    out = []
    for obj in gc.get_objects():
        try:
            if isinstance(obj, QThread) and shiboken6.isValid(obj) and obj is not QThread.currentThread():
                out.append(obj)
        except ReferenceError:
            pass
    return out
