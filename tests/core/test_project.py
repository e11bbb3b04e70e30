"""Project files: JSON round trip, weights beside it, atomic saves and every kind of bad file."""
import errno
import json
import os

import pytest
import torch

from core import i18n, project as project_module
from core.build import build, to_code
from core.project import (FORMAT, MAX_BYTES, VERSION, Project, ProjectError, load_project, save_project,
                          weights_fit, weights_path)
from core.spec import LayerSpec, NetworkSpec
from core.templates import TEMPLATES


def _spec():
    return NetworkSpec((2,), [LayerSpec.make("Linear", out_features=4), LayerSpec.make("ReLU"),
                              LayerSpec.make("BatchNorm1d"), LayerSpec.make("Linear", out_features=3)])


def _trained_state(spec):
    torch.manual_seed(0)
    model = build(spec)
    model(torch.randn(8, *spec.input_shape))  # training mode: BatchNorm's running stats move
    return model.state_dict()


def _doc(**overrides):
    doc = {"format": FORMAT, "version": VERSION, "network": _spec().to_dict(), "training": None, "weights": None}
    doc.update(overrides)
    return doc


def _write_json(path, doc):
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def _open_error(path) -> str:
    with pytest.raises(ProjectError) as e:
        load_project(path)
    return str(e.value)


# --- round trips -----------------------------------------------------------------------------------

def test_round_trip_without_weights(tmp_path):
    path = tmp_path / "net.json"
    spec = _spec()
    save_project(path, Project(spec, training={"lr": 0.01, "note": "学習率"}))
    assert _files(tmp_path) == ["net.json"]  # no weights file, no temp file left
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"], doc["weights"]) == (FORMAT, VERSION, None)
    assert "学習率" in path.read_text(encoding="utf-8")  # readable UTF-8, not \\u escapes
    back = load_project(path)
    assert back.network == spec
    assert back.training == {"lr": 0.01, "note": "学習率"}
    assert back.weights is None and back.warnings == []


def test_round_trip_with_weights(tmp_path):
    path = tmp_path / "net.json"
    spec = _spec()
    state = _trained_state(spec)
    save_project(path, Project(spec, weights=state))
    assert weights_path(path) == tmp_path / "net.weights.pt"
    assert _files(tmp_path) == ["net.json", "net.weights.pt"]
    assert json.loads(path.read_text(encoding="utf-8"))["weights"] == "net.weights.pt"

    back = load_project(path)
    assert back.warnings == [] and back.network == spec
    assert list(back.weights) == list(state)
    assert all(torch.equal(back.weights[k], state[k]) for k in state)
    # the weights file is a plain state_dict that torch reads with weights_only=True
    raw = torch.load(weights_path(path), weights_only=True)
    assert all(torch.equal(raw[k], state[k]) for k in state)
    assert int(raw["2.num_batches_tracked"]) == 1
    # and it drives a freshly built model to the same outputs
    original, reloaded = build(spec), build(back.network)
    original.load_state_dict(state)
    reloaded.load_state_dict(back.weights)
    original.eval()
    reloaded.eval()
    x = torch.randn(5, 2)
    assert torch.equal(original(x), reloaded(x))


def test_weights_are_saved_detached_on_cpu(tmp_path):
    spec = _spec()
    model = build(spec)
    save_project(tmp_path / "net.json", Project(spec, weights=dict(model.named_parameters())))  # requires_grad
    raw = torch.load(tmp_path / "net.weights.pt", weights_only=True)
    assert all(not t.requires_grad and t.device.type == "cpu" for t in raw.values())


def test_saving_again_replaces_the_file(tmp_path):
    path = tmp_path / "net.json"
    save_project(path, Project(_spec()))
    spec2 = NetworkSpec((3,), [LayerSpec.make("Linear", out_features=7)])
    save_project(path, Project(spec2, training={"epochs": 5}))
    back = load_project(path)
    assert back.network == spec2 and back.training == {"epochs": 5}
    assert _files(tmp_path) == ["net.json"]


def test_weights_path_is_beside_the_project(tmp_path):
    assert weights_path(tmp_path / "my.net.json") == tmp_path / "my.net.weights.pt"
    assert weights_path("a/b/x.json").as_posix() == "a/b/x.weights.pt"


# --- atomic saves -------------------------------------------------------------------------------

def _saved_pair(tmp_path):
    path = tmp_path / "net.json"
    save_project(path, Project(_spec(), weights=_trained_state(_spec())))
    return path, path.read_bytes(), weights_path(path).read_bytes()


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_crash_while_writing_json_leaves_the_old_file(tmp_path, monkeypatch, error):
    path, old_json, _ = _saved_pair(tmp_path)

    def half_written_dump(obj, f, **kw):
        f.write('{"format": "pytorch-learn')  # the crash comes mid-write
        raise error

    monkeypatch.setattr(project_module.json, "dump", half_written_dump)
    with pytest.raises(type(error)):
        save_project(path, Project(NetworkSpec((5,), [LayerSpec.make("Tanh")])))
    assert path.read_bytes() == old_json
    assert _files(tmp_path) == ["net.json", "net.weights.pt"]  # no temp file left behind
    monkeypatch.undo()
    assert load_project(path).network == NetworkSpec.from_dict(json.loads(old_json)["network"])


def test_crash_while_writing_weights_leaves_both_old_files(tmp_path, monkeypatch):
    path, old_json, old_weights = _saved_pair(tmp_path)

    def half_written_save(obj, f, *a, **kw):
        f.write(b"PK\x03\x04 half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(project_module.torch, "save", half_written_save)
    other = NetworkSpec((2,), [LayerSpec.make("Linear", out_features=9)])
    with pytest.raises(OSError, match="disk full"):
        save_project(path, Project(other, weights=build(other).state_dict()))
    assert path.read_bytes() == old_json
    assert weights_path(path).read_bytes() == old_weights
    assert _files(tmp_path) == ["net.json", "net.weights.pt"]
    monkeypatch.undo()
    back = load_project(path)
    assert back.weights is not None and back.warnings == []


def test_new_files_are_not_private(tmp_path):
    """The temp file behind an atomic save is created 0600; the saved project must not stay that way."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    umask = os.umask(0)
    os.umask(umask)
    path = tmp_path / "net.json"
    save_project(path, Project(_spec(), weights=_trained_state(_spec())))
    # what open() would give a new file: 0o644 under the usual umask 022
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    assert weights_path(path).stat().st_mode & 0o777 == 0o666 & ~umask
    os.chmod(path, 0o640)
    save_project(path, Project(_spec()))
    assert path.stat().st_mode & 0o777 == 0o640  # an existing file keeps its permissions


# --- bad project files ---------------------------------------------------------------------------

def test_missing_file(tmp_path):
    assert _open_error(tmp_path / "gone.json") == "gone.json does not exist."


def test_not_json(tmp_path):
    path = tmp_path / "net.json"
    path.write_text("hello, world", encoding="utf-8")
    assert _open_error(path) == "net.json is damaged or incomplete (line 1, column 1: Expecting value)."


def test_truncated(tmp_path):
    path = tmp_path / "net.json"
    save_project(path, Project(_spec()))
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    message = _open_error(path)
    assert message.startswith("net.json is damaged or incomplete (line ")


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty(tmp_path, content):
    path = tmp_path / "net.json"
    path.write_text(content, encoding="utf-8")
    assert _open_error(path) == "net.json is empty."


@pytest.mark.parametrize("garbage", [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_binary_garbage(tmp_path, garbage):
    path = tmp_path / "net.json"
    path.write_bytes(garbage)
    assert _open_error(path) == "net.json is not a text file; it is not a project of this app."


def test_weights_file_opened_as_a_project(tmp_path):
    save_project(tmp_path / "net.json", Project(_spec(), weights=_trained_state(_spec())))
    message = _open_error(tmp_path / "net.weights.pt")
    assert "net.weights.pt" in message and "not a project of this app" in message


@pytest.mark.parametrize("doc", [
    {"name": "my-package", "version": "1.0.0"},  # someone's package.json
    [1, 2, 3],
    "a string",
    42,
    None,
    {"format": "some-other-app", "version": 1},
])
def test_foreign_json(tmp_path, doc):
    assert _open_error(_write_json(tmp_path / "net.json", doc)) == "net.json is not a project of this app."


def test_future_version(tmp_path):
    path = _write_json(tmp_path / "net.json", _doc(version=VERSION + 1, network={"future": "stuff"}))
    assert _open_error(path) == (
        f"net.json was saved by a newer version of the app (file version {VERSION + 1}, this app reads up to {VERSION}). "
        "Please update the app.")


@pytest.mark.parametrize("version", ["1", 1.0, True, None])
def test_invalid_version(tmp_path, version):
    path = _write_json(tmp_path / "net.json", _doc(version=version))
    assert _open_error(path) == "net.json has no valid version number."


def _layers(*layers):
    return {"input_shape": [2], "layers": list(layers)}


@pytest.mark.parametrize("network,reason", [
    (None, "The network must be an object"),
    ("Linear,ReLU", "The network must be an object"),
    ({"input_shape": [0], "layers": []}, "input_shape must be a list of whole numbers from 1 to 1,000,000"),
    ({"input_shape": [2], "layers": "Linear"}, "layers must be a list"),
    (_layers({"kind": "Conv7d", "params": {}}), "Unknown layer kind 'Conv7d'"),
    (_layers({"kind": "Linear", "params": {"out_features": 0, "bias": True}}),
     "Linear: out_features must be in [1, 65536]"),
    (_layers({"kind": "Dropout", "params": {"p": 1.5}}), "Dropout: p must be in [0, 1)"),
    (_layers({"kind": "Linear", "params": {"out_features": 3}}), "Linear is missing its parameter 'bias'"),
    (_layers({"id": "x", "kind": "ReLU"}, {"id": "x", "kind": "Tanh"}), "Two layers share the same id"),
])
def test_invalid_network(tmp_path, network, reason):
    path = _write_json(tmp_path / "net.json", _doc(network=network))
    assert _open_error(path) == f"The network in net.json is invalid: {reason}"


def test_missing_network(tmp_path):
    doc = _doc()
    del doc["network"]
    path = _write_json(tmp_path / "net.json", doc)
    assert _open_error(path) == "The network in net.json is invalid: The network must be an object"


def test_invalid_training_settings(tmp_path):
    path = _write_json(tmp_path / "net.json", _doc(training=[0.01, 10]))
    assert _open_error(path) == "The training settings in net.json are invalid."


def test_huge_file(tmp_path):
    path = tmp_path / "net.json"
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing is written, the size is what counts
    assert _open_error(path) == "net.json is too large (20,971,521 bytes) to be a project."


def test_deeply_nested_json(tmp_path):
    path = tmp_path / "net.json"
    path.write_text("[" * 200_000, encoding="utf-8")  # small, but would blow Python's recursion limit
    assert _open_error(path).startswith("net.json is damaged or incomplete")


def test_huge_numbers(tmp_path):
    """A damaged file's absurd numbers give the usual messages, not OverflowError or ValueError."""
    path = tmp_path / "net.json"
    path.write_text(json.dumps(_doc(network=_layers({"kind": "LeakyReLU", "params": {"negative_slope": 0}})))
                    .replace('"negative_slope": 0', '"negative_slope": 1' + "0" * 400), encoding="utf-8")
    assert _open_error(path).endswith("negative_slope must be in [0, 1]")
    path.write_text('{"format": "%s", "version": 1%s}' % (FORMAT, "0" * 5000), encoding="utf-8")
    assert _open_error(path) == "net.json is damaged or incomplete (a number far too long)."


def test_a_folder_is_not_a_project(tmp_path):
    (tmp_path / "net.json").mkdir()
    assert _open_error(tmp_path / "net.json").startswith("net.json cannot be read: ")


def test_bad_file_messages_in_japanese(tmp_path):
    i18n.set_language("ja")
    path = tmp_path / "net.json"
    path.write_text("", encoding="utf-8")
    assert _open_error(path) == "net.json は空です。"
    _write_json(path, {"hello": 1})
    assert _open_error(path) == "net.json はこのアプリのプロジェクトではありません。"
    _write_json(path, _doc(version=VERSION + 2))
    assert f"新しいバージョンのアプリで保存されています (ファイル版 {VERSION + 2}、このアプリは {VERSION} まで)" in _open_error(path)
    _write_json(path, _doc(network=_layers({"kind": "Conv7d"})))
    assert _open_error(path) == "net.json のネットワークが不正です: 未知の層の種類です: 'Conv7d'"
    path.write_text('{"format": "pytorch-learning-app/project", "version": 1, "net', encoding="utf-8")
    assert _open_error(path) == "net.json は壊れているか途中で切れています (1 行 58 列)。"  # no "Unterminated string"
    path.unlink()
    path.mkdir()
    assert _open_error(path) == "net.json を読み込めません: フォルダです"  # not "Is a directory"


def test_os_error_text_in_both_languages():
    error = PermissionError(errno.EACCES, "Permission denied")
    assert project_module.os_error_text(error) == "Permission denied"
    i18n.set_language("ja")
    assert project_module.os_error_text(error) == "アクセスが許可されていません"
    assert project_module.os_error_text(OSError(errno.EIO, "I/O error")) == "I/O error"  # unknown: as the OS says


def test_a_failed_open_leaves_the_file_alone(tmp_path):
    path = _write_json(tmp_path / "net.json", _doc(version=99))
    before = path.read_bytes()
    _open_error(path)
    assert path.read_bytes() == before and _files(tmp_path) == ["net.json"]


# --- bad weights: the project opens untrained, with a warning -------------------------------------

def _with_weights(tmp_path):
    path = tmp_path / "net.json"
    save_project(path, Project(_spec(), weights=_trained_state(_spec())))
    return path, weights_path(path)


def _opens_untrained(path) -> str:
    project = load_project(path)
    assert project.network == NetworkSpec.from_dict(json.loads(path.read_text(encoding="utf-8"))["network"])
    assert project.weights is None and len(project.warnings) == 1
    return project.warnings[0]


def test_weights_file_missing(tmp_path):
    path, wpath = _with_weights(tmp_path)
    wpath.unlink()
    assert _opens_untrained(path) == "The weights file net.weights.pt is missing; the network opens untrained."


@pytest.mark.parametrize("corrupt", ["garbage", "truncated", "empty"])
def test_weights_file_corrupt(tmp_path, corrupt):
    path, wpath = _with_weights(tmp_path)
    data = wpath.read_bytes()
    wpath.write_bytes({"garbage": b"\x00\xff" * 500, "truncated": data[: len(data) // 2], "empty": b""}[corrupt])
    assert _opens_untrained(path) == "The weights file net.weights.pt is damaged; the network opens untrained."


_RAN = []


def _side_effect():
    _RAN.append("ran")
    return {}


class _Sneaky:
    """Pickles to a call of _side_effect: weights_only=True must refuse to make that call."""

    def __reduce__(self):
        return (_side_effect, ())


def test_weights_file_with_code_is_refused_not_run(tmp_path):
    path, wpath = _with_weights(tmp_path)
    torch.save({"0.weight": _Sneaky()}, wpath)
    assert _opens_untrained(path) == "The weights file net.weights.pt is damaged; the network opens untrained."
    assert _RAN == []


@pytest.mark.parametrize("which", ["other network", "missing key", "extra key", "wrong shape", "not a dict",
                                   "not tensors"])
def test_weights_that_do_not_fit(tmp_path, which):
    path, wpath = _with_weights(tmp_path)
    state = dict(_trained_state(_spec()))
    if which == "other network":
        state = build(NetworkSpec((2,), [LayerSpec.make("Linear", out_features=5)])).state_dict()
    elif which == "missing key":
        del state["3.bias"]
    elif which == "extra key":
        state["4.weight"] = torch.zeros(3)
    elif which == "wrong shape":
        state["0.weight"] = torch.zeros(4, 3)
    elif which == "not a dict":
        state = torch.zeros(4, 2)
    else:
        state = {k: v.tolist() for k, v in state.items()}
    torch.save(state, wpath)
    assert _opens_untrained(path) == (
        "The weights in net.weights.pt do not fit this network; the network opens untrained.")


def test_weights_warning_in_japanese(tmp_path):
    path, wpath = _with_weights(tmp_path)
    wpath.unlink()
    i18n.set_language("ja")
    assert _opens_untrained(path) == "重みファイル net.weights.pt がありません。未学習の状態で開きます。"


def test_weights_fit():
    spec = _spec()
    assert weights_fit(spec, build(spec).state_dict())
    assert not weights_fit(spec, {})
    assert not weights_fit(NetworkSpec((2,), []), {})  # a network that cannot be built fits nothing


def test_weights_for_a_huge_network_are_checked_without_allocating_it(tmp_path):
    """A file may describe a network far too big for memory; checking its weights must not build it."""
    network = {"input_shape": [1_000_000], "layers": [
        {"id": "big", "kind": "Linear", "params": {"out_features": 65536, "bias": True}}]}  # 65.5 G parameters, 262 GB
    path = _write_json(tmp_path / "net.json", _doc(network=network, weights="net.weights.pt"))
    torch.save({"0.weight": torch.zeros(1), "0.bias": torch.zeros(1)}, weights_path(path))
    assert _opens_untrained(path) == (
        "The weights in net.weights.pt do not fit this network; the network opens untrained.")


def test_a_project_saved_with_a_utf8_bom_opens(tmp_path):
    path = tmp_path / "bom.json"
    save_project(path, Project(TEMPLATES["classifier_2d"].make()))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_project(path).network.layers) == 5


# --- older versions ------------------------------------------------------------------------------------

def _embedding_net(params):
    return {"input_shape": [8], "layers": [{"id": "e", "kind": "Embedding", "params": params},
                                           {"id": "r", "kind": "Residual", "params": {}, "branches": [[
                                               {"id": "n", "kind": "LayerNorm", "params": {}}]]}]}


def test_a_version_2_embedding_opens_with_the_vectors_it_had(tmp_path):
    # before version 3 an Embedding had no init_std: its vectors started at N(0, 1), nn.Embedding's own
    old = {"num_embeddings": 20, "embedding_dim": 4}
    path = _write_json(tmp_path / "net.json", _doc(version=2, network=_embedding_net(old)))
    net = load_project(path).network
    assert net.layers[0].params == {**old, "init_std": 1.0}
    assert "nn.Embedding(20, 4)" in to_code(net)
    save_project(path, load_project(path))                             # saved again: the current version
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == VERSION == 3


def test_a_version_3_embedding_without_init_std_is_refused(tmp_path):
    path = _write_json(tmp_path / "net.json", _doc(network=_embedding_net({"num_embeddings": 20, "embedding_dim": 4})))
    assert _open_error(path) == "The network in net.json is invalid: Embedding is missing its parameter 'init_std'"
