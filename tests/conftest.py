"""Test set-up: Qt runs offscreen, and no test may leave a QThread running."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from core import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _english_core():
    """Core messages default to English in tests; a test may switch and is reset after."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")
