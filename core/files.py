"""Reading and writing the user's files safely: regular files only, bounded sizes, atomic replaces.

A "file" a user hands the app may be a FIFO (``open`` blocks forever), a link to ``/dev/zero``
(``read`` never ends), a folder or a symlink loop. ``read_regular`` opens without blocking, checks
what it opened (``fstat`` on the open descriptor, so nothing can swap the file in between) and
reads at most ``max_bytes``. ``atomic_write`` writes a temp file beside the target and renames it
over the target, so a crash leaves either the old file or the new one.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Callable

from core.i18n import L

_UMASK = os.umask(0)  # read once, at import (before any thread starts), and put back at once
os.umask(_UMASK)
_CHUNK = 1 << 20


class NotARegularFile(ValueError):
    """The path names a pipe, a device or a socket, not a file; ``kind`` says which, for the user."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


class FileTooLarge(ValueError):
    def __init__(self, size: int, limit: int):
        super().__init__(f"{size} > {limit}")
        self.size, self.limit = size, limit


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return L("a pipe (FIFO)", "パイプ (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return L("a device", "デバイス")
    if stat.S_ISSOCK(mode):
        return L("a socket", "ソケット")
    return L("not a regular file", "通常のファイルではありません")


_OS_REASONS_JA = {  # the C library's strerror is English: the usual reasons, in the learner's words
    errno.EACCES: "アクセスが許可されていません",
    errno.EPERM: "アクセスが許可されていません",
    errno.ENOENT: "ファイルかフォルダが見つかりません",
    errno.EISDIR: "フォルダです",
    errno.ENOTDIR: "途中の名前がフォルダではありません",
    errno.ENOSPC: "ディスクの空きがありません",
    errno.EROFS: "読み取り専用の場所です",
    errno.ENAMETOOLONG: "名前が長すぎます",
    errno.ELOOP: "シンボリックリンクがループしています",
}


def os_error_text(e: OSError) -> str:
    """Why an OS call failed, in the current language (e.g. "Permission denied")."""
    english = e.strerror or str(e)
    return L(english, _OS_REASONS_JA.get(e.errno, english))


def read_regular(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``.

    Raises OSError (missing, unreadable, a folder: ``EISDIR``, a symlink loop: ``ELOOP``),
    NotARegularFile or FileTooLarge. Never blocks on a FIFO and never reads more than
    ``max_bytes + 1`` bytes (a file may grow while it is read)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(st.st_mode):
            raise NotARegularFile(_kind(st.st_mode))
        if st.st_size > max_bytes:
            raise FileTooLarge(st.st_size, max_bytes)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise FileTooLarge(total, max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)


def temp_prefix(path: str | os.PathLike) -> str:
    """The name prefix of ``atomic_write``'s temp files for ``path`` (for cleaning up after a kill)."""
    return f".{Path(path).name}."


def atomic_write(path: str | os.PathLike, write: Callable[[Any], None], binary: bool = False) -> None:
    """Call ``write(file)`` on a temp file in the same folder, then move it over ``path``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600: give it the old file's mode, or what open() would have given
        try:
            mode = path.stat().st_mode & 0o777
        except (FileNotFoundError, NotADirectoryError):
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
    sync_folder(path.parent)


def sync_folder(folder: str | os.PathLike) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
