"""Import the learner's own CSV file as a Dataset.

The learner chooses the target column; every other column is a feature and must be numeric.
Features are standardised with the training part's mean and std (stored in ``Dataset.extra``).
A text target, or a whole-number target with few values, becomes classes; any other numeric
target is regression. Every problem raises ``DataError`` with a message that says what to fix.

Reading is streamed and can report progress and be cancelled (``progress(fraction)`` and
``cancelled()`` callbacks, called every few thousand rows), so a page can read a large file in a
worker thread with a progress bar and a Cancel button; ``Cancelled`` is raised when asked to stop.
"""
from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Callable

import numpy as np

from core.data.datasets import CLASSIFICATION, REGRESSION, DataError, Dataset, split
from core.files import FileTooLarge, NotARegularFile, os_error_text, read_regular
from core.i18n import L

MAX_BYTES = 20 * 1024 * 1024      # a teaching app trains in seconds; bigger files would freeze it
MAX_ROWS = 1_000_000
FLOAT32_MAX = float(np.finfo(np.float32).max)  # 3.4e38: a larger value becomes inf in a tensor
EVERY = 4096                      # rows between progress reports and cancel checks

Progress = Callable[[float], None]
CancelCheck = Callable[[], bool]


class Cancelled(DataError):
    """The reader was asked to stop (the page's Cancel button)."""

    def __init__(self):
        super().__init__(L("Reading the file was cancelled.", "ファイルの読み込みを取り消しました。"))


def _noop(_fraction: float) -> None:
    pass


def _never() -> bool:
    return False
MAX_CLASSES = 50
MAX_INT_CLASSES = 20               # whole-number targets with at most this many values are classes
MISSING = {"", "na", "n/a", "nan", "null", "none", "?", "-"}


def read_table(path: str | Path, progress: Progress | None = None,
               cancelled: CancelCheck | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV file, checked for size, encoding and shape.

    ``progress(fraction)`` is called as rows are read (0 to 1); ``cancelled()`` returning True
    stops the read with ``Cancelled``."""
    path = Path(path)
    progress, cancelled = progress or _noop, cancelled or _never
    try:
        raw = read_regular(path, MAX_BYTES)  # never blocks on a FIFO, never reads /dev/zero forever
    except (FileNotFoundError, NotADirectoryError):
        raise DataError(L(f"File not found: {path}", f"ファイルが見つかりません: {path}")) from None
    except FileTooLarge as e:
        raise DataError(L(
            f"The file is too large ({e.size / 1e6:.1f} MB; the limit is {MAX_BYTES // 2**20} MB). "
            "Use a sample of the rows.",
            f"ファイルが大きすぎます（{e.size / 1e6:.1f} MB、上限は {MAX_BYTES // 2**20} MB）。"
            "行を間引いたファイルを使ってください。")) from None
    except NotARegularFile as e:
        raise DataError(L(f"{path.name} is not a file ({e.kind}).",
                          f"{path.name} はファイルではありません ({e.kind})。")) from None
    except OSError as e:
        raise DataError(L(f"{path.name} cannot be read: {e.strerror}",
                          f"{path.name} を読み込めません: {os_error_text(e)}")) from None
    if not raw:
        raise DataError(L("The file is empty.", "ファイルが空です。"))
    text = None
    for enc in ("utf-8-sig", "cp932"):   # cp932: CSVs saved by Japanese Excel
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            pass
    if text is None or "\x00" in text:
        raise DataError(L("This does not look like a text CSV file (save it as CSV UTF-8).",
                          "テキストの CSV ファイルではないようです（CSV UTF-8 形式で保存してください）。"))
    if not text.strip():
        raise DataError(L("The file is empty.", "ファイルが空です。"))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[str]] = []
    stream = io.StringIO(text)
    total = max(1, len(text))
    try:
        for n, r in enumerate(csv.reader(stream, dialect), start=1):
            if "".join(r).strip():  # not a row of separators only
                rows.append(r)
                if len(rows) > MAX_ROWS + 1:  # refused at once, not after reading the rest
                    raise DataError(L(
                        f"Too many rows (more than {MAX_ROWS:,}; the limit is {MAX_ROWS:,}). Use a sample.",
                        f"行が多すぎます（{MAX_ROWS:,} 行を超えています、上限は {MAX_ROWS:,} 行）。一部を使ってください。"))
            if n % EVERY == 0:
                if cancelled():
                    raise Cancelled()
                progress(stream.tell() / total)
    except csv.Error:           # e.g. a field over csv's 128 KB limit, or a broken quote
        raise DataError(L("This file cannot be read as CSV: a value is far too long, "
                          "or a quotation mark is not closed.",
                          "CSV として読み込めません。値が長すぎるか、引用符が閉じていません。")) from None
    if not rows:                # only separators, e.g. ",,\n,,"
        raise DataError(L("The file has no values, only separators.",
                          "ファイルに値がなく、区切り文字しかありません。"))
    header = [h.strip() for h in rows[0]]
    body = rows[1:]
    if not body:
        raise DataError(L("The file has a header but no data rows.",
                          "見出し行はありますが、データの行がありません。"))
    if len(header) < 2:
        raise DataError(L("Need at least two columns: one or more features and a target.",
                          "特徴量の列と目的変数の列で、少なくとも 2 列必要です。"))
    dup = sorted({h for h in header if header.count(h) > 1})
    if dup:
        raise DataError(L(f"Column names must be unique; repeated: {', '.join(dup)}",
                          f"列名が重複しています: {', '.join(dup)}"))
    for i, r in enumerate(body, start=2):
        if len(r) != len(header):
            raise DataError(L(f"Row {i} has {len(r)} values but the header has {len(header)} columns.",
                              f"{i} 行目の値の数（{len(r)}）が見出しの列数（{len(header)}）と違います。"))
    return header, body


def read_columns(path: str | Path) -> list[str]:
    """Column names, for the target chooser."""
    return read_table(path)[0]


def load_csv(path: str | Path, target: str, val_fraction: float = 0.2, seed: int = 0,
             task: str = "auto", progress: Progress | None = None,
             cancelled: CancelCheck | None = None) -> Dataset:
    """Load `path` with column `target` as the label; task is "auto", CLASSIFICATION or REGRESSION.

    ``progress(fraction)`` goes from 0 to 1 over reading and converting; ``cancelled()`` returning
    True stops with ``Cancelled`` (call this from a worker thread for a large file)."""
    progress, cancelled = progress or _noop, cancelled or _never
    header, body = read_table(path, lambda f: progress(0.5 * f), cancelled)
    if target not in header:
        raise DataError(L(f"There is no column named '{target}'. Columns: {', '.join(header)}",
                          f"「{target}」という列はありません。列: {', '.join(header)}"))
    t = header.index(target)
    features = [h for i, h in enumerate(header) if i != t]

    # missing values first: they would otherwise look like non-numeric text
    for j, name in enumerate(header):
        missing = [i + 2 for i, r in enumerate(body) if r[j].strip().lower() in MISSING]
        if missing:
            rows = ", ".join(map(str, missing[:5])) + (" …" if len(missing) > 5 else "")
            raise DataError(L(
                f"Column '{name}' has {len(missing)} missing value(s) (rows {rows}). "
                "Fill them in or delete those rows.",
                f"列「{name}」に欠損値が {len(missing)} 個あります（{rows} 行目）。"
                "値を入れるか、その行を削除してください。"))

    x = np.empty((len(body), len(features)), dtype=np.float64)
    for k, name in enumerate(features):
        if cancelled():
            raise Cancelled()
        progress(0.5 + 0.45 * k / len(features))
        j = header.index(name)
        values = _numbers([r[j] for r in body])
        if values is None:
            i = next(i for i, r in enumerate(body) if _number(r[j]) is None)
            raise DataError(L(
                f"Feature column '{name}' is not numeric (row {i + 2}: '{body[i][j].strip()}'). "
                "Features must be numbers; remove the column or encode it as numbers.",
                f"特徴量の列「{name}」が数値ではありません（{i + 2} 行目:「{body[i][j].strip()}」）。"
                "特徴量は数値にしてください（列を削除するか数値に変換してください）。"))
        big = np.flatnonzero(np.abs(values) > FLOAT32_MAX)
        if big.size:
            raise _too_large_for_float32("Feature column", "特徴量の列", name, int(big[0]) + 2, body[big[0]][j])
        x[:, k] = values

    if cancelled():
        raise Cancelled()
    progress(0.95)
    labels = [r[t].strip() for r in body]
    values = _numbers(labels)
    numeric = values is not None
    numbers = values.tolist() if numeric else [None] * len(labels)
    if task == "auto":
        whole = numeric and bool(np.all(values == np.floor(values)))
        task = CLASSIFICATION if (not numeric or (whole and len(set(numbers)) <= MAX_INT_CLASSES)) \
            else REGRESSION
    if task == REGRESSION and not numeric:
        raise DataError(L(f"Target '{target}' has text, so it cannot be a regression target.",
                          f"目的変数「{target}」に文字が含まれるため、回帰の目的変数にできません。"))

    extra = {}
    if task == CLASSIFICATION:
        keys = sorted(set(numbers), key=float) if numeric else sorted(set(labels))
        key_of = numbers if numeric else labels
        if len(keys) < 2:
            raise DataError(L(
                f"Target '{target}' has only one class ('{labels[0]}'); a classifier needs at least two.",
                f"目的変数「{target}」のクラスが 1 つ（「{labels[0]}」）しかありません。2 つ以上必要です。"))
        if len(keys) > MAX_CLASSES:
            raise DataError(L(f"Target '{target}' has {len(keys)} classes; the limit is {MAX_CLASSES}.",
                              f"目的変数「{target}」のクラスが {len(keys)} 個あります（上限 {MAX_CLASSES}）。"))
        index = {k: i for i, k in enumerate(keys)}
        y = np.array([index[k] for k in key_of], dtype=np.int64)
        class_names = tuple(_fmt(k) for k in keys)
        n_classes = len(keys)
    else:
        big = np.flatnonzero(np.abs(values) > FLOAT32_MAX)
        if big.size:
            raise _too_large_for_float32("Target column", "目的変数の列", target, int(big[0]) + 2, labels[big[0]])
        y = np.array(numbers, dtype=np.float32).reshape(-1, 1)
        class_names, n_classes = (), 0

    if len(body) < 4:
        raise DataError(L("Need at least 4 data rows to train and validate.",
                          "学習と検証には少なくとも 4 行のデータが必要です。"))
    ds = split(Path(path).name, task, x.astype(np.float32), y, val_fraction, seed,
               n_classes, features, class_names)
    # standardise with the training part only, so validation stays unseen; in float64, where the
    # squares of values near float32's limit (1e30 squared) do not overflow
    mean = ds.x_train.astype(np.float64).mean(0)
    std = ds.x_train.astype(np.float64).std(0)
    std[std < 1e-12] = 1.0          # a constant column stays 0 instead of dividing by zero
    extra.update(mean=mean.tolist(), std=std.tolist(), target=target)
    progress(1.0)
    return Dataset(name=ds.name, task=task, x_train=((ds.x_train - mean) / std).astype(np.float32),
                   y_train=ds.y_train, x_val=((ds.x_val - mean) / std).astype(np.float32),
                   y_val=ds.y_val, n_classes=n_classes, feature_names=ds.feature_names,
                   class_names=class_names, extra=extra)


def _too_large_for_float32(what: str, what_ja: str, column: str, row: int, text: str) -> DataError:
    shown = text.strip() if len(text.strip()) <= 30 else text.strip()[:27] + "…"
    return DataError(L(
        f"{what} '{column}' has a value too large for training (row {row}: '{shown}'); values must lie "
        f"within ±3.4e38 (float32). Rescale the column, e.g. use thousands or a logarithm.",
        f"{what_ja}「{column}」に学習で扱えない大きな値があります（{row} 行目:「{shown}」）。"
        f"値は ±3.4e38（float32）の範囲にしてください。単位を変えるか対数をとってください。"))


def _numbers(texts: list[str]) -> np.ndarray | None:
    """The texts as float64 (numpy's C conversion, as ``float()`` reads them), or None if any is
    not a finite number."""
    try:
        values = np.array(texts, dtype=np.float64)
    except (ValueError, OverflowError):
        return None
    return values if np.isfinite(values).all() else None


def _number(text: str):
    try:
        v = float(text.strip())
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _fmt(k) -> str:
    return str(int(k)) if isinstance(k, float) and k.is_integer() else str(k)
