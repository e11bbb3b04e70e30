"""The registry of training tasks: one entry per kind of training the engine can run.

A task is a ``core.engine.task.Task`` subclass built from plain keyword arguments (so a job can
cross to the training process as data). Entries are "module:Class" strings, imported on first
use, so that the app's start does not import every task's dependencies.
"""
from __future__ import annotations

import importlib

TASKS: dict[str, str] = {
    "tabular": "core.tasks.tabular:TabularTask",      # the editor's network on 2-D points / CSV rows
    "addition": "core.tasks.addition:AdditionTask",   # the Seq2Seq that learns to add
    "addition_transformer": "core.tasks.addition:TransformerTask",   # the Transformer beside it
    "text": "core.tasks.text:TextTask",               # the editor's network predicts the next character
    "images": "core.tasks.images:ImageTask",          # the editor's network classifies pictures
}


def task_class(name: str):
    try:
        module, cls = TASKS[name].split(":")
    except KeyError:
        raise ValueError(f"unknown task {name!r}; expected one of {sorted(TASKS)}") from None
    return getattr(importlib.import_module(module), cls)


def make_task(name: str, args: dict):
    return task_class(name)(**args)
