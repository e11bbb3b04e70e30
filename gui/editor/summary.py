"""The lines around the canvas: the summary (parameters, output shape, problems) and the legend."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel

from core.analysis import ERROR, WARNING, Analysis
from core.layers import GROUPS, format_shape, group_title
from gui.editor.style import ERROR_COLOR, SKIP_COLOR, WARNING_COLOR, group_color


class NetworkSummary(QLabel):
    """One line under the toolbar: total parameters, output shape, problems (whole-network ones spelled out)."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setContentsMargins(6, 4, 6, 4)
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        analysis: Analysis = self.document.analysis()
        spec = self.document.view()
        n_layers = len(spec.all_layers())
        n_blocks = self.document.node_count() - n_layers
        errors = sum(p.severity == ERROR for p in analysis.problems)
        warnings = sum(p.severity == WARNING for p in analysis.problems)
        parts = [self.tr("<b>1</b> layer") if n_layers == 1 else self.tr("<b>{0}</b> layers").format(n_layers)]
        if n_blocks:
            parts[0] += " " + (self.tr("in <b>1</b> block") if n_blocks == 1
                               else self.tr("in <b>{0}</b> blocks").format(n_blocks))
        parts += [self.tr("<b>{0}</b> parameters in total").format(f"{analysis.total_params:,}"),
                  self.tr("output {0}").format(
                      "<code>" + (format_shape(analysis.output_shape) if spec.layers else "?") + "</code>")]
        if errors:
            text = self.tr("1 error") if errors == 1 else self.tr("{0} errors").format(errors)
            parts.append(f"<span style='color:{ERROR_COLOR.name()}'><b>{text}</b></span>")
        if warnings:
            text = self.tr("1 warning") if warnings == 1 else self.tr("{0} warnings").format(warnings)
            parts.append(f"<span style='color:{WARNING_COLOR.name()}'><b>{text}</b></span>")
        if not errors and not warnings:
            parts.append("<span style='color:#1a7f37'><b>✓ " + self.tr("no problems") + "</b></span>")
        text = " · ".join(parts)
        for problem in analysis.problems:
            if problem.layer_id is None:  # whole-network problems have no block to sit on
                color = ERROR_COLOR if problem.severity == ERROR else WARNING_COLOR
                text += f"<br><span style='color:{color.name()}'>⚠ {escape(problem.message)}</span>"
        if any(p.layer_id is not None for p in analysis.problems):
            text += "<br><span style='color:#59636e'>" + self.tr(
                "Blocks with a problem are outlined; point at one to read why.") + "</span>"
        self.setText(text)
        self.setToolTip("\n".join(("✖ " if p.severity == ERROR else "⚠ ") + p.message for p in analysis.problems))

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.refresh()
        super().changeEvent(event)


class ShapeLegend(QLabel):
    """How to read the canvas: what (B, 64) means, and which colour is which group."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setContentsMargins(6, 2, 6, 2)
        self.retranslate()

    def retranslate(self) -> None:
        chips = " &nbsp;".join(  # a plain space between chips: the line may wrap there
            f"<span style='color:{group_color(g).name()}'>■</span>&nbsp;{group_title(g)}" for g in GROUPS)
        chips += (f" &nbsp;<span style='color:{group_color('block').name()}'>■</span>&nbsp;" + self.tr("Blocks")
                  + f" &nbsp;<span style='color:{SKIP_COLOR.name()}'>━</span>&nbsp;" + self.tr("skip path"))
        self.setText("<span style='color:#59636e'>" + self.tr(
            "<code>(B, 64)</code>: a batch of B samples, 64 numbers each. "
            "B is the batch size; it is left open because any B works.") + "</span><br>" + chips)

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

