<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../gui/images/views.py" line="216"/>
        <source>The confusion matrix appears after the first measurement.</source>
        <translation>混同行列は最初の測定のあとに表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="226"/>
        <source>predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="230"/>
        <source>true</source>
        <translation>正解</translation>
    </message>
</context>
<context>
    <name>DownloadBar</name>
    <message>
        <location filename="../../gui/images/download.py" line="64"/>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../gui/images/download.py" line="84"/>
        <source>Download {0} ({1})</source>
        <translation>{0} をダウンロード（{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/images/download.py" line="124"/>
        <source>{0:.1f} of {1:.1f} MB</source>
        <translation>{0:.1f} / {1:.1f} MB</translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="122"/>
        <location filename="../../gui/images/draw_pad.py" line="187"/>
        <source>Train a network on pictures first.</source>
        <translation>まず画像でネットワークを学習させてください。</translation>
    </message>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="124"/>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="135"/>
        <source>Draw here (right button erases)</source>
        <translation>ここに描く（右ボタンで消す）</translation>
    </message>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="142"/>
        <source>Class probabilities</source>
        <translation>クラスごとの確率</translation>
    </message>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="160"/>
        <source>The draw pad works with grayscale pictures; this data set is in colour.</source>
        <translation>お絵かきパッドはグレースケール画像用です。このデータセットはカラーです。</translation>
    </message>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="204"/>
        <source>As the network sees it ({0}×{0})</source>
        <translation>ネットワークから見た画像（{0}×{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="223"/>
        <source>Draw on the paper: the probabilities appear as you draw.</source>
        <translation>紙の上に描いてください。描くにつれて確率が表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="225"/>
        <source>Draw on the paper: each conv layer&apos;s feature maps appear here as you draw.</source>
        <translation>紙の上に描いてください。描くにつれて、各畳み込み層の特徴マップがここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/draw_pad.py" line="234"/>
        <source>Your drawing: the network says {0} ({1:.0%})</source>
        <translation>あなたの絵：ネットワークの答えは {0}（{1:.0%}）</translation>
    </message>
</context>
<context>
    <name>FeatureMapsView</name>
    <message>
        <location filename="../../gui/images/views.py" line="373"/>
        <source>Which held-out picture to look at</source>
        <translation>どの検証用画像を見るか</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="381"/>
        <source>Held-out picture</source>
        <translation>検証用の画像</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="398"/>
        <source>Feature maps appear once the network has a conv layer and data.</source>
        <translation>ネットワークに畳み込み層があり、データがあると特徴マップが表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="408"/>
        <source>{0}: {1} maps of {2}×{3}</source>
        <translation>{0}：{2}×{3} のマップが {1} 枚</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="426"/>
        <source>Held-out picture #{0}, a {1}: the network says {2} ({3:.0%})</source>
        <translation>検証用の画像 #{0}（正解 {1}）：ネットワークの答えは {2}（{3:.0%}）</translation>
    </message>
</context>
<context>
    <name>FiltersView</name>
    <message>
        <location filename="../../gui/images/views.py" line="433"/>
        <source>The first conv layer&apos;s kernels appear here.</source>
        <translation>最初の畳み込み層のカーネルがここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="438"/>
        <source>Each kernel of the first conv layer (blue negative, red positive): the patterns it looks for.</source>
        <translation>最初の畳み込み層の各カーネル（青は負、赤は正）：それぞれが探している模様です。</translation>
    </message>
</context>
<context>
    <name>ImageBoard</name>
    <message>
        <location filename="../../gui/images/board.py" line="19"/>
        <source>Samples</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location filename="../../gui/images/board.py" line="20"/>
        <source>Confusion matrix</source>
        <translation>混同行列</translation>
    </message>
    <message>
        <location filename="../../gui/images/board.py" line="21"/>
        <source>Per-class accuracy</source>
        <translation>クラス別の正解率</translation>
    </message>
    <message>
        <location filename="../../gui/images/board.py" line="22"/>
        <source>Mistakes</source>
        <translation>間違い</translation>
    </message>
    <message>
        <location filename="../../gui/images/board.py" line="23"/>
        <source>Feature maps</source>
        <translation>特徴マップ</translation>
    </message>
    <message>
        <location filename="../../gui/images/board.py" line="24"/>
        <source>First-layer filters</source>
        <translation>最初の層のフィルタ</translation>
    </message>
    <message>
        <location filename="../../gui/images/board.py" line="38"/>
        <source>Draw pad</source>
        <translation>お絵かきパッド</translation>
    </message>
</context>
<context>
    <name>MistakesView</name>
    <message>
        <location filename="../../gui/images/views.py" line="167"/>
        <source>Mistakes appear after the first measurement.</source>
        <translation>間違いは最初の測定のあとに表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="172"/>
        <source>The surest mistakes on held-out pictures: true → predicted (probability). Bars: the probability of each class.</source>
        <translation>検証用の画像で、自信をもって間違えたもの：正解 → 予測（確率）。棒は各クラスの確率です。</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="182"/>
        <source>No mistakes on the held-out pictures.</source>
        <translation>検証用の画像に間違いはありません。</translation>
    </message>
</context>
<context>
    <name>NeuronMapsView</name>
    <message>
        <location filename="../../gui/images/neuron_maps.py" line="29"/>
        <source>For points in the plane (2 features): what each hidden neuron outputs at every point. Appears while such a network trains.</source>
        <translation>平面上の点（特徴量2つ）のとき：各隠れニューロンが平面の各点で出力する値。そのようなネットワークの学習中に表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/neuron_maps.py" line="38"/>
        <source>Each hidden neuron&apos;s output over the input plane (x1 → right, x2 → up): the first layer cuts the plane with lines, later layers combine them.</source>
        <translation>各隠れニューロンの入力平面上での出力（x1 → 右、x2 → 上）：最初の層は平面を直線で区切り、後の層がそれを組み合わせます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/neuron_maps.py" line="41"/>
        <source>{0}: {1} neurons</source>
        <translation>{0}：ニューロン {1} 個</translation>
    </message>
</context>
<context>
    <name>PerClassView</name>
    <message>
        <location filename="../../gui/images/views.py" line="312"/>
        <source>Per-class accuracy appears after the first measurement.</source>
        <translation>クラス別の正解率は最初の測定のあとに表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="317"/>
        <source>Share of each class&apos;s held-out pictures recognised correctly.</source>
        <translation>各クラスの検証用画像のうち、正しく認識できた割合です。</translation>
    </message>
</context>
<context>
    <name>SampleGrid</name>
    <message>
        <location filename="../../gui/images/views.py" line="140"/>
        <source>The pictures appear when data is loaded.</source>
        <translation>データを読み込むと画像が表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/images/views.py" line="145"/>
        <source>Label of each picture; after measuring, the network&apos;s answer (green: right, red: wrong).</source>
        <translation>各画像のラベル。測定後はネットワークの答えも表示します（緑：正解、赤：不正解）。</translation>
    </message>
</context>
</TS>
