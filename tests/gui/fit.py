"""Does every visible text fit its widget? (the window-size tests use this)

``clipped(root)`` lists each visible widget whose text is cut: a label narrower (or, wrapped, lower)
than its text, a button or check box narrower than its size hint, a group box title wider than
the box, an elided tab, a combo box showing less than its current item, and any widget that
sticks out of its parent (outside a scroll area, where that is how scrolling works).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QComboBox, QGroupBox, QLabel, QSplitter,
                               QTabBar, QWidget)

SLACK = 2   # pixels of rounding


def _rich(text: str) -> bool:
    from PySide6.QtGui import Qt as GuiQt
    return GuiQt.mightBeRichText(text)


def _name(w: QWidget) -> str:
    text = ""
    for attr in ("text", "title", "currentText"):
        if hasattr(w, attr):
            try:
                text = getattr(w, attr)()
            except TypeError:
                continue
            break
    return f"{type(w).__name__} {text[:60]!r}"


def _in_scroll_area(w: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractScrollArea):
            return True
        p = p.parentWidget()
    return False


def _visible(w: QWidget) -> bool:
    return w.isVisible() and QWidget.width(w) > 0 and QWidget.height(w) > 0 and not w.visibleRegion().isEmpty()


def clipped(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not _visible(w) or w.window() is not root.window():
            continue
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            fm = w.fontMetrics()
            rect = w.contentsRect()
            if w.textFormat() == Qt.RichText or (w.textFormat() == Qt.AutoText and _rich(w.text())):
                need_w, need_h = w.sizeHint().width(), w.heightForWidth(QWidget.width(w)) if w.wordWrap() else w.sizeHint().height()
                if w.wordWrap():
                    if need_h > QWidget.height(w) + SLACK:
                        out.append(f"{_name(w)}: needs height {need_h}, has {QWidget.height(w)}")
                elif need_w > QWidget.width(w) + SLACK:
                    out.append(f"{_name(w)}: needs width {need_w}, has {QWidget.width(w)}")
                continue
            if w.wordWrap():
                need = w.heightForWidth(QWidget.width(w))
                if need > QWidget.height(w) + SLACK:
                    out.append(f"{_name(w)}: needs height {need}, has {QWidget.height(w)}")
            else:
                need = max(fm.horizontalAdvance(line) for line in w.text().split("\n")) + 2 * w.margin()
                if need > rect.width() + SLACK:
                    out.append(f"{_name(w)}: needs width {need}, has {rect.width()}")
        elif isinstance(w, QAbstractButton) and w.text():
            need = w.sizeHint().width()
            if need > QWidget.width(w) + SLACK:
                out.append(f"{_name(w)}: needs width {need}, has {QWidget.width(w)}")
        elif isinstance(w, QGroupBox) and w.title():
            need = w.fontMetrics().horizontalAdvance(w.title()) + 16
            if need > QWidget.width(w) + SLACK:
                out.append(f"{_name(w)}: title needs width {need}, has {QWidget.width(w)}")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.tabRect(i).width() + SLACK < w.tabSizeHint(i).width() and w.elideMode() != Qt.ElideNone:
                    out.append(f"QTabBar tab {w.tabText(i)!r}: needs width {w.tabSizeHint(i).width()}, "
                               f"has {w.tabRect(i).width()}")
        elif isinstance(w, QComboBox) and w.currentText():
            # the width the combo asks for to show its items (text, frame, arrow), at most its current text's
            need = min(w.sizeHint().width(), w.fontMetrics().horizontalAdvance(w.currentText()) + 28)
            if need > QWidget.width(w) + SLACK:
                out.append(f"{_name(w)}: needs width {need}, has {QWidget.width(w)}")
        parent = w.parentWidget()
        if (parent is not None and not isinstance(parent, QSplitter) and not _in_scroll_area(w)
                and not parent.rect().contains(w.geometry()) and w.isWindow() is False):
            g, r = w.geometry(), parent.rect()
            if g.right() > r.right() + SLACK or g.bottom() > r.bottom() + SLACK:
                out.append(f"{_name(w)}: sticks out of its parent {type(parent).__name__} "
                           f"({g.right()}x{g.bottom()} beyond {r.right()}x{r.bottom()})")
    return out
