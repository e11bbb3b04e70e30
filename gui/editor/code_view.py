"""The code view: the current network as a complete PyTorch file, always in step with the editor.

The text is ``core.build.to_code(document.view())``; "Copy" puts it on the clipboard and
"Export .py…" writes it atomically (``core.project.atomic_write``), reporting failures in words.
"""
from __future__ import annotations

import keyword
import re
from pathlib import Path

from PySide6.QtCore import QEvent, QRegularExpression, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QApplication, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit,
                               QPushButton, QTextEdit, QVBoxLayout, QWidget)

from core.build import code_and_lines
from core.project import atomic_write, os_error_text
from gui.editor.style import monospace_font


def _fmt(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(color))
    if bold:
        f.setFontWeight(QFont.Bold)
    f.setFontItalic(italic)
    return f


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, names from torch, numbers, strings and comments: enough to read the file at a glance."""

    def __init__(self, document):
        super().__init__(document)
        words = "|".join(keyword.kwlist)
        self.rules = [
            (QRegularExpression(rf"\b({words})\b"), _fmt("#cf222e", bold=True)),
            (QRegularExpression(r"\b(nn|torch)\b(\.\w+)*"), _fmt("#0550ae")),
            (QRegularExpression(r"\b\d+(\.\d+)?\b"), _fmt("#953800")),
            (QRegularExpression(r"\bdef\s+(\w+)"), _fmt("#8250df", bold=True)),
        ]
        self.string = _fmt("#0a3069")
        self.comment = _fmt("#6e7781", italic=True)

    def highlightBlock(self, text: str) -> None:
        for rx, fmt in self.rules:
            it = rx.globalMatch(text)
            while it.hasNext():
                m = it.next()
                self.setFormat(m.capturedStart(), m.capturedLength(), fmt)
        # Strings and comments last, so they win over the rules above.
        for m in re.finditer(r"'[^'\n]*'|\"[^\"\n]*\"", text):
            self.setFormat(m.start(), m.end() - m.start(), self.string)
        hash_at = _comment_start(text)
        if hash_at >= 0:
            self.setFormat(hash_at, len(text) - hash_at, self.comment)
        # Triple-quoted docstrings may span lines: block state 1 means "still inside one".
        inside, pos, seg = self.previousBlockState() == 1, 0, 0
        while True:
            if inside:
                end = text.find('"""', pos)
                if end < 0:
                    self.setFormat(seg, len(text) - seg, self.string)
                    self.setCurrentBlockState(1)
                    return
                self.setFormat(seg, end + 3 - seg, self.string)
                inside, pos = False, end + 3
            else:
                start = text.find('"""', pos)
                if start < 0:
                    self.setCurrentBlockState(0)
                    return
                inside, seg, pos = True, start, start + 3


def _comment_start(text: str) -> int:
    quote = ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            return i
    return -1


HIGHLIGHT_LINES = 3000  # longer code is shown without syntax colours


class CodeView(QWidget):
    exported = Signal(str)  # path written

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._highlighted = ""  # the node whose line is shaded
        self._lines: dict[str, int] = {}  # node id -> the line that constructs it
        self._pending = False  # the text is behind the document: regenerated once the event loop runs
        self.title = QLabel()
        bold = QFont(self.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_dialog)
        self.status = QLabel()
        self.status.setStyleSheet("color: #59636e;")
        self.editor = QPlainTextEdit()
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.editor.setFont(monospace_font(10))
        self.editor.setStyleSheet("QPlainTextEdit { background: #f6f8fa; color: #1f2328; }")
        self.highlighter = PythonHighlighter(self.editor.document())
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.editor, 1)
        document.changed.connect(self._document_changed)
        self.retranslate()

    def code(self) -> str:
        self._flush()
        return self.editor.toPlainText()

    def _document_changed(self) -> None:
        # A burst of edits (a drag through a long network, undoing ten steps) writes the code once:
        # for a big network, writing and highlighting thousands of lines is the slow part of an edit.
        self._update_export()
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._flush)

    def _flush(self) -> None:
        if self._pending:
            self.refresh()

    def refresh(self) -> None:
        self._pending = False
        code, self._lines = code_and_lines(self.document.view(), self.document.analysis())
        if code != self.editor.toPlainText():
            bar = self.editor.verticalScrollBar()
            keep = bar.value()  # follow edits without jumping back to the top
            long = code.count("\n") > HIGHLIGHT_LINES
            if long != (self.highlighter.document() is None):  # colours cost ~0.1 ms a line: not for 10,000
                self.highlighter.setDocument(None if long else self.editor.document())
            self.editor.setPlainText(code)
            bar.setValue(keep)
        self.highlight_node(self._highlighted)
        self._update_export()
        self.status.clear()

    def _update_export(self) -> None:
        buildable = not self.document.analysis().errors
        # The "cannot be built" listing is long prose: wrap it; real code keeps its lines.
        self.editor.setLineWrapMode(QPlainTextEdit.NoWrap if buildable else QPlainTextEdit.WidgetWidth)
        self.export_button.setEnabled(buildable)
        self.export_button.setToolTip(
            self.tr("Save this code as a Python file you can run with python.") if buildable
            else self.tr("Fix the errors in the network first: the code cannot be built yet."))

    def highlight_node(self, node_id: str) -> None:
        """Shade the line that builds layer or block ``node_id`` ("": none), so a block and its code meet."""
        self._highlighted = node_id
        if self._pending:
            return  # applied when the code is written
        selections = []
        line = self._lines.get(node_id, -1)
        if line >= 0:
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(QColor("#fff1b8"))
            sel.format.setProperty(QTextFormat.FullWidthSelection, True)
            cursor = QTextCursor(self.editor.document().findBlockByNumber(line))
            sel.cursor = cursor
            selections.append(sel)
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()
        self.editor.setExtraSelections(selections)

    def highlighted_line(self) -> str:
        """The text of the shaded line, or "" (for tests and tooltips)."""
        self._flush()
        line = self._lines.get(self._highlighted, -1)
        return self.editor.document().findBlockByNumber(line).text() if line >= 0 else ""

    def copy(self) -> None:
        QApplication.clipboard().setText(self.code())
        self.status.setText(self.tr("Copied."))

    def export_dialog(self) -> None:
        project = self.document.path()  # suggest net.py beside net.json when the project has a file
        suggested = str(Path(project).with_suffix(".py")) if project else "network.py"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PyTorch code"), suggested,
                                              self.tr("Python files (*.py)"))
        if not path:
            return
        if not path.endswith(".py"):
            path += ".py"
            # the dialog asked about replacing the name as typed, not this one with ".py" added
            if Path(path).exists() and QMessageBox.question(
                    self, self.tr("Export PyTorch code"),
                    self.tr("{0} already exists. Replace it?").format(Path(path).name),
                    QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
                return
        problem = self.export_to(path)
        if problem:
            QMessageBox.warning(self, self.tr("Export failed"), problem)

    def export_to(self, path: str) -> str | None:
        """Write the code to ``path`` atomically. Returns an error message, or None on success."""
        code = code_and_lines(self.document.view())[0]
        try:
            atomic_write(path, lambda f: f.write(code))
        except OSError as e:
            return self.tr("Could not write {0}: {1}").format(path, os_error_text(e))
        self.status.setText(self.tr("Exported to {0}").format(path))
        self.exported.emit(path)
        return None

    def retranslate(self) -> None:
        self.title.setText(self.tr("PyTorch code"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the code to the clipboard"))
        self.export_button.setText(self.tr("Export .py…"))
        self.refresh()

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
