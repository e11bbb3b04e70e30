"""Qt translations, one .ts/.qm pair per area of the app.

    python scripts/i18n.py update [AREA...]   # rescan sources into resources/translations/<area>_ja.ts
    python scripts/i18n.py release            # compile every .ts into its .qm
    python scripts/i18n.py check              # list strings without a Japanese translation (exit 1 if any)

Each area has its own file so that work on one page never conflicts with another.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's resources package, even where the app is also installed
from core.paths import resource_path  # noqa: E402

TS_DIR = resource_path("translations")
LANG = "ja"
AREAS = {
    "main": ["main.py", "gui/main_window.py", "gui/common"],
    "editor": ["gui/editor"],
    "training": ["gui/training"],
    "addition": ["gui/addition"],
    "lessons": ["gui/lessons"],
    "images": ["gui/images"],
    "run": ["gui/run"],
    "text": ["gui/text"],
}


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: install the requirements first")
    return found


def sources(area: str) -> list[str]:
    out = []
    for entry in AREAS[area]:
        path = ROOT / entry
        out += sorted(str(p) for p in path.rglob("*.py")) if path.is_dir() else [str(path)] if path.exists() else []
    return out


def ts_path(area: str) -> Path:
    return TS_DIR / f"{area}_{LANG}.ts"


def update(area: str, ts: Path | None = None) -> Path:
    ts = ts or ts_path(area)
    files = sources(area)
    if files:
        subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-target-language", "ja_JP", *files,
                        "-ts", str(ts)], check=True, cwd=ROOT)
    return ts


def release() -> None:
    for ts in sorted(TS_DIR.glob(f"*_{LANG}.ts")):
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def untranslated(ts: Path) -> list[str]:
    """Source texts in ``ts`` that have no finished translation."""
    if not ts.exists():
        return []
    missing = []
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        kind = tr.get("type") if tr is not None else "unfinished"
        if kind in ("obsolete", "vanished"):
            continue
        has_text = tr is not None and ((tr.text or "").strip() or tr.findall("numerusform"))
        if kind == "unfinished" or not has_text:
            missing.append(msg.findtext("source") or "")
    return missing


def main(argv: list[str]) -> int:
    cmd, args = (argv[0], argv[1:]) if argv else ("check", [])
    if cmd == "update":
        for area in args or AREAS:
            print(update(area).relative_to(ROOT))
        return 0
    if cmd == "release":
        release()
        return 0
    if cmd == "check":
        bad = 0
        for area in AREAS:
            for text in untranslated(ts_path(area)):
                print(f"{area}: {text!r}")
                bad += 1
        return 1 if bad else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
