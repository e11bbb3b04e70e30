"""The training page's network box: what the editor's network is (input → layers, parameters),
why it cannot train on the data (with a button that fits its sizes, when that would), and the
export of the run these settings describe as a Python script."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel, QPushButton, QVBoxLayout

from core.analysis import ERROR
from core.data.datasets import DataError
from core.export_run import ExportError, refusal, run_script
from core.files import atomic_write, os_error_text
from core.training.netfit import fit_to_data, size_problems, softmax_warning
from gui.common import theme
from gui.training.settings import EDITOR


class NetworkBox(QGroupBox):
    def __init__(self, document, settings, source, message, parent=None):
        """``source``: the page's DataSource (its ``data``); ``message``: the page's RunMessage."""
        super().__init__(parent)
        self.setTitle(self.tr("Network"))
        self.document, self.settings, self.source, self.message = document, settings, source, message
        nl = QVBoxLayout(self)
        self.net_label = QLabel()
        self.net_label.setWordWrap(True)
        self.fit_label = QLabel()
        self.fit_label.setWordWrap(True)
        self.fit_label.setStyleSheet(f"color: {theme.ERROR};")
        self.fit_button = QPushButton(self.tr("Fit sizes to the data"))
        self.fit_button.setToolTip(self.tr("Sets the input size and the last Linear layer's outputs "
                                           "(undo with Ctrl+Z)"))
        nl.addWidget(self.net_label)
        nl.addWidget(self.fit_label)
        nl.addWidget(self.fit_button)
        self.export_button = QPushButton(self.tr("Export run as Python…"))
        nl.addWidget(self.export_button)
        self.fit_button.clicked.connect(self.fit_network)
        self.export_button.clicked.connect(self.export_run_dialog)

    def check(self, running: bool) -> None:
        """Say what the network is and what keeps it from training on the data."""
        data = self.source.data
        spec = self.document.spec()
        analysis = self.document.analysis()
        kinds = " → ".join(l.kind for l in spec.layers) or "–"
        self.net_label.setText(self.tr("Input {0} → {1}").format(tuple(spec.input_shape), kinds) + "\n"
                               + self.tr("{0} parameters").format(f"{analysis.total_params:,}"))
        issues = [p.message for p in analysis.problems if p.severity == ERROR]
        fixable = False
        if data is not None and not issues:
            issues = size_problems(spec, data)
            fixable = bool(issues) and fit_to_data(spec, data) is not None
            warn = softmax_warning(spec, data)
            if warn:
                issues.append(warn)
        cfg = self.settings.config()
        if self.settings.compare_on() and EDITOR not in (cfg.compare_a, cfg.compare_b):
            # compare mode trains two templates: the editor's network is not used now
            self.net_label.setText(self.tr("Compare mode trains the two chosen templates; their input "
                                           "and output sizes follow the data."))
            issues, fixable = [], False
        self.fit_label.setText("\n".join(issues))
        self.fit_label.setVisible(bool(issues))
        self.fit_button.setVisible(fixable)
        self.fit_button.setEnabled(fixable and not running)
        # export: refused before a file is chosen, with the reason where the learner points
        why_not = (self.tr("Export writes one network's run: turn Compare mode off first.")
                   if self.settings.compare_on() else refusal(cfg))
        self.export_button.setEnabled(why_not is None)
        self.export_button.setToolTip(why_not or self.tr("A script with the data, model, loss, optimiser, training "
                                                         "loop and evaluation that trains as this page does"))

    def fit_network(self) -> None:
        if self.source.data is None:
            return
        fixed = fit_to_data(self.document.spec(), self.source.data)
        if fixed is not None:
            self.document.set_spec(fixed, self.tr("Fit network to the data"))

    def export_run_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the run as a Python script"), "train_run.py",
                                              self.tr("Python files (*.py)"))
        if path:
            self.export_run(path if path.endswith(".py") else path + ".py")

    def export_run(self, path: str) -> bool:
        """Write the run these settings describe (the editor's network) as a script; say why not."""
        data = self.source.data
        cfg = self.settings.config()
        if self.settings.compare_on():
            self.message.say(self.tr("Export writes one network's run: turn Compare mode off first."), error=True)
            return False
        problems = cfg.problems() + ([] if data is not None else [self.message.text()])
        spec = self.document.spec()
        if data is not None:
            problems += size_problems(spec, data)
        if problems:
            self.message.say("\n".join(problems), error=True)
            return False
        try:
            text = run_script(spec, cfg, data)
            atomic_write(path, lambda f: f.write(text))
        except (ExportError, DataError) as e:
            self.message.say(str(e), error=True)
            return False
        except OSError as e:
            self.message.say(self.tr("Saving to {0} failed: {1}").format(path, os_error_text(e)), error=True)
            return False
        self.message.say(self.tr("Exported the run to {0}. Run it with: python {1}").format(
            path, path.replace("\\", "/").rsplit("/", 1)[-1]))
        return True
