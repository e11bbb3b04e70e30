"""CSV import: good files load and are standardised; every bad file gets a clear message."""
import numpy as np
import pytest

from core.data import csv_import
from core.data.csv_import import load_csv, read_columns
from core.data.datasets import CLASSIFICATION, REGRESSION, DataError
from core.i18n import set_language


def write(tmp_path, text, name="data.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


GOOD = "a,b,kind\n" + "".join(f"{i},{2 * i},{'cat' if i % 2 else 'dog'}\n" for i in range(10))


def test_text_target_becomes_classes_and_features_are_standardised(tmp_path):
    p = write(tmp_path, GOOD)
    assert read_columns(p) == ["a", "b", "kind"]
    d = load_csv(p, "kind", val_fraction=0.2, seed=0)
    assert d.task == CLASSIFICATION and d.n_classes == 2 and d.class_names == ("cat", "dog")
    assert d.x_train.shape == (8, 2) and d.x_val.shape == (2, 2)
    assert d.feature_names == ("a", "b")
    np.testing.assert_allclose(d.x_train.mean(0), 0, atol=1e-6)     # standardised on the train part
    np.testing.assert_allclose(d.x_train.std(0), 1, atol=1e-5)
    # labels still match the rows: odd a -> cat (0), even a -> dog (1)
    a = d.x_train[:, 0] * d.extra["std"][0] + d.extra["mean"][0]
    np.testing.assert_array_equal(d.y_train, (np.round(a) % 2 == 0).astype(int))


def test_real_valued_target_is_regression(tmp_path):
    p = write(tmp_path, "x;y\n" + "".join(f"{i};{i * 0.5 + 0.1}\n" for i in range(30)))   # ; separated
    d = load_csv(p, "y")
    assert d.task == REGRESSION and d.output_size == 1 and d.y_train.shape == (24, 1)


def test_few_whole_numbers_are_classes(tmp_path):
    p = write(tmp_path, "x,label\n" + "".join(f"{i},{i % 3}\n" for i in range(12)))
    d = load_csv(p, "label")
    assert d.task == CLASSIFICATION and d.n_classes == 3 and d.class_names == ("0", "1", "2")


def test_shift_jis_file_from_japanese_excel(tmp_path):
    p = write(tmp_path, "長さ,種類\n" + "".join(f"{i},{'犬' if i % 2 else '猫'}\n" for i in range(8)),
              encoding="cp932")
    d = load_csv(p, "種類")
    assert d.n_classes == 2 and set(d.class_names) == {"犬", "猫"}


@pytest.mark.parametrize("content,target,pattern", [
    (b"", "y", "empty"),
    ("   \n\n", "y", "empty"),
    ("a,y\n", "y", "no data rows"),
    ("a,y\n1,0\n,1\n3,0\n4,1\n", "y", r"Column 'a' has 1 missing value\(s\) \(rows 3\)"),
    ("a,y\n1,0\n2,NA\n3,0\n4,1\n", "y", "Column 'y' has 1 missing"),
    ("a,y\n1,0\nred,1\n3,0\n4,1\n", "y", "Feature column 'a' is not numeric \\(row 3: 'red'\\)"),
    ("a,y\n1,yes\n2,yes\n3,yes\n4,yes\n", "y", "only one class"),
    ("a,y\n1,0\n2,1,7\n", "y", "Row 3 has 3 values"),
    ("a,y\n1,0\n2,1\n", "z", "no column named 'z'"),
    ("y\n1\n2\n", "y", "at least two columns"),
    ("a,a,y\n1,2,0\n", "y", "unique"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "y", "text CSV"),
    ("a,y\n1,0\n2,1\n", "y", "at least 4 data rows"),
    (",,\n, ,\n", "y", "only separators"),
    ("a,y\n1," + "x" * 200_000 + "\n2,0\n", "y", "cannot be read as CSV"),   # over csv's field limit
    ("a,y\n1,x\n2,y\n3,z\n4,w\n", "y", None),   # fine: 4 classes (checks the list itself)
])
def test_bad_files_give_clear_messages(tmp_path, content, target, pattern):
    p = write(tmp_path, content)
    if pattern is None:
        assert load_csv(p, target, val_fraction=0.25).n_classes == 4
        return
    with pytest.raises(DataError, match=pattern):
        load_csv(p, target)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="File not found"):
        load_csv(tmp_path / "nope.csv", "y")


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_BYTES", 100)
    p = write(tmp_path, "a,y\n" + "1,0\n" * 50)
    with pytest.raises(DataError, match="too large"):
        load_csv(p, "y")


def test_too_many_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_ROWS", 5)
    p = write(tmp_path, "a,y\n" + "1,0\n" * 6)
    with pytest.raises(DataError, match="Too many rows"):
        load_csv(p, "y")


def test_text_regression_target_is_refused(tmp_path):
    p = write(tmp_path, GOOD)
    with pytest.raises(DataError, match="cannot be a regression target"):
        load_csv(p, "kind", task=REGRESSION)


def test_messages_in_japanese(tmp_path):
    set_language("ja")
    p = write(tmp_path, "a,y\n1,0\n,1\n3,0\n4,1\n")
    with pytest.raises(DataError, match="欠損値"):
        load_csv(p, "y")
