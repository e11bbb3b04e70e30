<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AttentionView</name>
    <message>
        <location filename="../../gui/text/attention.py" line="28"/>
        <source>Text to look at (empty: a line of the validation text)</source>
        <translation>注目を見るテキスト（空欄: 検証用テキストの 1 行）</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="33"/>
        <source>Text:</source>
        <translation>テキスト:</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="30"/>
        <source>Layer:</source>
        <translation>層:</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="38"/>
        <source>looks from (query)</source>
        <translation>見る側（クエリ）</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="39"/>
        <source>looks at (key)</source>
        <translation>見られる側（キー）</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="41"/>
        <source>Each row is one character taking a weighted average of the characters up to itself: bright = a large weight. Every row sums to 1; right of the diagonal is the future, which the causal mask hides.</source>
        <translation>各行は 1 文字で、自分までの文字の重み付き平均をとっています。明るいほど重みが大きいことを表します。各行の合計は 1 で、対角線より右は未来なので、因果マスクで隠されます。</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="45"/>
        <location filename="../../gui/text/attention.py" line="107"/>
        <source>The maps appear while a network with attention layers trains on text; after training, press Enter in the text field above.</source>
        <translation>アテンション層のあるネットワークがテキストで学習している間、ここにマップが表示されます。学習後は、上のテキスト欄で Enter を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="83"/>
        <source>(not in the vocabulary, left out: {0})</source>
        <translation>（語彙にないため除いた文字: {0}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="85"/>
        <source>at step {0}</source>
        <translation>（ステップ {0}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/attention.py" line="86"/>
        <source>{0} attention layers, {1} heads, {2} characters {3}</source>
        <translation>アテンション層 {0} 個、ヘッド {1} 個、{2} 文字 {3}</translation>
    </message>
</context>
<context>
    <name>SamplesView</name>
    <message>
        <location filename="../../gui/text/samples.py" line="29"/>
        <source>Text the model continues</source>
        <translation>モデルが続きを書くテキスト</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="36"/>
        <source>Divides the scores before softmax: low is cautious and repetitive, high is adventurous; 0 always takes the most likely character.</source>
        <translation>softmax の前にスコアをこの値で割ります。低いと慎重で繰り返しが多く、高いと冒険的になります。0 では常に最も確率の高い文字を選びます。</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="40"/>
        <location filename="../../gui/text/samples.py" line="123"/>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="41"/>
        <source>Choose only among the k most likely characters (all: no limit).</source>
        <translation>確率の高い上位 k 文字の中からだけ選びます（すべて: 制限なし）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="45"/>
        <source>Prompt:</source>
        <translation>プロンプト:</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="48"/>
        <source>Temperature:</source>
        <translation>温度:</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="48"/>
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="54"/>
        <location filename="../../gui/text/samples.py" line="141"/>
        <source>Samples appear here every few seconds while a network trains on text (choose Python documentation or a text file as the data); after training, press Enter in the prompt to ask the trained network.</source>
        <translation>ネットワークがテキストで学習している間、数秒ごとにここにサンプルが表示されます（データに Python のドキュメントかテキストファイルを選んでください）。学習後は、プロンプト欄で Enter を押すと学習済みのネットワークが続きを書きます。</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="100"/>
        <source>… and {0} more</source>
        <translation>… ほか {0} 文字</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="101"/>
        <source>Vocabulary ({0} characters): {1}</source>
        <translation>語彙（{0} 文字）: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="110"/>
        <source>Validation loss {0:.3f} nats/char = {1:.3f} bits/char; perplexity {2:.2f} (as unsure as choosing among {2:.1f} characters)</source>
        <translation>検証損失 {0:.3f} ナット/文字 = {1:.3f} ビット/文字、パープレキシティ {2:.2f}（{2:.1f} 文字の中から選ぶのと同じくらいの迷い）</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="121"/>
        <source>step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="122"/>
        <source>temperature {0:g}, top-k {1}</source>
        <translation>温度 {0:g}、top-k {1}</translation>
    </message>
    <message>
        <location filename="../../gui/text/samples.py" line="126"/>
        <source>not in the vocabulary, left out: {0}</source>
        <translation>語彙にないため除いた文字: {0}</translation>
    </message>
</context>
</TS>
