"""The run status line (gui/run/controls.py) never shows a stale remaining time: none once a run has
stopped or finished, none while paused (it says paused instead), in English and in Japanese."""
import pytest
from PySide6.QtCore import QCoreApplication

from core import i18n
from core.templates import TEMPLATES
from core.training.config import TrainConfig
from gui.editor.document import NetworkDocument
from gui.training.page import TrainingPage

# the status line's words in each language (the compiled translations in resources/translations)
WORDS = {"en": {"remaining": "remaining", "paused": "paused", "rate": "steps/s"},
         "ja": {"remaining": "残り", "paused": "一時停止中", "rate": "ステップ/秒"}}


@pytest.fixture(params=["en", "ja"])
def lang_page(request, qtbot):
    import main
    app = QCoreApplication.instance()
    translators = main.install_translators(app, request.param)
    i18n.set_language(request.param)
    doc = NetworkDocument(TEMPLATES["classifier_2d"].make())
    doc.set_training_settings(TrainConfig(dataset="moons", n_samples=100, epochs=100_000, batch_size=16).to_dict())
    page = TrainingPage(doc)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    try:
        yield request.param, page
    finally:
        page.shutdown()
        for t in translators:
            app.removeTranslator(t)
        i18n.set_language("en")


def test_no_remaining_time_once_stopped_nor_while_paused(qtbot, lang_page):
    lang, page = lang_page
    words = WORDS[lang]
    page.start()
    status = page.status
    # a live estimate while training
    qtbot.waitUntil(lambda: page.controls.pace.rate > 0 and words["remaining"] in status.text(), timeout=30_000)
    assert words["remaining"] + " –" not in status.text()
    page.toggle_pause()
    text = status.text()
    assert words["paused"] in text and words["remaining"] not in text, text
    page.toggle_pause()
    qtbot.waitUntil(lambda: words["remaining"] in status.text(), timeout=10_000)     # back when it trains again
    with qtbot.waitSignal(page.training_finished, timeout=30_000):
        page.stop()
    text = status.text()
    assert words["rate"] in text and words["remaining"] not in text and words["paused"] not in text, text
    assert "Stopped" in page.message.text() or "停止" in page.message.text(), page.message.text()


def test_a_run_that_finishes_shows_no_remaining_time(qtbot, lang_page):
    lang, page = lang_page
    page.settings.epochs.setValue(3)
    with qtbot.waitSignal(page.training_finished, timeout=30_000):
        page.start()
    text = page.status.text()
    assert WORDS[lang]["rate"] in text and WORDS[lang]["remaining"] not in text, text
    assert page.progress.value() == page.progress.maximum() == 3 * 5      # 80 training points / 16 a batch
