"""Where the app's own files are: the one accessor for everything shipped in the ``resources`` package.

Translations, the shipped addition model and any other data are package data of ``resources``,
read through ``importlib.resources``: the same code works from a checkout (``python main.py``),
an editable install and an installed wheel, from any working folder. Nothing is ever written
there: the user's files (settings, recent files, downloaded data sets, autosaves) go where the
platform says, which the GUI asks Qt for (``gui/common/locations.py``) and passes to core
functions as a folder argument (core never imports Qt).
"""
from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

PACKAGE = "resources"
_extracted = ExitStack()  # resources of a zipped install, extracted for the life of the process
atexit.register(_extracted.close)


def resource_path(*parts: str) -> Path:
    """A real file system path to ``resources/<parts...>`` (Qt and torch need paths, not streams).

    Installed wheels and checkouts keep package data as plain files, which are returned as they
    are; a zipped install is extracted to a temporary file that lives until the app exits."""
    ref = files(PACKAGE).joinpath(*parts)
    if isinstance(ref, Path):
        return ref
    return _extracted.enter_context(as_file(ref))


def resource_names(*parts: str, suffix: str = "") -> list[str]:
    """The file names in the resource folder ``parts`` ending with ``suffix``, sorted."""
    folder = files(PACKAGE).joinpath(*parts)
    if not folder.is_dir():
        return []
    return sorted(entry.name for entry in folder.iterdir() if entry.is_file() and entry.name.endswith(suffix))
