"""The lesson path: the learner's study notes, in their order, as short bilingual lessons.

Each :class:`Lesson` has a title, a few paragraphs written for this app (English and Japanese),
code blocks, the lab that goes with it (``"tensor"``, ``"numpy"``, ``"autograd"``, ``"forward"``,
``"linear"``, ``"activation"``, ``"depth"``, ``"conv"``, ``"seq2seq"``, ``"transformer"``
or ``""``) and "try it" actions. An action id is routed
by the main window: ``editor:template:<name>``, ``training:setup:<name>`` (a complete set-up from
``core.lessons.setups``: network, data, settings and what to watch), ``addition``, ``addition:compare``.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.i18n import L

LABS = ("tensor", "numpy", "autograd", "forward", "linear", "activation", "depth", "conv", "seq2seq",
        "transformer", "")


@dataclass(frozen=True)
class Block:
    """A paragraph (``kind="p"``), a code block (``"code"``, same in both languages) or a note."""
    kind: str
    en: str
    ja: str = ""

    @property
    def text(self) -> str:
        return L(self.en, self.ja or self.en)


@dataclass(frozen=True)
class TryIt:
    action: str
    label_en: str
    label_ja: str

    @property
    def label(self) -> str:
        return L(self.label_en, self.label_ja)


@dataclass(frozen=True)
class Lesson:
    id: str
    title_en: str
    title_ja: str
    source_en: str          # where in the notes this comes from
    source_ja: str
    blocks: tuple[Block, ...]
    lab: str
    try_its: tuple[TryIt, ...] = ()

    @property
    def title(self) -> str:
        return L(self.title_en, self.title_ja)

    @property
    def source(self) -> str:
        return L(self.source_en, self.source_ja)


def P(en: str, ja: str) -> Block:
    return Block("p", en, ja)


def CODE(text: str, ja: str = "") -> Block:
    """Code is the same in both languages except, where given, its comments."""
    return Block("code", text, ja or text)


def NOTE(en: str, ja: str) -> Block:
    return Block("note", en, ja)


_BOOK_A = ("“Learning PyTorch Programming by Running It”", "『動かしながら学ぶPyTorchプログラミング入門』")
_BOOK_B = ("“Introduction to Deep Learning Implementation with PyTorch”", "『ディープラーニング実装入門』")


def _src(book, en: str, ja: str) -> tuple[str, str]:
    return f"{book[0]}, {en}", f"{book[1]} {ja}"


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
        "tensors", "Tensors", "テンソル", *_src(_BOOK_A, "1. Tensors", "1. テンソル"),
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
        "numpy", "Tensors and NumPy", "TensorとNumPy", *_src(_BOOK_A, "2–3. Import; Tensor ↔ ndarray",
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
        *_src(_BOOK_A, "4. autograd", "4. 自動微分 autograd"),
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
    Lesson(
        "network", "Neural networks and forward propagation", "ニューラルネットワークと順伝播",
        *_src(_BOOK_B, "1–2. Neural networks; forward propagation", "1–2. ニューラルネットワーク／順伝播"),
        (
            P("A neural network is a supervised learning model built by chaining differentiable pieces, "
              "which makes flexible designs possible. Its nodes are arranged in layers; when every node "
              "is connected to every node of the next layer, the layer is called fully connected "
              "(nn.Linear).",
              "ニューラルネットワークは、微分可能な部品をつなげて作る教師あり学習のモデルで、柔軟なネットワーク構造を設計できます。"
              "ノードは層に並び、次の層のすべてのノードとつながっている層を全結合層（nn.Linear）といいます。"),
            P("The input layer has one node per input variable (plus, usually, one for the bias). The "
              "output layer has one node per class to tell apart. Hidden layers in between turn the inputs "
              "into values that make the classes easier to separate.",
              "入力層には入力変数の数だけノードを用意します（バイアス項の分も用意するのが一般的）。出力層には分類する"
              "カテゴリの数だけノードを用意します。間の中間層は、入力を分類しやすい値に変換します。"),
            P("Forward propagation computes the prediction from the input, passing the values forward "
              "layer by layer. In the editor, each layer shows the shape flowing into and out of it, its "
              "weights, bias and parameter count.",
              "順伝播とは、入力から予測値を計算し、層から層へ順方向に値を伝えていくことです。エディタでは、各層に入出力の形状、"
              "重み、バイアス、パラメータ数が表示されます。"),
            CODE("model = nn.Sequential(\n"
                 "    nn.Linear(2, 16), nn.ReLU(),\n"
                 "    nn.Linear(16, 16), nn.ReLU(),\n"
                 "    nn.Linear(16, 2),\n"
                 ")  # 2 inputs → 16 → 16 → 2 classes\n"
                 "logits = model(x)  # (B, 2) → (B, 2)",
                 "model = nn.Sequential(\n"
                 "    nn.Linear(2, 16), nn.ReLU(),\n"
                 "    nn.Linear(16, 16), nn.ReLU(),\n"
                 "    nn.Linear(16, 2),\n"
                 ")  # 入力2 → 16 → 16 → 2クラス\n"
                 "logits = model(x)  # 順伝播 (B, 2) → (B, 2)"),
            P("The lab draws a tiny network, 2 inputs → 3 hidden nodes → 2 classes, and pushes one input "
              "through it. Change x1 and x2 and watch every node's value change; hover a hidden node to "
              "see its sum.",
              "ラボでは、入力2 → 隠れノード3 → 2クラスの小さなネットワークを描き、1つの入力を流します。x1 と x2 を変えると"
              "各ノードの値が変わります。隠れノードにマウスを乗せると、その計算式が見られます。"),
        ),
        "forward",
        (TryIt("editor:template:classifier_2d", "Build it: a small classifier in the editor",
               "組み立てる：エディタで小さな分類器を開く"),
         TryIt("training:setup:xor", "Train it on XOR points", "XORの点で学習させる")),
    ),
    Lesson(
        "linear", "Linear and nonlinear transforms", "線形変換と非線形変換",
        *_src(_BOOK_B, "3. Linear and nonlinear transforms", "3. 線形変換と非線形変換"),
        (
            P("A layer first applies a linear transform u = Wx + b (weights W, bias b): a weighted sum "
              "of the inputs. On its own this can only express linear relations.",
              "層はまず線形変換 u = Wx + b（重みW、バイアスb）を行います。入力の重み付きの和です。"
              "これだけでは線形な関係しか表現できません。"),
            P("Stacking linear layers does not help: W₂(W₁x + b₁) + b₂ is again one linear map. To fit a "
              "nonlinear relation, a nonlinear transform h = a(u) follows the linear one. The function a is "
              "the activation function, and it gives the whole stack its nonlinearity.",
              "線形層をいくつ重ねても、W₂(W₁x + b₁) + b₂ は1つの線形変換のままです。非線形な関係を表すには、線形変換の後に"
              "非線形変換 h = a(u) を施します。この a が活性化関数で、層を重ねたネットワーク全体に非線形性をもたせます。"),
            CODE("u = linear(x)      # u = W x + b\n"
                 "h = torch.relu(u)  # h = a(u)"),
            P("In the lab, a random three-layer net maps x to h(x). With no activation the curve is "
              "always a straight line; choose ReLU, tanh or sigmoid and it bends.",
              "ラボでは、ランダムな3層のネットワークが x を h(x) に写します。活性化関数なしでは曲線はいつも直線です。"
              "ReLU・tanh・sigmoid を選ぶと曲がります。"),
        ),
        "linear",
        (TryIt("training:setup:circles", "Separate circles: impossible without an activation",
               "同心円を分ける：活性化関数なしでは不可能"),),
    ),
    Lesson(
        "activations", "Activation functions", "代表的な活性化関数",
        *_src(_BOOK_B, "4. Activation functions", "4. 代表的な活性化関数"),
        (
            P("The logistic sigmoid σ(u) = 1 / (1 + e^(−u)) returns a number between 0 and 1. Its "
              "derivative can be written with the function itself: σ'(x) = σ(x)(1 − σ(x)).",
              "ロジスティックシグモイド関数 σ(u) = 1 / (1 + e^(−u)) は0〜1の数を返します。導関数は元の関数で書けます："
              "σ'(x) = σ(x)(1 − σ(x))。"),
            P("How large can σ'(x) be? Put a = σ(x), 0 < a < 1, and f(a) = a(1 − a) = a − a². Then "
              "f'(a) = 1 − 2a = 0 gives a = 1/2, and f''(a) = −2 < 0 makes it a maximum: "
              "f(1/2) = 1/4 = 0.25. So the sigmoid's slope is at most 0.25, reached at x = 0.",
              "σ'(x) はどこまで大きくなるでしょうか。a = σ(x)（0 < a < 1）とおくと f(a) = a(1 − a) = a − a²。"
              "f'(a) = 1 − 2a = 0 から a = 1/2、f''(a) = −2 < 0 なので極大で、f(1/2) = 1/4 = 0.25。"
              "シグモイドの傾きは最大でも0.25（x = 0 のとき）です。"),
            P("ReLU(u) = max(0, u) returns 0 for negative inputs and the input itself for positive ones, "
              "so its slope is a constant 1 wherever u > 0. The lab also plots tanh, LeakyReLU and GELU. "
              "Tick 'derivatives' to see every slope, and find σ'(0) = 0.25.",
              "ReLU(u) = max(0, u) は、入力が負なら0、正なら入力をそのまま返すので、u > 0 では傾きが一定の1です。"
              "ラボでは tanh・LeakyReLU・GELU も描けます。「導関数」にチェックを入れて傾きを比べ、σ'(0) = 0.25 を確かめましょう。"),
        ),
        "activation",
        (TryIt("editor:template:deep_sigmoid", "Open a deep sigmoid net", "深いシグモイドのネットワークを開く"),
         TryIt("editor:template:deep_relu", "Open a deep ReLU net", "深いReLUのネットワークを開く")),
    ),
    Lesson(
        "vanishing", "Vanishing gradients", "勾配消失",
        *_src(_BOOK_B, "4. Sigmoid and ReLU", "4. シグモイド関数とReLU関数"),
        (
            P("Backpropagation sends the error (the gradient of the loss) backwards through the layers "
              "with the chain rule, and every sigmoid layer multiplies it by σ'(u) ≤ 0.25 — usually much "
              "less. Through L layers that is at most 0.25^L: with 10 layers below one millionth.",
              "誤差逆伝播では、誤差（損失関数の勾配）をチェインルールで各層に逆向きに伝えます。シグモイドの層を通るたびに "
              "σ'(u) ≤ 0.25（ほとんどはもっと小さい）が掛けられるので、L層では最大でも 0.25^L、10層なら100万分の1以下です。"),
            P("The gradient that reaches the first layers is then almost 0, their weights hardly change, "
              "and they learn no useful features. This is the vanishing gradient problem. ReLU's slope is "
              "1 for every positive input, so the gradient passes through.",
              "すると浅い層まで届く勾配はほぼ0になり、初期層の重みがほとんど更新されず、意味のある特徴を学習できません。"
              "これが勾配消失です。ReLUは正の入力では傾きが常に1なので、勾配がそのまま伝わります。"),
            P("The lab builds a fresh deep sigmoid net and a deep ReLU net of the depth you choose, runs one "
              "backward pass and measures the mean |gradient| of the first layer's weights, beside 0.25^L. "
              "The lower plot shows every layer's gradient for the chosen depth.",
              "ラボでは、選んだ深さの深いシグモイドのネットワークと深いReLUのネットワークを新しく作り、1回逆伝播して、"
              "最初の層の重みの勾配の絶対値の平均を 0.25^L と並べて示します。下のグラフは選んだ深さでの各層の勾配です。"),
            NOTE("ReLU keeps the gradient only when the weights are initialised for it (He/Kaiming init, the "
                 "lab's default). With PyTorch's default nn.Linear init the ReLU net's gradient also "
                 "shrinks, though far more slowly: switch the init and compare.",
                 "ReLUで勾配が保たれるのは、ReLU向けに重みを初期化したとき（He／Kaiming初期化、ラボのデフォルト）です。"
                 "PyTorchの nn.Linear のデフォルト初期化では、ReLUのネットワークでも（ずっとゆっくりですが）勾配が小さくなります。"
                 "初期化を切り替えて比べてみましょう。"),
        ),
        "depth",
        (TryIt("training:setup:sigmoid_vs_relu", "Train deep sigmoid vs deep ReLU side by side",
               "深いシグモイドと深いReLUを並べて学習させる"),
         TryIt("editor:template:deep_sigmoid", "Open the deep sigmoid net", "深いシグモイドのネットワークを開く")),
    ),
    Lesson(
        "convolution", "Convolution: networks that see images", "畳み込み：画像を見るネットワーク",
        *_src(_BOOK_B, "beyond the notes: the image-processing part", "ノートの先：画像処理の部"),
        (
            P("A fully connected layer treats an image as a long list of numbers: it does not know which "
              "pixels are neighbours, and a stroke moved by one pixel looks like a different input. A "
              "convolution layer (nn.Conv2d) instead slides a small grid of weights, the kernel, over the "
              "image. At every position it multiplies the kernel with the pixels under it and adds the "
              "products up: one output pixel. The same few weights are used everywhere, so a pattern is "
              "found wherever it is.",
              "全結合層は画像を長い数値の列として扱います。どの画素が隣り合っているかを知らず、線が1画素ずれただけで"
              "別の入力に見えます。畳み込み層（nn.Conv2d）は、カーネルと呼ぶ小さな重みの格子を画像の上で滑らせます。"
              "各位置でカーネルとその下の画素を掛けて足し合わせたものが、出力の1画素になります。同じ少数の重みを"
              "どこでも使うので、模様が画像のどこにあっても見つけられます。"),
            CODE("x = torch.from_numpy(digit).view(1, 1, 8, 8)   # (B, C, H, W)\n"
                 "conv = nn.Conv2d(1, 16, kernel_size=3, padding=1)   # 16 kernels of 3×3\n"
                 "y = conv(x)   # (1, 16, 8, 8): 16 feature maps\n"
                 "pool = nn.MaxPool2d(2)\n"
                 "pool(y).shape   # (1, 16, 4, 4): half the height and width",
                 "x = torch.from_numpy(digit).view(1, 1, 8, 8)   # (B, C, H, W)\n"
                 "conv = nn.Conv2d(1, 16, kernel_size=3, padding=1)   # 3×3 のカーネルが16個\n"
                 "y = conv(x)   # (1, 16, 8, 8)：特徴マップが16枚\n"
                 "pool = nn.MaxPool2d(2)\n"
                 "pool(y).shape   # (1, 16, 4, 4)：高さと幅が半分"),
            P("The output size is (H + 2·padding − kernel) // stride + 1. Without padding a 3×3 kernel "
              "turns 8×8 into 6×6; padding=1 adds a border of zeros and keeps 8×8; stride=2 jumps two "
              "pixels at a time and roughly halves it. Pooling (nn.MaxPool2d) keeps the largest value of "
              "each 2×2 window, halving the maps again.",
              "出力の大きさは (H + 2·padding − kernel) // stride + 1 です。パディングなしでは 3×3 のカーネルで 8×8 が 6×6 に"
              "なり、padding=1 で周りに0を足すと 8×8 のままです。stride=2 では2画素ずつ飛ぶので約半分になります。"
              "プーリング（nn.MaxPool2d）は 2×2 の窓ごとに最大値だけを残し、マップをさらに半分にします。"),
            P("In the lab, pick a kernel or type your own numbers and apply it to a real handwritten digit. "
              "The vertical-edge kernel lights up where the stroke's left and right sides are; the "
              "horizontal one finds its tops and bottoms. Click an output pixel to see the nine products "
              "it adds up, and read the F.conv2d and nn.Conv2d lines that compute the same picture.",
              "ラボでカーネルを選ぶか自分で数値を入力し、本物の手書き数字に適用してみましょう。縦のエッジのカーネルは"
              "線の左右の縁で、横のエッジのカーネルは上下の縁で強く反応します。出力の画素をクリックすると足し合わせた"
              "9つの積が表示され、同じ画像を計算する F.conv2d と nn.Conv2d の行が読めます。"),
            NOTE("A Conv2d layer learns its kernels by backpropagation, like a Linear layer learns its "
                 "weights: nobody writes them by hand. PyTorch does not flip the kernel (mathematicians "
                 "call this cross-correlation), so what you type is exactly what slides over the image.",
                 "Conv2d 層のカーネルは、Linear 層の重みと同じく誤差逆伝播で学習され、人が書くことはありません。"
                 "PyTorch はカーネルを反転しない（数学では相互相関と呼びます）ので、入力した数値がそのまま画像の上を滑ります。"),
        ),
        "conv",
        (TryIt("editor:template:lenet_digits", "Open a LeNet-style CNN for the digits",
               "手書き数字用の LeNet 風 CNN を開く"),
         TryIt("training:setup:cnn_vs_mlp", "Train an MLP and a CNN on the digits side by side",
               "手書き数字で MLP と CNN を並べて学習させる")),
    ),
    Lesson(
        "seq2seq", "Seq2Seq: learning addition", "Seq2Seq：足し算を学習する",
        *_src(_BOOK_B, "ch. 8.8 Text generation", "8章8節 文章生成"),
        (
            P("Chapter 8.8 of the book generates text. It prepares a simple dataset of additions such as "
              "“123+45” → “168”, trains a Seq2Seq model on it and checks its accuracy.",
              "書籍の8章8節では文章生成を扱います。「123+45」→「168」のような簡単な足し算のデータセットを用意し、"
              "Seq2Seqモデルで学習して精度を確認します。"),
            P("A Seq2Seq model has two parts: an encoder reads the question one character at a time and "
              "sums it up in a hidden state; a decoder starts from that state and writes the answer one "
              "character at a time, each output fed back as the next input.",
              "Seq2Seqモデルは2つの部分からなります。エンコーダが問題を1文字ずつ読んで隠れ状態にまとめ、デコーダがその状態から"
              "答えを1文字ずつ書きます。出力した文字は次の入力になります。"),
            P("The lab shows what the model really receives: the question and the answer as rows of token "
              "ids — tensors again. Type a question, switch on the book's trick of reversing it, and see "
              "how the decoder's input and its target are the same answer shifted by one step.",
              "ラボでは、モデルが実際に受け取るものを見られます。問題と答えはトークンIDの列、つまりテンソルです。問題を入力し、"
              "書籍で使われている「問題を反転する」工夫を切り替え、デコーダの入力と目標が1ステップずれた同じ答えであることを"
              "確かめましょう。"),
            P("In the addition panel you generate the dataset, train the model live, measure exact-match "
              "accuracy and type your own questions.",
              "足し算パネルでは、データセットを作り、モデルを学習させながら様子を見て、完全一致の正解率を測り、自分で問題を入力できます。"),
        ),
        "seq2seq",
        (TryIt("addition", "Open the addition solver", "足し算ソルバーを開く"),
         TryIt("addition:compare", "Compare models on the addition task", "足し算の課題でモデルを比べる")),
    ),
    Lesson(
        "transformer", "From Seq2Seq to the Transformer", "Seq2SeqからTransformerへ",
        "Beyond the notes: the way to an LLM", "ノートの先へ：LLMへの道",
        (
            P("The Seq2Seq encoder squeezes the whole question into one hidden state, and the decoder has to "
              "write the answer from that one vector. Attention removes the bottleneck: at every step a "
              "position may look back at all the positions before it and take what it needs.",
              "Seq2Seqのエンコーダは問題全体を1つの隠れ状態に詰め込み、デコーダはその1本のベクトルから答えを書かなければ"
              "なりません。アテンションはこのボトルネックをなくします。各ステップで、ある位置はそれより前のすべての位置を"
              "振り返り、必要なものを取り出せます。"),
            P("Attention is a weighted average. Each position i has a query q_i; every position j has a key k_j and "
              "a value v_j (three Linear layers of the same input). The weights w_ij = softmax_j(q_i·k_j / √d) "
              "are positive and sum to 1, and the output is out_i = Σ_j w_ij v_j. The lab shows the weights for "
              "your text; click a row to see its output written out as that average.",
              "アテンションは重み付き平均です。各位置 i はクエリ q_i をもち、各位置 j はキー k_j と値 v_j をもちます（同じ入力に"
              "かけた3つのLinear層）。重み w_ij = softmax_j(q_i·k_j / √d) は正で合計が1になり、出力は out_i = Σ_j w_ij v_j です。"
              "ラボでは入力したテキストの重みが表示されます。行をクリックすると、その出力がこの平均として書き出されます。"),
            CODE("scores = q @ k.transpose(-2, -1) / math.sqrt(d)     # (T, T)\n"
                 "future = torch.ones(T, T, dtype=torch.bool).triu(1)\n"
                 "w = torch.softmax(scores.masked_fill(future, float('-inf')), dim=-1)\n"
                 "out = w @ v                                         # (T, d): weighted averages",
                 "scores = q @ k.transpose(-2, -1) / math.sqrt(d)     # (T, T)\n"
                 "future = torch.ones(T, T, dtype=torch.bool).triu(1)\n"
                 "w = torch.softmax(scores.masked_fill(future, float('-inf')), dim=-1)\n"
                 "out = w @ v                                         # (T, d): 重み付き平均"),
            P("A language model predicts each next character, so position i must not see the characters after "
              "it: that would be copying the answer. The causal mask sets those scores to −∞ before the softmax, "
              "which makes their weights exactly 0 — the upper right triangle of the table. Switch the mask off "
              "to see every position look everywhere.",
              "言語モデルは次の文字を予測するので、位置 i はそれより後の文字を見てはいけません（答えを写すことになります）。"
              "因果マスクはそれらのスコアをsoftmaxの前に −∞ にし、重みをちょうど0にします。表の右上の三角形です。マスクを"
              "外すと、すべての位置がすべての場所を見るようになります。"),
            P("Attention alone does not know the order of the positions (a weighted average of a set), so GPT adds "
              "a learned position vector to each character's embedding; several heads look in different places "
              "at once.",
              "アテンションだけでは位置の順序がわかりません（集合の重み付き平均です）。そこでGPTは各文字の埋め込みに、学習する"
              "位置ベクトルを足します。複数のヘッドが同時に別々の場所を見ます。"),
            P("Transformers are deep, and deep stacks lose their gradient (the vanishing gradient lesson). A "
              "residual connection computes x + f(x): its derivative is 1 + f'(x), so the gradient always has a "
              "path that is not multiplied down layer after layer. The lab runs one backward pass through a deep "
              "sigmoid net and the same net with every layer inside a residual block: at depth 20 the first "
              "layer's gradient is many orders of magnitude larger with the skip paths.",
              "Transformerは深く、深く積み重ねると勾配が消えます（勾配消失のレッスン）。残差接続は x + f(x) を計算します。"
              "その微分は 1 + f'(x) なので、勾配には層ごとに小さく掛け算されない経路が必ずあります。ラボでは深いシグモイドの"
              "ネットワークと、各層を残差ブロックに入れた同じネットワークで1回逆伝播します。深さ20では、スキップ経路が"
              "あると最初の層の勾配が何桁も大きくなります。"),
            P("A GPT block is exactly these parts: Residual(LayerNorm, attention), then Residual(LayerNorm, MLP). "
              "Open the tiny GPT in the editor — two such blocks — train it on Python's own documentation and "
              "watch its samples learn to spell, then compare it with the character RNN (a GRU).",
              "GPTのブロックはまさにこの部品でできています：Residual(LayerNorm, アテンション)、続いて Residual(LayerNorm, MLP)。"
              "エディタで小さなGPT（このブロックが2つ）を開き、Python自身のドキュメントで学習させて、サンプルが綴りを覚えていく"
              "様子を見ましょう。文字単位のRNN（GRU）とも比べてみましょう。"),
        ),
        "transformer",
        (TryIt("training:setup:plain_vs_residual", "Train a deep plain net and the same with residual blocks",
               "深い素のネットワークと残差ブロック版を並べて学習させる"),
         TryIt("editor:template:tiny_gpt", "Open the tiny GPT", "小さなGPTを開く"),
         TryIt("editor:template:char_rnn", "Open the character RNN (GRU)", "文字単位のRNN（GRU）を開く")),
    ),
)

_BY_ID = {lesson.id: lesson for lesson in LESSONS}


def lesson(lesson_id: str) -> Lesson:
    return _BY_ID[lesson_id]


def action_ids() -> list[str]:
    """Every "try it" action id, in lesson order (for the router's tests)."""
    return [t.action for lesson in LESSONS for t in lesson.try_its]
