"""Training settings as one JSON-friendly dataclass (stored in the project file's "training")."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

from core.i18n import L

OPTIMIZERS = ("sgd", "momentum", "adam", "adamw")
INITS = ("default", "xavier", "he", "normal")


@dataclass
class TrainConfig:
    # data
    dataset: str = "moons"           # a generated set's name, or "csv" (moons fits the default network)
    n_samples: int = 600
    noise: float = 0.1
    val_fraction: float = 0.2
    seed: int = 0
    csv_path: str = ""
    csv_target: str = ""
    # optimisation
    optimizer: str = "adam"
    lr: float = 0.01
    momentum: float = 0.9            # used by "momentum" only
    weight_decay: float = 0.0
    batch_size: int = 32
    epochs: int = 100
    init: str = "default"
    init_std: float = 0.1            # used by "normal" only
    # where it runs
    device: str = "cpu"
    threads: int = 0                 # 0: the app's deliberate choice (core.training.devices)
    # compare mode: second network ("" = off); a template name
    compare_a: str = ""
    compare_b: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "TrainConfig":
        """Build from a project file's dict: unknown keys are ignored, bad values fall back to defaults."""
        cfg = cls()
        if not isinstance(data, dict):
            return cfg
        for f in fields(cls):
            if f.name not in data:
                continue
            default = getattr(cfg, f.name)
            value = data[f.name]
            try:
                if isinstance(default, bool):
                    value = bool(value)
                elif isinstance(default, int):
                    value = int(value)
                elif isinstance(default, float):
                    value = float(value)
                    if not math.isfinite(value):
                        continue
                else:
                    value = str(value)
            except (TypeError, ValueError, OverflowError):  # e.g. int(1e400 → inf) in a hand-edited file
                continue
            setattr(cfg, f.name, value)
        if cfg.optimizer not in OPTIMIZERS:
            cfg.optimizer = cls.optimizer
        if cfg.init not in INITS:
            cfg.init = cls.init
        return cfg

    def problems(self) -> list[str]:
        """Settings that cannot work, as messages in the user's language."""
        out = []
        if not self.lr > 0:
            out.append(L("The learning rate must be above 0.", "学習率は 0 より大きくしてください。"))
        if self.batch_size < 1:
            out.append(L("The batch size must be at least 1.", "バッチサイズは 1 以上にしてください。"))
        if self.epochs < 1:
            out.append(L("Train for at least 1 epoch.", "エポック数は 1 以上にしてください。"))
        if self.init == "normal" and not self.init_std > 0:
            out.append(L("The std of the normal initialisation must be above 0.",
                         "正規分布初期化の標準偏差は 0 より大きくしてください。"))
        return out


def optimizer_title(name: str) -> str:
    return {"sgd": "SGD", "momentum": L("SGD with momentum", "SGD（モーメンタム付き）"),
            "adam": "Adam", "adamw": "AdamW"}.get(name, name)


def init_title(name: str) -> str:
    return {"default": L("PyTorch default", "PyTorch の既定"), "xavier": "Xavier (Glorot)",
            "he": "He (Kaiming)", "normal": L("Normal (chosen std)", "正規分布（標準偏差を指定）")
            }.get(name, name)
