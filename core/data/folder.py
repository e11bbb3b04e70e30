"""The learner's own pictures: a folder with one subfolder per class.

    my_pictures/
        cat/   a.jpg b.png ...
        dog/   c.jpg ...

Every file is decoded with Pillow, turned upright (phone photos store their rotation in EXIF),
converted to grayscale or RGB and resized to size×size. A file Pillow cannot read is listed in
``ImageSet.extra["skipped"]`` with the reason and left out; that is never fatal. A folder with
fewer than two classes that have pictures is refused with a message that says what to do.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np

from core.data.datasets import CLASSIFICATION, DataError, split
from core.data.images import ImageSet
from core.i18n import L

MAX_FILES = 20_000          # a teaching app trains in seconds; more would take minutes to decode
MAX_PIXELS = 40_000_000     # one picture: larger is refused (Pillow's "decompression bomb" guard)
MIN_SIZE, MAX_SIZE = 4, 256
COLORS = ("gray", "rgb")


def load_folder(path: str | Path, size: int = 28, color: str = "gray", val_fraction: float = 0.2,
                seed: int = 0) -> ImageSet:
    from PIL import Image, ImageOps

    root = Path(path)
    if not root.is_dir():
        raise DataError(L(f"Folder not found: {root}", f"フォルダが見つかりません: {root}"))
    if color not in COLORS:
        raise DataError(L("Colour must be gray or rgb.", "色は gray か rgb です。"))
    if not MIN_SIZE <= int(size) <= MAX_SIZE:
        raise DataError(L(f"The picture size must be between {MIN_SIZE} and {MAX_SIZE} pixels.",
                          f"画像の大きさは {MIN_SIZE}〜{MAX_SIZE} ピクセルにしてください。"))
    classes = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not classes:
        raise DataError(L(
            f"{root.name} has no subfolders. Put the pictures of each class in a subfolder named "
            "after the class (e.g. cat/, dog/).",
            f"{root.name} にサブフォルダがありません。クラスごとに、クラス名のサブフォルダに画像を入れてください"
            "（例: cat/、dog/）。"))
    files = [(c, f) for c in classes for f in sorted(c.rglob("*")) if f.is_file() and not f.name.startswith(".")]
    if len(files) > MAX_FILES:
        raise DataError(L(f"Too many files ({len(files):,}; the limit is {MAX_FILES:,}). Use a sample.",
                          f"ファイルが多すぎます（{len(files):,} 個、上限は {MAX_FILES:,} 個）。一部を使ってください。"))

    mode = "L" if color == "gray" else "RGB"
    images, labels, skipped = [], [], []
    per_class = {c.name: 0 for c in classes}
    old_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        for cls, f in files:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error", Image.DecompressionBombWarning)
                    with Image.open(f) as img:
                        img = ImageOps.exif_transpose(img).convert(mode).resize((size, size), Image.BILINEAR)
                        a = np.asarray(img, dtype=np.uint8)
            except Exception as e:       # any undecodable file is skipped, never fatal
                skipped.append((str(f.relative_to(root)), _reason(e)))
                continue
            images.append(a[None] if a.ndim == 2 else a.transpose(2, 0, 1))   # (C, H, W)
            labels.append(cls.name)
            per_class[cls.name] += 1
    finally:
        Image.MAX_IMAGE_PIXELS = old_limit

    names = tuple(n for n, k in per_class.items() if k > 0)
    empty = [n for n, k in per_class.items() if k == 0]
    if not names:
        raise DataError(L(f"No readable pictures in {root.name}"
                          + (f" ({len(skipped)} file(s) could not be read)." if skipped else "."),
                          f"{root.name} に読める画像がありません"
                          + (f"（{len(skipped)} 個のファイルが読めませんでした）。" if skipped else "。")))
    if len(names) < 2:
        raise DataError(L(
            f"Only one class has pictures ({names[0]}); a classifier needs at least two subfolders with pictures.",
            f"画像があるクラスが 1 つ（{names[0]}）だけです。分類には画像の入ったサブフォルダが 2 つ以上必要です。"))
    if len(images) < 4:
        raise DataError(L("Need at least 4 pictures to train and validate.",
                          "学習と検証には少なくとも 4 枚の画像が必要です。"))
    index = {n: i for i, n in enumerate(names)}
    x = np.stack(images)
    y = np.array([index[n] for n in labels], dtype=np.int64)
    ds = split(root.name, CLASSIFICATION, x, y, val_fraction, seed, len(names), (), names)
    return ImageSet(root.name, ds.x_train, ds.y_train, ds.x_val, ds.y_val, names,
                    {"skipped": skipped, "empty_classes": empty, "per_class": {n: per_class[n] for n in names},
                     "folder": str(root)})


def _reason(e: Exception) -> str:
    from PIL import Image, UnidentifiedImageError

    if isinstance(e, UnidentifiedImageError):
        return L("not a picture Pillow can read", "Pillow で読める画像ではありません")
    if isinstance(e, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        return L("too large", "大きすぎます")
    if isinstance(e, OSError):
        return L(f"damaged or unreadable ({e.strerror or e})", f"壊れているか読めません ({e.strerror or e})")
    return f"{type(e).__name__}: {e}"
