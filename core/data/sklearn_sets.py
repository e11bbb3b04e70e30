"""Real data sets that ship inside scikit-learn: handwritten digits, iris, wine, breast cancer.

``import sklearn`` takes 3–4 s here (it pulls in scipy), longer than training a CNN on the digits,
so this module never imports it at all on the usual path: it reads the CSV files scikit-learn
ships in ``sklearn/datasets/data/``, found with ``importlib.util.find_spec`` (which locates a
package without running it). If those files ever move, it falls back to scikit-learn's own
loaders. Either way the numbers are scikit-learn's (tests/core/test_data_sklearn.py compares them).

What the learner would write is in ``LOADER_CODE``: ndarray first, standardise with the training
part's statistics (``StandardScaler``), then ``torch.from_numpy``.
"""
from __future__ import annotations

import gzip
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.i18n import L


@dataclass(frozen=True)
class Table:
    """A whole data set as scikit-learn returns it: ``data`` (N, F) float64, ``target`` (N,) int64."""
    data: np.ndarray
    target: np.ndarray
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]


_FEATURES = {
    "iris": ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
    "wine": ("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
             "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines",
             "proline"),
    "breast_cancer": tuple(f"{prefix}{n}{suffix}" for prefix, suffix in (("mean ", ""), ("", " error"), ("worst ", ""))
                           for n in ("radius", "texture", "perimeter", "area", "smoothness", "compactness",
                                     "concavity", "concave points", "symmetry", "fractal dimension")),
}
_FILES = {"iris": "iris.csv", "wine": "wine_data.csv", "breast_cancer": "breast_cancer.csv"}
_LOADERS = {"iris": "load_iris", "wine": "load_wine", "breast_cancer": "load_breast_cancer",
            "digits": "load_digits"}
TABLES = tuple(_FILES)

# what the learner would write for the same data (the app does exactly this, without the import cost)
LOADER_CODE = """\
from sklearn.datasets import {loader}
from sklearn.preprocessing import StandardScaler
import torch

data = {loader}()                         # ndarrays: data.data (N, F), data.target (N,)
x_train, y_train = data.data[train], data.target[train]
scaler = StandardScaler().fit(x_train)    # mean and std of the training part only
x = torch.from_numpy(scaler.transform(x_train)).float()   # ndarray → Tensor
y = torch.from_numpy(y_train)
"""


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("sklearn")      # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "datasets" / "data"
    return path if path.is_dir() else None


def _missing() -> ValueError:
    from core.data.datasets import DataError
    return DataError(L("scikit-learn is not installed; its data sets need it "
                       "(pip install -r requirements.txt).",
                       "scikit-learn がインストールされていません。このデータセットに必要です "
                       "(pip install -r requirements.txt)。"))


def load_table(name: str) -> Table:
    """iris, wine or breast_cancer, exactly as ``sklearn.datasets.load_<name>()`` gives it."""
    if name not in _FILES:
        raise KeyError(name)
    folder = _data_dir()
    path = folder / _FILES[name] if folder else None
    if path is None or not path.is_file():
        return _via_sklearn(name)
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
        n, n_features = int(header[0]), int(header[1])
        rows = np.loadtxt(f, delimiter=",", dtype=np.float64, ndmin=2)
    if rows.shape != (n, n_features + 1):
        return _via_sklearn(name)
    return Table(rows[:, :-1].copy(), rows[:, -1].astype(np.int64), _FEATURES[name], tuple(header[2:]))


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's 1,797 handwritten digits: images (N, 8, 8) with values 0..16, labels (N,)."""
    folder = _data_dir()
    path = folder / "digits.csv.gz" if folder else None
    if path is None or not path.is_file():
        t = _via_sklearn("digits")
        return t.data.reshape(-1, 8, 8), t.target
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = np.loadtxt(f, delimiter=",", dtype=np.float64, ndmin=2)
    return rows[:, :-1].reshape(-1, 8, 8), rows[:, -1].astype(np.int64)


def _via_sklearn(name: str) -> Table:
    try:
        from sklearn import datasets   # the slow import, only when the shipped files are not where expected
    except ImportError:
        raise _missing() from None
    bunch = getattr(datasets, _LOADERS[name])()
    return Table(np.asarray(bunch.data, np.float64), np.asarray(bunch.target, np.int64),
                 tuple(str(n) for n in getattr(bunch, "feature_names", ())),
                 tuple(str(n) for n in bunch.target_names))


def loader_code(name: str) -> str:
    return LOADER_CODE.format(loader=_LOADERS[name])


def table_dataset(name: str, val_fraction: float = 0.2, seed: int = 0):
    """iris, wine or breast_cancer as a ``Dataset``: shuffled and split with ``seed``, then
    standardised with the training part's mean and std (what ``StandardScaler`` does)."""
    from core.data.datasets import CLASSIFICATION, Dataset, split

    t = load_table(name)
    ds = split(name, CLASSIFICATION, t.data.astype(np.float32), t.target, val_fraction, seed,
               len(t.target_names), t.feature_names, t.target_names)
    mean = ds.x_train.mean(0)
    std = ds.x_train.std(0)          # StandardScaler's population std (ddof=0)
    std[std < 1e-12] = 1.0
    return Dataset(name=name, task=CLASSIFICATION,
                   x_train=((ds.x_train - mean) / std).astype(np.float32), y_train=ds.y_train,
                   x_val=((ds.x_val - mean) / std).astype(np.float32), y_val=ds.y_val,
                   n_classes=ds.n_classes, feature_names=ds.feature_names, class_names=ds.class_names,
                   extra={"mean": mean.tolist(), "std": std.tolist(), "code": loader_code(name)})
