"""core/tasks/text.py: next-character prediction through the shared engine.

The small corpus "hello world. " x 60 makes the learned behaviour checkable by eye: after a short
run the model's greedy continuation of "hello" is " world. hello world." and the validation loss
is near 0 nats (the text is fully predictable once the model has seen a few characters).
"""
import math

import numpy as np
import pytest
import torch

from core import i18n
from core.data.text import from_text
from core.engine.config import Limits, OptimConfig
from core.engine.engine import Engine
from core.spec import LayerSpec, NetworkSpec
from core.tasks.text import TextTask, TextTaskError, fit_to_corpus

torch.set_num_threads(1)       # small models train fastest on one thread (as the app runs them)

HELLO = from_text("hello world. " * 60, "hello")        # vocab: " .dehlorw" (9 characters)


def gru_spec(T=16, hidden=32, output="sequence"):
    return NetworkSpec((T,), [LayerSpec.make("Embedding", embedding_dim=16),
                              LayerSpec.make("GRU", hidden_size=hidden, output=output),
                              LayerSpec.make("Linear", out_features=5)])


def gpt_like_spec(T=12, C=16, heads=2):
    return NetworkSpec((T,), [LayerSpec.make("Embedding", embedding_dim=C), LayerSpec.make("PositionalEmbedding"),
                              LayerSpec.make("LayerNorm"), LayerSpec.make("CausalSelfAttention", num_heads=heads),
                              LayerSpec.make("LayerNorm"), LayerSpec.make("CausalSelfAttention", num_heads=heads),
                              LayerSpec.make("Linear", out_features=5)])


def test_the_network_is_fitted_to_the_vocabulary():
    fitted = fit_to_corpus(gru_spec(), HELLO.vocab_size)
    assert HELLO.vocab_size == 9
    assert fitted.layers[0].params["num_embeddings"] == 9 and fitted.layers[-1].params["out_features"] == 9
    original = gru_spec()
    fit_to_corpus(original, 9)
    assert original.layers[-1].params["out_features"] == 5              # the original is left alone
    task = TextTask(gru_spec(), HELLO)
    # 9*16 embedding + GRU 3*(32*16 + 32*32 + 64) + Linear 32*9 + 9
    assert sum(p.numel() for p in task.model.parameters()) == 144 + 3 * (512 + 1024 + 64) + 297


@pytest.mark.parametrize("spec,message", [
    (NetworkSpec((16,), [LayerSpec.make("Linear", out_features=9)]), "A language model starts with an Embedding"),
    (NetworkSpec((16,), [LayerSpec.make("Embedding"), LayerSpec.make("GRU")]), "ends with a Linear layer"),
    (gru_spec(output="last"), "must give scores for every position, (B, 16, 9), but gives (B, 9): a recurrent "
                              "layer's output must be 'sequence'"),
    (NetworkSpec((4, 4), [LayerSpec.make("Embedding"), LayerSpec.make("Linear")]), "one sequence of T characters"),
])
def test_networks_that_cannot_model_text_are_refused_with_the_reason(spec, message):
    with pytest.raises(TextTaskError) as e:
        fit_to_corpus(spec, 9)
    assert message in str(e.value)


def test_a_batch_is_windows_of_the_text_and_the_same_windows_shifted_by_one():
    task = TextTask(gru_spec(T=8), HELLO, batch_size=4)
    x, y = task.next_batch()
    assert x.shape == y.shape == (4, 8) and x.dtype == torch.long
    for row_x, row_y in zip(x, y):
        a, b = HELLO.decode(row_x), HELLO.decode(row_y)
        assert a[1:] == b[:-1] and a in HELLO.text and (a + b[-1]) in HELLO.text


def test_untrained_loss_is_about_log_vocabulary_and_metrics_agree():
    task = TextTask(gru_spec(), HELLO)
    with torch.no_grad():
        m = task.evaluate()
    assert abs(m["val_loss"] - math.log(9)) < 0.3                   # ~uniform guess over 9 characters
    assert m["val_bits"] == pytest.approx(m["val_loss"] / math.log(2))
    assert m["val_perplexity"] == pytest.approx(math.exp(m["val_loss"]))
    assert 7 < m["val_perplexity"] < 12


def test_a_short_run_learns_the_text_and_writes_it():
    task = TextTask(gru_spec(), HELLO, batch_size=16, options={"prompt": "hello", "temperature": 0, "length": 20})
    end = Engine(task, OptimConfig(lr=3e-2), Limits(max_steps=60)).run()
    assert end.reason == "done"
    assert end.metrics["val_loss"] < 0.1                            # from 2.2 nats
    task.model.eval()
    with torch.no_grad():
        sample = task.sample()
    assert sample["prompt"] == "hello" and sample["text"] == " world. hello world."


def test_sampling_options_temperature_top_k_and_unknown_characters():
    task = TextTask(gru_spec(), HELLO, options={"prompt": "hi!", "temperature": 0, "length": 30})
    task.model.eval()
    with torch.no_grad():
        greedy = task.sample()
        assert greedy["prompt"] == "h" and greedy["skipped"] == "!i"     # not in the vocabulary
        task.set_options({"temperature": 1.0, "top_k": 1})
        assert task.sample()["text"] == greedy["text"]                  # top-1 is the greedy choice
        task.set_options({"temperature": 5.0, "top_k": 0})
        hot = task.sample()["text"]
    assert len(hot) == 30 and set(hot) <= set(HELLO.vocab)
    with pytest.raises(ValueError, match="temperature must be between 0 and 5"):
        task.set_options({"temperature": -1})
    i18n.set_language("ja")
    with pytest.raises(ValueError, match="温度は 0 から 5"):
        task.set_options({"temperature": float("nan")})


def test_attention_maps_per_layer_and_head_for_a_chosen_text():
    task = TextTask(gpt_like_spec(), HELLO, options={"attention_text": "hello world"})
    task.model.eval()
    with torch.no_grad():
        pictures = task.pictures()
    att = pictures["attention"]
    assert att["tokens"] == list("hello world")
    assert len(att["layers"]) == 2
    for w in att["layers"]:
        assert w.shape == (2, 11, 11) and w.dtype == np.float32
        np.testing.assert_allclose(w.sum(-1), 1.0, rtol=1e-5)
        assert np.all(np.triu(w, 1) == 0)                               # nobody looks ahead
    # the layers are back on their fused path afterwards
    assert all(not m.keep_weights and m.weights is None for m in task._attention)
    assert "text_sample" in pictures and "attention" not in TextTask(gru_spec(), HELLO).pictures()


def test_continue_keeps_the_order_of_the_batches():
    a = TextTask(gru_spec(), HELLO)
    a.next_batch()
    state = a.state_dict()
    expected = a.next_batch()[0]
    b = TextTask(gru_spec(), HELLO)
    b.load_state_dict(state)
    assert torch.equal(b.next_batch()[0], expected)


def test_context_longer_than_the_validation_text_is_refused():
    from core.data.datasets import DataError
    with pytest.raises(DataError, match="too short for a context of 200 characters"):
        TextTask(gru_spec(T=200), HELLO)


def test_registered_as_a_task_that_a_run_spec_builds():
    from core.engine.run import RunSpec
    from core.tasks import task_class
    assert task_class("text") is TextTask
    spec = RunSpec("text", {"spec": gru_spec().to_dict(), "corpus": HELLO, "batch_size": 8},
                   OptimConfig(lr=1e-2), Limits(max_steps=3))
    engine = spec.engine()
    end = engine.run()
    assert end.step == 3 and "val_loss" in end.metrics


def test_new_pictures_only_after_enough_training_steps():
    task = TextTask(gru_spec(), HELLO, pictures_every_steps=3)
    task.model.eval()
    with torch.no_grad():
        assert "text_sample" in task.pictures()             # the first ones at once
        assert task.pictures() == {}                        # nothing new to show yet: no cost
        for _ in range(3):
            task.next_batch()
        assert "text_sample" in task.pictures()


def test_attention_maps_on_demand_samples_always_and_at_once_when_the_view_changes():
    task = TextTask(gpt_like_spec(), HELLO, pictures_every_steps=100)
    task.model.eval()
    with torch.no_grad():
        assert task.want_pictures([]) is False              # the Text tab is hidden: no attention maps,
        assert set(task.pictures()) == {"text_sample"}      # but the samples' history goes on
        assert task.want_pictures(["attention"]) is True    # the tab is shown: its maps at once
        assert set(task.pictures()) == {"text_sample", "attention"}
        assert task.pictures() == {}                        # then only after 100 more batches
        task.set_options({"prompt": "hel"})                 # a new prompt: its sample at once too
        assert task.pictures()["text_sample"]["prompt"] == "hel"
        assert task.want_pictures([]) is False              # fewer views: nothing new to make now
        assert task.pictures() == {}
