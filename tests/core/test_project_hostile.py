"""Project files a user did not mean to hand us: pipes, devices, loops, bombs, flipped bytes,
weights of the wrong kind, absurd settings, huge networks. Each gets a plain message, quickly."""
import io
import json
import os
import struct
import time
import zipfile

import pytest
import torch

from core import i18n
from core.build import build
from core.project import (FORMAT, MAX_LAYERS, VERSION, Project, ProjectError, load_project, save_project,
                          weights_path)
from core.spec import LayerSpec, NetworkSpec

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files")


def _spec():
    return NetworkSpec((2,), [LayerSpec.make("Linear", out_features=64), LayerSpec.make("ReLU"),
                              LayerSpec.make("Linear", out_features=3)])


def _state(spec=None, value=None):
    torch.manual_seed(0)
    state = build(spec or _spec()).state_dict()
    if value is not None:
        state = {k: torch.full_like(v, value) for k, v in state.items()}
    return state


def _saved(tmp_path):
    path = tmp_path / "net.json"
    save_project(path, Project(_spec(), weights=_state()))
    return path, weights_path(path)


def _open_error(path) -> str:
    with pytest.raises(ProjectError) as e:
        load_project(path)
    return str(e.value)


def _warning(path) -> str:
    project = load_project(path)
    assert project.weights is None and len(project.warnings) == 1
    return project.warnings[0]


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


# --- not a file ---------------------------------------------------------------------------------

@posix_only
def test_a_fifo_as_the_project_does_not_block(tmp_path):
    path = tmp_path / "net.json"
    os.mkfifo(path)
    start = time.monotonic()
    assert _open_error(path) == "net.json is not a file (a pipe (FIFO)); it is not a project of this app."
    assert time.monotonic() - start < 5


@posix_only
def test_a_fifo_as_the_weights_does_not_block(tmp_path):
    path, wpath = _saved(tmp_path)
    wpath.unlink()
    os.mkfifo(wpath)
    assert _warning(path) == ("The weights file net.weights.pt is not a file (a pipe (FIFO)); "
                              "the network opens untrained.")


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_not_read(tmp_path):
    path = tmp_path / "net.json"
    os.symlink("/dev/zero", path)
    assert _open_error(path) == "net.json is not a file (a device); it is not a project of this app."
    (tmp_path / "sub").mkdir()
    saved, wpath = _saved(tmp_path / "sub")
    wpath.unlink()
    os.symlink("/dev/zero", wpath)
    assert _warning(saved) == "The weights file net.weights.pt is not a file (a device); the network opens untrained."


@posix_only
def test_a_symlink_loop(tmp_path):
    path = tmp_path / "net.json"
    os.symlink(path, path)
    assert _open_error(path) == "net.json cannot be read: Too many levels of symbolic links"
    i18n.set_language("ja")
    assert _open_error(path) == "net.json を読み込めません: シンボリックリンクがループしています"


# --- damaged or hostile weights -------------------------------------------------------------------

def test_flipped_bytes_in_the_weights_are_detected(tmp_path):
    """torch.load reads flipped bytes as wrong weights without a word; the zip's CRC-32 says so."""
    path, wpath = _saved(tmp_path)
    data = bytearray(wpath.read_bytes())
    with zipfile.ZipFile(wpath) as z:
        info = max(z.infolist(), key=lambda i: i.file_size)  # the 3x64 weight matrix's 768 bytes
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26: info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len  # the local header's own lengths
    assert info.file_size == 3 * 64 * 4
    for i in range(64):
        data[start + 4 * i + 3] ^= 0x01  # the low exponent bit: every flipped weight halves or doubles
    wpath.write_bytes(bytes(data))
    # what torch alone would have said: nothing, and different weights
    silent = torch.load(io.BytesIO(bytes(data)), weights_only=True)
    assert silent["2.weight"].shape == (3, 64)
    assert int((silent["2.weight"] != _state()["2.weight"]).sum()) == 64
    assert _warning(path) == ("The weights file net.weights.pt is damaged: its checksums do not match "
                              "(it changed after it was saved); the network opens untrained.")


def test_a_deflate_bomb_as_weights_is_not_unpacked(tmp_path):
    path, wpath = _saved(tmp_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("archive/data.pkl", b"\0" * (64 << 20))  # 64 MB of zeros in ~64 kB
    wpath.write_bytes(buffer.getvalue())
    assert wpath.stat().st_size < 200_000
    assert _warning(path) == ("The weights file net.weights.pt is damaged: it would unpack to far more than "
                              "its size; the network opens untrained.")


@pytest.mark.parametrize("kind,make", [
    ("bfloat16", lambda t: t.to(torch.bfloat16)),
    ("float64", lambda t: t.double()),
    ("meta", lambda t: t.to("meta")),
    ("sparse", lambda t: t.to_sparse()),
])
def test_weights_of_the_wrong_kind_are_refused(tmp_path, kind, make):
    path, wpath = _saved(tmp_path)
    torch.save({k: make(v) for k, v in _state().items()}, wpath)
    assert _warning(path) == (f"The weights in net.weights.pt are of a kind this app does not train ({kind}; "
                              "it needs float32); the network opens untrained.")


@pytest.mark.parametrize("name", ["../net.weights.pt", "/etc/passwd", "sub/net.weights.pt", "..", 42, ["x"]])
def test_a_weights_name_outside_the_folder_is_not_followed(tmp_path, name):
    path, _ = _saved(tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["weights"] = name
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _warning(path) == ("The project names its weights file with a folder or an invalid name; "
                              "the network opens untrained.")


# --- hand-edited settings and networks ------------------------------------------------------------

def _doc(**overrides):
    doc = {"format": FORMAT, "version": VERSION, "network": _spec().to_dict(), "training": None, "weights": None}
    doc.update(overrides)
    return doc


@pytest.mark.parametrize("training,shown", [
    ({"epochs": 3_000_000_000}, "“epochs” is 3000000000"),
    ({"seed": 2 ** 70}, "“seed” is 1180591620717411303424"),
    ({"batch_size": 1e12}, "“batch_size” is 1000000000000.0"),
    ({"lr": 0.01, "compare": {"epochs": -(2 ** 40)}}, "“epochs” is -1099511627776"),
    ({"seed": int("9" * 500)}, "“seed” is 999999999999…(500 digits)"),
])
def test_huge_numbers_in_training_settings_are_refused(tmp_path, training, shown):
    path = tmp_path / "net.json"
    path.write_text(json.dumps(_doc(training=training)), encoding="utf-8")
    assert _open_error(path) == (f"The training settings in net.json are invalid: {shown}; "
                                 "settings must lie within ±2,147,483,647.")


def test_training_settings_at_the_limit_open(tmp_path):
    path = tmp_path / "net.json"
    training = {"epochs": 2 ** 31 - 1, "seed": -(2 ** 31 - 1), "lr": 1e-8, "dataset": "moons", "flag": True}
    path.write_text(json.dumps(_doc(training=training)), encoding="utf-8")
    assert load_project(path).training == training


def test_a_network_of_ten_thousand_layers_is_refused_quickly(tmp_path):
    layers = [{"id": f"l{i}", "kind": "ReLU", "params": {}} for i in range(10_000)]
    path = tmp_path / "net.json"
    path.write_text(json.dumps(_doc(network={"input_shape": [2], "layers": layers})), encoding="utf-8")
    start = time.monotonic()
    assert _open_error(path) == ("The network in net.json has 10,000 layers and blocks; this app opens networks "
                                 "of up to 1,000.")
    assert time.monotonic() - start < 5
    layers = layers[:MAX_LAYERS]
    path.write_text(json.dumps(_doc(network={"input_shape": [2], "layers": layers})), encoding="utf-8")
    assert len(load_project(path).network.layers) == MAX_LAYERS


# --- the save's own files ------------------------------------------------------------------------

def test_weights_alternate_between_two_names_and_the_old_goes(tmp_path):
    path = tmp_path / "net.json"
    for k, name in enumerate(["net.weights.pt", "net.weights.2.pt", "net.weights.pt"]):
        save_project(path, Project(_spec(), training={"k": k}, weights=_state(value=k)))
        assert json.loads(path.read_text(encoding="utf-8"))["weights"] == name
        assert _files(tmp_path) == ["net.json", name]
        back = load_project(path)
        assert back.warnings == [] and float(back.weights["0.weight"][0, 0]) == k
    save_project(path, Project(_spec()))  # untrained now: the old weights go with the save
    assert _files(tmp_path) == ["net.json"]


def test_leftovers_of_a_killed_save_are_cleaned_by_the_next(tmp_path):
    path, _ = _saved(tmp_path)
    for name in (".net.json.abc123.tmp", ".net.weights.2.pt.x9.tmp", "net.weights.2.pt"):
        (tmp_path / name).write_bytes(b"half")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    save_project(path, Project(_spec(), weights=_state(value=5)))
    assert _files(tmp_path) == ["net.json", "net.weights.2.pt", "notes.txt"]
    assert float(load_project(path).weights["0.bias"][0]) == 5


def test_a_copied_project_does_not_remove_the_originals_weights(tmp_path):
    path, wpath = _saved(tmp_path)
    copy = tmp_path / "copy.json"
    copy.write_bytes(path.read_bytes())  # names net.weights.pt
    assert load_project(copy).weights is not None
    save_project(copy, Project(_spec(), weights=_state(value=2)))
    assert _files(tmp_path) == ["copy.json", "copy.weights.pt", "net.json", "net.weights.pt"]
    assert load_project(path).warnings == []
