"""Every parser a learner types into answers in linear time and refuses over-long input up front.

Before: an addition prompt of 10,000 'x' took 23 s, a tensor-lab number of 30,000 digits followed
by a letter 32 s, and a 310-digit value in the autograd lab raised OverflowError. Each case here
runs in milliseconds now; a regression would hit pytest's timeout long before it passed."""
import pytest

from core import i18n
from core.addition.prompt import MAX_CHARS, PromptError, parse_prompt
from core.lessons import autograd_expr as A
from core.lessons.literals import MAX_CHARS as LITERAL_MAX, LiteralError, parse_nested, parse_number, parse_shape


def _prompt_error(text):
    with pytest.raises(PromptError) as e:
        parse_prompt(text, 3)
    return e.value


@pytest.mark.parametrize("text,code", [
    ("x" * 10_000, "letters"),
    ("1x" * 5_000, "operator"),
    ("1 x" * 3_333, "operator"),
    ("X" * 9_999 + "1", "letters"),
])
def test_many_x_answer_at_once(text, code):
    assert _prompt_error(text).code == code


def test_an_over_long_prompt_is_refused_before_it_is_read():
    error = _prompt_error("1" * (MAX_CHARS + 1))
    assert error.code == "too_long"
    assert str(error).startswith("The prompt is too long (10,001 characters; at most 10,000).")
    assert parse_prompt(" " * (MAX_CHARS - 5) + "1+2", 3) == (1, 2)  # at the limit: read as usual
    i18n.set_language("ja")
    assert "入力が長すぎます（10,001 文字、10,000 文字まで）" in str(_prompt_error("x" * 10_001))


@pytest.mark.parametrize("text", ["1" * 30_000 + "x", "-" + "7" * 30_000 + "e", "1" * 30_000 + ".5.5"])
def test_a_long_number_with_junk_is_refused_at_once(text):
    with pytest.raises(LiteralError) as e:
        parse_number(text)
    assert "is not a number" in e.value.message and len(e.value.message) < 120  # shortened, not 30,000 digits


def test_long_literals_are_refused_up_front():
    for parse in (parse_number, parse_shape, parse_nested):
        with pytest.raises(LiteralError) as e:
            parse("1" * (LITERAL_MAX + 1))
        assert e.value.message == "The text is too long (100,001 characters; at most 100,000)."
    assert len(parse_nested("[" + "1, " * 30_000 + "]")) == 30_000  # long but allowed: read in one pass


@pytest.mark.parametrize("value,shown", [
    ("1" * 310, "11111111…(310 characters)"),
    ("[1, -" + "9" * 400 + "]", "-9999999…(401 characters)"),
    ("1e400", "inf"),
    ("3.5e38", "3.5e+38"),
])
def test_autograd_values_beyond_float32_are_a_message(value, shown):
    r = A.run("a*x", [A.Variable("a", value), A.Variable("x", "2")])
    assert r.bad_variable == "a" and not r.ok
    assert r.error == f"a: {shown} is too large for float32 (at most ±3.4e38)."
    ok = A.run("a*x", [A.Variable("a", "3e38"), A.Variable("x", "1")])
    assert ok.ok and float(ok.output) == pytest.approx(3e38, rel=1e-6)
