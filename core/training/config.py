"""Training settings as one JSON-friendly dataclass (stored in the project file's "training")."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

from core.engine.config import OPTIMIZERS, Cadence, Limits, OptimConfig
from core.engine.run import RunSpec
from core.i18n import L
from core.init import INITS, init_title  # noqa: F401 - the form lists them from here

# how often the training page hears about a run (the engine's Cadence for tabular training)
LIVE_CADENCE = Cadence(eval_interval_s=1 / 20,       # train/validation metrics: per epoch, ≤ 20/s
                       stats_interval_s=1 / 20,      # gradient statistics: plenty for a plot
                       pictures_interval_s=0.5)      # decision boundary, histograms: costlier


LR_MIN, LR_MAX = 1e-5, 10.0
MAX_TEMPERATURE = 2.0           # the samples view's temperature range is 0..2
MAX_PROMPT = 500                # characters of a prompt or attention text kept
# TrainConfig field -> the text task's option it holds (core.tasks.text.SampleOptions)
TEXT_OPTIONS = {"sample_prompt": "prompt", "sample_temperature": "temperature", "sample_top_k": "top_k",
                "attention_text": "attention_text"}
MAX_STEPS = 10_000_000          # the step budget's upper end (text)     # beyond 10 every optimiser here diverges on these data at once


def lr_problem(lr: float) -> str | None:
    """Why a learning rate is refused (None when it is fine), in the learner's language."""
    if not (isinstance(lr, (int, float)) and math.isfinite(lr)) or lr <= 0:
        return L("The learning rate must be a number above 0.", "学習率は 0 より大きい数にしてください。")
    if lr < LR_MIN:
        return L(f"A learning rate below {LR_MIN:g} barely moves the weights; use at least {LR_MIN:g}.",
                 f"学習率が {LR_MIN:g} 未満では重みがほとんど動きません。{LR_MIN:g} 以上にしてください。")
    if lr > LR_MAX:
        return L(f"A learning rate of {lr:g} is refused: above {LR_MAX:g} each step jumps far past the minimum "
                 f"and the loss explodes. Use at most {LR_MAX:g} (0.001–0.1 is usual).",
                 f"学習率 {lr:g} は受け付けません。{LR_MAX:g} を超えると1歩ごとに最小値を大きく飛び越え、損失が"
                 f"発散します。{LR_MAX:g} 以下にしてください（普通は 0.001〜0.1）。")
    return None


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
    image_folder: str = ""           # dataset "folder": the learner's pictures, one subfolder per class
    image_size: int = 28             # ...resized to image_size × image_size
    image_color: str = "gray"        # ...in "gray" or "rgb"
    text_path: str = ""              # dataset "text_file": the learner's UTF-8 text
    # optimisation
    optimizer: str = "adam"
    lr: float = 0.01
    momentum: float = 0.9            # used by "momentum" only
    weight_decay: float = 0.0
    batch_size: int = 32
    epochs: int = 100
    steps: int = 2000                # text has no epochs: the run's budget in steps (batches)
    init: str = "default"
    init_std: float = 0.1            # used by "normal" only
    # where it runs
    device: str = "cpu"
    threads: int = 0                 # 0: the app's deliberate choice (core.training.devices)
    # compare mode: second network ("" = off); a template name
    compare_a: str = ""
    compare_b: str = ""
    # text's live views (what they ask the network to show; core.tasks.text.SampleOptions' defaults)
    sample_prompt: str = "The "
    sample_temperature: float = 0.8
    sample_top_k: int = 0
    attention_text: str = ""

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
        if cfg.image_color not in ("gray", "rgb"):
            cfg.image_color = cls.image_color
        cfg.image_size = min(max(cfg.image_size, 4), 256)
        cfg.steps = min(max(cfg.steps, 1), MAX_STEPS)
        if not 0.0 <= cfg.sample_temperature <= MAX_TEMPERATURE:
            cfg.sample_temperature = cls.sample_temperature
        cfg.sample_top_k = max(cfg.sample_top_k, 0)
        cfg.sample_prompt, cfg.attention_text = cfg.sample_prompt[:MAX_PROMPT], cfg.attention_text[:MAX_PROMPT]
        return cfg

    def text_options(self) -> dict:
        """The text views' choices as ``TextTask.set_options`` takes them (prompt, temperature...)."""
        return {option: getattr(self, name) for name, option in TEXT_OPTIONS.items()}

    def with_text_options(self, options: dict) -> "TrainConfig":
        """A copy with the text views' choices in ``options`` (the keys of ``text_options``)."""
        names = {option: name for name, option in TEXT_OPTIONS.items()}
        return TrainConfig.from_dict({**self.to_dict(), **{names[k]: v for k, v in options.items() if k in names}})

    @property
    def kind(self) -> str:
        """What the data is: "text", "images" or "tabular" (generated sets and CSV files)."""
        return data_kind(self.dataset)

    def problems(self) -> list[str]:
        """Settings that cannot work, as messages in the user's language."""
        out = []
        problem = lr_problem(self.lr)
        if problem:
            out.append(problem)
        if self.batch_size < 1:
            out.append(L("The batch size must be at least 1.", "バッチサイズは 1 以上にしてください。"))
        if self.kind == "text":
            if not 1 <= self.steps <= MAX_STEPS:
                out.append(L(f"Train for 1 to {MAX_STEPS:,} steps.", f"ステップ数は 1〜{MAX_STEPS:,} にしてください。"))
        elif self.epochs < 1:
            out.append(L("Train for at least 1 epoch.", "エポック数は 1 以上にしてください。"))
        if self.init == "normal" and not self.init_std > 0:
            out.append(L("The std of the normal initialisation must be above 0.",
                         "正規分布初期化の標準偏差は 0 より大きくしてください。"))
        return out

    def run_spec(self, spec: dict, data, label: str = "", state: dict | None = None,
                 weights_only: bool = False, cadence: Cadence = LIVE_CADENCE,
                 options: dict | None = None) -> RunSpec:
        """The engine run these settings describe, for the network ``spec`` (a dict) on ``data``.

        Text (a ``TextCorpus``) trains for ``steps`` batches with the text task's own schedule,
        clipping and cadence (what the form does not set); ``options`` are its live views' prompt,
        temperature, top-k and attention text."""
        from core.data.images import ImageSet
        from core.data.text import TextCorpus
        optim = OptimConfig(optimizer=self.optimizer, lr=self.lr, momentum=self.momentum,
                            weight_decay=self.weight_decay)
        if isinstance(data, TextCorpus):
            from core.tasks import text
            optim = OptimConfig(**{**text.OPTIM.to_dict(), **{k: v for k, v in optim.to_dict().items() if k in
                                                              ("optimizer", "lr", "momentum", "weight_decay")}})
            return RunSpec("text", dict(spec=spec, corpus=data, batch_size=self.batch_size, seed=self.seed,
                                        options=dict(options or {})),
                           optim, Limits(max_steps=self.steps), Cadence(**text.CADENCE.to_dict()), self.device,
                           label, state, weights_only)
        return RunSpec(
            "images" if isinstance(data, ImageSet) else "tabular",
            dict(spec=spec, data=data, batch_size=self.batch_size, seed=self.seed, init=self.init,
                 init_std=self.init_std),
            optim, Limits(max_epochs=self.epochs), Cadence(**cadence.to_dict()), self.device, label, state, weights_only)


def data_kind(dataset: str) -> str:
    """"text", "images" or "tabular" for a ``TrainConfig.dataset`` name (one list of each: TEXT_SETS,
    IMAGE_SETS; everything else is a table)."""
    from core.data.images import IMAGE_SETS
    from core.data.text import TEXT_SETS
    return "text" if dataset in TEXT_SETS else "images" if dataset in IMAGE_SETS else "tabular"


def text_defaults() -> dict:
    """The settings a text run starts from when the learner picks text (the text task's own)."""
    from core.tasks import text
    return dict(optimizer=text.OPTIM.optimizer, lr=text.OPTIM.lr, batch_size=text.BATCH_SIZE)


def optimizer_title(name: str) -> str:
    return {"sgd": "SGD", "momentum": L("SGD with momentum", "SGD（モーメンタム付き）"),
            "adam": "Adam", "adamw": "AdamW"}.get(name, name)
