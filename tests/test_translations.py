"""Every user-visible string of gui/ has a shipped Japanese translation, compiled and up to date."""
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402


@pytest.mark.parametrize("area", sorted(i18n.AREAS))
def test_every_string_of_the_area_is_translated(area, tmp_path):
    if not i18n.sources(area):
        pytest.skip(f"area {area} has no sources")
    shipped = i18n.ts_path(area)
    assert shipped.exists(), f"{shipped.name} is missing: run scripts/i18n.py update {area}"
    # Rescan the sources into a copy: a string added to the code but not to the .ts shows up here.
    fresh = tmp_path / shipped.name
    shutil.copy(shipped, fresh)
    i18n.update(area, fresh)
    missing = i18n.untranslated(fresh)
    assert not missing, f"{area}: untranslated strings: {missing[:10]}"


@pytest.mark.parametrize("area", sorted(i18n.AREAS))
def test_compiled_translation_matches_its_source(area, tmp_path):
    ts = i18n.ts_path(area)
    if not ts.exists():
        pytest.skip(f"no {ts.name}")
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} is missing: run scripts/i18n.py release"
    import subprocess
    fresh = tmp_path / qm.name
    subprocess.run([i18n.tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run scripts/i18n.py release"
