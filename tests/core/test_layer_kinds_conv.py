"""Image layers (core/layer_kinds/conv.py): shapes on (C, H, W), the reasons when they do not fit,
parameter counts against torch, and the image templates through build and the exported code.

Shapes, counts and code lines of each kind are in tests/core/test_layers.py's CASES; this file adds
what is particular to images. Every expected number is worked out by hand in a comment.
"""
import re
import subprocess
import sys

import pytest
import torch

from core import i18n
from core.analysis import analyse
from core.build import build, to_code
from core.layer_kinds import conv
from core.layers import GROUPS, LAYERS, ShapeError, group_title
from core.spec import LayerSpec, NetworkSpec
from core.templates import TEMPLATES

from tests.core.test_build import _assert_same_network


def _p(kind, **extra):
    p = LAYERS[kind].defaults()
    p.update(extra)
    return p


def _every_conv_kind():
    """(3, 12, 12) through every image kind; 1,298 parameters."""
    return NetworkSpec((3, 12, 12), [
        LayerSpec.make("Conv2d", out_channels=8, padding=1),     # (8, 12, 12): 3*8*9 + 8 = 224
        LayerSpec.make("BatchNorm2d"),                           # 2*8 = 16
        LayerSpec.make("ReLU"),
        LayerSpec.make("MaxPool2d"),                             # (8, 6, 6)
        LayerSpec.make("Dropout2d", p=0.1),
        LayerSpec.make("Conv2d", out_channels=6, kernel_size=3, stride=2, bias=False),  # (6, 2, 2): 8*6*9 = 432
        LayerSpec.make("AvgPool2d", kernel_size=2, stride=1),    # (6, 1, 1)
        LayerSpec.make("Flatten"),                               # (6,)
        LayerSpec.make("Linear", out_features=48),               # 6*48 + 48 = 336
        LayerSpec.make("Unflatten", channels=3, height=4, width=4),   # (3, 4, 4)
        LayerSpec.make("Conv2d", out_channels=10, kernel_size=1),     # (10, 4, 4): 3*10 + 10 = 40
        LayerSpec.make("AdaptiveAvgPool2d", output_size=1),      # (10, 1, 1)
        LayerSpec.make("Flatten"),
        LayerSpec.make("Linear", out_features=10),               # 10*10 + 10 = 110
    ])


def test_every_image_kind_builds_and_its_exported_code_is_the_same_network():
    spec = _every_conv_kind()
    assert {k.name for k in conv.KINDS} <= {l.kind for l in spec.layers}
    a = analyse(spec)
    assert not a.errors
    assert [i.out_shape for i in a.layers] == [
        (8, 12, 12), (8, 12, 12), (8, 12, 12), (8, 6, 6), (8, 6, 6), (6, 2, 2), (6, 1, 1), (6,), (48,),
        (3, 4, 4), (10, 4, 4), (10, 1, 1), (10,), (10,)]
    assert a.total_params == 224 + 16 + 432 + 336 + 40 + 110 == 1158
    built, y = _assert_same_network(spec)
    assert sum(p.numel() for p in built.parameters()) == 1158
    assert y.shape == (5, 10)


def test_image_groups_are_in_the_palette_order_with_titles():
    assert GROUPS.index("convolution") == GROUPS.index("linear") + 1
    assert GROUPS.index("pooling") == GROUPS.index("convolution") + 1
    assert [k.name for k in conv.KINDS if k.group == "pooling"] == ["MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d"]
    assert group_title("convolution") == "Convolution"
    i18n.set_language("ja")
    assert group_title("pooling") == "プーリング"


def test_a_kernel_that_does_not_fit_says_why():
    with pytest.raises(ShapeError) as e:
        LAYERS["Conv2d"].shape_rule((1, 4, 8), _p("Conv2d", kernel_size=5))
    assert str(e.value) == ("Conv2d: the 5×5 kernel does not fit: the input is 4 pixels high; use a smaller "
                            "kernel, add padding, or remove a pooling layer before it")
    # with padding the padded size is named; 4 + 2*1 = 6 < 7
    with pytest.raises(ShapeError, match=r"is 4 pixels wide \(6 with padding 1\)"):
        LAYERS["Conv2d"].shape_rule((1, 9, 4), _p("Conv2d", kernel_size=7, padding=1))
    # exactly fitting is fine: 5 -> 1
    assert LAYERS["Conv2d"].shape_rule((1, 5, 5), _p("Conv2d", kernel_size=5)) == (16, 1, 1)
    with pytest.raises(ShapeError, match=r"MaxPool2d: the 2×2 kernel does not fit: the input is 1 pixels high"):
        LAYERS["MaxPool2d"].shape_rule((16, 1, 1), _p("MaxPool2d"))
    i18n.set_language("ja")
    with pytest.raises(ShapeError, match=r"Conv2d: 5×5 のカーネルが入りません。入力の高さは 4 ピクセル"):
        LAYERS["Conv2d"].shape_rule((1, 4, 8), _p("Conv2d", kernel_size=5))


def test_too_many_pools_are_caught_by_the_analysis_on_the_right_layer():
    # 8 -> 4 -> 2 -> 1, and a fourth pool has nothing left to pool
    layers = [LayerSpec.make("MaxPool2d") for _ in range(4)]
    a = analyse(NetworkSpec((1, 8, 8), layers + [LayerSpec.make("Flatten")]))
    assert [p.layer_id for p in a.errors] == [layers[3].id]
    assert a.layers[2].out_shape == (1, 1, 1) and a.layers[3].out_shape is None


@pytest.mark.parametrize("kind", ["Conv2d", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "BatchNorm2d", "Dropout2d"])
def test_image_layers_refuse_a_vector_and_suggest_unflatten(kind):
    with pytest.raises(ShapeError) as e:
        LAYERS[kind].shape_rule((64,), _p(kind))
    assert str(e.value) == (f"{kind} expects images (B, C, H, W) but receives (B, 64); "
                            "put an Unflatten before it to turn the vector into (C, H, W)")
    with pytest.raises(ShapeError, match=r"receives \(B, 8, 8\); set the input shape to \(channels, height, width\)"):
        LAYERS[kind].shape_rule((8, 8), _p(kind))


def test_unflatten_needs_exactly_c_h_w_values():
    assert LAYERS["Unflatten"].shape_rule((64,), _p("Unflatten")) == (1, 8, 8)  # defaults: 1×8×8
    with pytest.raises(ShapeError) as e:
        LAYERS["Unflatten"].shape_rule((60,), _p("Unflatten"))
    assert str(e.value) == "Unflatten to (B, 1, 8, 8) needs a vector of 1×8×8 = 64 values but receives (B, 60)"
    with pytest.raises(ShapeError):
        LAYERS["Unflatten"].shape_rule((1, 8, 8), _p("Unflatten"))   # already an image


def test_pool_padding_over_half_the_kernel_is_refused_as_torch_would():
    with pytest.raises(ShapeError, match=r"padding \(2\) can be at most half the kernel size \(3\)"):
        LAYERS["MaxPool2d"].shape_rule((1, 8, 8), _p("MaxPool2d", kernel_size=3, padding=2))
    with pytest.raises(RuntimeError):   # torch agrees: it refuses the same layer
        torch.nn.MaxPool2d(3, padding=2)(torch.zeros(1, 1, 8, 8))


def test_pool_stride_zero_means_the_kernel_size():
    pool = LAYERS["MaxPool2d"].builder((1, 9, 9), _p("MaxPool2d", kernel_size=3))
    assert pool.stride == 3 and pool.kernel_size == 3
    # 9 // 3 = 3 windows per side, no overlap
    assert LAYERS["MaxPool2d"].shape_rule((1, 9, 9), _p("MaxPool2d", kernel_size=3)) == (1, 3, 3)


def test_image_templates_have_the_documented_layers_and_counts():
    lenet = TEMPLATES["lenet_digits"].make()
    assert lenet.input_shape == (1, 8, 8)
    assert [l.kind for l in lenet.layers] == ["Conv2d", "ReLU", "MaxPool2d", "Conv2d", "ReLU", "MaxPool2d",
                                              "Flatten", "Linear", "ReLU", "Linear"]
    a = analyse(lenet)
    assert [i.out_shape for i in a.layers][:7] == [(16, 8, 8), (16, 8, 8), (16, 4, 4), (32, 4, 4), (32, 4, 4),
                                                   (32, 2, 2), (128,)]
    # 1*16*9+16 = 160; 16*32*9+32 = 4640; 128*64+64 = 8256; 64*10+10 = 650
    assert a.total_params == sum(p.numel() for p in build(lenet).parameters()) == 13706
    mlp = TEMPLATES["mlp_digits"].make()
    assert mlp.input_shape == (1, 8, 8) and [l.kind for l in mlp.layers] == ["Flatten", "Linear", "ReLU", "Linear"]
    assert analyse(mlp).total_params == 64 * 64 + 64 + 64 * 10 + 10 == 4810
    cnn = TEMPLATES["cnn_28"].make()
    a = analyse(cnn)
    assert cnn.input_shape == (1, 28, 28) and a.layers[6].out_shape == (32 * 7 * 7,)
    assert a.total_params == 160 + 4640 + 1568 * 64 + 64 + 650 == 105866
    for t in (lenet, mlp, cnn):
        assert analyse(t).output_shape == (10,) and not analyse(t).problems


def test_exported_cnn_file_runs_on_its_own(tmp_path):
    path = tmp_path / "lenet.py"
    path.write_text(to_code(TEMPLATES["lenet_digits"].make()), encoding="utf-8")
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "output shape: (8, 10)" in run.stdout and "parameters: 13706" in run.stdout
    assert re.search(r"nn\.Conv2d\(1, 16, kernel_size=3, padding=1\), +# \(B, 1, 8, 8\) -> \(B, 16, 8, 8\)",
                     path.read_text())
