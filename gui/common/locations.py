"""Where the user's files go: the folders the platform gives this app (Qt's QStandardPaths).

Settings and the recent-files list are in QSettings (the platform's settings store). Downloaded
data sets, autosaves and the error log go in the folders below, never inside the installed
package; core functions take these folders as arguments.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def _folder(kind: QStandardPaths.StandardLocation, *parts: str) -> Path:
    base = QStandardPaths.writableLocation(kind)
    if not base:  # no writable location on this platform: a folder in the home directory
        base = str(Path.home() / ".pytorch-learning-lab")
    return Path(base, *parts)


def app_data_dir() -> Path:
    """The app's own data folder, e.g. ``~/.local/share/<organization>/<application>`` on Linux."""
    return _folder(QStandardPaths.AppDataLocation)


def datasets_dir() -> Path:
    """Downloaded data sets (MNIST and the like): a cache, since they can be fetched again."""
    return _folder(QStandardPaths.CacheLocation, "datasets")


def autosave_dir() -> Path:
    """One subfolder per running app holds its unsaved work (``gui.common.autosave``)."""
    return app_data_dir() / "autosave"


def log_dir() -> Path:
    """The error log (``gui.common.errors``)."""
    return app_data_dir() / "logs"
