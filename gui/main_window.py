"""The main window: four pages in tabs, the File/Edit/Language menus, and the document's lifecycle.

It owns the one ``NetworkDocument`` shared by the editor and the training view, asks before any
action would lose unsaved work, and routes the lessons' "try it" requests to the right page.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QProcess, QSettings, QSize, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QTabWidget

from core.i18n import language
from core.project import ProjectError, os_error_text
from core.templates import TEMPLATES
from gui.addition.page import AdditionPage
from gui.common.autosave import INTERVAL_MS, Autosaver
from gui.common.locations import autosave_dir
from gui.editor.document import NetworkDocument
from gui.editor.page import EditorPage
from gui.lessons.page import LessonsPage
from gui.training.page import TrainingPage

MAX_RECENT = 8
PROJECT_FILTER = "*.json"
# Qt's own Japanese file dialog leaves these two labels in English (Qt 6.11 added the "&" to them):
# listed here so that they are translated in main_ja.ts, under Qt's own context.
QT_TEXTS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))


def _canonical(path: str) -> str:
    """The absolute, link-free form of ``path``; unlike ``Path.resolve`` it never raises (a symlink
    loop stays as it is)."""
    return os.path.realpath(os.path.abspath(path))


class MainWindow(QMainWindow):
    def __init__(self, restore_geometry: bool = True, parent=None, autosave_root: str | Path | None = None,
                 autosave_interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.document = NetworkDocument(parent=self)
        self.autosaver = Autosaver(self.document, autosave_root if autosave_root is not None else autosave_dir(),
                                   autosave_interval_ms, parent=self)
        self.editor_page = EditorPage(self.document)
        self.training_page = TrainingPage(self.document)
        self.addition_page = AdditionPage()
        self.lessons_page = LessonsPage()
        self.pages = {
            "editor": self.editor_page,
            "training": self.training_page,
            "addition": self.addition_page,
            "lessons": self.lessons_page,
        }
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for name in ("lessons", "editor", "training", "addition"):
            self.tabs.addTab(self.pages[name], self._tab_titles()[name])
        self.tabs.setCurrentWidget(self.editor_page)
        self.setCentralWidget(self.tabs)

        self._build_menus()
        self.lessons_page.try_it.connect(self.on_try_it)
        self.document.modified_changed.connect(self._update_title)
        self.document.path_changed.connect(self._update_title)
        self.document.edit_refused.connect(self._show_refusal)
        self._update_title()
        self.statusBar().showMessage(self.tr("Ready. Drag layers from the palette to build a network."), 8000)
        self.resize(1280, 800)
        if restore_geometry:
            geometry = QSettings().value("window/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)

    def _tab_titles(self) -> dict[str, str]:
        return {"lessons": self.tr("Lessons"), "editor": self.tr("Network editor"), "training": self.tr("Training"),
                "addition": self.tr("Addition solver")}

    # --- menus --------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._add_action(file_menu, self.tr("&New"), self.new_document, QKeySequence.New)
        templates_menu = file_menu.addMenu(self.tr("New from &template"))
        for name, template in TEMPLATES.items():
            action = templates_menu.addAction(template.title)
            action.setToolTip(template.doc)
            action.setData(name)
            action.triggered.connect(self._on_new_from_template)
        self._add_action(file_menu, self.tr("&Open…"), self.open_document, QKeySequence.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._add_action(file_menu, self.tr("&Save"), self.save_document, QKeySequence.Save)
        self._add_action(file_menu, self.tr("Save &as…"), self.save_document_as, QKeySequence.SaveAs)
        file_menu.addSeparator()
        self._add_action(file_menu, self.tr("&Quit"), self.close, QKeySequence.Quit)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.Undo)
        redo = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, name in enumerate(("lessons", "editor", "training", "addition")):
            action = self._add_action(view_menu, self.tabs.tabText(self.tabs.indexOf(self.pages[name])),
                                      self._on_show_page_action, QKeySequence(f"Ctrl+{i + 1}"))
            action.setData(name)

        lang_menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in (("en", "English"), ("ja", "日本語")):
            action = lang_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == language())
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(self._on_language_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._add_action(help_menu, self.tr("&About"), self.show_about)

    def _add_action(self, menu, text, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    # --- pages --------------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.pages[name])

    @Slot()
    def _on_show_page_action(self) -> None:
        self.show_page(self.sender().data())

    @Slot(str)
    def on_try_it(self, action: str) -> None:
        """Route a lesson's "try it" request: ``page[:verb[:argument]]``."""
        page, _, rest = action.partition(":")
        verb, _, arg = rest.partition(":")
        if page == "editor" and verb == "template" and arg in TEMPLATES:
            self.editor_page.apply_template(arg)
            self.training_page.use_data_for(TEMPLATES[arg])     # its data too, where the page has another kind
            # on arrival, what this network is and where to look (Ctrl+Z brings the old one back)
            self.statusBar().showMessage(self.tr("{0}: {1} Each layer shows its shapes and parameter count; "
                                                 "Ctrl+Z brings your previous network back.").format(
                TEMPLATES[arg].title, TEMPLATES[arg].doc), 30000)
        elif page == "training" and verb in ("setup", "compare"):
            self.training_page.apply_setup(arg)
        elif page == "training" and verb == "dataset":
            self.training_page.select_dataset(arg)
        elif page == "addition" and verb == "compare":
            self.addition_page.show_comparison()
            self.statusBar().showMessage(self.tr("Press “Run the comparison”: the textbook's models train one "
                                                 "after another on the same problems; watch their exact-match "
                                                 "curves and the table."), 30000)
        elif page == "addition" and not verb:
            self.statusBar().showMessage(self.tr("Type a sum such as 123+45 and press Enter: the table shows "
                                                 "how the decoder wrote each digit, and with what probability."),
                                         30000)
        elif page not in self.pages:
            self.statusBar().showMessage(self.tr("Unknown lesson action: {0}").format(action), 5000)
            return
        self.show_page(page)

    # --- document lifecycle -------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes. True when it is fine to go on."""
        if not self.document.is_modified():
            return True
        answer = QMessageBox.warning(
            self, self.tr("Unsaved changes"),
            self.tr("“{0}” has unsaved changes. Save them first?").format(self.document.display_name()),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save_document()
        return answer == QMessageBox.Discard

    @Slot()
    def new_document(self) -> None:
        if self.maybe_save():
            self.document.reset(TEMPLATES["classifier_2d"].make())
            self.statusBar().showMessage(self.tr("New network"), 3000)

    @Slot()
    def _on_new_from_template(self) -> None:
        name = self.sender().data()
        if self.maybe_save():
            self.document.reset(TEMPLATES[name].make())
            self.show_page("editor")

    @Slot()
    def open_document(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), self._last_dir(),
                                              self.tr("Projects ({0})").format(PROJECT_FILTER))
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Open ``path``; on any problem, say why and keep the current document untouched."""
        if ask and not self.maybe_save():
            return False
        try:
            warnings = self.document.open(path)
        except ProjectError as e:
            if not os.path.exists(path):  # a recent file that was moved or deleted (or a loop) leaves the list
                self._set_recent([f for f in self.recent_files() if f != _canonical(path)])
            QMessageBox.warning(self, self.tr("Cannot open project"), str(e))
            return False
        self._add_recent(path)
        message = self.tr("Opened {0}").format(Path(path).name)
        if warnings:
            message += " — " + " ".join(warnings)
        self.statusBar().showMessage(message, 10000)
        return True

    @Slot()
    def save_document(self) -> bool:
        if not self.document.path():
            return self.save_document_as()
        return self._save_to(self.document.path())

    @Slot()
    def save_document_as(self) -> bool:
        start = self.document.path() or str(Path(self._last_dir()) / "network.json")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), start,
                                              self.tr("Projects ({0})").format(PROJECT_FILTER))
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".json"
            # the dialog asked about replacing the name as typed, not this one with ".json" added
            if Path(path).exists() and not self._confirm_replace(path):
                return False
        return self._save_to(path)

    def _confirm_replace(self, path: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Save project"),
                                      self.tr("{0} already exists. Replace it?").format(Path(path).name),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _save_to(self, path: str) -> bool:
        try:
            self.document.save(path)
        except OSError as e:
            QMessageBox.critical(self, self.tr("Cannot save project"),
                                 self.tr("Saving to {0} failed: {1}\nYour work is still open.").format(
                                     path, os_error_text(e)))
            return False
        self._add_recent(path)
        self.statusBar().showMessage(self.tr("Saved {0}").format(Path(path).name), 5000)
        return True

    # --- recovery after a crash -----------------------------------------------------------------
    @Slot()
    def offer_recovery(self) -> bool:
        """Offer the unsaved work of an app that crashed or was killed. True if work was restored."""
        restored = False
        for recovery in self.autosaver.orphans():
            when = QDateTime.fromSecsSinceEpoch(int(recovery.saved_at)).toString("yyyy-MM-dd HH:mm")
            if recovery.original:
                text = self.tr("The app did not close normally last time. Unsaved changes to {0} were "
                               "autosaved at {1}. Restore them?").format(Path(recovery.original).name, when)
            else:
                text = self.tr("The app did not close normally last time. A network that was never saved "
                               "was autosaved at {0}. Restore it?").format(when)
            box = QMessageBox(QMessageBox.Question, self.tr("Recover unsaved work"), text, QMessageBox.NoButton, self)
            restore = box.addButton(self.tr("Restore"), QMessageBox.AcceptRole)
            box.addButton(self.tr("Discard"), QMessageBox.DestructiveRole)
            box.exec()
            if box.clickedButton() is not restore:
                self.autosaver.release(recovery)
                continue
            if restored or not self.maybe_save():  # one at a time: the others are offered next start
                self.autosaver.keep(recovery)
                continue
            try:
                project = recovery.load()
            except ProjectError as e:
                QMessageBox.warning(self, self.tr("Recover unsaved work"), str(e))
            else:
                self.document.restore(project, recovery.original)
                restored = True
                self.statusBar().showMessage(self.tr("Restored the autosaved work; save it to keep it."), 10000)
            self.autosaver.release(recovery)
        return restored

    # --- recent files -------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = QSettings().value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: str) -> None:
        path = _canonical(path)
        self._set_recent([path] + [f for f in self.recent_files() if f != path])
        QSettings().setValue("last_dir", str(Path(path).parent))

    def _set_recent(self, files: list[str]) -> None:
        QSettings().setValue("recent_files", files[:MAX_RECENT])

    def _last_dir(self) -> str:
        return str(QSettings().value("last_dir", str(Path.home())))

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for path in files:
            action = self.recent_menu.addAction(path)
            action.setData(path)
            action.triggered.connect(self._on_open_recent)
        if files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear list")).triggered.connect(self._clear_recent)

    @Slot()
    def _on_open_recent(self) -> None:
        self.open_path(self.sender().data())

    @Slot()
    def _clear_recent(self) -> None:
        self._set_recent([])

    # --- language, about, title ---------------------------------------------------------------
    @Slot()
    def _on_language_action(self) -> None:
        code = self.sender().data()
        QSettings().setValue("language", code)
        if code != language():
            self.set_language(code)

    def set_language(self, code: str) -> bool:
        """Switch the interface language now, without a restart.

        The translators are swapped, so Qt sends every widget a LanguageChange event (the editor
        retranslates itself on it); the pages that build their texts once (lessons, training,
        addition) are built again around the same document, so the network, its settings and
        trained weights stay; what they showed of a finished run goes, so the learner is asked
        first. Not while something trains: that would be lost."""
        if code == language():
            return True
        if self.training_page.is_running() or self.addition_page.is_running():
            QMessageBox.information(self, self.tr("Language"),
                                    self.tr("Stop the training first, then switch the language."))
            return False
        losses = []                     # what the rebuilt pages lose: the learner decides first
        if getattr(self.addition_page, "trained_model", None) is not None:
            losses.append(self.tr("The addition panel is rebuilt in the new language: the model you trained there is "
                                  "lost unless you save it first. Switch now?"))
        if self.training_page.shows_a_run:
            losses.append(self.tr("The Training page is rebuilt in the new language: the plots and samples of your "
                                  "last run are cleared (the trained weights and the settings stay). Switch now?"))
        for text in losses:
            if QMessageBox.question(self, self.tr("Language"), text, QMessageBox.Yes | QMessageBox.No,
                                    QMessageBox.No) != QMessageBox.Yes:
                return False
        from main import install_translators
        from core.i18n import set_language
        from PySide6.QtCore import QTranslator

        app = QApplication.instance()
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
            t.deleteLater()
        set_language(code)
        install_translators(app, code)
        current = self.tabs.currentIndex()
        self._rebuild_pages()
        for action in self.menuBar().actions():
            if action.menu() is not None:
                action.menu().deleteLater()
        self.menuBar().clear()
        self._build_menus()
        for name, title in self._tab_titles().items():
            self.tabs.setTabText(self.tabs.indexOf(self.pages[name]), title)
        self.tabs.setCurrentIndex(current)
        self._update_title()
        self.statusBar().showMessage(self.tr("Language: English") if code == "en" else self.tr("Language: Japanese"),
                                     5000)
        return True

    def _rebuild_pages(self) -> None:
        makers = {"lessons": LessonsPage, "training": lambda: TrainingPage(self.document), "addition": AdditionPage}
        for name, make in makers.items():
            old = self.pages[name]
            index = self.tabs.indexOf(old)
            old.shutdown()
            self.tabs.removeTab(index)
            new = make()
            self.tabs.insertTab(index, new, "")
            self.pages[name] = new
            setattr(self, f"{name}_page", new)
            old.deleteLater()
        self.lessons_page.try_it.connect(self.on_try_it)

    def restart(self) -> bool:
        """Close (asking about unsaved work first) and start the app again with the same project."""
        if not self.maybe_save():
            return False
        args = [str(Path(__file__).resolve().parents[1] / "main.py")]
        if self.document.path():
            args.append(self.document.path())
        self.document.mark_saved()  # already saved or discarded above: do not ask twice on close
        if not QProcess.startDetached(sys.executable, args):
            QMessageBox.warning(self, self.tr("Language"), self.tr("The app could not restart itself; "
                                                                    "please start it again."))
        self.close()
        return True

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.tr(
            "<b>PyTorch Learning Lab</b><br>Build networks from layers, train them live and watch "
            "their gradients, and ask a Seq2Seq model to add."))

    @Slot(str)
    def _show_refusal(self, reason: str) -> None:
        self.statusBar().showMessage(reason, 10000)

    @Slot()
    def _update_title(self, *_) -> None:
        self.setWindowTitle(self.tr("{0}[*] — PyTorch Learning Lab").format(self.document.display_name()))
        self.setWindowModified(self.document.is_modified())

    def save_screenshot(self, path: str, size: tuple[int, int]) -> int:
        self.resize(QSize(*size))
        self.show()
        for _ in range(5):
            QApplication.processEvents()
        ok = self.grab().save(path)
        self.shutdown()
        return 0 if ok else 1

    # --- closing ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop every page's background work (threads are joined before the window goes)."""
        for page in self.pages.values():
            page.shutdown()
        self.autosaver.finish()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.shutdown()
        QSettings().setValue("window/geometry", self.saveGeometry())
        event.accept()

