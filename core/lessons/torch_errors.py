"""PyTorch's error messages in plain words: what a learner's request got wrong and how to fix it.

The labs (``tensor_lab``, ``autograd_expr``) show PyTorch's own message and, below it, this
explanation, in the interface's language. Adding a known message is one more ``if`` here.
"""
from __future__ import annotations

import re

import numpy as np

from core.i18n import L


def explain_torch_error(message: str) -> str:
    """A plain, bilingual explanation of a PyTorch error message (empty if we do not know it)."""
    m = re.search(r"shape '\[([-\d, ]*)\]' is invalid for input of size (\d+)", message)
    if m:
        dims = [int(d) for d in m.group(1).split(",") if d.strip()]
        wanted = int(np.prod([d for d in dims if d != -1])) if dims else 1
        n = int(m.group(2))
        shape = " × ".join(str(d) for d in dims)
        if -1 in dims:
            return L(f"With -1, PyTorch works out one size, but {n} elements cannot be split into "
                     f"groups of {wanted}. The new shape must use exactly the same number of elements.",
                     f"-1 を使うとその次元をPyTorchが計算しますが、{n}個の要素は{wanted}個ずつに分けられません。"
                     f"新しい形状の要素数は元と同じでなければなりません。")
        return L(f"view/reshape only rearranges the elements, it cannot add or remove any: the tensor has "
                 f"{n} elements, but the shape {shape} needs {wanted}. Choose sizes whose product is {n}.",
                 f"view/reshape は要素を並べ替えるだけで、増やしたり減らしたりはできません。テンソルの要素は{n}個ですが、"
                 f"形状 {shape} には{wanted}個必要です。掛け算して{n}になるサイズを選んでください。")
    if "view size is not compatible with input tensor's size and stride" in message:
        return L("view() needs the elements to lie in memory in the new order (a 'contiguous' tensor). "
                 "Use reshape(), which copies when it must, or call .contiguous() first.",
                 "view() は要素がメモリ上で新しい順番に並んでいる（contiguousな）テンソルにしか使えません。"
                 "必要ならコピーする reshape() を使うか、先に .contiguous() を呼んでください。")
    m = re.search(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)", message)
    if m:
        r1, c1, r2, c2 = m.groups()
        return L(f"The matrix product A @ B needs the columns of A to equal the rows of B. Here A is "
                 f"{r1}×{c1} and B is {r2}×{c2}: {c1} ≠ {r2}. Element-wise * only needs equal shapes; "
                 f"@ needs matching inner sizes (try B with shape {c1}×something).",
                 f"行列積 A @ B では、Aの列数とBの行数が等しくなければなりません。Aは{r1}×{c1}、Bは{r2}×{c2}なので"
                 f"{c1} ≠ {r2} です。要素ごとの * は同じ形状なら計算できますが、@ は内側のサイズが一致する必要があります"
                 f"（Bを{c1}×◯の形にしてみてください）。")
    if "size mismatch" in message or ("inconsistent tensor size" in message) or \
            re.search(r"dimension specified as 0 but tensor has no dimensions", message) or \
            "both arguments to matmul need to be at least 1D" in message:
        return L("The matrix product @ needs tensors of rank 1 or more whose inner sizes match "
                 "(for vectors: the same length).",
                 "行列積 @ には1階以上で、内側のサイズが一致するテンソルが必要です（ベクトルなら同じ長さ）。")
    m = re.search(r"The size of tensor a \((\d+)\) must match the size of tensor b \((\d+)\) "
                  r"at non-singleton dimension (\d+)", message)
    if m:
        a, b, d = m.groups()
        return L(f"Element-wise operations pair up elements one by one, so the shapes must match "
                 f"(or one side must have size 1 there, which PyTorch 'broadcasts'). In dimension {d}, "
                 f"a has {a} and b has {b}.",
                 f"要素ごとの演算は要素を1つずつ組にして計算するので、形状が一致している必要があります"
                 f"（片方のサイズが1ならPyTorchが「ブロードキャスト」して合わせます）。次元{d}で a は{a}、b は{b}です。")
    if "inconsistent with step sign" in message:
        return L("arange counts from start towards end in steps of step: with a positive step, end must be larger "
                 "than start; with a negative step, smaller.",
                 "arange は start から end へ step ずつ数えます。step が正なら end は start より大きく、"
                 "負なら小さくなければなりません。")
    if "Torch not compiled with CUDA enabled" in message or "Found no NVIDIA driver" in message \
            or "no CUDA GPUs are available" in message:
        return L("This computer's PyTorch cannot use an NVIDIA GPU (no CUDA build, driver or GPU), "
                 "so .to('cuda') fails. Everything in this app also runs on 'cpu'.",
                 "このパソコンのPyTorchはNVIDIA GPUを使えません（CUDA版・ドライバ・GPUのいずれかがない）。"
                 "そのため .to('cuda') は失敗します。このアプリの内容はすべて 'cpu' でも動きます。")
    if "MPS" in message and ("not available" in message or "not built" in message):
        return L("The Apple-silicon GPU (MPS) is not available on this computer; use 'cpu'.",
                 "このパソコンではAppleシリコンのGPU（MPS）を使えません。'cpu' を使ってください。")
    if "expected sequence of length" in message:
        return L("Every row of a tensor must have the same length: a tensor is a rectangular block of "
                 "numbers, not a list of lists of any length.",
                 "テンソルの各行は同じ長さでなければなりません。テンソルは数値の長方形のブロックで、"
                 "長さがバラバラのリストの集まりではありません。")
    if "element 0 of tensors does not require grad and does not have a grad_fn" in message:
        return L("backward() found nothing to differentiate: no input has requires_grad=True, so "
                 "PyTorch did not record the computation. torch.tensor() makes tensors with "
                 "requires_grad=False by default; switch it on for the variables you want gradients for.",
                 "backward() で微分する対象がありません。requires_grad=True の入力が1つもないため、PyTorchは計算を"
                 "記録していません。torch.tensor() で作ったテンソルはデフォルトで requires_grad=False です。"
                 "勾配がほしい変数で requires_grad をオンにしてください。")
    if "grad can be implicitly created only for scalar outputs" in message:
        return L("backward() without arguments needs a single number (a scalar) as the output, like a loss. "
                 "This output has several elements: wrap it in sum(...) or mean(...).",
                 "引数なしの backward() は、損失のように出力が1つの数（スカラー）である必要があります。"
                 "この出力は複数の要素を持つので、sum(...) か mean(...) で囲んでください。")
    if "result type Float can't be cast to the desired output type" in message or \
            "Integer division of tensors using div or / is no longer supported" in message:
        return L("The result would be a float, but the output tensor is an integer type.",
                 "結果は小数になりますが、出力先のテンソルは整数型です。")
    if "Only Tensors of floating point and complex dtype can require gradients" in message:
        return L("Gradients exist only for floating-point tensors: write 3.0 instead of 3, or choose a float dtype.",
                 "勾配は浮動小数点数のテンソルにしかありません。3 ではなく 3.0 と書くか、float型を選んでください。")
    if "not implemented for 'Bool'" in message or "not implemented for 'Half'" in message or \
            "not supported for bool" in message.lower():
        return L("This operation is not available for this data type; choose a float dtype such as float32.",
                 "この演算はこのデータ型では使えません。float32 などの浮動小数点型を選んでください。")
    if "Could not infer dtype" in message or "new(): invalid data type" in message:
        return L("torch.tensor() needs numbers (or True/False).", "torch.tensor() には数値（または True/False）が必要です。")
    return ""
