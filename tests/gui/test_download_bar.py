"""The download bar: a worker thread downloads from a loopback server; progress, done, cancel."""
from tests.core.test_data_download import _Server, _leftovers, _source, files  # noqa: F401 - fixture

from core.data.download import is_downloaded
from gui.images.download import DownloadBar


def test_download_then_cancel(qtbot, files, tmp_path, monkeypatch):
    server = _Server(files)
    try:
        source = _source(files, [server.url + "/ok/"])
        bar = DownloadBar()
        qtbot.addWidget(bar)
        bar.offer(source, str(tmp_path), "MNIST", "11 MB")
        assert bar.isVisible() and bar.button.text() == "Download MNIST (11 MB)"
        with qtbot.waitSignal(bar.finished, timeout=10_000) as done:
            bar.button.click()
            assert bar.is_running() and bar.progress.isVisible() and not bar.button.isVisible()
        assert done.args == [True, ""] and not bar.isVisible() and not bar.is_running()
        assert is_downloaded(source, tmp_path) and bar.progress.value() == 100
        # cancel: the worker stops at its next chunk and nothing half-written stays
        monkeypatch.setattr("core.data.download.CHUNK", 8)
        other = tmp_path / "other"
        bar.offer(source, str(other), "MNIST", "11 MB")
        server.fail_after = None
        with qtbot.waitSignal(bar.finished, timeout=10_000) as done:
            bar.start()
            bar.cancel()
        assert done.args == [False, "Download cancelled."] and bar.label.text() == "Download cancelled."
        assert bar.button.isVisible()
        assert not is_downloaded(source, other)
        assert not any(p.name.endswith(".part") for p in other.rglob("*"))
    finally:
        server.close()
