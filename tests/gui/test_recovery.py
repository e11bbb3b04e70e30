"""Nothing lost: autosave every interval, recovery after a kill, and unhandled errors in slots.

The kill test runs the real window in a child process, edits the document there, waits for the
autosave, SIGKILLs the child and then restores the work in a new window here."""
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton

from core import autosave
from core.spec import LayerSpec, NetworkSpec
from gui.common import errors
from gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication
    from gui.main_window import MainWindow
    app = QApplication([])
    root, project = Path(sys.argv[1]), sys.argv[2]
    window = MainWindow(restore_geometry=False, autosave_root=root, autosave_interval_ms=50)
    assert window.open_path(project, ask=False)
    window.document.insert_layer(1, "Tanh")
    window.document.set_training_settings({"epochs": 7, "lr": 0.5})
    while not any(root.glob("*/meta.json")):
        app.processEvents()
        time.sleep(0.01)
    print("autosaved", flush=True)
    time.sleep(600)
""")


@pytest.fixture
def answer(monkeypatch):
    """Answer every QMessageBox.exec() by clicking the button with this text."""
    choice = {"text": "Restore", "asked": []}

    def fake_exec(box):
        choice["asked"].append(box.text())
        next(b for b in box.buttons() if b.text() == choice["text"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return choice


def _window(qtbot, root, interval=60_000):
    w = MainWindow(restore_geometry=False, autosave_root=root, autosave_interval_ms=interval)
    qtbot.addWidget(w, before_close_func=lambda win: win.document.mark_saved())
    return w


def test_killed_after_edits_the_next_start_restores_them(qtbot, tmp_path, answer):
    root = tmp_path / "autosave"
    project = tmp_path / "mine.json"
    first = _window(qtbot, tmp_path / "unused")
    first.document.reset(NetworkSpec((2,), [LayerSpec.make("Linear", out_features=3)]))
    first._save_to(str(project))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(root), str(project)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "autosaved"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    assert json.loads(project.read_text(encoding="utf-8"))["training"] is None  # the edits were never saved

    window = _window(qtbot, root)
    assert window.offer_recovery()
    assert len(answer["asked"]) == 1 and "mine.json" in answer["asked"][0]
    doc = window.document
    assert [l.kind for l in doc.spec().layers] == ["Linear", "Tanh"]
    assert doc.training_settings() == {"epochs": 7, "lr": 0.5}
    assert doc.path() == str(project) and doc.is_modified()  # the user saves it to keep it
    assert list(root.iterdir()) == []  # the dead session's folder is gone
    assert not window.offer_recovery() and len(answer["asked"]) == 1  # offered once


def test_autosave_writes_only_unsaved_changes_and_a_save_clears_it(qtbot, tmp_path):
    root = tmp_path / "autosave"
    window = _window(qtbot, root)
    saver = window.autosaver
    assert not saver.autosave_now()  # nothing changed
    window.document.insert_layer(0, "ReLU")
    assert saver.autosave_now()
    saver.wait()
    assert not saver.autosave_now()  # no change since
    recovery = autosave.read(saver.folder)
    assert recovery is not None and recovery.original == "" and recovery.layers == window.document.layer_count()
    window._save_to(str(tmp_path / "net.json"))
    assert autosave.read(saver.folder) is None and not (saver.folder / autosave.PROJECT).exists()
    window.shutdown()
    assert not saver.folder.exists()  # a clean exit leaves nothing behind


def test_the_timer_autosaves(qtbot, tmp_path):
    window = _window(qtbot, tmp_path / "autosave", interval=30)
    window.document.insert_layer(0, "ReLU")
    qtbot.waitUntil(lambda: autosave.read(window.autosaver.folder) is not None, timeout=5000)


def test_a_running_apps_work_is_not_offered_and_discard_removes(qtbot, tmp_path, answer):
    root = tmp_path / "autosave"
    running = _window(qtbot, root)
    running.document.insert_layer(0, "ReLU")
    assert running.autosaver.autosave_now()
    running.autosaver.wait()
    other = _window(qtbot, root)
    assert other.autosaver.orphans() == []  # its owner is alive: its lock holds
    # the same folder left by a dead app (its lock released): offered, and Discard removes it
    running.autosaver._lock.unlock()
    answer["text"] = "Discard"
    assert not other.offer_recovery()
    assert len(answer["asked"]) == 1 and not running.autosaver.folder.exists()
    assert other.document.layer_count() == 5  # the new window's document untouched


def test_the_autosave_is_written_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    """A big network's weights take up to a second to write: the window must not wait for it."""
    window = _window(qtbot, tmp_path / "autosave")
    saver = window.autosaver
    release, seen = threading.Event(), []
    real_write = autosave.write

    def slow_write(*args):
        seen.append(threading.current_thread())
        assert release.wait(10)
        real_write(*args)

    monkeypatch.setattr(autosave, "write", slow_write)
    window.document.insert_layer(0, "ReLU")
    assert saver.autosave_now()  # returns while the write is still going on
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0] is not threading.main_thread() and autosave.read(saver.folder) is None
    window.document.insert_layer(0, "Tanh")
    assert not saver.autosave_now()  # one write at a time: the next tick writes the newer state
    release.set()
    saver.wait()
    assert autosave.read(saver.folder).layers == window.document.layer_count() - 1
    assert saver.autosave_now()
    saver.wait()
    assert autosave.read(saver.folder).layers == window.document.layer_count()


class _Emitter(QObject):
    fire = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_dialog_and_the_window_goes_on(qtbot, tmp_path, qapp):
    window = _window(qtbot, tmp_path / "autosave")
    reporter = errors.install(tmp_path / "logs" / "errors.log")
    try:
        emitter = _Emitter()

        def broken_slot():
            raise ZeroDivisionError("division by zero in a slot")

        emitter.fire.connect(broken_slot)
        emitter.fire.emit()
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
        box = reporter.dialog
        assert box.informativeText() == "ZeroDivisionError: division by zero in a slot"
        assert "broken_slot" in box.detailedText()
        copy = next(b for b in box.buttons() if b.text() == "Copy details")
        copy.click()
        assert "ZeroDivisionError" in qapp.clipboard().text() and box.isVisible()  # copying keeps it open
        emitter.fire.emit()  # a second error while the dialog is open: logged, no second dialog
        assert reporter.count == 2 and reporter.dialog is box
        log = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
        assert log.count("ZeroDivisionError: division by zero in a slot") == 2
        box.close()
        window.document.insert_layer(0, "ReLU")  # the window still works
        assert window.document.layer(0).kind == "ReLU" and window.undo_action.isEnabled()
    finally:
        reporter.uninstall()
        if reporter.dialog is not None:
            reporter.dialog.close()
