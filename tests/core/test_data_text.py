"""core/data/text.py: corpora for character-level language models, and the files they refuse."""
import numpy as np
import pytest

from core import i18n
from core.data.datasets import DataError
from core.data.text import MAX_BYTES, MIN_CHARS, char_label, from_text, python_docs, read_text_file, word_share

JA = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\n" * 20   # 35 chars x 20 = 700


def test_offline_corpus_is_pythons_own_documentation():
    c = python_docs()
    assert len(c.text) > 300_000                     # ~0.5 MB of English, no download
    assert "The \"assert\" statement" in c.text
    assert c.vocab == tuple(sorted(set(c.text))) and " " in c.vocab and "\n" in c.vocab
    # 90 % / 10 % by position, nothing lost, nothing shared
    assert len(c.train) + len(c.val) == len(c.text)
    assert len(c.val) == int(len(c.text) * 0.1)
    assert c.decode(c.val[:50]) == c.text[len(c.train):len(c.train) + 50]
    assert c.train.dtype == np.int64 and c.train.max() < c.vocab_size


def test_encode_decode_round_trip_and_unknown_characters():
    c = from_text("abc cab\n" * 100, "t")
    assert c.vocab == ("\n", " ", "a", "b", "c")
    ids, missing = c.encode("cab!?a")
    assert ids == [4, 2, 3, 2] and missing == "!?"
    assert c.decode(ids) == "caba"
    assert c.decode(c.train[:8]) == "abc cab\n"


def test_japanese_utf8_file(tmp_path):
    path = tmp_path / "neko.txt"
    path.write_text(JA, encoding="utf-8")
    c = read_text_file(path)
    assert c.name == "neko.txt" and c.text == JA
    assert "猫" in c.vocab and c.vocab_size == len(set(JA))
    ids, missing = c.encode("猫である")
    assert c.decode(ids) == "猫である" and missing == ""


def test_windows_newlines_bom_and_shift_jis_are_read(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeff".encode() + JA.replace("\n", "\r\n").encode("utf-8"))
    assert read_text_file(path).text == JA                      # BOM dropped, \r\n -> \n
    path.write_bytes(JA.encode("cp932"))
    assert read_text_file(path).text == JA                      # as Japanese Windows saves it


@pytest.mark.parametrize("content,message", [
    (b"", "The file is empty."),
    (b"  \n\n ", "The file is empty."),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
     "x.bin is not a text file (it holds binary data, or an encoding other than UTF-8): save it as plain "
     "text in UTF-8."),
    (b"short text", f"The text is too short (10 characters; at least {MIN_CHARS} are needed"),
])
def test_bad_files_get_a_clear_message(tmp_path, content, message):
    path = tmp_path / "x.bin"
    path.write_bytes(content)
    with pytest.raises(DataError) as e:
        read_text_file(path)
    assert str(e.value).startswith(message)


def test_huge_and_missing_files(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:                      # sparse: no 10 MB written to disk
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(DataError, match=r"The file is too large \(10.0 MB; the limit is 10 MB\)"):
        read_text_file(path)
    with pytest.raises(DataError, match="File not found"):
        read_text_file(tmp_path / "nope.txt")
    i18n.set_language("ja")
    with pytest.raises(DataError, match="ファイルが大きすぎます"):
        read_text_file(path)


def test_too_many_distinct_characters():
    text = "".join(chr(0x4E00 + i) for i in range(9000))
    with pytest.raises(DataError, match="9,000 different characters"):
        from_text(text, "t")


def test_characters_as_the_vocabulary_view_shows_them():
    assert [char_label(c) for c in (" ", "\n", "\t", "a", "猫", "\x07")] == ["␣", "↵", "⇥", "a", "猫", "U+0007"]


def test_word_share_counts_words_of_the_corpus_with_punctuation_stripped():
    c = from_text("The cat sat on the mat. " * 30, "cats")
    assert c.words() == {"The", "cat", "sat", "on", "the", "mat"}
    assert word_share("The cat, (sat) on the “mat”.", c.words()) == (1.0, 6)
    assert word_share("The dog sat on zzz ...", c.words()) == (3 / 5, 5)     # "..." is no word
    assert word_share("", c.words()) == (0.0, 0)
