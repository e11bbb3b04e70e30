"""Hostile or hand-edited files through the window: a clear message, the open document untouched."""
import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from core.project import FORMAT, MAX_LAYERS, VERSION
from gui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow(restore_geometry=False)
    qtbot.addWidget(w, before_close_func=lambda win: win.document.mark_saved())
    yield w


@pytest.fixture
def warnings(monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: seen.append(text) or QMessageBox.Discard))
    return seen


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_symlink_loop_in_open_recent(window, tmp_path, warnings):
    kept, loop = tmp_path / "kept.json", tmp_path / "loop.json"
    window._save_to(str(kept))
    os.symlink(loop, loop)
    window._set_recent([str(loop), str(kept)])
    window._fill_recent_menu()
    action = next(a for a in window.recent_menu.actions() if a.data() == str(loop))
    action.trigger()  # was: RuntimeError('Symlink loop') out of the slot
    assert warnings == ["loop.json cannot be read: Too many levels of symbolic links"]
    assert window.recent_files() == [str(kept)]
    assert window.document.path() == str(kept)


def test_huge_training_numbers_leave_the_open_document_untouched(window, tmp_path, warnings):
    path = tmp_path / "bad.json"
    spec = window.document.spec()
    path.write_text(json.dumps({"format": FORMAT, "version": VERSION, "network": {"input_shape": [3], "layers": []},
                                "training": {"epochs": 3_000_000_000, "seed": 2 ** 70, "batch_size": 1e12},
                                "weights": None}), encoding="utf-8")
    assert not window.open_path(str(path), ask=False)
    assert warnings and "“" in warnings[0] and "settings must lie within ±2,147,483,647" in warnings[0]
    assert window.document.spec() == spec and window.document.path() == ""


def test_the_layer_cap_refuses_one_more_with_a_message(window):
    doc = window.document
    from core.spec import LayerSpec, NetworkSpec
    doc.reset(NetworkSpec((2,), [LayerSpec.make("ReLU") for _ in range(MAX_LAYERS)]))
    last = doc.layer(MAX_LAYERS - 1)
    assert doc.insert_layer(0, "Tanh") is last
    assert doc.layer_count() == MAX_LAYERS and not doc.undo_stack.canUndo()
    assert window.statusBar().currentMessage() == (
        "A network can have at most 1,000 layers and blocks; remove one before adding another.")
    doc.remove_layer(last.id)
    doc.insert_layer(0, "Tanh")
    assert doc.layer_count() == MAX_LAYERS and doc.layer(0).kind == "Tanh"
