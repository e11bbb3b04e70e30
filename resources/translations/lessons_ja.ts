<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ActivationLab</name>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="57"/>
        <source>derivatives (dashed lines)</source>
        <translation>導関数（破線）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="69"/>
        <source>(the maximum of σ&apos;)</source>
        <translation>（σ&apos; の最大値）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="90"/>
        <source>Why 0.25? (from the notes)</source>
        <translation>なぜ0.25？（ノートより）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="99"/>
        <source>Drag the grey line to read values</source>
        <translation>灰色の線をドラッグして値を読む</translation>
    </message>
</context>
<context>
    <name>AutogradLab</name>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="75"/>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="75"/>
        <location filename="../../gui/lessons/autograd_lab.py" line="310"/>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="75"/>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="86"/>
        <source>+ variable</source>
        <translation>+ 変数</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="87"/>
        <source>Add variable</source>
        <translation>変数を追加</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="89"/>
        <source>− variable</source>
        <translation>− 変数</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="90"/>
        <source>Remove the selected variable (or the last one)</source>
        <translation>選んだ変数（なければ最後の変数）を削除</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="97"/>
        <source>Allowed: numbers, your variables, + − × ÷ (or * /), ^ or ** for powers, ( ) and {0}.</source>
        <translation>使えるもの：数値、定義した変数、+ − × ÷（または * /）、べき乗の ^ または **、( )、そして {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="107"/>
        <source>Forward</source>
        <translation>順伝播</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="109"/>
        <source>Forward + y.backward()</source>
        <translation>順伝播 + y.backward()</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="127"/>
        <source>Example:</source>
        <translation>例：</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="147"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="169"/>
        <source>Computation graph</source>
        <translation>計算グラフ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="170"/>
        <source>Blue: leaf with requires_grad=True · grey: no gradient · green: operation (its grad_fn) · orange: output y. After backward(), pink shows each leaf&apos;s .grad and, for operations, dy/d(node).</source>
        <translation>青：requires_grad=True の葉 · 灰色：勾配なし · 緑：演算（grad_fn つき）· オレンジ：出力 y。backward() の後、ピンクの数字は各葉の .grad と、演算では dy/d(ノード) です。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="179"/>
        <source>The same in PyTorch</source>
        <translation>PyTorchで書くと</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="251"/>
        <source>Too many variables</source>
        <translation>変数が多すぎます</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="252"/>
        <source>This lab holds at most {0} variables.</source>
        <translation>このラボで使える変数は{0}個までです。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="302"/>
        <source>This expression cannot be used</source>
        <translation>この式は使えません</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="304"/>
        <source>Check the variable &apos;{0}&apos;</source>
        <translation>変数「{0}」を確認してください</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="307"/>
        <source>PyTorch&apos;s error at y.backward()</source>
        <translation>y.backward() でのPyTorchのエラー</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="310"/>
        <source>grad</source>
        <translation>勾配</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="329"/>
        <source>&lt;b&gt;y&lt;/b&gt; = {0}</source>
        <translation>&lt;b&gt;y&lt;/b&gt; = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="336"/>
        <source>&lt;b&gt;{0}.grad&lt;/b&gt; = None (not used in y)</source>
        <translation>&lt;b&gt;{0}.grad&lt;/b&gt; = None（y の計算に使われていません）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="338"/>
        <source>&lt;b&gt;{0}.grad&lt;/b&gt; = None (requires_grad=False)</source>
        <translation>&lt;b&gt;{0}.grad&lt;/b&gt; = None（requires_grad=False）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="340"/>
        <source>&lt;b&gt;dy/d{0}&lt;/b&gt; = {0}.grad = &lt;span style=&apos;color:#c23f84&apos;&gt;&lt;b&gt;{1}&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;b&gt;dy/d{0}&lt;/b&gt; = {0}.grad = &lt;span style=&apos;color:#c23f84&apos;&gt;&lt;b&gt;{1}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/autograd_lab.py" line="344"/>
        <source>Press “Forward + y.backward()” to compute the gradients.</source>
        <translation>「順伝播 + y.backward()」を押すと勾配が計算されます。</translation>
    </message>
</context>
<context>
    <name>DepthLab</name>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="247"/>
        <source>He (Kaiming) init — for ReLU</source>
        <translation>He（Kaiming）初期化：ReLU向け</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="248"/>
        <source>PyTorch default nn.Linear init</source>
        <translation>PyTorchの nn.Linear のデフォルト初期化</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="251"/>
        <source>First layer&apos;s mean |gradient| for each depth L</source>
        <translation>深さLごとの最初の層の |勾配| の平均</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="253"/>
        <source>depth L (hidden layers)</source>
        <translation>深さ L（隠れ層の数）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="258"/>
        <location filename="../../gui/lessons/activation_lab.py" line="270"/>
        <source>deep sigmoid</source>
        <translation>深いシグモイド</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="261"/>
        <location filename="../../gui/lessons/activation_lab.py" line="273"/>
        <source>deep ReLU</source>
        <translation>深いReLU</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="265"/>
        <source>Every layer&apos;s mean |gradient| at the chosen depth</source>
        <translation>選んだ深さでの各層の |勾配| の平均</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="267"/>
        <source>Linear layer (1 = next to the input)</source>
        <translation>Linear 層（1 = 入力側）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="280"/>
        <source>Depth L</source>
        <translation>深さ L</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="293"/>
        <source>Each net: {0} inputs, L hidden Linear({1})+activation layers, one output; one backward pass of an MSE loss on a fixed batch of {2}, seed 0.</source>
        <translation>各ネットワーク：入力{0}、Linear({1})+活性化関数の隠れ層がL層、出力1。固定した{2}件のバッチでMSE損失を1回逆伝播（シード0）。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="358"/>
        <source>Measuring… {0} depths to go</source>
        <translation>測定中… 残り{0}個の深さ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="367"/>
        <source>At L = {0}: bound 0.25^L = &lt;b&gt;{1}&lt;/b&gt; · first-layer gradient: &lt;span style=&apos;color:{5}&apos;&gt;&lt;b&gt;sigmoid {2}&lt;/b&gt;&lt;/span&gt; · &lt;span style=&apos;color:{6}&apos;&gt;&lt;b&gt;ReLU {3}&lt;/b&gt;&lt;/span&gt; · ReLU&apos;s is &lt;b&gt;{4}×&lt;/b&gt; larger</source>
        <translation>L = {0}：上限 0.25^L = &lt;b&gt;{1}&lt;/b&gt; · 最初の層の勾配：&lt;span style=&apos;color:{5}&apos;&gt;&lt;b&gt;シグモイド {2}&lt;/b&gt;&lt;/span&gt; · &lt;span style=&apos;color:{6}&apos;&gt;&lt;b&gt;ReLU {3}&lt;/b&gt;&lt;/span&gt; · ReLUは&lt;b&gt;{4}倍&lt;/b&gt;大きい</translation>
    </message>
</context>
<context>
    <name>ForwardLab</name>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="105"/>
        <source>none (linear only)</source>
        <translation>なし（線形のみ）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="109"/>
        <source>New random weights</source>
        <translation>新しいランダムな重み</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="129"/>
        <source>activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="137"/>
        <source>Blue edges: positive weights, red: negative; thicker = larger. Each hidden node shows u (the linear transform) and h = a(u). Hover a node for its sum.</source>
        <translation>青い線は正の重み、赤は負の重みで、太いほど大きな値です。隠れノードには u（線形変換）と h = a(u) を表示しています。ノードにマウスを乗せると計算式が見られます。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="142"/>
        <source>The same in PyTorch</source>
        <translation>PyTorchで書くと</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="159"/>
        <source>class {0}</source>
        <translation>クラス{0}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="159"/>
        <source>input layer</source>
        <translation>入力層</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="160"/>
        <source>hidden layer</source>
        <translation>中間層</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="160"/>
        <source>output layer</source>
        <translation>出力層</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/forward_lab.py" line="162"/>
        <source>Prediction: &lt;b&gt;class {0}&lt;/b&gt; with probability {1:.0%} · {2} parameters (3×2 + 3 weights and biases in, 2×3 + 2 out)</source>
        <translation>予測：&lt;b&gt;クラス{0}&lt;/b&gt;（確率 {1:.0%}）· パラメータ数 {2}（入力側 3×2 の重み + 3 のバイアス、出力側 2×3 + 2）</translation>
    </message>
</context>
<context>
    <name>KernelLab</name>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="33"/>
        <source>Which of the handwritten samples of this digit</source>
        <translation>この数字の手書きサンプルのどれを使うか</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="37"/>
        <source>Custom (edited)</source>
        <translation>カスタム（編集済み）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="74"/>
        <source>digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="74"/>
        <source>sample</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="74"/>
        <source>kernel</source>
        <translation>カーネル</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="75"/>
        <source>padding</source>
        <translation>パディング</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="75"/>
        <source>stride</source>
        <translation>ストライド</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="84"/>
        <source>3×3 kernel</source>
        <translation>3×3 カーネル</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="86"/>
        <source>Edit any number.</source>
        <translation>どの数値も編集できます。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="91"/>
        <source>input (with padding)</source>
        <translation>入力（パディング込み）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="92"/>
        <source>output: click a pixel</source>
        <translation>出力：画素をクリック</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="107"/>
        <source>The kernel slides over the digit; each output pixel is the sum of the nine products under it. Blue output: negative, red: positive.</source>
        <translation>カーネルが数字の上を滑り、出力の各画素はその下の9つの積の和です。出力の青は負、赤は正です。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="112"/>
        <source>The same in PyTorch</source>
        <translation>PyTorchでは</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/conv_lab.py" line="170"/>
        <source>Input {0}×{1}, padding {2}, stride {3} → output {4}×{5}  ((H + 2·padding − 3) // stride + 1)</source>
        <translation>入力 {0}×{1}、padding {2}、stride {3} → 出力 {4}×{5}  ((H + 2·padding − 3) // stride + 1)</translation>
    </message>
</context>
<context>
    <name>LessonsPage</name>
    <message>
        <location filename="../../gui/lessons/page.py" line="130"/>
        <source>Lesson path</source>
        <translation>レッスンの道のり</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="131"/>
        <source>In the order of your study notes.</source>
        <translation>学習ノートの順番です。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="144"/>
        <source>← Previous</source>
        <translation>← 前へ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="145"/>
        <source>Next lesson →</source>
        <translation>次のレッスン →</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="156"/>
        <source>Try it</source>
        <translation>試してみる</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="179"/>
        <source>Tensor lab</source>
        <translation>テンソルラボ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="179"/>
        <source>Tensor lab: NumPy conversions</source>
        <translation>テンソルラボ：NumPyとの変換</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="180"/>
        <source>Autograd lab</source>
        <translation>自動微分ラボ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="180"/>
        <source>Forward-propagation lab</source>
        <translation>順伝播ラボ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="181"/>
        <source>Linear vs nonlinear lab</source>
        <translation>線形と非線形のラボ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="182"/>
        <source>Activation lab</source>
        <translation>活性化関数ラボ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="183"/>
        <source>Vanishing-gradient lab: depth slider</source>
        <translation>勾配消失ラボ：深さスライダー</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="184"/>
        <source>Kernel lab: a 3×3 convolution on a digit</source>
        <translation>カーネルラボ：数字に 3×3 の畳み込み</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="185"/>
        <source>Seq2Seq lab: a question as tensors</source>
        <translation>Seq2Seqラボ：問題をテンソルにする</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="186"/>
        <source>Transformer lab: attention weights and residual gradients</source>
        <translation>Transformer ラボ：アテンションの重みと残差接続の勾配</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="187"/>
        <source>Try it in the app</source>
        <translation>アプリで試す</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="274"/>
        <source>Note:</source>
        <translation>注：</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="303"/>
        <source>This lesson is practised in the other pages of the app. Each button opens one, already set up for the lesson.</source>
        <translation>このレッスンはアプリの他のページで練習します。各ボタンを押すと、このレッスン用に準備されたページが開きます。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="322"/>
        <source>Opens the network in the Network editor (Ctrl+Z brings yours back)</source>
        <translation>ネットワークエディタでこのネットワークを開きます（Ctrl+Z で元のネットワークに戻せます）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="323"/>
        <source>Opens the Training page, set up for this lesson</source>
        <translation>このレッスン用に設定した学習ページを開きます</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/page.py" line="324"/>
        <source>Opens the Addition solver</source>
        <translation>足し算ソルバーを開きます</translation>
    </message>
</context>
<context>
    <name>LinearLab</name>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="155"/>
        <source>3 layers with activation</source>
        <translation>活性化関数ありの3層</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="157"/>
        <source>the same 3 layers, no activation</source>
        <translation>同じ3層で活性化関数なし</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="161"/>
        <source>Between the Linear layers:</source>
        <translation>Linear層の間に：</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="165"/>
        <source>nothing (linear only)</source>
        <translation>なし（線形のみ）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="162"/>
        <source>New random weights</source>
        <translation>新しいランダムな重み</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="213"/>
        <source>Without an activation the three layers collapse into one linear map W x + b: a straight line, whatever the weights. Press “New random weights” — it stays straight.</source>
        <translation>活性化関数がないと、3つの層は1つの線形変換 W x + b にまとまってしまい、重みがどうであっても直線になります。「新しいランダムな重み」を押しても直線のままです。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/activation_lab.py" line="217"/>
        <source>With an activation between the layers, h(x) bends: the network can express nonlinear relations. The dashed line is the same network without activations.</source>
        <translation>層の間に活性化関数があると h(x) は曲がり、ネットワークは非線形な関係を表現できます。破線は同じネットワークから活性化関数を除いたものです。</translation>
    </message>
</context>
<context>
    <name>Seq2SeqLab</name>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="38"/>
        <source>reverse the question (the book&apos;s trick)</source>
        <translation>問題を反転する（書籍の工夫）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="43"/>
        <source>Encoder input &lt;b&gt;src&lt;/b&gt;: the question, padded with spaces (␣) to 2N+1 characters</source>
        <translation>エンコーダの入力 &lt;b&gt;src&lt;/b&gt;：問題を空白（␣）で2N+1文字に埋めたもの</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="44"/>
        <source>Decoder input &lt;b&gt;dec_in&lt;/b&gt;: the start mark _ then the answer (teacher forcing)</source>
        <translation>デコーダの入力 &lt;b&gt;dec_in&lt;/b&gt;：開始記号 _ のあとに答え（教師強制）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="45"/>
        <source>Target &lt;b&gt;target&lt;/b&gt;: the answer shifted one step — at each step the decoder learns to predict the next character</source>
        <translation>目標 &lt;b&gt;target&lt;/b&gt;：答えを1ステップずらしたもの。デコーダは各ステップで次の文字を予測するよう学習します</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="68"/>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="70"/>
        <source>digits N</source>
        <translation>桁数 N</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="78"/>
        <source>Vocabulary: character = token id</source>
        <translation>語彙：文字 = トークンID</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="80"/>
        <source>Each id becomes a learned vector in an nn.Embedding; the encoder&apos;s last hidden state starts the decoder, which writes the answer one character at a time. At prediction time dec_in is not known: each output is fed back as the next input.</source>
        <translation>各IDは nn.Embedding で学習されるベクトルになります。エンコーダの最後の隠れ状態からデコーダが始まり、答えを1文字ずつ書きます。予測のときは dec_in はわからないので、出力した文字を次の入力として戻します。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="84"/>
        <source>As tensors</source>
        <translation>テンソルで書くと</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="94"/>
        <source>This question cannot be encoded</source>
        <translation>この問題はエンコードできません</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/seq2seq_lab.py" line="102"/>
        <source>shape {0}</source>
        <translation>形状 {0}</translation>
    </message>
</context>
<context>
    <name>TensorLab</name>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="59"/>
        <source>Operations</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="61"/>
        <source>Try these</source>
        <translation>試してみよう</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="74"/>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="79"/>
        <source>Defaults</source>
        <translation>初期値に戻す</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="103"/>
        <location filename="../../gui/lessons/tensor_lab.py" line="226"/>
        <source>The line of PyTorch</source>
        <translation>PyTorchの1行</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="147"/>
        <source>auto (from the data)</source>
        <translation>自動（データから決める）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="169"/>
        <source>{0} (available)</source>
        <translation>{0}（利用可能）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="171"/>
        <source>{0} (not available here)</source>
        <translation>{0}（このパソコンでは利用不可）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="226"/>
        <source>Step by step</source>
        <translation>1ステップずつ</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="232"/>
        <source>&lt;b&gt;rank&lt;/b&gt; {0} &amp;nbsp;·&amp;nbsp; &lt;b&gt;shape&lt;/b&gt; {1} &amp;nbsp;·&amp;nbsp; &lt;b&gt;dtype&lt;/b&gt; {2} &amp;nbsp;·&amp;nbsp; &lt;b&gt;device&lt;/b&gt; {3}</source>
        <translation>&lt;b&gt;階（rank）&lt;/b&gt; {0} &amp;nbsp;·&amp;nbsp; &lt;b&gt;形状（shape）&lt;/b&gt; {1} &amp;nbsp;·&amp;nbsp; &lt;b&gt;データ型（dtype）&lt;/b&gt; {2} &amp;nbsp;·&amp;nbsp; &lt;b&gt;デバイス&lt;/b&gt; {3}</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="237"/>
        <source>Rank {0} is shown as rows of the last dimension; a row label [i, j] means x[i, j, :].</source>
        <translation>{0}階のテンソルは最後の次元を横に並べて表示しています。行ラベル [i, j] は x[i, j, :] のことです。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="254"/>
        <source>This argument cannot be used</source>
        <translation>この引数は使えません</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/tensor_lab.py" line="256"/>
        <source>PyTorch refused this request</source>
        <translation>PyTorchがこの要求を受け付けませんでした</translation>
    </message>
</context>
<context>
    <name>TransformerLab</name>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="29"/>
        <source>causal mask (a position sees only itself and the past)</source>
        <translation>因果マスク（各位置は自分と過去だけを見る）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="45"/>
        <source>Mean |gradient| of each Linear layer (one backward pass)</source>
        <translation>各 Linear 層の勾配の絶対値の平均（逆伝播 1 回）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="50"/>
        <source>Linear layer (1 = next to the input)</source>
        <translation>Linear 層（1 = 入力側）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="52"/>
        <source>plain: Linear → Sigmoid, stacked</source>
        <translation>素の積み重ね：Linear → Sigmoid</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="54"/>
        <source>residual: x + Sigmoid(Linear(x))</source>
        <translation>残差：x + Sigmoid(Linear(x))</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="59"/>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="63"/>
        <source>Depth (hidden layers)</source>
        <translation>深さ（隠れ層の数）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="68"/>
        <source>Attention weights: row = the position that looks</source>
        <translation>アテンションの重み：行 = 見る側の位置</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="72"/>
        <source>Click a row: its output is the weighted average of the values v of the positions it looks at; the weights of a row sum to 1.</source>
        <translation>行をクリックしてください。その出力は、見ている位置の値 v の重み付き平均です。1 行の重みの合計は 1 です。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="75"/>
        <source>Why residual connections keep gradients alive</source>
        <translation>残差接続で勾配が消えない理由</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="98"/>
        <source>Nothing to attend to</source>
        <translation>アテンションの対象がありません</translation>
    </message>
    <message>
        <location filename="../../gui/lessons/transformer_lab.py" line="138"/>
        <source>First layer: residual {0:.2e}, plain {1:.2e}, {2:.3g} times larger. Each sigmoid layer multiplies the plain net&apos;s gradient by at most 0.25; the skip path x + f(x) adds a 1 to every layer&apos;s derivative, so the gradient reaches the first layer.</source>
        <translation>最初の層：残差 {0:.2e}、素の積み重ね {1:.2e}、{2:.3g} 倍の大きさです。素のネットワークでは、シグモイドの層を通るたびに勾配が最大 0.25 倍になります。スキップ経路 x + f(x) は各層の微分に 1 を足すので、勾配が最初の層まで届きます。</translation>
    </message>
</context>
</TS>
