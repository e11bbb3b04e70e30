"""Text for character-level language models: a corpus, its vocabulary and its train/validation split.

    corpus = python_docs()                       # offline English: the language reference Python ships
    corpus = read_text_file("my_notes.txt")      # the learner's own UTF-8 text (Japanese works)
    corpus.vocab                                 # the characters, sorted; id = position in this tuple
    corpus.train, corpus.val                     # int64 id arrays: the first 90 % and the last 10 %
    corpus = load_text("python_docs")            # by its entry in TEXT_SETS (what the training form lists)

A model learns to predict each next character from the ones before it. The split is by position
(not by random windows), so validation text is text the model never saw. Problems with a file
raise ``DataError`` with a message that says what to do.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core.data.datasets import DataError
from core.i18n import L

MAX_BYTES = 10 * 1024 * 1024    # ~10 million characters: more than a CPU model reads in an hour
MIN_CHARS = 500                 # fewer and there is nothing to learn, nor to validate on
MAX_VOCAB = 8000                # a Japanese novel uses ~3000 distinct characters
VAL_FRACTION = 0.1
PYTHON_DOCS = "python_docs"
TEXT_FILE = "text_file"         # the learner's own file (TrainConfig.text_path)


@dataclass(frozen=True)
class TextCorpus:
    name: str                   # PYTHON_DOCS or the file's name
    text: str
    vocab: tuple[str, ...]      # every distinct character, sorted
    train: np.ndarray           # (N_train,) int64 ids
    val: np.ndarray             # (N_val,) int64 ids
    source: str = ""            # where it came from, for the learner
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def vocab_size(self) -> int:
        return len(self.vocab)

    def ids(self) -> dict[str, int]:
        if not self._index:
            self._index.update({c: i for i, c in enumerate(self.vocab)})
        return self._index

    def encode(self, text: str) -> tuple[list[int], str]:
        """Ids of the characters of ``text`` that are in the vocabulary, and those that are not."""
        index = self.ids()
        ids = [index[c] for c in text if c in index]
        missing = "".join(sorted({c for c in text if c not in index}))
        return ids, missing

    def decode(self, ids) -> str:
        return "".join(self.vocab[int(i)] for i in ids)

    def words(self) -> set[str]:
        """The corpus's space-separated words, punctuation stripped (see ``word_share``)."""
        return {w for w in (_strip(w) for w in self.text.split()) if w}

    def summary(self) -> str:
        return L(f"{len(self.text):,} characters ({len(self.train):,} to train on, {len(self.val):,} to "
                 f"validate), {self.vocab_size} distinct",
                 f"{len(self.text):,} 文字（学習用 {len(self.train):,}、検証用 {len(self.val):,}）、"
                 f"文字の種類 {self.vocab_size}")


_PUNCTUATION = string.punctuation + "“”‘’…—–«»「」『』、。，．！？"


def _strip(word: str) -> str:
    return word.strip(_PUNCTUATION)


def word_share(text: str, words: set[str]) -> tuple[float, int]:
    """The share of ``text``'s space-separated words (punctuation stripped) that are in ``words``,
    and how many words there were: how much of a sample is real words of the corpus."""
    found = [w for w in (_strip(w) for w in text.split()) if w]
    return (sum(w in words for w in found) / len(found) if found else 0.0), len(found)


def char_label(c: str) -> str:
    """A character as the vocabulary view shows it: whitespace and control characters made visible."""
    return {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍"}.get(c, c if c.isprintable() else f"U+{ord(c):04X}")


def from_text(text: str, name: str, source: str = "", val_fraction: float = VAL_FRACTION) -> TextCorpus:
    """The corpus of ``text``: vocabulary and the split at ``1 - val_fraction`` of its length."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DataError(L("The text is empty.", "テキストが空です。"))
    if len(text) < MIN_CHARS:
        raise DataError(L(f"The text is too short ({len(text)} characters; at least {MIN_CHARS} are needed "
                          "to learn from and to validate on).",
                          f"テキストが短すぎます（{len(text)} 文字。学習と検証には {MIN_CHARS} 文字以上必要です）。"))
    vocab = tuple(sorted(set(text)))
    if len(vocab) > MAX_VOCAB:
        raise DataError(L(f"The text uses {len(vocab):,} different characters (the limit is {MAX_VOCAB:,}); "
                          "is it really text in one language?",
                          f"テキストに {len(vocab):,} 種類の文字が使われています（上限は {MAX_VOCAB:,}）。"
                          "本当に 1 つの言語の文章ですか？"))
    index = {c: i for i, c in enumerate(vocab)}
    ids = np.fromiter((index[c] for c in text), dtype=np.int64, count=len(text))
    n_val = max(int(len(ids) * val_fraction), 1)
    return TextCorpus(name, text, vocab, ids[:-n_val], ids[-n_val:], source)


def python_docs() -> TextCorpus:
    """Python's language reference as it ships with Python (``pydoc_data.topics``, ~0.5 MB of English)."""
    from pydoc_data.topics import topics
    text = "\n\n".join(topics[k].strip("\n") for k in sorted(topics)) + "\n"
    return from_text(text, PYTHON_DOCS, L("Python's documentation (offline, ships with Python)",
                                          "Python のドキュメント（Python に同梱、オフライン）"))


def read_text_file(path: str | Path) -> TextCorpus:
    """The learner's text file (UTF-8, or Shift_JIS as Japanese Windows saves it) as a corpus."""
    path = Path(path)
    if not path.is_file():
        raise DataError(L(f"File not found: {path}", f"ファイルが見つかりません: {path}"))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError(L(
                f"The file is too large ({size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB). "
                "Use a part of it: a small model learns as much from the first few megabytes.",
                f"ファイルが大きすぎます（{size / 2**20:.1f} MB、上限は {MAX_BYTES // 2**20} MB）。"
                "一部だけを使ってください。小さなモデルは最初の数 MB から同じだけ学びます。"))
        raw = path.read_bytes()
    except OSError as e:
        raise DataError(L(f"Cannot read {path.name}: {e.strerror or e}",
                          f"{path.name} を読み込めません: {e.strerror or e}")) from None
    if not raw.strip():
        raise DataError(L("The file is empty.", "ファイルが空です。"))
    text = _decode(raw)
    if text is None:
        raise DataError(L(f"{path.name} is not a text file (it holds binary data, or an encoding other than "
                          "UTF-8): save it as plain text in UTF-8.",
                          f"{path.name} はテキストファイルではありません（バイナリデータか、UTF-8 以外の文字コード"
                          "です）。UTF-8 のテキストとして保存してください。"))
    return from_text(text, path.name, str(path))


def _decode(raw: bytes) -> str | None:
    for enc in ("utf-8-sig", "cp932"):       # cp932: text saved by Japanese Windows (Shift_JIS)
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            return None
        return text
    return None


def _looks_binary(text: str) -> bool:
    """NUL bytes, or more than 1 % control characters other than tab, newline, return and form feed."""
    if "\x00" in text:
        return True
    controls = sum(1 for c in text[:100_000] if ord(c) < 32 and c not in "\t\n\r\f")
    return controls > 0.01 * min(len(text), 100_000)


@dataclass(frozen=True)
class TextSource:
    """One text data set the training form lists: offline, or a file the learner picks."""
    name: str
    title_en: str
    title_ja: str
    needs: str = ""         # "" (ready) or "file" (the learner's text file)

    @property
    def title(self) -> str:
        return L(self.title_en, self.title_ja)


TEXT_SETS: dict[str, TextSource] = {s.name: s for s in [
    TextSource(PYTHON_DOCS, "Python documentation (offline text)", "Python のドキュメント（オフラインのテキスト）"),
    TextSource(TEXT_FILE, "Text file… (UTF-8, Japanese works)", "テキストファイル…（UTF-8、日本語も可）", "file"),
]}


def load_text(name: str, path: str | Path | None = None) -> TextCorpus:
    """The corpus of ``TEXT_SETS[name]``: Python's documentation, or the learner's file at ``path``."""
    if name == PYTHON_DOCS:
        return _python_docs_cached()
    if name == TEXT_FILE:
        if not path:
            raise DataError(L("Choose a text file first (plain text in UTF-8; Japanese works).",
                              "先にテキストファイルを選んでください（UTF-8 のテキスト。日本語も使えます）。"))
        return read_text_file(path)
    raise DataError(L(f"Unknown text data set '{name}'. Choose one of: {', '.join(TEXT_SETS)}.",
                      f"テキストのデータセット「{name}」はありません。次から選んでください: {', '.join(TEXT_SETS)}"))


_DOCS: list[TextCorpus] = []


def _python_docs_cached() -> TextCorpus:
    """The documentation corpus is the same every time; building it takes ~0.3 s, so once is enough."""
    if not _DOCS:
        _DOCS.append(python_docs())
    return _DOCS[0]
