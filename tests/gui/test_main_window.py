"""The main window: files (open/save/recent, bad files), the unsaved-changes prompt, routing, screenshot."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from core.templates import TEMPLATES
from gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot):
    w = MainWindow(restore_geometry=False)
    # qtbot closes the window after the test: mark it saved first so no unsaved-changes prompt blocks.
    qtbot.addWidget(w, before_close_func=lambda win: win.document.mark_saved())
    yield w


@pytest.fixture
def dialogs(monkeypatch):
    """Record message boxes instead of showing them; `answer` is what the user clicks."""
    seen = {"calls": [], "answer": QMessageBox.Discard}

    def fake(kind):
        def show(parent, title, text, *args, **kwargs):
            seen["calls"].append((kind, title, text))
            return seen["answer"]
        return staticmethod(show)

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return seen


def test_save_then_open_round_trips_and_remembers_recent(window, tmp_path, dialogs):
    doc = window.document
    doc.insert_layer(0, "Dropout", {"p": 0.25})
    assert doc.is_modified()
    path = str(tmp_path / "net.json")
    assert window._save_to(path)
    assert not doc.is_modified()
    saved = doc.spec().to_dict()
    doc.reset(TEMPLATES["deep_relu"].make())
    assert window.open_path(path)
    assert doc.spec().to_dict() == saved
    assert window.recent_files()[0] == str(Path(path).resolve())
    assert "net.json" in window.windowTitle()


@pytest.mark.parametrize("content", [b"{not json", b"", b"\x00\x01\x02garbage",
                                     json.dumps({"format": "other"}).encode()])
def test_opening_a_bad_file_says_why_and_keeps_the_document(window, tmp_path, dialogs, content):
    doc = window.document
    doc.insert_layer(0, "Tanh")
    before = doc.spec().to_dict()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert not window.open_path(str(bad), ask=False)
    assert doc.spec().to_dict() == before
    assert doc.is_modified()
    (kind, title, text), = dialogs["calls"]
    assert kind == "warning" and "bad.json" in text


def test_unsaved_changes_prompt_cancel_keeps_work(window, dialogs):
    doc = window.document
    doc.insert_layer(0, "GELU")
    before = doc.spec().to_dict()
    dialogs["answer"] = QMessageBox.Cancel
    window.new_document()
    assert doc.spec().to_dict() == before and doc.is_modified()
    dialogs["answer"] = QMessageBox.Discard
    window.new_document()
    assert doc.spec().to_dict()["layers"] != before["layers"]
    assert not doc.is_modified()


def test_undo_and_redo_actions_follow_the_stack(window):
    doc = window.document
    before = doc.spec().to_dict()
    doc.insert_layer(1, "Sigmoid")
    after = doc.spec().to_dict()
    window.undo_action.trigger()
    assert doc.spec().to_dict() == before
    window.redo_action.trigger()
    assert doc.spec().to_dict() == after
    assert window.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"


def test_lesson_try_it_opens_the_template_in_the_editor(window):
    window.show_page("lessons")
    window.on_try_it("editor:template:deep_sigmoid")
    assert window.tabs.currentWidget() is window.editor_page
    kinds = [l.kind for l in window.document.spec().layers]
    assert kinds.count("Sigmoid") == 8


def test_screenshot_command_renders_1280x800_and_remembers_nothing(tmp_path):
    out = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    res = subprocess.run([sys.executable, "main.py", "--screenshot", str(out), "--tab", "editor", "--lang", "ja"],
                         cwd=ROOT, env={**__import__("os").environ, **env}, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # a screenshot in Japanese does not switch the learner's next start to Japanese
    saved = [f.read_text(errors="replace") for f in tmp_path.rglob("*.conf")]
    assert not any("language=ja" in text for text in saved), saved


def test_every_lesson_action_opens_its_page(window):
    from core.lessons.catalog import action_ids
    for action in action_ids():
        window.show_page("lessons")
        window.statusBar().clearMessage()
        window.on_try_it(action)
        assert window.tabs.currentWidget() is window.pages[action.split(":")[0]], action
        assert "Unknown" not in window.statusBar().currentMessage(), action
    window.shutdown()  # the compare action starts training: stop it before the thread check


def test_restart_for_a_new_language_reopens_the_saved_project(window, tmp_path, dialogs, monkeypatch):
    from PySide6.QtCore import QProcess
    started = []
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(lambda exe, args: started.append(args) or True))
    path = str(tmp_path / "p.json")
    window._save_to(path)
    window.document.insert_layer(0, "Tanh")
    dialogs["answer"] = QMessageBox.Cancel  # the unsaved-changes prompt: cancel keeps the window
    assert not window.restart() and not started
    dialogs["answer"] = QMessageBox.Discard
    assert window.restart()
    assert started[0][0].endswith("main.py") and started[0][1] == path


def test_ctrl_z_in_a_parameter_field_undoes_the_edit(window, qtbot):
    """Ctrl+Z / Ctrl+Shift+Z typed in the inspector or the input shape field reach the document's undo stack
    (a line edit would otherwise keep them for its own, usually empty, text history)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    with qtbot.waitActive(window):  # shortcuts reach only the active window
        window.show()
        window.activateWindow()
    page, doc = window.editor_page, window.document
    page.canvas.select(doc.layer(0).id)
    spin = page.inspector.editor("out_features")
    before = doc.spec().to_dict()
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin.lineEdit(), "8")
    QTest.keyClick(spin.lineEdit(), Qt.Key_Return)
    assert doc.layer(0).params["out_features"] == 8
    edited = doc.spec().to_dict()
    QTest.keyClick(spin.lineEdit(), Qt.Key_Z, Qt.ControlModifier)
    assert doc.spec().to_dict() == before
    assert spin.value() == 16 and spin.hasFocus()
    QTest.keyClick(spin.lineEdit(), Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert doc.spec().to_dict() == edited

    shape = page.input_editor.edit
    shape.setFocus()
    shape.selectAll()
    QTest.keyClicks(shape, "3")
    QTest.keyClick(shape, Qt.Key_Return)
    assert doc.spec().input_shape == (3,)
    QTest.keyClick(shape, Qt.Key_Z, Qt.ControlModifier)
    assert doc.spec().to_dict() == edited and shape.text() == "2"
    # While a value is still being typed, Ctrl+Z edits the text, as in any text field.
    QTest.keyClicks(shape, "5")
    QTest.keyClick(shape, Qt.Key_Z, Qt.ControlModifier)
    assert doc.spec().to_dict() == edited and shape.text() == "2"


def test_the_file_dialog_is_japanese_too(qapp, qtbot):
    """Qt's own Japanese translation leaves "&Look in:" and "Files of &type:" in English; the app fills them."""
    import re

    from PySide6.QtWidgets import QFileDialog

    from main import install_translators
    translators = install_translators(qapp, "ja")
    try:
        dialog = QFileDialog()
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.DontUseNativeDialog)  # the dialog Linux users see
        labels = [dialog.labelText(label) for label in
                  (QFileDialog.LookIn, QFileDialog.FileName, QFileDialog.FileType, QFileDialog.Reject)]
        assert labels[0] == "場所(&L):" and labels[2] == "ファイルの種類(&T):"
        assert not [text for text in labels if re.search("[A-Za-z]{2,}", text)], labels
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize("answer", [QMessageBox.No, QMessageBox.Yes])
def test_save_as_asks_before_replacing_the_file_the_added_suffix_names(window, tmp_path, monkeypatch, answer):
    """Typing "net" saves net.json: when that exists, the app asks (the dialog only checked "net")."""
    from PySide6.QtWidgets import QFileDialog
    old = tmp_path / "net.json"
    old.write_text("precious", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "net"), "")))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda parent, title, text, *a: asked.append(text) or answer))
    assert window.save_document_as() == (answer == QMessageBox.Yes)
    assert asked == ["net.json already exists. Replace it?"]
    assert (old.read_text(encoding="utf-8") == "precious") == (answer == QMessageBox.No)


def test_a_recent_file_that_was_deleted_leaves_the_list(window, tmp_path, dialogs):
    kept, gone = str(tmp_path / "kept.json"), str(tmp_path / "gone.json")
    window._save_to(gone)
    window._save_to(kept)
    Path(gone).unlink()
    assert not window.open_path(gone, ask=False)
    assert window.recent_files() == [str(Path(kept).resolve())]
    assert "does not exist" in dialogs["calls"][-1][2]


def test_one_click_compare_from_a_lesson_trains_to_the_end(window, qtbot):
    """The lesson's button starts the run and shows the page at once: the page's showEvent and the
    worker thread both start the training process, which once mixed up two processes' pipes."""
    page = window.training_page
    page.settings.epochs.setValue(3)
    window.show()  # the page's showEvent is what starts the process on the GUI thread
    for _ in range(3):  # the race was timing-dependent: try it more than once
        window.show_page("lessons")
        with qtbot.waitSignal(page.training_finished, timeout=60_000):
            window.on_try_it("training:setup:sigmoid_vs_relu")
        assert "unexpectedly" not in page.message.text() and "failed" not in page.message.text().lower()
        assert page.message.text().count("Finished 20 epochs") == 2, page.message.text()
    window.shutdown()


def test_switching_language_applies_at_once_and_keeps_the_work(window, qtbot):
    from core import i18n
    from core.templates import TEMPLATES
    window.document.set_spec(TEMPLATES["deep_relu"].make(), "a network")
    window.training_page.settings.lr.setValue(0.02)
    spec = window.document.spec().to_dict()
    window.show_page("training")
    try:
        assert window.set_language("ja")
        assert i18n.language() == "ja"
        assert window.tabs.tabText(window.tabs.indexOf(window.lessons_page)) == "レッスン"
        assert window.menuBar().actions()[0].text().startswith("ファイル")
        assert window.tabs.currentWidget() is window.training_page           # the same page stays in view
        page = window.training_page
        assert page.settings.compare.text() == "比較モード"
        assert window.lessons_page.lesson_list.item(0).text() == "1. テンソル"
        assert window.document.spec().to_dict() == spec                      # the work is kept
        assert page.settings.config().lr == 0.02
        window.on_try_it("editor:template:classifier_2d")                   # the new pages are wired up
        assert window.tabs.currentWidget() is window.editor_page
        assert window.set_language("en")
        assert window.tabs.tabText(window.tabs.indexOf(window.lessons_page)) == "Lessons"
        assert window.lessons_page.lesson_list.item(0).text() == "1. Tensors"
    finally:
        window.set_language("en")
        window.shutdown()


@pytest.mark.parametrize("answer", [QMessageBox.No, QMessageBox.Yes])
def test_switching_language_after_a_run_asks_first_since_its_plots_go(window, qtbot, monkeypatch, answer):
    from core import i18n
    page = window.training_page
    page.settings.epochs.setValue(2)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda parent, title, text, *a: asked.append(text) or answer))
    try:
        assert window.set_language("ja") and not asked                   # nothing shown yet: no question
        assert window.set_language("en")
        page = window.training_page
        page.settings.epochs.setValue(2)
        with qtbot.waitSignal(page.training_finished, timeout=60_000):
            page.start()
        assert page.shows_a_run and page.board.plots["loss"].runs[0]["steps"].n > 0   # its curves are on the board
        assert window.set_language("ja") == (answer == QMessageBox.Yes)
        assert asked == ["The Training page is rebuilt in the new language: the plots and samples of your last run "
                         "are cleared (the trained weights and the settings stay). Switch now?"]
        assert i18n.language() == ("ja" if answer == QMessageBox.Yes else "en")
        assert (window.training_page is page) == (answer == QMessageBox.No)   # No: the page and its plots stay
        if answer == QMessageBox.No:
            page.reset()                                                  # Reset clears the plots: nothing to lose
            assert window.set_language("ja") and len(asked) == 1
    finally:
        window.set_language("en")
        window.shutdown()
