"""Shared set-up for the training benchmarks: the real training page, offscreen, on a fixed job."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATASET = dict(dataset="spiral", n_samples=2000, noise=0.1, val_fraction=0.2, seed=0)
BATCH = 32
THREADS = 1        # the app's choice on this 2-core machine (core.training.devices)


def make_page(epochs: int):
    """A QApplication and a shown TrainingPage with the classifier template fitted to the data."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from core.data.datasets import make_dataset
    from core.templates import TEMPLATES
    from core.training.config import TrainConfig
    from core.training.netfit import fit_to_data
    from gui.editor.document import NetworkDocument
    from gui.training.page import TrainingPage

    data = make_dataset(**{k: DATASET[k] for k in ("n_samples", "noise", "val_fraction", "seed")},
                        name=DATASET["dataset"])
    spec = fit_to_data(TEMPLATES["classifier_2d"].make(), data)
    doc = NetworkDocument(spec)
    doc.set_training_settings(TrainConfig(**DATASET, batch_size=BATCH, epochs=epochs, threads=THREADS,
                                          optimizer="adam", lr=0.01).to_dict())
    page = TrainingPage(doc)
    page.resize(1280, 760)
    page.show()
    app.processEvents()
    return app, page, spec, data


def warm_up_server() -> None:
    """Spawn the training process before timing (start-up is not training speed)."""
    from gui.run.controller import server
    srv = server()
    srv.start()
