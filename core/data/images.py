"""Image data sets: what a CNN trains on, as (N, C, H, W) arrays, plus where each comes from.

``IMAGE_SETS`` is the registry (one entry per source): scikit-learn's 8×8 digits (offline),
MNIST and Fashion-MNIST (downloaded on request by ``core.data.download``) and the learner's own
folder of pictures (``core.data.folder``). ``load_images(name, ...)`` gives an ``ImageSet``.

Pixels are kept as uint8 (0..255) when the source has them (60,000 MNIST images are 47 MB as
bytes, 188 MB as float32) and as float32 in [0, 1] otherwise; ``to_tensor`` turns either into
a float tensor in [0, 1] with ``torch.from_numpy``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core.data.datasets import CLASSIFICATION, DataError, split
from core.i18n import L

DIGIT_NAMES = tuple(str(d) for d in range(10))
FASHION_NAMES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                 "Ankle boot")


@dataclass(frozen=True)
class ImageSet:
    """Train/validation images (N, C, H, W) and labels (N,) int64."""

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    class_names: tuple[str, ...]
    extra: dict = field(default_factory=dict)   # e.g. skipped files of a folder
    task: str = CLASSIFICATION

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return tuple(int(d) for d in self.x_train.shape[1:])  # type: ignore[return-value]

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    @property
    def output_size(self) -> int:
        return self.n_classes

    @property
    def channels(self) -> int:
        return self.input_shape[0]

    # what the tabular side of the app asks any data set (plots, fit checks)
    @property
    def n_features(self) -> int:
        """Values per picture (C·H·W)."""
        return int(np.prod(self.input_shape))

    input_size = n_features
    is_2d = False
    feature_names: tuple[str, ...] = ()


def to_float(x: np.ndarray) -> np.ndarray:
    """Pixels in [0, 1] as float32, whatever the stored dtype."""
    return (x.astype(np.float32) / 255.0) if x.dtype == np.uint8 else x.astype(np.float32, copy=False)


def to_tensor(x: np.ndarray):
    """ndarray → float tensor in [0, 1] (``torch.from_numpy`` shares the array's memory)."""
    import torch

    t = torch.from_numpy(np.ascontiguousarray(x))
    return t.float().div_(255.0) if x.dtype == np.uint8 else t.float()


def digits(val_fraction: float = 0.2, seed: int = 0) -> ImageSet:
    """scikit-learn's 1,797 handwritten digits, 8×8 pixels with 17 gray levels (0..16 → 0..1)."""
    from core.data.sklearn_sets import load_digits

    x, y = load_digits()
    x = (x / 16.0).astype(np.float32)[:, None]      # (N, 1, 8, 8)
    ds = split("digits", CLASSIFICATION, x, y, val_fraction, seed, 10, (), DIGIT_NAMES)
    return ImageSet("digits", ds.x_train, ds.y_train, ds.x_val, ds.y_val, DIGIT_NAMES,
                    {"code": "from sklearn.datasets import load_digits\n"
                             "digits = load_digits()                 # ndarray (1797, 64), values 0..16\n"
                             "x = torch.from_numpy(digits.images / 16).float().unsqueeze(1)  # (N, 1, 8, 8)\n"
                             "y = torch.from_numpy(digits.target)"})


@dataclass(frozen=True)
class ImageSource:
    name: str
    title_en: str
    title_ja: str
    needs: str           # "" (ready), "download" (a cache folder) or "folder" (the learner's folder)
    size_text: str = ""  # what a download costs, e.g. "11 MB"

    @property
    def title(self) -> str:
        return L(self.title_en, self.title_ja)


IMAGE_SETS: dict[str, ImageSource] = {s.name: s for s in [
    ImageSource("digits", "Handwritten digits 8×8 (scikit-learn, 1,797)",
                "手書き数字 8×8（scikit-learn、1,797枚）", ""),
    ImageSource("mnist", "MNIST handwritten digits 28×28 (70,000)", "MNIST 手書き数字 28×28（70,000枚）",
                "download", "11 MB"),
    ImageSource("fashion_mnist", "Fashion-MNIST clothes 28×28 (70,000)", "Fashion-MNIST 衣類 28×28（70,000枚）",
                "download", "30 MB"),
    ImageSource("folder", "My pictures (a folder with one subfolder per class)",
                "自分の画像（クラスごとのサブフォルダがあるフォルダ）", "folder"),
]}


def load_images(name: str, *, cache_dir: str | Path | None = None, folder: str | Path | None = None,
                val_fraction: float = 0.2, seed: int = 0, size: int = 28, color: str = "gray",
                max_train: int | None = None) -> ImageSet:
    """The image set ``name`` of ``IMAGE_SETS``.

    MNIST-like sets come from ``cache_dir`` (downloaded first with ``core.data.download``) and use
    their official test set for validation; ``max_train`` keeps the first N training images.
    A folder is resized to ``size``×``size`` in ``color`` ("gray" or "rgb").
    """
    if name not in IMAGE_SETS:
        raise DataError(L(f"Unknown image set '{name}'. Choose one of: {', '.join(IMAGE_SETS)}.",
                          f"画像データセット「{name}」はありません。次から選んでください: {', '.join(IMAGE_SETS)}"))
    if not 0.0 < float(val_fraction) < 1.0 and name in ("digits", "folder"):
        raise DataError(L("The validation share must be above 0 and below 1.",
                          "検証データの割合は 0 より大きく 1 未満にしてください。"))
    if name == "digits":
        return digits(val_fraction, seed)
    if name == "folder":
        if folder is None:
            raise DataError(L("Choose a folder of pictures first.", "先に画像のフォルダを選んでください。"))
        from core.data.folder import load_folder
        return load_folder(folder, size=size, color=color, val_fraction=val_fraction, seed=seed)
    if cache_dir is None:
        raise DataError(L("No folder to keep downloaded data in was given.",
                          "ダウンロードしたデータを置くフォルダが指定されていません。"))
    from core.data.download import SOURCES, load_source
    return load_source(SOURCES[name], cache_dir, max_train=max_train)



def prepare_drawing(ink: np.ndarray, side: int) -> np.ndarray:
    """A drawing (H, W) with ink in [0, 1] as the network sees it: (side, side) in [0, 1].

    Like the data sets were made: the stroke's bounding box is scaled to fit (keeping its aspect)
    and centred on its centre of mass; 28×28 sets (MNIST) keep a 4-pixel border as MNIST does,
    small ones (the 8×8 digits) fill the square. Pixels are area averages, so thin strokes give
    grey values like the real pictures.
    """
    ink = np.asarray(ink, dtype=np.float32)
    out = np.zeros((side, side), np.float32)
    rows, cols = np.flatnonzero(ink.max(1) > 0), np.flatnonzero(ink.max(0) > 0)
    if not len(rows):
        return out
    crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    margin = 0 if side <= 8 else round(side * 4 / 28)
    inner = side - 2 * margin
    k = 4                                              # supersampling: each output pixel averages k×k samples
    h, w = crop.shape
    scale = inner * k / max(h, w)
    th, tw = max(1, round(h * scale)), max(1, round(w * scale))
    # nearest sampling of the crop at (th, tw), then k×k block means
    ys = np.minimum((np.arange(th) + 0.5) / scale, h - 1).astype(int)
    xs = np.minimum((np.arange(tw) + 0.5) / scale, w - 1).astype(int)
    big = np.zeros((side * k, side * k), np.float32)
    sample = crop[ys][:, xs]
    total = sample.sum()
    cy = (sample.sum(1) @ np.arange(th)) / total if total else th / 2
    cx = (sample.sum(0) @ np.arange(tw)) / total if total else tw / 2
    top = int(round(side * k / 2 - cy))
    left = int(round(side * k / 2 - cx))
    top = min(max(top, 0), side * k - th)
    left = min(max(left, 0), side * k - tw)
    big[top:top + th, left:left + tw] = sample
    return big.reshape(side, k, side, k).mean(axis=(1, 3))
