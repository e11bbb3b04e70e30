"""Shape inference and validation, with every number worked out by hand."""
import pytest

from core import i18n
from core.analysis import ERROR, WARNING, analyse, validate
from core.spec import LayerSpec, NetworkSpec

LINEAR_PAIR = "Two Linear layers in a row collapse into one linear map: put an activation between them."
SOFTMAX_MIDDLE = ("Softmax inside the network squashes values to probabilities; "
                  "it is usually only used at the end.")
SOFTMAX_END = "CrossEntropyLoss applies softmax itself: for training, end the network with Linear instead."
EMPTY = "The network is empty: drag layers from the palette into it."
BN_3D = "BatchNorm1d expects (B, C) or (B, C, L) but receives (B, 2, 3, 4); add a Flatten before it"


def _classifier():
    return NetworkSpec((2,), [
        LayerSpec.make("Linear", out_features=16), LayerSpec.make("ReLU"),
        LayerSpec.make("Linear", out_features=16), LayerSpec.make("ReLU"),
        LayerSpec.make("Linear", out_features=3),
    ])


def test_shapes_and_parameter_counts_through_a_classifier():
    a = analyse(_classifier())
    assert [(i.in_shape, i.out_shape) for i in a.layers] == [
        ((2,), (16,)), ((16,), (16,)), ((16,), (16,)), ((16,), (16,)), ((16,), (3,))]
    # Linear 2->16: 2*16 + 16 = 48; 16->16: 256 + 16 = 272; 16->3: 48 + 3 = 51
    assert [i.n_params for i in a.layers] == [48, 0, 272, 0, 51]
    assert a.total_params == 48 + 272 + 51 == 371
    assert a.output_shape == (3,)
    assert a.problems == [] and a.errors == []


def test_flatten_then_linear_on_an_image_like_input():
    spec = NetworkSpec((3, 4, 5), [LayerSpec.make("Flatten"), LayerSpec.make("Linear", out_features=10),
                                   LayerSpec.make("LayerNorm"), LayerSpec.make("BatchNorm1d")])
    a = analyse(spec)
    assert [i.out_shape for i in a.layers] == [(60,), (10,), (10,), (10,)]  # 3*4*5 = 60
    assert [i.n_params for i in a.layers] == [0, 610, 20, 20]  # 60*10 + 10; LayerNorm/BatchNorm: 2*10
    assert a.total_params == 650 and a.problems == []


def test_linear_on_a_multi_dim_input_acts_on_the_last_dim():
    a = analyse(NetworkSpec((5, 3), [LayerSpec.make("Linear", out_features=4, bias=False)]))
    assert a.layers[0].out_shape == (5, 4) and a.layers[0].n_params == 12


def test_batchnorm_refuses_three_feature_dims_and_later_shapes_are_unknown():
    bn, relu = LayerSpec.make("BatchNorm1d"), LayerSpec.make("ReLU")
    a = analyse(NetworkSpec((2, 3, 4), [relu, bn, LayerSpec.make("Linear", out_features=5)]))
    assert a.layers[0].out_shape == (2, 3, 4)
    assert (a.layers[1].in_shape, a.layers[1].out_shape, a.layers[1].n_params) == ((2, 3, 4), None, 0)
    assert (a.layers[2].in_shape, a.layers[2].out_shape, a.layers[2].n_params) == (None, None, 0)
    assert a.output_shape is None
    assert len(a.problems) == 1
    problem = a.problems[0]
    assert (problem.layer_id, problem.severity, problem.message) == (bn.id, ERROR, BN_3D)
    assert a.problems_for(bn.id) == [problem] and a.problems_for(relu.id) == []


def test_batchnorm_accepts_channels_and_length():
    a = analyse(NetworkSpec((4, 6), [LayerSpec.make("BatchNorm1d")]))
    assert a.layers[0].out_shape == (4, 6) and a.layers[0].n_params == 8  # C = 4: weight + bias


def test_empty_network_is_a_problem_of_the_whole_network():
    a = analyse(NetworkSpec((2,), []))
    assert a.layers == [] and a.output_shape is None and a.total_params == 0
    assert [(p.layer_id, p.severity, p.message) for p in a.problems] == [(None, ERROR, EMPTY)]


def test_linear_after_linear_warns_on_the_second():
    first, second = LayerSpec.make("Linear", out_features=8), LayerSpec.make("Linear", out_features=2)
    problems = validate(NetworkSpec((2,), [first, second]))
    assert [(p.layer_id, p.severity, p.message) for p in problems] == [(second.id, WARNING, LINEAR_PAIR)]
    assert analyse(NetworkSpec((2,), [first, second])).errors == []  # advice, not an error


def test_softmax_in_the_middle_and_at_the_end():
    lin, mid, lin2, end = (LayerSpec.make("Linear", out_features=4), LayerSpec.make("Softmax"),
                           LayerSpec.make("Linear", out_features=2), LayerSpec.make("Softmax"))
    problems = validate(NetworkSpec((2,), [lin, mid, lin2, end]))
    assert {(p.layer_id, p.severity, p.message) for p in problems} == {
        (mid.id, WARNING, SOFTMAX_MIDDLE), (end.id, WARNING, SOFTMAX_END)}


def test_every_problem_at_once_each_on_its_layer():
    l1, l2 = LayerSpec.make("Linear", out_features=4), LayerSpec.make("Linear", out_features=5)
    sm = LayerSpec.make("Softmax")
    bn = LayerSpec.make("BatchNorm1d")
    # (2, 3, 4) -> Linear (2, 3, 4) -> Linear (2, 3, 5) -> Softmax -> BatchNorm1d: 3 feature dims
    spec = NetworkSpec((2, 3, 4), [l1, l2, sm, bn])
    a = analyse(spec)
    got = {(p.layer_id, p.severity, p.message) for p in a.problems}
    assert got == {
        (l2.id, WARNING, LINEAR_PAIR),
        (sm.id, WARNING, SOFTMAX_MIDDLE),
        (bn.id, ERROR, "BatchNorm1d expects (B, C) or (B, C, L) but receives (B, 2, 3, 5); "
                       "add a Flatten before it"),
    }
    assert len(a.problems) == 3 and [p.layer_id for p in a.errors] == [bn.id]
    assert a.problems_for(l1.id) == []


def test_bad_parameters_are_problems_not_crashes():
    """A spec built by hand (not via make/from_dict) may hold bad values: validation reports them all."""
    ok = LayerSpec.make("ReLU")
    bad_out = LayerSpec("Linear", {"out_features": 0, "bias": True})
    missing = LayerSpec("Dropout", {})
    unknown = LayerSpec("Conv9d", {})
    bn = LayerSpec.make("BatchNorm1d")
    a = analyse(NetworkSpec((2,), [ok, bad_out, missing, unknown, bn]))
    assert {(p.layer_id, p.severity, p.message) for p in a.problems} == {
        (bad_out.id, ERROR, "Linear: out_features must be in [1, 65536]"),
        (missing.id, ERROR, "Dropout is missing its parameter 'p'"),
        (unknown.id, ERROR, "Unknown layer kind 'Conv9d'"),
    }
    assert len(a.layers) == 5 and a.layers[0].out_shape == (2,)
    assert a.layers[1].out_shape is None and a.layers[4].in_shape is None


def test_messages_in_japanese():
    i18n.set_language("ja")
    assert [p.message for p in validate(NetworkSpec((2,), []))] == [
        "ネットワークが空です。パレットから層をドラッグしてください。"]
    bn = LayerSpec.make("BatchNorm1d")
    two = [LayerSpec.make("Linear", out_features=3), LayerSpec.make("Linear", out_features=3)]
    msgs = {p.message for p in validate(NetworkSpec((2, 3, 4), [bn, *two, LayerSpec.make("Softmax")]))}
    assert msgs == {
        "BatchNorm1d は (B, C) か (B, C, L) を受け取りますが、入力は (B, 2, 3, 4) です。前に Flatten を入れてください",
        "Linear が 2 つ続くと 1 つの線形変換と同じです。間に活性化関数を入れましょう。",
        "CrossEntropyLoss は内部で softmax を計算します。学習では最後を Linear にしてください。",
    }


def test_analyse_does_not_change_the_spec():
    spec = _classifier()
    before = spec.to_dict()
    analyse(spec)
    assert spec.to_dict() == before


@pytest.mark.parametrize("n_in,width,n_out,expected", [
    (2, 16, 2, 2 * 16 + 16 + 16 * 2 + 2),  # 82
    (784, 128, 10, 784 * 128 + 128 + 128 * 10 + 10),  # 101,770 (the MNIST MLP)
])
def test_total_params_of_one_hidden_layer(n_in, width, n_out, expected):
    spec = NetworkSpec((n_in,), [LayerSpec.make("Linear", out_features=width), LayerSpec.make("Tanh"),
                                 LayerSpec.make("Linear", out_features=n_out)])
    assert analyse(spec).total_params == expected


def test_a_network_too_large_to_build_is_an_error_not_a_freeze():
    from core.analysis import MAX_PARAMS
    spec = NetworkSpec((10000,), [LayerSpec.make("Linear", out_features=10000)])
    analysis = analyse(spec)
    assert analysis.total_params == 10000 * 10000 + 10000 > MAX_PARAMS
    (problem,) = analysis.errors
    assert problem.layer_id is None and "100,010,000 parameters" in problem.message


def test_two_activations_in_a_row_are_a_warning_on_the_second():
    spec = NetworkSpec((4,), [LayerSpec.make("Linear", out_features=8), LayerSpec.make("Sigmoid"),
                              LayerSpec.make("ReLU"), LayerSpec.make("Linear", out_features=2)])
    (problem,) = analyse(spec).problems
    assert problem.severity == WARNING and problem.layer_id == spec.layers[2].id
    assert "Sigmoid, then ReLU" in problem.message
