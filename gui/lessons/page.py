"""Lessons page: the notes' lesson path on the left, the lesson text and "try it" buttons in the
middle, and the lesson's lab on the right."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter,
                               QStackedWidget, QStyle, QTextBrowser, QVBoxLayout, QWidget)

from core.lessons import catalog
from gui.common.wheel import wheel_scrolls_form
from gui.lessons.activation_lab import ActivationLab, DepthLab, LinearLab
from gui.lessons.autograd_lab import AutogradLab
from gui.lessons.conv_lab import KernelLab
from gui.lessons.forward_lab import ForwardLab
from gui.lessons.seq2seq_lab import Seq2SeqLab
from gui.lessons.transformer_lab import TransformerLab
from gui.lessons.tensor_lab import TensorLab
from gui.lessons.widgets import ACCENT, CODE_BG, MUTED, NOTE_BG, heading, muted

SETTINGS_KEY = "lessons/current"


def lesson_html(lesson: catalog.Lesson, note_label: str = "Note:") -> str:
    """The lesson as simple rich text for QTextBrowser (which knows a subset of HTML/CSS)."""
    parts = [f"<h2 style='margin-bottom:2px'>{html.escape(lesson.title)}</h2>",
             f"<p style='color:{MUTED}; margin-top:0'>{html.escape(lesson.source)}</p>"]
    for block in lesson.blocks:
        text = html.escape(block.text)
        if block.kind == "code":
            parts.append(f"<table width='100%' cellpadding='8' style='background:{CODE_BG}'><tr><td>"
                         f"<pre style='margin:0; white-space:pre-wrap; font-size:9pt'>{text}</pre></td></tr></table>")
        elif block.kind == "note":
            parts.append(f"<table width='100%' cellpadding='8' style='background:{NOTE_BG}'><tr><td>"
                         f"<b>{html.escape(note_label)}</b> {text}</td></tr></table>")
        else:
            parts.append(f"<p style='line-height:130%'>{text}</p>")
    return "\n".join(parts)


def _column_needs(lay, width: int) -> int:
    """The height a column (QVBoxLayout) needs at ``width`` without squeezing a child below its minimum.
    Laying out, a column gives each child with a height-for-width exactly that height, not the smaller
    minimum its totalMinimumHeightForWidth counts, so a lab sized by that overlapped its own parts (the
    autograd lab's buttons lay under the graph's heading)."""
    if not isinstance(lay, QVBoxLayout):
        return 0
    m = lay.contentsMargins()
    inner = max(1, width - m.left() - m.right())
    heights = []
    for i in range(lay.count()):
        item = lay.itemAt(i)
        if item.isEmpty():
            continue
        heights.append(item.heightForWidth(inner) if item.hasHeightForWidth() else item.minimumSize().height())
    return sum(heights) + max(0, lay.spacing()) * max(0, len(heights) - 1) + m.top() + m.bottom()


class _Fill(QWidget):
    """Holds a lab in its scroll area: the lab fills the view and scrolls only below its minimum
    size (without this, a wrapped label's height-for-width made a lab scroll at any window size)."""

    def __init__(self, lab: QWidget):
        super().__init__()
        self.lab = lab
        lab.setParent(self)           # no layout: a layout would pass the height-for-width on
        lab.installEventFilter(self)  # ...so a lab that grows (a variable added) is passed on here

    def eventFilter(self, obj, event):
        if obj is self.lab and event.type() == QEvent.LayoutRequest:
            self._relayout()          # the scroll area sizes this to the lab's new minimum
        return False

    def _relayout(self) -> None:
        self.updateGeometry()
        scroll = self.parentWidget().parentWidget() if self.parentWidget() is not None else None
        if isinstance(scroll, QScrollArea):
            QCoreApplication.postEvent(scroll, QEvent(QEvent.LayoutRequest))
            # and at once: as tall as the lab needs at this width, or as the view
            need = self.minimumSizeHint().expandedTo(scroll.viewport().size())
            if need.height() != self.height():
                self.resize(self.width(), need.height())

    def minimumSizeHint(self):
        """The lab's minimum, with wrapped labels as tall as they need at this width (no overlap)."""
        size = self.lab.minimumSizeHint()
        lay = self.lab.layout()
        if lay is not None and lay.hasHeightForWidth():
            width = max(self.width(), size.width())
            size.setHeight(max(size.height(), lay.totalMinimumHeightForWidth(width), _column_needs(lay, width)))
        return size

    def sizeHint(self):
        return self.minimumSizeHint()

    def resizeEvent(self, event):
        self.lab.setGeometry(self.rect())
        if event.oldSize().width() != event.size().width():
            self._relayout()          # a new width: the wrapped labels' minimum height changes
        super().resizeEvent(event)


class WrappedList(QListWidget):
    """A list whose items wrap their text at the list's width and are exactly as tall as that text.

    QListView measures wrapped items when it lays them out and keeps those heights when the width
    changes again (a title once wrapped in a narrow list kept a second, empty line); here each
    item's height is set from the width it has now."""

    PADDING = 16        # the stylesheet's 8 px above and below each item

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_items()

    def fit_items(self) -> None:
        # the text's room in an item: the view's width less the delegate's margin on each side
        margin = self.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, self) + 1
        width = self.viewport().width() - 2 * (self.spacing() + margin)
        metrics = self.fontMetrics()
        for i in range(self.count()):
            item = self.item(i)
            text = metrics.boundingRect(QRect(0, 0, max(width, 20), 10_000), Qt.TextWordWrap, item.text())
            item.setSizeHint(QSize(max(width, 20), text.height() + self.PADDING))


class LessonsPage(QWidget):
    try_it = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lessons = catalog.LESSONS

        # Left: the lesson path.
        self.lesson_list = WrappedList()
        for i, lesson in enumerate(self.lessons, 1):
            item = QListWidgetItem(f"{i}. {lesson.title}")
            item.setData(Qt.UserRole, lesson.id)
            item.setToolTip(lesson.source)
            self.lesson_list.addItem(item)
        self.lesson_list.setWordWrap(True)
        self.lesson_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.lesson_list.setStyleSheet(
            # no sideways padding on the items: Qt wraps a title at the full width and then cut it with …
            "QListWidget { font-size: 11pt; border: none; background: #f6f8fa; padding-left: 6px; }"
            "QListWidget::item { padding: 8px 0px; }"
            f"QListWidget::item:selected {{ background: {ACCENT}; color: white; }}")
        self.lesson_list.currentRowChanged.connect(self._on_row_changed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(self.tr("Lesson path"), 11))
        left_layout.addWidget(muted(self.tr("In the order of your study notes.")))
        left_layout.addWidget(self.lesson_list, 1)

        # Middle: the text and the "try it" buttons.
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setFrameShape(QFrame.NoFrame)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.text.document().setDocumentMargin(10)
        self.try_box = QWidget()
        self.try_layout = QVBoxLayout(self.try_box)
        self.try_layout.setContentsMargins(0, 0, 0, 0)
        self.try_buttons: list[QPushButton] = []
        self.prev_button = QPushButton(self.tr("← Previous"))
        self.next_button = QPushButton(self.tr("Next lesson →"))
        self.prev_button.clicked.connect(self.previous_lesson)
        self.next_button.clicked.connect(self.next_lesson)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.text, 1)
        middle_layout.addWidget(heading(self.tr("Try it"), 10))
        middle_layout.addWidget(self.try_box)
        middle_layout.addLayout(nav)

        # Right: the lab.
        self.tensor_lab = TensorLab("tensor")
        self.numpy_lab = TensorLab("numpy")
        self.autograd_lab = AutogradLab()
        self.forward_lab = ForwardLab()
        self.linear_lab = LinearLab()
        self.activation_lab = ActivationLab()
        self.depth_lab = DepthLab()
        self.seq2seq_lab = Seq2SeqLab()
        self.transformer_lab = TransformerLab()
        self.conv_lab = KernelLab()
        self.no_lab = QWidget()
        self.no_lab_layout = QVBoxLayout(self.no_lab)
        self.no_lab_buttons: list[QPushButton] = []
        self.labs = {"tensor": self.tensor_lab, "numpy": self.numpy_lab, "autograd": self.autograd_lab,
                     "forward": self.forward_lab, "linear": self.linear_lab, "activation": self.activation_lab,
                     "depth": self.depth_lab, "conv": self.conv_lab, "seq2seq": self.seq2seq_lab,
                     "transformer": self.transformer_lab,
                     "": self.no_lab}
        self.lab_titles = {"tensor": self.tr("Tensor lab"), "numpy": self.tr("Tensor lab: NumPy conversions"),
                           "autograd": self.tr("Autograd lab"), "forward": self.tr("Forward-propagation lab"),
                           "linear": self.tr("Linear vs nonlinear lab"),
                           "activation": self.tr("Activation lab"),
                           "depth": self.tr("Vanishing-gradient lab: depth slider"),
                           "conv": self.tr("Kernel lab: a 3×3 convolution on a digit"),
                           "seq2seq": self.tr("Seq2Seq lab: a question as tensors"),
                           "transformer": self.tr("Transformer lab: attention weights and residual gradients"),
                           "": self.tr("Try it in the app")}
        # each lab scrolls on its own in a small window instead of making the window taller than
        # the screen (the autograd lab alone needs ~630 px; at 1024×700 the window could not be that small)
        self.stack = QStackedWidget()
        self._lab_scrolls = {}
        for w in self.labs.values():
            scroll = QScrollArea()
            scroll.setWidget(_Fill(w))
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.NoFrame)
            wheel_scrolls_form(scroll)   # scrolling a lab does not turn its sliders and choices
            self._lab_scrolls[w] = scroll
            self.stack.addWidget(scroll)
        self.lab_title = heading("", 13)
        self.lab_title.setWordWrap(True)   # a long lab title made the lab column (and the window) wider
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.lab_title)
        right_layout.addWidget(self.stack, 1)

        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 0)
        split.setStretchFactor(2, 1)
        split.setSizes([210, 350, 720])
        split.setChildrenCollapsible(False)
        self.splitter = split
        self._sized_by_user = False       # until the learner drags a divider, the columns follow the width
        split.splitterMoved.connect(self._on_splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)

        start = str(QSettings().value(SETTINGS_KEY, self.lessons[0].id))
        self.show_lesson(start if start in {lesson.id for lesson in self.lessons} else self.lessons[0].id)

    def column_widths(self, width: int) -> list[int]:
        """The lesson list, the text and the lab for a splitter ``width`` wide: in a 1024-px window the
        list and text take less (the lab got ~440 px and scrolled sideways), in a wide one the lab the most."""
        handles = self.splitter.handleWidth() * 2
        path = min(230, max(185, round(width * 0.16)))   # narrower, long titles were cut with …
        text = max(self.splitter.widget(1).minimumSizeHint().width(), min(420, max(290, round(width * 0.29))))
        return [path, text, max(0, width - handles - path - text)]

    @Slot(int, int)
    def _on_splitter_moved(self, *_):
        self._sized_by_user = True

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self._sized_by_user:
            self.splitter.setSizes(self.column_widths(self.splitter.width()))

    def current_lab(self) -> QWidget:
        return self.stack.currentWidget().widget().lab

    # --- navigation ------------------------------------------------------------------------------
    def current_lesson(self) -> catalog.Lesson:
        return self.lessons[max(0, self.lesson_list.currentRow())]

    def show_lesson(self, lesson_id: str) -> None:
        for row, lesson in enumerate(self.lessons):
            if lesson.id == lesson_id:
                if self.lesson_list.currentRow() == row:
                    self._on_row_changed(row)
                else:
                    self.lesson_list.setCurrentRow(row)
                return
        raise KeyError(lesson_id)

    @Slot()
    def next_lesson(self) -> None:
        self.lesson_list.setCurrentRow(min(self.lesson_list.currentRow() + 1, len(self.lessons) - 1))

    @Slot()
    def previous_lesson(self) -> None:
        self.lesson_list.setCurrentRow(max(self.lesson_list.currentRow() - 1, 0))

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        lesson = self.lessons[row]
        self.text.setHtml(lesson_html(lesson, self.tr("Note:")))
        self._fill_try_its(lesson)
        self.lab_title.setText(self.lab_titles[lesson.lab])
        self.stack.setCurrentWidget(self._lab_scrolls[self.labs[lesson.lab]])
        self.prev_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.lessons) - 1)
        QSettings().setValue(SETTINGS_KEY, lesson.id)

    def _fill_try_its(self, lesson: catalog.Lesson) -> None:
        for b in self.try_buttons + self.no_lab_buttons:
            b.setParent(None)
            b.deleteLater()
        self.try_buttons, self.no_lab_buttons = [], []
        while self.no_lab_layout.count():
            item = self.no_lab_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for t in lesson.try_its:
            b = QPushButton(f"▶  {t.label}")
            b.setProperty("action", t.action)
            b.setToolTip(self._where(t.action))
            b.setStyleSheet(f"QPushButton {{ text-align: left; padding: 6px 10px; border: 1px solid {ACCENT}; "
                            f"border-radius: 4px; color: {ACCENT}; background: white; }}"
                            f"QPushButton:hover {{ background: {NOTE_BG}; }}")
            b.clicked.connect(self._on_try_it_clicked)
            self.try_layout.addWidget(b)
            self.try_buttons.append(b)
        if lesson.lab == "":
            # No lab of its own: the right side offers the lesson's "try it" actions as large cards.
            intro = QLabel(self.tr("This lesson is practised in the other pages of the app. "
                                   "Each button opens one, already set up for the lesson."))
            intro.setWordWrap(True)
            self.no_lab_layout.addWidget(intro)
            for t in lesson.try_its:
                b = QPushButton(f"▶  {t.label}")
                b.setProperty("action", t.action)
                b.setMinimumHeight(64)
                b.setStyleSheet(f"QPushButton {{ text-align: left; padding: 12px 18px; font-size: 13pt; "
                                f"border-radius: 8px; color: white; background: {ACCENT}; }}"
                                "QPushButton:hover { background: #2458b3; }")
                b.clicked.connect(self._on_try_it_clicked)
                self.no_lab_layout.addWidget(b)
                self.no_lab_buttons.append(b)
            self.no_lab_layout.addStretch(1)

    def _where(self, action: str) -> str:
        """Where a try-it button leads, in the learner's words (the tooltip showed the action's id)."""
        page = action.partition(":")[0]
        return {"editor": self.tr("Opens the network in the Network editor (Ctrl+Z brings yours back)"),
                "training": self.tr("Opens the Training page, set up for this lesson"),
                "addition": self.tr("Opens the Addition solver")}.get(page, "")

    @Slot()
    def _on_try_it_clicked(self) -> None:
        action = self.sender().property("action")
        if action:
            self.try_it.emit(str(action))

    # --- lifecycle -------------------------------------------------------------------------------
    def shutdown(self) -> None:
        self.depth_lab.stop()
