"""The whole training run as one Python script a learner can read and run without the app.

Data (the same generator and seed, or the CSV path), model (``core.build``'s code export), the
weight initialisation (``core.init.init_code``, the line the depth lab and training use), loss,
optimiser, the training loop and evaluation: the script does what the engine's tabular task
(``core.tasks.tabular``) does, step for step, so on the CPU its losses match the app's run::

    text = run_script(spec, cfg, data)      # cfg: TrainConfig, data: the Dataset it describes
    # python run.py --epochs 3               # prints each epoch's train/validation loss and accuracy

Why it matches: the same ``torch.manual_seed(seed)`` before building the model, the same module
order (so the same default initial weights), the same shuffle (``torch.randperm`` with a
``torch.Generator`` seeded the same), batches in that order with the last short one kept.
"""
from __future__ import annotations

import inspect

from core.build import to_code
from core.data import datasets as D
from core.data.datasets import CLASSIFICATION, DataError
from core.i18n import L
from core.init import init_code
from core.spec import NetworkSpec
from core.tasks.tabular import EVAL_TRAIN_MAX
from core.training.config import TrainConfig

_OPTIMIZERS = {
    "sgd": "torch.optim.SGD(model.parameters(), lr={lr!r}, weight_decay={wd!r})",
    "momentum": "torch.optim.SGD(model.parameters(), lr={lr!r}, momentum={momentum!r}, weight_decay={wd!r})",
    "adam": "torch.optim.Adam(model.parameters(), lr={lr!r}, weight_decay={wd!r})",
    "adamw": "torch.optim.AdamW(model.parameters(), lr={lr!r}, weight_decay={wd!r})",
}


class ExportError(ValueError):
    """The run cannot be written as a script (the message says why, in the learner's language)."""


def refusal(cfg: TrainConfig) -> str | None:
    """Why a run with these settings cannot be written as a script (None: it can), known before any
    file is chosen: pictures and text have no data code here (yet)."""
    if cfg.kind != "tabular":
        return L("Only generated data sets and CSV files can be exported as a script.",
                 "スクリプトに書き出せるのは、生成したデータセットと CSV ファイルだけです。")
    return None


def run_script(spec: NetworkSpec | dict, cfg: TrainConfig, data) -> str:
    """The script for training ``spec`` with ``cfg`` on ``data`` (the Dataset the settings made)."""
    reason = refusal(cfg)
    if reason:
        raise ExportError(reason)
    spec = spec if isinstance(spec, NetworkSpec) else NetworkSpec.from_dict(spec)
    model_code = to_code(spec)
    if "def build_model" not in model_code:
        raise ExportError(model_code.strip())
    # the model part of the code export: its imports, helper classes and build_model()
    model_code = model_code[model_code.index('"""', 3) + 4:model_code.index("\n\nmodel = build_model()")].strip()
    model_code = model_code.removeprefix("import torch\nfrom torch import nn").strip()   # imported above
    classes = data.task == CLASSIFICATION
    head = _header(cfg, data)
    data_code = _data_code(cfg, data)
    init = init_code(cfg.init, cfg.init_std)
    init_block = "" if init is None else f'''
# the weight initialisation chosen in the app ({cfg.init}); biases start at 0
for m in model.modules():
    if isinstance(m, nn.Linear):
        {init}
        if m.bias is not None:
            nn.init.zeros_(m.bias)
'''
    wd = cfg.weight_decay if cfg.optimizer != "adamw" else (cfg.weight_decay or 0.01)
    optimizer = _OPTIMIZERS[cfg.optimizer].format(lr=cfg.lr, momentum=cfg.momentum, wd=wd)
    loss = "nn.CrossEntropyLoss()   # logits (B, C) against class ids (B,)" if classes else \
        "nn.MSELoss()            # predictions (B, 1) against targets (B, 1)"
    measure = '''    with torch.no_grad():
        out = model(x)
        loss = loss_fn(out, y).item()
        acc = (out.argmax(1) == y).float().mean().item()
    return loss, acc''' if classes else '''    with torch.no_grad():
        return loss_fn(model(x), y).item(), float("nan")'''
    return f'''{head}
import argparse

import numpy as np
import torch
from torch import nn

SEED = {cfg.seed}
EPOCHS = {cfg.epochs}
BATCH_SIZE = {cfg.batch_size}

{data_code}


# --- the model ----------------------------------------------------------------------------------
{model_code}


def train(epochs: int = EPOCHS, verbose: bool = True) -> list[float]:
    """Train as the app did; returns the loss of every step."""
    x_train, y_train, x_val, y_val = (torch.from_numpy(a) for a in make_data())
    torch.manual_seed(SEED)                    # the same initial weights as in the app
    model = build_model()
{_indent(init_block)}
    loss_fn = {loss}
    optimizer = {optimizer}
    shuffle = torch.Generator().manual_seed(SEED)   # the order the batches are drawn in
    n = len(x_train)
    batch_size = max(1, min(BATCH_SIZE, n))
    losses = []
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(n, generator=shuffle)    # a new order every epoch
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            optimizer.zero_grad()
            loss.backward()                        # gradients of the loss for every weight
            optimizer.step()                       # one step against them
            losses.append(loss.item())
        if verbose:
            model.eval()
            # the app measures the training side on its first {EVAL_TRAIN_MAX} rows
            tl, ta = evaluate(model, loss_fn, x_train[:{EVAL_TRAIN_MAX}], y_train[:{EVAL_TRAIN_MAX}])
            vl, va = evaluate(model, loss_fn, x_val, y_val)
            print(f"epoch {{epoch}}: train loss {{tl:.4f}}, validation loss {{vl:.4f}}"
                  + ("" if ta != ta else f", train accuracy {{ta:.1%}}, validation accuracy {{va:.1%}}"))
    return losses


def evaluate(model, loss_fn, x, y) -> tuple[float, float]:
    """Loss and accuracy (nan for regression) without gradients."""
    if len(x) == 0:
        return float("nan"), float("nan")
{measure}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    train(parser.parse_args().epochs)
'''


def _indent(block: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in block.strip("\n").splitlines())


def _header(cfg: TrainConfig, data) -> str:
    what = D.dataset_title(cfg.dataset) if cfg.dataset != "csv" else cfg.csv_path
    return L(f'"""A training run exported from the PyTorch Learning Lab: {what}.\n\n'
             f"Data, model, loss, optimiser ({cfg.optimizer}, lr {cfg.lr:g}), the training loop and evaluation,\n"
             f"as the app ran them (seed {cfg.seed}). Run it: python this_file.py --epochs {cfg.epochs}\n"
             f'"""',
             f'"""PyTorch 学習アプリから書き出した学習の実行: {what}。\n\n'
             f"データ、モデル、損失関数、最適化手法（{cfg.optimizer}、学習率 {cfg.lr:g}）、学習ループと評価を、\n"
             f"アプリと同じ手順で行います（シード {cfg.seed}）。実行: python このファイル.py --epochs {cfg.epochs}\n"
             f'"""')


def _data_code(cfg: TrainConfig, data) -> str:
    if cfg.dataset == "csv":
        return _csv_code(cfg, data)
    gen, task, _ = D.DATASETS.get(cfg.dataset, (None, None, None))
    if gen is None:
        raise ExportError(L("Only generated data sets and CSV files can be exported as a script.",
                            "スクリプトに書き出せるのは、生成したデータセットと CSV ファイルだけです。"))
    sources = [inspect.getsource(gen)]
    if "_split_count" in sources[0]:
        sources.append(inspect.getsource(D._split_count))
    if task == CLASSIFICATION:
        targets = "y = y.astype(np.int64)                    # class ids"
    else:
        targets = "y = y.astype(np.float32).reshape(len(y), -1)   # targets (N, 1)"
    return f'''# --- the data: the app's generator, with its settings -----------------------------------------
{(chr(10) * 3).join(s.rstrip() for s in sources)}


def make_data():
    """x_train, y_train, x_val, y_val as numpy arrays (float32 features)."""
    rng = np.random.default_rng(SEED)
    x, y = {gen.__name__}({cfg.n_samples}, {float(cfg.noise)!r}, rng)
    {targets}
    return split(x.astype(np.float32), y, {float(cfg.val_fraction)!r})


{_SPLIT}'''


_SPLIT = '''def split(x, y, val_fraction):
    """Shuffle with SEED + 1 and cut off the validation share (at least one row if it is > 0)."""
    n = len(x)
    order = np.random.default_rng(SEED + 1).permutation(n)
    n_val = int(round(n * val_fraction))
    if val_fraction > 0:
        n_val = min(max(n_val, 1), n - 1)
    val, train = order[:n_val], order[n_val:]
    return x[train], y[train], x[val], y[val]'''


def _csv_code(cfg: TrainConfig, data) -> str:
    if not cfg.csv_path:
        raise DataError(L("Open a CSV file first.", "先に CSV ファイルを開いてください。"))
    classes = data.task == CLASSIFICATION
    if classes:
        labels = f'''    classes = {list(data.class_names)!r}          # the class names, in the order the app numbered them
    index = {{c: i for i, c in enumerate(classes)}}
    y = np.array([index[_class_name(r[target])] for r in rows], dtype=np.int64)'''
    else:
        labels = '''    y = np.array([float(r[target]) for r in rows], dtype=np.float32).reshape(-1, 1)'''
    return f'''# --- the data: your CSV file ---------------------------------------------------------------------
import csv

CSV_PATH = {cfg.csv_path!r}
TARGET = {cfg.csv_target!r}


def _class_name(text):
    """A label as the app names it: 3.0 -> '3', text stays text."""
    text = text.strip()
    try:
        value = float(text)
    except ValueError:
        return text
    return str(int(value)) if value.is_integer() else str(value)


def make_data():
    """x_train, y_train, x_val, y_val as numpy arrays; features standardised with the training part."""
    with open(CSV_PATH, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    target = TARGET
    features = {list(data.feature_names)!r}
    x = np.array([[float(r[c]) for c in features] for r in rows], dtype=np.float32)
{labels}
    x_train, y_train, x_val, y_val = split(x, y, {float(cfg.val_fraction)!r})
    mean = x_train.astype(np.float64).mean(0)
    std = x_train.astype(np.float64).std(0)
    std[std < 1e-12] = 1.0                       # a constant column stays 0
    return (((x_train - mean) / std).astype(np.float32), y_train,
            ((x_val - mean) / std).astype(np.float32), y_val)


{_SPLIT}'''
