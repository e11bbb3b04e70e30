"""Forward-propagation lab: a 2 → 3 → 2 network drawn as nodes and weighted edges, with the
values of one input written on every node as it flows forward."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QGraphicsScene, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from core.lessons import forward_lab as core_fwd
from gui.lessons.widgets import CodeBox, FitView, heading, monospace, muted

POS_COLOR, NEG_COLOR = QColor("#2f6fde"), QColor("#d1242f")
R = 34            # node radius
COL_X = (0, 260, 520)


class NetworkView(FitView):
    max_scale = 1.4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setBackgroundBrush(QColor("white"))
        self.setMinimumHeight(240)
        self.node_texts: dict[str, str] = {}

    def _node(self, x: float, y: float, fill: str, border: str, title: str, lines: list[str], key: str,
              tooltip: str = "") -> None:
        scene = self.scene()
        ellipse = scene.addEllipse(QRectF(x - R, y - R, 2 * R, 2 * R), QPen(QColor(border), 2),
                                   QBrush(QColor(fill)))
        ellipse.setToolTip(tooltip)
        t = scene.addText(title)
        f = QFont(t.font())
        f.setBold(True)
        f.setPointSize(10)
        t.setFont(f)
        t.setPos(x - t.boundingRect().width() / 2, y - R + 4)
        body = scene.addText("\n".join(lines))
        body.setFont(monospace(8))
        body.setDefaultTextColor(QColor("#1f2328"))
        body.setPos(x - body.boundingRect().width() / 2, y - 8)
        self.node_texts[key] = "\n".join([title] + lines)

    def _edge(self, a: QPointF, b: QPointF, w: float, label_at: float) -> None:
        color = POS_COLOR if w >= 0 else NEG_COLOR
        pen = QPen(color, 0.8 + 2.2 * min(abs(w), 1.5))
        line = self.scene().addLine(a.x() + R, a.y(), b.x() - R, b.y(), pen)
        line.setZValue(-1)
        line.setToolTip(f"w = {w:g}")
        t = self.scene().addText(f"{w:g}")
        t.setFont(monospace(7))
        t.setDefaultTextColor(color)
        p = QPointF(a.x() + R + (b.x() - a.x() - 2 * R) * label_at, a.y() + (b.y() - a.y()) * label_at)
        t.setPos(p.x() - 10, p.y() - 16)

    def show_result(self, r: core_fwd.ForwardResult, labels: dict[str, str]) -> None:
        scene = self.scene()
        scene.clear()
        self.node_texts = {}
        ys = {2: (-60, 60), 3: (-120, 0, 120)}
        inputs = [QPointF(COL_X[0], y) for y in ys[2]]
        hidden = [QPointF(COL_X[1], y) for y in ys[3]]
        outputs = [QPointF(COL_X[2], y) for y in ys[2]]
        for j, hp in enumerate(hidden):
            for i, ip in enumerate(inputs):
                self._edge(ip, hp, float(r.w1[j, i]), 0.25 + 0.12 * i)
        for k, op in enumerate(outputs):
            for j, hp in enumerate(hidden):
                self._edge(hp, op, float(r.w2[k, j]), 0.25 + 0.12 * j)
        for i, p in enumerate(inputs):
            self._node(p.x(), p.y(), "#e8f0fe", "#2f6fde", f"x{i + 1}", [f"{r.x[i]:.2f}"], f"x{i + 1}")
        for j, p in enumerate(hidden):
            self._node(p.x(), p.y(), "#e7f6ef", "#139a6b", f"h{j + 1}",
                       [f"u {r.u[j]:.2f}", f"h {r.h[j]:.2f}"], f"h{j + 1}",
                       tooltip=core_fwd.working(r, j) + f"\nb = {r.b1[j]:g}")
        for k, p in enumerate(outputs):
            best = k == r.predicted
            self._node(p.x(), p.y(), "#fff4e0" if best else "#f6f8fa", "#d48806" if best else "#8c959f",
                       labels["class"].format(k), [f"s {r.logits[k]:.2f}", f"p {r.probs[k]:.2f}"], f"y{k + 1}",
                       tooltip=f"b = {r.b2[k]:g}")
        for x, text in ((COL_X[0], labels["input"]), (COL_X[1], labels["hidden"]), (COL_X[2], labels["output"])):
            t = scene.addText(text)
            t.setDefaultTextColor(QColor("#59636e"))
            t.setPos(x - t.boundingRect().width() / 2, -190)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -10, 20, 10))
        self.fit()


class ForwardLab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.seed = 0
        self.result: core_fwd.ForwardResult | None = None
        self.x1, self.x2 = QDoubleSpinBox(), QDoubleSpinBox()
        for box, value in ((self.x1, 1.0), (self.x2, -0.5)):
            box.setRange(-5.0, 5.0)
            box.setSingleStep(0.25)
            box.setDecimals(2)
            box.setValue(value)
            box.valueChanged.connect(self.update_view)
        self.activation = QComboBox()
        names = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh", "none": self.tr("none (linear only)")}
        for a in core_fwd.ACTIVATIONS:
            self.activation.addItem(names[a], a)
        self.activation.currentIndexChanged.connect(self.update_view)
        self.reroll = QPushButton(self.tr("New random weights"))
        self.reroll.clicked.connect(self._new_weights)

        self.view = NetworkView()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setWordWrap(True)
        self.working = QLabel()
        self.working.setFont(monospace(9))
        self.working.setTextFormat(Qt.PlainText)
        self.code = CodeBox(max_lines=10)
        self.code.setFont(monospace(9))

        row = QHBoxLayout()
        row.addWidget(QLabel("x1"))
        row.addWidget(self.x1)
        row.addWidget(QLabel("x2"))
        row.addWidget(self.x2)
        row.addStretch(1)
        row2 = QHBoxLayout()              # one row was ~530 px, wider than a 1024-px window's lab
        row2.addWidget(QLabel(self.tr("activation")))
        row2.addWidget(self.activation)
        row2.addStretch(1)
        row2.addWidget(self.reroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(muted(self.tr("Blue edges: positive weights, red: negative; thicker = larger. Each hidden "
                                       "node shows u (the linear transform) and h = a(u). Hover a node for its sum.")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.working)
        layout.addWidget(heading(self.tr("The same in PyTorch"), 10))
        layout.addWidget(self.code)
        self.update_view()

    def set_input(self, x1: float, x2: float) -> None:
        self.x1.setValue(x1)
        self.x2.setValue(x2)

    @Slot()
    def _new_weights(self) -> None:
        self.seed += 1
        self.update_view()

    @Slot()
    def update_view(self) -> None:
        r = core_fwd.forward((self.x1.value(), self.x2.value()), self.activation.currentData(), self.seed)
        self.result = r
        self.view.show_result(r, {"class": self.tr("class {0}"), "input": self.tr("input layer"),
                                  "hidden": self.tr("hidden layer"), "output": self.tr("output layer")})
        self.summary.setText(self.tr(
            "Prediction: <b>class {0}</b> with probability {1:.0%} · {2} parameters "
            "(3×2 + 3 weights and biases in, 2×3 + 2 out)").format(r.predicted, float(r.probs[r.predicted]),
                                                                   r.n_params))
        # u and h of a node on two lines: on one they were ~510 px, wider than a 1024-px window's lab
        self.working.setText("\n".join(core_fwd.working(r, j).replace(";   ", "\n   ")
                                       for j in range(core_fwd.N_HIDDEN)))
        self.code.set_code(r.code)
