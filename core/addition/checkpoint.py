"""Saving and loading addition models.

A checkpoint is a dict of plain types plus tensors, so it loads with
``torch.load(..., weights_only=True)`` (no pickled objects); how it was trained lives in a
JSON metadata file next to it (same name, ``.json``).
"""
from __future__ import annotations

import json
from pathlib import Path

import torch

from core.i18n import L
from core.paths import resource_path

from .model import ModelConfig, Seq2Seq

FORMAT = "torchlearn.addition/1"
SHIPPED = resource_path("models", "addition_3digit.pt")


class CheckpointError(Exception):
    """A checkpoint that cannot be used; the message is for the user."""


def metadata_path(path) -> Path:
    return Path(path).with_suffix(".json")


def save(model: Seq2Seq, path, metadata: dict | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # float32 copies: small and independent of the live model
    state = {k: v.detach().to(torch.float32).clone() for k, v in model.state_dict().items()}
    torch.save({"format": FORMAT, "model_config": model.cfg.to_dict(), "state_dict": state}, path)
    if metadata is not None:
        metadata_path(path).write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def load(path) -> Seq2Seq:
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
    try:
        model = Seq2Seq(ModelConfig.from_dict(blob["model_config"]))
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
    p = metadata_path(path)
    if not p.is_file():
        return {}
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def load_shipped() -> Seq2Seq:
    return load(SHIPPED)
