"""The lesson path, part 2: neural networks, forward propagation, activations and vanishing gradients
(the second book's sections 1-4)."""
from __future__ import annotations

from core.lessons.lesson import BOOK_B, CODE, NOTE, P, Lesson, TryIt, source


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "network", "Neural networks and forward propagation", "ニューラルネットワークと順伝播",
        *source(BOOK_B, "1–2. Neural networks; forward propagation", "1–2. ニューラルネットワーク／順伝播"),
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
        *source(BOOK_B, "3. Linear and nonlinear transforms", "3. 線形変換と非線形変換"),
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
        *source(BOOK_B, "4. Activation functions", "4. 代表的な活性化関数"),
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
        *source(BOOK_B, "4. Sigmoid and ReLU", "4. シグモイド関数とReLU関数"),
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
)
