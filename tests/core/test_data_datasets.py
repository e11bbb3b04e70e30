"""Generated datasets: shapes, labels, determinism and the train/validation split."""
import numpy as np
import pytest

from core.data.datasets import CLASSIFICATION, DATASETS, REGRESSION, DataError, make_dataset
from core.i18n import set_language


@pytest.mark.parametrize("name,classes", [("spiral", 3), ("circles", 2), ("xor", 2), ("blobs", 3), ("moons", 2)])
def test_classification_sets_have_2d_points_and_every_class(name, classes):
    d = make_dataset(name, n_samples=300, noise=0.1, val_fraction=0.2, seed=1)
    assert d.task == CLASSIFICATION
    assert d.x_train.shape == (240, 2) and d.x_val.shape == (60, 2)
    assert d.x_train.dtype == np.float32 and d.y_train.dtype == np.int64
    assert d.y_train.shape == (240,)
    assert d.n_classes == classes == d.output_size and d.input_size == 2
    labels = np.concatenate([d.y_train, d.y_val])
    counts = np.bincount(labels, minlength=classes)
    if name == "xor":   # uniform points: each class is about half
        assert counts.min() > 120
    else:               # balanced by construction: 300 / classes samples each (±1)
        assert counts.min() >= 300 // classes and counts.max() <= 300 // classes + 1
    assert np.abs(d.x_train).max() < 3          # points stay near the unit square


def test_sine_is_a_1d_regression_set_close_to_sin():
    d = make_dataset("sine", n_samples=200, noise=0.0, val_fraction=0.25, seed=0)
    assert d.task == REGRESSION and d.n_classes == 0
    assert d.x_train.shape == (150, 1) and d.y_train.shape == (150, 1) and d.y_val.shape == (50, 1)
    assert d.output_size == 1
    np.testing.assert_allclose(d.y_train, np.sin(d.x_train), atol=1e-6)   # noise 0: exactly sin


def test_xor_labels_follow_the_quadrants_without_noise():
    d = make_dataset("xor", n_samples=100, noise=0.0, val_fraction=0.0, seed=3)
    x, y = d.x_train, d.y_train
    assert len(d.x_val) == 0 and len(x) == 100
    np.testing.assert_array_equal(y, ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(int))


def test_circles_inner_class_has_radius_half():
    d = make_dataset("circles", n_samples=100, noise=0.0, val_fraction=0.0)
    r = np.linalg.norm(d.x_train, axis=1)
    np.testing.assert_allclose(r[d.y_train == 1], 0.5, atol=1e-5)
    np.testing.assert_allclose(r[d.y_train == 0], 1.0, atol=1e-5)


def test_same_seed_same_data_other_seed_other_data():
    a = make_dataset("spiral", 120, seed=5)
    b = make_dataset("spiral", 120, seed=5)
    c = make_dataset("spiral", 120, seed=6)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert not np.array_equal(a.x_train, c.x_train)


def test_noise_spreads_the_points():
    quiet = make_dataset("circles", 200, noise=0.0, val_fraction=0.0)
    loud = make_dataset("circles", 200, noise=0.3, val_fraction=0.0)
    spread = lambda d: np.abs(np.linalg.norm(d.x_train, axis=1) - np.where(d.y_train == 1, 0.5, 1.0)).mean()
    assert spread(quiet) < 1e-5 < 0.1 < spread(loud)


def test_every_dataset_is_known():
    assert set(DATASETS) == {"spiral", "circles", "xor", "blobs", "moons", "sine", "iris", "wine", "breast_cancer"}


@pytest.mark.parametrize("kwargs", [dict(name="nope"), dict(name="xor", n_samples=3),
                                    dict(name="xor", val_fraction=1.0), dict(name="xor", noise=-1)])
def test_bad_settings_give_a_message(kwargs):
    with pytest.raises(DataError):
        make_dataset(**kwargs)


def test_messages_are_japanese_when_chosen():
    set_language("ja")
    with pytest.raises(DataError, match="サンプル数"):
        make_dataset("xor", n_samples=1)
