"""gui/text: the live samples view and the attention map, fed with a real TextTask's pictures."""
import numpy as np
import pytest
import torch

from core.data.text import from_text
from core.spec import LayerSpec, NetworkSpec
from core.tasks.text import TextTask
from gui.text.attention import AttentionView
from gui.text.samples import MAX_HISTORY, SamplesView

HELLO = from_text("hello world. " * 60, "hello")


@pytest.fixture
def task():
    spec = NetworkSpec((12,), [LayerSpec.make("Embedding", embedding_dim=16), LayerSpec.make("PositionalEmbedding"),
                               LayerSpec.make("CausalSelfAttention", num_heads=2),
                               LayerSpec.make("CausalSelfAttention", num_heads=2), LayerSpec.make("Linear")])
    t = TextTask(spec, HELLO, options={"prompt": "hel<lo>!", "attention_text": "hello world", "length": 10},
                 pictures_every_steps=0)
    t.model.eval()
    return t


def pictures(task):
    with torch.no_grad():
        return task.pictures()


def test_samples_view_shows_each_sample_newest_first(qtbot, task):
    view = SamplesView()
    qtbot.addWidget(view)
    p1 = pictures(task)
    view.update_pictures(p1, step=100)
    view.update_pictures(pictures(task), step=2500)
    assert view.sample_count() == 2
    text = view.history.toPlainText()
    assert text.index("step 2,500") < text.index("step 100")          # newest first
    assert p1["text_sample"]["prompt"] == "hello"                      # "hel<lo>!" without < > !
    assert "hello" + p1["text_sample"]["text"] in text.replace("\u2029", "\n")
    assert "<lo" not in text and "not in the vocabulary, left out: ! < >" in text   # the prompt's unknown chars
    assert "temperature 0.8, top-k all" in text
    assert not view.vocabulary.isHidden() and "Vocabulary (9 characters): ␣ . d e h l o r w" in view.vocabulary.text()
    view.update_metrics({"val_loss": 1.0, "val_bits": 1.0 / np.log(2), "val_perplexity": np.e})
    assert "1.000 nats/char = 1.443 bits/char; perplexity 2.72" in view.metrics.text()
    view.clear()
    assert view.sample_count() == 0 and view.history.toPlainText() == ""


def test_samples_history_is_bounded(qtbot, task):
    view = SamplesView()
    qtbot.addWidget(view)
    p = pictures(task)
    for step in range(MAX_HISTORY + 5):
        view.update_pictures(p, step=step)
    assert view.sample_count() == MAX_HISTORY
    assert "step 4\n" not in view.history.toPlainText().replace("\u2029", "\n")


def test_samples_controls_ask_for_new_options(qtbot):
    view = SamplesView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.options_changed) as sig:
        view.temperature.setValue(1.3)
    assert sig.args[0] == {"prompt": "The ", "temperature": 1.3, "top_k": 0}
    with qtbot.waitSignal(view.options_changed) as sig:
        view.top_k.setValue(5)
    assert sig.args[0]["top_k"] == 5
    assert view.top_k.textFromValue(0) == "all" or view.top_k.specialValueText() == "all"


def test_attention_view_draws_the_chosen_layer_and_head(qtbot, task):
    view = AttentionView()
    qtbot.addWidget(view)
    p = pictures(task)
    view.update_pictures(p, step=7)
    assert view.tokens == list("hello world")
    assert view.layer.count() == 2 and view.head.count() == 3           # 2 heads + their mean
    np.testing.assert_allclose(view.current_map(), p["attention"]["layers"][0][0])
    view.layer.setCurrentIndex(1)
    view.head.setCurrentIndex(2)
    np.testing.assert_allclose(view.current_map(), p["attention"]["layers"][1].mean(axis=0), rtol=1e-6)
    assert view.image.image.shape == (11, 11)
    np.testing.assert_allclose(view.image.image, view.current_map())
    ticks = view.plot.getAxis("bottom")._tickLevels[0]
    assert [t[1] for t in ticks] == ["h", "e", "l", "l", "o", "␣", "w", "o", "r", "l", "d"]
    assert "2 attention layers, 2 heads, 11 characters at step 7" in view.status.text()
    # a new picture keeps the learner's choice
    view.update_pictures(p, step=8)
    assert (view.layer.currentIndex(), view.head.currentIndex()) == (1, 2)
    with qtbot.waitSignal(view.options_changed) as sig:
        view.text.setText("world")
        view.text.editingFinished.emit()
    assert sig.args[0] == {"attention_text": "world"}
    view.clear()
    assert view.current_map() is None and view.layer.count() == 0


def test_a_model_without_attention_leaves_the_map_empty(qtbot):
    view = AttentionView()
    qtbot.addWidget(view)
    view.update_pictures({"text_sample": {"prompt": "a", "text": "b"}})
    assert view.current_map() is None


def _batch(pictures=None, step=0, metrics=None):
    from core.engine.events import EvalEvent, PicturesEvent
    from core.engine.process import RunBatch
    z = np.zeros(0)
    return RunBatch(z, z, z, [EvalEvent(step, 0, 1.0, metrics)] if metrics else [], [],
                    PicturesEvent(step, pictures) if pictures else None, None, step, 0, 0, 0, 1e-3, 1.0)


def test_views_are_board_plots_that_draw_the_first_runs_latest_news(qtbot, task):
    samples, attention = SamplesView(), AttentionView()
    qtbot.addWidget(samples)
    qtbot.addWidget(attention)
    p = pictures(task)
    for view in (samples, attention):
        view.set_runs(["A", "B"])
        view.add(1, _batch(p, 5))                       # the second run's news is not drawn
        assert not view.dirty
        view.add(0, _batch(p, 10, {"val_loss": 2.0, "val_bits": 2.885, "val_perplexity": 7.39}))
        assert view.dirty
        view.redraw()
    assert samples.sample_count() == 1 and "step 10" in samples.history.toPlainText()
    assert "2.000 nats/char" in samples.metrics.text()
    assert attention.current_map().shape == (11, 11)
    samples.set_runs(["A"])
    attention.set_runs(["A"])
    assert samples.sample_count() == 0 and attention.current_map() is None


def test_a_large_vocabulary_is_listed_in_part(qtbot):
    view = SamplesView()
    qtbot.addWidget(view)
    vocab = "".join(chr(0x4E00 + i) for i in range(3000))        # a Japanese novel uses ~3,000 characters
    view.set_vocabulary(vocab)
    text = view.vocabulary.text()
    assert text.startswith("Vocabulary (3,000 characters): 一 丁") and text.endswith(" … and 2,880 more")
    assert len(text) < 300
