"""gui/common/heatmap.py: the attention map and the layer/head choice shared by the text and addition pages."""
import numpy as np

from gui.common.heatmap import LayerHeadPicker, TokenHeatmap
from gui.common.plotting import plot_widget

# two layers of 3 heads over 2 tokens: weights a reader can check by eye
LAYERS = [np.array([[[1, 0], [0.5, 0.5]], [[1, 0], [0.25, 0.75]], [[1, 0], [0, 1]]]),
          np.array([[[1, 0], [0.9, 0.1]], [[1, 0], [0.3, 0.7]], [[1, 0], [0.6, 0.4]]])]


def test_picker_starts_at_the_first_head_keeps_the_choice_and_offers_the_mean(qtbot):
    picker = LayerHeadPicker("Layer:")
    qtbot.addWidget(picker)
    assert picker.choose(LAYERS) is None                         # nothing offered yet
    picker.set_counts(2, 3)
    assert picker.layer.count() == 2 and picker.head.count() == 4   # 3 heads + their mean
    np.testing.assert_array_equal(picker.choose(LAYERS), LAYERS[0][0])
    with qtbot.waitSignal(picker.changed):
        picker.layer.setCurrentIndex(1)
    picker.head.setCurrentIndex(3)
    assert picker.is_mean()
    np.testing.assert_allclose(picker.choose(LAYERS), [[1, 0], [0.6, 0.4]])   # (0.9+0.3+0.6)/3, (0.1+0.7+0.4)/3
    picker.set_counts(2, 3)                                      # the same model again: the choice stays
    assert (picker.layer.currentIndex(), picker.head.currentIndex()) == (1, 3)
    picker.set_counts(1, 2)                                      # a smaller model: last layer, first head
    assert (picker.layer.currentIndex(), picker.head.currentIndex()) == (0, 0)


def test_picker_that_starts_last_opens_on_the_last_layer_and_the_mean(qtbot):
    picker = LayerHeadPicker("Attention of layer:", start_last=True)
    qtbot.addWidget(picker)
    picker.set_counts(2, 3)
    assert (picker.layer.currentIndex(), picker.head.currentIndex()) == (1, 3) and picker.is_mean()


def test_heatmap_draws_the_weights_with_thinned_labels_or_says_there_are_none(qtbot):
    heat = TokenHeatmap(plot_widget(grid=False), max_ticks=4, empty_text="no attention here")
    qtbot.addWidget(heat)
    w = np.tril(np.ones((10, 10))) / np.arange(1, 11)[:, None]   # causal uniform attention
    labels = list("abcdefghij")
    heat.show(w, labels, labels)
    np.testing.assert_allclose(heat.matrix, w)
    assert heat.stack.currentWidget() is heat.plot
    ticks = heat.plot.getAxis("bottom")._tickLevels[0]
    assert [t[1] for t in ticks] == ["a", "d", "g", "j"]         # every 3rd of 10 for at most about 4
    heat.show(None)
    assert heat.matrix is None and heat.stack.currentWidget() is heat.empty
    heat.clear()
    assert heat.stack.currentWidget() is heat.plot and heat.image.image is None
