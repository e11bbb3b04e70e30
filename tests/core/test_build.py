"""build(spec) and to_code(spec): the built model and the exported Python file are the same network.

The exported code is our own generated text, so executing it in a test is fine (the app never
executes text a user typed).
"""
import os
import subprocess
import sys

import pytest
import torch
from torch import nn

from core import i18n
from core.build import BuildError, build, input_vocab, to_code
from core.layers import _FAMILIES, LAYERS
from core.spec import LayerSpec, NetworkSpec
from core.templates import DEEP_DEPTH, TEMPLATES


def _every_kind():
    """Input (4, 6) through every registry kind; 943 parameters (counted below)."""
    return NetworkSpec((4, 6), [
        LayerSpec.make("LayerNorm"),  # (4, 6): 2*6 = 12
        LayerSpec.make("BatchNorm1d"),  # (B, C=4, L=6): 2*4 = 8
        LayerSpec.make("Flatten"),  # (24,)
        LayerSpec.make("Linear", out_features=16),  # 24*16 + 16 = 400
        LayerSpec.make("LeakyReLU", negative_slope=0.2),
        LayerSpec.make("BatchNorm1d"),  # 2*16 = 32
        LayerSpec.make("Linear", out_features=16, bias=False),  # 16*16 = 256
        LayerSpec.make("GELU", approximate="tanh"),
        LayerSpec.make("Dropout", p=1 / 3),
        LayerSpec.make("Linear", out_features=8),  # 16*8 + 8 = 136
        LayerSpec.make("Tanh"),
        LayerSpec.make("Linear", out_features=8),  # 8*8 + 8 = 72
        LayerSpec.make("Sigmoid"),
        LayerSpec.make("Linear", out_features=3),  # 8*3 + 3 = 27
        LayerSpec.make("ReLU"),
        LayerSpec.make("Softmax"),
    ])


EVERY_KIND_PARAMS = 12 + 8 + 400 + 32 + 256 + 136 + 72 + 27  # 943


def _exec_code(code: str) -> dict:
    namespace = {"__name__": "exported"}  # not "__main__": the demo block at the end stays quiet
    exec(compile(code, "<exported>", "exec"), namespace)
    return namespace


def _assert_same_network(spec: NetworkSpec):
    torch.manual_seed(0)
    built = build(spec)
    generated = _exec_code(to_code(spec))["build_model"]()
    assert isinstance(generated, nn.Sequential)
    # same parameter and buffer names and shapes
    assert ([(n, p.shape) for n, p in built.named_parameters()]
            == [(n, p.shape) for n, p in generated.named_parameters()])
    assert ([(n, b.shape) for n, b in built.named_buffers()]
            == [(n, b.shape) for n, b in generated.named_buffers()])
    assert str(built) == str(generated)  # same classes and hyperparameters (slope, p, bias, approximate)
    # one training-mode pass moves BatchNorm's running statistics away from their defaults
    vocab = input_vocab(spec)                       # a text model takes token ids, not floats
    x = torch.randint(0, vocab, (5, *spec.input_shape)) if vocab else torch.randn(5, *spec.input_shape)
    built.train()
    built(x)
    generated.load_state_dict(built.state_dict())  # strict: every name fits
    built.eval()
    generated.eval()
    with torch.no_grad():
        y_built, y_generated = built(x), generated(x)
    assert torch.equal(y_built, y_generated)
    return built, y_built


def test_build_gives_one_module_per_layer_in_order():
    spec = _every_kind()
    model = build(spec)
    assert isinstance(model, nn.Sequential) and len(model) == len(spec.layers) == 16
    assert [type(m).__name__ for m in model] == [l.kind for l in spec.layers]
    # really every dense kind (each family in core/layer_kinds/ has its own every-kind test)
    assert {l.kind for l in spec.layers} == set(LAYERS) - {k.name for f in _FAMILIES for k in f}
    assert sum(p.numel() for p in model.parameters()) == EVERY_KIND_PARAMS == 943
    assert model[3].in_features == 24 and model[5].num_features == 16 and model[6].bias is None
    assert model[4].negative_slope == 0.2 and model[7].approximate == "tanh" and model[8].p == 1 / 3


def test_every_kind_round_trips_through_the_exported_code():
    built, y = _assert_same_network(_every_kind())
    assert y.shape == (5, 3)
    assert torch.allclose(y.sum(dim=1), torch.ones(5))  # ends with Softmax


@pytest.mark.parametrize("name", sorted(n for n, t in TEMPLATES.items() if t.make().is_flat()))
def test_every_template_round_trips_through_the_exported_code(name):  # with blocks: tests/core/test_spec_tree.py
    _assert_same_network(TEMPLATES[name].make())


def test_templates_have_the_documented_shape():
    clf = TEMPLATES["classifier_2d"].make()
    assert [l.kind for l in clf.layers] == ["Linear", "ReLU", "Linear", "ReLU", "Linear"]
    assert sum(p.numel() for p in build(clf).parameters()) == 48 + 272 + 34  # 354
    for name, act in (("deep_sigmoid", "Sigmoid"), ("deep_relu", "ReLU")):
        spec = TEMPLATES[name].make()
        kinds = [l.kind for l in spec.layers]
        assert kinds.count("Linear") == DEEP_DEPTH + 1 == 9 and kinds.count(act) == DEEP_DEPTH
        # 2->32: 96; 7 x (32*32 + 32) = 7392; 32->2: 66
        assert sum(p.numel() for p in build(spec).parameters()) == 96 + 7392 + 66 == 7554
    # each call makes a fresh spec with fresh ids
    a, b = TEMPLATES["deep_relu"].make(), TEMPLATES["deep_relu"].make()
    assert a.layers[0].id != b.layers[0].id
    assert TEMPLATES["deep_sigmoid"].title == "Deep sigmoid MLP"
    i18n.set_language("ja")
    assert TEMPLATES["deep_sigmoid"].title == "深いシグモイド MLP"


def test_code_reads_like_hand_written_pytorch():
    code = to_code(TEMPLATES["classifier_2d"].make())
    assert "Input (B, 2) -> output (B, 2), 354 parameters." in code
    assert "import torch\nfrom torch import nn\n" in code
    lines = [l.strip() for l in code.splitlines()]
    assert "nn.Linear(2, 16),   # (B, 2) -> (B, 16)" in lines  # comments line up
    assert "nn.ReLU(),          # (B, 16) -> (B, 16)" in lines
    assert "nn.Linear(16, 2),   # (B, 16) -> (B, 2)" in lines
    assert "x = torch.randn(8, 2)  # a batch of 8 inputs" in lines
    assert "7,554 parameters." in to_code(TEMPLATES["deep_sigmoid"].make())


def test_exported_module_defines_a_ready_model():
    ns = _exec_code(to_code(_every_kind()))
    assert isinstance(ns["model"], nn.Sequential) and len(ns["model"]) == 16


def test_exported_file_runs_on_its_own(tmp_path):
    path = tmp_path / "my_net.py"
    path.write_text(to_code(_every_kind()), encoding="utf-8")
    env = dict(os.environ, OMP_NUM_THREADS="1")
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr
    assert "output shape: (8, 3)" in run.stdout
    assert "parameters: 943" in run.stdout
    assert run.stdout.startswith("Sequential(")


def test_build_refuses_a_network_with_errors_and_lists_them_all():
    with pytest.raises(BuildError) as e:
        build(NetworkSpec((2,), []))
    assert str(e.value) == "The network is empty: drag layers from the palette into it."
    bn = LayerSpec.make("BatchNorm1d")
    bad = LayerSpec("Linear", {"out_features": 0, "bias": True})
    spec = NetworkSpec((2, 3, 4), [bn, bad])
    with pytest.raises(BuildError) as e:
        build(spec)
    assert [p.layer_id for p in e.value.problems] == [bn.id, bad.id]
    assert str(e.value) == ("BatchNorm1d expects (B, C) or (B, C, L) but receives (B, 2, 3, 4); "
                            "add a Flatten before it\n"
                            "Linear: out_features must be in [1, 65536]")


def test_warnings_do_not_stop_building():
    spec = NetworkSpec((2,), [LayerSpec.make("Linear", out_features=3), LayerSpec.make("Linear", out_features=3),
                              LayerSpec.make("Softmax")])
    assert len(build(spec)) == 3
    _assert_same_network(spec)


def test_code_for_a_broken_network_explains_instead_of_failing():
    bn = LayerSpec.make("BatchNorm1d")
    code = to_code(NetworkSpec((2, 3, 4), [bn]))
    assert code == ("# This network cannot be built yet:\n"
                    "#   - BatchNorm1d expects (B, C) or (B, C, L) but receives (B, 2, 3, 4); "
                    "add a Flatten before it\n")
    compile(code, "<exported>", "exec")  # still a valid (empty) Python file
    i18n.set_language("ja")
    assert to_code(NetworkSpec((2,), [])) == (
        "# このネットワークはまだ作れません:\n#   - ネットワークが空です。パレットから層をドラッグしてください。\n")


def test_build_does_not_share_modules_between_calls():
    spec = TEMPLATES["classifier_2d"].make()
    a, b = build(spec), build(spec)
    assert a[0].weight is not b[0].weight


def test_code_comments_follow_the_language_and_the_code_stays_the_same():
    spec = TEMPLATES["classifier_2d"].make()
    english = to_code(spec)
    i18n.set_language("ja")
    japanese = to_code(spec)
    assert "パラメータ 354 個" in japanese and "354 parameters" in english
    code_lines = lambda text: [l.split("#")[0].rstrip() for l in text.splitlines()[4:]]  # noqa: E731
    assert code_lines(japanese) == code_lines(english)
    _assert_same_network(spec)
