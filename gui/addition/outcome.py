"""One finished addition run as the panels show it: settings, figures and (once the job ends) weights."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from core.addition.model import Seq2Seq, count_parameters
from core.addition.train import model_config
from core.engine.run import RunSpec


@dataclass
class RunOutcome:
    run: int
    label: str
    spec: RunSpec
    parameters: int
    steps: int
    seconds: float
    exact: float | None
    per_digit: float | None
    by_carries: dict
    stopped: bool
    state_dict: dict = field(repr=False, default_factory=dict)    # name -> numpy array

    @classmethod
    def from_end(cls, run: int, spec: RunSpec, end, state: dict | None = None) -> "RunOutcome":
        m = end.metrics or {}
        cfg = model_config(spec)
        with torch.random.fork_rng(devices=[]):        # counting builds a model: keep the app's RNG as it was
            parameters = count_parameters(Seq2Seq(cfg))
        return cls(run, spec.label, spec, parameters, end.step, end.seconds,
                   m.get("exact"), m.get("per_digit"), dict(m.get("by_carries") or {}), end.reason == "stopped",
                   (state or {}).get("model", {}))

    @property
    def test_size(self) -> int:
        return int(self.spec.args.get("test_size", 0))

    def model(self) -> Seq2Seq:
        with torch.random.fork_rng(devices=[]):
            model = Seq2Seq(model_config(self.spec))
        model.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in self.state_dict.items()})
        return model.eval()
