"""Entry point: PyTorch Learning Lab.

    python main.py                              open the window
    python main.py --lang ja                    Japanese (the choice is remembered, except by --screenshot)
    python main.py --screenshot out.png [--tab editor|training|addition|lessons] [--size 1024x700]
                                                render the window offscreen (default 1280x800) and exit
    python main.py path/to/project.json         open a project
"""
from __future__ import annotations

import argparse
import os
import sys
import time

ORGANIZATION = "PyTorchLearningLab"
APPLICATION = "PyTorch Learning Lab"
TABS = ("editor", "training", "addition", "lessons")
SCREENSHOT_SIZE = (1280, 800)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="torch-learning-lab", description="Learn PyTorch by building, "
                                     "training and watching neural networks.")
    parser.add_argument("project", nargs="?", help="a project file to open")
    parser.add_argument("--lang", choices=("en", "ja"), help="interface language (remembered, except with --screenshot)")
    parser.add_argument("--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit")
    parser.add_argument("--tab", choices=TABS, help="the page to show first")
    parser.add_argument("--size", metavar="WxH", type=_size, default=SCREENSHOT_SIZE,
                        help="window size for --screenshot (default 1280x800)")
    parser.add_argument("--startup-trace", metavar="FILE", help=argparse.SUPPRESS)  # bench/cold_start.py
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    """'1024x700' -> (1024, 700); anything else is refused with the reason."""
    w, sep, h = text.lower().partition("x")
    if not sep or not w.isdigit() or not h.isdigit() or not (200 <= int(w) <= 8192 and 200 <= int(h) <= 8192):
        raise argparse.ArgumentTypeError(f"{text!r}: expected WIDTHxHEIGHT, e.g. 1024x700 (200 to 8192 each)")
    return int(w), int(h)


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


def _trace(path: str | None, event: str) -> None:
    """--startup-trace: append "<event> <time.monotonic()>" (bench/cold_start.py reads it)."""
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{event} {time.monotonic():.6f}\n")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    # Only Qt first: the splash is on screen before torch (seconds to import) is loaded.
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from core import i18n

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings()
    lang = args.lang or str(settings.value("language", "en"))
    if lang not in ("en", "ja"):
        lang = "en"
    if args.lang and not args.screenshot:      # a screenshot in another language changes nothing
        settings.setValue("language", lang)
    i18n.set_language(lang)
    install_translators(app, lang)

    splash = None
    if not args.screenshot:
        from gui.common.splash import Splash

        splash = Splash()
        splash.step(QCoreApplication.translate("main", "Loading PyTorch…"), 5)
        _trace(args.startup_trace, "first_pixels")

    from core.training.devices import apply_threads

    apply_threads()  # torch's threads must not starve the GUI thread on a small machine
    if splash:
        splash.step(QCoreApplication.translate("main", "Loading the plots…"), 55)
    import pyqtgraph  # noqa: F401 - imported here, under the splash, not later by the first page

    if splash:
        splash.step(QCoreApplication.translate("main", "Building the window…"), 75)
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
        return window.save_screenshot(args.screenshot, args.size)
    window.show()
    if splash:
        splash.finish(window)
    if args.startup_trace:  # the bench: the window painted once, then quit
        window.repaint()
        app.processEvents()
        _trace(args.startup_trace, "window")
        window.shutdown()
        return 0
    QTimer.singleShot(0, window.offer_recovery)  # after a crash: the autosaved work, once the window is up
    code = app.exec()
    reporter.uninstall()
    return code


if __name__ == "__main__":
    sys.exit(main())
