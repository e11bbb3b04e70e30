<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ActivityPlot</name>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="37"/>
        <source>Saturated (sigmoid/tanh) and dead (ReLU) share</source>
        <translation>飽和（sigmoid/tanh）と死んだユニット（ReLU）の割合</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="37"/>
        <source>share</source>
        <translation>割合</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="37"/>
        <location filename="../../gui/training/probe_plots.py" line="86"/>
        <location filename="../../gui/training/probe_plots.py" line="97"/>
        <source>activation layer</source>
        <translation>活性化層</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="54"/>
        <source>saturated</source>
        <translation>飽和</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="56"/>
        <source>dead</source>
        <translation>死んだユニット</translation>
    </message>
</context>
<context>
    <name>BoundaryPlot</name>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="135"/>
        <location filename="../../gui/training/probe_plots.py" line="187"/>
        <source>Decision boundary</source>
        <translation>決定境界</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="187"/>
        <source>Prediction</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="193"/>
        <source>text has none: its samples are on the Text tab.</source>
        <translation>テキストにはありません。サンプルは「テキスト」タブにあります。</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="197"/>
        <source>Background: the predicted class</source>
        <translation>背景: ネットワークが予測するクラス</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="198"/>
        <source>(paler = less sure). Dots: training data.</source>
        <translation>（薄いほど自信がない）。点: 学習データ。</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="192"/>
        <location filename="../../gui/training/probe_plots.py" line="202"/>
        <source>A picture needs 2-D classification or 1-D regression data;</source>
        <translation>図にできるのは 2 次元の分類データか 1 次元の回帰データです。</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="203"/>
        <source>this data has {0} features.</source>
        <translation>このデータの特徴量は {0} 個です。</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="200"/>
        <source>Grey dots: training data. Line: what the network predicts.</source>
        <translation>灰色の点: 学習データ。線: ネットワークの予測。</translation>
    </message>
</context>
<context>
    <name>CurvesPlot</name>
    <message>
        <location filename="../../gui/training/curves.py" line="29"/>
        <location filename="../../gui/training/curves.py" line="107"/>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="29"/>
        <location filename="../../gui/training/curves.py" line="113"/>
        <source>Accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="31"/>
        <location filename="../../gui/training/curves.py" line="118"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="40"/>
        <source>log scale</source>
        <translation>対数目盛</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="65"/>
        <source>loss per step</source>
        <translation>ステップごとの損失</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="80"/>
        <source>train (epoch)</source>
        <translation>学習（エポック）</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="80"/>
        <source>train</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="76"/>
        <location filename="../../gui/training/curves.py" line="81"/>
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="107"/>
        <source>Loss (nats/char)</source>
        <translation>損失（ナット/文字）</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="113"/>
        <source>Accuracy (classification only)</source>
        <translation>正解率（分類のみ）</translation>
    </message>
    <message>
        <location filename="../../gui/training/curves.py" line="118"/>
        <source>epoch</source>
        <translation>エポック</translation>
    </message>
</context>
<context>
    <name>DataSource</name>
    <message>
        <location filename="../../gui/training/data_source.py" line="77"/>
        <source>Open a CSV file and choose its target column.</source>
        <translation>CSV ファイルを開き、目的変数の列を選んでください。</translation>
    </message>
    <message>
        <location filename="../../gui/training/data_source.py" line="106"/>
        <source>Reading {0}…</source>
        <translation>{0} を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../gui/training/data_source.py" line="116"/>
        <source>{0} is not on this computer yet: download it once ({1}); it is kept in {2}.</source>
        <translation>{0} はまだこのコンピュータにありません。一度ダウンロードしてください（{1}）。{2} に保存されます。</translation>
    </message>
    <message>
        <location filename="../../gui/training/data_source.py" line="133"/>
        <source>{0}: {1}. Each step trains on {2} windows of the text; the last 10 % is kept to validate on.</source>
        <translation>{0}: {1}。1 ステップごとにテキストの {2} 個の窓で学習します。最後の 10 % は検証用に取っておきます。</translation>
    </message>
    <message>
        <location filename="../../gui/training/data_source.py" line="137"/>
        <source>{0}: {1} training and {2} validation pictures of {3}×{4}×{5} (C×H×W), {6} classes.</source>
        <translation>{0}：学習用 {1} 枚と検証用 {2} 枚、各 {3}×{4}×{5}（C×H×W）、{6} クラス。</translation>
    </message>
    <message>
        <location filename="../../gui/training/data_source.py" line="142"/>
        <source>Skipped {0} file(s) that could not be read: {1}</source>
        <translation>読めなかった {0} 個のファイルを飛ばしました：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/training/data_source.py" line="144"/>
        <source>{0}: {1} training and {2} validation samples, {3} feature(s).</source>
        <translation>{0}: 学習 {1} 件、検証 {2} 件、特徴量 {3} 個。</translation>
    </message>
</context>
<context>
    <name>GradBarsPlot</name>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="25"/>
        <source>Gradient flow (latest step)</source>
        <translation>勾配の流れ（最新ステップ）</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="25"/>
        <location filename="../../gui/training/gradient_plots.py" line="86"/>
        <source>|grad| (log scale)</source>
        <translation>|勾配|（対数目盛）</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="26"/>
        <source>layer index (layers with weights)</source>
        <translation>層の番号（重みを持つ層）</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="35"/>
        <source>Relative to the last layer</source>
        <translation>最後の層に対する比</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="36"/>
        <source>Each layer&apos;s mean |grad| divided by the last layer&apos;s: a vanishing gradient reads as a bar far below 1</source>
        <translation>各層の |勾配| の平均を最後の層の値で割ったもの。勾配消失は 1 よりずっと低い棒として見えます</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="54"/>
        <source>mean |grad|</source>
        <translation>|勾配| の平均</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="56"/>
        <source>max |grad|</source>
        <translation>|勾配| の最大</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="59"/>
        <source>exactly 0</source>
        <translation>ちょうど 0</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="85"/>
        <source>|grad| ÷ last layer (log)</source>
        <translation>|勾配|÷最終層（対数）</translation>
    </message>
</context>
<context>
    <name>GradHeatmap</name>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="157"/>
        <source>Gradient flow over time: log10 of mean |grad| per layer (bright = large, dark = vanishing, white = exactly 0)</source>
        <translation>勾配の流れの推移：層ごとの平均 |勾配| の log10（明るい = 大きい、暗い = 消失しかけ、白 = ちょうど 0）</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="172"/>
        <source>layer</source>
        <translation>層</translation>
    </message>
    <message>
        <location filename="../../gui/training/gradient_plots.py" line="173"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
</context>
<context>
    <name>HistogramPlot</name>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="244"/>
        <source>Weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="244"/>
        <location filename="../../gui/training/probe_plots.py" line="245"/>
        <source>count</source>
        <translation>個数</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="244"/>
        <location filename="../../gui/training/probe_plots.py" line="245"/>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="245"/>
        <source>Activations (probe batch)</source>
        <translation>活性化の出力（確認用バッチ）</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="247"/>
        <source>Weights of layer:</source>
        <translation>重みを見る層:</translation>
    </message>
    <message>
        <location filename="../../gui/training/probe_plots.py" line="249"/>
        <source>Outputs of activation:</source>
        <translation>出力を見る活性化層:</translation>
    </message>
</context>
<context>
    <name>NetworkBox</name>
    <message>
        <location filename="../../gui/training/network_box.py" line="21"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="29"/>
        <source>Fit sizes to the data</source>
        <translation>サイズをデータに合わせる</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="30"/>
        <source>Sets the input size and the last Linear layer&apos;s outputs (undo with Ctrl+Z)</source>
        <translation>入力サイズと最後の Linear 層の出力数を設定します（Ctrl+Z で元に戻せます）</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="35"/>
        <source>Export run as Python…</source>
        <translation>学習の実行を Python で書き出す…</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="70"/>
        <source>A script with the data, model, loss, optimiser, training loop and evaluation that trains as this page does</source>
        <translation>このページと同じ手順で学習する、データ・モデル・損失関数・最適化手法・学習ループ・評価を含むスクリプト</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="46"/>
        <source>Input {0} → {1}</source>
        <translation>入力 {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="47"/>
        <source>{0} parameters</source>
        <translation>パラメータ {0} 個</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="59"/>
        <source>Compare mode trains the two chosen templates; their input and output sizes follow the data.</source>
        <translation>比較モードでは選んだ 2 つのテンプレートを学習します。入力と出力のサイズはデータに合わせます。</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="78"/>
        <source>Fit network to the data</source>
        <translation>ネットワークをデータに合わせる</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="81"/>
        <source>Export the run as a Python script</source>
        <translation>学習の実行を Python スクリプトとして書き出す</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="82"/>
        <source>Python files (*.py)</source>
        <translation>Python ファイル (*.py)</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="67"/>
        <location filename="../../gui/training/network_box.py" line="91"/>
        <source>Export writes one network&apos;s run: turn Compare mode off first.</source>
        <translation>書き出せるのは1つのネットワークの実行です。先に比較モードをオフにしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="107"/>
        <source>Saving to {0} failed: {1}</source>
        <translation>{0} への保存に失敗しました: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/training/network_box.py" line="109"/>
        <source>Exported the run to {0}. Run it with: python {1}</source>
        <translation>学習の実行を {0} に書き出しました。実行: python {1}</translation>
    </message>
</context>
<context>
    <name>PlotBoard</name>
    <message>
        <location filename="../../gui/training/board.py" line="67"/>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../gui/training/board.py" line="67"/>
        <source>Gradient flow over time</source>
        <translation>勾配の流れの推移</translation>
    </message>
    <message>
        <location filename="../../gui/training/board.py" line="68"/>
        <source>Histograms</source>
        <translation>ヒストグラム</translation>
    </message>
    <message>
        <location filename="../../gui/training/board.py" line="68"/>
        <source>Hidden neurons</source>
        <translation>隠れニューロン</translation>
    </message>
    <message>
        <location filename="../../gui/training/board.py" line="69"/>
        <source>Pictures</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../../gui/training/board.py" line="69"/>
        <source>Feature maps and filters</source>
        <translation>特徴マップとフィルタ</translation>
    </message>
    <message>
        <location filename="../../gui/training/board.py" line="70"/>
        <source>Draw pad</source>
        <translation>お絵かきパッド</translation>
    </message>
    <message>
        <location filename="../../gui/training/board.py" line="70"/>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
</context>
<context>
    <name>RunMaker</name>
    <message>
        <location filename="../../gui/training/run_maker.py" line="29"/>
        <source>editor network</source>
        <translation>エディタのネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/training/run_maker.py" line="34"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/training/run_maker.py" line="48"/>
        <source>Press “Fit sizes to the data” to fix it.</source>
        <translation>「サイズをデータに合わせる」を押すと直せます。</translation>
    </message>
    <message>
        <location filename="../../gui/training/run_maker.py" line="56"/>
        <source>The network cannot be built:</source>
        <translation>ネットワークを作れません:</translation>
    </message>
</context>
<context>
    <name>RunMessage</name>
    <message>
        <location filename="../../gui/training/run_message.py" line="40"/>
        <source>Training on {0}…</source>
        <translation>{0} で学習中…</translation>
    </message>
    <message>
        <location filename="../../gui/training/run_message.py" line="79"/>
        <source>Training failed: {0}</source>
        <translation>学習に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/training/run_message.py" line="86"/>
        <source>Paused at step {0}: Resume to go on, or Step for one batch.</source>
        <translation>ステップ {0} で一時停止中：「再開」で続行、「ステップ」で1バッチだけ進めます。</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../gui/training/settings.py" line="40"/>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="45"/>
        <source>Your own CSV file…</source>
        <translation>自分の CSV ファイル…</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="50"/>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="54"/>
        <source>Samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="59"/>
        <source>Noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="63"/>
        <source>Validation share</source>
        <translation>検証データの割合</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="66"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="68"/>
        <source>Open CSV…</source>
        <translation>CSV を開く…</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="77"/>
        <source>Target column</source>
        <translation>目的変数の列</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="81"/>
        <source>Choose folder…</source>
        <translation>フォルダを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="82"/>
        <source>A folder with one subfolder of pictures per class</source>
        <translation>クラスごとに画像のサブフォルダがあるフォルダ</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="93"/>
        <source>Picture size</source>
        <translation>画像の大きさ</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="96"/>
        <source>Grayscale</source>
        <translation>グレースケール</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="97"/>
        <source>Colour (RGB)</source>
        <translation>カラー（RGB）</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="98"/>
        <source>Colours</source>
        <translation>色</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="101"/>
        <source>Choose text file…</source>
        <translation>テキストファイルを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="102"/>
        <source>Plain text in UTF-8 (Japanese works): your notes, a novel, code…</source>
        <translation>UTF-8 のテキスト（日本語も可）: 自分のノート、小説、コード…</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="113"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="118"/>
        <source>Optimiser</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="126"/>
        <source>Can be changed while training runs.</source>
        <translation>学習中にも変更できます。</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="127"/>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="136"/>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="139"/>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="144"/>
        <source>Text has no epochs: the run trains this many batches (Start again to train as many more).</source>
        <translation>テキストにはエポックがありません。このバッチ数だけ学習します（もう一度開始すると同じ数だけ続けて学習します）。</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="146"/>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="150"/>
        <source>Weight init</source>
        <translation>重みの初期化</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="155"/>
        <source>Init std</source>
        <translation>初期化の標準偏差</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="159"/>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="167"/>
        <source>{0} (not available)</source>
        <translation>{0}（使用不可）</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="173"/>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="182"/>
        <source>CPU threads</source>
        <translation>CPU スレッド</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="186"/>
        <source>Compare two networks</source>
        <translation>2 つのネットワークを比較</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="188"/>
        <source>Compare mode</source>
        <translation>比較モード</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="189"/>
        <source>Train two networks on the same data with the same seed; their curves are overlaid.</source>
        <translation>同じデータ・同じシードで 2 つのネットワークを学習し、曲線を重ねて表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="195"/>
        <source>The network in the editor</source>
        <translation>エディタのネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="198"/>
        <source>Network A</source>
        <translation>ネットワーク A</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="199"/>
        <source>Network B</source>
        <translation>ネットワーク B</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="200"/>
        <source>Deep sigmoid vs deep ReLU</source>
        <translation>深いシグモイド 対 深い ReLU</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="201"/>
        <source>Trains the two 8-layer templates on the same data and seed: watch the sigmoid network&apos;s first layers stop learning.</source>
        <translation>8 層の 2 つのテンプレートを同じデータ・同じシードで学習します。シグモイドのネットワークでは最初の層が学習しなくなる様子が見えます。</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="270"/>
        <location filename="../../gui/training/settings.py" line="281"/>
        <source>(no file)</source>
        <translation>（ファイルなし）</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="276"/>
        <source>(no folder)</source>
        <translation>（フォルダなし）</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="395"/>
        <source>Open CSV data</source>
        <translation>CSV データを開く</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="395"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV ファイル (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="401"/>
        <source>Folder of pictures (one subfolder per class)</source>
        <translation>画像のフォルダ（クラスごとにサブフォルダ）</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="406"/>
        <source>Open a text file</source>
        <translation>テキストファイルを開く</translation>
    </message>
    <message>
        <location filename="../../gui/training/settings.py" line="407"/>
        <source>Text files (*.txt *.md *.py *.csv);;All files (*)</source>
        <translation>テキストファイル (*.txt *.md *.py *.csv);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>TextSession</name>
    <message>
        <location filename="../../gui/training/text_session.py" line="59"/>
        <source>The trained network cannot write: {0}</source>
        <translation>学習済みのネットワークで文章を書けません: {0}</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../gui/training/page.py" line="137"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="82"/>
        <source>x axis: step</source>
        <translation>横軸: ステップ</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="83"/>
        <source>x axis: epoch</source>
        <translation>横軸: エポック</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="201"/>
        <source>Lesson set-up: {0}</source>
        <translation>レッスンの設定：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="220"/>
        <source>Reading {0}…</source>
        <translation>{0} を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="236"/>
        <source>Another training run is still using the training process.</source>
        <translation>別の学習がまだ学習プロセスを使っています。</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="241"/>
        <source>No data.</source>
        <translation>データがありません。</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="280"/>
        <source>Reset: the next start begins from fresh random weights.</source>
        <translation>リセットしました。次の開始は新しいランダムな重みから始まります。</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="386"/>
        <source>New data: the next start begins from fresh random weights.</source>
        <translation>データが変わりました。次の開始は新しいランダムな重みから始まります。</translation>
    </message>
    <message>
        <location filename="../../gui/training/page.py" line="473"/>
        <source>The network changed: the next start begins from fresh random weights.</source>
        <translation>ネットワークが変わりました。次の開始は新しいランダムな重みから始まります。</translation>
    </message>
</context>
</TS>
