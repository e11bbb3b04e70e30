"""How a tabular run ended, in words: the final figures, and the failures that make no noise.

A run that "finishes" can still have failed: Adam at lr 10 ends with a loss of 5e10, SGD at lr 10
leaves every ReLU of a layer dead and the network at 50 %. The engine does not stop for these
(the loss is finite), so the end message says it:

    summary(end.metrics)                         # "train loss 0.012 · validation loss 0.034 · ..."
    warnings(first_loss, end.metrics, probe, grads)   # [] when nothing looks wrong
"""
from __future__ import annotations

import math

import numpy as np

from core.i18n import L

# the loss "ended far above where it started" when it grew by this factor
LOSS_GROWTH = 3.0


def _num(v: float) -> str:
    return f"{v:.4g}"


def summary(metrics: dict) -> str:
    """Final train/validation loss and accuracy, or for text bits per character and perplexity
    (those that were measured), one line."""
    parts = []
    names = (("train_loss", L("train loss", "訓練損失"), False), ("val_loss", L("validation loss", "検証損失"), False),
             ("train_acc", L("train accuracy", "訓練正解率"), True),
             ("val_acc", L("validation accuracy", "検証正解率"), True),
             # text: the validation loss in bits per character, and the perplexity
             ("val_bits", L("validation bits/char", "検証ビット/文字"), False),
             ("val_perplexity", L("validation perplexity", "検証パープレキシティ"), False))
    for key, title, percent in names:
        v = metrics.get(key)
        if v is None or not isinstance(v, (int, float)) or not math.isfinite(v):
            continue
        parts.append(f"{title} {v * 100:.1f} %" if percent else f"{title} {_num(v)}")
    return " · ".join(parts)


def warnings(first_loss: float | None, metrics: dict, probe=None, grads=None) -> list[str]:
    """What went wrong silently, each as one sentence with what to try."""
    out = []
    last = metrics.get("train_loss")
    if (first_loss is not None and last is not None and math.isfinite(first_loss) and first_loss > 0
            and (not math.isfinite(last) or last > LOSS_GROWTH * first_loss)):
        out.append(L(f"The loss ended far above where it started ({_num(first_loss)} → {_num(last)}): the "
                     "steps overshoot. Lower the learning rate (e.g. by 10×) and press Reset.",
                     f"損失が始めよりずっと大きくなって終わりました（{_num(first_loss)} → {_num(last)}）。"
                     "1歩が大きすぎて行き過ぎています。学習率を（例えば10分の1に）下げてリセットしてください。"))
    if probe is not None:
        dead = [name for name, share in zip(probe.act_names, np.asarray(probe.dead, dtype=float))
                if np.isfinite(share) and share >= 1.0]
        if dead:
            out.append(L(f"Every ReLU unit of {', '.join(dead)} outputs 0 for every sample (dead): no gradient "
                         "passes through it, so the layers before it cannot learn. A smaller learning rate, "
                         "He init or LeakyReLU avoids this; press Reset to start again.",
                         f"{', '.join(dead)} の ReLU がすべてのサンプルで 0 を出力しています（死んだ ReLU）。勾配が"
                         "通らないので、その手前の層は学習できません。学習率を下げる、He 初期化、LeakyReLU で"
                         "避けられます。リセットしてやり直してください。"))
    if grads is not None and len(grads.mean_abs):
        zero = [name for name, g in zip(grads.names, np.asarray(grads.mean_abs, dtype=float)) if g == 0.0]
        if zero:
            out.append(L(f"The gradient of {', '.join(zero)} is exactly 0: those weights no longer change.",
                         f"{', '.join(zero)} の勾配がちょうど 0 です。これらの重みはもう変わりません。"))
    return out
