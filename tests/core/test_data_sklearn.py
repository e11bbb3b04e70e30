"""scikit-learn's real data sets (core/data/sklearn_sets.py, core/data/images.py's digits).

The app reads the files scikit-learn ships without importing it (the import costs seconds);
these tests import scikit-learn and check that the numbers, names and standardisation are its own.
"""
import subprocess
import sys

import numpy as np
import pytest

from core import i18n
from core.data import sklearn_sets
from core.data.datasets import DATASETS, dataset_title, make_dataset
from core.data.images import IMAGE_SETS, load_images, to_tensor

ROOT = __file__.rsplit("/tests/", 1)[0]


def test_importing_the_app_does_not_import_sklearn():
    code = ("import sys, main, gui.main_window, core.data.datasets, core.data.images, core.data.sklearn_sets\n"
            "import core.layers, core.templates\n"
            "from core.data.datasets import make_dataset\n"
            "make_dataset('iris'); from core.data.images import load_images; load_images('digits')\n"
            "print('sklearn' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("name", sklearn_sets.TABLES)
def test_tables_are_sklearns_own(name):
    from sklearn import datasets
    ref = getattr(datasets, f"load_{name}")()
    t = sklearn_sets.load_table(name)
    np.testing.assert_array_equal(t.data, ref.data)
    np.testing.assert_array_equal(t.target, ref.target)
    assert t.feature_names == tuple(ref.feature_names)
    assert t.target_names == tuple(ref.target_names)


def test_digits_are_sklearns_own():
    from sklearn.datasets import load_digits
    ref = load_digits()
    x, y = sklearn_sets.load_digits()
    np.testing.assert_array_equal(x, ref.images)
    np.testing.assert_array_equal(y, ref.target)


def test_the_fallback_through_sklearn_gives_the_same(monkeypatch):
    monkeypatch.setattr(sklearn_sets, "_data_dir", lambda: None)
    t = sklearn_sets.load_table("iris")
    assert t.data.shape == (150, 4) and t.target_names == ("setosa", "versicolor", "virginica")
    x, y = sklearn_sets.load_digits()
    assert x.shape == (1797, 8, 8) and x.max() == 16 and y.shape == (1797,)


def test_iris_is_standardised_like_standard_scaler():
    from sklearn.preprocessing import StandardScaler
    ds = make_dataset("iris", val_fraction=0.2, seed=3)
    assert ds.n_classes == 3 and ds.n_features == 4 and len(ds.x_train) + len(ds.x_val) == 150
    assert len(ds.x_val) == 30 and ds.class_names == ("setosa", "versicolor", "virginica")
    assert ds.feature_names[0] == "sepal length (cm)"
    # undo our scaling, redo it with scikit-learn: the same numbers
    raw_train = ds.x_train * np.array(ds.extra["std"]) + np.array(ds.extra["mean"])
    raw_val = ds.x_val * np.array(ds.extra["std"]) + np.array(ds.extra["mean"])
    scaler = StandardScaler().fit(raw_train)
    np.testing.assert_allclose(scaler.transform(raw_train), ds.x_train, atol=1e-5)
    np.testing.assert_allclose(scaler.transform(raw_val), ds.x_val, atol=1e-5)
    np.testing.assert_allclose(ds.x_train.mean(0), 0, atol=1e-5)
    np.testing.assert_allclose(ds.x_train.std(0), 1, atol=1e-5)
    assert "StandardScaler().fit(x_train)" in ds.extra["code"] and "torch.from_numpy" in ds.extra["code"]
    assert "load_iris()" in ds.extra["code"]


def test_every_table_is_in_the_one_dataset_list_and_splits_reproducibly():
    for name, classes, n in (("iris", 3, 150), ("wine", 3, 178), ("breast_cancer", 2, 569)):
        assert DATASETS[name][2] == classes
        a, b = make_dataset(name, seed=1), make_dataset(name, seed=1)
        np.testing.assert_array_equal(a.x_val, b.x_val)
        assert len(a.x_train) + len(a.x_val) == n and a.x_train.dtype == np.float32
        assert set(np.unique(a.y_train)) == set(range(classes))
    assert dataset_title("wine") == "Wine (178, 13 features, 3 cultivars)"
    i18n.set_language("ja")
    assert dataset_title("iris") == "アヤメ（150件、特徴量4、3品種）"


def test_digits_as_images():
    images = load_images("digits", val_fraction=0.2, seed=0)
    assert images.input_shape == (1, 8, 8) and images.n_classes == 10
    assert len(images.x_train) + len(images.x_val) == 1797 and len(images.x_val) == 359   # round(1797·0.2)
    assert images.x_train.dtype == np.float32 and images.x_train.min() == 0 and images.x_train.max() == 1
    t = to_tensor(images.x_train[:4])
    assert tuple(t.shape) == (4, 1, 8, 8)
    assert IMAGE_SETS["mnist"].size_text == "11 MB" and IMAGE_SETS["digits"].needs == ""
