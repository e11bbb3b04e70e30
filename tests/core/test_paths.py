"""core.paths: the one way to the shipped files, the same from a checkout and from a wheel."""
import re
from pathlib import Path

from core.paths import resource_names, resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_files_are_found():
    model = resource_path("models", "addition_3digit.pt")
    assert model.is_file() and model.stat().st_size > 100_000
    names = resource_names("translations", suffix="_ja.qm")
    assert {"main_ja.qm", "editor_ja.qm", "training_ja.qm"} <= set(names)
    assert all(resource_path("translations", n).is_file() for n in names)
    assert resource_names("no such folder") == []


def test_no_code_builds_a_path_into_resources_itself():
    """Reading resources/ relative to a source file breaks in an installed wheel: only core/paths.py
    may know where the package data is."""
    offenders = []
    for path in [ROOT / "main.py", *(ROOT / "core").rglob("*.py"), *(ROOT / "gui").rglob("*.py")]:
        if path.name == "paths.py" and path.parent.name == "core":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"""["']resources["']|/\s*["']resources/""", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
