"""Does every visible text fit its widget? (the window-size tests use this)

``clipped(root)`` lists each visible widget whose text is cut: a label narrower (or, wrapped, lower)
than its text, a button or check box narrower than its size hint, a group box title wider than
the box, an elided tab, a table heading cut by its column, a combo box showing less than its current item, and any widget that
sticks out of its parent (outside a scroll area, where that is how scrolling works); and in each
pyqtgraph plot, a title or axis label longer than its plot or axis and a legend that runs past the
plot's data area.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QComboBox, QGraphicsView, QGroupBox, QHeaderView,
                               QLabel, QSplitter, QTabBar, QWidget)

from gui.common.combo import ElidingComboBox   # its current item ends in … where narrow: not cut

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


def _plot_items(view):
    import pyqtgraph as pg
    return [it for it in view.scene().items() if isinstance(it, pg.PlotItem) and it.isVisible()]


def clipped_in_plots(root: QWidget) -> list[str]:
    """Titles, axis labels and legends of the visible pyqtgraph plots under ``root`` that do not fit."""
    import pyqtgraph as pg
    out = []
    for view in root.findChildren(QGraphicsView):    # (findChildren does not match pyqtgraph's Python class)
        if not isinstance(view, pg.GraphicsView) or not _visible(view.viewport()) or view.window() is not root.window():
            continue
        shown = view.viewport().rect()
        for pi in _plot_items(view):
            drawn = view.mapFromScene(pi.sceneBoundingRect()).boundingRect()
            if drawn.right() > shown.right() + SLACK or drawn.bottom() > shown.bottom() + SLACK:
                out.append(f"plot {pi.titleLabel.text[:40]!r} runs past its view "
                           f"({drawn.right()}x{drawn.bottom()} beyond {shown.right()}x{shown.bottom()})")
            title = pi.titleLabel
            if title.isVisible() and title.text:
                need, has = title.item.boundingRect().width(), pi.size().width()
                if need > has + SLACK:
                    out.append(f"plot title {title.text[:60]!r}: needs width {need:.0f}, has {has:.0f}")
            for side in ("left", "bottom"):
                axis = pi.getAxis(side)
                if not axis.isVisible() or not axis.label.isVisible() or not axis.labelText:
                    continue
                need = axis.label.boundingRect().width()
                has = axis.size().width() if side == "bottom" else axis.size().height()
                if need > has + SLACK:
                    out.append(f"axis label {axis.labelText[:60]!r}: needs {need:.0f} px, has {has:.0f}")
            legend = pi.legend
            if legend is not None and legend.isVisible() and legend.items:
                area, box = pi.vb.sceneBoundingRect(), legend.sceneBoundingRect()
                if (box.left() < area.left() - SLACK or box.top() < area.top() - SLACK
                        or box.right() > area.right() + SLACK or box.bottom() > area.bottom() + SLACK):
                    names = ", ".join(label.text for _, label in legend.items)[:60]
                    out.append(f"legend {names!r} ({box.width():.0f}x{box.height():.0f}) runs past its plot "
                               f"({area.width():.0f}x{area.height():.0f})")
    return out


def clipped(root: QWidget) -> list[str]:
    out = clipped_in_plots(root)
    for w in root.findChildren(QWidget):
        # a header's own region is covered by its viewport: it is shown where its viewport is
        if not _visible(w.viewport() if isinstance(w, QHeaderView) else w) or w.window() is not root.window():
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
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Horizontal and w.model() is not None:
            model, fm = w.model(), w.fontMetrics()
            for i in range(w.count()):
                text = str(model.headerData(i, Qt.Horizontal) or "")
                need = max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0) + 4   # the margins
                if text and not w.isSectionHidden(i) and need > w.sectionSize(i) + SLACK:
                    out.append(f"QHeaderView section {text!r}: needs width {need}, has {w.sectionSize(i)}")
        elif isinstance(w, QComboBox) and w.currentText() and not isinstance(w, ElidingComboBox):
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
