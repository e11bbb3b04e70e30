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
