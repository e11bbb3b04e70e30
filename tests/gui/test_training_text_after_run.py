"""After a text run ends, the Text tab keeps answering with the final weights: a new prompt, temperature,
top-k or attention text gives a new sample or map (written off the GUI thread by the text task's own
sampler); the views' choices are saved with the project's training settings."""
import numpy as np
import pytest
import torch

from core.tasks.text import TextTask, generate
from core.training.config import TrainConfig
from gui.editor.document import NetworkDocument
from gui.training.page import TrainingPage


def small_gpt():
    """The tiny GPT's shape at a test's size: 1 block, 32 wide, 16 characters of context."""
    from core.templates import tiny_gpt
    return tiny_gpt(n_layers=1, heads=2, width=32, context=16)


@pytest.fixture
def page(qtbot):
    from core.training.devices import apply_threads
    threads = torch.get_num_threads()
    apply_threads()                    # as the app does: one torch thread in the window's process on 2 cores
    doc = NetworkDocument(small_gpt())
    doc.set_training_settings(TrainConfig(dataset="python_docs", steps=30).to_dict())
    p = TrainingPage(doc)
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    p.network_box.fit_network()
    p.written = []                     # what the trained network wrote: (pictures, step)
    p.text_session.trained.pictures.connect(lambda pictures, step: p.written.append((pictures, step)))
    yield p
    p.shutdown()
    torch.set_num_threads(threads)


def trained(qtbot, page):
    """Train 30 steps and wait for the end (and for the samples it sent to be drawn)."""
    with qtbot.waitSignal(page.training_finished, timeout=60_000):
        page.start()
    page.board.show_tab("text")
    page.board.redraw_visible()
    assert "Finished 30 steps" in page.message.text(), page.message.text()
    return page.board.text_samples, page.board.attention


def newest(page) -> tuple[str, str]:
    """The newest sample the trained network wrote: (its header in the history, prompt + text)."""
    sample = page.written[-1][0]["text_sample"]
    return page.board.text_samples.history.toPlainText().split("\n", 1)[0], sample["prompt"] + sample["text"]


def test_a_new_prompt_after_the_run_is_answered_by_the_trained_network(qtbot, page):
    samples, _ = trained(qtbot, page)
    n = samples.sample_count()
    assert n >= 1 and page.text_session.trained.has_model()
    samples.temperature.setValue(0.0)                  # greedy: the same weights always write the same
    samples.prompt.setText("import ")
    samples.prompt.editingFinished.emit()
    # asked, not written yet: the sample is written off the GUI thread
    assert page.text_session.trained.is_busy() and samples.sample_count() == n
    qtbot.waitUntil(lambda: samples.sample_count() == n + 2 and not page.text_session.trained.is_busy(), timeout=30_000)
    header, text = newest(page)
    assert header == "step 30 · temperature 0, top-k all" and text.startswith("import ")
    assert text in samples.history.toPlainText().replace("\u2029", "\n")
    # the final weights (kept in the project) continue "import " greedily with exactly this text
    spec = page._runs[0].args["spec"]
    task = TextTask(spec, page.data)
    task.model.load_state_dict(page.document.weights())
    task.model.eval()
    ids, _ = page.data.encode("import ")
    with torch.no_grad():
        expected = page.data.decode(generate(task.model, ids, 150, task.context, 0.0, 0, torch.Generator()))
    assert text == "import " + expected and len(expected) == 150
    # top-k 1 is greedy too: the same continuation
    samples.temperature.setValue(1.5)
    samples.top_k.setValue(1)
    qtbot.waitUntil(lambda: not page.text_session.trained.is_busy(), timeout=30_000)
    assert newest(page) == ("step 30 · temperature 1.5, top-k 1", "import " + expected)


def test_requests_while_one_is_written_merge_into_one_with_the_latest_options(qtbot, page):
    samples, _ = trained(qtbot, page)
    n = samples.sample_count()
    for t in (0.3, 0.4, 0.5, 0.6):                     # four clicks on the spin box's arrow
        samples.temperature.setValue(t)
    qtbot.waitUntil(lambda: not page.text_session.trained.is_busy(), timeout=30_000)
    assert samples.sample_count() == n + 2 == len(page.written) + n     # the first, then one for the later ones
    assert newest(page)[0] == "step 30 · temperature 0.6, top-k all"


def test_the_attention_text_after_the_run_draws_its_map(qtbot, page):
    _, att = trained(qtbot, page)
    att.text.setText("def f(x):")
    att.text.editingFinished.emit()
    qtbot.waitUntil(lambda: att.tokens == list("def f(x):") and not page.text_session.trained.is_busy(), timeout=30_000)
    w = att.current_map()
    assert w.shape == (9, 9)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-4)      # each row a weighted average
    assert np.all(np.triu(w, 1) == 0)                               # nothing looks at the future
    assert "at step 30" in att.status.text()


def test_after_a_reset_or_new_data_nothing_answers(qtbot, page):
    samples, _ = trained(qtbot, page)
    page.reset()
    assert not page.text_session.trained.has_model()
    samples.prompt.setText("while ")
    samples.prompt.editingFinished.emit()
    assert not page.text_session.trained.is_busy()
    trained(qtbot, page)
    assert page.text_session.trained.has_model()
    page.select_dataset("moons")
    assert not page.text_session.trained.has_model()


def test_the_views_choices_are_saved_and_reopened_and_start_the_next_run(qtbot, page, tmp_path):
    samples, att = page.board.text_samples, page.board.attention
    samples.prompt.setText("class ")
    samples.prompt.editingFinished.emit()
    samples.temperature.setValue(1.3)
    samples.top_k.setValue(5)
    att.text.setText("for x in y")
    att.text.editingFinished.emit()
    saved = page.document.training_settings()
    assert (saved["sample_prompt"], saved["sample_temperature"], saved["sample_top_k"], saved["attention_text"]) == (
        "class ", 1.3, 5, "for x in y")
    assert page.document.is_modified()
    path = tmp_path / "gpt.json"
    page.document.save(str(path))
    # a project from before these settings loads with the defaults
    old = {k: v for k, v in saved.items() if not k.startswith("sample_") and k != "attention_text"}
    page.document.set_training_settings(old)
    assert samples.options() == {"prompt": "The ", "temperature": 0.8, "top_k": 0} and att.text.text() == ""
    page.document.open(str(path))
    assert samples.options() == {"prompt": "class ", "temperature": 1.3, "top_k": 5}
    assert att.text.text() == "for x in y"
    # hand-edited values out of range fall back to the defaults
    bad = TrainConfig.from_dict({**saved, "sample_temperature": 9.0, "sample_top_k": -2})
    assert (bad.sample_temperature, bad.sample_top_k) == (0.8, 0)
    # the next run starts with them, and a changed prompt does not make the next Start a fresh run
    assert page._make_runs(page.settings.config())
    assert page._runs[0].args["options"] == {"prompt": "class ", "temperature": 1.3, "top_k": 5,
                                             "attention_text": "for x in y"}
    runs = page._runs
    samples.prompt.setText("def ")
    samples.prompt.editingFinished.emit()
    page.settings.steps.setValue(40)                   # an edit of the form compares the other settings
    assert page._runs is runs


def test_the_defaults_are_the_text_tasks_own():
    from dataclasses import asdict

    from core.tasks.text import SampleOptions
    options = {k: v for k, v in asdict(SampleOptions()).items() if k != "length"}
    assert TrainConfig().text_options() == options


def test_a_reopened_projects_trained_weights_answer_without_a_new_run(qtbot, page):
    trained(qtbot, page)
    weights = page.document.weights()
    # the project as reopened in a new window: its network, settings and trained weights
    doc = NetworkDocument(page.document.spec())
    doc.reset(page.document.spec(), "", page.document.training_settings(), weights)
    again = TrainingPage(doc)
    qtbot.addWidget(again)
    again.show()
    written = []
    again.text_session.trained.pictures.connect(lambda pictures, step: written.append(pictures))
    try:
        samples = again.board.text_samples
        samples.temperature.setValue(0.0)
        samples.prompt.setText("import ")
        samples.prompt.editingFinished.emit()
        qtbot.waitUntil(lambda: len(written) == 2 and not again.text_session.trained.is_busy(), timeout=30_000)
        assert samples.history.toPlainText().startswith("temperature 0, top-k all\nimport ")   # no step: not this session's run
        # the same weights write the same greedy text in the window that trained them
        page.board.text_samples.temperature.setValue(0.0)
        page.board.text_samples.prompt.setText("import ")
        page.board.text_samples.prompt.editingFinished.emit()
        qtbot.waitUntil(lambda: len(page.written) == 2 and not page.text_session.trained.is_busy(), timeout=30_000)
        assert written[-1]["text_sample"]["text"] == page.written[-1][0]["text_sample"]["text"]
        # after Reset the next Start begins from fresh weights: the saved ones no longer answer
        again.reset()
        samples.prompt.editingFinished.emit()
        assert not again.text_session.trained.has_model() and not again.text_session.trained.is_busy()
    finally:
        again.shutdown()
