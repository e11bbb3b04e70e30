"""The autograd computation graph drawn as boxes and arrows (QGraphicsView).

Inputs sit on the left, the output on the right; every operation box names its ``grad_fn``
(MulBackward0, AddBackward0, …). Boxes show the forward value and, after ``backward()``, the
gradient: a leaf's ``.grad``, or dy/d(node) for an intermediate result.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from gui.lessons.widgets import FitView, format_array, monospace

NODE_W, NODE_H = 144, 84
COL_GAP, ROW_GAP = 44, 22

_STYLE = {  # kind -> (fill, border)
    "input": ("#e8f0fe", "#2f6fde"),
    "input_nograd": ("#f3f4f6", "#8c959f"),
    "const": ("#f6f8fa", "#afb8c1"),
    "op": ("#e7f6ef", "#139a6b"),
    "output": ("#fff4e0", "#d48806"),
}


def layout(nodes, edges) -> dict[int, tuple[int, int]]:
    """(column, row) per node id: operations by longest path from the inputs; each input or constant
    one column before its first consumer, so it sits next to the operation that uses it."""
    preds: dict[int, list[int]] = {n.id: [] for n in nodes}
    succs: dict[int, list[int]] = {n.id: [] for n in nodes}
    for a, b in edges:
        preds[b].append(a)
        succs[a].append(b)
    col: dict[int, int] = {}
    for n in nodes:  # node ids are in evaluation order, so predecessors come first
        col[n.id] = 0 if not preds[n.id] else 1 + max(col[p] for p in preds[n.id])
    for n in nodes:
        if not preds[n.id] and succs[n.id]:
            col[n.id] = max(0, min(col[s] for s in succs[n.id]) - 1)
    rows: dict[int, int] = {}
    used: dict[int, int] = {}
    for n in nodes:
        rows[n.id] = used.get(col[n.id], 0)
        used[col[n.id]] = rows[n.id] + 1
    return {n.id: (col[n.id], rows[n.id]) for n in nodes}


class NodeItem(QGraphicsItem):
    def __init__(self, node, show_grad: bool, value_label: str, grad_label: str):
        super().__init__()
        self.node = node
        self.show_grad = show_grad
        self.value_label, self.grad_label = value_label, grad_label
        kind = node.kind
        if kind == "input" and not node.requires_grad:
            kind = "input_nograd"
        self.fill, self.border = (QColor(c) for c in _STYLE[kind])
        self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        n = self.node
        lines = [f"{n.label}", f"grad_fn: {n.grad_fn or 'None'}", f"requires_grad: {n.requires_grad}",
                 f"{self.value_label} {format_array(n.value, 16)}"]
        if n.grad is not None:
            lines.append(f"{self.grad_label} {format_array(n.grad, 16)}")
        return "\n".join(lines)

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, NODE_W + 4, NODE_H + 4)

    def paint(self, p: QPainter, option, widget=None) -> None:
        n = self.node
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(QPen(self.border, 2))
        p.setBrush(QBrush(self.fill))
        radius = NODE_H / 2 if n.kind in ("input", "const", "output") else 8
        p.drawRoundedRect(QRectF(0, 0, NODE_W, NODE_H), min(radius, 18), min(radius, 18))
        title = QFont(p.font())
        title.setPointSize(12)
        title.setBold(True)
        p.setFont(title)
        p.setPen(QColor("#1f2328"))
        label = {"neg": "−x", "**": "^"}.get(n.label, n.label)
        p.drawText(QRectF(8, 4, NODE_W - 16, 22), Qt.AlignHCenter | Qt.AlignVCenter, label)
        small = monospace(8)
        p.setFont(small)
        p.setPen(QColor("#59636e"))
        p.drawText(QRectF(6, 26, NODE_W - 12, 16), Qt.AlignHCenter | Qt.AlignVCenter,
                   n.grad_fn if n.grad_fn else ("requires_grad=False" if n.kind == "input" else "grad_fn=None"))
        p.setFont(monospace(9))
        p.setPen(QColor("#1f2328"))
        p.drawText(QRectF(6, 44, NODE_W - 12, 18), Qt.AlignHCenter | Qt.AlignVCenter,
                   f"{self.value_label} {format_array(n.value, 4)}")
        if self.show_grad and n.grad is not None:
            p.setPen(QColor("#c23f84"))
            bold = monospace(9)
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(6, 62, NODE_W - 12, 18), Qt.AlignHCenter | Qt.AlignVCenter,
                       f"{self.grad_label} {format_array(n.grad, 4)}")


class GraphView(FitView):
    """Shows one :class:`core.lessons.autograd_expr.AutogradResult`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setBackgroundBrush(QColor("#ffffff"))
        self.setMinimumHeight(150)
        self.items_by_id: dict[int, NodeItem] = {}

    def show_result(self, result, value_label: str = "=", grad_label: str = "grad =") -> None:
        scene = self.scene()
        scene.clear()
        self.items_by_id = {}
        if not result.nodes:
            return
        pos = layout(result.nodes, result.edges)
        for n in result.nodes:
            c, r = pos[n.id]
            item = NodeItem(n, result.backward_done, value_label, grad_label)
            item.setPos(c * (NODE_W + COL_GAP), r * (NODE_H + ROW_GAP))
            scene.addItem(item)
            self.items_by_id[n.id] = item
        pen = QPen(QColor("#6e7781"), 1.6)
        for a, b in result.edges:
            pa, pb = self.items_by_id[a].pos(), self.items_by_id[b].pos()
            start = QPointF(pa.x() + NODE_W, pa.y() + NODE_H / 2)
            end = QPointF(pb.x(), pb.y() + NODE_H / 2)
            path = QPainterPath(start)
            dx = (end.x() - start.x()) / 2
            path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
            edge = scene.addPath(path, pen)
            edge.setZValue(-1)
            head = QPolygonF([end, QPointF(end.x() - 10, end.y() - 5), QPointF(end.x() - 10, end.y() + 5)])
            scene.addPolygon(head, pen, QBrush(QColor("#6e7781")))
        rect = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        scene.setSceneRect(rect)
        self.fit()
