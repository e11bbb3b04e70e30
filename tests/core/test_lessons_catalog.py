"""The lesson path follows the notes' order, is bilingual, and every action id can be routed."""
from core import i18n
from core.lessons import catalog
from core.lessons.catalog import LABS, LESSONS


def test_order_of_the_notes():
    assert [lesson.id for lesson in LESSONS] == ["tensors", "numpy", "autograd", "network", "linear",
                                                "activations", "vanishing", "seq2seq"]


def test_bilingual_texts():
    for lesson in LESSONS:
        assert lesson.lab in LABS
        assert lesson.try_its, lesson.id
        for block in lesson.blocks:
            assert block.en and block.ja
            if block.kind != "code":
                assert block.en != block.ja
                assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in block.ja)
    i18n.set_language("ja")
    assert catalog.lesson("autograd").title == "自動微分（autograd）"
    i18n.set_language("en")
    assert catalog.lesson("autograd").title == "Automatic differentiation (autograd)"


def test_action_ids_follow_the_contract():
    from core.data.datasets import DATASETS
    from core.templates import TEMPLATES
    for action in catalog.action_ids():
        page, _, rest = action.partition(":")
        verb, _, arg = rest.partition(":")
        assert page in ("editor", "training", "addition"), action
        if page == "editor":
            assert verb == "template" and arg in TEMPLATES, action
        elif page == "training":
            assert (verb, arg) == ("compare", "sigmoid_vs_relu") or (verb == "dataset" and arg in DATASETS), action
        else:
            assert rest in ("", "compare"), action
    assert "training:compare:sigmoid_vs_relu" in catalog.action_ids()


def test_seq2seq_lab_encodes_like_the_addition_solver():
    from core.lessons import seq2seq_lab as S
    r = S.encode_example("123+45")
    assert r.ok and r.answer == 168
    assert [(row.name, row.chars) for row in r.rows] == [("src", "123+45␣"), ("dec_in", "_168"), ("target", "168␣")]
    assert r.rows[0].ids.tolist() == [1, 2, 3, 10, 4, 5, 11]
    assert r.rows[1].ids[1:].tolist() == r.rows[2].ids[:-1].tolist()  # teacher forcing: shifted by one
    assert "(1, 4, 13)" in r.code
    # "reverse the question (the book's trick)": only the encoder's input is reversed, as in the book
    assert [row.chars for row in S.encode_example("123+45", reverse=True).rows] == ["␣54+321", "_168", "168␣"]
    assert S.encode_example("12x+4").error_pos == 2
    assert S.encode_example("1234+5").error_pos == 3
    assert not S.encode_example("").ok and not S.encode_example("1+2", digits=9).ok
