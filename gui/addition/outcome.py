"""One finished addition run as the panels show it: settings, figures and (once the job ends) weights."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from core.addition.model import count_parameters
from core.addition.models import KINDS, kind_for_task
from core.engine.run import RunSpec


def build_model(spec: RunSpec):
    """A fresh model of the kind and configuration ``spec`` trains (the app's RNG left as it was)."""
    with torch.random.fork_rng(devices=[]):
        return KINDS[kind_for_task(spec.task)].build(spec.args.get("model") or {})


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
        parameters = count_parameters(build_model(spec))
        return cls(run, spec.label, spec, parameters, end.step, end.seconds,
                   m.get("exact"), m.get("per_digit"), dict(m.get("by_carries") or {}), end.reason == "stopped",
                   (state or {}).get("model", {}))

    @property
    def test_size(self) -> int:
        return int(self.spec.args.get("test_size", 0))

    @property
    def kind(self) -> str:
        return kind_for_task(self.spec.task)

    def model(self):
        model = build_model(self.spec)
        model.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in self.state_dict.items()})
        return model.eval()
