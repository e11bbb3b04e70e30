"""Which networks Start trains (the editor's, or compare mode's two: templates or the editor's)
and the engine runs made of them: each network checked against the data, built once as a check,
initialised as the settings say or seeded with the project's saved weights
(``TrainConfig.run_spec``)."""
from __future__ import annotations

from PySide6.QtCore import QObject

from core.build import BuildError, build
from core.init import init_weights
from core.templates import TEMPLATES
from core.training.config import TrainConfig
from core.training.netfit import fit_problems, fit_to_data, size_problems
from gui.training.settings import EDITOR


class RunMaker(QObject):
    def __init__(self, document, settings, message, parent=None):
        """``message``: the page's RunMessage (it says why no runs could be made)."""
        super().__init__(parent)
        self.document, self.settings, self.message = document, settings, message

    def specs(self, cfg: TrainConfig):
        """(label, spec, from_editor) for each network to train."""
        if self.settings.compare_on():
            out = []
            for key, letter in ((cfg.compare_a, "A"), (cfg.compare_b, "B")):
                if key == EDITOR:
                    out.append((f"{letter}: " + self.tr("editor network"), self.document.spec(), True))
                else:
                    t = TEMPLATES[key]
                    out.append((f"{letter}: {t.title}", t.make(), False))
            return out
        return [(self.tr("Network"), self.document.spec(), True)]

    def labels(self, cfg: TrainConfig) -> list[str]:
        return [label for label, _, _ in self.specs(cfg)]

    def make(self, cfg: TrainConfig, data, use_saved_weights: bool):
        """Check every network against ``data`` and prepare the job's runs (the editor's network
        from the project's weights when ``use_saved_weights``): (runs, from_editor flags), or None
        (the message says why)."""
        runs, flags = [], []
        for label, spec, from_editor in self.specs(cfg):
            if from_editor:
                issues = size_problems(spec, data)
                if issues:
                    hint = self.tr("Press “Fit sizes to the data” to fix it.") if fit_to_data(spec, data) else ""
                    self.message.say("\n".join(issues + [hint]).strip(), error=True)
                    return None
            else:
                spec = fit_to_data(spec, data) or spec          # templates adapt silently
            try:
                model = build(spec)                             # a check here; the process builds its own
            except BuildError as e:
                self.message.say(self.tr("The network cannot be built:") + "\n" + str(e), error=True)
                return None
            init_weights(model, cfg.init, cfg.init_std)
            weights = self.document.weights() if from_editor and use_saved_weights else None
            if weights is not None:
                model.load_state_dict(weights)
            problems = fit_problems(model, data, spec.input_shape)
            if problems:
                self.message.say("\n".join(problems), error=True)
                return None
            state = None if weights is None else {"model": {k: v.numpy() for k, v in weights.items()}}
            runs.append(cfg.run_spec(spec.to_dict(), data, label, state, weights_only=True,
                                     options=self.settings.config().text_options()))
            flags.append(from_editor)
        return runs, flags
