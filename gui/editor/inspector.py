"""The inspector: what the selected layer does, what is inferred for it, and one editor per parameter.

Editors come from the layer's parameter schema (``core.layers.Param``): spin boxes, check boxes,
combo boxes. Every change goes through ``document.set_param``; a value the document refuses leaves
the spec unchanged and shows the reason in red under the editors. The spin boxes accept any number
so that the document can say why one is refused: a spin box held to the schema's range clamps or
drops keystrokes without a word (typing 99999 into out_features gave 9999).
The network's input shape has its own editor (``input_shape.InputShapeEditor``).
"""
from __future__ import annotations

from html import escape

import torch
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from core.analysis import ERROR
from core.build import module_names
from core.layers import LAYERS, Param, format_shape, group_title
from core.spec import BLOCKS, RESIDUAL, BlockSpec
from gui.common.wheel import wheel_scrolls_form
from gui.editor.style import ERROR_COLOR, MUTED, WARNING_COLOR, group_color, monospace_font
from gui.editor.undo_keys import undo_keys_to_document

INT_LIMIT = 2**31 - 1


def _small(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED.name()};")
    return label


class LayerInspector(QWidget):
    remove_requested = Signal(str)  # layer id

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._layer_id = ""
        self._editors: dict[str, QWidget] = {}
        self._doc_labels: dict[str, QLabel] = {}

        self.stack = QStackedWidget()
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setTextFormat(Qt.RichText)
        self.placeholder.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.placeholder.setContentsMargins(12, 8, 12, 8)

        page = QWidget()
        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() + 4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.group_label = QLabel()
        self.doc = QLabel()
        self.doc.setWordWrap(True)
        self.shapes = QLabel()
        self.shapes.setTextFormat(Qt.RichText)
        self.shapes.setWordWrap(True)
        self.inferred = _small(QLabel())
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.RichText)
        self.params_title = QLabel()
        bold = QFont(self.font())
        bold.setBold(True)
        self.params_title.setFont(bold)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.no_params = _small(QLabel())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR.name()}; font-weight: bold;")
        self.message.hide()
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self._layer_id))

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.group_label)
        head.addStretch(1)
        head.addWidget(self.remove_button)
        col = QVBoxLayout(page)
        col.setContentsMargins(10, 8, 10, 8)
        col.addLayout(head)
        col.addWidget(self.doc)
        col.addWidget(self.shapes)
        col.addWidget(self.inferred)
        col.addWidget(self.problems)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Sunken)
        col.addWidget(line)
        col.addWidget(self.params_title)
        col.addWidget(self.form_host)
        col.addWidget(self.no_params)
        col.addWidget(self.message)
        col.addStretch(1)
        scroll = self.scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)

        # the how-to scrolls in a short window instead of losing its last lines
        help_scroll = QScrollArea()
        help_scroll.setWidget(self.placeholder)
        help_scroll.setWidgetResizable(True)
        help_scroll.setFrameShape(QFrame.NoFrame)
        help_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.stack.addWidget(help_scroll)
        self.stack.addWidget(scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        document.changed.connect(self.refresh)
        self.retranslate()

    # --- public -------------------------------------------------------------------------------
    def layer_id(self) -> str:
        return self._layer_id

    def set_layer(self, layer_id: str) -> None:
        """Show ``layer_id`` (or the placeholder for "")."""
        if layer_id != self._layer_id:
            self._layer_id = layer_id
            self.message.hide()
            self._build_editors()
        self.refresh()

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def focus_first_editor(self, layer_id: str = "") -> None:
        if layer_id:
            self.set_layer(layer_id)
        if self._editors:
            next(iter(self._editors.values())).setFocus(Qt.OtherFocusReason)

    def apply_value(self, name: str, value) -> str | None:
        """Ask the document to set ``name`` to ``value``; show and return the reason if refused."""
        problem = self.document.set_param(self._layer_id, name, value)
        if problem:
            self.message.setText("✖ " + problem)
            self.message.show()
            # under the editors it may sit below the visible part: scroll to it once it is laid out
            QTimer.singleShot(0, self, self._reveal_message)
            self._load_values()  # the editor goes back to the value the spec still has
        else:
            self.message.hide()
        return problem

    def _reveal_message(self) -> None:
        if not self.message.isHidden():
            self.scroll.ensureWidgetVisible(self.message, 0, 4)

    # --- building -----------------------------------------------------------------------------
    def _node(self):
        """The selected layer or block (live), or None."""
        if not self._layer_id:
            return None
        try:
            return self.document.node(self._layer_id)
        except KeyError:
            return None

    def _kind(self, node):
        return BLOCKS[node.kind] if isinstance(node, BlockSpec) else LAYERS[node.kind]

    def _build_editors(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._editors.clear()
        self._doc_labels.clear()
        node = self._node()
        if node is None:
            return
        kind = self._kind(node)
        for param in kind.params:
            editor = self._make_editor(param)
            editor.setToolTip(param.doc)
            if isinstance(editor, (QSpinBox, QDoubleSpinBox, QComboBox)):
                editor.setMinimumWidth(140)
            self._editors[param.name] = editor
            name = QLabel(param.name)
            name.setFont(monospace_font(10))
            doc = _small(QLabel())
            self._doc_labels[param.name] = doc
            holder = QWidget()  # the editor keeps its natural width; the row below may wrap wide
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(editor)
            row.addStretch(1)
            self.form.addRow(name, holder)
            self.form.addRow("", doc)
        wheel_scrolls_form(self.scroll)  # scrolling the inspector does not edit the parameters
        self._retranslate_docs()

    def _make_editor(self, param: Param) -> QWidget:
        name = param.name
        if param.type is bool:
            w = QCheckBox()
            w.toggled.connect(lambda v, n=name: self.apply_value(n, bool(v)))
        elif param.type is str:
            w = QComboBox()
            w.addItems(list(param.choices))
            w.currentTextChanged.connect(lambda v, n=name: self.apply_value(n, v))
        elif param.type is int:
            w = QSpinBox()
            w.setRange(-INT_LIMIT, INT_LIMIT)  # the document checks the schema's range (see above)
            w.setKeyboardTracking(False)  # commit on Enter / focus out, not on every digit
            w.setAccelerated(True)
            w.valueChanged.connect(lambda v, n=name: self.apply_value(n, int(v)))
            undo_keys_to_document(w)
        else:
            w = QDoubleSpinBox()
            w.setDecimals(3)
            w.setRange(-1e9, 1e9)
            span = (param.maximum or 1.0) - (param.minimum or 0.0)
            w.setSingleStep(0.01 if span <= 1 else 0.1)
            w.setKeyboardTracking(False)
            w.valueChanged.connect(lambda v, n=name: self.apply_value(n, float(v)))
            undo_keys_to_document(w)
        return w

    def _load_values(self) -> None:
        node = self._node()
        if node is None:
            return
        params = node.params
        for name, w in self._editors.items():
            value = params[name]
            w.blockSignals(True)
            if isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox):
                w.setCurrentText(str(value))
            else:
                w.setValue(value)
            w.blockSignals(False)

    # --- refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        node = self._node()
        if node is None:
            if self._layer_id:  # the layer went away (deleted, undone)
                self._layer_id = ""
                self._build_editors()
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        analysis = self.document.analysis()
        info = analysis.info(node.id)
        spec = self.document.view()
        if self.document.is_flat():
            where = f"model[{spec.index_of(node.id)}]"
        else:
            parts = module_names(spec)[node.id].split(".")
            where = "model" + "".join(f"[{q}]" if q.isdigit() else f".{q}" for q in parts)
        count = "?" if info.out_shape is None else f"{info.n_params:,}"
        shapes = self.tr("Shape: <code>{0}</code> → <code>{1}</code>").format(
            format_shape(info.in_shape), format_shape(info.out_shape))
        if isinstance(node, BlockSpec):
            block = BLOCKS[node.kind]
            self.title.setText(self.tr("Residual block") if node.kind == RESIDUAL else self.tr("Concatenate"))
            color = group_color("block")
            self.group_label.setText(f"<span style='color:{color.name()}'>■</span> " + self.tr("Block"))
            self.doc.setText(block.doc)
            inside = _count_inside(node)
            branches = ""
            if node.kind == RESIDUAL:
                f = info.branch_shapes[0] if info.branch_shapes else None
                branches = "<br>" + self.tr("f(x): <code>{0}</code>, added to x <code>{1}</code>").format(
                    format_shape(f), format_shape(info.in_shape))
            else:
                a, b = info.branch_shapes if info.branch_shapes else (None, None)
                branches = "<br>" + self.tr("path A: <code>{0}</code>, path B: <code>{1}</code>").format(
                    format_shape(a), format_shape(b))
            self.shapes.setText(
                shapes + branches + "<br>" + self.tr("{0} layers and blocks inside, <b>{1}</b> parameters").format(
                    inside, count)
                + "&nbsp;&nbsp;<span style='color:#59636e'>" + self.tr("({0} in the code)").format(where)
                + "</span>")
            self.inferred.setVisible(False)
            self.no_params.setVisible(False)
            self.remove_button.setToolTip(self.tr("Remove this block and everything inside it (Delete)"))
        else:
            kind = LAYERS[node.kind]
            self.title.setText(node.kind)
            color = group_color(kind.group)
            self.group_label.setText(f"<span style='color:{color.name()}'>■</span> {group_title(kind.group)}")
            self.doc.setText(kind.doc)
            self.shapes.setText(
                shapes + "<br>" + self.tr("Learnable parameters: <b>{0}</b>").format(count)
                + "&nbsp;&nbsp;<span style='color:#59636e'>" + self.tr("({0} in the code)").format(where)
                + "</span>" + _tensor_breakdown(kind, info, node.params))
            self.inferred.setText(("ⓘ " + kind.inferred) if kind.inferred else "")
            self.inferred.setVisible(bool(kind.inferred))
            self.no_params.setVisible(not kind.params)
            self.remove_button.setToolTip(self.tr("Remove this layer from the network (Delete)"))
        problems = analysis.problems_for(node.id)
        self.problems.setText("<br>".join(
            f"<span style='color:{(ERROR_COLOR if p.severity == ERROR else WARNING_COLOR).name()}'>⚠ "
            f"{escape(p.message)}</span>" for p in problems))
        self.problems.setVisible(bool(problems))
        self._load_values()

    def retranslate(self) -> None:
        self.placeholder.setText("<h3>" + self.tr("How to build a network") + "</h3><ol>"
                                 + "".join(f"<li style='margin-bottom:6px'>{step}</li>" for step in (
                                     self.tr("Drag a layer from the palette onto the network, where you want it."),
                                     self.tr("Click a block to see what it does and to edit its parameters here."),
                                     self.tr("Drag a block to move it; Delete removes it; Ctrl+↑/↓ moves it too."),
                                     self.tr("Blocks (at the end of the palette) hold layers: drop layers into "
                                             "a residual or concatenate block; ▾ folds it to one line."),
                                     self.tr("Click the Input block to change the input shape."),
                                     self.tr("Every edit can be undone with Ctrl+Z."))) + "</ol>")
        self.params_title.setText(self.tr("Parameters"))
        self.no_params.setText(self.tr("This layer has nothing to set: it has no parameters of its own."))
        self.remove_button.setText(self.tr("Remove"))
        self._retranslate_docs()
        self.refresh()

    def _retranslate_docs(self) -> None:
        node = self._node()
        if node is None:
            return
        kind = self._kind(node)
        for param in kind.params:
            text = param.doc
            if param.type in (int, float):
                text += " " + self.tr("Allowed: {0}").format(param.range_text())
            self._doc_labels[param.name].setText(text)
            self._editors[param.name].setToolTip(text)

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _tensor_breakdown(kind, info, params: dict) -> str:
    """The learnable tensors of one layer, e.g. ``weight (16, 2) = 32 · bias (16,) = 16``.

    Built with the registry's own builder, so the names and shapes are exactly PyTorch's; on the
    meta device, so a huge layer (say 1,000,000 -> 65,536) costs no memory and no time to describe."""
    if info.in_shape is None or not info.n_params:
        return ""
    try:
        with torch.device("meta"):
            module = kind.builder(info.in_shape, params)
    except RuntimeError:  # beyond what torch can even describe (more than 2**63 numbers): no breakdown
        return ""
    parts = [f"<code>{name} {tuple(p.shape)}</code> = {p.numel():,}" for name, p in module.named_parameters()]
    return "<br><span style='color:#59636e'>" + " + ".join(parts) + "</span>" if parts else ""


def _count_inside(block: BlockSpec) -> int:
    todo, n = [block], 0
    while todo:
        for branch in todo.pop().branches:
            n += len(branch)
            todo.extend(x for x in branch if isinstance(x, BlockSpec))
    return n

