"""Training settings on text: the run they describe, the network checks and fixes, the end line."""
import math

import pytest

from core.data.datasets import make_dataset
from core.data.text import TEXT_SETS, from_text, load_text
from core.engine.config import Limits
from core.export_run import ExportError, run_script
from core.spec import LayerSpec, NetworkSpec
from core.tasks import text as text_task
from core.templates import TEMPLATES, tiny_gpt
from core.training import verdict
from core.training.config import TrainConfig, data_kind, text_defaults
from core.training.netfit import fit_problems, fit_to_data, size_problems

HELLO = from_text("hello world. " * 60, "hello")          # 9 distinct characters


def test_text_sets_are_listed_once_and_loaded_by_name(tmp_path):
    assert list(TEXT_SETS) == ["python_docs", "text_file"]
    assert load_text("python_docs") is load_text("python_docs")      # built once: ~0.3 s
    assert [data_kind(n) for n in ("python_docs", "text_file", "digits", "moons", "csv")] == \
        ["text", "text", "images", "tabular", "tabular"]
    with pytest.raises(ValueError, match="Choose a text file first"):
        load_text("text_file", "")
    path = tmp_path / "a.txt"
    path.write_text("abc " * 200, encoding="utf-8")
    assert load_text("text_file", path).vocab == (" ", "a", "b", "c")


def test_run_spec_for_text_trains_steps_with_the_text_tasks_own_defaults():
    spec = fit_to_data(tiny_gpt(1, 2, 32, 16), HELLO).to_dict()
    cfg = TrainConfig(dataset="python_docs", lr=1e-3, batch_size=8, steps=123, seed=7, epochs=5)
    run = cfg.run_spec(spec, HELLO, "GPT", options={"prompt": "hel", "temperature": 0.3})
    assert run.task == "text" and run.label == "GPT"
    assert run.args == dict(spec=spec, corpus=HELLO, batch_size=8, seed=7,
                            options={"prompt": "hel", "temperature": 0.3})
    assert run.limits == Limits(max_steps=123)                       # no epochs for text
    # the form's optimiser and rate; the text task's schedule, warm-up and clipping
    want = text_task.OPTIM.to_dict() | dict(optimizer="adam", lr=1e-3, momentum=0.9, weight_decay=0.0)
    assert run.optim.to_dict() == want
    assert run.cadence == text_task.CADENCE
    # and it trains: 20 steps later the loss is below a uniform guess over the 9 characters
    cfg.steps = 20
    end = cfg.run_spec(spec, HELLO).engine().run()
    assert end.reason == "done" and end.step == 20 and end.metrics["val_loss"] < math.log(9)
    line = verdict.summary(end.metrics)
    assert f"validation bits/char {end.metrics['val_loss'] / math.log(2):.4g}" in line
    assert f"validation perplexity {math.exp(end.metrics['val_loss']):.4g}" in line


def test_tabular_run_spec_is_unchanged():
    data = make_dataset("moons", 100, seed=0)
    run = TrainConfig(epochs=3).run_spec(TEMPLATES["classifier_2d"].make().to_dict(), data)
    assert run.task == "tabular" and run.limits == Limits(max_epochs=3) and "options" not in run.args


def test_text_defaults_are_the_text_tasks():
    assert text_defaults() == dict(optimizer=text_task.OPTIM.optimizer, lr=text_task.OPTIM.lr,
                                   batch_size=text_task.BATCH_SIZE)


def test_config_round_trip_and_bad_values():
    cfg = TrainConfig(dataset="text_file", text_path="/x/notes.txt", steps=777)
    assert TrainConfig.from_dict(cfg.to_dict()) == cfg and cfg.kind == "text"
    assert TrainConfig.from_dict({"steps": "many"}).steps == TrainConfig.steps
    assert TrainConfig.from_dict({"steps": 10**12}).steps == 10_000_000
    assert TrainConfig.from_dict({"dataset": "moons"}).text_path == ""       # a project file from before text
    assert TrainConfig(dataset="python_docs", steps=0).problems() == ["Train for 1 to 10,000,000 steps."]
    assert TrainConfig(dataset="python_docs", epochs=0).problems() == []     # epochs do not apply to text


def test_network_checks_and_the_one_click_fix_on_text():
    gpt = tiny_gpt(1, 2, 32, 16)
    assert size_problems(gpt, HELLO) == ["The Embedding reads 128 character ids but the text has 9 distinct characters.",
                                         "The last Linear scores 128 characters but the text has 9."]
    fixed = fit_to_data(gpt, HELLO)
    assert fixed.layers[0].params["num_embeddings"] == 9 and fixed.layers[-1].params["out_features"] == 9
    assert size_problems(fixed, HELLO) == []
    from core.build import build
    assert fit_problems(build(fixed), HELLO, fixed.input_shape) == []
    # an MLP cannot model text: the reason, and no fix
    mlp = TEMPLATES["classifier_2d"].make()
    problems = size_problems(mlp, HELLO)
    assert len(problems) == 1 and "starts with an Embedding" in problems[0] and "Tiny GPT" in problems[0]
    assert fit_to_data(mlp, HELLO) is None
    # a context longer than the validation text (90 characters) cannot be trained
    long = fit_to_data(tiny_gpt(1, 2, 32, 128), HELLO)
    assert long is None
    assert "too short for a context of 128" in size_problems(tiny_gpt(1, 2, 32, 128), HELLO)[-1]
    # a recurrent layer that keeps only its last step
    rnn = NetworkSpec((16,), [LayerSpec.make("Embedding", num_embeddings=9), LayerSpec.make("GRU", output="last"),
                              LayerSpec.make("Linear", out_features=9)])
    assert "'sequence', not 'last'" in size_problems(rnn, HELLO)[0]


def test_export_refuses_text_with_the_reason():
    with pytest.raises(ExportError, match="Only generated data sets and CSV files"):
        run_script(tiny_gpt(1, 2, 32, 16), TrainConfig(dataset="python_docs"), HELLO)


def test_a_language_model_on_a_table_is_told_to_use_text():
    data = make_dataset("moons", 100, seed=0)
    gpt = tiny_gpt(1, 2, 32, 16)
    assert size_problems(gpt, data) == ["The network starts with Embedding: it reads character ids, so it learns "
                                        "from text. Choose Python documentation or a text file as the data."]
    assert fit_to_data(gpt, data) is None
