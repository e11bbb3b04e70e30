"""Downloads (core/data/download.py) against a loopback HTTP server serving small generated IDX files.

Never the internet: the server runs in a thread on 127.0.0.1 and counts the requests it answers.
"""
import gzip
import hashlib
import http.server
import socket
import struct
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from core import i18n
from core.data.datasets import DataError
from core.data.download import (SOURCES, Cancelled, DownloadError, RemoteFile, Source, download, is_downloaded,
                                load_source, read_idx)
from core.data.images import load_images


def _idx(array: np.ndarray) -> bytes:
    code = {np.dtype(np.uint8): 0x08}[array.dtype]
    return bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape) + array.tobytes()


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


@pytest.fixture
def files():
    """A tiny MNIST: 12 train and 5 test images of 28×28, pixel value = 10·label + row."""
    rng = np.random.default_rng(0)
    out = {}
    for prefix, n in (("train", 12), ("t10k", 5)):
        labels = rng.integers(0, 10, n).astype(np.uint8)
        images = (labels[:, None, None] * 10 + np.arange(28, dtype=np.uint8)[None, :, None]
                  + np.zeros((1, 1, 28), np.uint8)).astype(np.uint8)
        out[f"{prefix}-images-idx3-ubyte.gz"] = _gz(_idx(images))
        out[f"{prefix}-labels-idx1-ubyte.gz"] = _gz(_idx(labels))
    return out


class _Server:
    def __init__(self, files: dict[str, bytes]):
        self.files = dict(files)
        self.requests: list[str] = []
        self.fail_after: int | None = None   # close the connection after this many bytes
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                name = self.path.rsplit("/", 1)[-1]
                if not self.path.startswith("/ok/") or name not in server.files:
                    self.send_error(404, "Not Found")
                    return
                body = server.files[name]
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.fail_after is not None:
                    self.wfile.write(body[:server.fail_after])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server(files):
    s = _Server(files)
    yield s
    s.close()


def _source(files, mirrors, **corrupt) -> Source:
    def rf(name):
        body = files[name]
        return RemoteFile(name, len(body), corrupt.get(name, hashlib.sha256(body).hexdigest()))
    return replace(SOURCES["mnist"], mirrors=tuple(mirrors),
                   train_images=rf("train-images-idx3-ubyte.gz"), train_labels=rf("train-labels-idx1-ubyte.gz"),
                   test_images=rf("t10k-images-idx3-ubyte.gz"), test_labels=rf("t10k-labels-idx1-ubyte.gz"))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_download_checks_caches_and_reads_the_images(files, server, tmp_path):
    source = _source(files, [server.url + "/missing/", server.url + "/ok/"])   # the first mirror 404s
    seen = []
    folder = download(source, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert folder == tmp_path / "mnist"
    assert _leftovers(folder) == sorted(files)          # no .part files left
    total = sum(len(b) for b in files.values())
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))   # never goes backwards
    assert is_downloaded(source, tmp_path)
    assert len(server.requests) == 8                    # 4 files × (one 404 + one success)

    images = load_source(source, tmp_path)
    assert images.x_train.shape == (12, 1, 28, 28) and images.x_val.shape == (5, 1, 28, 28)
    assert images.x_train.dtype == np.uint8 and images.input_shape == (1, 28, 28)
    # pixel (row r) = 10·label + r, as generated
    assert images.x_train[3, 0, 7, 0] == 10 * images.y_train[3] + 7
    assert images.class_names == tuple("0123456789") and images.n_classes == 10

    # a second call finds everything cached and asks the server nothing
    download(source, tmp_path)
    assert len(server.requests) == 8


def test_a_damaged_download_leaves_nothing_and_says_so(files, server, tmp_path):
    source = _source(files, [server.url + "/ok/"], **{"t10k-labels-idx1-ubyte.gz": "0" * 64})
    with pytest.raises(DownloadError) as e:
        download(source, tmp_path)
    assert "t10k-labels-idx1-ubyte.gz from 127.0.0.1" in str(e.value) and "checksum mismatch" in str(e.value)
    # the three good files are kept (whole and checked); the bad one and any .part are gone
    assert _leftovers(tmp_path / "mnist") == sorted(set(files) - {"t10k-labels-idx1-ubyte.gz"})
    assert not is_downloaded(source, tmp_path)
    with pytest.raises(DataError, match="mnist is not downloaded yet"):
        load_source(source, tmp_path)


def test_a_broken_connection_leaves_nothing_half_written(files, server, tmp_path):
    server.fail_after = 40
    source = _source(files, [server.url + "/ok/"])
    with pytest.raises(DownloadError):
        download(source, tmp_path, timeout=5)
    assert _leftovers(tmp_path / "mnist") == []


def test_cancel_stops_and_leaves_nothing(files, server, tmp_path, monkeypatch):
    monkeypatch.setattr("core.data.download.CHUNK", 16)   # many chunks per file
    source = _source(files, [server.url + "/ok/"])
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2          # cancel after 32 bytes of the first file
    with pytest.raises(Cancelled, match="Download cancelled"):
        download(source, tmp_path, cancel=cancel)
    assert _leftovers(tmp_path / "mnist") == []


def test_offline_gives_a_clear_message(files, tmp_path):
    with socket.socket() as s:                     # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    source = _source(files, [f"http://127.0.0.1:{port}/"])
    with pytest.raises(DownloadError, match=r"Could not reach 127\.0\.0\.1:\d+: are you online\?"):
        download(source, tmp_path, timeout=5)
    assert _leftovers(tmp_path) == []
    i18n.set_language("ja")
    with pytest.raises(DownloadError, match="インターネットにつながっているか"):
        download(source, tmp_path, timeout=5)


def test_load_images_reads_the_cache_and_limits_the_training_part(files, server, tmp_path, monkeypatch):
    source = _source(files, [server.url + "/ok/"])
    download(source, tmp_path)
    monkeypatch.setitem(SOURCES, "mnist", source)
    images = load_images("mnist", cache_dir=tmp_path, max_train=7)
    assert images.x_train.shape == (7, 1, 28, 28) and len(images.y_val) == 5


def test_read_idx_refuses_what_is_not_idx():
    good = _idx(np.arange(6, dtype=np.uint8).reshape(2, 3))
    assert read_idx(good).tolist() == [[0, 1, 2], [3, 4, 5]]
    with pytest.raises(DataError, match="not an IDX file"):
        read_idx(b"<html>Not found</html>")
    with pytest.raises(DataError, match=r"header promises \(2, 3\) values"):
        read_idx(good[:-1])


def test_the_real_sources_are_pinned():
    # sizes and SHA-256 sums of the published files; MNIST is the "11 MB" download
    mnist = SOURCES["mnist"]
    assert mnist.total_bytes == 9_912_422 + 28_881 + 1_648_877 + 4_542
    assert round(mnist.total_bytes / 2**20) == 11
    for s in SOURCES.values():
        assert all(len(f.sha256) == 64 for f in s.files) and len(s.class_names) == 10
        assert all(m.endswith("/") for m in s.mirrors)
