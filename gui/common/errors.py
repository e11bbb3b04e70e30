"""Unhandled errors: logged, shown in a dialog with "Copy details", and the window goes on.

PySide6 hands an exception that escapes a slot to ``sys.excepthook`` and carries on with the
event loop; by default that prints to a terminal the learner never sees. ``install`` replaces the
hook: the traceback goes to a rotating log file and to a non-blocking dialog (one at a time;
errors while it is open are logged and counted). Exceptions from other threads reach the dialog
through a queued signal, since widgets live on the GUI thread only.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("pytorch_learning_lab")


class ErrorReporter(QObject):
    """The one object that shows unhandled errors; ``install`` creates it."""

    reported = Signal(str, str)  # summary, details (queued to the GUI thread)

    def __init__(self, log_file: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: QMessageBox | None = None
        self.count = 0  # errors reported since start (shown ones and those logged while a dialog was open)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.reported.connect(self._show)
        if log_file is not None:
            try:
                log_file.parent.mkdir(parents=True, exist_ok=True)
                handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=2,
                                                               encoding="utf-8")
                handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
                log.addHandler(handler)
                self._handler = handler
            except OSError:
                self.log_file = None
                self._handler = None
        else:
            self._handler = None

    # --- hooks -----------------------------------------------------------------------------------
    def excepthook(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("Unhandled exception\n%s", details)
        sys.stderr.write(details)
        self.count += 1
        summary = f"{kind.__name__}: {value}".strip()
        self.reported.emit(summary[:500], details)

    def thread_excepthook(self, args) -> None:
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        if self._handler is not None:
            log.removeHandler(self._handler)
            self._handler.close()
            self._handler = None

    # --- the dialog --------------------------------------------------------------------------------
    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time: the rest is in the log
        parent = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Critical, self.tr("Unexpected error"), self.tr(
            "Something went wrong inside the app. Your work is still open; you can go on, "
            "and saving it now is a good idea."), QMessageBox.Close, parent)
        box.setInformativeText(summary)
        where = str(self.log_file) if self.log_file else self.tr("(no log file)")
        box.setDetailedText(details + "\n" + self.tr("Log file: {0}").format(where))
        copy = box.addButton(self.tr("Copy details"), QMessageBox.ActionRole)
        copy.clicked.disconnect()  # an ActionRole button would close the box; copying should not
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        box.setModal(False)
        self.dialog = box
        box.show()


def install(log_file: Path | None = None) -> ErrorReporter:
    """Route unhandled exceptions (GUI thread and other threads) to an ErrorReporter."""
    reporter = ErrorReporter(log_file)
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_excepthook
    return reporter
