"""In Japanese the lessons use the terms a Japanese PyTorch book uses: no English words where the
book has Japanese ones, and no internal ids shown to the learner (code such as requires_grad stays code)."""
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel

from core import i18n
from gui.lessons.page import LessonsPage

ACTION_ID = re.compile(r"^[a-z_]+(:[a-z_0-9]+)*$")      # "training:setup:spiral", "addition"


def test_lessons_in_japanese_show_book_terms_and_no_internal_ids(qtbot):
    import main
    app = QCoreApplication.instance()
    translators = main.install_translators(app, "ja")
    i18n.set_language("ja")
    try:
        page = LessonsPage()
        qtbot.addWidget(page)
        page.resize(1024, 640)
        page.show()
        tips, labels = [], []
        for row in range(page.lesson_list.count()):
            page.lesson_list.setCurrentRow(row)
            tips += [b.toolTip() for b in page.try_buttons + page.no_lab_buttons]
            labels += [w.text() for w in page.current_lab().findChildren(QLabel) if w.isVisibleTo(page)]
        assert tips and not [t for t in tips if ACTION_ID.match(t)], tips
        assert all(re.search(r"[\u3040-\u30ff]", t) for t in tips), tips          # said in Japanese
        plain = [re.sub(r"<[^>]+>|&nbsp;", " ", t).strip() for t in labels]
        assert "padding" not in plain and "stride" not in plain                  # パディング, ストライド
        assert {"パディング", "ストライド"} <= set(plain)
        assert not [t for t in plain if re.search(r"\bshape \(", t)], plain      # 形状 (1, 7)
        assert any("形状 (1, " in t for t in plain)

        page.show_lesson("tensors")
        page.tensor_lab.select_operation("tensor")
        dtype = page.tensor_lab.fields["dtype"]
        assert isinstance(dtype, QComboBox)
        assert dtype.itemText(dtype.findData("auto")) == "自動（データから決める）"
    finally:
        for t in translators:
            app.removeTranslator(t)
        i18n.set_language("en")
