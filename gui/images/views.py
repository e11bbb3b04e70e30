"""What did the network learn? The image task's views, each a widget with one small interface:

    view.update_pictures(pictures)   # the dict from core.tasks.images.ImageTask.pictures()
    view.clear()

- ``SampleGrid``: validation pictures with their labels (and, once measured, the prediction).
- ``ConfusionView``: true class (rows) against predicted class (columns), counts shaded.
- ``PerClassView``: accuracy of each class as bars.
- ``MistakesView``: the surest mistakes, each with its true and predicted class and probability.
- ``FeatureMapsView``: one picture and what every conv layer makes of it.
- ``FiltersView``: the first conv layer's kernels.

Each is also a plot of the training board (gui/training/board.py: ``dirty``, ``set_runs``,
``add``, ``redraw``, through ``PicturesPlot``): the first run's latest pictures are drawn at the
board's pace. They paint plain numpy arrays with QPainter (no pyqtgraph items to create or leak): one widget,
one paintEvent, whatever the number of tiles.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from gui.images.pixels import DIVERGING, INK, RGB, PixelView, to_qimage
from gui.training.board_plot import PicturesPlot   # the board's plot interface for pictures views

GOOD, BAD, MUTED, TEXT = QColor("#139a6b"), QColor("#d1242f"), QColor("#59636e"), QColor("#1f2328")


@dataclass
class Tile:
    image: QImage
    caption: str = ""
    color: QColor = field(default_factory=lambda: QColor(TEXT))
    bars: np.ndarray | None = None   # optional probabilities under the picture
    mark: int = -1                    # the bar drawn in the caption's colour


def image_tile(a: np.ndarray, caption: str = "", color: QColor = TEXT, look: str | None = None,
               vmax: float | None = None, bars=None, mark: int = -1) -> Tile:
    """A tile for a picture (C, H, W) or a map (H, W)."""
    a = np.asarray(a, dtype=np.float32)
    if look is None:
        look = RGB if a.ndim == 3 and a.shape[0] == 3 else INK
    if a.ndim == 3 and look != RGB:
        a = a[0]
    return Tile(to_qimage(a, look, vmax), caption, color, bars, mark)


class TileGrid(QWidget):
    """Pictures in rows, each with a caption and optional probability bars, sized to fit."""

    def __init__(self, parent=None, tile: int = 56, caption_lines: int = 1):
        super().__init__(parent)
        self.tiles: list[Tile] = []
        self.tile = tile
        self.caption_lines = caption_lines
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(120, 80)

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def set_tiles(self, tiles: list[Tile]) -> None:
        self.tiles = tiles
        self.update()

    def _layout(self) -> tuple[int, float, float]:
        """(columns, tile side, cell height) so that every tile fits the widget."""
        n = max(1, len(self.tiles))
        has_bars = any(t.bars is not None for t in self.tiles)
        text_h = 14 * self.caption_lines + (10 if has_bars else 0)
        gap = 6
        best = (1, 8.0, 8.0 + text_h + gap)
        for cols in range(1, n + 1):
            rows = -(-n // cols)
            side = min(self.width() / cols - gap, (self.height() - rows * (text_h + gap)) / rows, self.tile * 2)
            if side > best[1]:
                best = (cols, side, side + text_h + gap)
        return best

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), QColor("white"))
            if not self.tiles:
                p.setPen(MUTED)
                p.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self.empty_text)
                return
            cols, side, cell_h = self._layout()
            cell_w = self.width() / cols
            f = QFont(p.font())
            f.setPointSizeF(8)
            p.setFont(f)
            for k, t in enumerate(self.tiles):
                r, c = divmod(k, cols)
                x = c * cell_w + (cell_w - side) / 2
                y = r * cell_h + 3
                box = QRectF(x, y, side, side)
                p.drawImage(box, t.image)
                p.setPen(QPen(QColor("#d0d7de"), 1))
                p.drawRect(box)
                yy = y + side + 1
                if t.bars is not None and len(t.bars):
                    bw = side / len(t.bars)
                    for i, v in enumerate(np.clip(t.bars, 0, 1)):
                        h = 8 * float(v)
                        p.fillRect(QRectF(x + i * bw, yy + 8 - h, max(bw - 1, 1), h),
                                   t.color if i == t.mark else QColor("#8c959f"))
                    yy += 10
                p.setPen(t.color)
                p.drawText(QRectF(c * cell_w, yy, cell_w, 14 * self.caption_lines),
                           Qt.AlignHCenter | Qt.AlignTop, t.caption)
        finally:
            p.end()


class _Titled(QWidget):
    """A view with a one-line note under its drawing."""

    def __init__(self, body: QWidget, parent=None):
        super().__init__(parent)
        self.body = body
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #59636e;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(body, 1)
        lay.addWidget(self.note)


class SampleGrid(PicturesPlot, _Titled):
    def __init__(self, parent=None):
        super().__init__(TileGrid(tile=48), parent)
        self.body.empty_text = self.tr("The pictures appear when data is loaded.")
        self.clear()

    def clear(self) -> None:
        self.body.set_tiles([])
        self.note.setText(self.tr("Label of each picture; after measuring, the network's answer (green: right, red: wrong)."))

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        s = pictures.get("samples")
        if not s:
            return
        names = pictures.get("class_names", [])
        pred = s.get("predicted")
        tiles = []
        for i, (img, y) in enumerate(zip(s["images"], s["labels"])):
            if pred is None:
                tiles.append(image_tile(img, names[y] if y < len(names) else str(y)))
            else:
                ok = pred[i] == y
                tiles.append(image_tile(img, f"{names[y]} → {names[pred[i]]}" if not ok else names[y],
                                        GOOD if ok else BAD))
        self.body.set_tiles(tiles)


class MistakesView(PicturesPlot, _Titled):
    def __init__(self, parent=None):
        super().__init__(TileGrid(tile=48), parent)
        self.body.empty_text = self.tr("Mistakes appear after the first measurement.")
        self.clear()

    def clear(self) -> None:
        self.body.set_tiles([])
        self.note.setText(self.tr("The surest mistakes on held-out pictures: true → predicted (probability). "
                                  "Bars: the probability of each class."))

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        m = pictures.get("misclassified")
        if m is None:
            return
        names = pictures.get("class_names", [])
        tiles = [image_tile(img, f"{names[y]} → {names[q]} ({pr[q]:.0%})", BAD, bars=pr, mark=int(q))
                 for img, y, q, pr in zip(m["images"], m["labels"], m["predicted"], m["probs"])]
        self.body.empty_text = self.tr("No mistakes on the held-out pictures.")
        self.body.set_tiles(tiles)


class ConfusionView(PicturesPlot, QWidget):
    """Counts of (true, predicted) pairs; the diagonal is what the network gets right."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix: np.ndarray | None = None
        self.names: list[str] = []
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(300, 300)

    def clear(self) -> None:
        self.matrix = None
        self.update()

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        if "confusion" in pictures:
            self.matrix = np.asarray(pictures["confusion"])
            self.names = list(pictures.get("class_names", []))
            self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), QColor("white"))
            if self.matrix is None:
                p.setPen(MUTED)
                p.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap,
                           self.tr("The confusion matrix appears after the first measurement."))
                return
            m = self.matrix
            k = len(m)
            margin_l, margin_t = 64, 34
            side = max(4.0, min((self.width() - margin_l - 4) / k, (self.height() - margin_t - 4) / k))
            f = QFont(p.font())
            f.setPointSizeF(max(6.0, min(9.0, side / 3)))
            p.setFont(f)
            p.setPen(MUTED)
            p.drawText(QRectF(margin_l, 0, side * k, 16), Qt.AlignCenter, self.tr("predicted"))
            p.save()
            p.translate(10, margin_t + side * k / 2)
            p.rotate(-90)
            p.drawText(QRectF(-side * k / 2, -8, side * k, 16), Qt.AlignCenter, self.tr("true"))
            p.restore()
            rows = m.sum(1, keepdims=True)
            frac = np.divide(m, np.maximum(rows, 1))
            for i in range(k):
                name = self.names[i] if i < len(self.names) else str(i)
                p.setPen(TEXT)
                p.drawText(QRectF(18, margin_t + i * side, margin_l - 22, side), Qt.AlignRight | Qt.AlignVCenter,
                           name[:8])
                p.drawText(QRectF(margin_l + i * side, 16, side, margin_t - 18), Qt.AlignCenter, name[:4])
                for j in range(k):
                    v = float(frac[i, j])
                    base = GOOD if i == j else BAD
                    color = QColor(round(255 + (base.red() - 255) * v), round(255 + (base.green() - 255) * v),
                                   round(255 + (base.blue() - 255) * v))
                    cell = QRectF(margin_l + j * side, margin_t + i * side, side, side)
                    p.fillRect(cell, color)
                    p.setPen(QPen(QColor("#eaeef2"), 1))
                    p.drawRect(cell)
                    if m[i, j] and side >= 14:
                        p.setPen(QColor("white") if v > 0.55 else TEXT)
                        p.drawText(cell, Qt.AlignCenter, str(int(m[i, j])))
        finally:
            p.end()


class BarsView(QWidget):
    """One horizontal bar per class with its value as a percentage; ``mark`` is highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: np.ndarray | None = None
        self.names: list[str] = []
        self.mark = -1
        self.empty_text = ""
        self.setMinimumSize(140, 100)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(260, 220)

    def set_values(self, values, names, mark: int = -1) -> None:
        self.values = None if values is None else np.asarray(values, dtype=float)
        self.names = list(names)
        self.mark = mark
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), QColor("white"))
            if self.values is None or not len(self.values):
                p.setPen(MUTED)
                p.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self.empty_text)
                return
            n = len(self.values)
            h = min(22.0, self.height() / n)
            label_w, value_w = 84, 44
            f = QFont(p.font())
            f.setPointSizeF(max(6.5, min(9.0, h * 0.6)))
            p.setFont(f)
            width = max(10, self.width() - label_w - value_w - 8)
            for i, v in enumerate(self.values):
                y = i * h
                name = self.names[i] if i < len(self.names) else str(i)
                p.setPen(TEXT)
                p.drawText(QRectF(0, y, label_w - 6, h), Qt.AlignRight | Qt.AlignVCenter, name[:12])
                if np.isnan(v):
                    p.setPen(MUTED)
                    p.drawText(QRectF(label_w, y, width, h), Qt.AlignVCenter, "—")
                    continue
                color = QColor("#d48806") if i == self.mark else QColor("#2f6fde")
                p.fillRect(QRectF(label_w, y + h * 0.15, width * float(np.clip(v, 0, 1)), h * 0.7), color)
                p.setPen(TEXT)
                p.drawText(QRectF(label_w + width + 4, y, value_w, h), Qt.AlignVCenter, f"{v:.0%}")
        finally:
            p.end()


class PerClassView(PicturesPlot, _Titled):
    def __init__(self, parent=None):
        super().__init__(BarsView(), parent)
        self.body.empty_text = self.tr("Per-class accuracy appears after the first measurement.")
        self.clear()

    def clear(self) -> None:
        self.body.set_values(None, [])
        self.note.setText(self.tr("Share of each class's held-out pictures recognised correctly."))

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        if "per_class_acc" in pictures:
            acc = np.asarray(pictures["per_class_acc"], dtype=float)
            worst = int(np.nanargmin(acc)) if np.isfinite(acc).any() else -1
            self.body.set_values(acc, pictures.get("class_names", []), worst)


class LayerRows:
    """For a view with one labelled ``TileGrid`` per layer: ``self.grids`` [(label, grid)] in the
    layout ``self.rows``, rebuilt only when the layers change (a label's ``layer`` property names it)."""

    rows: QVBoxLayout
    grids: list[tuple[QLabel, TileGrid]]

    def _drop_rows(self) -> None:
        for label, grid in self.grids:
            label.deleteLater()
            grid.deleteLater()
        self.grids = []

    def _rows_for(self, names: list[str], tile: int, min_height: int = 0) -> None:
        if [lab.property("layer") for lab, _ in self.grids] == names:
            return
        self._drop_rows()
        for n in names:
            lab = QLabel(n)
            lab.setProperty("layer", n)
            grid = TileGrid(tile=tile, caption_lines=0)
            if min_height:
                grid.setMinimumHeight(min_height)
            self.rows.addWidget(lab)
            self.rows.addWidget(grid, 1)
            self.grids.append((lab, grid))


class FeatureMapsView(LayerRows, PicturesPlot, QWidget):
    """A picture, then one row per conv layer: its feature maps (blue negative, red positive).

    With ``chooser=True`` a spin box picks the held-out picture: ``options_changed({"picture_index": i})``
    for the running task (``ImageTask.set_options``) or the page to redraw.
    """

    options_changed = Signal(dict)

    def __init__(self, parent=None, chooser: bool = True):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.rows = QVBoxLayout()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.picture = QSpinBox()
        self.picture.setRange(0, 99_999)
        self.picture.setPrefix("#")
        self.picture.setToolTip(self.tr("Which held-out picture to look at"))
        self.picture.valueChanged.connect(lambda i: self.options_changed.emit({"picture_index": int(i)}))
        self.sample_view = PixelView(min_side=56)
        top = QHBoxLayout()
        top.addWidget(self.sample_view)
        side = QVBoxLayout()
        side.addWidget(self.title)
        row = QHBoxLayout()
        self.picture_label = QLabel(self.tr("Held-out picture"))
        row.addWidget(self.picture_label)
        row.addWidget(self.picture)
        row.addStretch(1)
        side.addLayout(row)
        top.addLayout(side, 1)
        for w in (self.picture, self.picture_label, self.sample_view):
            w.setVisible(chooser)
        lay.addLayout(top)
        lay.addLayout(self.rows, 1)
        self.grids: list[tuple[QLabel, TileGrid]] = []
        self.clear()

    def clear(self, text: str = "") -> None:
        """No maps; ``text`` says why (by default: no conv layer or no data yet)."""
        self._drop_rows()
        self.sample_view.set_array(None)
        self.title.setText(text or self.tr("Feature maps appear once the network has a conv layer and data."))

    def show_maps(self, image: np.ndarray, label_text: str, maps: list[tuple[str, np.ndarray]]) -> None:
        """Draw ``maps`` [(layer name, (c, h, w))] for ``image``; reuses the rows when the layers are the same."""
        self._rows_for([n for n, _ in maps], tile=32, min_height=40)
        self.title.setText(label_text)
        img = np.asarray(image, dtype=np.float32)
        self.sample_view.look = RGB if img.ndim == 3 and img.shape[0] == 3 else INK
        self.sample_view.set_array(img if self.sample_view.look == RGB else img.reshape(img.shape[-2:]))
        for (lab, grid), (n, fm) in zip(self.grids, maps):
            lab.setText(self.tr("{0}: {1} maps of {2}×{3}").format(n, fm.shape[0], fm.shape[1], fm.shape[2]))
            vmax = float(np.abs(fm).max()) or 1.0
            grid.set_tiles([image_tile(m, look=DIVERGING, vmax=vmax) for m in fm])

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        s = pictures.get("sample")
        if not s or not s.get("feature_maps"):
            return
        self.show_sample(s["image"], s["index"], s["label"], s["probs"], s["feature_maps"],
                         pictures.get("class_names", []))

    def show_sample(self, image, index: int, label: int, probs, maps, names) -> None:
        """Held-out picture ``index`` (true class ``label``), the network's ``probs`` and its ``maps``."""
        pred = int(np.argmax(probs))
        self.picture.blockSignals(True)
        self.picture.setValue(int(index))
        self.picture.blockSignals(False)
        name = lambda k: names[k] if k < len(names) else str(k)   # noqa: E731
        self.show_maps(image, self.tr("Held-out picture #{0}, a {1}: the network says {2} ({3:.0%})").format(
            index, name(int(label)), name(pred), float(probs[pred])), maps)


class FiltersView(PicturesPlot, _Titled):
    def __init__(self, parent=None):
        super().__init__(TileGrid(tile=40, caption_lines=0), parent)
        self.body.empty_text = self.tr("The first conv layer's kernels appear here.")
        self.clear()

    def clear(self) -> None:
        self.body.set_tiles([])
        self.note.setText(self.tr("Each kernel of the first conv layer (blue negative, red positive): "
                                  "the patterns it looks for."))

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        w = pictures.get("filters")
        if w is None:
            return
        w = np.asarray(w, dtype=np.float32)
        if w.shape[1] == 3:     # RGB input: show each kernel as a colour patch
            lo, hi = float(w.min()), float(w.max())
            tiles = [image_tile((k - lo) / ((hi - lo) or 1.0), look=RGB) for k in w]
        else:
            vmax = float(np.abs(w).max()) or 1.0
            tiles = [image_tile(k[0], look=DIVERGING, vmax=vmax) for k in w]
        self.body.set_tiles(tiles)
