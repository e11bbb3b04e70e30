"""One run as plain data: which task with which arguments, and the engine's settings.

A ``RunSpec`` crosses to the training process as it is (``core.engine.process``), and builds
the same engine in-process for the command line, benchmarks and tests::

    engine = RunSpec("addition", {"test_size": 5000}, OptimConfig(lr=1e-2), Limits(max_steps=2000)).engine()
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.engine.config import Cadence, Limits, OptimConfig
from core.engine.engine import Engine


@dataclass
class RunSpec:
    task: str                               # a key of core.tasks.TASKS
    args: dict = field(default_factory=dict)   # the task's keyword arguments (plain data)
    optim: OptimConfig = field(default_factory=OptimConfig)
    limits: Limits = field(default_factory=Limits)
    cadence: Cadence = field(default_factory=Cadence)
    device: str = "cpu"
    label: str = ""
    state: dict | None = None               # Engine.state_dict() to continue from
    weights_only: bool = False              # take only the weights from ``state`` (a new run)

    def engine(self, callbacks=(), control=None) -> Engine:
        from core.tasks import make_task

        engine = Engine(make_task(self.task, self.args), self.optim, self.limits, self.cadence,
                        callbacks, control, self.device)
        if self.state is not None:
            engine.load_state_dict(self.state, weights_only=self.weights_only)
        return engine
