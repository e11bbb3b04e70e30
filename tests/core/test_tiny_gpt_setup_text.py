"""The tiny-GPT try-it's sentence about the starting loss stays true on any Python: it names no exact
vocabulary size (Python's pydoc_data differs between versions), only "about 100 characters, ln 100 ≈ 4.6"."""
import math
import re

from core import i18n
from core.data.text import python_docs
from core.lessons.setups import SETUPS


def test_the_starting_loss_sentence_holds_for_this_pythons_documentation():
    setup = SETUPS["tiny_gpt_docs"]
    V = python_docs().vocab_size
    for text in (setup.look_en, setup.look_ja):
        assert "ln 100 ≈ 4.6" in text
        assert not re.search(r"ln 1\d\d", text.replace("ln 100", "")), text     # no exact count such as ln 103
        assert "100" in text
    assert f"{math.log(100):.1f}" == "4.6"
    # "a hundred or so": this Python's text has that many characters, and a uniform guess costs ln V
    assert 70 <= V <= 140, V
    assert abs(math.log(V) - 4.6) < 0.35
    i18n.set_language("ja")
    assert setup.look == setup.look_ja
