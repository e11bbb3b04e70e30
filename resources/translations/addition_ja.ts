<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AdditionPage</name>
    <message>
        <location filename="../../gui/addition/page.py" line="38"/>
        <source>Train from scratch</source>
        <translation>ゼロから学習</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="39"/>
        <source>Textbook comparison</source>
        <translation>教科書の比較</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="94"/>
        <source>The shipped model could not be loaded: {0}</source>
        <translation>付属モデルを読み込めませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="100"/>
        <source> Measured: {0:.4f}% exact match on all {1} pairs of 3-digit numbers.</source>
        <translation> 測定結果: 3 桁の数のすべての組 {1} 組で完全一致率 {0:.4f}%。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="102"/>
        <source>&lt;b&gt;Shipped model&lt;/b&gt;: {0}.{1}</source>
        <translation>&lt;b&gt;付属モデル&lt;/b&gt;: {0}。{1}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="108"/>
        <location filename="../../gui/addition/page.py" line="115"/>
        <source>{0} digits</source>
        <translation>{0} 桁</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="115"/>
        <source>hidden {0}</source>
        <translation>隠れ層 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="108"/>
        <location filename="../../gui/addition/page.py" line="115"/>
        <source>1 digit</source>
        <translation>1 桁</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="117"/>
        <source>reversed input</source>
        <translation>入力反転</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="112"/>
        <location filename="../../gui/addition/page.py" line="119"/>
        <source>reversed answer</source>
        <translation>答え反転</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="121"/>
        <source>Peeky</source>
        <translation>Peeky</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="123"/>
        <source>attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="113"/>
        <location filename="../../gui/addition/page.py" line="124"/>
        <source>{0} parameters</source>
        <translation>パラメータ数 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="103"/>
        <source>Shipped model</source>
        <translation>付属モデル</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="108"/>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="109"/>
        <source>layers: {0}, heads: {1}, width: {2}</source>
        <translation>層 {0}、ヘッド {1}、幅 {2}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="110"/>
        <source>coupled positions</source>
        <translation>位取りで結んだ位置</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="110"/>
        <source>absolute positions</source>
        <translation>通常の位置（文字の番号）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="134"/>
        <source>Your trained model</source>
        <translation>あなたが学習させたモデル</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="149"/>
        <source>Load addition model</source>
        <translation>足し算モデルを読み込む</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="150"/>
        <location filename="../../gui/addition/page.py" line="170"/>
        <source>Addition models (*.pt)</source>
        <translation>足し算モデル (*.pt)</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="158"/>
        <source>Cannot load model</source>
        <translation>モデルを読み込めません</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="169"/>
        <source>Save addition model</source>
        <translation>足し算モデルを保存</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="183"/>
        <source>Cannot save model</source>
        <translation>モデルを保存できません</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="184"/>
        <source>Saving to {0} failed: {1}</source>
        <translation>{0} への保存に失敗しました: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="187"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="221"/>
        <source>The Training page is training a network; stop it first.</source>
        <translation>学習ページでネットワークを学習中です。先に停止してください。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="264"/>
        <source>Checking every pair of 3-digit numbers…</source>
        <translation>3 桁の数のすべての組を確かめています…</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="278"/>
        <source>Checked every pair of 3-digit numbers.</source>
        <translation>3 桁の数のすべての組を確かめました。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/page.py" line="305"/>
        <source>Training failed: {0}</source>
        <translation>学習に失敗しました: {0}</translation>
    </message>
</context>
<context>
    <name>AskPanel</name>
    <message>
        <location filename="../../gui/addition/ask.py" line="47"/>
        <source>Seq2Seq (the textbook&apos;s)</source>
        <translation>Seq2Seq（教科書のモデル）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="48"/>
        <source>Transformer (GPT-style)</source>
        <translation>Transformer（GPT 型）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="49"/>
        <source>Which shipped model answers: the textbook&apos;s encoder-decoder, or a decoder-only Transformer like a small GPT</source>
        <translation>どの付属モデルが答えるか: 教科書のエンコーダ・デコーダか、小さな GPT のようなデコーダのみの Transformer か</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="53"/>
        <source>Use the shipped model</source>
        <translation>付属モデルを使う</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="54"/>
        <source>Go back to the model that comes with the app</source>
        <translation>アプリに付属のモデルに戻します</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="56"/>
        <source>Load model…</source>
        <translation>モデルを読み込む…</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="57"/>
        <source>Answer with a model you saved earlier</source>
        <translation>以前に保存したモデルで答えます</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="59"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="71"/>
        <source>Type a sum such as 123+45 and press Enter</source>
        <translation>123+45 のように足し算を入力して Enter を押してください</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="76"/>
        <source>Answer</source>
        <translation>答える</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="78"/>
        <location filename="../../gui/addition/ask.py" line="192"/>
        <source>The answer appears here.</source>
        <translation>ここに答えが表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="86"/>
        <source>Click an earlier prompt to see its decoding steps again</source>
        <translation>以前の入力をクリックすると、そのデコードの手順をもう一度表示します</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="89"/>
        <source>Ask the model</source>
        <translation>モデルに聞く</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="99"/>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="99"/>
        <source>Top candidates (probability)</source>
        <translation>上位の候補（確率）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="117"/>
        <source>This model has no attention layer, so there is no heatmap. Train one with “Attention” on to see which input characters each output digit looks at.</source>
        <translation>このモデルには Attention 層がないため、ヒートマップはありません。「Attention」をオンにして学習させると、各出力の桁がどの入力文字を見ているかがわかります。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="111"/>
        <source>Attention over the input (bright = strong)</source>
        <translation>入力への Attention（明るいほど強い）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="112"/>
        <source>input, as the encoder read it</source>
        <translation>入力（エンコーダが読んだ順）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="112"/>
        <source>output step</source>
        <translation>出力ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="123"/>
        <source>History (✓ right, ✗ wrong):</source>
        <translation>履歴（✓ 正解、✗ 不正解）:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="128"/>
        <source>How the decoder produced the answer, step by step:</source>
        <translation>デコーダが答えを出した手順:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="138"/>
        <source>Attention of layer:</source>
        <translation>アテンションの層:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="146"/>
        <source>Each row is one character of the sequence taking a weighted average of the characters up to itself (bright = a large weight); rows marked → wrote a character of the answer</source>
        <translation>各行は、系列の 1 文字が自分までの文字の重み付き平均をとる様子です（明るい = 大きな重み）。→ の付いた行が答えの文字を書きました</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="191"/>
        <source>Now answering: {0}. The answer appears here.</source>
        <translation>いま答えるモデル：{0}。答えはここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="197"/>
        <source>Type a sum such as 5+3 and press Enter (one digit per number)</source>
        <translation>5+3 のように足し算を入力して Enter（各数 1 桁）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="198"/>
        <source>Type a sum such as 123+45 and press Enter (up to {0} digits per number)</source>
        <translation>123+45 のように足し算を入力して Enter（各数 {0} 桁まで）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="246"/>
        <source>✓ correct</source>
        <translation>✓ 正解</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="248"/>
        <source>✗ wrong: the true sum is {0}</source>
        <translation>✗ 不正解: 正しい和は {0}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="257"/>
        <source>✗  {0} + {1} = {2}   (true sum {3})</source>
        <translation>✗  {0} + {1} = {2}   （正しい和 {3}）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="261"/>
        <source>Seq2Seq</source>
        <translation>Seq2Seq</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="261"/>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="273"/>
        <source>Example: {0}</source>
        <translation>例: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="284"/>
        <source>␣ (end)</source>
        <translation>␣（終わり）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="300"/>
        <source>The encoder read “{0}”.</source>
        <translation>エンコーダは「{0}」と読みました。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="302"/>
        <source>The input is reversed, as in the textbook.</source>
        <translation>教科書と同じく入力を反転しています。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="304"/>
        <source>The decoder writes the answer backwards (ones digit first); it is flipped back for display.</source>
        <translation>デコーダは答えを逆順（一の位から）に書き、表示のときに元に戻しています。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="314"/>
        <source>The Transformer read “{0}” and wrote the answer one character at a time, reading back each character it wrote (like a GPT writing text).</source>
        <translation>Transformer は「{0}」を読み、答えを 1 文字ずつ書きました。書いた文字は読み直して次の文字を書きます（GPT が文章を書くのと同じです）。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="317"/>
        <source>It writes the answer ones digit first; it is flipped back for display.</source>
        <translation>答えは一の位から書きます。表示では元の順に戻しています。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="337"/>
        <source>Layer {0}, head {1}: where each character looks (bright = strong)</source>
        <translation>層 {0}・ヘッド {1}: 各文字がどこを見ているか（明るいほど強い）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="339"/>
        <source>Layer {0}, mean of the heads: where each character looks (bright = strong)</source>
        <translation>層 {0}・ヘッドの平均: 各文字がどこを見ているか（明るいほど強い）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="341"/>
        <source>looks at (key)</source>
        <translation>見られる文字（キー）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/ask.py" line="341"/>
        <source>looks from (query)</source>
        <translation>見る文字（クエリ）</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="60"/>
        <source>Baseline</source>
        <translation>ベースライン</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="61"/>
        <source>Reversed input</source>
        <translation>入力反転</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="62"/>
        <source>Reversed + Peeky</source>
        <translation>入力反転 + Peeky</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="63"/>
        <source>Reversed + attention</source>
        <translation>入力反転 + Attention</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="64"/>
        <source>+ reversed answer</source>
        <translation>+ 答え反転</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="65"/>
        <source>Transformer (GPT-style)</source>
        <translation>Transformer（GPT 型）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="68"/>
        <source>The textbook improves its addition model one idea at a time: reverse the input, a Peeky decoder, then attention. Here each model trains on the same 45,000 problems with the same number of steps, and is scored on the same 5,000 held-out problems.</source>
        <translation>教科書は足し算モデルを 1 つずつ改良します: 入力の反転、Peeky デコーダ、そして Attention。ここでは各モデルを同じ 45,000 問・同じステップ数で学習させ、同じ 5,000 問のテスト問題で採点します。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="73"/>
        <source>The textbook uses LSTM</source>
        <translation>教科書では LSTM を使います</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="75"/>
        <source>Also: attention + reversed answer (this app&apos;s default)</source>
        <translation>追加: Attention + 答え反転（このアプリの既定）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="76"/>
        <source>Also: a Transformer (GPT-style)</source>
        <translation>追加: Transformer（GPT 型）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="78"/>
        <source>A decoder-only Transformer on the same problems and steps, answer ones digit first, coupled positions</source>
        <translation>同じ問題とステップ数で学習する、デコーダのみの Transformer（答えは一の位から、位取りで結んだ位置）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="80"/>
        <source>Check all 1,000,000 pairs</source>
        <translation>1,000,000 組すべてを確かめる</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="81"/>
        <source>Ask every finished model all 1,000,000 sums of two 3-digit numbers (a minute or more per model)</source>
        <translation>学習を終えた各モデルに、3 桁どうしの足し算 1,000,000 問すべてを解かせます（1 モデル 1 分以上かかります）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="85"/>
        <source>Run the comparison</source>
        <translation>比較を実行</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="87"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="90"/>
        <source>Four models, one after another: about 3 minutes on this computer. Fewer steps is quicker but shows smaller differences.</source>
        <translation>4 つのモデルを順番に学習します。このコンピュータで約 3 分です。ステップ数を減らすと速くなりますが、差は小さくなります。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="94"/>
        <source>RNN cell:</source>
        <translation>RNN セル:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="96"/>
        <source>Steps per model:</source>
        <translation>モデルごとのステップ数:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="113"/>
        <source>Exact match on held-out problems</source>
        <translation>テスト問題での完全一致率</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="113"/>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="113"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="120"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="120"/>
        <source>Exact
match</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="121"/>
        <source>Steps
to 99%</source>
        <translation>99% までの
ステップ数</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="122"/>
        <source>Seconds
to 99%</source>
        <translation>99% までの
秒数</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="122"/>
        <source>All 10⁶
pairs</source>
        <translation>全 10⁶ 組</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="121"/>
        <source>Per digit</source>
        <translation>桁ごと</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="120"/>
        <source>Params</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="121"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="123"/>
        <source>Parameters: the model&apos;s weights and biases</source>
        <translation>パラメータ: モデルの重みとバイアス</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="124"/>
        <source>Exact match on every sum of two 3-digit numbers (press “Check all 1,000,000 pairs”)</source>
        <translation>3 桁どうしのすべての足し算での完全一致率（「1,000,000 組すべてを確かめる」を押してください）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="129"/>
        <source>Double-click a finished model to use it for prompts</source>
        <translation>学習が終わったモデルをダブルクリックすると、そのモデルで答えます</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="165"/>
        <source>waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="175"/>
        <source>training…</source>
        <translation>学習中…</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="186"/>
        <source>Training “{0}” ({1} of {2}): step {3} of {4}, {5:.1f} s</source>
        <translation>「{0}」を学習中（{2} 個中 {1} 個目）: ステップ {3} / {4}、{5:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="192"/>
        <source>not reached</source>
        <translation>未到達</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="201"/>
        <source>{0:.4f}% ({1} wrong)</source>
        <translation>{0:.4f}%（不正解 {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="203"/>
        <source>checking… {0}%</source>
        <translation>確認中… {0}%</translation>
    </message>
    <message>
        <location filename="../../gui/addition/compare_panel.py" line="212"/>
        <source>Best: “{0}” with {1:.2f}% exact match. Double-click a row to ask that model.</source>
        <translation>最良: 「{0}」完全一致率 {1:.2f}%。行をダブルクリックすると、そのモデルに質問できます。</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="46"/>
        <source>Reverse the input</source>
        <translation>入力を反転</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="48"/>
        <source>Reverse the answer</source>
        <translation>答えを反転</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="49"/>
        <source>Write the answer ones digit first, like adding by hand</source>
        <translation>筆算のように一の位から答えを書きます</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="50"/>
        <source>Peeky decoder</source>
        <translation>Peeky デコーダ</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="52"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="47"/>
        <source>Feed “123+45” as “54+321” (a trick from the textbook)</source>
        <translation>「123+45」を「54+321」として入力します（教科書の工夫）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="38"/>
        <source>Seq2Seq (GRU/LSTM encoder-decoder)</source>
        <translation>Seq2Seq（GRU/LSTM エンコーダ・デコーダ）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="39"/>
        <source>Transformer (GPT-style, decoder only)</source>
        <translation>Transformer（GPT 型、デコーダのみ）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="40"/>
        <source>The textbook&apos;s encoder-decoder, or a decoder-only Transformer that reads “123+45=” and writes the answer like a GPT writes text</source>
        <translation>教科書のエンコーダ・デコーダか、「123+45=」を読んで GPT が文章を書くように答えを書く、デコーダのみの Transformer か</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="51"/>
        <source>Give the encoder&apos;s summary to every decoder step (a trick from the textbook)</source>
        <translation>エンコーダの要約をデコーダの全ステップに渡します（教科書の工夫）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="53"/>
        <source>Let each decoder step look at all input characters</source>
        <translation>デコーダの各ステップがすべての入力文字を見られるようにします</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="59"/>
        <source>fresh every batch</source>
        <translation>毎回新しい問題</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="60"/>
        <source>0: draw new problems for every batch; otherwise a fixed training set of this size (the textbook uses 45,000)</source>
        <translation>0: バッチごとに新しい問題を作ります。それ以外: この数の固定の学習データ（教科書は 45,000 問）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="62"/>
        <source>Stop at 99% exact match</source>
        <translation>完全一致 99% で停止</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="71"/>
        <source>Size of each character&apos;s vector (a multiple of the number of heads)</source>
        <translation>各文字のベクトルの大きさ（ヘッド数の倍数）</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="72"/>
        <source>Coupled positions</source>
        <translation>位取りで位置を結ぶ</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="73"/>
        <source>Number the digits by place value (ones, tens, …), the same in both numbers and the answer, instead of by their index in the text: digits to add share a position. Off: the usual GPT positions.</source>
        <translation>数字の位置を文中の番号ではなく位取り（一の位、十の位、…）で付けます。2 つの数と答えで同じなので、足し合わせる数字どうしが同じ位置になります。オフ: 通常の GPT の位置。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="85"/>
        <source>Digits per number:</source>
        <translation>各数の桁数:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="86"/>
        <source>RNN cell:</source>
        <translation>RNN セル:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="87"/>
        <source>Hidden size:</source>
        <translation>隠れ層のサイズ:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="88"/>
        <source>Embedding size:</source>
        <translation>埋め込みのサイズ:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="89"/>
        <source>Layers:</source>
        <translation>層の数:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="90"/>
        <source>Heads:</source>
        <translation>ヘッド数:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="91"/>
        <source>Width:</source>
        <translation>幅:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="92"/>
        <source>Training data:</source>
        <translation>学習データ:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="93"/>
        <source>Steps:</source>
        <translation>ステップ数:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="94"/>
        <source>Batch size:</source>
        <translation>バッチサイズ:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="95"/>
        <source>Learning rate:</source>
        <translation>学習率:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="101"/>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="106"/>
        <source>Model and training options</source>
        <translation>モデルと学習の設定</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="120"/>
        <source>Start training</source>
        <translation>学習開始</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="122"/>
        <location filename="../../gui/addition/train_panel.py" line="239"/>
        <location filename="../../gui/addition/train_panel.py" line="248"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="125"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="129"/>
        <location filename="../../gui/addition/train_panel.py" line="177"/>
        <source>Choose options and press “Start training”.</source>
        <translation>設定を選んで「学習開始」を押してください。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="138"/>
        <source>Training loss</source>
        <translation>学習の損失</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="138"/>
        <source>cross-entropy</source>
        <translation>交差エントロピー</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="138"/>
        <location filename="../../gui/addition/train_panel.py" line="140"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="140"/>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="140"/>
        <source>Held-out accuracy</source>
        <translation>テスト問題での正解率</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="143"/>
        <source>exact match</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="144"/>
        <source>per digit</source>
        <translation>桁ごと</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="152"/>
        <source>Use this model for prompts</source>
        <translation>このモデルで答える</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="154"/>
        <source>Save model…</source>
        <translation>モデルを保存…</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="174"/>
        <source>With 1 digit there are only 100 problems: 10 are held out, and a model that has seen only the other 90 usually cannot answer them. Try 2 or more digits to see it generalise.</source>
        <translation>1 桁では問題が 100 個しかありません。そのうち 10 個はテスト用に取っておかれ、残り 90 個しか見ていないモデルはたいてい答えられません。汎化する様子を見るには 2 桁以上にしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="248"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="250"/>
        <source>Paused. Press “Resume” to go on.</source>
        <translation>一時停止中。「再開」で続けます。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="259"/>
        <source>Preparing data and model…</source>
        <translation>データとモデルを準備しています…</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="273"/>
        <source>not measured yet</source>
        <translation>未測定</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="275"/>
        <source>Step {0} of {1} · {2:.1f} s · {3} problems seen · loss {4} · exact match {5}</source>
        <translation>ステップ {0} / {1} · {2:.1f} 秒 · {3} 問を学習 · 損失 {4} · 完全一致 {5}</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="280"/>
        <source>stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="280"/>
        <source>finished</source>
        <translation>完了しました</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="281"/>
        <source>Training {0} after {1} steps ({2:.1f} s): exact match {3} on {4} held-out problems, {5} parameters.</source>
        <translation>学習は {1} ステップ（{2:.1f} 秒）で{0}: テスト問題 {4} 問で完全一致 {3}、パラメータ数 {5}。</translation>
    </message>
    <message>
        <location filename="../../gui/addition/train_panel.py" line="284"/>
        <source>Done. Use the new model for prompts, save it, or train again.</source>
        <translation>完了。新しいモデルで答えさせるか、保存するか、もう一度学習できます。</translation>
    </message>
</context>
</TS>
