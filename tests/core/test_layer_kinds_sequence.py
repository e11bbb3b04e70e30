"""The sequence family (core/layer_kinds/sequence.py): Embedding, positions, RNN/GRU/LSTM, attention.

Parameter counts are worked out by hand and checked against torch's own count of the built
module; the code line of each kind, run with its helper classes' exported source, builds the same
module (same parameter names, same output).
"""
import pytest
import torch
from torch import nn

from core import i18n
from core.layer_kinds import sequence
from core.layers import GROUPS, LAYERS, ShapeError, kinds_in_group
from core.modules import HELPER_IMPORTS, helper_source
from core.modules.attention import CausalSelfAttention

# kind, params beyond the defaults, input shape, output shape, parameter count (by hand)
CASES = [
    ("Embedding", {"num_embeddings": 65, "embedding_dim": 32}, (10,), (10, 32), 65 * 32),
    ("PositionalEmbedding", {}, (10, 32), (10, 32), 10 * 32),
    # RNN: W_ih 16x8, W_hh 16x16, two biases of 16 = 128 + 256 + 32 = 416
    ("RNN", {"hidden_size": 16}, (5, 8), (5, 16), 416),
    ("RNN", {"hidden_size": 16, "output": "last"}, (5, 8), (16,), 416),
    # GRU: 3 gates x 416 = 1248; a second layer reads 16: 3 x (256 + 256 + 32) = 1632
    ("GRU", {"hidden_size": 16}, (5, 8), (5, 16), 1248),
    ("GRU", {"hidden_size": 16, "num_layers": 2}, (5, 8), (5, 16), 1248 + 1632),
    # LSTM: 4 gates x 416 = 1664
    ("LSTM", {"hidden_size": 16, "output": "last"}, (5, 8), (16,), 1664),
    # attention, width 32: qkv 32x96 + 96, proj 32x32 + 32 = 3072 + 96 + 1024 + 32 = 4224
    ("CausalSelfAttention", {"num_heads": 4}, (6, 32), (6, 32), 4224),
    ("CausalSelfAttention", {"num_heads": 2, "dropout": 0.1}, (6, 32), (6, 32), 4224),
    ("Embedding", {"num_embeddings": 65, "embedding_dim": 32, "init_std": 0.02}, (10,), (10, 32), 65 * 32),
]
CODES = {  # the code line of each case above, in order
    0: "nn.Embedding(65, 32)",
    1: "PositionalEmbedding(10, 32)",
    2: "Recurrent(nn.RNN(8, 16, batch_first=True))",
    3: "Recurrent(nn.RNN(8, 16, batch_first=True), last_step=True)",
    4: "Recurrent(nn.GRU(8, 16, batch_first=True))",
    5: "Recurrent(nn.GRU(8, 16, num_layers=2, batch_first=True))",
    6: "Recurrent(nn.LSTM(8, 16, batch_first=True), last_step=True)",
    7: "CausalSelfAttention(32, 4)",
    8: "CausalSelfAttention(32, 2, dropout=0.1)",
    9: "TokenEmbedding(65, 32, init_std=0.02)",
}


def _params(kind, extra):
    p = LAYERS[kind].defaults()
    p.update(extra)
    return p


def _input(kind, params, shape):
    torch.manual_seed(1)
    if LAYERS[kind].vocab:
        return torch.randint(0, LAYERS[kind].vocab(params), (3, *shape))
    return torch.randn(3, *shape)


def test_every_kind_of_the_family_is_registered_and_covered():
    assert [k.name for k in sequence.KINDS] == ["Embedding", "PositionalEmbedding", "RNN", "GRU", "LSTM",
                                                "CausalSelfAttention"]
    assert {c[0] for c in CASES} == {k.name for k in sequence.KINDS}
    assert "sequence" in GROUPS and kinds_in_group("sequence") == sequence.KINDS
    assert all(LAYERS[k.name] is k for k in sequence.KINDS)


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_shape_rule_count_builder_and_torch_agree(i):
    kind, extra, in_shape, out_shape, n_params = CASES[i]
    entry, p = LAYERS[kind], _params(kind, extra)
    assert entry.shape_rule(in_shape, p) == out_shape
    assert entry.count_params(in_shape, p) == n_params
    module = entry.builder(in_shape, p)
    assert sum(t.numel() for t in module.parameters()) == n_params
    module.eval()
    y = module(_input(kind, p, in_shape))
    assert tuple(y.shape) == (3, *out_shape)


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_code_line_with_its_helpers_builds_the_same_module(i):
    kind, extra, in_shape, _, _ = CASES[i]
    entry, p = LAYERS[kind], _params(kind, extra)
    code = entry.code(in_shape, p)
    assert code == CODES[i]
    # what an exported file holds: the imports, the helper classes, then the constructor call
    source = "\n".join(HELPER_IMPORTS) + "\n\n" + helper_source(entry.helpers_of(p)) + f"\n\nlayer = {code}\n"
    ns = {"__name__": "exported"}
    exec(compile(source, "<exported>", "exec"), ns)
    built, exported = entry.builder(in_shape, p), ns["layer"]
    assert str(built) == str(exported)
    exported.load_state_dict(built.state_dict())          # strict: the same parameter names and shapes
    built.eval(), exported.eval()
    x = _input(kind, p, in_shape)
    with torch.no_grad():
        assert torch.equal(built(x), exported(x))


def test_embedding_init_std_sets_the_spread_of_the_starting_vectors():
    # 100 x 200 = 20,000 draws: the sample std is within 2 % of the chosen one
    for std in (1.0, 0.02):
        torch.manual_seed(0)
        layer = LAYERS["Embedding"].builder((5,), _params("Embedding", {"num_embeddings": 100, "embedding_dim": 200,
                                                                        "init_std": std}))
        assert abs(layer.weight.std().item() / std - 1) < 0.02
        assert isinstance(layer, nn.Embedding)          # TokenEmbedding is one: decoding and views treat it so
    assert LAYERS["Embedding"].helpers_of(_params("Embedding", {})) == ()   # the default exports plain nn.Embedding


def test_helper_source_writes_each_helper_once():
    src = helper_source(LAYERS["CausalSelfAttention"].helpers + LAYERS["CausalSelfAttention"].helpers)
    assert src.count("class CausalSelfAttention(nn.Module):") == 1
    assert src.count("def attention_weights(") == 1


def test_recurrent_last_step_is_the_last_row_of_the_whole_sequence():
    p = _params("GRU", {"hidden_size": 6})
    torch.manual_seed(0)
    seq = LAYERS["GRU"].builder((4, 3), p)
    last = LAYERS["GRU"].builder((4, 3), dict(p, output="last"))
    last.load_state_dict(seq.state_dict())
    x = torch.randn(2, 4, 3)
    assert torch.allclose(seq(x)[:, -1], last(x))
    assert isinstance(seq.rnn, nn.GRU) and seq.rnn.batch_first


def test_embedding_takes_token_ids_and_says_so():
    entry = LAYERS["Embedding"]
    assert entry.vocab({"num_embeddings": 65, "embedding_dim": 8}) == 65
    assert all(k.vocab is None for k in LAYERS.values() if k.name != "Embedding")
    with pytest.raises(ShapeError, match=r"Embedding takes token ids \(B, T\) but receives \(B, 10, 4\)"):
        entry.shape_rule((10, 4), entry.defaults())


@pytest.mark.parametrize("kind", ["PositionalEmbedding", "GRU", "CausalSelfAttention"])
def test_sequence_layers_refuse_token_ids_with_a_hint(kind):
    with pytest.raises(ShapeError, match=rf"{kind} reads a sequence of vectors \(B, T, C\) but receives "
                                         r"\(B, 64\); token ids need an Embedding first"):
        LAYERS[kind].shape_rule((64,), _params(kind, {}))


def test_attention_heads_must_divide_the_width():
    with pytest.raises(ShapeError, match="The width 30 cannot be split into 4 heads"):
        LAYERS["CausalSelfAttention"].shape_rule((5, 30), {"num_heads": 4, "dropout": 0.0})
    i18n.set_language("ja")
    with pytest.raises(ShapeError, match="幅 30 は 4 個のヘッドに分けられません"):
        LAYERS["CausalSelfAttention"].shape_rule((5, 30), {"num_heads": 4, "dropout": 0.0})


def test_positions_are_added_and_shorter_sequences_use_the_first_ones():
    pos = LAYERS["PositionalEmbedding"].builder((8, 4), {})
    x = torch.zeros(2, 5, 4)
    assert torch.equal(pos(x), pos.weight[:5].expand(2, 5, 4))
    with pytest.raises(ValueError, match="longer than the 8 learned positions"):
        pos(torch.zeros(1, 9, 4))


def test_attention_is_causal_and_keeps_its_weights_when_asked():
    torch.manual_seed(0)
    att = CausalSelfAttention(8, 2).eval()
    x = torch.randn(1, 5, 8)
    y = att(x)
    assert att.weights is None                      # the fused path keeps nothing
    att.keep_weights = True
    y2 = att(x)
    assert torch.allclose(y, y2, atol=1e-6)         # the plain path computes the same output
    w = att.weights
    assert w.shape == (1, 2, 5, 5)
    assert torch.allclose(w.sum(-1), torch.ones(1, 2, 5))
    assert torch.all(w.triu(1) == 0)                # no position looks ahead
    assert torch.all(w[..., 0, 0] == 1)             # the first position can only see itself
    # changing a later token does not change earlier outputs
    x2 = x.clone()
    x2[0, 4] += 1
    assert torch.allclose(att(x2)[0, :4], y2[0, :4], atol=1e-6)


def test_every_entry_is_documented_in_both_languages():
    for k in sequence.KINDS:
        assert k.doc_en and k.doc_ja and k.doc_en != k.doc_ja
        for p in k.params:
            assert p.check(p.default) is None and p.doc_en and p.doc_ja
    i18n.set_language("ja")
    assert LAYERS["GRU"].inferred.startswith("input_size は入力の形")
