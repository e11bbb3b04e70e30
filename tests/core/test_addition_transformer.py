"""The addition Transformer: sequence format, masked loss, greedy answers, engine training,
checkpoints, the solver's details, the CLI's --model, and length generalisation."""
import json

import numpy as np
import pytest
import torch

from core.addition import tokenizer as tok
from core.addition import transformer as tf
from core.addition.checkpoint import CheckpointError, load, load_metadata, metadata_path, save, shipped_path
from core.addition.cli import main
from core.addition.data import all_pair_ids, pair_ids_to_operands
from core.addition.length import exact_on_length, length_config, problems_of_length
from core.addition.metrics import evaluate_pairs
from core.addition.models import KINDS, kind_of
from core.addition.solver import Solver
from core.addition.transformer import AdditionTransformer, TransformerConfig, encode
from core.tasks.addition import TransformerTask, TransformerTrainConfig
from core.engine.config import Cadence, Limits, OptimConfig
from core.engine.engine import Engine

SHIPPED_T = shipped_path("transformer")


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny models train fastest on one thread (and do not fight the other tests for the cores)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def ids(text):
    return [tf.CHARS.index(c) for c in text]


# -- the sequence format ---------------------------------------------------------------
def test_encoding_by_hand_reversed_answer_and_coupled_positions():
    tokens, pos, answer = encode([123, 7], [45, 95], reverse_answer=True, positions="coupled")
    assert tokens[0].tolist() == ids("123+45=861 ")        # 168 written ones digit first, then one space
    assert tokens[1].tolist() == ids("7+95=201   ")        # 102 needs the carry's column; row padded after
    assert answer[0].tolist() == [False] * 7 + [True] * 4
    assert answer[1].tolist() == [False] * 5 + [True] * 3 + [False] * 3
    # place values: ones = 1 in a, b; "=" predicts the ones digit (1); answer char k predicts place k + 2
    assert pos[0].tolist() == [3, 2, 1, 0, 2, 1, 1, 2, 3, 4, 5]
    assert pos[1].tolist() == [1, 0, 2, 1, 1, 2, 3, 4, 0, 0, 0]


def test_encoding_normal_order_and_absolute_positions():
    tokens, pos, answer = encode([123], [45], reverse_answer=False, positions="absolute")
    assert tokens[0].tolist() == ids("123+45=168 ")
    assert pos[0].tolist() == list(range(11))
    assert tf.answer_text(tokens[0, 7:], reverse_answer=False) == "168"
    assert tf.answer_text(ids("861 "), reverse_answer=True) == "168"


def test_config_validation():
    with pytest.raises(ValueError, match="divisible"):
        TransformerConfig(width=30, heads=4).validate()
    with pytest.raises(ValueError, match="ones digit first"):
        TransformerConfig(positions="coupled", reverse_answer=False).validate()
    with pytest.raises(ValueError, match="digits"):
        TransformerConfig(digits=6).validate()


# -- the model ---------------------------------------------------------------------------
def tiny(positions="absolute", digits=2, **kw):
    torch.manual_seed(0)
    return AdditionTransformer(TransformerConfig(digits=digits, layers=2, heads=2, width=16, positions=positions, **kw))


@pytest.mark.parametrize("positions", ["absolute", "coupled"])
def test_shapes_and_causal_attention_weights(positions):
    m = tiny(positions).eval()
    tokens, pos, _ = encode([12, 3, 99], [34, 56, 99], True, positions)
    logits, weights = m(torch.from_numpy(tokens), torch.from_numpy(pos), return_weights=True)
    B, T = tokens.shape
    assert logits.shape == (B, T, tf.VOCAB_SIZE) and len(weights) == 2
    for w in weights:
        assert w.shape == (B, 2, T, T)
        assert torch.allclose(w.sum(-1), torch.ones(B, 2, T))
        assert torch.all(w.triu(1) == 0)                   # nothing looks at a later character
    # the weights path and the fused path compute the same thing
    assert torch.allclose(m(torch.from_numpy(tokens), torch.from_numpy(pos)), logits, atol=1e-5)


def test_loss_counts_the_answer_only():
    m = tiny()
    tokens, pos, answer = (torch.from_numpy(x) for x in encode([12, 3], [34, 56], True, "absolute"))
    logits = m(tokens[:, :-1], pos[:, :-1])
    mask = answer[:, 1:]
    by_hand = torch.nn.functional.cross_entropy(logits[mask], tokens[:, 1:][mask])
    assert torch.allclose(m.loss(tokens, pos, answer), by_hand)
    assert int(mask.sum()) == 3 + 3                          # "64 " for 12+34, "95 " for 3+56: 3 answer chars each
    # changing what follows the answer (padding) or the loss on the prompt cannot change the loss
    m.zero_grad()
    m.loss(tokens, pos, answer).backward()
    g = m.tok_embed.weight.grad
    assert g[tf.EQUALS].abs().sum() > 0                      # "=" is read (it predicts the first digit)


def test_positions_beyond_the_table_are_refused():
    m = tiny("absolute", digits=1)
    with pytest.raises(ValueError, match="beyond"):
        m.generate([123], [4])
    with pytest.raises(ValueError, match="beyond"):
        m.answer_ids(np.array([123]), np.array([4]))


def test_answer_ids_shortcut_equals_step_by_step_greedy():
    """Teacher forcing decides the rows greedy decoding gets right; the others are decoded: same result."""
    task = TransformerTask(TransformerTrainConfig(model=TransformerConfig(digits=1, layers=1, heads=2, width=16),
                                                  test_size=0, batch_size=64, seed=0))
    Engine(task, OptimConfig(optimizer="adamw", lr=1e-2), Limits(max_steps=100)).run()
    m = task.model.eval()
    a, b = pair_ids_to_operands(all_pair_ids(1), 1)
    fast = m.answer_ids(a, b)
    slow = np.full_like(fast, tok.PAD)
    la, lb = tf._num_digits(a), tf._num_digits(b)
    for key in np.unique(la * 10 + lb):
        r = np.flatnonzero(la * 10 + lb == key)
        slow[r] = tf.to_seq2seq_answer(m.generate(a[r], b[r]).numpy(), 2)
    right = np.all(fast == tok.encode_answers(a + b, 1, True)[:, 1:], axis=1).mean()
    assert 0.03 < right < 0.97                               # both paths exercised (10 % right)
    assert np.array_equal(fast, slow)


# -- training through the engine ---------------------------------------------------------
def test_tiny_transformer_learns_one_digit_addition_to_100_percent():
    cfg = TransformerTrainConfig(model=TransformerConfig(digits=1, layers=1, heads=2, width=32, positions="coupled"),
                                 test_size=0, batch_size=64, seed=0)
    task = TransformerTask(cfg)
    end = Engine(task, OptimConfig(optimizer="adamw", lr=1e-2, schedule="cosine", warmup_steps=10, lr_final=1e-3),
                 Limits(max_steps=400, target=1.0), Cadence(eval_every_steps=25)).run()
    assert end.reason == "target" and end.metrics["exact"] == 1.0
    acc = evaluate_pairs(task.model, all_pair_ids(1))
    assert acc.exact == 1.0 and acc.n == 100


def test_task_never_trains_on_held_out_problems_and_continues_its_order():
    cfg = TransformerTrainConfig(model=TransformerConfig(digits=2), test_size=500, batch_size=256, balanced=0.5)
    task = TransformerTask(cfg)
    test = set(task.split.test.tolist())
    for _ in range(20):
        assert not test & set(task.next_pair_ids().tolist())
    state = task.state_dict()
    after = [task.next_pair_ids() for _ in range(3)]
    task.load_state_dict(state)
    assert all(np.array_equal(x, task.next_pair_ids()) for x in after)


def test_same_held_out_problems_as_the_seq2seq():
    from core.tasks import make_task
    seq = make_task("addition", dict(test_size=5000, seed=0))
    task = make_task("addition_transformer", TransformerTrainConfig(test_size=5000, seed=0).to_dict())
    assert isinstance(task, TransformerTask) and task.config.model.digits == 3
    assert np.array_equal(seq.split.test, task.split.test)


# -- checkpoints and the solver ----------------------------------------------------------
def test_checkpoint_round_trip_keeps_kind_and_never_touches_model_json(tmp_path):
    m = tiny("coupled")
    mine = tmp_path / "m.json"
    mine.write_text("the user's own file")
    path = save(m, tmp_path / "m.pt", {"seed": 3})
    assert mine.read_text() == "the user's own file"
    assert metadata_path(path).name == "m.pt.json" and json.loads(metadata_path(path).read_text()) == {"seed": 3}
    blob = torch.load(path, weights_only=True)
    assert blob["kind"] == "transformer" and json.loads(blob["metadata"]) == {"seed": 3}
    back = load(path)
    assert isinstance(back, AdditionTransformer) and back.cfg == m.cfg and kind_of(back) == "transformer"
    for k, v in m.state_dict().items():
        assert torch.equal(v, back.state_dict()[k])
    metadata_path(path).unlink()
    assert load_metadata(path) == {"seed": 3}                # still inside the checkpoint
    assert not list(tmp_path.glob("*.tmp"))


def test_unknown_kind_is_a_message(tmp_path):
    from core.addition.checkpoint import FORMAT
    odd = tmp_path / "odd.pt"
    torch.save({"format": FORMAT, "kind": "lstm-gan", "model_config": {}, "state_dict": {}}, odd)
    with pytest.raises(CheckpointError, match="does not know"):
        load(odd)


def test_solver_shows_steps_and_every_layer_and_head():
    m = tiny("coupled", digits=3)
    sol = Solver(m).solve("123+45")
    L, H = 2, 2
    assert sol.model_kind == "transformer" and len(sol.steps) == 4
    assert "".join(sol.encoder_chars[:7]) == "123+45=" and len(sol.encoder_chars) == 7 + 3
    assert sol.layer_attention.shape == (L, H, 10, 10)
    assert np.allclose(sol.layer_attention.sum(-1), 1, atol=1e-5)
    assert [s.candidates[0][0] for s in sol.steps] == [s.char for s in sol.steps]
    first = sol.steps[0].attention                           # written by "=", which sees the prompt only
    assert first.shape == (10,) and np.allclose(first[:7].sum(), 1, atol=1e-5) and np.all(first[7:] == 0)
    shown = "".join(s.char for s in sol.steps).split(" ")[0][::-1]
    assert sol.answer == shown


@pytest.mark.skipif(not SHIPPED_T.is_file(), reason="shipped Transformer not trained yet")
def test_shipped_transformer_is_small_documented_and_right():
    assert SHIPPED_T.stat().st_size < 2_000_000
    meta = load_metadata(SHIPPED_T)
    assert meta["exhaustive"]["pairs"] == 1_000_000 and meta["exhaustive"]["wrong"] == 0
    solver = Solver.shipped("transformer")
    assert solver.solve("１２３＋４５").answer == "168"
    rng = np.random.default_rng(7)
    a, b = rng.integers(0, 1000, (2, 3000))
    acc = evaluate_pairs(solver.model, a * 1000 + b)
    assert acc.exact == 1.0


# -- command line ------------------------------------------------------------------------
@pytest.mark.skipif(not SHIPPED_T.is_file(), reason="shipped Transformer not trained yet")
def test_cli_model_choice_uses_the_shipped_transformer(capsys):
    assert main(["solve", "--model", "transformer", "999+1"]) == 0
    assert capsys.readouterr().out.strip() == "1000"
    assert main(["solve", "--model", "transformer", "１２＋３４"]) == 0
    assert capsys.readouterr().out.strip() == "46"
    assert main(["evaluate", "--model", "transformer", "--samples", "500", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["exact"] == 1.0


@pytest.mark.parametrize("prompt", ["", "12-3", "1234+1", "-5+3"])
def test_cli_transformer_bad_prompt_exits_2(prompt, capsys, tmp_path):
    path = save(tiny(digits=3), tmp_path / "t.pt")
    assert main(["solve", "--model", "transformer", "--checkpoint", str(path), prompt]) == 2
    assert capsys.readouterr().err.strip()


def test_cli_model_and_checkpoint_must_agree(tmp_path, capsys):
    path = save(tiny(digits=3), tmp_path / "t.pt")
    assert main(["solve", "--model", "seq2seq", "--checkpoint", str(path), "1+1"]) == 2
    assert "not a Seq2Seq" in capsys.readouterr().err


def test_cli_train_transformer_and_evaluate(tmp_path, capsys):
    out = tmp_path / "t.pt"
    assert main(["train", "--model", "transformer", "--digits", "1", "--out", str(out), "--steps", "40",
                 "--width", "16", "--heads", "2", "--layers", "1", "--test-size", "10", "--eval-every", "20",
                 "--quiet", "--exhaustive"]) == 0
    meta = load_metadata(out)
    assert meta["model"] == "transformer" and meta["exhaustive"]["pairs"] == 100
    assert meta["config"]["optim"]["optimizer"] == "adamw" and meta["train_steps"] == 40
    assert kind_of(load(out)) == "transformer"
    assert main(["evaluate", "--checkpoint", str(out), "--exhaustive"]) == 0
    assert "of 100 pairs" in capsys.readouterr().out


def test_models_registry_has_both_kinds():
    assert set(KINDS) == {"seq2seq", "transformer"}
    assert KINDS["seq2seq"].shipped.is_file()


# -- length generalisation ---------------------------------------------------------------
def test_test_problems_have_exactly_the_asked_length():
    a, b = problems_of_length(7, 200, seed=0)
    assert a.min() >= 1_000_000 and b.max() < 10_000_000


def test_coupled_training_reaches_every_place_the_longer_tests_use():
    """Why coupling helps: with random shifts, training batches (1-2 digits) use every position that
    a 4-digit test problem needs; with absolute positions they never reach the test's later ones."""
    a, b = problems_of_length(4, 50, seed=0)
    for positions, covered in (("coupled", True), ("absolute", False)):
        task = TransformerTask(length_config(positions, train_digits=2, test_digits=(4,), width=16))
        seen = set()
        for _ in range(30):
            seen |= set(task.next_batch()[1].flatten().tolist())
        _, test_pos, _ = encode(a, b, True, positions)
        needed = set(test_pos[:, :-1].flatten().tolist())
        assert needed <= seen if covered else not needed <= seen


def test_length_command_at_tiny_scale(capsys):
    assert main(["length", "--train-digits", "1", "--test-digits", "2", "--steps", "20", "--samples", "40",
                 "--width", "16", "--heads", "2", "--layers", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["positions"] for r in out["results"]] == ["absolute", "coupled"]
    for r in out["results"]:
        assert set(r["by_digits"]) == {"2"} and 0.0 <= r["by_digits"]["2"] <= 1.0 and r["steps"] == 20
    assert main(["length", "--test-digits", "x"]) == 2
    assert main(["length", "--test-digits", "13"]) == 2


def test_exact_on_length_scores_with_the_shared_scorer():
    m = tiny("coupled", digits=1, position_slots=8)
    acc = exact_on_length(m, 3, 30)
    assert acc.n == 30 and acc.per_place.shape == (4,)


def test_exhaustive_check_in_chunks_matches_one_evaluation():
    from core.addition.exhaustive import exhaustive_chunks, exhaustive_exact
    m = tiny("coupled", digits=1)
    steps = list(exhaustive_chunks(m, chunk=30))
    assert [d for d, _, _ in steps] == [30, 60, 90, 100] and all(t == 100 for _, t, _ in steps)
    whole = evaluate_pairs(m, all_pair_ids(1))
    assert steps[-1][2] == round((1 - whole.exact) * 100)
    assert exhaustive_exact(m, chunk=30) == pytest.approx(whole.exact)
    with pytest.raises(ValueError, match="too many"):
        next(exhaustive_chunks(tiny(digits=4)))
