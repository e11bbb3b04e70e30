"""The training page on pictures: choose digits, fit the network's input in one click, train a CNN in
the training process, see the image views fill, ask the draw pad; MNIST offers its download."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.templates import TEMPLATES
from core.training.config import TrainConfig


@pytest.fixture
def page(training_page, tmp_path, monkeypatch):
    monkeypatch.setattr("gui.training.data_source.data_folder", lambda: str(tmp_path / "datasets"))
    return training_page(TEMPLATES["cnn_28"].make(),                  # made for 28×28
                         TrainConfig(dataset="moons", epochs=2, batch_size=32, lr=3e-3))


def test_digits_fit_train_and_every_image_view_fills(qtbot, page):
    page.select_dataset("digits")
    assert page.data.input_shape == (1, 8, 8)
    assert "1438 training and 359 validation pictures of 1×8×8" in \
        page.message.text()
    assert not page.settings.samples.isEnabled() and not page.settings.noise.isEnabled()
    # the network was made for 28×28: the page says so and fixes it in one click
    assert "(1, 28, 28)" in page.network_box.fit_label.text() and page.network_box.fit_button.isVisible()
    qtbot.mouseClick(page.network_box.fit_button, Qt.LeftButton)
    assert page.document.spec().input_shape == (1, 8, 8) and not page.network_box.fit_label.isVisible()
    qtbot.mouseClick(page.start_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60_000)
    assert "Finished 2 epochs" in page.message.text(), page.message.text()
    ep, acc = page.acc_plot.runs[0]["epochs"].data()
    assert ep[-1] == 2 and acc[-1] > 0.5                       # a CNN learns digits within 2 epochs
    board = page.board
    for name in ("samples", "confusion", "per_class", "mistakes", "feature_maps", "filters"):
        board.setCurrentIndex([board.tabText(i) for i in range(board.count())].index(
            {"samples": "Pictures", "confusion": "Pictures", "per_class": "Pictures", "mistakes": "Pictures",
             "feature_maps": "Feature maps and filters", "filters": "Feature maps and filters"}[name]))
        board.redraw_visible()
    assert board.confusion.matrix.sum() == 359
    assert len(board.samples.body.tiles) == 16 and len(board.filters.body.tiles) == 16
    assert [len(g.tiles) for _, g in board.feature_maps.grids] == [16, 16]
    # after the run, choosing another held-out picture redraws its feature maps with the trained network
    fm = board.feature_maps
    fm.picture.setValue(5)
    assert fm.title.text().startswith(f"Held-out picture #5, a {page.data.y_val[5]}:")
    assert np.array_equal(fm.sample_view.array, page.data.x_val[5, 0])
    # the draw pad asks the trained network
    pad = board.draw_pad
    assert pad.model is not None and pad.side == 8
    pad.update_prediction()
    assert pad.last_probs is None and pad.probs.values is None          # blank paper: nothing to ask yet
    from PySide6.QtCore import QPointF
    pad.canvas.draw_segment(QPointF(140, 40), QPointF(140, 240))
    pad.update_prediction()
    assert abs(float(pad.last_probs.sum()) - 1) < 1e-5


def test_mnist_offers_its_download_and_nothing_is_trained_without_it(qtbot, page):
    page.select_dataset("mnist")
    assert page.data is None
    assert "not on this computer yet" in page.message.text()
    assert page.download_bar.isVisible() and page.download_bar.button.text() == "Download MNIST handwritten digits 28×28 (70,000) (11 MB)"
    page.select_dataset("digits")
    assert not page.download_bar.isVisible()


def test_a_folder_of_pictures(qtbot, page, tmp_path):
    from PIL import Image
    for cls, value in (("dark", 20), ("light", 230)):
        for i in range(5):
            (tmp_path / "pics" / cls).mkdir(parents=True, exist_ok=True)
            Image.new("L", (30, 20), value).save(tmp_path / "pics" / cls / f"{i}.png")
    (tmp_path / "pics" / "dark" / "broken.jpg").write_bytes(b"no")
    page.select_dataset("folder")
    assert page.data is None and "Choose a folder" in page.message.text()
    assert page.settings.folder_button.isVisible()
    page.settings.image_size.setValue(12)
    page.settings.set_image_folder(str(tmp_path / "pics"))
    assert page.data.input_shape == (1, 12, 12) and page.data.class_names == ("dark", "light")
    assert "Skipped 1 file(s) that could not be read: dark/broken.jpg" in page.message.text()
