"""Networks to start from. The deep sigmoid and deep ReLU pair drives the vanishing-gradient lesson,
and so does the deep plain sigmoid MLP beside the same network with residual blocks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from core.data.text import PYTHON_DOCS
from core.i18n import L
from core.spec import RESIDUAL, BlockSpec, LayerSpec, NetworkSpec


def mlp(hidden: list[int], activation: str, n_in: int = 2, n_out: int = 2) -> NetworkSpec:
    """n_in → (Linear(width) + activation) per hidden width → Linear(n_out): the one MLP builder
    (templates, the deep sigmoid / ReLU pair, the depth lab's nets)."""
    layers = []
    for width in hidden:
        layers += [LayerSpec.make("Linear", out_features=width), LayerSpec.make(activation)]
    layers.append(LayerSpec.make("Linear", out_features=n_out))
    return NetworkSpec((n_in,), layers)


def _cnn(input_shape: tuple[int, int, int], channels: list[int], hidden: int, n_out: int = 10) -> NetworkSpec:
    """Blocks of 3×3 Conv2d (padding 1 keeps the size) + ReLU + 2×2 MaxPool (halves it), then an MLP head."""
    layers = []
    for c in channels:
        layers += [LayerSpec.make("Conv2d", out_channels=c, kernel_size=3, padding=1), LayerSpec.make("ReLU"),
                   LayerSpec.make("MaxPool2d", kernel_size=2)]
    layers.append(LayerSpec.make("Flatten"))
    if hidden:
        layers += [LayerSpec.make("Linear", out_features=hidden), LayerSpec.make("ReLU")]
    layers.append(LayerSpec.make("Linear", out_features=n_out))
    return NetworkSpec(tuple(input_shape), layers)


def _imagemlp(input_shape: tuple[int, ...], hidden: list[int], n_out: int = 10) -> NetworkSpec:
    spec = mlp(hidden, "ReLU", n_out=n_out)
    return NetworkSpec(tuple(input_shape), [LayerSpec.make("Flatten")] + spec.layers)


def _residual_mlp(depth: int, width: int, activation: str, n_in: int = 2, n_out: int = 2) -> NetworkSpec:
    """``mlp([width] * depth)`` with every hidden layer after the first wrapped in a residual block.

    Same layers, same order, same parameter shapes: built after the same seed, both networks start
    with the same weights, so the only difference is the skip paths."""
    layers = [LayerSpec.make("Linear", out_features=width), LayerSpec.make(activation)]
    for _ in range(depth - 1):
        layers.append(BlockSpec.make(RESIDUAL, [LayerSpec.make("Linear", out_features=width),
                                                LayerSpec.make(activation)]))
    layers.append(LayerSpec.make("Linear", out_features=n_out))
    return NetworkSpec((n_in,), layers)


@dataclass(frozen=True)
class Template:
    name: str
    title_en: str
    title_ja: str
    doc_en: str
    doc_ja: str
    make: Callable[[], NetworkSpec]
    # the data set it is made for (a TrainConfig.dataset name): a lesson's "open it" selects that data
    # when the Training page's data is of another kind (None: any table or 2-D points)
    dataset: str | None = None

    @property
    def title(self) -> str:
        return L(self.title_en, self.title_ja)

    @property
    def doc(self) -> str:
        return L(self.doc_en, self.doc_ja)


DEEP_DEPTH = 8
DEEP_WIDTH = 32
RESIDUAL_DEPTH = 20  # deep enough that the plain sigmoid stack's first layer gets almost no gradient

TEMPLATES: dict[str, Template] = {t.name: t for t in [
    Template("classifier_2d", "Small classifier for 2-D points", "2次元の点の小さな分類器",
             "2 inputs → 16 → ReLU → 16 → ReLU → 2 classes.",
             "入力 2 → 16 → ReLU → 16 → ReLU → 2 クラス。",
             lambda: mlp([16, 16], "ReLU")),
    Template("classifier_2d_wide", "Wider classifier for 2-D points", "2次元の点の幅の広い分類器",
             "2 inputs → 64 → ReLU → 64 → ReLU → classes: enough to unroll a spiral.",
             "入力 2 → 64 → ReLU → 64 → ReLU → クラス。渦巻きをほどけるだけの幅があります。",
             lambda: mlp([64, 64], "ReLU")),
    Template("linear_2d", "Linear layers only (no activation)", "線形層だけ（活性化関数なし）",
             "2 inputs → 16 → 16 → 2 with no activation between: the whole stack is one linear map, "
             "so it can only draw a straight boundary.",
             "入力 2 → 16 → 16 → 2 で、間に活性化関数がありません。全体が1つの線形変換なので、境界は直線しか引けません。",
             lambda: NetworkSpec((2,), [LayerSpec.make("Linear", out_features=16),
                                        LayerSpec.make("Linear", out_features=16),
                                        LayerSpec.make("Linear", out_features=2)])),
    Template("deep_sigmoid", "Deep sigmoid MLP", "深いシグモイド MLP",
             f"{DEEP_DEPTH} hidden Linear+Sigmoid layers: watch the first layers' gradients vanish.",
             f"Linear+Sigmoid の隠れ層が {DEEP_DEPTH} 層。最初の層の勾配が消えていく様子を見ます。",
             lambda: mlp([DEEP_WIDTH] * DEEP_DEPTH, "Sigmoid")),
    Template("deep_relu", "Deep ReLU MLP", "深い ReLU MLP",
             f"The same {DEEP_DEPTH} hidden layers with ReLU: the gradient reaches the first layer.",
             f"同じ {DEEP_DEPTH} 層を ReLU にしたもの。勾配が最初の層まで届きます。",
             lambda: mlp([DEEP_WIDTH] * DEEP_DEPTH, "ReLU")),
    Template("lenet_digits", "LeNet-style CNN for 8×8 digits", "8×8 の手書き数字用 LeNet 風 CNN",
             "(1, 8, 8) → Conv 16 → pool → Conv 32 → pool → Flatten → 64 → 10 digits. "
             "Two 3×3 convolutions with ReLU and 2×2 max pooling, like LeCun's LeNet.",
             "(1, 8, 8) → Conv 16 → プーリング → Conv 32 → プーリング → Flatten → 64 → 数字 10 クラス。"
             "LeCun の LeNet と同じく、3×3 の畳み込み + ReLU + 2×2 の最大プーリングを 2 段重ねます。",
             lambda: _cnn((1, 8, 8), [16, 32], 64), "digits"),
    Template("mlp_digits", "MLP on the same 8×8 digits", "同じ 8×8 の数字を MLP で",
             "(1, 8, 8) → Flatten → 64 → ReLU → 10: no convolution, every pixel is just one input. "
             "Compare it with the CNN.",
             "(1, 8, 8) → Flatten → 64 → ReLU → 10。畳み込みなしで、各画素はただの入力の 1 つです。"
             "CNN と比べてみましょう。",
             lambda: _imagemlp((1, 8, 8), [64]), "digits"),
    Template("cnn_28", "Small CNN for 28×28 (MNIST)", "28×28 (MNIST) 用の小さな CNN",
             "(1, 28, 28) → Conv 16 → pool (14×14) → Conv 32 → pool (7×7) → Flatten → 64 → 10.",
             "(1, 28, 28) → Conv 16 → プーリング (14×14) → Conv 32 → プーリング (7×7) → Flatten → 64 → 10。",
             lambda: _cnn((1, 28, 28), [16, 32], 64)),
    Template("deep_plain_sigmoid", f"Deep plain sigmoid MLP ({RESIDUAL_DEPTH} layers)",
             f"深い素のシグモイド MLP ({RESIDUAL_DEPTH} 層)",
             f"{RESIDUAL_DEPTH} hidden Linear+Sigmoid layers in a plain stack: the gradient that reaches the "
             "first layer is vanishingly small. Compare with the same network with residual blocks.",
             f"Linear+Sigmoid の隠れ層 {RESIDUAL_DEPTH} 層を素直に重ねたもの。最初の層に届く勾配はほとんど"
             "ゼロです。残差ブロック版と比べてみましょう。",
             lambda: mlp([DEEP_WIDTH] * RESIDUAL_DEPTH, "Sigmoid")),
    Template("deep_residual_sigmoid", f"The same with residual blocks ({RESIDUAL_DEPTH} layers)",
             f"同じネットワークを残差ブロックで ({RESIDUAL_DEPTH} 層)",
             f"The same {RESIDUAL_DEPTH} Linear+Sigmoid layers, each after the first inside a residual block "
             "(x + f(x)): the skip paths carry the gradient back to the first layer.",
             f"同じ Linear+Sigmoid {RESIDUAL_DEPTH} 層の 2 層目以降を残差ブロック (x + f(x)) に入れたもの。"
             "スキップ経路が勾配を最初の層まで運びます。",
             lambda: _residual_mlp(RESIDUAL_DEPTH, DEEP_WIDTH, "Sigmoid")),
]}


# --- text: character-level language models (train them with the text task, core/tasks/text.py) ---
TEXT_CONTEXT = 64           # characters the model reads at once (the input shape)


def _char_rnn() -> NetworkSpec:
    # vocabulary sizes (128) are placeholders: the text task sets them from the corpus
    return NetworkSpec((TEXT_CONTEXT,), [
        LayerSpec.make("Embedding", num_embeddings=128, embedding_dim=64),
        LayerSpec.make("GRU", hidden_size=288, num_layers=2),
        LayerSpec.make("Linear", out_features=128),
    ])


TEMPLATES["char_rnn"] = Template(
    "char_rnn", "Character RNN (GRU)", "文字単位の RNN (GRU)",
    f"Reads {TEXT_CONTEXT} characters one at a time and predicts each next one: Embedding → 2-layer GRU "
    "(288) → Linear to the vocabulary. Train it on text.",
    f"{TEXT_CONTEXT} 文字を 1 文字ずつ読み、それぞれの次の文字を予測します: Embedding → 2 層の GRU (288) → "
    "語彙への Linear。テキストで学習させます。",
    _char_rnn, PYTHON_DOCS)


GPT_LAYERS, GPT_HEADS, GPT_WIDTH = 2, 4, 128     # measured: learns fastest here of the sizes tried


def tiny_gpt(n_layers: int = GPT_LAYERS, heads: int = GPT_HEADS, width: int = GPT_WIDTH,
             context: int = TEXT_CONTEXT) -> NetworkSpec:
    """GPT-2's shape in miniature: token + position embeddings, ``n_layers`` pre-LN blocks, each
    Residual(LayerNorm, attention) then Residual(LayerNorm, MLP 4x wide), a final LayerNorm, and
    a Linear that scores every character of the vocabulary."""
    # token vectors start at N(0, 0.02²) as in GPT-2 (core/modules/embedding.py: measured, it learns faster)
    layers = [LayerSpec.make("Embedding", num_embeddings=128, embedding_dim=width, init_std=0.02),
              LayerSpec.make("PositionalEmbedding")]
    for _ in range(n_layers):
        layers.append(BlockSpec.make(RESIDUAL, [LayerSpec.make("LayerNorm"),
                                                LayerSpec.make("CausalSelfAttention", num_heads=heads)]))
        layers.append(BlockSpec.make(RESIDUAL, [LayerSpec.make("LayerNorm"),
                                                LayerSpec.make("Linear", out_features=4 * width),
                                                LayerSpec.make("GELU"),
                                                LayerSpec.make("Linear", out_features=width)]))
    layers += [LayerSpec.make("LayerNorm"), LayerSpec.make("Linear", out_features=128)]
    return NetworkSpec((context,), layers)


TEMPLATES["tiny_gpt"] = Template(
    "tiny_gpt", "Tiny GPT", "小さな GPT",
    f"Embedding + learned positions, {GPT_LAYERS} Transformer blocks ({GPT_HEADS}-head causal self-attention "
    f"and an MLP, each inside a residual block after a LayerNorm), width {GPT_WIDTH}, "
    f"{TEXT_CONTEXT} characters of context. Train it on text.",
    f"Embedding + 学習する位置埋め込み、Transformer ブロック {GPT_LAYERS} 個 (ヘッド {GPT_HEADS} 個の因果的セルフ"
    f"アテンションと MLP。それぞれ LayerNorm の後で残差ブロックの中)、幅 {GPT_WIDTH}、文脈 {TEXT_CONTEXT} 文字。"
    "テキストで学習させます。",
    tiny_gpt, PYTHON_DOCS)
