"""The lesson path, part 3: convolution, the Seq2Seq that learns to add (ch. 8.8) and the Transformer."""
from __future__ import annotations

from core.lessons.lesson import BOOK_B, CODE, NOTE, P, Lesson, TryIt, source


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "convolution", "Convolution: networks that see images", "畳み込み：画像を見るネットワーク",
        *source(BOOK_B, "beyond the notes: the image-processing part", "ノートの先：画像処理の部"),
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
        *source(BOOK_B, "ch. 8.8 Text generation", "8章8節 文章生成"),
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
         TryIt("training:setup:tiny_gpt_docs", "Train the tiny GPT on Python's documentation",
               "小さなGPTをPythonのドキュメントで学習させる"),
         TryIt("editor:template:tiny_gpt", "Open the tiny GPT", "小さなGPTを開く"),
         TryIt("editor:template:char_rnn", "Open the character RNN (GRU)", "文字単位のRNN（GRU）を開く")),
    ),
)
