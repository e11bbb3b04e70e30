"""Does a network fit the data, and the one-click fix when it does not.

The data decides the input size (features) and the output size (classes, or regression
targets); the learner's network must match both. The fix changes the input shape and the
last Linear layer's out_features, and nothing else.

Text (a ``TextCorpus``) decides the vocabulary: the first layer (an Embedding) reads that many
character ids and the last Linear scores that many; the fix is ``core.tasks.text.fit_to_corpus``.
A network that cannot model text at all (an MLP) gets the reason and no fix.
"""
from __future__ import annotations

import numpy as np

from core.analysis import analyse
from core.data.datasets import CLASSIFICATION, Dataset
from core.errors import first_line
from core.i18n import L
from core.layers import LAYERS
from core.spec import NetworkSpec


def _last_linear(spec: NetworkSpec) -> int | None:
    for i in range(len(spec.layers) - 1, -1, -1):
        if spec.layers[i].kind == "Linear":
            return i
    return None


def _is_text(data) -> bool:
    from core.data.text import TextCorpus
    return isinstance(data, TextCorpus)


def text_problems(spec: NetworkSpec, corpus) -> list[str]:
    """Why this network cannot be a character-level language model of ``corpus`` ([] when it is one)."""
    from core.tasks.text import TextTaskError, fit_to_corpus
    try:
        fitted = fit_to_corpus(spec, corpus.vocab_size)
    except TextTaskError as e:
        return [L("The data is text, and this network cannot learn it: ", "データはテキストですが、このネットワークでは"
                  "学習できません: ") + str(e) + L(" Start from the Tiny GPT or Character RNN template (Network "
                                                   "editor ▸ Start from template: the data chosen here stays).",
                                                   " 「小さな GPT」か「文字単位の RNN」のテンプレートから始めてください"
                                                   "（ネットワークエディタ ▸ テンプレートから始める。ここで選んだデータは"
                                                   "そのままです）。")]
    out = []
    V = corpus.vocab_size
    reads = spec.layers[0].params.get("num_embeddings")
    if reads != V:
        out.append(L(f"The {spec.layers[0].kind} reads {reads} character ids but the text has {V} distinct "
                     "characters.",
                     f"{spec.layers[0].kind} が読む文字 ID は {reads} 種類ですが、テキストの文字は {V} 種類です。"))
    scores = spec.layers[-1].params.get("out_features")
    if scores != V:
        out.append(L(f"The last Linear scores {scores} characters but the text has {V}.",
                     f"最後の Linear が点数をつける文字は {scores} 種類ですが、テキストの文字は {V} 種類です。"))
    T = int(fitted.input_shape[0])
    if min(len(corpus.train), len(corpus.val)) < T + 1:
        out.append(L(f"The text is too short for a context of {T} characters: make the input shorter or use a "
                     "longer text.",
                     f"文脈 {T} 文字に対してテキストが短すぎます。入力を短くするか、長いテキストを使ってください。"))
    return out


def size_problems(spec: NetworkSpec, data) -> list[str]:
    """Why this network's input/output sizes do not match the data ([] when they do)."""
    if _is_text(data):
        return text_problems(spec, data)
    out = []
    first = LAYERS.get(spec.layers[0].kind) if spec.layers else None
    if first is not None and first.vocab is not None:
        # a language model (it starts with an Embedding) given a table or pictures
        return [L(f"The network starts with {spec.layers[0].kind}: it reads character ids, so it learns from text. "
                  "Choose Python documentation or a text file as the data.",
                  f"ネットワークは {spec.layers[0].kind} で始まり、文字の ID を読むのでテキストから学習します。"
                  "データに Python のドキュメントかテキストファイルを選んでください。")]
    want = tuple(data.input_shape)     # (features,) for a table, (C, H, W) for pictures
    if tuple(spec.input_shape) != want:
        if len(want) == 1:
            out.append(L(f"The network takes input {tuple(spec.input_shape)} but the data has "
                         f"{want[0]} feature(s).",
                         f"ネットワークの入力は {tuple(spec.input_shape)} ですが、データの特徴量は "
                         f"{want[0]} 個です。"))
        else:
            out.append(L(f"The network takes input {tuple(spec.input_shape)} but the pictures are "
                         f"{want} (channels, height, width).",
                         f"ネットワークの入力は {tuple(spec.input_shape)} ですが、画像は "
                         f"{want}（チャンネル, 高さ, 幅）です。"))
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


def fit_to_data(spec: NetworkSpec, data) -> NetworkSpec | None:
    """A copy whose input and output sizes match the data, or None if no Linear layer can be fixed.

    Pictures given to a network that starts with Linear get a Flatten in front; for text the
    Embedding and the last Linear take the vocabulary's size."""
    if _is_text(data):
        from core.tasks.text import TextTaskError, fit_to_corpus
        try:
            fixed = fit_to_corpus(spec, data.vocab_size)
        except TextTaskError:
            return None
        return fixed if not text_problems(fixed, data) else None
    fixed = spec.copy()
    fixed.input_shape = tuple(data.input_shape)
    if len(fixed.input_shape) > 1 and fixed.layers and fixed.layers[0].kind == "Linear":
        # pictures into an MLP: flatten them first, (C, H, W) → (C·H·W,), as one would by hand
        from core.spec import LayerSpec
        fixed.layers.insert(0, LayerSpec.make("Flatten"))
    i = _last_linear(fixed)
    if i is None:
        return None
    fixed.layers[i].params["out_features"] = data.output_size
    return fixed if not size_problems(fixed, data) else None


def softmax_warning(spec: NetworkSpec, data: Dataset) -> str:
    """Cross-entropy already applies softmax: a final Softmax layer would apply it twice."""
    if _is_text(data):
        return ""                      # a text network ends with Linear (text_problems says so)
    if data.task == CLASSIFICATION and spec.layers and spec.layers[-1].kind == "Softmax":
        return L("The last layer is Softmax, but cross-entropy loss applies softmax itself: "
                 "remove the Softmax layer for training (the network should output raw scores, 'logits').",
                 "最後の層が Softmax ですが、交差エントロピー損失は内部で softmax を適用します。"
                 "学習では Softmax 層を外してください（出力は生のスコア「ロジット」にします）。")
    return ""


def loss_title(data: Dataset) -> str:
    if _is_text(data):
        return L("Cross-entropy of the next character (nats/char)", "次の文字の交差エントロピー（ナット/文字）")
    if data.task == CLASSIFICATION:
        return L("Cross-entropy (classification)", "交差エントロピー（分類）")
    return L("Mean squared error (regression)", "平均二乗誤差（回帰）")


def fit_problems(model, data: Dataset, input_shape: tuple | None = None) -> list[str]:
    """Why this built model cannot train on this data (wrong input/output size, …), or [].

    For text, ``input_shape`` (the spec's, (T,)) says how long a window the model reads."""
    import torch

    if _is_text(data):
        return _text_fit_problems(model, data, int(input_shape[0]) if input_shape else 8)
    x = torch.as_tensor(np.asarray(data.x_train[:2], dtype=np.float32))   # pictures may be bytes
    out, e = _forward(model, x)
    if e is not None:
        return [L(f"The network cannot take this data's {data.input_size} input value(s): {first_line(e)}",
                  f"このデータの入力 {data.input_size} 個をネットワークが受け取れません: {first_line(e)}")]
    want = data.output_size
    if out.dim() != 2 or out.shape[1] != want:
        got = tuple(out.shape[1:])
        what = L(f"{want} classes", f"{want} クラス") if data.task == CLASSIFICATION else \
            L(f"{want} target value(s)", f"目的変数 {want} 個")
        return [L(f"The network outputs shape {got} per sample but the data has {what}: "
                  f"the last layer needs {want} output(s).",
                  f"ネットワークの出力は 1 サンプルあたり {got} ですが、データは{what}です。"
                  f"最後の層の出力を {want} にしてください。")]
    return []


def _forward(model, x):
    """``(model(x), None)`` in eval mode without gradients, or ``(None, the exception)`` (a shape
    error becomes a message); the model is left in the mode it was in."""
    import torch

    was_training = model.training
    try:
        model.eval()
        with torch.no_grad():
            return model(x), None
    except Exception as e:  # noqa: BLE001 - any error the data causes is reported, not raised
        return None, e
    finally:
        model.train(was_training)


def _text_fit_problems(model, corpus, T: int) -> list[str]:
    """The built model reads a window of ``T`` characters and scores every character at every position."""
    import torch

    ids = torch.as_tensor(corpus.val[:T][None])                     # (1, T) character ids
    out, e = _forward(model, ids)
    if e is not None:
        return [L(f"The network cannot read {len(ids[0])} characters of the text: {first_line(e)}",
                  f"ネットワークがテキストの {len(ids[0])} 文字を読めません: {first_line(e)}")]
    if tuple(out.shape) != (1, ids.shape[1], corpus.vocab_size):
        return [L(f"The network outputs {tuple(out.shape[1:])} per window but must score each of the "
                  f"{corpus.vocab_size} characters at every position, ({ids.shape[1]}, {corpus.vocab_size}).",
                  f"ネットワークの出力は 1 窓あたり {tuple(out.shape[1:])} ですが、各位置で "
                  f"{corpus.vocab_size} 文字すべてに点数をつける必要があります（{ids.shape[1]}, {corpus.vocab_size}）。")]
    return []
