"""What each lesson's training "try it" sets up: network, data, every setting, and what to watch.

A learner trusts what a lesson's button sets up, so a setup names everything: the network
(a template for the editor, or two for compare mode), the data and all training settings
(the rest are ``TrainConfig``'s defaults, never whatever the form held before), the sentence
shown on arrival, and the outcome it promises (``expect``), which tests/gui check by running it.

    setup = SETUPS["circles"]
    cfg = setup.config()                 # a complete TrainConfig
    setup.look                           # "Watch ..." in the learner's language

Action ids in the lesson catalogue: ``training:setup:<name>``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.i18n import L
from core.training.config import TrainConfig, text_defaults


@dataclass(frozen=True)
class Expect:
    """The promised outcome, per run (A, or A and B in compare mode)."""
    min_val_acc: tuple[float | None, ...] = ()     # at least this validation accuracy
    max_val_acc: tuple[float | None, ...] = ()     # at most this (a net that cannot learn the data)
    # compare mode: A's first-layer gradient, relative to its last layer's, is this many times
    # smaller than B's (the vanishing gradient)
    first_layer_ratio: float | None = None


@dataclass(frozen=True)
class TrainingSetup:
    name: str
    settings: dict                          # TrainConfig fields that differ from its defaults
    network: str = ""                       # template put in the editor (single run)
    compare: tuple[str, str] | None = None  # templates A and B (compare mode); the editor is kept
    look_en: str = ""
    look_ja: str = ""
    expect: Expect = field(default_factory=Expect)
    tab: str = "overview"                   # the training board's tab shown on arrival

    @property
    def look(self) -> str:
        return L(self.look_en, self.look_ja)

    def config(self) -> TrainConfig:
        cfg = TrainConfig(**self.settings)
        if self.compare:
            cfg.compare_a, cfg.compare_b = self.compare
        return cfg


SETUPS: dict[str, TrainingSetup] = {s.name: s for s in [
    TrainingSetup(
        "numpy_moons", dict(dataset="moons", n_samples=600, noise=0.1, optimizer="adam", lr=0.01, epochs=30),
        network="classifier_2d",
        look_en="The two moons were made with NumPy and handed to PyTorch with torch.from_numpy. "
                "Watch the loss fall and the decision boundary (bottom right) bend around the moons.",
        look_ja="2つの三日月は NumPy で作り、torch.from_numpy で PyTorch に渡しています。"
                "損失が下がり、決定境界（右下）が三日月に沿って曲がっていく様子を見ましょう。",
        expect=Expect(min_val_acc=(0.95,))),
    TrainingSetup(
        "spiral", dict(dataset="spiral", n_samples=600, noise=0.05, optimizer="adam", lr=0.01, epochs=60),
        network="classifier_2d_wide",
        look_en="Three spiral arms, three outputs. Watch the gradient-flow bars: every step, backward() "
                "gives each layer a gradient and the optimiser moves its weights against it, so the "
                "loss falls and the boundary unrolls the spiral.",
        look_ja="渦巻きの腕が3本、出力も3つです。勾配の棒グラフに注目：毎ステップ backward() が各層に勾配を与え、"
                "オプティマイザが重みを勾配と逆向きに動かすので、損失が下がり、境界が渦巻きをほどいていきます。",
        expect=Expect(min_val_acc=(0.9,))),
    TrainingSetup(
        "xor", dict(dataset="xor", n_samples=600, noise=0.1, optimizer="adam", lr=0.01, epochs=30),
        network="classifier_2d",
        look_en="XOR: no single straight line separates the classes. Watch the hidden layers bend the "
                "boundary into four quadrants (bottom right), and the accuracy climb.",
        look_ja="XOR はどんな直線1本でも分けられません。中間層が境界を曲げて4つの象限に分けていく様子（右下）と、"
                "正解率が上がっていく様子を見ましょう。",
        expect=Expect(min_val_acc=(0.9,))),
    TrainingSetup(
        "circles", dict(dataset="circles", n_samples=600, noise=0.1, optimizer="adam", lr=0.01, epochs=30),
        compare=("linear_2d", "classifier_2d"),
        look_en="A: three Linear layers with no activation, B: the same with ReLU. A's boundary stays a "
                "straight line and its accuracy stays near chance (50–60 %); B separates the circles.",
        look_ja="A は活性化関数なしの Linear 3層、B は同じ層に ReLU を入れたもの。A の境界は直線のままで正解率は"
                "偶然と同程度（50〜60 %）に留まり、B は同心円を分けます。",
        expect=Expect(min_val_acc=(None, 0.9), max_val_acc=(0.7, None))),
    TrainingSetup(
        "sigmoid_vs_relu", dict(dataset="moons", n_samples=600, noise=0.1, optimizer="momentum", lr=0.05,
                                epochs=20, init="he"),
        compare=("deep_sigmoid", "deep_relu"),
        look_en="Both nets: 8 hidden layers, the same data, seed, He init and SGD with momentum. Watch the "
                "gradient-flow bars (relative to the last layer): the sigmoid net's first layers get "
                "thousands of times less gradient, so it stays near 50 % while the ReLU net learns. "
                "The 'Gradient flow over time' tab shows both on one colour scale.",
        look_ja="どちらも隠れ層8層で、同じデータ・シード・He 初期化・モーメンタム付き SGD です。勾配の棒グラフ"
                "（最後の層に対する比）に注目：シグモイドの最初の層に届く勾配は数千分の1になり、正解率は 50 % 付近に"
                "留まりますが、ReLU は学習します。「勾配の流れの推移」タブでは両方を同じ色の尺度で比べられます。",
        expect=Expect(min_val_acc=(None, 0.95), max_val_acc=(0.7, None), first_layer_ratio=100.0)),
    TrainingSetup(
        "plain_vs_residual", dict(dataset="moons", n_samples=600, noise=0.1, optimizer="adam", lr=0.01,
                                  epochs=15),
        compare=("deep_plain_sigmoid", "deep_residual_sigmoid"),
        look_en="A: 20 Linear+Sigmoid layers stacked plainly, B: the same layers, each after the first inside "
                "a residual block (x + f(x)). Same data, seed and Adam. Watch the gradient-flow bars (relative "
                "to the last layer): A's first layer gets almost nothing, B's skip paths carry the gradient "
                "all the way back.",
        look_ja="A は Linear+Sigmoid を 20 層そのまま重ねたもの、B は同じ層の 2 層目以降を残差ブロック（x + f(x)）に"
                "入れたものです。データ・シード・Adam は同じです。勾配の棒グラフ（最後の層に対する比）に注目：A の最初の層"
                "にはほとんど勾配が届きませんが、B ではスキップ経路が勾配を最初まで運びます。",
        expect=Expect(first_layer_ratio=100.0)),
    TrainingSetup(
        "cnn_vs_mlp", dict(dataset="digits", optimizer="adam", lr=0.003, batch_size=32, epochs=8),
        compare=("mlp_digits", "lenet_digits"),
        look_en="The same 8×8 handwritten digits, seed and Adam. A: an MLP that sees 64 separate numbers. "
                "B: a small CNN whose 3×3 kernels slide over the picture. Compare the accuracy curves, then "
                "open the Pictures tab (confusion matrix, mistakes) and the feature maps; draw your own digit "
                "on the Draw pad.",
        look_ja="同じ 8×8 の手書き数字・シード・Adam です。A は 64 個の数値を別々に見る MLP、B は 3×3 のカーネルを"
                "画像の上で滑らせる小さな CNN です。正解率の曲線を比べ、「画像」タブ（混同行列・間違い）と特徴マップを"
                "開き、「お絵かきパッド」に自分で数字を描いてみましょう。",
        expect=Expect(min_val_acc=(0.85, 0.95))),
    TrainingSetup(
        "tiny_gpt_docs", dict(dataset="python_docs", steps=3000, seed=0, **text_defaults()),
        network="tiny_gpt", tab="text",
        look_en="The tiny GPT (two Transformer blocks) learns to write like Python's documentation, one "
                "character at a time. Every few seconds it continues the prompt below: random letters first, "
                "then spaces and short words, then real words. Change the temperature while it trains (low: "
                "safe and repetitive, high: adventurous). The loss is in nats per character: it starts near "
                "ln 100 ≈ 4.6, a uniform guess among the text's hundred or so characters (the Text tab lists "
                "them); the attention maps show where each character looks.",
        look_ja="小さな GPT（Transformer ブロック 2 個）が、Python のドキュメントのような文章を 1 文字ずつ書けるように"
                "学習します。数秒ごとに下のプロンプトの続きを書きます。最初はでたらめな文字、次に空白と短い語、やがて"
                "本物の単語になります。学習中に温度を変えてみましょう（低い: 無難で繰り返し、高い: 冒険的）。損失の単位は"
                "ナット/文字です。始めは ln 100 ≈ 4.6 ほどで、テキストの約 100 種類の文字から一様に当てずっぽうで選ぶ"
                "値です（文字の一覧は「テキスト」タブにあります）。アテンションマップは各文字がどこを見ているかを示します。"),
]}
