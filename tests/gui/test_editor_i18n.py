"""The editor's Japanese translation is complete, and the page follows a language switch live."""
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from core import i18n
from core.layers import GROUPS
from gui.editor.document import NetworkDocument
from gui.editor.page import EditorPage

QM = Path(__file__).resolve().parents[2] / "resources" / "translations" / "editor_ja.qm"


@pytest.fixture
def japanese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_switching_to_japanese_retranslates_the_page(qtbot, japanese):
    doc = NetworkDocument()
    page = EditorPage(doc)
    qtbot.addWidget(page)
    assert page.code_view.copy_button.text() == "Copy"
    i18n.set_language("ja")
    QCoreApplication.installTranslator(japanese)  # sends LanguageChange to every widget
    qtbot.waitUntil(lambda: page.code_view.copy_button.text() == "コピー", timeout=2000)
    assert page.input_editor.label.text() == "入力の形:"
    assert "パラメータ合計" in page.summary.text()
    assert page.palette.tree.topLevelItem(GROUPS.index("activation")).text(0) == "活性化関数"  # core's group title follows too
    assert [a.text() for a in page.template_menu.actions()][0] == "2次元の点の小さな分類器"
    page.document.insert_layer(0, "ReLU")
    assert page.document.undo_stack.undoText() == "ReLU を追加"
    page.canvas.select(doc.layer(1).id)
    assert page.inspector.params_title.text() == "パラメータ"
    assert "全結合層" in page.inspector.doc.text()
