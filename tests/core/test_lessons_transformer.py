"""The Transformer lesson's lab: attention weights by hand, the causal mask, residual gradients."""
import math

import numpy as np
import pytest

from core import i18n
from core.lessons import transformer_lab as T


def test_attention_rows_are_weighted_averages_that_never_look_ahead():
    ex = T.attention_example("the cat")
    assert ex.ok and ex.tokens == tuple("the cat")
    w = ex.weights
    assert w.shape == (7, 7)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, rtol=1e-6)
    assert np.all(np.triu(w, 1) == 0) and np.all(w >= 0)
    assert w[0, 0] == pytest.approx(1.0)                 # the first character can only see itself
    np.testing.assert_allclose(ex.output, w @ ex.values, rtol=1e-5, atol=1e-6)
    # row 1 by hand: 2 terms that sum to the output
    assert ex.average_text(1) == f"out[1] = {w[1, 0]:.2f}·v[t] + {w[1, 1]:.2f}·v[h]"
    # the same character gets the same vector: 't' at 0 and 6 offer the same value
    np.testing.assert_allclose(ex.values[0], ex.values[6])


def test_without_the_mask_every_position_looks_everywhere():
    ex = T.attention_example("the cat", causal=False)
    assert np.all(ex.weights > 0)
    np.testing.assert_allclose(ex.weights.sum(axis=1), 1.0, rtol=1e-6)
    # the masked weights are the unmasked ones renormalised over the past (softmax restricted)
    masked = T.attention_example("the cat").weights
    row = ex.weights[3, :4] / ex.weights[3, :4].sum()
    np.testing.assert_allclose(masked[3, :4], row, rtol=1e-5)


def test_bad_text_gets_a_message():
    assert T.attention_example("").error == "Type a few characters."
    assert "At most 16 characters" in T.attention_example("x" * 17).error
    i18n.set_language("ja")
    assert T.attention_example("").error == "文字をいくつか入力してください。"


def test_residual_paths_keep_the_first_layers_gradient_at_depth_20_with_sigmoid():
    r = T.residual_comparison(20)
    assert len(r.plain) == len(r.residual) == 21           # 20 hidden Linear layers + the output one
    assert r.ratio >= 100                                   # the bar; measured ~5e16
    assert r.plain[0] < 1e-10 < r.residual[0]
    # the plain net's gradient shrinks towards the input: sigmoid' <= 0.25 at every layer
    assert r.plain[0] < r.plain[10] < r.plain[-1]
    with pytest.raises(ValueError, match="depth must be between 2 and 30"):
        T.deep_net(31, True)
