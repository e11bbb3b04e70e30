"""Property-based tests (Hypothesis): the addition prompt parser and project files.

- Any text gives the right operands or a PromptError with a message: never another exception,
  never a sum nobody typed (checked against a plain regular expression over the same text).
- Project files truncated at every byte, with wrong types anywhere, nested deeply, with unknown
  layer kinds or with pickles carrying a payload: refused with ProjectError or opened (with
  warnings), and no payload ever runs.
Examples are limited so the whole file takes a few seconds."""
import io
import json
import os
import pickle
import re
import zipfile

import pytest
import torch
from hypothesis import HealthCheck, example, given, settings, strategies as st

from core.addition.prompt import PromptError, normalize, parse_prompt
from core.build import build
from core.project import Project, ProjectError, load_project, save_project, weights_path
from core.spec import LayerSpec, NetworkSpec

FEW = settings(max_examples=150, deadline=None, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# --- the prompt parser --------------------------------------------------------------------------

_SUM = re.compile(r" *([0-9]+) *\+ *([0-9]+) *=? *")


def _reference(text: str, digits: int):
    """What the parser must answer: two plain numbers of at most ``digits`` digits joined by +."""
    m = _SUM.fullmatch(normalize(text))
    if not m:
        return None
    a, b = (g.lstrip("0") or "0" for g in m.groups())
    return (int(a), int(b)) if len(a) <= digits and len(b) <= digits else None


_FULL_WIDTH = str.maketrans("0123456789+= ", "０１２３４５６７８９＋＝　")
_noise = st.sampled_from([" ", "　", "\t", "0", "x", "X", "+", "=", "-", ".", ",", "１", "²", "a", "٣", "\n"])


@st.composite
def _near_sums(draw):
    """Sums as people type them (spaces, zeros, full width, a trailing =), sometimes with one slip."""
    a, b = draw(st.integers(0, 1200)), draw(st.integers(0, 1200))
    sp = st.text(" ", max_size=2)
    text = (draw(sp) + "0" * draw(st.integers(0, 3)) + str(a) + draw(sp) + "+" + draw(sp) + str(b)
            + draw(sp) + draw(st.sampled_from(["", "=", " ="])))
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    if draw(st.booleans()):
        i = draw(st.integers(0, len(text)))
        text = text[:i] + draw(_noise) + text[i:]
    return text


@FEW
@given(st.one_of(_near_sums(), st.text(max_size=40), st.text(alphabet="0123456789+ =xX１＋", max_size=30)),
       st.integers(1, 4))
@example("123+45", 3)
@example("12x3", 3)
@example("3²+4", 3)
def test_any_text_gives_the_right_operands_or_a_clear_error(text, digits):
    expected = _reference(text, digits)
    try:
        got = parse_prompt(text, digits)
    except PromptError as e:
        assert expected is None, f"{text!r}: refused ({e.code}) but it is {expected}"
        assert e.code and str(e).strip()
        return
    assert got == expected, f"{text!r}: read as {got}, but it says {expected}"


# --- project files ------------------------------------------------------------------------------

def _spec():
    return NetworkSpec((2,), [LayerSpec.make("Linear", out_features=3), LayerSpec.make("ReLU"),
                              LayerSpec.make("Linear", out_features=2)])


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "net.json"
    torch.manual_seed(0)
    save_project(path, Project(_spec(), training={"lr": 0.01, "epochs": 5}, weights=build(_spec()).state_dict()))
    return path


def _opens_or_is_refused(path):
    """The only two outcomes a file may have."""
    try:
        project = load_project(path)
    except ProjectError as e:
        assert str(e).strip()
        return None
    assert isinstance(project.network, NetworkSpec)
    assert project.weights is None or set(project.weights) == set(build(project.network).state_dict())
    return project


def test_a_project_truncated_at_every_byte(saved):
    data = saved.read_bytes()
    for n in range(len(data)):
        saved.write_bytes(data[:n])
        assert _opens_or_is_refused(saved) is None, n  # no prefix of a project is a project
    saved.write_bytes(data)
    assert _opens_or_is_refused(saved).warnings == []


def test_weights_truncated_at_every_byte(saved):
    wpath = weights_path(saved)
    data = wpath.read_bytes()
    for n in range(0, len(data), 7):
        wpath.write_bytes(data[:n])
        project = _opens_or_is_refused(saved)
        assert project.weights is None and len(project.warnings) == 1 and "damaged" in project.warnings[0], n


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@FEW
@given(where=st.sampled_from(["network", "training", "weights", "version", "input_shape", "layers", "layer",
                              "kind", "params", "param", "id"]),
       value=_json)
def test_wrong_types_anywhere_are_refused_or_opened(saved, where, value):
    doc = json.loads(saved.read_text(encoding="utf-8"))
    layer = doc["network"]["layers"][0]
    if where in ("network", "training", "weights", "version"):
        doc[where] = value
    elif where in ("input_shape", "layers"):
        doc["network"][where] = value
    elif where == "layer":
        doc["network"]["layers"][1] = value
    elif where == "param":
        layer["params"]["out_features"] = value
    else:
        layer[where] = value
    path = saved.with_name("edited.json")
    path.write_text(json.dumps(doc), encoding="utf-8")
    _opens_or_is_refused(path)


@pytest.mark.parametrize("depth", [100, 5_000, 100_000])
def test_deep_nesting_anywhere(saved, depth):
    doc = json.loads(saved.read_text(encoding="utf-8"))
    for field in ("training", "network"):
        text = json.dumps({**doc, field: "@"}).replace('"@"', "[" * depth + "]" * depth)
        saved.write_text(text, encoding="utf-8")
        _opens_or_is_refused(saved)


@FEW
@given(kind=st.text(min_size=1, max_size=12))
def test_unknown_layer_kinds_are_refused(saved, kind):
    doc = json.loads(saved.read_text(encoding="utf-8"))
    doc["network"]["layers"][1]["kind"] = kind
    path = saved.with_name("edited.json")
    path.write_text(json.dumps(doc), encoding="utf-8")
    project = _opens_or_is_refused(path)
    assert project is None or project.network.layers[1].kind == kind


class _Payload:
    """Unpickling this would create a marker folder: proof that code from the file ran."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def _torch_zip_with(pickled: bytes, template: bytes) -> bytes:
    """A torch.save archive whose data.pkl is replaced by ``pickled`` (CRCs recomputed: valid zip)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = pickled if info.filename.endswith("data.pkl") else src.read(info)
            dst.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
@pytest.mark.parametrize("protocol", [0, 2, 5])
def test_pickles_with_a_payload_never_run(saved, tmp_path, protocol):
    marker = tmp_path / "payload-ran"
    pickled = pickle.dumps({"0.weight": _Payload(str(marker))}, protocol=protocol)
    wpath = weights_path(saved)
    template = wpath.read_bytes()
    for content in (pickled, _torch_zip_with(pickled, template)):
        wpath.write_bytes(content)
        project = _opens_or_is_refused(saved)
        assert project.weights is None and len(project.warnings) == 1
        # the project file itself as a pickle: not a project, read as text and refused
        other = tmp_path / "pickled.json"
        other.write_bytes(content)
        assert _opens_or_is_refused(other) is None
    assert not marker.exists()
