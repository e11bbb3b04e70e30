"""Project files: one JSON document (network, training settings) with the weights beside it.

``net.json`` holds the schema version, the network spec, the training settings and the name of the
weights file; trained weights go beside it (``net.weights.pt``, the next save ``net.weights.2.pt``,
and back) as a plain state_dict, read back with ``torch.load(weights_only=True)`` so opening a file
never runs code from it. A save is one commit: new weights under the unused name, then the JSON
that names them atomically replaces the old one, then the old weights go; a kill at any moment
leaves the previous save or the new one, never a mix. Opening checks everything a hand-edited,
damaged or hostile file can hold (size, kind of file, zip checksums, dtypes, layer count) and says
what is wrong instead of failing later.
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from core.build import BuildError, build
from core.i18n import L
from core.files import (FileTooLarge, NotARegularFile, atomic_write, os_error_text, read_regular,  # noqa: F401
                        sync_folder, temp_prefix)
from core.spec import MAX_LAYERS, NetworkSpec, SpecError  # noqa: F401 - MAX_LAYERS re-exported


FORMAT = "pytorch-learning-app/project"
VERSION = 3  # 3: Embedding has init_std; 2: the network is a tree (blocks); 1: a flat list of layers; all read
MAX_BYTES = 20 * 1024 * 1024  # a project is a few kB; anything huge is not ours
MAX_WEIGHTS_BYTES = 2 * 1024 ** 3  # read into memory to be checked before torch sees it
MAX_SETTING = 2 ** 31 - 1  # training settings are spin-box values: Qt's int range


class ProjectError(Exception):
    """The file cannot be opened; the message says why, for the learner."""


@dataclass
class Project:
    network: NetworkSpec
    training: dict[str, Any] | None = None
    weights: dict[str, torch.Tensor] | None = None
    warnings: list[str] = field(default_factory=list)  # things the loader dropped, for the status bar


def weights_path(path: str | os.PathLike) -> Path:
    """The first name a project's weights get: ``net.json`` -> ``net.weights.pt``."""
    p = Path(path)
    return p.with_name(p.stem + ".weights.pt")


def _weights_names(path: Path) -> tuple[str, str]:
    """The two names a project's weights alternate between, save after save."""
    return weights_path(path).name, path.stem + ".weights.2.pt"


def save_project(path: str | os.PathLike, project: Project) -> None:
    """Save JSON and weights as one commit: a kill at any moment leaves the old save or the new one.

    The new weights go under the name the current JSON does *not* use; then the JSON that names them
    replaces the old one atomically (the commit); then the old weights, and any temp file or orphan
    an earlier killed save left behind, are removed."""
    path = Path(path)
    names = _weights_names(path)
    old = _named_weights(path)
    new = None
    if project.weights:
        tensors = {k: v.detach().cpu() for k, v in project.weights.items()}
        new = names[1] if old == names[0] else names[0]
        atomic_write(path.parent / new, lambda f: torch.save(tensors, f), binary=True)
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "network": project.network.to_dict(),
        "training": project.training,
        "weights": new,
    }
    atomic_write(path, lambda f: json.dump(doc, f, indent=2, ensure_ascii=False))
    # committed: what follows only tidies up
    stale = {n for n in names if n != new}
    if old and old != new and old.startswith(path.stem + ".weights"):  # ours (a copied project's: not)
        stale.add(old)
    for name in stale:
        _remove(path.parent / name)
    prefixes = tuple(temp_prefix(path.parent / n) for n in (path.name, *names))
    try:
        leftovers = [e.path for e in os.scandir(path.parent)
                     if e.name.startswith(prefixes) and e.name.endswith(".tmp")]
    except OSError:
        leftovers = []
    for leftover in leftovers:  # temp files of a save that was killed
        _remove(leftover)
    sync_folder(path.parent)


def _remove(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except OSError:  # gone already, or not ours to remove: the save itself is done
        pass


def _named_weights(path: Path) -> str | None:
    """The weights file name the project at ``path`` names now (None if none or unreadable)."""
    try:
        doc = json.loads(read_regular(path, MAX_BYTES).decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
    name = doc.get("weights") if isinstance(doc, dict) else None
    return name if _plain_name(name) else None


def _plain_name(name: Any) -> bool:
    """A file name in the project's own folder: no folders, no '..', nothing absolute."""
    return (isinstance(name, str) and 0 < len(name) <= 255 and name not in (".", "..")
            and "/" not in name and "\\" not in name and "\0" not in name and ":" not in name)


def load_project(path: str | os.PathLike) -> Project:
    """Read a project, or raise ProjectError with a plain explanation. Never executes file content."""
    path = Path(path)
    doc = _read_json(path)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ProjectError(L(f"{path.name} is not a project of this app.",
                             f"{path.name} はこのアプリのプロジェクトではありません。"))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectError(L(f"{path.name} has no valid version number.",
                             f"{path.name} に正しいバージョン番号がありません。"))
    if version > VERSION:
        raise ProjectError(L(
            f"{path.name} was saved by a newer version of the app (file version {version}, "
            f"this app reads up to {VERSION}). Please update the app.",
            f"{path.name} は新しいバージョンのアプリで保存されています (ファイル版 {version}、"
            f"このアプリは {VERSION} まで)。アプリを更新してください。"))
    count = count_layers(doc.get("network"))
    if count > MAX_LAYERS:
        raise ProjectError(L(
            f"The network in {path.name} has {count:,} layers and blocks; this app opens networks of up to "
            f"{MAX_LAYERS:,}.",
            f"{path.name} のネットワークは層とブロックが {count:,} 個あります。このアプリで開けるのは {MAX_LAYERS:,} 個までです。"))
    _upgrade(doc.get("network"), version)
    try:
        network = NetworkSpec.from_dict(doc.get("network"))
    except SpecError as e:
        raise ProjectError(L(f"The network in {path.name} is invalid: {e}",
                             f"{path.name} のネットワークが不正です: {e}")) from None
    training = doc.get("training")
    if training is not None and not isinstance(training, dict):
        raise ProjectError(L(f"The training settings in {path.name} are invalid.",
                             f"{path.name} の学習設定が不正です。"))
    problem = _settings_problem(training)
    if problem:
        raise ProjectError(L(f"The training settings in {path.name} are invalid: {problem}",
                             f"{path.name} の学習設定が不正です: {problem}"))
    project = Project(network, training)
    name = doc.get("weights")
    if name is not None and name != "":
        if _plain_name(name):
            project.weights = _read_weights(path.parent / name, network, project.warnings)
        else:
            project.warnings.append(L(
                "The project names its weights file with a folder or an invalid name; the network opens untrained.",
                "プロジェクトの重みファイル名にフォルダか不正な名前が含まれています。未学習の状態で開きます。"))
    return project


def too_many_layers_text() -> str:
    """Why a layer cannot be added: the network is at MAX_LAYERS."""
    return L(f"A network can have at most {MAX_LAYERS:,} layers and blocks; remove one before adding another.",
             f"ネットワークの層とブロックは {MAX_LAYERS:,} 個までです。追加する前に削除してください。")


def count_layers(network: Any) -> int:
    """How many layers and blocks a network dict holds (at any depth), counted without recursion and
    before anything is built, so that a file of 100,000 layers is refused at once."""
    return sum(1 for _ in _raw_nodes(network))


def _raw_nodes(network: Any):
    """Every layer and block (a dict with a "kind") of a network dict as read from JSON, at any depth."""
    stack = [network]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("kind"), str):
                yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _upgrade(network: Any, version: int) -> None:
    """A file of an older version in this version's terms: before 3, an Embedding had no init_std
    (its vectors started at N(0, 1), nn.Embedding's own), so it gets 1.0."""
    if version < 3:
        for node in _raw_nodes(network):
            if node["kind"] == "Embedding" and isinstance(node.get("params"), dict):
                node["params"].setdefault("init_std", 1.0)


def _settings_problem(training: dict | None) -> str | None:
    """Why hand-edited training settings cannot be used (a number no spin box holds), or None."""
    stack = [("", training)] if training else []
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((key, v) for v in value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if value != value or abs(value) > MAX_SETTING:  # NaN, inf or beyond 2^31 - 1
                shown = str(value) if len(str(value)) <= 24 else f"{str(value)[:12]}…({len(str(value))} digits)"
                return L(f"“{key}” is {shown}; settings must lie within ±{MAX_SETTING:,}.",
                         f"「{key}」が {shown} です。設定値は ±{MAX_SETTING:,} の範囲にしてください。")
    return None


def _read_json(path: Path) -> Any:
    try:
        data = read_regular(path, MAX_BYTES)
        text = data.decode("utf-8-sig")  # -sig: accept a BOM (Windows Notepad)
    except FileNotFoundError:
        raise ProjectError(L(f"{path.name} does not exist.", f"{path.name} が見つかりません。")) from None
    except FileTooLarge as e:
        raise ProjectError(L(f"{path.name} is too large ({e.size:,} bytes) to be a project.",
                             f"{path.name} はプロジェクトとしては大きすぎます ({e.size:,} バイト)。")) from None
    except NotARegularFile as e:
        raise ProjectError(L(f"{path.name} is not a file ({e.kind}); it is not a project of this app.",
                             f"{path.name} はファイルではありません ({e.kind})。このアプリのプロジェクトではありません。")
                           ) from None
    except UnicodeDecodeError:
        raise ProjectError(L(f"{path.name} is not a text file; it is not a project of this app.",
                             f"{path.name} はテキストファイルではなく、このアプリのプロジェクトではありません。")) from None
    except OSError as e:
        raise ProjectError(L(f"{path.name} cannot be read: {e.strerror}",
                             f"{path.name} を読み込めません: {os_error_text(e)}")) from None
    if not text.strip():
        raise ProjectError(L(f"{path.name} is empty.", f"{path.name} は空です。"))
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ProjectError(L(
            f"{path.name} is damaged or incomplete (line {e.lineno}, column {e.colno}: {e.msg}).",
            # json's own reason ("Expecting value") is English only: the position says enough
            f"{path.name} は壊れているか途中で切れています ({e.lineno} 行 {e.colno} 列)。")) from None
    except ValueError:  # a number of more than 4300 digits, which Python refuses to read
        raise ProjectError(L(f"{path.name} is damaged or incomplete (a number far too long).",
                             f"{path.name} は壊れているか途中で切れています (長すぎる数があります)。")) from None
    except RecursionError:  # a few kB of "[[[[..." nest deeper than Python can parse
        raise ProjectError(L(f"{path.name} is damaged or incomplete (nested too deeply).",
                             f"{path.name} は壊れているか途中で切れています (入れ子が深すぎます)。")) from None


def _untrained(warnings: list[str], english: str, japanese: str) -> None:
    warnings.append(L(f"{english}; the network opens untrained.", f"{japanese}。未学習の状態で開きます。"))


def _read_weights(wpath: Path, network: NetworkSpec, warnings: list[str]) -> dict[str, torch.Tensor] | None:
    """The saved state_dict if it is intact and fits the network; otherwise None and a warning."""
    name = wpath.name
    try:
        data = read_regular(wpath, MAX_WEIGHTS_BYTES)
    except FileNotFoundError:
        return _untrained(warnings, f"The weights file {name} is missing", f"重みファイル {name} がありません")
    except NotARegularFile as e:
        return _untrained(warnings, f"The weights file {name} is not a file ({e.kind})",
                          f"重みファイル {name} はファイルではありません ({e.kind})")
    except FileTooLarge as e:
        return _untrained(warnings, f"The weights file {name} is too large ({e.size:,} bytes)",
                          f"重みファイル {name} は大きすぎます ({e.size:,} バイト)")
    except OSError as e:
        return _untrained(warnings, f"The weights file {name} cannot be read: {e.strerror}",
                          f"重みファイル {name} を読み込めません: {os_error_text(e)}")
    problem = _archive_problem(data)
    if problem == "checksum":
        return _untrained(warnings, f"The weights file {name} is damaged: its checksums do not match "
                          "(it changed after it was saved)",
                          f"重みファイル {name} は壊れています: チェックサムが一致しません (保存後に変更されています)")
    if problem == "bomb":
        return _untrained(warnings, f"The weights file {name} is damaged: it would unpack to far more "
                          "than its size", f"重みファイル {name} は壊れています: 展開するとサイズをはるかに超えます")
    try:
        if problem:
            raise ValueError(problem)
        state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file gets the same plain message
        return _untrained(warnings, f"The weights file {name} is damaged", f"重みファイル {name} は壊れています")
    problem = weights_problem(network, state)
    if problem == "dtype":
        kinds = sorted({_tensor_kind(v) for v in state.values()} - {"float32", "int64"})
        return _untrained(warnings, f"The weights in {name} are of a kind this app does not train "
                          f"({', '.join(kinds)}; it needs float32)",
                          f"{name} の重みはこのアプリで扱えない種類です ({', '.join(kinds)}、float32 が必要です)")
    if problem:
        return _untrained(warnings, f"The weights in {name} do not fit this network",
                          f"{name} の重みはこのネットワークに合いません")
    return state


def _archive_problem(data: bytes) -> str | None:
    """torch.save writes a zip of stored (uncompressed) entries, each with a CRC-32. torch.load
    checks no CRC (flipped bytes load as wrong weights) and inflates compressed entries of any size
    (a deflate bomb). Check both first: None if intact, else "checksum", "bomb" or "damaged"."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > 2 * len(data) + 65536:
                return "bomb"
            return "checksum" if archive.testzip() is not None else None
    except zipfile.BadZipFile as e:
        return "checksum" if "CRC" in str(e) else "damaged"
    except Exception:  # noqa: BLE001 - zlib errors, bad headers, unsupported methods
        return "damaged"


def _tensor_kind(t: torch.Tensor) -> str:
    if t.is_meta:
        return "meta"
    if t.layout != torch.strided:
        return "sparse"
    return str(t.dtype).removeprefix("torch.")


def weights_problem(network: NetworkSpec, state: Any) -> str | None:
    """None when ``state`` is a state_dict with exactly the names, shapes and dtypes of
    ``build(network)`` holding real (strided, not meta) values; else "fit" or "dtype"."""
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        return "fit"
    try:
        # on the meta device: names and shapes without allocating (a file may describe a huge network)
        with torch.device("meta"):
            expected = build(network).state_dict()
    except BuildError:
        return "fit"
    if set(state) != set(expected) or any(state[k].shape != expected[k].shape for k in expected):
        return "fit"
    if any(state[k].is_meta or state[k].layout != torch.strided or state[k].dtype != expected[k].dtype
           for k in expected):
        return "dtype"
    return None


def weights_fit(network: NetworkSpec, state: Any) -> bool:
    """True when ``state`` can be loaded into ``build(network)`` (see ``weights_problem``)."""
    return weights_problem(network, state) is None
