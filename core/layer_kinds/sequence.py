"""Sequence layers: token embeddings, learned positions, recurrent layers and causal self-attention.

The shapes here are those of text: a network that starts with an ``Embedding`` takes a batch of
token ids ``(B, T)`` (integers, not floats: the kind's ``vocab`` says how many) and every later
layer sees ``(B, T, C)``, one vector per position. A recurrent layer can pass on every step
``(B, T, H)`` or only the last one ``(B, H)``.
"""
from __future__ import annotations

from torch import nn

from core.i18n import L
from core.layer_kind import LayerKind, Param, Shape, ShapeError, shape_text
from core.modules.attention import CausalSelfAttention, attention_weights
from core.modules.embedding import TokenEmbedding
from core.modules.positional import PositionalEmbedding
from core.modules.recurrent import Recurrent

GROUP = "sequence"


def _needs_sequence(shape: Shape, kind: str) -> tuple[int, int]:
    """(T, C) of a sequence of vectors, or a ShapeError that says what to put before ``kind``."""
    if len(shape) != 2:
        raise ShapeError(L(
            f"{kind} reads a sequence of vectors (B, T, C) but receives {shape_text(shape)}; "
            "token ids need an Embedding first",
            f"{kind} はベクトルの系列 (B, T, C) を受け取りますが、入力は {shape_text(shape)} です。"
            "トークン ID なら前に Embedding を入れてください"))
    return shape


# --- Embedding ----------------------------------------------------------------------------------

def _embedding_shape(shape: Shape, p: dict) -> Shape:
    if len(shape) != 1:
        raise ShapeError(L(
            f"Embedding takes token ids (B, T) but receives {shape_text(shape)}; "
            "it belongs at the start of the network, with the input shape set to the context length T",
            f"Embedding はトークン ID (B, T) を受け取りますが、入力は {shape_text(shape)} です。"
            "ネットワークの先頭に置き、入力の形を文脈の長さ T にしてください"))
    return shape + (p["embedding_dim"],)


def _positions_shape(shape: Shape, p: dict) -> Shape:
    _needs_sequence(shape, "PositionalEmbedding")
    return shape


# --- recurrent layers ---------------------------------------------------------------------------

_GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}   # weight blocks per layer: RNN h, GRU r/z/n, LSTM i/f/g/o


def _recurrent_shape(name: str):
    def rule(shape: Shape, p: dict) -> Shape:
        T, _ = _needs_sequence(shape, name)
        return (p["hidden_size"],) if p["output"] == "last" else (T, p["hidden_size"])
    return rule


def _recurrent_count(name: str):
    def count(shape: Shape, p: dict) -> int:
        g, H, F = _GATES[name], p["hidden_size"], shape[-1]
        first = g * (H * F + H * H + 2 * H)             # W_ih, W_hh, b_ih, b_hh
        return first + (p["num_layers"] - 1) * g * (H * H + H * H + 2 * H)
    return count


def _recurrent_code(name: str):
    def code(shape: Shape, p: dict) -> str:
        layers = f", num_layers={p['num_layers']}" if p["num_layers"] > 1 else ""
        last = ", last_step=True" if p["output"] == "last" else ""
        return f"Recurrent(nn.{name}({shape[-1]}, {p['hidden_size']}{layers}, batch_first=True){last})"
    return code


def _recurrent(name: str, doc_en: str, doc_ja: str) -> LayerKind:
    cls = getattr(nn, name)
    return LayerKind(
        name=name, group=GROUP, doc_en=doc_en, doc_ja=doc_ja,
        params=(
            Param("hidden_size", int, 128, 1, 4096,
                  doc_en="Size of the hidden state h carried from step to step.",
                  doc_ja="ステップからステップへ受け渡す隠れ状態 h の大きさ。"),
            Param("num_layers", int, 1, 1, 8,
                  doc_en="Recurrent layers stacked inside (each reads the outputs of the one below).",
                  doc_ja="内部で積み重ねる層の数 (各層は下の層の出力を読みます)。"),
            Param("output", str, "sequence", choices=("sequence", "last"),
                  doc_en="Pass on the output of every step (sequence: to predict the next token at each "
                         "position) or only the last step's (last: to classify the whole sequence).",
                  doc_ja="全ステップの出力を渡す (sequence: 各位置で次のトークンを予測) か、最後のステップの"
                         "出力だけを渡す (last: 系列全体を分類) か。"),
        ),
        shape_rule=_recurrent_shape(name),
        count_params=_recurrent_count(name),
        builder=lambda s, p: Recurrent(cls(s[-1], p["hidden_size"], p["num_layers"], batch_first=True),
                                       last_step=p["output"] == "last"),
        code=_recurrent_code(name),
        helpers=(Recurrent,),
        inferred_en="input_size is taken from the incoming shape (B, T, input_size).",
        inferred_ja="input_size は入力の形 (B, T, input_size) から自動で決まります。",
    )


# --- attention ----------------------------------------------------------------------------------

def _attention_shape(shape: Shape, p: dict) -> Shape:
    _, C = _needs_sequence(shape, "CausalSelfAttention")
    if C % p["num_heads"]:
        raise ShapeError(L(
            f"The width {C} cannot be split into {p['num_heads']} heads: choose a number of heads "
            f"that divides {C}",
            f"幅 {C} は {p['num_heads']} 個のヘッドに分けられません。{C} を割り切るヘッド数にしてください"))
    return shape


def _plain_embedding(p: dict) -> bool:
    """nn.Embedding's own starting vectors, N(0, 1): built and exported as nn.Embedding itself."""
    return p["init_std"] == 1.0


def _embedding(shape: Shape, p: dict) -> nn.Module:
    if _plain_embedding(p):
        return nn.Embedding(p["num_embeddings"], p["embedding_dim"])
    return TokenEmbedding(p["num_embeddings"], p["embedding_dim"], p["init_std"])


def _embedding_code(shape: Shape, p: dict) -> str:
    if _plain_embedding(p):
        return f"nn.Embedding({p['num_embeddings']}, {p['embedding_dim']})"
    return f"TokenEmbedding({p['num_embeddings']}, {p['embedding_dim']}, init_std={p['init_std']!r})"


def _attention_code(shape: Shape, p: dict) -> str:
    drop = f", dropout={p['dropout']!r}" if p["dropout"] else ""
    return f"CausalSelfAttention({shape[-1]}, {p['num_heads']}{drop})"


KINDS: list[LayerKind] = [
    LayerKind(
        name="Embedding", group=GROUP,
        doc_en="Looks up a learned vector for each token id: (B, T) ids → (B, T, embedding_dim). "
               "Only as the first layer: the network then takes integer ids, not numbers to compute with.",
        doc_ja="トークン ID ごとに学習したベクトルを引きます: (B, T) の ID → (B, T, embedding_dim)。"
               "先頭の層にだけ置けます。ネットワークの入力は計算する数値ではなく整数の ID になります。",
        params=(
            Param("num_embeddings", int, 128, 1, 1_000_000,
                  doc_en="Vocabulary size: how many different token ids there are (set from the text "
                         "when training on one).",
                  doc_ja="語彙の大きさ: トークン ID の種類の数 (テキストで学習するときはそこから決まります)。"),
            Param("embedding_dim", int, 64, 1, 65536,
                  doc_en="Length of each token's vector (the model's width C).",
                  doc_ja="各トークンのベクトルの長さ (モデルの幅 C)。"),
            Param("init_std", float, 1.0, 0.0, 1.0, min_inclusive=False,
                  doc_en="Standard deviation of the vectors at the start. 1 is nn.Embedding's own; GPT-2 "
                         "starts them at 0.02, which lets a Transformer learn faster (the tiny GPT template "
                         "does the same); a recurrent network learns better from 1.",
                  doc_ja="最初のベクトルの標準偏差。1 は nn.Embedding の既定値です。GPT-2 は 0.02 から始め、"
                         "Transformer はその方が速く学習します (小さな GPT のテンプレートも同じです)。"
                         "再帰型のネットワークは 1 の方がよく学習します。"),
        ),
        shape_rule=_embedding_shape,
        count_params=lambda s, p: p["num_embeddings"] * p["embedding_dim"],
        builder=_embedding,
        code=_embedding_code,
        helpers=lambda p: () if _plain_embedding(p) else (TokenEmbedding,),
        vocab=lambda p: p["num_embeddings"],
    ),
    LayerKind(
        name="PositionalEmbedding", group=GROUP,
        doc_en="Adds a learned vector for each position 0..T-1, so that later layers know the order "
               "of the tokens (attention alone does not).",
        doc_ja="位置 0..T-1 ごとに学習したベクトルを足します。これで後の層がトークンの順序を知ることができます "
               "(アテンションだけでは順序がわかりません)。",
        shape_rule=_positions_shape,
        count_params=lambda s, p: s[0] * s[1],
        builder=lambda s, p: PositionalEmbedding(s[0], s[1]),
        code=lambda s, p: f"PositionalEmbedding({s[0]}, {s[1]})",
        helpers=(PositionalEmbedding,),
        inferred_en="max_len (the context length T) and embed_dim are taken from the incoming shape (B, T, C).",
        inferred_ja="max_len (文脈の長さ T) と embed_dim は入力の形 (B, T, C) から自動で決まります。",
    ),
    _recurrent("RNN", "Recurrent layer: h_t = tanh(W x_t + U h_(t-1) + b), one step at a time along the sequence.",
               "再帰層: h_t = tanh(W x_t + U h_(t-1) + b) を系列に沿って 1 ステップずつ計算します。"),
    _recurrent("GRU", "Gated recurrent unit: gates decide how much of the old state to keep, so it "
               "remembers longer than a plain RNN.",
               "ゲート付き再帰ユニット: ゲートが古い状態をどれだけ残すかを決めるので、素の RNN より長く覚えられます。"),
    _recurrent("LSTM", "Long short-term memory: a separate cell state with input, forget and output gates "
               "carries information over many steps.",
               "長短期記憶: 入力・忘却・出力ゲートを持つ別のセル状態が、多くのステップにわたって情報を運びます。"),
    LayerKind(
        name="CausalSelfAttention", group=GROUP,
        doc_en="Each position takes a weighted average of the values of itself and the positions before it; "
               "the weights softmax(q·k/√d) say where to look. Several heads look in different places.",
        doc_ja="各位置が、自分とそれより前の位置の値の重み付き平均をとります。重み softmax(q·k/√d) がどこを見るかを"
               "決めます。複数のヘッドがそれぞれ別の場所を見ます。",
        params=(
            Param("num_heads", int, 4, 1, 64,
                  doc_en="Number of heads; the width C is split among them (C must divide evenly).",
                  doc_ja="ヘッドの数。幅 C をヘッドで分けます (割り切れる必要があります)。"),
            Param("dropout", float, 0.0, 0.0, 1.0, max_inclusive=False,
                  doc_en="While training, drop attention weights and outputs with this probability.",
                  doc_ja="学習中、この確率でアテンションの重みと出力を 0 にします。"),
        ),
        shape_rule=_attention_shape,
        count_params=lambda s, p: 4 * s[-1] * s[-1] + 4 * s[-1],   # q, k, v and output projections, with bias
        builder=lambda s, p: CausalSelfAttention(s[-1], p["num_heads"], p["dropout"]),
        code=_attention_code,
        helpers=(attention_weights, CausalSelfAttention),
        inferred_en="embed_dim is taken from the incoming shape (B, T, C).",
        inferred_ja="embed_dim は入力の形 (B, T, C) から自動で決まります。",
    ),
]
