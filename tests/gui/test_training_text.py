"""The training page on text: pick Python's documentation or a text file, fit the tiny GPT's vocabulary in
one click, train it in the training process, see samples and attention maps; an MLP or a binary file
is refused with the reason and nothing changes."""
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.templates import TEMPLATES
from core.training.config import TrainConfig

JA = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\n" * 30     # 34 characters x 30


def small_gpt():
    """The tiny GPT's shape at a test's size: 1 block, 32 wide, 16 characters of context."""
    from core.templates import tiny_gpt
    return tiny_gpt(n_layers=1, heads=2, width=32, context=16)


@pytest.fixture
def page(training_page):
    return training_page(small_gpt(), TrainConfig(dataset="moons", epochs=2))


def _visible_rows(page):
    s = page.settings
    return {name: w.isVisibleTo(s) for name, w in (("samples", s.samples), ("noise", s.noise), ("val", s.val),
                                                    ("epochs", s.epochs), ("steps", s.steps), ("init", s.init),
                                                    ("text_file", s.text_button), ("image_size", s.image_size))}


def test_the_form_offers_text_and_hides_what_text_has_not(qtbot, page):
    combo = page.settings.dataset
    titles = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert titles["python_docs"] == "Python documentation (offline text)"
    assert titles["text_file"].startswith("Text file…")
    assert _visible_rows(page) == dict(samples=True, noise=True, val=True, epochs=True, steps=False, init=True,
                                       text_file=False, image_size=False)
    page.select_dataset("python_docs")
    assert _visible_rows(page) == dict(samples=False, noise=False, val=False, epochs=False, steps=True, init=False,
                                       text_file=False, image_size=False)
    cfg = page.settings.config()
    # the text task's own optimiser, rate and batch size replace the ones made for 2-D points
    from core.tasks.text import BATCH_SIZE, OPTIM
    assert (cfg.optimizer, cfg.lr, cfg.batch_size, cfg.steps) == (OPTIM.optimizer, OPTIM.lr, BATCH_SIZE, 2000)
    assert page.message.text().startswith("Python documentation (offline text): " + page.data.summary())
    assert not page.x_axis.isVisibleTo(page)                       # no epochs: steps only
    assert page.settings.loss_label.text() == "Cross-entropy of the next character (nats/char)"
    page.select_dataset("text_file")
    assert _visible_rows(page)["text_file"] and page.data is None
    assert page.message.text() == "Choose a text file first (plain text in UTF-8; Japanese works)."
    page.select_dataset("moons")
    assert _visible_rows(page)["epochs"] and not _visible_rows(page)["steps"] and page.x_axis.isVisibleTo(page)


def test_tiny_gpt_fits_in_one_click_trains_and_writes_samples_and_attention_maps(qtbot, page):
    page.select_dataset("python_docs")
    V = page.data.vocab_size
    # the template's vocabulary (128) is not the corpus's: said, and fixed in one click
    assert f"reads 128 character ids but the text has {V} distinct characters" in page.network_box.fit_label.text()
    assert page.network_box.fit_button.isVisible()
    qtbot.mouseClick(page.network_box.fit_button, Qt.LeftButton)
    spec = page.document.spec()
    assert spec.layers[0].params["num_embeddings"] == V and spec.layers[-1].params["out_features"] == V
    assert not page.network_box.fit_label.isVisible()
    page.settings.steps.setValue(30)
    page.board.text_samples.prompt.setText("def ")
    page.board.text_samples.temperature.setValue(0.5)
    page.start()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60_000)
    assert "Finished 30 steps" in page.message.text(), page.message.text()
    end = page.message.ends[0].metrics
    # bits per character and perplexity are the validation loss in other units
    assert end["val_bits"] == pytest.approx(end["val_loss"] / math.log(2))
    assert end["val_perplexity"] == pytest.approx(math.exp(end["val_loss"]))
    assert f"validation perplexity {end['val_perplexity']:.4g}" in page.message.text()
    assert end["val_loss"] < math.log(V)                   # better than a uniform guess after 30 steps
    # the loss plot counts steps, in nats per character
    steps, losses = page.loss_plot.runs[0]["steps"].data()
    assert steps[-1] == 30 and abs(losses[0] - math.log(V)) < 0.5
    assert page.loss_plot.plot.getAxis("left").labelText == "Loss (nats/char)"
    page.board.show_tab("text")
    page.board.redraw_visible()
    samples = page.board.text_samples
    assert samples.sample_count() == 1
    text = samples.history.toPlainText()
    assert "step 30" in text and "temperature 0.5, top-k all" in text and "def " in text
    assert f"Vocabulary ({V} characters)" in samples.vocabulary.text()
    assert "nats/char" in samples.metrics.text() and "perplexity" in samples.metrics.text()
    att = page.board.attention
    w = att.current_map()
    T = len(att.tokens)
    assert att.layer.count() == 1 and att.head.count() == 3 and w.shape == (T, T)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-4)      # each row a weighted average
    assert np.all(np.triu(w, 1) == 0)                               # nothing looks at the future
    # Start again continues for as many steps more
    page.start()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60_000)
    assert page.loss_plot.runs[0]["steps"].data()[0][-1] == 60


def test_the_text_views_change_the_running_task(qtbot, page, monkeypatch):
    page.select_dataset("python_docs")
    page.network_box.fit_network()
    page.settings.steps.setValue(1_000_000)
    sent = []
    monkeypatch.setattr(page.controller, "set_task_options", sent.append)
    page.start()
    qtbot.waitUntil(lambda: page.loss_plot.runs[0]["steps"].n > 0, timeout=30_000)
    page.board.text_samples.temperature.setValue(1.2)
    page.board.attention.text.setText("for x in")
    page.board.attention.text.editingFinished.emit()
    with qtbot.waitSignal(page.training_finished, timeout=30_000):
        page.stop()
    assert sent == [{"prompt": "The ", "temperature": 1.2, "top_k": 0}, {"attention_text": "for x in"}]


def test_an_mlp_on_text_is_refused_with_the_reason_and_nothing_changes(qtbot, page):
    page.document.set_spec(TEMPLATES["classifier_2d"].make(), "mlp")
    page.select_dataset("python_docs")
    before = page.document.spec().to_dict()
    assert "this network cannot learn it" in page.network_box.fit_label.text() and "Embedding" in page.network_box.fit_label.text()
    assert not page.network_box.fit_button.isVisible()
    page.start()
    assert not page.is_running() and page.message.property("error")
    assert "Tiny GPT" in page.message.text() and "Fit sizes" not in page.message.text()
    assert page.document.spec().to_dict() == before and page.loss_plot.point_count() == 0


def test_a_binary_text_file_is_refused_and_a_japanese_one_is_read(qtbot, page, tmp_path):
    page.select_dataset("python_docs")
    docs = page.data
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    page.settings.set_text_file(str(binary))
    assert page.data is None and page.message.property("error")
    assert "photo.txt is not a text file" in page.message.text()
    assert page.settings.config().dataset == "text_file"
    page.start()
    assert not page.is_running() and page.loss_plot.point_count() == 0
    neko = tmp_path / "neko.txt"
    neko.write_text(JA, encoding="utf-8")
    page.settings.set_text_file(str(neko))
    assert page.data.vocab_size == len(set(JA)) and "neko.txt: 1,020 characters" in page.message.text()
    assert page.data is not docs and not page.message.property("error")
    assert f"the text has {len(set(JA))} distinct characters" in page.network_box.fit_label.text()


def test_text_settings_round_trip_and_old_projects_load(qtbot, page, tmp_path):
    neko = tmp_path / "neko.txt"
    neko.write_text(JA, encoding="utf-8")
    page.settings.set_text_file(str(neko))
    page.settings.steps.setValue(1234)
    saved = page.document.training_settings()
    assert saved["dataset"] == "text_file" and saved["text_path"] == str(neko) and saved["steps"] == 1234
    cfg = TrainConfig.from_dict(saved)
    assert cfg == page.settings.config() and cfg.kind == "text"
    old = {k: v for k, v in saved.items() if k not in ("text_path", "steps")}   # a file from before text
    old["dataset"] = "moons"
    assert TrainConfig.from_dict(old).steps == TrainConfig.steps and TrainConfig.from_dict(old).text_path == ""
    assert TrainConfig.from_dict({**saved, "steps": -3}).steps == 1
    page.document.set_training_settings(TrainConfig(dataset="moons").to_dict())
    page.document.set_training_settings(saved)                    # reopening the project
    assert page.settings.config().text_path == str(neko) and page.data.name == "neko.txt"
    assert page.settings.text_label.text() == "neko.txt"


def test_a_large_text_file_is_read_off_the_gui_thread(qtbot, page, tmp_path, monkeypatch):
    import gui.training.data_source as source_module
    monkeypatch.setattr(source_module, "LARGE_FILE_BYTES", 1_000)         # "large" for the test
    neko = tmp_path / "neko.txt"
    neko.write_text(JA, encoding="utf-8")                                  # 3 bytes a character: ~3 KB
    page.settings.set_text_file(str(neko))
    assert page.data is None and page.read_bar.is_running()               # the window goes on meanwhile
    qtbot.waitUntil(lambda: page.data is not None, timeout=30_000)
    assert page.data.name == "neko.txt" and page.message.text().startswith("neko.txt: 1,020 characters")
    assert not page.read_bar.isVisible()
