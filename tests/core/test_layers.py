"""The layer registry: every kind's schema, shape rule, parameter count, builder and code line.

Each expected number below is worked out by hand, e.g. Linear 3 -> 4 with bias: 3*4 + 4 = 16.
"""
import math

import pytest
import torch
from torch import nn

from core import i18n
from core import modules
from core.layer_kinds import sequence
from core.layers import GROUPS, LAYERS, Param, ShapeError, format_shape, group_title, kinds_in_group

REQUIRED = {"Linear", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "Softmax", "Dropout",
            "BatchNorm1d", "LayerNorm", "Flatten"}

# kind, params (beyond the defaults), input shape, output shape, parameter count, nn class, code line
CASES = [
    ("Linear", {"out_features": 4}, (3,), (4,), 3 * 4 + 4, nn.Linear, "nn.Linear(3, 4)"),
    ("Linear", {"out_features": 4, "bias": False}, (3,), (4,), 3 * 4, nn.Linear,
     "nn.Linear(3, 4, bias=False)"),
    ("Linear", {"out_features": 4}, (5, 3), (5, 4), 3 * 4 + 4, nn.Linear, "nn.Linear(3, 4)"),  # acts on the last dim
    ("ReLU", {}, (7,), (7,), 0, nn.ReLU, "nn.ReLU()"),
    ("LeakyReLU", {"negative_slope": 0.2}, (7,), (7,), 0, nn.LeakyReLU, "nn.LeakyReLU(0.2)"),
    ("Sigmoid", {}, (3, 5), (3, 5), 0, nn.Sigmoid, "nn.Sigmoid()"),
    ("Tanh", {}, (7,), (7,), 0, nn.Tanh, "nn.Tanh()"),
    ("GELU", {}, (7,), (7,), 0, nn.GELU, "nn.GELU()"),
    ("GELU", {"approximate": "tanh"}, (7,), (7,), 0, nn.GELU, "nn.GELU(approximate='tanh')"),
    ("Softmax", {}, (10,), (10,), 0, nn.Softmax, "nn.Softmax(dim=-1)"),
    ("Dropout", {"p": 0.25}, (7,), (7,), 0, nn.Dropout, "nn.Dropout(p=0.25)"),
    ("BatchNorm1d", {}, (6,), (6,), 2 * 6, nn.BatchNorm1d, "nn.BatchNorm1d(6)"),
    ("BatchNorm1d", {}, (6, 5), (6, 5), 2 * 6, nn.BatchNorm1d, "nn.BatchNorm1d(6)"),  # (B, C, L): C = 6
    ("LayerNorm", {}, (5,), (5,), 2 * 5, nn.LayerNorm, "nn.LayerNorm(5)"),
    ("LayerNorm", {}, (3, 5), (3, 5), 2 * 5, nn.LayerNorm, "nn.LayerNorm(5)"),
    ("Flatten", {}, (2, 3, 4), (24,), 0, nn.Flatten, "nn.Flatten()"),
    ("Flatten", {}, (9,), (9,), 0, nn.Flatten, "nn.Flatten()"),
    # images (core/layer_kinds/conv.py): (C, H, W); out side = (H + 2·padding − kernel) // stride + 1
    ("Conv2d", {"out_channels": 4}, (1, 8, 8), (4, 6, 6), 1 * 4 * 9 + 4, nn.Conv2d,
     "nn.Conv2d(1, 4, kernel_size=3)"),
    ("Conv2d", {"out_channels": 6, "kernel_size": 5, "padding": 2, "stride": 2, "bias": False}, (3, 9, 7),
     (6, 5, 4), 3 * 6 * 25, nn.Conv2d, "nn.Conv2d(3, 6, kernel_size=5, stride=2, padding=2, bias=False)"),
    ("MaxPool2d", {}, (4, 7, 8), (4, 3, 4), 0, nn.MaxPool2d, "nn.MaxPool2d(kernel_size=2)"),
    ("MaxPool2d", {"kernel_size": 3, "stride": 1, "padding": 1}, (2, 5, 5), (2, 5, 5), 0, nn.MaxPool2d,
     "nn.MaxPool2d(kernel_size=3, stride=1, padding=1)"),
    ("AvgPool2d", {"kernel_size": 3}, (2, 9, 10), (2, 3, 3), 0, nn.AvgPool2d, "nn.AvgPool2d(kernel_size=3)"),
    ("AdaptiveAvgPool2d", {}, (5, 7, 3), (5, 1, 1), 0, nn.AdaptiveAvgPool2d, "nn.AdaptiveAvgPool2d(1)"),
    ("AdaptiveAvgPool2d", {"output_size": 2}, (5, 7, 3), (5, 2, 2), 0, nn.AdaptiveAvgPool2d,
     "nn.AdaptiveAvgPool2d(2)"),
    ("BatchNorm2d", {}, (3, 4, 4), (3, 4, 4), 2 * 3, nn.BatchNorm2d, "nn.BatchNorm2d(3)"),
    ("Dropout2d", {}, (3, 4, 4), (3, 4, 4), 0, nn.Dropout2d, "nn.Dropout2d(p=0.25)"),
    ("Unflatten", {"channels": 2, "height": 3, "width": 4}, (24,), (2, 3, 4), 0, nn.Unflatten,
     "nn.Unflatten(1, (2, 3, 4))"),
]


def _params(kind, extra):
    p = LAYERS[kind].defaults()
    p.update(extra)
    return p


def test_registry_has_every_required_kind_and_each_case_is_covered():
    assert REQUIRED <= set(LAYERS)
    # a new dense kind needs a row in CASES; each family (core/layer_kinds/) has its own test file
    families = {k.name for k in sequence.KINDS}
    assert {c[0] for c in CASES} == set(LAYERS) - families


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_entry_is_complete(name):
    kind = LAYERS[name]
    # named after its torch.nn class, or its class in core/modules (which code export copies)
    assert kind.name == name and (isinstance(getattr(nn, name, None), type)
                                  or any(getattr(h, "__name__", "") == name for h in kind.helpers_of(kind.defaults())))
    assert all(h.__module__.startswith(modules.__name__ + ".") for h in kind.helpers_of(kind.defaults()))
    assert kind.group in GROUPS
    assert kind in kinds_in_group(kind.group)
    assert kind.doc_en and kind.doc_ja and kind.doc_en != kind.doc_ja
    for p in kind.params:
        assert p.type in (int, float, bool, str)
        assert p.check(p.default) is None, f"{name}.{p.name} default {p.default!r} is refused"
        assert p.doc_en and p.doc_ja
        assert kind.param(p.name) is p
    with pytest.raises(KeyError):
        kind.param("no_such_param")


def test_defaults_are_the_documented_values():
    assert LAYERS["Linear"].defaults() == {"out_features": 16, "bias": True}
    assert LAYERS["LeakyReLU"].defaults() == {"negative_slope": 0.01}  # torch's own default
    assert LAYERS["GELU"].defaults() == {"approximate": "none"}
    assert LAYERS["Dropout"].defaults() == {"p": 0.5}
    for name in ("ReLU", "Sigmoid", "Tanh", "Softmax", "BatchNorm1d", "LayerNorm", "Flatten"):
        assert LAYERS[name].defaults() == {}


@pytest.mark.parametrize("kind,extra,in_shape,out_shape,n_params,cls,code", CASES,
                         ids=[f"{c[0]}-{c[2]}-{c[6]}" for c in CASES])
def test_shape_rule_count_builder_and_code(kind, extra, in_shape, out_shape, n_params, cls, code):
    entry, p = LAYERS[kind], _params(kind, extra)
    assert entry.shape_rule(in_shape, p) == out_shape
    assert entry.count_params(in_shape, p) == n_params
    module = entry.builder(in_shape, p)
    assert type(module) is cls
    assert sum(t.numel() for t in module.parameters()) == n_params  # the analytic count is the real one
    assert entry.code(in_shape, p) == code
    # torch agrees with the shape rule on a real batch of 2
    torch.manual_seed(0)
    y = module(torch.randn(2, *in_shape))
    assert tuple(y.shape) == (2, *out_shape)


def test_builders_pass_the_parameters_through():
    assert LAYERS["LeakyReLU"].builder((3,), {"negative_slope": 0.2}).negative_slope == 0.2
    assert LAYERS["GELU"].builder((3,), {"approximate": "tanh"}).approximate == "tanh"
    assert LAYERS["Dropout"].builder((3,), {"p": 0.25}).p == 0.25
    assert LAYERS["Softmax"].builder((3,), {}).dim == -1
    lin = LAYERS["Linear"].builder((3,), {"out_features": 4, "bias": False})
    assert (lin.in_features, lin.out_features, lin.bias) == (3, 4, None)
    assert LAYERS["BatchNorm1d"].builder((6, 5), {}).num_features == 6
    assert LAYERS["LayerNorm"].builder((3, 5), {}).normalized_shape == (5,)


def test_batchnorm_refuses_three_feature_dims():
    with pytest.raises(ShapeError) as e:
        LAYERS["BatchNorm1d"].shape_rule((2, 3, 4), {})
    assert str(e.value) == ("BatchNorm1d expects (B, C) or (B, C, L) but receives (B, 2, 3, 4); "
                            "add a Flatten before it")
    i18n.set_language("ja")
    with pytest.raises(ShapeError, match=r"BatchNorm1d は .*入力は \(B, 2, 3, 4\) です。前に Flatten"):
        LAYERS["BatchNorm1d"].shape_rule((2, 3, 4), {})


@pytest.mark.parametrize("kind", ["Linear", "LayerNorm"])
def test_feature_layers_refuse_an_input_without_features(kind):
    with pytest.raises(ShapeError, match=rf"{kind} needs at least one feature dimension, but receives \(B,\)"):
        LAYERS[kind].shape_rule((), _params(kind, {}))


def test_inferred_parameters_are_explained():
    assert "out_features" in LAYERS["Linear"].inferred and "in_features" in LAYERS["Linear"].inferred
    assert "num_features" in LAYERS["BatchNorm1d"].inferred
    assert "normalized_shape" in LAYERS["LayerNorm"].inferred
    i18n.set_language("ja")
    assert "自動" in LAYERS["Linear"].inferred
    assert LAYERS["ReLU"].doc.startswith("max(0, u): u > 0 で勾配が 1")


# --- Param.check ---------------------------------------------------------------------------------

OUT = LAYERS["Linear"].param("out_features")  # int in [1, 65536]
BIAS = LAYERS["Linear"].param("bias")
SLOPE = LAYERS["LeakyReLU"].param("negative_slope")  # float in [0, 1]
P = LAYERS["Dropout"].param("p")  # float in [0, 1)
APPROX = LAYERS["GELU"].param("approximate")


@pytest.mark.parametrize("param,value", [
    (OUT, 1), (OUT, 65536), (BIAS, False), (SLOPE, 0), (SLOPE, 1.0), (P, 0.0), (P, 0.999), (APPROX, "tanh"),
])
def test_check_accepts_values_in_range(param, value):
    assert param.check(value) is None


@pytest.mark.parametrize("param,value,message", [
    (OUT, 0, "out_features must be in [1, 65536]"),
    (OUT, 65537, "out_features must be in [1, 65536]"),
    (OUT, -3, "out_features must be in [1, 65536]"),
    (OUT, 1.5, "out_features must be a whole number"),
    (OUT, 16.0, "out_features must be a whole number"),
    (OUT, "16", "out_features must be a whole number"),
    (OUT, True, "out_features must be a whole number"),  # bool is an int in Python, not here
    (OUT, None, "out_features must be a whole number"),
    (BIAS, 1, "bias must be true or false"),
    (BIAS, "yes", "bias must be true or false"),
    (SLOPE, -0.1, "negative_slope must be in [0, 1]"),
    (SLOPE, 1.5, "negative_slope must be in [0, 1]"),
    (SLOPE, math.nan, "negative_slope must be a number"),
    (SLOPE, math.inf, "negative_slope must be a number"),
    pytest.param(SLOPE, 10**400, "negative_slope must be in [0, 1]", id="10**400"),  # too big for a float
    (SLOPE, "0.1", "negative_slope must be a number"),
    (SLOPE, False, "negative_slope must be a number"),
    (P, 1.0, "p must be in [0, 1)"),  # p = 1 would zero everything
    (P, -0.5, "p must be in [0, 1)"),
    (APPROX, "fast", "approximate must be one of: none, tanh"),
    (APPROX, None, "approximate must be one of: none, tanh"),
])
def test_check_refuses_with_a_message(param, value, message):
    assert param.check(value) == message


def test_check_messages_in_japanese():
    i18n.set_language("ja")
    assert OUT.check(0) == "out_features は [1, 65536] の範囲です"
    assert OUT.check(2.5) == "out_features は整数で指定してください"
    assert BIAS.check(0) == "bias は true か false です"
    assert SLOPE.check("x") == "negative_slope は数値で指定してください"
    assert APPROX.check("fast") == "approximate は次のいずれかです: none, tanh"


def test_range_text_of_open_and_unbounded_ranges():
    assert P.range_text() == "[0, 1)"
    assert Param("x", float, 1.0, minimum=0.0, min_inclusive=False).range_text() == "(0, ∞)"
    assert Param("x", float, 1.0).range_text() == "(-∞, ∞)"
    assert Param("x", int, 1, minimum=1).range_text() == "[1, ∞)"
    assert Param("x", float, 1.0, minimum=0.0, min_inclusive=False).check(0.0) == "x must be in (0, ∞)"


def test_groups_and_shapes_as_the_learner_sees_them():
    assert [k.name for k in kinds_in_group("normalisation")][:2] == ["BatchNorm1d", "LayerNorm"]
    assert sum(len(kinds_in_group(g)) for g in GROUPS) == len(LAYERS)
    assert group_title("activation") == "Activation"
    i18n.set_language("ja")
    assert group_title("activation") == "活性化関数"
    assert format_shape((64,)) == "(B, 64)"
    assert format_shape((3, 4)) == "(B, 3, 4)"
    assert format_shape(()) == "(B,)"
    assert format_shape(None) == "?"
