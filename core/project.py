"""Project files: one JSON document (network, training settings) with the weights beside it.

``net.json`` holds the schema version, the network spec and the training settings; trained weights
go to ``net.weights.pt`` as a plain state_dict, read back with ``torch.load(weights_only=True)``
so opening a file never runs code from it. Every write is atomic (temp file, then replace): a
crash mid-save leaves the previous file intact.
"""
from __future__ import annotations

import errno
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import torch

from core.build import BuildError, build
from core.i18n import L
from core.spec import NetworkSpec, SpecError

FORMAT = "pytorch-learning-app/project"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024  # a project is a few kB; anything huge is not ours
_UMASK = os.umask(0)  # read once, at import (before any thread starts), and put back at once
os.umask(_UMASK)


class ProjectError(Exception):
    """The file cannot be opened; the message says why, for the learner."""


@dataclass
class Project:
    network: NetworkSpec
    training: dict[str, Any] | None = None
    weights: dict[str, torch.Tensor] | None = None
    warnings: list[str] = field(default_factory=list)  # things the loader dropped, for the status bar


_OS_REASONS_JA = {  # the C library's strerror is English: the usual reasons, in the learner's words
    errno.EACCES: "アクセスが許可されていません",
    errno.EPERM: "アクセスが許可されていません",
    errno.ENOENT: "ファイルかフォルダが見つかりません",
    errno.EISDIR: "フォルダです",
    errno.ENOTDIR: "途中の名前がフォルダではありません",
    errno.ENOSPC: "ディスクの空きがありません",
    errno.EROFS: "読み取り専用の場所です",
    errno.ENAMETOOLONG: "名前が長すぎます",
}


def os_error_text(e: OSError) -> str:
    """Why an OS call failed, in the current language (e.g. "Permission denied")."""
    english = e.strerror or str(e)
    return L(english, _OS_REASONS_JA.get(e.errno, english))


def weights_path(path: str | os.PathLike) -> Path:
    p = Path(path)
    return p.with_name(p.stem + ".weights.pt")


def atomic_write(path: str | os.PathLike, write: Callable[[Any], None], binary: bool = False) -> None:
    """Call ``write(file)`` on a temp file in the same folder, then move it over ``path``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600: give it the old file's mode, or what open() would have given
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def save_project(path: str | os.PathLike, project: Project) -> None:
    path = Path(path)
    wpath = weights_path(path)
    has_weights = bool(project.weights)
    if has_weights:
        tensors = {k: v.detach().cpu() for k, v in project.weights.items()}
        atomic_write(wpath, lambda f: torch.save(tensors, f), binary=True)
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "network": project.network.to_dict(),
        "training": project.training,
        "weights": wpath.name if has_weights else None,
    }
    atomic_write(path, lambda f: json.dump(doc, f, indent=2, ensure_ascii=False))


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
    try:
        network = NetworkSpec.from_dict(doc.get("network"))
    except SpecError as e:
        raise ProjectError(L(f"The network in {path.name} is invalid: {e}",
                             f"{path.name} のネットワークが不正です: {e}")) from None
    training = doc.get("training")
    if training is not None and not isinstance(training, dict):
        raise ProjectError(L(f"The training settings in {path.name} are invalid.",
                             f"{path.name} の学習設定が不正です。"))
    project = Project(network, training)
    if doc.get("weights"):
        project.weights = _read_weights(weights_path(path), network, project.warnings)
    return project


def _read_json(path: Path) -> Any:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ProjectError(L(f"{path.name} is too large ({size:,} bytes) to be a project.",
                                 f"{path.name} はプロジェクトとしては大きすぎます ({size:,} バイト)。"))
        text = path.read_text(encoding="utf-8-sig")  # -sig: accept a BOM (Windows Notepad)
    except FileNotFoundError:
        raise ProjectError(L(f"{path.name} does not exist.", f"{path.name} が見つかりません。")) from None
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


def _read_weights(wpath: Path, network: NetworkSpec, warnings: list[str]) -> dict[str, torch.Tensor] | None:
    """The saved state_dict if it exists and fits the network; otherwise None and a warning."""
    try:
        state = torch.load(wpath, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        warnings.append(L(f"The weights file {wpath.name} is missing; the network opens untrained.",
                          f"重みファイル {wpath.name} がありません。未学習の状態で開きます。"))
        return None
    except Exception:  # noqa: BLE001 - any unreadable file gets the same plain message
        warnings.append(L(f"The weights file {wpath.name} is damaged; the network opens untrained.",
                          f"重みファイル {wpath.name} は壊れています。未学習の状態で開きます。"))
        return None
    if not weights_fit(network, state):
        warnings.append(L(f"The weights in {wpath.name} do not fit this network; the network opens untrained.",
                          f"{wpath.name} の重みはこのネットワークに合いません。未学習の状態で開きます。"))
        return None
    return state


def weights_fit(network: NetworkSpec, state: Any) -> bool:
    """True when ``state`` is a state_dict with exactly the names and shapes of ``build(network)``."""
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        return False
    try:
        # on the meta device: names and shapes without allocating (a file may describe a huge network)
        with torch.device("meta"):
            expected = build(network).state_dict()
    except BuildError:
        return False
    return (set(state) == set(expected)
            and all(state[k].shape == expected[k].shape for k in expected))
