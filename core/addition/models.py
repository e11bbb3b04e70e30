"""The kinds of addition model, one entry each: the textbook's Seq2Seq and the Transformer.

Checkpoints, the solver, the CLI, the benchmark and the panel look a kind up here (its config
class, its model class, its shipped checkpoint, its name for people) instead of testing types.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.i18n import L
from core.paths import resource_path

from .model import ModelConfig, Seq2Seq
from .transformer import AdditionTransformer, TransformerConfig


@dataclass(frozen=True)
class ModelKind:
    name: str
    config_class: type
    model_class: type
    shipped_name: str               # file in resources/models
    task: str                       # the engine task that trains it (a key of core.tasks.TASKS)
    label_en: str
    label_ja: str

    @property
    def shipped(self) -> Path:
        return resource_path("models", self.shipped_name)

    @property
    def label(self) -> str:
        return L(self.label_en, self.label_ja)

    def build(self, config_dict: dict):
        return self.model_class(self.config_class.from_dict(config_dict))


KINDS: dict[str, ModelKind] = {
    "seq2seq": ModelKind("seq2seq", ModelConfig, Seq2Seq, "addition_3digit.pt", "addition",
                         "Seq2Seq (GRU encoder-decoder)", "Seq2Seq（GRU エンコーダ・デコーダ）"),
    "transformer": ModelKind("transformer", TransformerConfig, AdditionTransformer,
                             "addition_transformer_3digit.pt", "addition_transformer",
                             "Transformer (GPT-style, decoder only)", "Transformer（GPT 型、デコーダのみ）"),
}


def kind_of(model) -> str:
    """The kind name of a model (or of its config)."""
    cfg = getattr(model, "cfg", model)
    return getattr(cfg, "kind", "seq2seq")


def kind_for_task(task: str) -> str:
    """The kind of model an engine task trains ("addition" -> "seq2seq")."""
    for kind in KINDS.values():
        if kind.task == task:
            return kind.name
    raise ValueError(f"no addition model is trained by task {task!r}")
