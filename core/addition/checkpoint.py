"""Saving and loading addition models (every kind in ``models.KINDS``).

A checkpoint is a dict of plain types plus tensors, so it loads with
``torch.load(..., weights_only=True)`` (no pickled objects): its kind ("seq2seq" when absent,
as in files saved before the Transformer), its config, its weights and, as JSON text, how it was
trained. The same metadata is also written beside it for people to read, in a file named after
the whole checkpoint name (``model.pt`` -> ``model.pt.json``), so a save never overwrites a file
the user did not name (``model.json`` is theirs). Both files are written atomically.
"""
from __future__ import annotations

import json
from pathlib import Path

import torch

from core.files import atomic_write
from core.i18n import L

from .models import KINDS, kind_of

FORMAT = "torchlearn.addition/1"
SHIPPED = KINDS["seq2seq"].shipped


class CheckpointError(Exception):
    """A checkpoint that cannot be used; the message is for the user."""


def metadata_path(path) -> Path:
    """Where the readable metadata of checkpoint ``path`` goes: ``model.pt`` -> ``model.pt.json``."""
    path = Path(path)
    return path.with_name(path.name + ".json")


def _legacy_metadata_path(path) -> Path:
    """Files saved before metadata was embedded kept it in ``model.json``."""
    return Path(path).with_suffix(".json")


def shipped_path(kind: str = "seq2seq") -> Path:
    return KINDS[kind].shipped


def save(model, path, metadata: dict | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # float32 copies: small and independent of the live model
    state = {k: v.detach().to(torch.float32).clone() for k, v in model.state_dict().items()}
    blob = {"format": FORMAT, "kind": kind_of(model), "model_config": model.cfg.to_dict(), "state_dict": state}
    text = None
    if metadata is not None:
        text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"
        blob["metadata"] = text
    atomic_write(path, lambda f: torch.save(blob, f), binary=True)
    if text is not None:
        atomic_write(metadata_path(path), lambda f: f.write(text.encode("utf-8")), binary=True)
    return path


def load(path):
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(L(f"No model file at {path}.", f"モデルファイルが見つかりません: {path}"))
    try:
        blob = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # corrupt file, not a torch file, or unsafe content
        raise CheckpointError(L(f"{path.name} is not a readable model file ({exc.__class__.__name__}).",
                                f"{path.name} はモデルファイルとして読めません（{exc.__class__.__name__}）。")) from exc
    if not isinstance(blob, dict) or blob.get("format") != FORMAT:
        raise CheckpointError(L(f"{path.name} is not an addition model.",
                                f"{path.name} は足し算モデルではありません。"))
    kind = blob.get("kind", "seq2seq")
    if kind not in KINDS:
        raise CheckpointError(L(f"{path.name} holds a kind of addition model this app does not know ({kind!r}).",
                                f"{path.name} はこのアプリが知らない種類の足し算モデルです（{kind!r}）。"))
    try:
        model = KINDS[kind].build(blob["model_config"])
        model.load_state_dict(blob["state_dict"])
    except (KeyError, TypeError, ValueError, RuntimeError, AttributeError) as exc:
        why = _first_problem(exc)
        raise CheckpointError(L(f"{path.name} does not match the addition model ({why}).",
                                f"{path.name} は足し算モデルの形と合いません（{why}）。")) from exc
    model.eval()
    return model


def _first_problem(exc: Exception) -> str:
    """One line of a load error: load_state_dict lists every mismatching tensor, one per line."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    if not lines:
        return type(exc).__name__
    detail = lines[1] if len(lines) > 1 and lines[0].endswith(":") else lines[0]
    more = len(lines) - 2 if len(lines) > 2 else 0
    return detail + (L(f" and {more} more", f" ほか {more} 件") if more else "")


def load_metadata(path) -> dict:
    """How a checkpoint was trained: the readable file beside it, else what the checkpoint holds.

    Checkpoints saved before metadata was embedded (no ``kind`` inside) kept it in ``model.json``.
    """
    meta = _read_json(metadata_path(path))
    if meta is not None:
        return meta
    try:
        blob = torch.load(Path(path), map_location="cpu", weights_only=True)
    except Exception:
        return {}
    if not isinstance(blob, dict) or blob.get("format") != FORMAT:
        return {}
    if isinstance(blob.get("metadata"), str):
        try:
            meta = json.loads(blob["metadata"])
        except ValueError:
            meta = None
        return meta if isinstance(meta, dict) else {}
    if "kind" not in blob:
        return _read_json(_legacy_metadata_path(path)) or {}
    return {}


def _read_json(p: Path) -> dict | None:
    if not p.is_file():
        return None
    try:
        meta = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def load_shipped(kind: str = "seq2seq"):
    return load(shipped_path(kind))
