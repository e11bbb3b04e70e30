"""The lesson path, part 1: tensors, NumPy and autograd (the first book's sections 1-4)."""
from __future__ import annotations

from core.lessons.lesson import BOOK_A, CODE, NOTE, P, Lesson, TryIt, source

# the notes' tensor operations; only the last line's comment differs between the languages
_TENSOR_OPS = ("x = torch.tensor([[1, 2, 3], [4, 5, 6]],\n"
               "                 dtype=torch.float64)\n"
               "x.size()        # torch.Size([2, 3])\n"
               "torch.arange(0, 10)\n"
               "torch.linspace(0, 10, 5)\n"
               "torch.rand(2, 3)\n"
               "torch.zeros(2, 3)\n"
               "torch.ones(2, 3)\n"
               "x.view(3, 2)    # 2×3 → 3×2\n"
               "x.to('cuda')    ")


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "tensors", "Tensors", "テンソル", *source(BOOK_A, "1. Tensors", "1. テンソル"),
        (
            P("A tensor is a block of numbers with any number of dimensions. Its rank is how many: "
              "rank 0 is a scalar (one number), rank 1 a vector (a 1-D array), rank 2 a matrix "
              "(a 2-D array), rank 3 a stack of matrices, and so on.",
              "テンソルは任意の次元をもつ数値のかたまりです。次元の数を階（ランク）といい、0階はスカラー（1つの数）、"
              "1階はベクトル（1次元配列）、2階は行列（2次元配列）、3階は行列を並べたもの…と続きます。"),
            P("Besides its values, every tensor carries its shape (size), its data type (dtype) and the "
              "device it lives on. Pick an operation in the lab, change its arguments and press Run: you "
              "see the result, its rank, shape, dtype and device, and the one line of PyTorch that made it.",
              "テンソルは値のほかに、形状（size）、データ型（dtype）、置かれているデバイスの情報をもっています。"
              "ラボで操作を選び、引数を変えて「実行」を押すと、結果とその階・形状・データ型・デバイス、"
              "そしてそれを作ったPyTorchの1行が表示されます。"),
            CODE(_TENSOR_OPS + "# to the GPU", _TENSOR_OPS + "# GPUへ転送"),
            P("Arithmetic between tensors works element by element: a * b multiplies matching elements, "
              "unlike the matrix product of mathematics, which PyTorch writes a @ b. Try both on the same "
              "two tensors.",
              "テンソル同士の演算は要素ごとに行われます。a * b は対応する要素同士の積で、数学の行列の積とは違います"
              "（PyTorchでは行列積を a @ b と書きます）。同じ2つのテンソルで両方を試してみましょう。"),
            NOTE("The notes write torch.arrange; the function is torch.arange (one r). And torch.tensor takes "
                 "one nested list: torch.tensor([[1, 2, 3], [4, 5, 6]]).",
                 "ノートでは torch.arrange と書かれていますが、正しくは torch.arange（rは1つ）です。また "
                 "torch.tensor には入れ子のリストを1つ渡します：torch.tensor([[1, 2, 3], [4, 5, 6]])。"),
            P("Try view(4, 2) on the 2×3 tensor: it has 6 elements and 4×2 needs 8, so PyTorch refuses. "
              "The lab shows its message and what it means.",
              "2×3のテンソルに view(4, 2) を試してみましょう。要素は6個で、4×2には8個必要なのでPyTorchはエラーにします。"
              "ラボではそのメッセージと意味が表示されます。"),
        ),
        "tensor",
        (TryIt("editor:template:classifier_2d", "See tensor shapes flow through a network",
               "ネットワークの中を流れるテンソルの形状を見る"),),
    ),
    Lesson(
        "numpy", "Tensors and NumPy", "TensorとNumPy", *source(BOOK_A, "2–3. Import; Tensor ↔ ndarray",
                                                          "2–3. import／Tensorとndarrayの変換"),
        (
            P("PyTorch is a package: installed is not enough, a program must import it first "
              "(import torch; import numpy as np).",
              "PyTorchはパッケージなので、インストールしただけでは使えず、プログラムの最初でインポートします"
              "（import torch、import numpy as np）。"),
            P("Preprocessing tools such as pandas and scikit-learn work with NumPy arrays (ndarray), not "
              "tensors. So data is prepared as an ndarray and converted to a Tensor for deep learning, and "
              "results often go back the other way.",
              "pandasやscikit-learnなど前処理でよく使うライブラリは、TensorではなくNumPyの配列（ndarray）を扱います。"
              "そこで前処理ではndarrayを使い、ディープラーニングの実行時にTensorへ変換します。結果を逆向きに戻すこともよくあります。"),
            CODE("# ndarray → Tensor\n"
                 "tensor = torch.from_numpy(array)\n"
                 "# Tensor → ndarray\n"
                 "tensor2array = tensor.numpy()",
                 "# ndarray → Tensor に変換\n"
                 "tensor = torch.from_numpy(array)\n"
                 "# Tensor → ndarray に変換\n"
                 "tensor2array = tensor.numpy()"),
            P("Both conversions share memory instead of copying: change the array and the tensor changes "
              "too. The lab shows this step by step. Switch the conversion to torch.tensor(array), which "
              "copies, and see the difference.",
              "どちらの変換もコピーせずメモリを共有します。配列を変えるとテンソルも変わります。ラボで1ステップずつ確かめましょう。"
              "変換方法をコピーする torch.tensor(array) に切り替えると違いがわかります。"),
        ),
        "numpy",
        (TryIt("training:setup:numpy_moons", "Train on a NumPy-made dataset", "NumPyで作ったデータセットで学習する"),),
    ),
    Lesson(
        "autograd", "Automatic differentiation (autograd)", "自動微分（autograd）",
        *source(BOOK_A, "4. autograd", "4. 自動微分 autograd"),
        (
            P("Training looks for the parameters (weights) that make the loss smallest, and for that it "
              "needs derivatives. PyTorch's autograd records the computation on tensors whose "
              "requires_grad is True and computes every derivative with backward().",
              "学習では損失関数を最小にするパラメータ（重み）を探すので、微分が必要です。PyTorchの autograd は "
              "requires_grad が True のテンソルの計算を記録し、backward() ですべての微分を計算します。"),
            CODE("a = torch.tensor(3.0, requires_grad=True)\n"
                 "b = torch.tensor(4.0, requires_grad=True)\n"
                 "x = torch.tensor(5.0, requires_grad=True)\n"
                 "y = a * x + b\n"
                 "y.backward()\n"
                 "a.grad, b.grad, x.grad   # 5, 1, 3"),
            P("By hand: dy/da = x = 5 (b is a constant), dy/db = 1, dy/dx = a = 3. The lab opens on this "
              "example and draws the computation graph: inputs, each operation with its grad_fn "
              "(MulBackward0, AddBackward0) and the output, with the values going forward and the "
              "gradients after backward().",
              "手計算では dy/da = x = 5（bは定数）、dy/db = 1、dy/dx = a = 3 です。ラボはこの例で始まり、計算グラフを描きます："
              "入力、grad_fn（MulBackward0、AddBackward0）つきの各演算、出力。順方向の値と、backward() 後の勾配が表示されます。"),
            P("Write your own expression with + − × ÷, powers (^) and functions such as sigmoid, relu, "
              "tanh, exp, log and sin, and switch requires_grad per variable.",
              "+ − × ÷、べき乗（^）、sigmoid・relu・tanh・exp・log・sin などの関数で自分の式を書き、変数ごとに "
              "requires_grad を切り替えてみましょう。"),
            NOTE("torch.tensor() makes tensors with requires_grad=False by default (the book says True; it "
                 "is False). Switch it off for every variable and press backward(): PyTorch's error "
                 "appears, explained.",
                 "torch.tensor() で作ったテンソルはデフォルトで requires_grad=False です（書籍には True とありますが "
                 "False です）。すべての変数でオフにして backward() を押すと、PyTorchのエラーとその説明が表示されます。"),
        ),
        "autograd",
        (TryIt("editor:template:classifier_2d", "Open a network whose weights autograd will train",
               "autogradが重みを学習するネットワークを開く"),
         TryIt("training:setup:spiral", "Watch gradients drive training", "勾配で学習が進む様子を見る")),
    ),
)
