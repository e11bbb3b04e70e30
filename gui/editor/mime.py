"""The custom MIME types that drag and drop in the editor carries (defined once, here).

A palette entry carries a layer *kind* ("Linear"); a block dragged within the canvas carries its
layer *id*. The canvas accepts only these two, so text or files dropped from elsewhere are ignored.
"""
from __future__ import annotations

from PySide6.QtCore import QMimeData

LAYER_KIND_MIME = "application/x-torchlearn-layer-kind"
LAYER_ID_MIME = "application/x-torchlearn-layer-id"


def kind_mime(kind: str) -> QMimeData:
    data = QMimeData()
    data.setData(LAYER_KIND_MIME, kind.encode("utf-8"))
    return data


def layer_id_mime(layer_id: str) -> QMimeData:
    data = QMimeData()
    data.setData(LAYER_ID_MIME, layer_id.encode("utf-8"))
    return data


def read(data: QMimeData, mime: str) -> str:
    """The text carried under ``mime``, or "" when absent."""
    if data is None or not data.hasFormat(mime):
        return ""
    return bytes(data.data(mime)).decode("utf-8", errors="replace")
