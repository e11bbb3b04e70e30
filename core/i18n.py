"""Language choice for text produced by core/ (which cannot use Qt's tr()).

core/ messages are written as ``L("English", "日本語")``: the pair is resolved against the
current language, set once by the app (``set_language``) from the user's choice.
"""
from __future__ import annotations

LANGUAGES = ("en", "ja")
_current = "en"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    _current = lang


def language() -> str:
    return _current


def L(en: str, ja: str) -> str:
    """Pick the English or Japanese text for the current language."""
    return ja if _current == "ja" else en
