"""What a lesson is made of: paragraphs, code and notes in both languages, its lab and its "try it" actions.

The lessons themselves are entries in ``core.lessons.path`` (one module per part of the notes);
``core.lessons.catalog`` lists them in order.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.i18n import L


@dataclass(frozen=True)
class Block:
    """A paragraph (``kind="p"``), a code block (``"code"``, same in both languages) or a note."""
    kind: str
    en: str
    ja: str = ""

    @property
    def text(self) -> str:
        return L(self.en, self.ja or self.en)


@dataclass(frozen=True)
class TryIt:
    action: str
    label_en: str
    label_ja: str

    @property
    def label(self) -> str:
        return L(self.label_en, self.label_ja)


@dataclass(frozen=True)
class Lesson:
    id: str
    title_en: str
    title_ja: str
    source_en: str          # where in the notes this comes from
    source_ja: str
    blocks: tuple[Block, ...]
    lab: str
    try_its: tuple[TryIt, ...] = ()

    @property
    def title(self) -> str:
        return L(self.title_en, self.title_ja)

    @property
    def source(self) -> str:
        return L(self.source_en, self.source_ja)


def P(en: str, ja: str) -> Block:
    return Block("p", en, ja)


def CODE(text: str, ja: str = "") -> Block:
    """Code is the same in both languages except, where given, its comments."""
    return Block("code", text, ja or text)


def NOTE(en: str, ja: str) -> Block:
    return Block("note", en, ja)


BOOK_A = ("“Learning PyTorch Programming by Running It”", "『動かしながら学ぶPyTorchプログラミング入門』")
BOOK_B = ("“Introduction to Deep Learning Implementation with PyTorch”", "『ディープラーニング実装入門』")


def source(book, en: str, ja: str) -> tuple[str, str]:
    """(English, Japanese) "where in the notes": the book and the chapter."""
    return f"{book[0]}, {en}", f"{book[1]} {ja}"
