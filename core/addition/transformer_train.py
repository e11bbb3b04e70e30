"""How the addition Transformer is trained: the recipe (task arguments + the engine's settings).

    spec = recipe(TransformerConfig(), target=0.99)       # a RunSpec: plain data, for any process
    engine = spec.engine(callbacks=[...])
    engine.run()

Training itself is the shared engine (``core.engine``) running ``core.tasks.addition``'s
``TransformerTask`` (``core.tasks.TASKS["addition_transformer"]``), which measures on the Seq2Seq's
held-out problems: with the same digits, test size and seed both models meet the same 5,000 problems.
"""
from __future__ import annotations

from core.engine.config import Cadence, Limits, OptimConfig
from core.engine.run import RunSpec
from core.tasks.addition import TransformerTrainConfig

from .transformer import TransformerConfig

# The optimiser the panel, the CLI and the benchmark use (chosen by measurement, see bench/addition_speed.py)
FAST_OPTIM = OptimConfig(optimizer="adamw", lr=1e-2, lr_final=1e-4, schedule="cosine", warmup_steps=100,
                         weight_decay=0.01, grad_clip=1.0)
# ...and the quickest model to 99 % on the 5,000 held-out problems, with its schedule's length. Measured
# here (seeds 0-2, on a loaded 2-core machine): 1 x 4 x 32 with batch 512 at 1e-2 reached 99 % in 700,
# 550 and 600 steps; 2 x 4 x 32 with batch 256 at 6e-3 in 600 steps for one seed but not within 800 for
# another; 1 x 4 x 32 with batch 256 missed 800 for one seed. Steps to 99 % barely depend on size, so
# the smallest model that gets there reliably wins.
FAST = dict(model=TransformerConfig(layers=1, heads=4, width=32, positions="coupled"), batch_size=512,
            lr=FAST_OPTIM.lr, lr_final=FAST_OPTIM.lr_final, warmup_steps=FAST_OPTIM.warmup_steps, max_steps=800,
            eval_every=50)


def recipe(model: TransformerConfig | None = None, *, train_size: int | None = None, test_size: int = 5000,
           batch_size: int = 256, lr: float = FAST_OPTIM.lr, lr_final: float = FAST_OPTIM.lr_final,
           warmup_steps: int = FAST_OPTIM.warmup_steps, max_steps: int = 1500, max_seconds: float | None = None,
           target: float | None = None, eval_every: int = 50, seed: int = 0, balanced: float = 0.0,
           details: bool = True, label: str = "") -> RunSpec:
    """A Transformer run as plain data (``RunSpec``): task arguments and the engine's settings."""
    cfg = TransformerTrainConfig(model=model or TransformerConfig(), train_size=train_size or None,
                                 test_size=test_size, batch_size=batch_size, seed=seed, balanced=balanced,
                                 details=details)
    cfg.validate()
    optim = OptimConfig(**{**FAST_OPTIM.to_dict(), "lr": lr, "lr_final": lr_final, "warmup_steps": warmup_steps})
    return RunSpec("addition_transformer", cfg.to_dict(), optim,
                   Limits(max_steps=max_steps, max_seconds=max_seconds, target=target),
                   Cadence(eval_every_steps=eval_every), label=label)
