"""Hidden neurons as heat maps over the input plane (``core.tasks.neuron_maps``), one row per
activation layer: blue where a unit is negative, white at 0, red where it is large. A plot of the
training board (``PicturesPlot``); it draws ``pictures["neuron_maps"]``."""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.images.pixels import DIVERGING
from gui.images.views import LayerRows, TileGrid, image_tile
from gui.training.board_plot import PicturesPlot


class NeuronMapsView(LayerRows, PicturesPlot, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.rows = QVBoxLayout()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addLayout(self.rows, 1)
        self.grids: list[tuple[QLabel, TileGrid]] = []
        self.clear()

    def clear(self) -> None:
        self._drop_rows()
        self.title.setText(self.tr("For points in the plane (2 features): what each hidden neuron outputs "
                                   "at every point. Appears while such a network trains."))

    def update_pictures(self, pictures: dict, step: int | None = None) -> None:
        maps = pictures.get("neuron_maps")
        if not maps or not maps.get("layers"):
            return
        layers = maps["layers"]
        self._rows_for([n for n, _ in layers], tile=40)
        self.title.setText(self.tr("Each hidden neuron's output over the input plane (x1 → right, x2 → up): "
                                   "the first layer cuts the plane with lines, later layers combine them."))
        for (lab, grid), (n, units) in zip(self.grids, layers):
            lab.setText(self.tr("{0}: {1} neurons").format(n, len(units)))
            vmax = float(np.abs(units).max()) or 1.0
            # rows of the grid run upwards in the plane: flip so that x2 grows towards the top
            grid.set_tiles([image_tile(u[::-1], look=DIVERGING, vmax=vmax) for u in units])
