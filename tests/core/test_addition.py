"""Addition solver core: tokenizer, data splits, metrics, prompts, training, checkpoint, CLI."""
import numpy as np
import pytest
import torch

from core import i18n
from core.addition import tokenizer as tok
from core.addition.checkpoint import SHIPPED, CheckpointError, load, load_metadata, save
from core.addition.cli import main
from core.addition.data import (BatchSampler, all_pair_ids, count_carries, is_member, make_split,
                                pair_ids_to_operands)
from core.addition.metrics import evaluate_pairs, score
from core.addition.model import ModelConfig, Seq2Seq, count_parameters
from core.addition.prompt import PromptError, parse_prompt
from core.addition.solver import Solver
from core.addition.train import recipe


# -- tokenizer ---------------------------------------------------------------------------
def test_question_encoding_by_hand():
    ids = tok.encode_questions([123], [45], 3)
    assert tok.decode_ids(ids[0]) == "123+45 "
    rev = tok.encode_questions([123], [45], 3, reverse=True)
    assert tok.decode_ids(rev[0]) == " 54+321"  # the textbook reverses the whole padded string


def test_answer_encoding_by_hand():
    assert tok.decode_ids(tok.encode_answers([168], 3)[0]) == "_168 "
    assert tok.decode_ids(tok.encode_answers([168], 3, reverse=True)[0]) == "_861 "
    assert tok.decode_ids(tok.encode_answers([1998, 0], 3, reverse=True)[1]) == "_0   "


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("digits", [1, 3, 5])
def test_tokenizer_round_trips(reverse, digits):
    rng = np.random.default_rng(1)
    hi = 10 ** digits
    a = np.concatenate([[0, hi - 1, 7], rng.integers(0, hi, 200)])
    b = np.concatenate([[0, hi - 1, 10 % hi], rng.integers(0, hi, 200)])
    q = tok.encode_questions(a, b, digits, reverse)
    ans = tok.encode_answers(a + b, digits, reverse)
    assert q.shape == (len(a), 2 * digits + 1) and ans.shape == (len(a), digits + 2)
    for i in range(len(a)):
        assert tok.question_text(q[i], reverse) == f"{a[i]}+{b[i]}"
        assert tok.answer_text(ans[i, 1:], reverse) == str(a[i] + b[i])


# -- data --------------------------------------------------------------------------------
def test_fixed_train_pool_and_test_set_never_overlap():
    split = make_split(3, test_size=5000, train_size=50_000, seed=0)
    assert len(split.test) == 5000 and len(split.train) == 50_000
    assert split.overlap() == 0
    assert len(np.unique(split.test)) == 5000


def test_online_batches_never_touch_the_test_set():
    split = make_split(2, test_size=3000, train_size=None, seed=0)  # 30% of the 10,000 pairs
    sampler = BatchSampler(split, batch_size=512, seed=0)
    drawn = np.concatenate([sampler.next() for _ in range(40)])
    assert not is_member(drawn, split.test).any()


def test_large_digit_split_has_no_overlap():
    split = make_split(5, test_size=2000, train_size=20_000, seed=3)
    assert split.overlap() == 0
    a, b = pair_ids_to_operands(split.train, 5)
    assert a.max() < 100_000 and b.max() < 100_000


def test_carries_by_hand():
    assert count_carries([123, 15, 999, 0, 95], [45, 5, 1, 0, 5], 3).tolist() == [0, 1, 3, 0, 2]


# -- metrics -----------------------------------------------------------------------------
def test_score_exact_and_per_place():
    target = tok.encode_answers([168, 1000], 3)[:, 1:]
    pred = tok.encode_answers([169, 1000], 3)[:, 1:]  # first wrong in the ones place only
    acc = score(pred, target, reverse=False)
    assert acc.exact == 0.5
    assert acc.per_place.tolist() == [0.5, 1.0, 1.0, 1.0]  # ones, tens, hundreds, thousands
    # a reversed, too-short answer: "86" for 168 misses the hundreds place
    rt = tok.encode_answers([168], 3, reverse=True)[:, 1:]
    rp = tok.encode_answers([68], 3, reverse=True)[:, 1:]
    assert score(rp, rt, reverse=True).per_place.tolist() == [1.0, 1.0, 0.0, 1.0]


# -- prompts -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("123+45", (123, 45)), (" 123 + 45 ", (123, 45)), ("007+5", (7, 5)),
    ("１２３＋４５", (123, 45)), ("12+3=", (12, 3)), ("0+0", (0, 0)), ("999+999", (999, 999)),
    ("１２　＋　３", (12, 3)),
    ("0" * 5000 + "7+0005", (7, 5)),  # more than the 4300 characters int() reads, but only zeros
])
def test_accepted_prompts(text, expected):
    assert parse_prompt(text, 3) == expected


BAD = [
    ("", "empty", "empty"), ("   ", "empty", "empty"), ("abc", "letters", "letter 'a'"),
    ("12a+3", "letters", "letter 'a'"), ("12-3", "operator", "'-'"), ("12*3", "operator", "'*'"),
    ("12x3", "operator", "'×'"), ("12/3", "operator", "'/'"), ("1.5+2", "decimal", "Whole numbers"),
    ("1,000+2", "separator", "separators"), ("123", "no_plus", "no + sign"), ("123+", "missing_second", "second number"),
    ("+45", "missing_first", "first number"), ("+", "missing_first", "first number"),
    ("1+2+3", "too_many_operands", "two numbers"), ("1++2", "too_many_operands", "two numbers"),
    ("1234+5", "too_many_digits", "1234 has 4 digits"), ("5+0001234", "too_many_digits", "1234 has 4 digits"),
    ("1 2+3", "space_in_number", "space"), ("-5+3", "negative", "Negative"), ("12#3", "symbol", "'#'"),
    ("123+45=168", "equals", "only the question"), ("=", "empty", "empty"),
    # look like digits but are not plain ones: NFKC would read 3²+4 as 32+4 and answer 36
    ("1" * 5000 + "+1", "too_many_digits", "111111… has 5000 digits"),  # int() would refuse it
    ("0" * 5000 + "1234+1", "too_many_digits", "1234 has 4 digits"),
    ("3²+4", "symbol", "'²'"), ("12₃+4", "symbol", "'₃'"), ("①+2", "symbol", "'①'"),
    ("１２－３", "operator", "'-'"), ("ＡＢ＋１", "letters", "letter 'A'"),
]


@pytest.mark.parametrize("text, code, fragment", BAD)
def test_every_bad_prompt_gets_its_specific_message(text, code, fragment):
    with pytest.raises(PromptError) as err:
        parse_prompt(text, 3)
    assert err.value.code == code
    assert fragment in str(err.value)


def test_prompt_messages_are_japanese_when_asked():
    i18n.set_language("ja")
    with pytest.raises(PromptError) as err:
        parse_prompt("1234+5", 3)
    assert "桁" in str(err.value)


def test_digit_limit_follows_the_model():
    assert parse_prompt("12345+1", 5) == (12345, 1)
    with pytest.raises(PromptError) as err:
        parse_prompt("12+3", 1)
    assert str(err.value).endswith("up to 1 digit.")


# -- model -------------------------------------------------------------------------------
@pytest.mark.parametrize("cell", ["gru", "lstm"])
@pytest.mark.parametrize("peeky, attention", [(False, False), (True, False), (False, True), (True, True)])
def test_model_shapes(cell, peeky, attention):
    torch.manual_seed(0)
    m = Seq2Seq(ModelConfig(digits=3, cell=cell, hidden=16, embed_dim=4, peeky=peeky, attention=attention))
    src = torch.from_numpy(tok.encode_questions([1, 22, 333], [4, 55, 666], 3))
    ans = torch.from_numpy(tok.encode_answers([5, 77, 999], 3))
    assert m(src, ans[:, :-1]).shape == (3, 4, tok.VOCAB_SIZE)
    ids, probs, attn = m.generate(src, return_details=True)
    assert ids.shape == (3, 4) and probs.shape == (3, 4, tok.VOCAB_SIZE)
    assert torch.allclose(probs.sum(-1), torch.ones(3, 4))
    if attention:
        assert attn.shape == (3, 4, 7) and torch.allclose(attn.sum(-1), torch.ones(3, 4))
    else:
        assert attn is None


def test_tiny_model_learns_one_digit_addition_to_100_percent():
    from core.engine.engine import Callback

    evals = []

    class Rec(Callback):
        def on_eval(self, engine, event):
            evals.append(event)

    rng_before = torch.random.get_rng_state()
    spec = recipe(ModelConfig(digits=1, hidden=32, embed_dim=8), test_size=0, batch_size=64,
                  lr=1e-2, lr_final=1e-3, max_steps=400, eval_every=50, seed=0, target=1.0)
    engine = spec.engine([Rec()])
    assert torch.equal(torch.random.get_rng_state(), rng_before)   # building a run leaves the app's RNG alone
    end = engine.run()
    assert end.reason == "target"
    acc = evaluate_pairs(engine.model, all_pair_ids(1))  # all 100 pairs
    assert acc.exact == 1.0 and acc.n == 100
    assert evals[-1].metrics["exact"] == 1.0 and evals[-1].step % 50 == 0


def test_addition_events_are_plain_and_stop_is_cooperative():
    from core.engine.control import RunControl
    from core.engine.engine import Callback
    from core.engine.events import StepEvent

    control = RunControl()
    seen = []

    class StopAt7(Callback):
        def on_batch_end(self, engine, event):
            seen.append(event)
            if event.step == 7:
                control.stop()

    spec = recipe(ModelConfig(digits=2, hidden=8, embed_dim=4), test_size=100, batch_size=16,
                  max_steps=1000, eval_every=5, seed=0)
    end = spec.engine([StopAt7()], control).run()
    assert end.reason == "stopped" and end.step == 7
    assert all(isinstance(e, StepEvent) and isinstance(e.loss, float) for e in seen)
    assert seen[0].lr == pytest.approx(1e-2) and seen[6].lr < seen[0].lr      # cosine decay
    with pytest.raises(Exception):
        seen[0].loss = 1.0  # frozen


# -- checkpoint and solver ---------------------------------------------------------------
def test_checkpoint_round_trip(tmp_path):
    torch.manual_seed(0)
    m = Seq2Seq(ModelConfig(digits=2, hidden=8, embed_dim=4, peeky=True))
    path = save(m, tmp_path / "m.pt", {"seed": 0})
    back = load(path)
    assert back.cfg == m.cfg and load_metadata(path) == {"seed": 0}
    for k, v in m.state_dict().items():
        assert torch.equal(v, back.state_dict()[k])


def test_unusable_checkpoints_give_messages(tmp_path):
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a model")
    with pytest.raises(CheckpointError, match="not a readable model"):
        load(bad)
    other = tmp_path / "other.pt"
    torch.save({"weights": torch.zeros(2)}, other)
    with pytest.raises(CheckpointError, match="not an addition model"):
        load(other)
    with pytest.raises(CheckpointError, match="No model file"):
        load(tmp_path / "missing.pt")


def test_addition_checkpoint_with_wrong_contents_gives_a_one_line_message(tmp_path):
    from core.addition.checkpoint import FORMAT
    m = Seq2Seq(ModelConfig(digits=1, hidden=8, embed_dim=4))
    state = m.state_dict()
    odd = tmp_path / "odd.pt"
    torch.save({"format": FORMAT, "model_config": 5, "state_dict": state}, odd)  # was an AttributeError
    with pytest.raises(CheckpointError, match="does not match"):
        load(odd)
    resized = tmp_path / "resized.pt"
    torch.save({"format": FORMAT, "model_config": dict(m.cfg.to_dict(), hidden=16), "state_dict": state}, resized)
    with pytest.raises(CheckpointError) as err:
        load(resized)
    # load_state_dict lists every mismatching tensor on its own line; the user gets the first one
    assert "\n" not in str(err.value) and "size mismatch for" in str(err.value) and "more" in str(err.value)


def test_shipped_checkpoint_answers_a_sample_correctly():
    assert SHIPPED.is_file() and SHIPPED.stat().st_size < 2_000_000
    meta = load_metadata(SHIPPED)
    assert {"command", "seed", "data", "exhaustive"} <= set(meta)
    solver = Solver.from_file(SHIPPED)
    assert solver.solve("123+45").answer == "168"
    assert solver.solve("１２３＋４５").answer == "168"
    rng = np.random.default_rng(42)
    for a, b in [(0, 0), (999, 999), (999, 1), (500, 500), (9, 991)] + [tuple(x) for x in rng.integers(0, 1000, (40, 2))]:
        sol = solver.solve(f"{a}+{b}")
        assert sol.correct, (a, b, sol.answer)


def test_solution_shows_each_step():
    solver = Solver.from_file(SHIPPED)
    sol = solver.solve("123+45")
    assert len(sol.steps) == 4
    assert all(abs(sum(p for _, p in s.candidates) - 1) < 0.5 or len(s.candidates) == 3 for s in sol.steps)
    assert [s.candidates[0][0] for s in sol.steps] == [s.char for s in sol.steps]
    shown = "".join(s.char for s in sol.steps).strip()
    assert (shown[::-1] if sol.reverse_answer else shown) == "168"
    if solver.cfg.attention:
        assert sol.steps[0].attention.shape == (7,)


# -- command line ------------------------------------------------------------------------
def test_cli_solve_ok(capsys):
    assert main(["solve", "123+45"]) == 0
    assert capsys.readouterr().out.strip() == "168"


@pytest.mark.parametrize("prompt", ["", "12-3", "abc", "1234+1", "-5+3", "12+"])
def test_cli_solve_bad_input_exits_2(prompt, capsys):
    assert main(["solve", prompt]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.strip() and "Traceback" not in captured.err


def test_module_entry_point_exit_codes():
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    ok = subprocess.run([sys.executable, "-m", "core.addition", "solve", "123+45"], cwd=root, capture_output=True, text=True)
    assert (ok.returncode, ok.stdout.strip()) == (0, "168")
    bad = subprocess.run([sys.executable, "-m", "core.addition", "solve", "12-3"], cwd=root, capture_output=True, text=True)
    assert bad.returncode == 2 and "Only addition" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_bad_checkpoint_and_usage_exit_2(tmp_path, capsys):
    assert main(["solve", "1+2", "--checkpoint", str(tmp_path / "none.pt")]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["evaluate", "--checkpoint", str(tmp_path / "none.pt")]) == 2
    assert main(["train", "--digits", "4", "--out", str(tmp_path / "x.pt"), "--exhaustive"]) == 2  # 10^8 pairs
    assert main(["train", "--digits", "9", "--out", str(tmp_path / "x.pt")]) == 2


@pytest.mark.parametrize("option", [
    ["--steps", "0"], ["--batch-size", "0"], ["--eval-every", "0"], ["--threads", "-3"], ["--lr", "-1"],
    ["--lr", "nan"], ["--lr-final", "-1"], ["--test-size", "-1"], ["--train-size", "95"], ["--test-size", "101"],
    ["--polish-steps", "0"],
])
def test_cli_train_bad_option_exits_2_with_a_message(option, tmp_path, capsys):
    # 1-digit numbers: 100 pairs, so the default 5,000 held-out problems cannot be drawn either
    args = ["train", "--digits", "1", "--out", str(tmp_path / "x.pt"), "--quiet", "--test-size", "10"]
    assert main(args + option) == 2
    err = capsys.readouterr().err
    assert option[0] in err and "Traceback" not in err
    assert not (tmp_path / "x.pt").exists()


def test_cli_evaluate_bad_samples_exits_2(capsys):
    assert main(["evaluate", "--samples", "0"]) == 2
    assert "--samples" in capsys.readouterr().err


def test_cli_train_and_evaluate(tmp_path, capsys):
    out = tmp_path / "tiny.pt"
    assert main(["train", "--digits", "1", "--out", str(out), "--steps", "30", "--hidden", "8", "--embed", "4",
                 "--test-size", "10", "--eval-every", "10", "--quiet", "--exhaustive"]) == 0
    meta = load_metadata(out)
    assert meta["exhaustive"]["pairs"] == 100 and meta["seed"] == 0 and "train" in meta["command"]
    assert main(["evaluate", "--checkpoint", str(out), "--exhaustive"]) == 0
    assert "of 100 pairs" in capsys.readouterr().out
