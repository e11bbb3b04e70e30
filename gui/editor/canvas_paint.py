"""How the network canvas draws itself: blocks, frames and skip paths, arrows with the shape that
flows, parameter counts, problem badges and the drop indicator.

A mixin of ``gui.editor.canvas.NetworkCanvas``: it reads the canvas's rows (``gui.editor.canvas_rows``),
selection and document, and paints only the rows in view.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen

from core.analysis import ERROR, WARNING, Problem
from core.build import module_names
from core.layers import LAYERS, format_shape
from core.spec import RESIDUAL, BlockSpec, LayerSpec
from gui.editor.canvas_rows import GAP, NO_ARROW, Row
from gui.editor.style import (ACCENT, BLOCK_COLOR, ERROR_COLOR, IO_COLOR, MUTED, SKIP_COLOR, TEXT, WARNING_COLOR,
                              group_color, monospace_font, tint)

RADIUS = 10


class CanvasPainting:
    """``paintEvent`` and its helpers, for a QWidget with the canvas's rows, selection and document."""

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.setRenderHint(QPainter.TextAntialiasing)
        clip = event.rect()
        p.fillRect(clip, QColor("#f6f8fa"))
        self._paint(p, clip.top() - GAP, clip.bottom() + GAP)
        p.end()

    def _paint(self, p: QPainter, y0: float, y1: float) -> None:
        spec, analysis = self.document.view(), self.document.analysis()
        rows = self._rows
        visible = self.rows_between(y0, y1)
        if not self._names and not self.document.is_flat():
            self._names = module_names(spec)
        # The frames of the blocks in view (and of those around the first row in view), outer first.
        heads = set()
        i = visible[0] if visible else -1
        while i >= 0:
            if rows[i].kind == "head":
                heads.add(i)
            i = rows[i].parent
        heads.update(i for i in visible if rows[i].kind == "head" and rows[i].end != i)
        heads = [h for h in heads if rows[h].end != h]
        for h in sorted(heads, key=lambda h: rows[h].depth):
            self._paint_frame(p, h, analysis)
        # Arrows into each row in view (and into the one after it).
        for i in range(max(1, visible.start), min(len(rows), visible.stop + 1)):
            self._paint_arrow(p, i)
        for i in visible:
            row = rows[i]
            rect = self._rect(row)
            if row.kind == "input":
                self._paint_io(p, rect, self.tr("Input"), spec.input_shape, self.tr("one sample = {0} numbers").format(
                    " × ".join(str(d) for d in spec.input_shape)))
            elif row.kind == "output":
                out = analysis.output_shape if spec.layers else None
                self._paint_io(p, rect, self.tr("Output"), out, self.tr("model(x) returns this") if out else "")
            elif row.kind == "placeholder":
                self._paint_placeholder(p, rect, self.tr("Drop layers here from the palette"))
            elif row.kind == "empty":
                self._paint_placeholder(p, rect, self.tr("Drop layers into this block"))
            elif row.kind == "path":
                self._paint_path_label(p, rect, row)
            else:
                node = self.document.node(row.node_id)
                faded = self._dragging_id and self._inside_dragged(i)
                p.save()
                if faded:
                    p.setOpacity(0.35)
                if row.kind == "layer":
                    self._paint_layer(p, rect, node, analysis.info(node.id), analysis.problems_for(node.id))
                elif row.kind == "head":
                    self._paint_head(p, rect, node, analysis, row.end == i)
                else:
                    self._paint_merge(p, rect, node, analysis)
                p.restore()
        if self._drop_row is not None:
            self._paint_drop_indicator(p)

    def _inside_dragged(self, i: int) -> bool:
        while i >= 0:
            if self._rows[i].node_id == self._dragging_id and self._rows[i].kind in ("layer", "head", "merge"):
                return True
            i = self._rows[i].parent
        return False

    def _paint_frame(self, p: QPainter, head: int, analysis) -> None:
        """A block's frame from its header to its merge, and its skip path(s) beside the layers."""
        rows = self._rows
        top, end = rows[head], rows[rows[head].end]
        block = self.document.node(top.node_id)
        r = self._rect(top)
        frame = QRectF(r.left(), r.top(), r.width(), end.bottom - r.top())
        severity = _worst(analysis.problems_for(block.id))
        selected = block.id == self._selected
        p.setPen(QPen(ERROR_COLOR if severity == ERROR else ACCENT if selected else tint(BLOCK_COLOR, 0.55),
                      2.0 if severity or selected else 1.2))
        p.setBrush(tint(BLOCK_COLOR, 0.05 + 0.03 * (top.depth % 3)))
        p.drawRoundedRect(frame, RADIUS + 2, RADIUS + 2)
        inner = self._width(top.depth + 1)
        x_skip = r.left() + (r.width() - inner) / 4  # the middle of the left margin
        mid_x = r.center().x()
        merge = self._rect(end)
        y_merge = merge.center().y()
        pen = QPen(SKIP_COLOR, 2.0)
        pen.setCapStyle(Qt.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.NoBrush)
        font = monospace_font(9)
        font.setBold(True)
        p.setFont(font)
        if block.kind == RESIDUAL:  # x goes around f and is added at the merge
            path = QPainterPath(QPointF(mid_x - 14, r.bottom()))
            path.cubicTo(QPointF(x_skip, r.bottom()), QPointF(x_skip, r.bottom()), QPointF(x_skip, r.bottom() + 14))
            path.lineTo(QPointF(x_skip, y_merge))
            path.lineTo(QPointF(mid_x - 13, y_merge))
            p.drawPath(path)
            self._arrow_head(p, QPointF(mid_x - 13, y_merge), 0, SKIP_COLOR)
            p.setPen(SKIP_COLOR)
            p.drawText(QRectF(x_skip + 4, r.bottom() + 2, 80, 16), Qt.AlignLeft | Qt.AlignVCenter, "x")
            return
        # concatenate: x also goes to path B (left margin); path A's result goes to the merge (right)
        b_row = next((rows[k] for k in range(head + 1, top.end) if rows[k].kind == "path" and rows[k].branch == 1
                      and rows[k].node_id == block.id), None)
        if b_row is None:
            return
        b_rect = self._rect(b_row)
        path = QPainterPath(QPointF(mid_x - 14, r.bottom()))
        path.lineTo(QPointF(x_skip, r.bottom() + 8))
        path.lineTo(QPointF(x_skip, b_rect.center().y()))
        path.lineTo(QPointF(b_rect.left() - 2, b_rect.center().y()))
        p.drawPath(path)
        self._arrow_head(p, QPointF(b_rect.left() - 2, b_rect.center().y()), 0, SKIP_COLOR)
        x_right = r.right() - (r.width() - inner) / 4
        a_end = rows[self._row_index_before(b_row)]
        path = QPainterPath(QPointF(mid_x, a_end.bottom))
        path.lineTo(QPointF(mid_x, a_end.bottom + 8))
        path.lineTo(QPointF(x_right, a_end.bottom + 8))
        path.lineTo(QPointF(x_right, y_merge))
        path.lineTo(QPointF(mid_x + 13, y_merge))
        p.drawPath(path)
        self._arrow_head(p, QPointF(mid_x + 13, y_merge), 180, SKIP_COLOR)
        p.setPen(SKIP_COLOR)
        p.drawText(QRectF(x_skip + 4, r.bottom() + 2, 80, 16), Qt.AlignLeft | Qt.AlignVCenter, "x")

    def _row_index_before(self, row: Row) -> int:
        return self._rows.index(row, max(0, self._row_of.get(row.node_id, 0))) - 1

    @staticmethod
    def _arrow_head(p: QPainter, tip: QPointF, angle: int, color: QColor) -> None:
        path = QPainterPath()
        dx = -7 if angle == 0 else 7
        path.moveTo(tip)
        path.lineTo(tip.x() + dx, tip.y() - 4.5)
        path.lineTo(tip.x() + dx, tip.y() + 4.5)
        path.closeSubpath()
        p.fillPath(path, color)

    def _paint_arrow(self, p: QPainter, i: int) -> None:
        """The arrow into row ``i`` from the row above, with the shape that flows there."""
        row, upper = self._rows[i], self._rows[i - 1]
        if row.shape_above is NO_ARROW:
            return
        x = self.width() / 2
        y0, y1 = upper.bottom, row.top
        shape = row.shape_above
        unknown = shape is None
        line = QColor("#8c959f")
        p.setPen(QPen(line, 1.6))
        p.drawLine(QPointF(x, y0 + 1), QPointF(x, y1 - 6))
        path = QPainterPath()
        path.moveTo(x, y1 - 1)
        path.lineTo(x - 5, y1 - 8)
        path.lineTo(x + 5, y1 - 8)
        path.closeSubpath()
        p.fillPath(path, line)
        text = format_shape(shape)
        font = monospace_font(10)
        font.setBold(True)
        p.setFont(font)
        tw = QFontMetrics(font).horizontalAdvance(text)
        pill = QRectF(x + 12, (y0 + y1) / 2 - 10, tw + 16, 20)
        # Unknown ("?") only follows an error further up, which is marked on its own block: stay quiet here.
        p.setPen(QPen(QColor("#d0d7de"), 1, Qt.DashLine if unknown else Qt.SolidLine))
        p.setBrush(QColor("#f6f8fa") if unknown else QColor("#ffffff"))
        p.drawRoundedRect(pill, 10, 10)
        p.setPen(MUTED if unknown else TEXT)
        p.drawText(pill, Qt.AlignCenter, text)

    def _paint_io(self, p: QPainter, rect: QRectF, title: str, shape, note: str) -> None:
        p.setPen(QPen(IO_COLOR, 1.2))
        p.setBrush(tint(IO_COLOR, 0.10))
        p.drawRoundedRect(rect, RADIUS, RADIUS)
        font = self._font(1, bold=True)
        p.setFont(font)
        p.setPen(TEXT)
        inner = rect.adjusted(16, 0, -16, 0)
        p.drawText(inner, Qt.AlignVCenter | Qt.AlignLeft, title)
        title_w = QFontMetrics(font).horizontalAdvance(title)
        mono = monospace_font(10)
        mono.setBold(True)
        p.setFont(mono)
        shape_text = format_shape(shape)
        p.drawText(inner.adjusted(title_w + 12, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, shape_text)
        room = inner.width() - title_w - 12 - QFontMetrics(mono).horizontalAdvance(shape_text) - 12
        if note and room > 40:              # the note never runs into the shape: cut with … where narrow
            note_font = self._font(-1)
            p.setFont(note_font)
            p.setPen(MUTED)
            p.drawText(inner, Qt.AlignVCenter | Qt.AlignRight,
                       QFontMetrics(note_font).elidedText(note, Qt.ElideRight, int(room)))

    def _paint_placeholder(self, p: QPainter, rect: QRectF, text: str) -> None:
        pen = QPen(QColor("#8c959f"), 1.4, Qt.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.NoBrush)
        p.drawRoundedRect(rect, RADIUS, RADIUS)
        p.setFont(self.font())
        p.setPen(MUTED)
        p.drawText(rect, Qt.AlignCenter, text)

    def _paint_path_label(self, p: QPainter, rect: QRectF, row: Row) -> None:
        p.setFont(self._font(bold=True))
        p.setPen(SKIP_COLOR)
        p.drawText(rect, Qt.AlignCenter, self._branch_title(row.branch))

    def _branch_title(self, branch: int) -> str:
        return self.tr("path A") if branch == 0 else self.tr("path B")

    def _code_name(self, node_id: str, index_hint: int) -> str:
        if self.document.is_flat():
            return f"model[{index_hint}]"
        if not self._names:
            self._names = module_names(self.document.view())
        parts = self._names.get(node_id, "").split(".")
        return "model" + "".join(f"[{q}]" if q.isdigit() else f".{q}" for q in parts)

    def _badge(self, p: QPainter, rect: QRectF, severity: str) -> None:
        c = ERROR_COLOR if severity == ERROR else WARNING_COLOR
        badge = QRectF(rect.right() - 36, rect.center().y() - 11, 22, 22)
        p.setPen(Qt.NoPen)
        p.setBrush(c)
        p.drawEllipse(badge)
        p.setFont(self._font(bold=True))
        p.setPen(QColor("white"))
        p.drawText(badge, Qt.AlignCenter, "!")

    def _font(self, grow: float = 0.0, bold: bool = False) -> QFont:
        """The canvas's font ``grow`` points larger (when negative: smaller, but not under 7 pt), bold or not."""
        font = QFont(self.font())
        if grow > 0:
            font.setPointSizeF(font.pointSizeF() + grow)
        elif grow < 0:
            font.setPointSizeF(max(7.0, font.pointSizeF() + grow))
        font.setBold(bold)
        return font

    def _paint_card(self, p: QPainter, rect: QRectF, color: QColor, fill: float, width: float, selected: bool,
                    severity: str) -> None:
        """A layer's or block header's rounded card: a soft halo when selected, ``color`` tinted by ``fill``,
        and a border in the worst problem's colour, else the selection's, else ``color`` (``width`` thick)."""
        if selected:  # a soft halo around the selected block
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 50))
            p.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), RADIUS + 4, RADIUS + 4)
        p.setBrush(tint(color, fill))
        border = ERROR_COLOR if severity == ERROR else WARNING_COLOR if severity == WARNING else color
        p.setPen(QPen(ACCENT if selected and not severity else border, 2.4 if severity or selected else width))
        p.drawRoundedRect(rect, RADIUS, RADIUS)

    def _paint_layer(self, p: QPainter, rect: QRectF, layer: LayerSpec, info, problems) -> None:
        kind = LAYERS.get(layer.kind)
        color = group_color(kind.group if kind else "")
        selected = layer.id == self._selected
        severity = _worst(problems)
        self._paint_card(p, rect, color, 0.16 if selected else 0.09, 1.2, selected, severity)
        # The group stripe on the left edge.
        stripe = QPainterPath()
        stripe.addRoundedRect(rect.adjusted(1, 1, -1, -1), RADIUS - 1, RADIUS - 1)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), 7, rect.height()))
        p.fillPath(stripe.intersected(clip), color)

        limit = self._paint_count(p, rect, info, severity) - 10  # texts on the left stop before the count
        left = rect.adjusted(20, 6, -16, -6)
        left.setRight(max(left.left() + 20, limit))
        details = _param_text(layer, info)
        # With details: name on the upper half, details below; without: the name centred.
        name_row = QRectF(left.left(), left.top(), left.width(), left.height() / 2) if details else left
        title_font = self._font(1.5, bold=True)
        p.setFont(title_font)
        p.setPen(TEXT)
        name = _elide(title_font, layer.kind, name_row.width())
        p.drawText(name_row, Qt.AlignLeft | Qt.AlignVCenter, name)
        name_w = QFontMetrics(title_font).horizontalAdvance(name)
        small = self._font(-0.5)
        p.setFont(small)
        p.setPen(MUTED)
        index = self._rows[self._row_of[layer.id]].above.index
        code_row = name_row.adjusted(name_w + 8, 0, 0, 0)
        p.drawText(code_row, Qt.AlignLeft | Qt.AlignVCenter,
                   _elide(small, self._code_name(layer.id, index), code_row.width()))
        if details:
            mono = monospace_font(9)
            p.setFont(mono)
            p.setPen(TEXT)
            p.drawText(QRectF(left.left(), left.center().y(), left.width(), left.height() / 2),
                       Qt.AlignLeft | Qt.AlignVCenter, _elide(mono, details, left.width()))

    def _paint_count(self, p: QPainter, rect: QRectF, info, severity: str) -> float:
        """The parameter count at the right (and the problem badge); returns where the count's text starts."""
        count = info.n_params
        if info.out_shape is None:  # an error here or above: the count is unknown, not zero
            count_text = self.tr("? parameters")
        else:
            count_text = self.tr("{0} parameters").format(f"{count:,}") if count else self.tr("no parameters")
        count_font = self._font(bold=bool(count))
        p.setFont(count_font)
        p.setPen(TEXT if count else MUTED)
        right = rect.adjusted(0, 0, -16, 0)
        if severity:
            right = right.adjusted(0, 0, -30, 0)
        p.drawText(right, Qt.AlignRight | Qt.AlignVCenter, count_text)
        if severity:
            self._badge(p, rect, severity)
        return right.right() - QFontMetrics(count_font).horizontalAdvance(count_text)

    def _paint_head(self, p: QPainter, rect: QRectF, block: BlockSpec, analysis, collapsed: bool) -> None:
        selected = block.id == self._selected
        problems = analysis.problems_for(block.id)
        severity = _worst(problems)
        info = analysis.info(block.id)
        self._paint_card(p, rect, BLOCK_COLOR, 0.22 if selected else 0.14, 1.4, selected, severity)
        limit = self._paint_count(p, rect, info, severity) - 10
        p.setPen(TEXT)
        font = self._font(bold=True)
        p.setFont(font)
        p.drawText(QRectF(rect.left() + 8, rect.top(), 20, rect.height()), Qt.AlignCenter, "▸" if collapsed else "▾")
        font.setPointSizeF(font.pointSizeF() + 1)
        p.setFont(font)
        left = rect.adjusted(30, 0, -16, 0)
        left.setRight(max(left.left() + 20, limit))
        title = _elide(font, self._block_title(block.kind), left.width())
        p.drawText(left, Qt.AlignLeft | Qt.AlignVCenter, title)
        title_w = QFontMetrics(font).horizontalAdvance(title)
        mono = monospace_font(9)
        p.setFont(mono)
        p.setPen(MUTED)
        if collapsed:
            n = sum(1 for br in block.branches for _ in br)
            what = self.tr("{0} inside").format(n) + "  " + format_shape(info.in_shape) + " → " + format_shape(
                info.out_shape)
        else:
            what = "x + f(x)" if block.kind == RESIDUAL else f"cat(dim={block.params['dim']})"
        rest = left.adjusted(title_w + 10, 0, 0, 0)
        p.drawText(rest, Qt.AlignLeft | Qt.AlignVCenter, _elide(mono, what, rest.width()))

    def _block_title(self, kind: str) -> str:
        return self.tr("Residual block") if kind == RESIDUAL else self.tr("Concatenate")

    def _paint_merge(self, p: QPainter, rect: QRectF, block: BlockSpec, analysis) -> None:
        severity = _worst(analysis.problems_for(block.id))
        c = rect.center()
        circle = QRectF(c.x() - 13, c.y() - 13, 26, 26)
        color = ERROR_COLOR if severity == ERROR else SKIP_COLOR
        p.setPen(QPen(color, 2.0))
        p.setBrush(QColor("white"))
        p.drawEllipse(circle)
        if block.kind == RESIDUAL:  # a plus
            p.drawLine(QPointF(c.x() - 6, c.y()), QPointF(c.x() + 6, c.y()))
            p.drawLine(QPointF(c.x(), c.y() - 6), QPointF(c.x(), c.y() + 6))
        else:  # two bars: side by side
            p.drawLine(QPointF(c.x() - 3, c.y() - 6), QPointF(c.x() - 3, c.y() + 6))
            p.drawLine(QPointF(c.x() + 3, c.y() - 6), QPointF(c.x() + 3, c.y() + 6))
        p.setFont(self._font())
        p.setPen(ERROR_COLOR if severity == ERROR else MUTED)
        label = "x + f(x)" if block.kind == RESIDUAL else f"cat(dim={block.params['dim']})"
        if severity == ERROR:
            label = self.tr("shapes do not fit")
        if block.kind == RESIDUAL:  # the skip path arrives from the left: the label goes right
            p.drawText(QRectF(circle.right() + 8, rect.top(), rect.right() - circle.right() - 8, rect.height()),
                       Qt.AlignLeft | Qt.AlignVCenter, label)
        else:  # path A arrives from the right: the label goes left
            p.drawText(QRectF(rect.left(), rect.top(), circle.left() - 8 - rect.left(), rect.height()),
                       Qt.AlignRight | Qt.AlignVCenter, label)

    def _paint_drop_indicator(self, p: QPainter) -> None:
        row = self._rows[self._drop_row]
        if row.kind in ("empty", "placeholder"):
            rect = self._rect(row)
            p.setPen(QPen(ACCENT, 2.2, Qt.DashLine))
            p.setBrush(QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 30))
            p.drawRoundedRect(rect, RADIUS, RADIUS)
            return
        y = row.top - GAP / 2
        w = self._width(row.above_depth)
        x0, x1 = (self.width() - w) / 2 - 6, (self.width() + w) / 2 + 6
        p.setPen(QPen(ACCENT, 3.2, Qt.SolidLine, Qt.RoundCap))
        p.drawLine(QPointF(x0, y), QPointF(x1, y))
        p.setBrush(ACCENT)
        p.setPen(Qt.NoPen)
        p.drawEllipse(QPointF(x0, y), 5, 5)
        p.drawEllipse(QPointF(x1, y), 5, 5)


def _elide(font: QFont, text: str, width: float) -> str:
    """``text`` cut with "…" to fit ``width`` pixels (a narrow, deeply nested block keeps its count readable)."""
    if width <= 0:
        return ""
    return QFontMetrics(font).elidedText(text, Qt.ElideRight, int(width))


def _worst(problems: list[Problem]) -> str:
    if any(p.severity == ERROR for p in problems):
        return ERROR
    return WARNING if problems else ""


def _param_text(layer: LayerSpec, info) -> str:
    """The key parameters on one line, e.g. ``2 → 16`` for a Linear layer fed (B, 2)."""
    p = layer.params
    if layer.kind == "Linear":
        n_in = info.in_shape[-1] if info.in_shape else "?"
        return f"{n_in} → {p['out_features']}" + ("" if p["bias"] else "  bias=False")
    p = dict(p)
    if p.get("stride") == 0 and "kernel_size" in p:      # a pooling layer's 0: the kernel size, as PyTorch takes it
        p["stride"] = p["kernel_size"]
    parts = [f"{name}={value!r}" if isinstance(value, str) else f"{name}={value:g}" if isinstance(value, float)
             else f"{name}={value}" for name, value in p.items()]
    return ", ".join(parts)
