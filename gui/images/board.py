"""The image task's views in one place, for the training page.

``IMAGE_VIEWS`` lists them as entries (key, title, class); each view is a plot of the training
board (``dirty``/``set_runs``/``add``/``redraw``) and has ``update_pictures(pictures)``/``clear()``,
so the training page can add them to its board's ``PLOTS`` as they are. ``ImageBoard`` shows them as tabs, with
the draw pad last, and forwards every pictures event to all of them (a hidden tab repaints only
when shown, so the cost stays that of the visible one).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gui.images.draw_pad import DrawPad
from gui.images.views import ConfusionView, FeatureMapsView, FiltersView, MistakesView, PerClassView, SampleGrid


IMAGE_VIEWS = (
    ("samples", lambda: QCoreApplication.translate("ImageBoard", "Samples"), SampleGrid),
    ("confusion", lambda: QCoreApplication.translate("ImageBoard", "Confusion matrix"), ConfusionView),
    ("per_class", lambda: QCoreApplication.translate("ImageBoard", "Per-class accuracy"), PerClassView),
    ("mistakes", lambda: QCoreApplication.translate("ImageBoard", "Mistakes"), MistakesView),
    ("feature_maps", lambda: QCoreApplication.translate("ImageBoard", "Feature maps"), FeatureMapsView),
    ("filters", lambda: QCoreApplication.translate("ImageBoard", "First-layer filters"), FiltersView),
)


class ImageBoard(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.views = {}
        for key, title, cls in IMAGE_VIEWS:
            view = cls()
            self.views[key] = view
            self.tabs.addTab(view, title())
        self.draw_pad = DrawPad()
        self.tabs.addTab(self.draw_pad, QCoreApplication.translate("ImageBoard", "Draw pad"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        for view in self.views.values():
            view.update_pictures(pictures)

    def clear(self) -> None:
        for view in self.views.values():
            view.clear()

    def set_model(self, model, input_shape, class_names) -> None:
        """Weights for the draw pad (a CPU copy of the trained model)."""
        self.draw_pad.set_model(model, input_shape, class_names)

    def set_trained(self, spec: dict, weights: dict, class_names) -> None:
        """The draw pad asks the network a finished run trained (``JobResult.states[i]["model"]``)."""
        self.draw_pad.set_trained(spec, weights, class_names)
