"""Draw pad: the learner draws a digit with the mouse and watches the network read it.

The canvas keeps the strokes at screen resolution; after every stroke segment the drawing is
brought to the data's resolution like the data set's pictures (``core.data.images.prepare_drawing``),
shown as the network sees it, and run through the model (``core.tasks.images.predict``): class
probabilities and every conv layer's feature maps update while the mouse moves. Work is
coalesced: many mouse moves between two repaints cost one forward pass.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from core.data.images import prepare_drawing
from core.tasks.images import conv_layers, predict
from gui.images.pixels import INK, PixelView
from gui.images.views import BarsView, FeatureMapsView

CANVAS = 280     # the drawing's own resolution (10× MNIST)


class Canvas(QWidget):
    """A square of paper: the left button draws, the right button erases."""

    stroke = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = QImage(CANVAS, CANVAS, QImage.Format_Grayscale8)
        self.image.fill(0)
        self.pen_width = CANVAS / 8     # strokes about as thick, for the digit size, as in the data sets
        self.last: QPointF | None = None
        self.erasing = False
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setCursor(Qt.CrossCursor)

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def _side(self) -> float:
        return min(self.width(), self.height())

    def _to_canvas(self, pos) -> QPointF:
        s = self._side()
        return QPointF((pos.x() - (self.width() - s) / 2) * CANVAS / s, (pos.y() - (self.height() - s) / 2) * CANVAS / s)

    def clear(self) -> None:
        self.image.fill(0)
        self.update()
        self.stroke.emit()

    def ink(self) -> np.ndarray:
        """(CANVAS, CANVAS) float32, 0 = paper, 1 = ink."""
        ptr = self.image.constBits()
        a = np.frombuffer(ptr, np.uint8).reshape(CANVAS, self.image.bytesPerLine())[:, :CANVAS]
        return a.astype(np.float32) / 255.0

    def draw_segment(self, a: QPointF, b: QPointF, erase: bool = False) -> None:
        p = QPainter(self.image)
        try:
            p.setRenderHint(QPainter.Antialiasing)
            p.setPen(QPen(QColor(0, 0, 0) if erase else QColor(255, 255, 255), self.pen_width * (2 if erase else 1),
                          Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
            p.drawLine(a, b)
        finally:
            p.end()
        self.update()
        self.stroke.emit()

    def mousePressEvent(self, event) -> None:
        self.erasing = event.button() == Qt.RightButton
        self.last = self._to_canvas(event.position())
        self.draw_segment(self.last, self.last, self.erasing)

    def mouseMoveEvent(self, event) -> None:
        if self.last is None:
            return
        point = self._to_canvas(event.position())
        self.draw_segment(self.last, point, self.erasing)
        self.last = point

    def mouseReleaseEvent(self, event) -> None:
        self.last = None

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), QColor("#eaeef2"))
            s = self._side()
            shown = self.image.copy()
            shown.invertPixels()            # stored as white ink on black (ink = 1); shown black on white
            p.drawImage(QRectF((self.width() - s) / 2, (self.height() - s) / 2, s, s), shown)
        finally:
            p.end()


class DrawPad(QWidget):
    """Canvas, the network's view of it, its probabilities and feature maps."""

    predicted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = None
        self.side = 8
        self.channels = 1
        self.class_names: list[str] = []
        self.last_input: np.ndarray | None = None
        self.last_probs: np.ndarray | None = None
        self.latencies: list[float] = []     # stroke → probabilities on screen, seconds
        self._pending_since: float | None = None

        self.canvas = Canvas()
        self.canvas.stroke.connect(self._on_stroke)
        self.seen = PixelView(look=INK, min_side=96)
        self.probs = BarsView()
        self.probs.empty_text = self.tr("Train a network on pictures first.")
        self.maps = FeatureMapsView(chooser=False)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #59636e;")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.update_prediction)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Draw here (right button erases)")))
        left.addWidget(self.canvas, 1)
        left.addWidget(self.clear_button)
        middle = QVBoxLayout()
        self.seen_label = QLabel()
        middle.addWidget(self.seen_label)
        middle.addWidget(self.seen, 1)
        middle.addWidget(QLabel(self.tr("Class probabilities")))
        middle.addWidget(self.probs, 2)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addLayout(middle, 2)
        top.addWidget(self.maps, 3)
        lay = QVBoxLayout(self)
        lay.addLayout(top, 1)
        lay.addWidget(self.status)
        self._update_seen_label()

    def set_model(self, model, input_shape: tuple[int, ...], class_names) -> None:
        """The network to ask (a CPU copy of the trained weights) and the pictures' shape (C, H, W)."""
        self.model = model
        self.channels, self.side = int(input_shape[0]), int(input_shape[-1])
        self.class_names = list(class_names)
        self._update_seen_label()
        if self.channels != 1:
            self.status.setText(self.tr("The draw pad works with grayscale pictures; this data set is in colour."))
        else:
            self.status.setText("")
        self.update_prediction()

    # the training board's plot interface: the pad draws on demand, not from progress messages
    dirty = False

    def set_runs(self, labels) -> None:
        pass

    def add(self, run: int, batch) -> None:
        pass

    def redraw(self) -> None:
        pass

    def set_data(self, data) -> None:
        """The page's data: when it is no longer pictures of the shape and classes the network was
        trained on (text, other pictures), that network stops answering; other settings keep it."""
        if self.model is None:
            return
        same = (getattr(data, "input_shape", None) == (self.channels, self.side, self.side)
                and list(getattr(data, "class_names", ())) == self.class_names)
        if not same:
            self.model = None
            self.last_probs = None
            self.probs.empty_text = self.tr("Train a network on pictures first.")
            self.probs.set_values(None, [])
            self.maps.clear()

    def set_trained(self, spec: dict, weights: dict, class_names) -> None:
        """Build ``spec`` with a finished run's weights (name -> numpy array) and ask it."""
        import torch

        from core.build import build
        from core.spec import NetworkSpec

        net = NetworkSpec.from_dict(spec)
        model = build(net)
        model.load_state_dict({k: torch.from_numpy(np.asarray(v).copy()) for k, v in weights.items()})
        self.set_model(model, tuple(net.input_shape), class_names)

    def _update_seen_label(self) -> None:
        self.seen_label.setText(self.tr("As the network sees it ({0}×{0})").format(self.side))

    @Slot()
    def _on_stroke(self) -> None:
        if self._pending_since is None:
            self._pending_since = time.perf_counter()
        self._timer.start()            # coalesce: one forward pass for all moves since the last one

    @Slot()
    def update_prediction(self) -> None:
        x = prepare_drawing(self.canvas.ink(), self.side)
        self.last_input = x
        self.seen.set_array(x)
        if self.model is None or self.channels != 1:
            self.probs.set_values(None, [])
            self._pending_since = None
            return
        if not x.any():                # blank paper: nothing to ask the network about yet
            self.last_probs = None
            self.probs.empty_text = self.tr("Draw on the paper: the probabilities appear as you draw.")
            self.probs.set_values(None, [])
            self.maps.clear(self.tr("Draw on the paper: each conv layer's feature maps appear here as you draw.")
                            if conv_layers(self.model) else "")
            self._record()
            return
        out = predict(self.model, x[None])
        self.last_probs = out["probs"]
        best = int(np.argmax(out["probs"]))
        self.probs.set_values(out["probs"], self.class_names, best)
        names = self.class_names
        self.maps.show_maps(x[None], self.tr("Your drawing: the network says {0} ({1:.0%})").format(
            names[best] if best < len(names) else best, float(out["probs"][best])), out["feature_maps"])
        self._record()

    def _record(self) -> None:
        if self._pending_since is not None:
            self.latencies.append(time.perf_counter() - self._pending_since)
            self._pending_since = None
        self.predicted.emit()
