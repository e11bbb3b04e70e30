"""Entry point: PyTorch Learning Lab.

    python main.py                              open the window
    python main.py --lang ja                    Japanese (the choice is remembered)
    python main.py --screenshot out.png [--tab editor|training|addition|lessons]
                                                render the window offscreen at 1280x800 and exit
    python main.py path/to/project.json         open a project
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ORGANIZATION = "PyTorchLearningLab"
APPLICATION = "PyTorch Learning Lab"
TABS = ("editor", "training", "addition", "lessons")
SCREENSHOT_SIZE = (1280, 800)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="torch-learning-lab", description="Learn PyTorch by building, "
                                     "training and watching neural networks.")
    parser.add_argument("project", nargs="?", help="a project file to open")
    parser.add_argument("--lang", choices=("en", "ja"), help="interface language (remembered)")
    parser.add_argument("--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit")
    parser.add_argument("--tab", choices=TABS, help="the page to show first")
    return parser.parse_args(argv)


def install_translators(app, lang: str) -> list:
    """Load every area's compiled Japanese translation (and Qt's own, for standard dialogs)."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from core.paths import resource_names, resource_path

    translators = []
    if lang == "ja":
        for name in resource_names("translations", suffix="_ja.qm"):
            t = QTranslator(app)
            if t.load(str(resource_path("translations", name))):
                app.installTranslator(t)
                translators.append(t)
        qt = QTranslator(app)
        if qt.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            translators.append(qt)
    return translators


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from core import i18n
    from core.training.devices import apply_threads

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings()
    lang = args.lang or str(settings.value("language", "en"))
    if lang not in ("en", "ja"):
        lang = "en"
    if args.lang:
        settings.setValue("language", lang)
    i18n.set_language(lang)
    install_translators(app, lang)
    apply_threads()  # torch's threads must not starve the GUI thread on a small machine

    from gui.common import errors
    from gui.common.locations import log_dir
    from gui.main_window import MainWindow

    reporter = errors.install(log_dir() / "errors.log")  # an error in any slot: a dialog, not a lost window
    window = MainWindow(restore_geometry=not args.screenshot)
    if args.tab:
        window.show_page(args.tab)
    if args.project:
        window.open_path(args.project)
    if args.screenshot:
        return window.save_screenshot(args.screenshot, SCREENSHOT_SIZE)
    window.show()
    QTimer.singleShot(0, window.offer_recovery)  # after a crash: the autosaved work, once the window is up
    code = app.exec()
    reporter.uninstall()
    return code


if __name__ == "__main__":
    sys.exit(main())
