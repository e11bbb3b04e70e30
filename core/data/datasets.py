"""Generated toy datasets: 2-D classification sets and a 1-D regression set.

Every generator takes the same settings (sample count, noise, seed) and returns raw arrays;
``make_dataset`` shuffles them with the seed and splits off a validation part, so the same
settings always give the same data (compare mode relies on that).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.i18n import L

CLASSIFICATION = "classification"
REGRESSION = "regression"


class DataError(ValueError):
    """A problem with the data that the learner can fix; the message is in their language."""


@dataclass(frozen=True)
class Dataset:
    """Train/validation arrays plus what the network must look like to fit them."""

    name: str
    task: str                      # CLASSIFICATION or REGRESSION
    x_train: np.ndarray            # (N, F) float32
    y_train: np.ndarray            # (N,) int64 class ids, or (N, 1) float32 targets
    x_val: np.ndarray
    y_val: np.ndarray
    n_classes: int = 0             # 0 for regression
    feature_names: tuple[str, ...] = ()
    class_names: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)   # e.g. standardisation stats for CSV data

    @property
    def n_features(self) -> int:
        return int(self.x_train.shape[1])

    @property
    def input_size(self) -> int:
        return self.n_features

    @property
    def input_shape(self) -> tuple[int, ...]:
        """What one sample looks like to the network (``ImageSet`` has (C, H, W) here)."""
        return (self.n_features,)

    @property
    def output_size(self) -> int:
        """Units the last layer needs: one per class (logits) or one per regression target."""
        return self.n_classes if self.task == CLASSIFICATION else int(self.y_train.shape[1])

    @property
    def is_2d(self) -> bool:
        return self.n_features == 2


# --- generators: each returns x (N, F) float64 and y (N,) int or (N, 1) float ---------------

def _spiral(n, noise, rng, classes=3):
    # classes arms winding out from the centre, each 1.75 turns (CS231n's spiral)
    per = _split_count(n, classes)
    xs, ys = [], []
    for c, k in enumerate(per):
        r = np.linspace(0.05, 1.0, k)
        t = np.linspace(c * 2 * np.pi / classes, c * 2 * np.pi / classes + 3.5 * np.pi, k)
        t = t + rng.normal(0, noise * 2.0, k)
        xs.append(np.stack([r * np.sin(t), r * np.cos(t)], 1))
        ys.append(np.full(k, c))
    return np.concatenate(xs), np.concatenate(ys)


def _circles(n, noise, rng):
    inner, outer = _split_count(n, 2)
    t0 = rng.uniform(0, 2 * np.pi, outer)
    t1 = rng.uniform(0, 2 * np.pi, inner)
    x = np.concatenate([np.stack([np.cos(t0), np.sin(t0)], 1),
                        0.5 * np.stack([np.cos(t1), np.sin(t1)], 1)])
    x = x + rng.normal(0, noise, x.shape)
    y = np.concatenate([np.zeros(outer), np.ones(inner)])
    return x, y


def _xor(n, noise, rng):
    x = rng.uniform(-1, 1, (n, 2))
    # keep points off the axes so the four quadrants are clearly separated
    x = x + np.sign(x) * 0.05
    y = ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(int)
    return x + rng.normal(0, noise, x.shape), y


def _blobs(n, noise, rng, classes=3):
    angles = 2 * np.pi * np.arange(classes) / classes + np.pi / 2
    centres = 0.7 * np.stack([np.cos(angles), np.sin(angles)], 1)
    per = _split_count(n, classes)
    y = np.concatenate([np.full(k, c) for c, k in enumerate(per)])
    x = centres[y] + rng.normal(0, 0.15 + noise, (n, 2))
    return x, y


def _moons(n, noise, rng):
    a, b = _split_count(n, 2)
    t0 = np.linspace(0, np.pi, a)
    t1 = np.linspace(0, np.pi, b)
    x = np.concatenate([np.stack([np.cos(t0), np.sin(t0)], 1),
                        np.stack([1 - np.cos(t1), 0.5 - np.sin(t1)], 1)])
    x = (x - [0.5, 0.25]) * [0.8, 1.2]   # centre on the origin
    x = x + rng.normal(0, noise, x.shape)
    return x, np.concatenate([np.zeros(a), np.ones(b)])


def _sine(n, noise, rng):
    x = rng.uniform(-np.pi, np.pi, (n, 1))
    y = np.sin(x) + rng.normal(0, noise, (n, 1))
    return x, y


def _split_count(n, parts):
    """n items over `parts` groups as evenly as possible."""
    return [n // parts + (1 if i < n % parts else 0) for i in range(parts)]


# name -> (generator, task, n_classes)
DATASETS = {
    "spiral": (_spiral, CLASSIFICATION, 3),
    "circles": (_circles, CLASSIFICATION, 2),
    "xor": (_xor, CLASSIFICATION, 2),
    "blobs": (_blobs, CLASSIFICATION, 3),
    "moons": (_moons, CLASSIFICATION, 2),
    "sine": (_sine, REGRESSION, 0),
    # real tables shipped with scikit-learn (core/data/sklearn_sets.py): fixed samples, standardised
    "iris": (None, CLASSIFICATION, 3),
    "wine": (None, CLASSIFICATION, 3),
    "breast_cancer": (None, CLASSIFICATION, 2),
}

MIN_SAMPLES, MAX_SAMPLES = 10, 100_000


def dataset_title(name: str) -> str:
    """Human name of a generated dataset, in the current language."""
    return {
        "spiral": L("Spiral (3 classes)", "渦巻き（3クラス）"),
        "circles": L("Circles (2 classes)", "同心円（2クラス）"),
        "xor": L("XOR (2 classes)", "XOR（2クラス）"),
        "blobs": L("Gaussian blobs (3 classes)", "ガウス分布の塊（3クラス）"),
        "moons": L("Moons (2 classes)", "三日月（2クラス）"),
        "sine": L("Noisy sine (regression)", "ノイズ付きサイン波（回帰）"),
        "iris": L("Iris flowers (150, 4 features, 3 species)", "アヤメ（150件、特徴量4、3品種）"),
        "wine": L("Wine (178, 13 features, 3 cultivars)", "ワイン（178件、特徴量13、3品種）"),
        "breast_cancer": L("Breast cancer (569, 30 features, 2 classes)", "乳がん（569件、特徴量30、2クラス）"),
    }.get(name, name)


def make_dataset(name: str, n_samples: int = 400, noise: float = 0.1,
                 val_fraction: float = 0.2, seed: int = 0) -> Dataset:
    """Generate dataset `name`, shuffle it with `seed` and split off `val_fraction` for validation."""
    if name not in DATASETS:
        raise DataError(L(f"Unknown dataset '{name}'. Choose one of: {', '.join(DATASETS)}.",
                          f"データセット「{name}」はありません。次から選んでください: {', '.join(DATASETS)}"))
    if not MIN_SAMPLES <= int(n_samples) <= MAX_SAMPLES:
        raise DataError(L(f"Sample count must be between {MIN_SAMPLES} and {MAX_SAMPLES}.",
                          f"サンプル数は {MIN_SAMPLES}〜{MAX_SAMPLES} にしてください。"))
    if not 0.0 <= float(val_fraction) < 1.0:
        raise DataError(L("The validation share must be at least 0 and below 1.",
                          "検証データの割合は 0 以上 1 未満にしてください。"))
    if float(noise) < 0:
        raise DataError(L("Noise cannot be negative.", "ノイズは負にできません。"))
    gen, task, n_classes = DATASETS[name]
    if gen is None:   # a real table: the sample count and noise settings do not apply
        from core.data.sklearn_sets import table_dataset
        return table_dataset(name, float(val_fraction), seed)
    rng = np.random.default_rng(seed)
    x, y = gen(int(n_samples), float(noise), rng)
    if task == CLASSIFICATION:
        y = y.astype(np.int64)
        class_names = tuple(str(c) for c in range(n_classes))
    else:
        y = y.astype(np.float32).reshape(len(y), -1)
        class_names = ()
    x = x.astype(np.float32)
    names = ("x",) if x.shape[1] == 1 else ("x1", "x2")
    return split(name, task, x, y, val_fraction, seed, n_classes, names, class_names)


def split(name, task, x, y, val_fraction, seed, n_classes=0, feature_names=(), class_names=(),
          extra=None) -> Dataset:
    """Shuffle with `seed` and cut off the validation share (at least one sample if it is > 0)."""
    n = len(x)
    order = np.random.default_rng(seed + 1).permutation(n)
    n_val = int(round(n * val_fraction))
    if val_fraction > 0:
        n_val = min(max(n_val, 1), n - 1)
    val, train = order[:n_val], order[n_val:]
    return Dataset(name=name, task=task, x_train=x[train], y_train=y[train],
                   x_val=x[val], y_val=y[val], n_classes=n_classes,
                   feature_names=tuple(feature_names), class_names=tuple(class_names),
                   extra=dict(extra or {}))
