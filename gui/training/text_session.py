"""Who answers the Text tab when no text run goes on: its two views (samples, attention) show the
settings' prompt, temperature, top-k and attention text; after a text run the network it trained
answers them (``gui.text.trained.TrainedText``, off the GUI thread), and before any run this
session the project's saved weights do, when they are the ones the next Start continues.

While a run goes on, the page hands the views' options to the running task instead.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot

from core.data.text import TextCorpus
from core.training.config import TrainConfig
from core.training.netfit import size_problems
from gui.text.trained import ATTENTION, SAMPLE, TrainedText


class TextSession(QObject):
    def __init__(self, board, settings, document, message, parent=None):
        """``board``: the page's PlotBoard (its text views); ``message``: the page's RunMessage."""
        super().__init__(parent)
        self.views = (board.text_samples, board.attention)
        self.settings, self.document, self.message = settings, document, message
        self.trained = TrainedText(self)     # after a text run: its final weights answer the Text tab
        self.trained.pictures.connect(self._trained_pictures)
        self.trained.failed.connect(self._trained_failed)
        self.trained.busy_changed.connect(self._trained_busy)

    def show_options(self, cfg: TrainConfig) -> None:
        """The text views show the settings' prompt, temperature, top-k and attention text."""
        for view in self.views:
            view.set_options(cfg.text_options())

    def answer(self, options: dict, data, use_saved_weights: bool) -> None:
        """The views asked for ``options`` (already in the settings) while no run goes on: the
        trained network, or else the project's saved weights, answer them."""
        if self.trained.has_model() or self._offer_saved_weights(data, use_saved_weights):
            self.trained.ask(self.settings.config().text_options(),
                             {ATTENTION} if "attention_text" in options else {SAMPLE})

    def _offer_saved_weights(self, data, use_saved_weights: bool) -> bool:
        """No run this session: the project's trained weights answer the Text tab, when they are the
        ones the next Start continues (not after Reset or new data) and the network fits this text."""
        spec, weights = self.document.spec(), self.document.weights()
        if (not isinstance(data, TextCorpus) or not use_saved_weights or weights is None
                or self.settings.compare_on() or size_problems(spec, data)):
            return False
        self.trained.set_trained(spec.to_dict(), {k: v.numpy() for k, v in weights.items()}, data,
                                 None, self.settings.config().seed)
        return True

    @Slot(object, object)
    def _trained_pictures(self, pictures: dict, step) -> None:
        for view in self.views:
            view.update_pictures(pictures, step)

    @Slot(str)
    def _trained_failed(self, text: str) -> None:
        self.message.say(self.tr("The trained network cannot write: {0}").format(text), error=True)

    @Slot(bool)
    def _trained_busy(self, busy: bool) -> None:
        for view in self.views:
            view.setCursor(Qt.BusyCursor) if busy else view.unsetCursor()
