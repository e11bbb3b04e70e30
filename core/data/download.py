"""MNIST and Fashion-MNIST on request: download, check, cache, read.

    folder = download(SOURCES["mnist"], cache_dir, progress=on_bytes, cancel=event.is_set)
    images = load_source(SOURCES["mnist"], cache_dir)

The caller chooses the cache folder (the window passes the user's data folder; core never asks
Qt). Each file is written to a temporary ``.part`` file beside its final name, checked against
its SHA-256 sum, and only then renamed into place (``os.replace`` is atomic), so a cancelled,
failed or damaged download leaves nothing half-written. Files already in the cache with the
right checksum are not fetched again. Several mirrors are tried in turn.

The files are in LeCun's IDX format, gzip-compressed: a big-endian header (magic number with
the element type and the number of dimensions, then each dimension's size) followed by the
raw values. ``read_idx`` parses it with numpy.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import socket
import struct
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import numpy as np

from core.data.datasets import DataError
from core.data.images import DIGIT_NAMES, FASHION_NAMES, ImageSet
from core.i18n import L

CHUNK = 64 * 1024


class DownloadError(DataError):
    """The download did not complete; the message says why, in the learner's language."""


class Cancelled(DownloadError):
    """The learner cancelled; nothing was left half-written."""


@dataclass(frozen=True)
class RemoteFile:
    name: str
    size: int          # bytes, to show the total before starting and to stop a runaway download
    sha256: str


@dataclass(frozen=True)
class Source:
    name: str          # also the cache subfolder
    mirrors: tuple[str, ...]   # base URLs ending in "/", tried in order
    train_images: RemoteFile
    train_labels: RemoteFile
    test_images: RemoteFile
    test_labels: RemoteFile
    class_names: tuple[str, ...]

    @property
    def files(self) -> tuple[RemoteFile, ...]:
        return (self.train_images, self.train_labels, self.test_images, self.test_labels)

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


SOURCES: dict[str, Source] = {s.name: s for s in [
    Source("mnist",
           ("https://storage.googleapis.com/cvdf-datasets/mnist/", "https://ossci-datasets.s3.amazonaws.com/mnist/"),
           RemoteFile("train-images-idx3-ubyte.gz", 9_912_422,
                      "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
           RemoteFile("train-labels-idx1-ubyte.gz", 28_881,
                      "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
           RemoteFile("t10k-images-idx3-ubyte.gz", 1_648_877,
                      "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
           RemoteFile("t10k-labels-idx1-ubyte.gz", 4_542,
                      "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
           DIGIT_NAMES),
    Source("fashion_mnist",
           ("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
           RemoteFile("train-images-idx3-ubyte.gz", 26_421_880,
                      "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
           RemoteFile("train-labels-idx1-ubyte.gz", 29_515,
                      "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
           RemoteFile("t10k-images-idx3-ubyte.gz", 4_422_102,
                      "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
           RemoteFile("t10k-labels-idx1-ubyte.gz", 5_148,
                      "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
           FASHION_NAMES),
]}


def folder_of(source: Source, cache_dir: str | Path) -> Path:
    return Path(cache_dir) / source.name


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _cached(source: Source, cache_dir: str | Path) -> list[bool]:
    folder = folder_of(source, cache_dir)
    out = []
    for f in source.files:
        path = folder / f.name
        out.append(path.is_file() and path.stat().st_size == f.size and _sha256(path) == f.sha256)
    return out


def is_downloaded(source: Source, cache_dir: str | Path) -> bool:
    return all(_cached(source, cache_dir))


def download(source: Source, cache_dir: str | Path, progress: Callable[[int, int], None] | None = None,
             cancel: Callable[[], bool] | None = None, timeout: float = 20.0) -> Path:
    """Fetch every missing file of ``source`` into ``cache_dir/<name>/``; return that folder.

    ``progress(done_bytes, total_bytes)`` is called as bytes arrive (files already cached count as
    done); ``cancel()`` is polled between chunks and, when true, stops with ``Cancelled``.
    Raises ``DownloadError`` with a message for the learner; nothing half-written is left behind.
    """
    folder = folder_of(source, cache_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DownloadError(L(f"Cannot create the data folder {folder}: {e.strerror or e}",
                              f"データ用のフォルダ {folder} を作れません: {e.strerror or e}")) from None
    have = _cached(source, cache_dir)
    done = sum(f.size for f, ok in zip(source.files, have) if ok)
    total = source.total_bytes
    if progress:
        progress(done, total)
    for f, ok in zip(source.files, have):
        if ok:
            continue
        errors = []
        for base in source.mirrors:
            try:
                _fetch(base + f.name, f, folder, lambda n: progress(done + n, total) if progress else None,
                       cancel, timeout)
                break
            except Cancelled:
                raise
            except DownloadError as e:
                errors.append(str(e))
        else:
            raise DownloadError(errors[-1] if len(errors) == 1 else "\n".join(errors))
        done += f.size
    return folder


def _fetch(url: str, f: RemoteFile, folder: Path, on_bytes, cancel, timeout: float) -> None:
    host = urlsplit(url).netloc
    tmp = None
    try:
        try:
            response = urllib.request.urlopen(url, timeout=timeout)
        except urllib.error.HTTPError as e:
            raise DownloadError(L(f"{host} answered {e.code} ({e.reason}) for {f.name}.",
                                  f"{host} が {f.name} に {e.code} ({e.reason}) を返しました。")) from None
        except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise DownloadError(L(
                f"Could not reach {host}: are you online? ({reason})",
                f"{host} に接続できません。インターネットにつながっているか確認してください ({reason})")) from None
        with response:
            fd, tmp = tempfile.mkstemp(prefix=f.name + ".", suffix=".part", dir=folder)
            h = hashlib.sha256()
            n = 0
            with os.fdopen(fd, "wb") as out:
                while True:
                    if cancel and cancel():
                        raise Cancelled(L("Download cancelled.", "ダウンロードを中止しました。"))
                    try:
                        block = response.read(CHUNK)
                    except (socket.timeout, ConnectionError, OSError) as e:
                        raise DownloadError(L(f"The connection to {host} broke off ({e}).",
                                              f"{host} との接続が途中で切れました ({e})。")) from None
                    if not block:
                        break
                    n += len(block)
                    if n > f.size:
                        raise DownloadError(L(
                            f"{f.name} from {host} is larger than expected ({f.size:,} bytes): not the right file.",
                            f"{host} の {f.name} が想定 ({f.size:,} バイト) より大きく、正しいファイルではありません。"))
                    h.update(block)
                    out.write(block)
                    on_bytes(n)
            if n != f.size or h.hexdigest() != f.sha256:
                raise DownloadError(L(
                    f"{f.name} from {host} is damaged or not the expected file (checksum mismatch); "
                    "nothing was saved. Try again.",
                    f"{host} の {f.name} が壊れているか、想定と違うファイルです (チェックサム不一致)。"
                    "何も保存していません。もう一度試してください。"))
            os.replace(tmp, folder / f.name)   # atomic: the file is whole or absent
            tmp = None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


# --- reading ---------------------------------------------------------------------------------------

_IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def read_idx(data: bytes, name: str = "file") -> np.ndarray:
    """An IDX file's array (already decompressed)."""
    bad = L(f"{name} is not an IDX file", f"{name} は IDX ファイルではありません")
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in _IDX_TYPES or data[3] == 0:
        raise DataError(bad)
    ndim = data[3]
    if len(data) < 4 + 4 * ndim:
        raise DataError(bad)
    dims = struct.unpack(f">{ndim}I", data[4:4 + 4 * ndim])
    dtype = np.dtype(_IDX_TYPES[data[2]])
    count = int(np.prod(dims, dtype=np.int64))
    body = data[4 + 4 * ndim:]
    if len(body) != count * dtype.itemsize:
        raise DataError(L(f"{name}: the header promises {dims} values but the file holds a different amount",
                          f"{name}: ヘッダーの大きさ {dims} とファイルの中身の量が合いません"))
    return np.frombuffer(body, dtype=dtype).reshape(dims)


def read_idx_gz(path: Path) -> np.ndarray:
    try:
        with gzip.open(path, "rb") as f:
            data = f.read()
    except (OSError, EOFError) as e:
        raise DataError(L(f"{path.name} cannot be decompressed ({e})", f"{path.name} を展開できません ({e})")) from None
    return read_idx(data, path.name)


def load_source(source: Source, cache_dir: str | Path, max_train: int | None = None) -> ImageSet:
    """The downloaded set as images (N, 1, H, W) uint8; the official test set is the validation part."""
    folder = folder_of(source, cache_dir)
    missing = [f.name for f in source.files if not (folder / f.name).is_file()]
    if missing:
        raise DataError(L(f"{source.name} is not downloaded yet (missing {', '.join(missing)}).",
                          f"{source.name} はまだダウンロードされていません ({', '.join(missing)} がありません)。"))
    arrays = [read_idx_gz(folder / f.name) for f in source.files]
    xtr, ytr, xte, yte = arrays
    for images, labels, what in ((xtr, ytr, "train"), (xte, yte, "test")):
        if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels) or images.dtype != np.uint8:
            raise DataError(L(f"{source.name}: the {what} images and labels do not belong together",
                              f"{source.name}: {what} の画像とラベルが対応していません"))
        if labels.size and (labels.min() < 0 or labels.max() >= len(source.class_names)):
            raise DataError(L(f"{source.name}: a label is outside 0..{len(source.class_names) - 1}",
                              f"{source.name}: 0..{len(source.class_names) - 1} の範囲外のラベルがあります"))
    if max_train is not None:
        xtr, ytr = xtr[:max_train], ytr[:max_train]
    return ImageSet(source.name, np.ascontiguousarray(xtr[:, None]), ytr.astype(np.int64),
                    np.ascontiguousarray(xte[:, None]), yte.astype(np.int64), source.class_names)
