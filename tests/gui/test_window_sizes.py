"""Usable from 1024×700: every tab (and every lesson, board tab and panel) rendered in English and
Japanese, with no text cut off (tests/gui/fit.py says what counts as cut)."""
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget

from core import i18n
from gui.main_window import MainWindow

from fit import clipped  # tests/gui/fit.py (this folder is on the path: no __init__.py)

ROOT = Path(__file__).resolve().parents[2]


def sideways(window):
    """Panels (a lab, a form) that scroll sideways: at 1024 px the tensor lab needed a horizontal
    scroll bar to reach its Run button's neighbours. Tables, plots and text views may scroll."""
    return [f"{type(a.widget()).__name__} in a scroll area scrolls sideways by {a.horizontalScrollBar().maximum()} px"
            for a in window.findChildren(QScrollArea)
            if a.isVisible() and a.widget() is not None and a.horizontalScrollBar().maximum() > 0]


def _settle(qtbot):
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def _views(window):
    """(name, show) for every view a learner can bring up with one click."""
    out = [(f"page {name}", lambda n=name: window.show_page(n)) for name in window.pages]
    lessons = window.lessons_page
    for row in range(lessons.lesson_list.count()):
        out.append((f"lesson {row + 1}", lambda r=row: (window.show_page("lessons"),
                                                      lessons.lesson_list.setCurrentRow(r))))
    for page_name in ("training", "addition", "editor"):
        for tabs in window.pages[page_name].findChildren(QTabWidget):
            for i in range(tabs.count()):
                out.append((f"{page_name} tab {tabs.tabText(i)!r}",
                            lambda n=page_name, t=tabs, k=i: (window.show_page(n), t.setCurrentIndex(k))))
    # compare mode: two networks' curves, legends and titles share each plot
    training = window.pages["training"]
    board = training.board
    for i in range(board.count()):
        out.append((f"training compare tab {board.tabText(i)!r}",
                    lambda k=i: (window.show_page("training"), training.settings.compare.setChecked(True),
                                 board.setCurrentIndex(k))))
    # text: the form's text rows and the Text tab with the corpus's message above it
    out.append(("training on text", lambda: (window.show_page("training"), training.settings.compare.setChecked(False),
                                             training.select_dataset("python_docs"))))
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_view_fits_1024x700_with_no_text_cut(qtbot, lang):
    import main
    app = QCoreApplication.instance()
    translators = main.install_translators(app, lang)
    i18n.set_language(lang)
    try:
        window = MainWindow(restore_geometry=False)
        qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
        window.resize(1024, 700)
        window.show()
        _settle(qtbot)
        assert (window.width(), window.height()) == (1024, 700), "the window cannot be made that small"
        problems = []
        for name, show in _views(window):
            show()
            _settle(qtbot)
            problems += [f"{name}: {p}" for p in clipped(window)]
            problems += [f"{name}: {p}" for p in sideways(window)]
        window.shutdown()
    finally:
        for t in translators:
            app.removeTranslator(t)
        i18n.set_language("en")
    assert not problems, "\n".join(problems)


def test_screenshot_at_a_chosen_size(tmp_path):
    out = tmp_path / "small.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    res = subprocess.run([sys.executable, "main.py", "--screenshot", str(out), "--tab", "training",
                          "--size", "1024x700"], cwd=ROOT, env={**__import__("os").environ, **env},
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    bad = subprocess.run([sys.executable, "main.py", "--screenshot", str(out), "--size", "1024by700"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "WIDTHxHEIGHT" in bad.stderr


def _overlapping_parts(lab):
    """Pairs of the lab's stacked parts (inputs, graph, code) that overlap on screen."""
    lay = lab.layout()
    rects = [lay.itemAt(i).widget().geometry() for i in range(lay.count())
             if lay.itemAt(i).widget() is not None and lay.itemAt(i).widget().isVisible()]
    return [(a, b) for a, b in zip(rects, rects[1:]) if a.bottom() >= b.top()]


def test_autograd_lab_rows_never_slide_under_the_y_field(qtbot):
    """At 1024×700 in Japanese a 4th and 5th variable's rows were drawn under the "y =" field."""
    import main
    app = QCoreApplication.instance()
    translators = main.install_translators(app, "ja")
    i18n.set_language("ja")
    try:
        window = MainWindow(restore_geometry=False)
        qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
        window.resize(1024, 700)
        window.show()
        window.show_page("lessons")
        window.lessons_page.lesson_list.setCurrentRow(2)
        lab = window.lessons_page.autograd_lab
        for _ in range(2):
            lab.add_button.click()
        _settle(qtbot)
        assert lab.variables.rowCount() == 5
        table, field = lab.variables.geometry(), lab.expression.geometry()
        assert table.bottom() < field.top(), (table, field)
        upper = lab._upper.geometry()
        assert lab.forward_button.mapTo(lab, lab.forward_button.rect().bottomLeft()).y() <= upper.bottom()
        assert not _overlapping_parts(lab)
        before = lab._upper.height()

        # a syntax error shows the expression again with a pointer line: the inputs grow, nothing
        # slides under anything, and once the expression is fixed they shrink back
        good = lab.expression.text()
        lab.expression.setText(good + " + (b")
        lab.run_backward()
        _settle(qtbot)
        assert lab.pointer.isVisible()
        assert lab._upper.height() > before
        assert not _overlapping_parts(lab)
        assert lab.forward_button.mapTo(lab, lab.forward_button.rect().bottomLeft()).y() <= lab._upper.geometry().bottom()
        lab.expression.setText(good)
        lab.run_backward()
        _settle(qtbot)
        assert not lab.pointer.isVisible()
        assert lab._upper.height() == before
        assert not _overlapping_parts(lab)
        window.shutdown()
    finally:
        for t in translators:
            app.removeTranslator(t)
        i18n.set_language("en")
