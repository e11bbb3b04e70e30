"""Networks that branch: the tree spec (residual and concatenate blocks), its JSON, shapes, build and code.

Also: a project file of format version 1 (written by the app before blocks existed) still opens,
and the deep plain vs residual pair shows the vanishing gradient (and its cure) in numbers.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from torch import nn

from core import i18n
from core.analysis import WARNING, analyse
from core.build import attribute_names, build, code_and_lines, input_vocab, layer_modules, to_code
from core.layers import LAYERS
from core.project import VERSION, Project, load_project, save_project, weights_fit
from core.spec import (BLOCKS, CONCAT, MAX_DEPTH, MAX_LAYERS, RESIDUAL, ROOT, BlockSpec, LayerSpec, NetworkSpec,
                       Place, SpecError, walk)
from core.templates import TEMPLATES

DATA = Path(__file__).parent / "data"


def _lin(n, **kw):
    return LayerSpec.make("Linear", out_features=n, **kw)


def _tree() -> NetworkSpec:
    """(B, 3, 4) in; a residual holding a concatenate; a concatenate with an empty path; every kind."""
    return NetworkSpec((3, 4), [
        LayerSpec.make("LayerNorm"),                                       # (3, 4): 8
        BlockSpec.make(RESIDUAL, [
            _lin(6),                                                       # (3, 6): 4*6+6 = 30
            LayerSpec.make("GELU", approximate="tanh"),
            BlockSpec.make(CONCAT, [_lin(2), LayerSpec.make("Tanh")],      # (3, 2): 14
                           [_lin(2, bias=False), LayerSpec.make("Dropout", p=0.25)],  # (3, 2): 12
                           dim=-1),                                        # (3, 4)
        ]),                                                                # x + f(x): (3, 4)
        BlockSpec.make(CONCAT, [], [LayerSpec.make("LeakyReLU", negative_slope=0.2)], dim=1),  # (6, 4)
        LayerSpec.make("BatchNorm1d"),                                     # C = 6: 12
        LayerSpec.make("Flatten"),                                         # (24,)
        _lin(5),                                                           # 24*5+5 = 125
        LayerSpec.make("ReLU"),
        BlockSpec.make(RESIDUAL, [_lin(5), LayerSpec.make("Sigmoid")]),    # 30
        _lin(3),                                                           # 18
        LayerSpec.make("Softmax"),
    ])


TREE_PARAMS = 8 + 30 + 14 + 12 + 12 + 125 + 30 + 18  # 249


def _text_tree() -> NetworkSpec:
    """A tiny GPT-like network over token ids (B, 12), with recurrent layers joined by a concatenate."""
    return NetworkSpec((12,), [
        LayerSpec.make("Embedding", num_embeddings=20, embedding_dim=16),            # (12, 16)
        LayerSpec.make("PositionalEmbedding"),
        BlockSpec.make(RESIDUAL, [LayerSpec.make("LayerNorm"), LayerSpec.make("CausalSelfAttention", num_heads=2)]),
        BlockSpec.make(RESIDUAL, [LayerSpec.make("LayerNorm"), _lin(32), LayerSpec.make("GELU"), _lin(16)]),
        BlockSpec.make(CONCAT, [LayerSpec.make("GRU", hidden_size=8, num_layers=2)],
                       [LayerSpec.make("LSTM", hidden_size=8)], dim=-1),            # (12, 16)
        LayerSpec.make("RNN", hidden_size=6, output="last"),                        # (6,)
        _lin(20),
    ])


def _image_tree() -> NetworkSpec:
    """Pixels (B, 64) -> (1, 8, 8) -> convolutions with a residual block and a concatenate of two poolings."""
    return NetworkSpec((64,), [
        LayerSpec.make("Unflatten", channels=1, height=8, width=8),
        LayerSpec.make("Conv2d", out_channels=4, padding=1),                         # (4, 8, 8)
        BlockSpec.make(RESIDUAL, [LayerSpec.make("Conv2d", out_channels=4, padding=1),
                                  LayerSpec.make("BatchNorm2d"), LayerSpec.make("ReLU")]),
        BlockSpec.make(CONCAT, [LayerSpec.make("MaxPool2d")], [LayerSpec.make("AvgPool2d")], dim=1),  # (8, 4, 4)
        LayerSpec.make("Dropout2d"),
        LayerSpec.make("AdaptiveAvgPool2d", output_size=2),                          # (8, 2, 2)
        LayerSpec.make("Flatten"),
        _lin(3),
    ])


ALL_TREES = (_tree, _text_tree, _image_tree)


# --- the spec ----------------------------------------------------------------------------------

def test_tree_walks_in_data_order_with_depths():
    spec = _tree()
    kinds = [(n.kind, d) for n, d in walk(spec.layers)][:9]
    assert kinds == [("LayerNorm", 0), (RESIDUAL, 0), ("Linear", 1), ("GELU", 1), (CONCAT, 1),
                     ("Linear", 2), ("Tanh", 2), ("Linear", 2), ("Dropout", 2)]
    assert spec.node_count() == 20 and len(spec.all_layers()) == 16 and not spec.is_flat()
    assert TEMPLATES["classifier_2d"].make().is_flat()


def test_json_round_trip_of_a_tree():
    spec = _tree()
    d = json.loads(json.dumps(spec.to_dict()))
    assert NetworkSpec.from_dict(d) == spec
    res = d["layers"][1]
    assert set(res) == {"id", "kind", "params", "layers"} and res["kind"] == "Residual" and res["params"] == {}
    cat = res["layers"][2]
    assert set(cat) == {"id", "kind", "params", "path_a", "path_b"} and cat["params"] == {"dim": -1}
    assert [l["kind"] for l in cat["path_b"]] == ["Linear", "Dropout"]
    assert all(len(n.id) == 32 for n in spec.all_nodes())


def test_places_find_and_contains():
    spec = _tree()
    res, cat = spec.layers[1], spec.layers[1].children[2]
    dropout = cat.branches[1][1]
    assert spec.place_of(dropout.id) == Place(cat.id, 1, 1)
    assert spec.place_of(res.id) == Place(ROOT, 0, 1)
    assert spec.find(dropout.id) is dropout and spec.branch(cat.id, 1) is cat.branches[1]
    assert spec.contains(res.id, dropout.id) and not spec.contains(cat.id, res.id)
    with pytest.raises(KeyError):
        spec.place_of("nope")
    with pytest.raises(KeyError):
        spec.branch(dropout.id)  # a layer has no branches


def _net(*layers):
    return {"input_shape": [2], "layers": list(layers)}


@pytest.mark.parametrize("doc,message", [
    (_net({"kind": "Residual", "layers": {"a": 1}}), "Residual: layers must be a list"),
    (_net({"kind": "Residual", "params": [1]}), "A block's params must be an object"),
    (_net({"kind": "Residual", "id": 5}), "A block's id must be a string"),
    (_net({"kind": "Residual", "params": {"dim": 1}}), "Residual has no parameter 'dim'"),
    (_net({"kind": "Concatenate", "params": {}}), "Concatenate is missing its parameter 'dim'"),
    (_net({"kind": "Concatenate", "params": {"dim": 99}}), "Concatenate: dim must be in [-8, 8]"),
    (_net({"kind": "Residual", "layers": [{"kind": "Conv5d"}]}), "Unknown layer kind 'Conv5d'"),
    (_net({"kind": "Residual", "layers": [{"id": "x", "kind": "ReLU"}]}, {"id": "x", "kind": "Tanh"}),
     "Two layers share the same id"),
])
def test_malformed_blocks_are_refused(doc, message):
    with pytest.raises(SpecError) as e:
        NetworkSpec.from_dict(doc)
    assert str(e.value) == message


def test_a_concat_dim_written_as_a_whole_float_is_read_as_int():
    spec = NetworkSpec.from_dict(_net({"kind": "Concatenate", "params": {"dim": -1.0}}))
    assert spec.layers[0].params["dim"] == -1 and type(spec.layers[0].params["dim"]) is int
    assert spec.layers[0].branches == [[], []]  # missing paths are empty


def test_the_number_of_layers_and_the_nesting_are_capped():
    flat = _net(*[{"kind": "ReLU"}] * (MAX_LAYERS + 1))
    with pytest.raises(SpecError, match="more than 1,000 layers and blocks"):
        NetworkSpec.from_dict(flat)
    inside = _net({"kind": "Residual", "layers": [{"kind": "ReLU"}] * MAX_LAYERS})  # 1,001 nodes in all
    with pytest.raises(SpecError, match="more than 1,000 layers and blocks"):
        NetworkSpec.from_dict(inside)
    assert NetworkSpec.from_dict(_net(*[{"kind": "ReLU"}] * MAX_LAYERS)).node_count() == MAX_LAYERS
    deep: dict = {"kind": "ReLU"}
    for _ in range(MAX_DEPTH + 1):
        deep = {"kind": "Residual", "layers": [deep]}
    with pytest.raises(SpecError, match="nested more than 32 deep"):
        NetworkSpec.from_dict(_net(deep))
    i18n.set_language("ja")
    with pytest.raises(SpecError, match="層とブロックが 1,000 個を超えて"):
        NetworkSpec.from_dict(flat)


# --- shapes ------------------------------------------------------------------------------------

def test_shapes_flow_through_the_tree():
    spec = _tree()
    a = analyse(spec)
    assert not a.errors, a.errors
    res, cat = spec.layers[1], spec.layers[2]
    inner_cat = res.children[2]
    assert a.info(res.id).in_shape == a.info(res.id).out_shape == (3, 4)
    assert a.info(inner_cat.id).branch_shapes == ((3, 2), (3, 2)) and a.info(inner_cat.id).out_shape == (3, 4)
    assert a.info(cat.id).branch_shapes == ((3, 4), (3, 4)) and a.info(cat.id).out_shape == (6, 4)  # dim 1
    assert a.info(res.id).n_params == 30 + 14 + 12  # everything inside, nested blocks included
    assert [i.out_shape for i in a.layers] == [(3, 4), (3, 4), (6, 4), (6, 4), (24,), (5,), (5,), (5,), (3,), (3,)]
    assert a.total_params == TREE_PARAMS == 249
    assert a.output_shape == (3,)


def test_residual_merge_must_keep_the_shape():
    inner = _lin(3)
    res = BlockSpec.make(RESIDUAL, [inner, LayerSpec.make("ReLU")])
    after = _lin(2)
    a = analyse(NetworkSpec((4,), [res, after]))
    [problem] = a.errors
    assert problem.layer_id == res.id
    assert problem.message == ("The residual merge adds x (B, 4) and f(x) (B, 3): they must have the same shape. "
                               "Make the last layer inside output (B, 4).")
    assert a.info(inner.id).out_shape == (3,)  # the layers inside still get their shapes
    assert a.info(res.id).out_shape is None and a.info(after.id).in_shape is None
    i18n.set_language("ja")
    assert "残差の合流で x (B, 4) と f(x) (B, 3) を足します" in analyse(NetworkSpec((4,), [res])).errors[0].message


def test_an_empty_residual_block_is_a_warning():
    res = BlockSpec.make(RESIDUAL)
    a = analyse(NetworkSpec((4,), [_lin(4), res]))
    assert [(p.layer_id, p.severity) for p in a.problems] == [(res.id, WARNING)]
    assert a.output_shape == (4,)


@pytest.mark.parametrize("dim,a,b,out", [
    (-1, 5, 2, (3, 7)),   # (3, 5) and (3, 2) side by side on the last dimension
    (2, 5, 2, (3, 7)),    # the same dimension counted from the front (0 is the batch)
    (1, 5, 5, (6, 5)),    # (3, 5) on top of (3, 5)
    (-2, 5, 5, (6, 5)),
    (1, 5, 2, None),      # rows may be joined only if the columns agree
])
def test_concatenate_checks_every_dimension_but_the_joined_one(dim, a, b, out):
    cat = BlockSpec.make(CONCAT, [_lin(a)], [_lin(b)], dim=dim)
    info = analyse(NetworkSpec((3, 8), [cat])).info(cat.id)
    assert info.branch_shapes == ((3, a), (3, b)) and info.out_shape == out
    if out is not None:
        built = build(NetworkSpec((3, 8), [cat]))
        assert built(torch.randn(4, 3, 8)).shape == (4, *out)  # torch agrees


def test_concatenate_errors_name_the_block():
    cat = BlockSpec.make(CONCAT, [_lin(5)], [_lin(2)], dim=1)  # (3, 5) and (3, 2) joined on dim 1
    a = analyse(NetworkSpec((3, 8), [cat]))
    assert [(p.layer_id, p.message) for p in a.errors] == [(cat.id, (
        "The two paths give (B, 3, 5) and (B, 3, 2): joined along dim 1, every other dimension must agree, "
        "but dim 2 is 5 and 2."))]
    zero = BlockSpec.make(CONCAT, [], [], dim=0)
    assert analyse(NetworkSpec((3,), [zero])).errors[0].message == (
        "dim=0 is the batch: joining along it would mix samples. Use 1 or -1.")
    far = BlockSpec.make(CONCAT, [], [], dim=3)
    assert analyse(NetworkSpec((3, 8), [far])).errors[0].message == (
        "dim=3 does not exist for (B, 3, 8): use 1 to 2 or -1 to -2.")
    rank = BlockSpec.make(CONCAT, [], [LayerSpec.make("Flatten")])
    assert analyse(NetworkSpec((3, 8), [rank])).errors[0].message == (
        "The two paths give (B, 3, 8) and (B, 24): to be joined they need the same number of dimensions.")


def test_advice_reads_each_branch_on_its_own():
    # Linear, Linear inside a block: a warning there; Softmax at the end of a branch is "inside"
    a2 = _lin(4)
    sm = LayerSpec.make("Softmax")
    res = BlockSpec.make(RESIDUAL, [_lin(4), a2, sm])
    a = analyse(NetworkSpec((4,), [res, _lin(2)]))
    assert {(p.layer_id, p.severity) for p in a.problems} == {(a2.id, WARNING), (sm.id, WARNING)}
    assert "usually only used at the end" in a.problems_for(sm.id)[0].message


# --- build and code ----------------------------------------------------------------------------

def _exec(code: str) -> dict:
    ns = {"__name__": "exported"}
    exec(compile(code, "<exported>", "exec"), ns)
    return ns


def _same_network(spec: NetworkSpec):
    torch.manual_seed(0)
    built = build(spec)
    generated = _exec(to_code(spec))["build_model"]()
    assert ([(n, p.shape) for n, p in built.named_parameters()]
            == [(n, p.shape) for n, p in generated.named_parameters()])
    assert [n for n, _ in built.named_buffers()] == [n for n, _ in generated.named_buffers()]
    vocab = input_vocab(spec)                       # a text model takes token ids, not floats
    x = torch.randint(0, vocab, (5, *spec.input_shape)) if vocab else torch.randn(5, *spec.input_shape)
    built.train()
    built(x)  # BatchNorm's running statistics move away from their defaults
    generated.load_state_dict(built.state_dict())  # strict: every name fits
    built.eval()
    generated.eval()
    with torch.no_grad():
        y, y2 = built(x), generated(x)
    assert torch.equal(y, y2)
    assert sum(p.numel() for p in generated.parameters()) == analyse(spec).total_params
    return built, generated, x, y


def test_the_test_trees_hold_every_layer_kind():
    kinds = {l.kind for make in ALL_TREES for l in make().all_layers()}
    assert kinds == set(LAYERS), "add the new kind to one of the networks of ALL_TREES"


@pytest.mark.parametrize("make", ALL_TREES[1:], ids=["text", "image"])
def test_sequence_and_image_kinds_round_trip_inside_blocks(make):
    spec = make()
    assert not analyse(spec).errors, analyse(spec).errors
    assert NetworkSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    torch.manual_seed(0)
    built = build(spec)
    generated = _exec(to_code(spec))["build_model"]()
    generated.load_state_dict(built.state_dict())
    built.eval(), generated.eval()
    x = (torch.randint(0, 20, (3, 12)) if spec.layers[0].kind == "Embedding" else torch.randn(3, 64))
    with torch.no_grad():
        y = built(x)
        assert torch.equal(y, generated(x))
    assert y.shape == (3, *analyse(spec).output_shape)
    assert sum(p.numel() for p in generated.parameters()) == analyse(spec).total_params


def test_an_embedding_must_be_the_first_layer():
    emb = LayerSpec.make("Embedding", num_embeddings=10, embedding_dim=4)
    spec = NetworkSpec((5,), [BlockSpec.make(RESIDUAL, [emb])])
    assert [(p.layer_id, p.message) for p in analyse(spec).errors if p.layer_id == emb.id] == [(emb.id, (
        "Embedding reads token ids, which only the network's input holds: make it the first layer."))]
    assert "torch.randint(0, 20, (8, 12))" in to_code(_text_tree())  # the demo feeds token ids
    ok = run_file(to_code(_text_tree()))
    assert "output shape: (8, 20)" in ok


def run_file(code: str) -> str:
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "net.py"
        path.write_text(code, encoding="utf-8")
        run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120, cwd=d,
                             env=dict(os.environ, OMP_NUM_THREADS="1"))
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_every_kind_and_both_blocks_round_trip_through_code():
    spec = _tree()
    built, generated, x, y = _same_network(spec)
    assert y.shape == (5, 3) and torch.allclose(y.sum(1), torch.ones(5))
    assert type(generated).__name__ == "Network" and hasattr(generated, "forward")
    assert sum(p.numel() for p in built.parameters()) == TREE_PARAMS
    # hand-check the tree's arithmetic on the built model itself
    with torch.no_grad():
        h = built.layernorm0(x)
        res = built.residual1
        assert torch.equal(res(h), h + res.f(h))
        cat = built.concat2
        assert torch.equal(cat(h), torch.cat([h, cat.b(h)], dim=1))


def test_spec_json_code_round_trip_for_the_tree():
    spec = _tree()
    back = NetworkSpec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert to_code(back) == to_code(spec)
    _same_network(back)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_round_trips(name):
    spec = TEMPLATES[name].make()
    assert NetworkSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    _same_network(spec)


def _residual_mlp(depth=20):
    layers = [_lin(32), LayerSpec.make("Sigmoid")]
    layers += [BlockSpec.make(RESIDUAL, [_lin(32), LayerSpec.make("Sigmoid")]) for _ in range(depth - 1)]
    return NetworkSpec((2,), layers + [_lin(2)])


def test_the_code_of_a_branching_network_reads_like_hand_written_pytorch():
    spec = _residual_mlp()
    code, lines = code_and_lines(spec)
    assert "class Residual(nn.Module):" in code and "class Concat(" not in code  # helpers only when used
    assert "class Network(nn.Module):" in code and "def forward(self, x):" in code
    rows = [l.strip() for l in code.splitlines()]
    assert "self.linear0 = nn.Linear(2, 32)   # (B, 2) -> (B, 32)" in rows  # comments line up
    assert "self.residual2 = Residual(        # x + f(x): (B, 32) -> (B, 32)" in rows
    assert "nn.Linear(32, 32),            # (B, 32) -> (B, 32)" in rows
    assert "x = self.residual2(x)             # x + f(x): (B, 32)" in rows
    assert "def forward(self, x):                 # x: (B, 2)" in rows
    text = code.splitlines()
    for node in spec.all_nodes():  # every node has its own line, which names it
        line = text[lines[node.id]]
        assert ("Residual(" in line) if node.kind == RESIDUAL else (f"nn.{node.kind}(" in line)
    assert "Concat(" not in to_code(TEMPLATES["classifier_2d"].make())


def test_concat_code_names_its_paths():
    cat = BlockSpec.make(CONCAT, [], [_lin(3)], dim=-1)
    code = to_code(NetworkSpec((4,), [cat]))
    rows = [l.strip() for l in code.splitlines()]
    assert "class Concat(nn.Module):" in code and "class Residual(" not in code
    assert "self.concat0 = Concat(    # dim -1: (B, 4) -> (B, 7)" in rows
    assert "nn.Sequential(),      # path A: x unchanged" in rows
    assert "nn.Sequential(        # path B: (B, 4) -> (B, 3)" in rows
    assert "x = self.concat0(x)       # join the paths on dim -1: (B, 7)" in rows
    assert "dim=-1," in rows


def test_exported_branching_file_runs_on_its_own(tmp_path):
    path = tmp_path / "tree_net.py"
    path.write_text(to_code(_tree()), encoding="utf-8")
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                         env=dict(os.environ, OMP_NUM_THREADS="1"))
    assert run.returncode == 0, run.stderr
    assert "output shape: (8, 3)" in run.stdout and f"parameters: {TREE_PARAMS}" in run.stdout
    assert run.stdout.startswith("Network(")


def test_layer_modules_list_every_layer_in_data_order():
    spec = _tree()
    model = build(spec)
    rows = layer_modules(spec, model)
    assert [l.id for l, _, _ in rows] == [l.id for l in spec.all_layers()]
    assert [name for _, name, _ in rows][:8] == ["layernorm0", "residual1.f.0", "residual1.f.1",
                                                 "residual1.f.2.a.0", "residual1.f.2.a.1", "residual1.f.2.b.0",
                                                 "residual1.f.2.b.1", "concat2.b.0"]
    assert all(type(m).__name__ == l.kind for l, _, m in rows)
    flat = TEMPLATES["classifier_2d"].make()
    assert [n for _, n, _ in layer_modules(flat, build(flat))] == ["0", "1", "2", "3", "4"]
    assert attribute_names(spec)[:3] == ["layernorm0", "residual1", "concat2"]


def test_a_flat_network_still_builds_as_sequential_with_index_names():
    spec = TEMPLATES["deep_sigmoid"].make()
    model = build(spec)
    assert type(model) is nn.Sequential and list(model.state_dict())[:2] == ["0.weight", "0.bias"]
    assert "def build_model() -> nn.Sequential:" in to_code(spec)


# --- project files -------------------------------------------------------------------------------

def test_a_version_1_project_file_still_opens(tmp_path):
    """tests/core/data/v1_classifier.json (+ weights) was written by the app before blocks existed."""
    doc = json.loads((DATA / "v1_classifier.json").read_text(encoding="utf-8"))
    assert doc["version"] == 1 < VERSION
    for name in ("v1_classifier.json", "v1_classifier.weights.pt"):
        shutil.copy(DATA / name, tmp_path / name)
    project = load_project(tmp_path / "v1_classifier.json")
    assert project.warnings == [] and project.network.is_flat()
    assert [l.kind for l in project.network.layers] == ["Linear", "ReLU", "Linear", "ReLU", "Linear"]
    assert project.training == {"epochs": 3, "learning_rate": 0.01}
    assert weights_fit(project.network, project.weights)
    model = build(project.network)
    model.load_state_dict(project.weights)
    with torch.no_grad():
        y = model(torch.linspace(-1, 1, 6).reshape(3, 2))
    # the outputs the old app computed with these weights when it wrote the file
    expected = torch.tensor([[0.07092942297458649, 0.07575483620166779],
                             [-0.03906571865081787, 0.11812107264995575],
                             [-0.10441311448812485, 0.20151320099830627]])
    assert torch.allclose(y, expected, atol=1e-6)
    # saved again, it becomes version 2 and still opens the same
    save_project(tmp_path / "again.json", project)
    assert json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))["version"] == VERSION == 3
    assert load_project(tmp_path / "again.json").network == project.network


def test_a_tree_project_round_trips_with_weights(tmp_path):
    spec = _tree()
    torch.manual_seed(0)
    state = build(spec).state_dict()
    save_project(tmp_path / "tree.json", Project(spec, None, state))
    back = load_project(tmp_path / "tree.json")
    assert back.network == spec and back.warnings == []
    assert set(back.weights) == set(state) and all(torch.equal(back.weights[k], state[k]) for k in state)


def test_block_registry_has_docs_in_both_languages():
    assert set(BLOCKS) == {RESIDUAL, CONCAT}
    assert BLOCKS[RESIDUAL].doc.startswith("output = x + f(x)")
    i18n.set_language("ja")
    assert BLOCKS[RESIDUAL].doc.startswith("出力 = x + f(x)")


def test_copy_of_a_tree_is_deep():
    spec = _tree()
    other = spec.copy()
    assert other == spec
    res = other.layers[1]
    res.children[0].params["out_features"] = 99
    res.children[2].branches[1].pop()
    res.params["extra"] = 1
    assert spec.layers[1].children[0].params["out_features"] == 6
    assert len(spec.layers[1].children[2].branches[1]) == 2 and spec.layers[1].params == {}


def test_a_flat_network_with_helper_classes_exports_them():
    spec = NetworkSpec((10,), [LayerSpec.make("Embedding", num_embeddings=30, embedding_dim=8),
                               LayerSpec.make("GRU", hidden_size=6, output="last"), _lin(30)])
    assert spec.is_flat()
    code = to_code(spec)
    assert "class Recurrent(nn.Module):" in code and "def build_model() -> nn.Sequential:" in code
    assert "class Residual(" not in code and "torch.randint(0, 30, (8, 10))" in code
    torch.manual_seed(0)
    built = build(spec)
    generated = _exec(code)["build_model"]()
    generated.load_state_dict(built.state_dict())
    x = torch.randint(0, 30, (4, 10))
    with torch.no_grad():
        assert torch.equal(built(x), generated(x))
    assert "output shape: (8, 30)" in run_file(code)
