"""NetworkSpec / LayerSpec: defaults, checks and the JSON round trip, including malformed input."""
import json

import pytest

from core import i18n
from core.spec import LayerSpec, NetworkSpec, SpecError, new_id


def _net():
    return NetworkSpec((4, 6), [
        LayerSpec.make("Flatten"),
        LayerSpec.make("Linear", out_features=8, bias=False),
        LayerSpec.make("LeakyReLU", negative_slope=0.2),
        LayerSpec.make("Dropout", p=0.25),
        LayerSpec.make("GELU", approximate="tanh"),
        LayerSpec.make("Linear", out_features=3),
    ])


def test_make_fills_the_registry_defaults():
    layer = LayerSpec.make("Linear")
    assert layer.kind == "Linear" and layer.params == {"out_features": 16, "bias": True}
    assert LayerSpec.make("Linear", out_features=4).params == {"out_features": 4, "bias": True}
    assert LayerSpec.make("ReLU").params == {}


def test_ids_are_unique_uuid_hex():
    ids = {new_id() for _ in range(100)} | {LayerSpec.make("ReLU").id for _ in range(100)}
    assert len(ids) == 200
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


@pytest.mark.parametrize("kind,params,message", [
    ("Conv9d", {}, "Unknown layer kind 'Conv9d'"),
    ("Linear", {"out_features": 0}, "Linear: out_features must be in [1, 65536]"),
    ("Linear", {"out_features": 2.5}, "Linear: out_features must be a whole number"),
    ("Dropout", {"p": 1.0}, "Dropout: p must be in [0, 1)"),
    ("ReLU", {"inplace": True}, "ReLU has no parameter 'inplace'"),
])
def test_make_refuses_bad_layers(kind, params, message):
    with pytest.raises(SpecError) as e:
        LayerSpec.make(kind, **params)
    assert str(e.value) == message


def test_check_reports_a_missing_parameter():
    with pytest.raises(SpecError, match="Linear is missing its parameter 'bias'"):
        LayerSpec("Linear", {"out_features": 3}).check()
    i18n.set_language("ja")
    with pytest.raises(SpecError, match="Linear のパラメータ 'bias' がありません"):
        LayerSpec("Linear", {"out_features": 3}).check()
    with pytest.raises(SpecError, match="未知の層の種類です: 'Conv9d'"):
        LayerSpec.make("Conv9d")


def test_json_round_trip_keeps_everything():
    spec = _net()
    text = json.dumps(spec.to_dict())
    back = NetworkSpec.from_dict(json.loads(text))
    assert back == spec  # dataclass equality: input shape, kinds, params and ids
    assert back.input_shape == (4, 6) and isinstance(back.input_shape, tuple)
    assert [l.id for l in back.layers] == [l.id for l in spec.layers]
    assert json.loads(text)["layers"][1] == {
        "id": spec.layers[1].id, "kind": "Linear", "params": {"out_features": 8, "bias": False}}


def test_to_dict_is_a_copy():
    spec = _net()
    d = spec.to_dict()
    d["layers"][1]["params"]["out_features"] = 99
    assert spec.layers[1].params["out_features"] == 8


def test_copy_is_deep_and_index_of_finds_layers():
    spec = _net()
    other = spec.copy()
    other.layers[1].params["out_features"] = 99
    other.layers.pop()
    assert spec.layers[1].params["out_features"] == 8 and len(spec.layers) == 6
    assert spec.index_of(spec.layers[3].id) == 3
    with pytest.raises(KeyError):
        spec.index_of("nope")


def test_from_dict_accepts_whole_floats_for_ints_and_fills_missing_ids():
    d = {"input_shape": [2], "layers": [
        {"kind": "Linear", "params": {"out_features": 16.0, "bias": True}},  # e.g. written by JavaScript
        {"kind": "ReLU"},  # params may be left out for a kind without any
    ]}
    spec = NetworkSpec.from_dict(d)
    assert spec.layers[0].params["out_features"] == 16 and type(spec.layers[0].params["out_features"]) is int
    assert spec.layers[1].params == {}
    assert len(spec.layers[0].id) == 32 and spec.layers[0].id != spec.layers[1].id


def test_from_dict_keeps_an_int_for_a_float_parameter():
    spec = NetworkSpec.from_dict({"input_shape": [2], "layers": [{"kind": "Dropout", "params": {"p": 0}}]})
    assert spec.layers[0].params == {"p": 0}


def _layer(**kw):
    return {"input_shape": [2], "layers": [kw]}


@pytest.mark.parametrize("doc,message", [
    (None, "The network must be an object"),
    ([], "The network must be an object"),
    ({"layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [], "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [0], "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [-2], "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [2.0], "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [True], "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": "2", "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [[2]], "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [2_000_000], "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [2]}, "layers must be a list"),
    ({"input_shape": [2], "layers": {"0": {}}}, "layers must be a list"),
    ({"input_shape": [2], "layers": ["Linear"]}, "A layer entry is not of the form {kind, params}"),
    (_layer(params={}), "A layer entry is not of the form {kind, params}"),
    (_layer(kind=3), "A layer entry is not of the form {kind, params}"),
    (_layer(kind="Linear", params=[16, True]), "A layer's params must be an object"),
    (_layer(kind="ReLU", id=7), "A layer's id must be a string"),
    (_layer(kind="Conv7d", params={}), "Unknown layer kind 'Conv7d'"),
    (_layer(kind="__class__", params={}), "Unknown layer kind '__class__'"),
    (_layer(kind="Linear", params={"out_features": 16}), "Linear is missing its parameter 'bias'"),
    (_layer(kind="Linear", params={"out_features": 16.5, "bias": True}), "Linear: out_features must be a whole number"),
    (_layer(kind="Linear", params={"out_features": 10**9, "bias": True}), "Linear: out_features must be in [1, 65536]"),
    (_layer(kind="Linear", params={"out_features": 4, "bias": "yes"}), "Linear: bias must be true or false"),
    (_layer(kind="Dropout", params={"p": float("nan")}), "Dropout: p must be a number"),
    (_layer(kind="GELU", params={"approximate": "erf"}), "GELU: approximate must be one of: none, tanh"),
    (_layer(kind="ReLU", params={"x": 1}), "ReLU has no parameter 'x'"),
])
def test_from_dict_refuses_malformed_networks(doc, message):
    with pytest.raises(SpecError) as e:
        NetworkSpec.from_dict(doc)
    assert str(e.value) == message


def test_from_dict_refuses_duplicate_ids():
    doc = {"input_shape": [2], "layers": [{"id": "a", "kind": "ReLU"}, {"id": "a", "kind": "Tanh"}]}
    with pytest.raises(SpecError, match="Two layers share the same id"):
        NetworkSpec.from_dict(doc)
    i18n.set_language("ja")
    with pytest.raises(SpecError, match="同じ id の層が 2 つあります"):
        NetworkSpec.from_dict(doc)


def test_default_spec_is_empty_2d_input():
    spec = NetworkSpec()
    assert spec.input_shape == (2,) and spec.layers == []
    assert NetworkSpec.from_dict(spec.to_dict()) == spec
