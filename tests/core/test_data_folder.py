"""The learner's own pictures (core/data/folder.py): one subfolder per class, decoded with Pillow."""
import numpy as np
import pytest
from PIL import Image

from core import i18n
from core.data.datasets import DataError
from core.data.images import load_images
from core.data.folder import load_folder


def _picture(path, value, size=(20, 10), mode="L"):
    path.parent.mkdir(parents=True, exist_ok=True)
    color = value if mode == "L" else (value, 0, 255 - value)
    Image.new(mode, size, color).save(path)


@pytest.fixture
def pictures(tmp_path):
    root = tmp_path / "shapes"
    for i in range(4):
        _picture(root / "dark" / f"d{i}.png", 10)
        _picture(root / "light" / f"l{i}.jpg", 240, mode="RGB")
    (root / "light" / "notes.txt").write_text("not a picture")
    (root / "dark" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (root / "dark" / ".DS_Store").write_bytes(b"hidden files are ignored")
    return root


def test_a_folder_becomes_resized_labelled_images(pictures):
    images = load_folder(pictures, size=12, color="gray", val_fraction=0.25, seed=0)
    assert images.class_names == ("dark", "light") and images.input_shape == (1, 12, 12)
    assert len(images.x_train) == 6 and len(images.x_val) == 2      # 8 readable, a quarter for validation
    x = np.concatenate([images.x_train, images.x_val])
    y = np.concatenate([images.y_train, images.y_val])
    assert x.dtype == np.uint8
    assert np.all(x[y == 0] == 10)
    # RGB (240, 0, 15) in grayscale: L = 0.299·240 + 0.587·0 + 0.114·15 = 73.5 → 73 or 74 after JPEG
    assert np.all(np.abs(x[y == 1].astype(int) - 73) <= 3)
    assert sorted(name for name, _ in images.extra["skipped"]) == ["dark/broken.png", "light/notes.txt"]
    assert dict(images.extra["skipped"])["light/notes.txt"] == "not a picture Pillow can read"
    assert images.extra["per_class"] == {"dark": 4, "light": 4}


def test_rgb_keeps_three_channels(pictures):
    images = load_images("folder", folder=pictures, size=8, color="rgb")
    assert images.input_shape == (3, 8, 8)
    light = np.concatenate([images.x_train, images.x_val])[np.concatenate([images.y_train, images.y_val]) == 1]
    assert abs(int(light[0, 0].mean()) - 240) <= 3 and light[0, 1].max() <= 3   # red high, green ~0


def test_one_class_is_refused_with_what_to_do(tmp_path):
    for i in range(3):
        _picture(tmp_path / "only" / "cat" / f"{i}.png", 50)
    (tmp_path / "only" / "dog").mkdir()
    with pytest.raises(DataError) as e:
        load_folder(tmp_path / "only")
    assert str(e.value) == ("Only one class has pictures (cat); a classifier needs at least two subfolders "
                            "with pictures.")


def test_empty_and_flat_folders_are_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match="has no subfolders"):
        load_folder(tmp_path / "empty")
    (tmp_path / "junk" / "a").mkdir(parents=True)
    (tmp_path / "junk" / "a" / "x.png").write_bytes(b"nope")
    (tmp_path / "junk" / "b").mkdir()
    with pytest.raises(DataError, match=r"No readable pictures in junk \(1 file\(s\) could not be read\)"):
        load_folder(tmp_path / "junk")
    with pytest.raises(DataError, match="Folder not found"):
        load_folder(tmp_path / "nowhere")
    i18n.set_language("ja")
    with pytest.raises(DataError, match="サブフォルダがありません"):
        load_folder(tmp_path / "empty")


def test_phone_rotation_is_undone(tmp_path):
    # a 20×10 picture stored with EXIF orientation 6 (rotate 90°) is 10 wide × 20 high upright
    root = tmp_path / "rot"
    img = Image.new("L", (20, 10), 0)
    img.paste(255, (0, 0, 10, 10))          # left half white
    exif = Image.Exif()
    exif[0x0112] = 6
    (root / "a").mkdir(parents=True)
    img.save(root / "a" / "p.jpg", exif=exif.tobytes(), quality=100)
    _picture(root / "b" / "q.png", 0)
    for i in range(3):
        _picture(root / "b" / f"r{i}.png", 0)
    images = load_folder(root, size=20, val_fraction=0.25, seed=0)
    x = np.concatenate([images.x_train, images.x_val])[np.concatenate([images.y_train, images.y_val]) == 0][0, 0]
    # upright, the white half is on top (rows 0..9), not on the left
    assert x[:8].mean() > 200 and x[12:].mean() < 50
