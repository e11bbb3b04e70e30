"""How the addition model is trained: the recipe (task arguments + the engine's settings).

Training itself is the shared engine (``core.engine``) running ``core.tasks.addition``;
this module only holds the defaults, chosen by measurement here (bench/addition_speed.py):
Adam with a cosine decay from 1e-2 to 3e-4, batch 128, held-out exact match every 100 steps.

    spec = recipe(ModelConfig(), max_steps=2000, target=0.99)
    engine = spec.engine(callbacks=[...])       # in-process (CLI, bench, tests)
    # or send ``spec`` to the training process (gui/run/controller.py)
"""
from __future__ import annotations

from core.engine.config import Cadence, Limits, OptimConfig
from core.engine.run import RunSpec

from .model import ModelConfig

DEFAULTS = dict(batch_size=128, lr=1e-2, lr_final=3e-4, max_steps=2000, eval_every=100, grad_clip=5.0)


def recipe(model: ModelConfig | None = None, *, train_size: int | None = None, test_size: int = 5000,
           batch_size: int = DEFAULTS["batch_size"], lr: float = DEFAULTS["lr"],
           lr_final: float = DEFAULTS["lr_final"], max_steps: int = DEFAULTS["max_steps"],
           max_seconds: float | None = None, target: float | None = None,
           eval_every: int = DEFAULTS["eval_every"], grad_clip: float = DEFAULTS["grad_clip"],
           seed: int = 0, label: str = "") -> RunSpec:
    model = model or ModelConfig()
    return RunSpec(
        "addition",
        dict(model=model.to_dict(), train_size=train_size or None, test_size=test_size,
             batch_size=batch_size, seed=seed),
        OptimConfig(optimizer="adam", lr=lr, schedule="cosine", lr_final=lr_final, grad_clip=grad_clip),
        Limits(max_steps=max_steps, max_seconds=max_seconds, target=target),
        Cadence(eval_every_steps=eval_every),
        label=label,
    )


def model_config(spec: RunSpec) -> ModelConfig:
    return ModelConfig.from_dict(spec.args.get("model") or {})
