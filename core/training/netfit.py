"""Does a network fit the data, and the one-click fix when it does not.

The data decides the input size (features) and the output size (classes, or regression
targets); the learner's network must match both. The fix changes the input shape and the
last Linear layer's out_features, and nothing else.
"""
from __future__ import annotations

from core.analysis import analyse
from core.data.datasets import CLASSIFICATION, Dataset
from core.i18n import L
from core.spec import NetworkSpec


def _last_linear(spec: NetworkSpec) -> int | None:
    for i in range(len(spec.layers) - 1, -1, -1):
        if spec.layers[i].kind == "Linear":
            return i
    return None


def size_problems(spec: NetworkSpec, data: Dataset) -> list[str]:
    """Why this network's input/output sizes do not match the data ([] when they do)."""
    out = []
    if tuple(spec.input_shape) != (data.input_size,):
        out.append(L(f"The network takes input {tuple(spec.input_shape)} but the data has "
                     f"{data.input_size} feature(s).",
                     f"ネットワークの入力は {tuple(spec.input_shape)} ですが、データの特徴量は "
                     f"{data.input_size} 個です。"))
    analysis = analyse(spec)
    shape = analysis.output_shape
    if analysis.errors or shape is None:
        return out
    if shape[-1] != data.output_size or len(shape) != 1:
        what = L(f"{data.output_size} classes", f"{data.output_size} クラス") \
            if data.task == CLASSIFICATION else L(f"{data.output_size} target(s)", f"目的変数 {data.output_size} 個")
        out.append(L(f"The network outputs {shape} but the data has {what}.",
                     f"ネットワークの出力は {shape} ですが、データは{what}です。"))
    return out


def fit_to_data(spec: NetworkSpec, data: Dataset) -> NetworkSpec | None:
    """A copy whose input and output sizes match the data, or None if no Linear layer can be fixed."""
    fixed = spec.copy()
    fixed.input_shape = (data.input_size,)
    i = _last_linear(fixed)
    if i is None:
        return None
    fixed.layers[i].params["out_features"] = data.output_size
    return fixed if not size_problems(fixed, data) else None


def softmax_warning(spec: NetworkSpec, data: Dataset) -> str:
    """Cross-entropy already applies softmax: a final Softmax layer would apply it twice."""
    if data.task == CLASSIFICATION and spec.layers and spec.layers[-1].kind == "Softmax":
        return L("The last layer is Softmax, but cross-entropy loss applies softmax itself: "
                 "remove the Softmax layer for training (the network should output raw scores, 'logits').",
                 "最後の層が Softmax ですが、交差エントロピー損失は内部で softmax を適用します。"
                 "学習では Softmax 層を外してください（出力は生のスコア「ロジット」にします）。")
    return ""
