"""The lesson path follows the notes' order, is bilingual, and every action id can be routed."""
from core import i18n
from core.lessons import catalog
from core.lessons.catalog import LABS, LESSONS


def test_order_of_the_notes():
    assert [lesson.id for lesson in LESSONS] == ["tensors", "numpy", "autograd", "network", "linear",
                                                "activations", "vanishing", "convolution", "seq2seq", "transformer"]


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
    from core.lessons.setups import SETUPS
    from core.templates import TEMPLATES
    for action in catalog.action_ids():
        page, _, rest = action.partition(":")
        verb, _, arg = rest.partition(":")
        assert page in ("editor", "training", "addition"), action
        if page == "editor":
            assert verb == "template" and arg in TEMPLATES, action
        elif page == "training":
            assert verb == "setup" and arg in SETUPS, action
        else:
            assert rest in ("", "compare"), action
    assert "training:setup:sigmoid_vs_relu" in catalog.action_ids()


def test_every_training_setup_is_complete():
    """A setup names its network (a template, or two to compare) and every setting it relies on."""
    from core.lessons.setups import SETUPS
    from core.templates import TEMPLATES
    for s in SETUPS.values():
        assert (s.network in TEMPLATES) != bool(s.compare), s.name
        assert all(t in TEMPLATES for t in s.compare or ()), s.name
        cfg = s.config()
        budget = "steps" if cfg.kind == "text" else "epochs"          # text has no epochs
        assert {"dataset", "optimizer", "lr", budget} <= set(s.settings), s.name
        assert cfg.problems() == [] and bool(cfg.compare_a) == bool(s.compare), s.name
        assert s.look_en and s.look_ja and s.look_en != s.look_ja, s.name


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


def test_kernel_lab_computes_a_convolution_by_hand_and_with_torch():
    import numpy as np
    from core.lessons import conv_lab as C
    image = np.zeros((5, 5), np.float32)
    image[:, 2] = 1.0                                   # a vertical stroke in column 2
    r = C.apply(image, C.PRESET["vertical"].kernel, padding=0, stride=1)
    # Sobel x at (0, 0) sees columns 0..2: (-1)(0) + 0 + 1(1) per row, weights 1, 2, 1 → 4
    assert r.output.shape == (3, 3) and r.output[:, 0].tolist() == [4, 4, 4]
    assert r.output[:, 1].tolist() == [0, 0, 0] and r.output[:, 2].tolist() == [-4, -4, -4]
    assert np.array_equal(r.output, r.layer_output)      # nn.Conv2d with this weight agrees with F.conv2d
    assert "y = F.conv2d(x, kernel)   # (1, 1, 3, 3)" in r.code
    assert "conv = nn.Conv2d(1, 1, kernel_size=3, bias=False)" in r.code
    assert C.working(r, 0, 0).splitlines()[-1] == "= 4.000"
    assert "(-1)×0 + 1×1" in C.working(r, 0, 0)
    padded = C.apply(image, C.PRESET["identity"].kernel, padding=1, stride=2)
    assert padded.output.shape == (3, 3) == (C.output_size(5, 1, 2),) * 2   # (5 + 2 - 3) // 2 + 1 = 3
    assert np.array_equal(padded.output, image[::2, ::2])                   # identity, every 2nd pixel
    assert "F.conv2d(x, kernel, padding=1, stride=2)" in padded.code
    three = C.sample(3, 0)
    assert three.shape == (8, 8) and 0 <= three.min() and three.max() <= 1
    assert not np.array_equal(C.sample(3, 0), C.sample(3, 1))
