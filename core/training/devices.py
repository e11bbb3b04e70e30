"""Which devices can train here, and how many CPU threads torch should use.

This machine class has very few cores, shared with the window: torch's intra-op threads would
fight the GUI thread and each other, and small networks train fastest on one thread anyway
(the per-op work is too small to split). So the choice is deliberate, not torch's default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import torch

from core.i18n import L


@dataclass(frozen=True)
class DeviceInfo:
    name: str            # "cpu", "cuda", "mps"
    available: bool
    detail: str          # what it is, or why it cannot be used


def devices() -> list[DeviceInfo]:
    out = [DeviceInfo("cpu", True, L(f"CPU ({cpu_count()} cores)", f"CPU（{cpu_count()} コア）"))]
    if torch.cuda.is_available():
        out.append(DeviceInfo("cuda", True, torch.cuda.get_device_name(0)))
    elif torch.version.cuda is None:
        out.append(DeviceInfo("cuda", False, L("This PyTorch build has no CUDA support (CPU build).",
                                               "この PyTorch は CUDA 非対応版（CPU 版）です。")))
    else:
        out.append(DeviceInfo("cuda", False, L("No NVIDIA GPU or driver was found.",
                                               "NVIDIA の GPU またはドライバが見つかりません。")))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        out.append(DeviceInfo("mps", True, L("Apple GPU (Metal)", "Apple の GPU（Metal）")))
    else:
        out.append(DeviceInfo("mps", False, L("MPS needs a Mac with Apple silicon.",
                                              "MPS は Apple シリコン搭載の Mac でのみ使えます。")))
    return out


def best_device() -> str:
    for d in devices():
        if d.available and d.name != "cpu":
            return d.name
    return "cpu"


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def recommended_threads(cores: int | None = None) -> int:
    """One core is left to the window; small models gain little from more than 4 threads."""
    cores = cpu_count() if cores is None else cores
    return 1 if cores <= 2 else min(4, cores - 1)


def thread_reason(threads: int, cores: int | None = None) -> str:
    cores = cpu_count() if cores is None else cores
    return L(f"{threads} thread(s) on {cores} core(s): one core stays free for the window, and "
             "small networks train fastest on few threads.",
             f"{cores} コア中 {threads} スレッド: 1 コアはウィンドウ用に空け、"
             "小さなネットワークは少ないスレッドの方が速く学習します。")


def apply_threads(threads: int = 0) -> int:
    """Set torch's intra-op thread count (0 = recommended); return the count in use."""
    n = threads if threads > 0 else recommended_threads()
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
    return n
