"""Autosaves: the open document's unsaved state, kept in a folder the caller chooses.

One running app owns one folder (the GUI makes it under the platform's app-data location and
holds a lock in it while it runs). ``write`` saves the project there with the same atomic commit
as a real save (``core.project.save_project``) plus a small ``meta.json`` naming the file the work
belongs to; after a crash or a kill the next start finds the folder unlocked and offers
``read``'s ``Recovery`` back. Core never asks Qt where the folder is.
"""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from core.files import atomic_write
from core.project import Project, load_project, save_project

PROJECT = "autosave.json"
META = "meta.json"


@dataclass(frozen=True)
class Recovery:
    folder: Path
    original: str      # the project file the work belongs to ("" for a document never saved)
    saved_at: float    # time.time() of the autosave
    layers: int        # how many layers the autosaved network has, for the offer's text

    def load(self) -> Project:
        """The autosaved project (raises ProjectError if it cannot be read)."""
        return load_project(self.folder / PROJECT)


def write(folder: str | Path, project: Project, original: str = "") -> None:
    """Autosave ``project`` into ``folder`` (created if needed); ``original`` is its own file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    save_project(folder / PROJECT, project)
    meta = {"original": original, "saved_at": time.time(), "layers": len(project.network.layers)}
    atomic_write(folder / META, lambda f: json.dump(meta, f, ensure_ascii=False))


def read(folder: str | Path) -> Recovery | None:
    """The autosave in ``folder``, or None when there is none (or only part of one)."""
    folder = Path(folder)
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        if not (folder / PROJECT).is_file():
            return None
        return Recovery(folder, str(meta.get("original") or ""), float(meta.get("saved_at", 0.0)),
                        int(meta.get("layers", 0)))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def clear(folder: str | Path) -> None:
    """Forget the autosaved state (the work was saved or discarded); the folder itself stays."""
    folder = Path(folder)
    for path in (folder / META, folder / PROJECT):  # meta first: without it nothing is offered
        try:
            path.unlink()
        except OSError:
            pass
    for weights in folder.glob(Path(PROJECT).stem + ".weights*.pt"):
        try:
            weights.unlink()
        except OSError:
            pass


def remove(folder: str | Path) -> None:
    """Delete the whole autosave folder."""
    shutil.rmtree(folder, ignore_errors=True)

