"""The CSV reader's hostile and large inputs: values beyond float32, pipes, many rows read
with progress and cancelled part way."""
import os
import time

import numpy as np
import pytest

from core.data import csv_import
from core.data.csv_import import Cancelled, read_table, load_csv
from core.data.datasets import REGRESSION, DataError
from core.i18n import set_language


def write(tmp_path, text, name="d.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("content,target,message", [
    ("a,b,y\n1,2,0\n2,1e300,1\n3,4,0\n4,5,1\n", "y",
     "Feature column 'b' has a value too large for training (row 3: '1e300')"),
    ("a,y\n1,0.5\n2,1.5\n3,1e39\n4,2.5\n5,0.25\n", "y",
     "Target column 'y' has a value too large for training (row 4: '1e39')"),
    ("a,y\n1,0\n-3.5e38,1\n3,0\n4,1\n", "y", "Feature column 'a' has a value too large for training (row 3: '-3.5e38')"),
])
def test_values_beyond_float32_are_refused_naming_column_and_row(tmp_path, content, target, message):
    with pytest.raises(DataError) as e:
        load_csv(write(tmp_path, content), target)
    assert str(e.value).startswith(message)
    assert "within ±3.4e38 (float32)" in str(e.value)


def test_values_near_the_float32_limit_train_standardised(tmp_path):
    p = write(tmp_path, "a,y\n1e30,0.5\n2e30,1.5\n3e30,2\n4e30,2.5\n5e30,3\n")
    ds = load_csv(p, "y", val_fraction=0.2, task=REGRESSION)
    xs = np.concatenate([ds.x_train, ds.x_val])
    assert np.isfinite(xs).all() and np.isfinite(ds.y_train).all()
    assert abs(float(ds.x_train.mean())) < 1e-5 and abs(float(ds.x_train.std()) - 1) < 1e-5


def test_float32_message_in_japanese(tmp_path):
    set_language("ja")
    with pytest.raises(DataError, match="特徴量の列「a」に学習で扱えない大きな値があります（3 行目:「1e300」）"):
        load_csv(write(tmp_path, "a,y\n1,0\n1e300,1\n3,0\n4,1\n"), "y")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
def test_a_fifo_does_not_block(tmp_path):
    p = tmp_path / "d.csv"
    os.mkfifo(p)
    with pytest.raises(DataError, match=r"d.csv is not a file \(a pipe \(FIFO\)\)"):
        load_csv(p, "y")


def _many_rows(tmp_path, n=200_000):
    rng = np.random.default_rng(0)
    a = rng.integers(0, 1000, n)
    lines = "\n".join(f"{v},{v % 2}" for v in a)
    return write(tmp_path, "a,y\n" + lines + "\n", "big.csv"), a


def test_many_rows_with_progress(tmp_path):
    p, a = _many_rows(tmp_path)
    seen = []
    ds = load_csv(p, "y", val_fraction=0.1, progress=seen.append)
    assert len(ds.x_train) + len(ds.x_val) == 200_000 and ds.n_classes == 2
    assert sorted(ds.class_names) == ["0", "1"]
    assert seen == sorted(seen) and 0 <= seen[0] < 0.05 and seen[-1] > 0.95  # steady, 0 to 1
    assert len(seen) > 40  # often enough for a progress bar


def test_cancel_stops_reading_at_once(tmp_path):
    p, _ = _many_rows(tmp_path)
    seen = []
    with pytest.raises(Cancelled, match="cancelled"):
        read_table(p, progress=seen.append, cancelled=lambda: len(seen) >= 10)
    assert len(seen) == 10 and seen[-1] < 0.3  # stopped a fifth of the way in


def test_too_many_rows_are_refused_while_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_ROWS", 1000)
    p, _ = _many_rows(tmp_path)
    start = time.monotonic()
    with pytest.raises(DataError, match="Too many rows \\(more than 1,000"):
        read_table(p)
    assert time.monotonic() - start < 2
