<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CanvasEditing</name>
    <message>
        <location filename="../../gui/editor/canvas_edit.py" line="64"/>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_edit.py" line="66"/>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_edit.py" line="69"/>
        <source>Wrap in a residual block</source>
        <translation>残差ブロックで囲む</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_edit.py" line="70"/>
        <source>Wrap in a concatenate block (path A)</source>
        <translation>連結ブロックで囲む (経路 A)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_edit.py" line="72"/>
        <source>Unwrap: keep the layers, remove the block</source>
        <translation>囲みを外す: 層を残してブロックを削除</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_edit.py" line="73"/>
        <source>Expand</source>
        <translation>展開</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_edit.py" line="73"/>
        <source>Collapse</source>
        <translation>折りたたむ</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_edit.py" line="76"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>CanvasPainting</name>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="59"/>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="59"/>
        <source>one sample = {0} numbers</source>
        <translation>1 サンプル = {0} 個の数</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="63"/>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="63"/>
        <source>model(x) returns this</source>
        <translation>model(x) が返すもの</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="65"/>
        <source>Drop layers here from the palette</source>
        <translation>パレットから層をここにドロップ</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="67"/>
        <source>Drop layers into this block</source>
        <translation>ここに層をドロップしてブロックに入れます</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="230"/>
        <source>path A</source>
        <translation>経路 A</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="230"/>
        <source>path B</source>
        <translation>経路 B</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="316"/>
        <source>? parameters</source>
        <translation>パラメータ数 ?</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="318"/>
        <source>{0} parameters</source>
        <translation>パラメータ {0} 個</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="318"/>
        <source>no parameters</source>
        <translation>パラメータなし</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="353"/>
        <source>{0} inside</source>
        <translation>中に {0} 個</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="361"/>
        <source>Residual block</source>
        <translation>残差ブロック</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="361"/>
        <source>Concatenate</source>
        <translation>連結 (Concatenate)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas_paint.py" line="381"/>
        <source>shapes do not fit</source>
        <translation>形が合いません</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <location filename="../../gui/editor/code_view.py" line="168"/>
        <source>Save this code as a Python file you can run with python.</source>
        <translation>このコードを python で実行できる Python ファイルとして保存します。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="169"/>
        <source>Fix the errors in the network first: the code cannot be built yet.</source>
        <translation>先にネットワークのエラーを直してください。まだコードを作れません。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="197"/>
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="202"/>
        <location filename="../../gui/editor/code_view.py" line="210"/>
        <source>Export PyTorch code</source>
        <translation>PyTorch コードを書き出す</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="203"/>
        <source>Python files (*.py)</source>
        <translation>Python ファイル (*.py)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="211"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} は既にあります。置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="216"/>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="224"/>
        <source>Could not write {0}: {1}</source>
        <translation>{0} に書き込めませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="225"/>
        <source>Exported to {0}</source>
        <translation>{0} に書き出しました</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="230"/>
        <source>PyTorch code</source>
        <translation>PyTorch コード</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="231"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="232"/>
        <source>Copy the code to the clipboard</source>
        <translation>コードをクリップボードにコピーします</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="233"/>
        <source>Export .py…</source>
        <translation>.py を書き出す…</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../../gui/editor/page.py" line="128"/>
        <source>Start from template: {0}</source>
        <translation>テンプレートから開始: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="151"/>
        <source>Start from template ▾</source>
        <translation>テンプレートから始める ▾</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="152"/>
        <source>Replace the network by a ready-made one (undo brings yours back)</source>
        <translation>ネットワークを用意されたものに置き換えます (元に戻すで今のネットワークに戻せます)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="159"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="160"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="161"/>
        <source>Layers</source>
        <translation>層</translation>
    </message>
</context>
<context>
    <name>InputShapeEditor</name>
    <message>
        <location filename="../../gui/editor/input_shape.py" line="64"/>
        <source>Type whole numbers separated by commas, e.g. 2 or 1, 28, 28</source>
        <translation>整数をカンマ区切りで入力してください (例: 2 や 1, 28, 28)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/input_shape.py" line="77"/>
        <source>Input shape:</source>
        <translation>入力の形:</translation>
    </message>
    <message>
        <location filename="../../gui/editor/input_shape.py" line="78"/>
        <source>Numbers per sample, without the batch dimension B (e.g. 2 for points in the plane). Press Enter to apply.</source>
        <translation>1 サンプルあたりの数 (バッチ次元 B は含めません。平面上の点なら 2)。Enter で反映します。</translation>
    </message>
</context>
<context>
    <name>LayerInspector</name>
    <message>
        <location filename="../../gui/editor/inspector.py" line="271"/>
        <source>Shape: &lt;code&gt;{0}&lt;/code&gt; → &lt;code&gt;{1}&lt;/code&gt;</source>
        <translation>形: &lt;code&gt;{0}&lt;/code&gt; → &lt;code&gt;{1}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="275"/>
        <source>Residual block</source>
        <translation>残差ブロック</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="275"/>
        <source>Concatenate</source>
        <translation>連結 (Concatenate)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="277"/>
        <source>Block</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="283"/>
        <source>f(x): &lt;code&gt;{0}&lt;/code&gt;, added to x &lt;code&gt;{1}&lt;/code&gt;</source>
        <translation>f(x): &lt;code&gt;{0}&lt;/code&gt; を x &lt;code&gt;{1}&lt;/code&gt; に足す</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="287"/>
        <source>path A: &lt;code&gt;{0}&lt;/code&gt;, path B: &lt;code&gt;{1}&lt;/code&gt;</source>
        <translation>経路 A: &lt;code&gt;{0}&lt;/code&gt;、経路 B: &lt;code&gt;{1}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="290"/>
        <source>{0} layers and blocks inside, &lt;b&gt;{1}&lt;/b&gt; parameters</source>
        <translation>中の層とブロック {0} 個、パラメータ &lt;b&gt;{1}&lt;/b&gt; 個</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="292"/>
        <location filename="../../gui/editor/inspector.py" line="305"/>
        <source>({0} in the code)</source>
        <translation>(コードでは {0})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="296"/>
        <source>Remove this block and everything inside it (Delete)</source>
        <translation>このブロックを中身ごと削除します (Delete)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="304"/>
        <source>Learnable parameters: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>学習するパラメータ数: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="319"/>
        <source>How to build a network</source>
        <translation>ネットワークの作り方</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="321"/>
        <source>Drag a layer from the palette onto the network, where you want it.</source>
        <translation>パレットから層をドラッグして、ネットワークの置きたい位置にドロップします。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="322"/>
        <source>Click a block to see what it does and to edit its parameters here.</source>
        <translation>ブロックをクリックすると、その働きが表示され、ここでパラメータを編集できます。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="323"/>
        <source>Drag a block to move it; Delete removes it; Ctrl+↑/↓ moves it too.</source>
        <translation>ブロックはドラッグで移動、Delete で削除。Ctrl+↑/↓ でも移動できます。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="324"/>
        <source>Blocks (at the end of the palette) hold layers: drop layers into a residual or concatenate block; ▾ folds it to one line.</source>
        <translation>ブロック (パレットの最後) は層を入れる入れ物です。残差ブロックや連結ブロックに層をドロップします。▾ で 1 行に折りたためます。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="326"/>
        <source>Click the Input block to change the input shape.</source>
        <translation>入力の形を変えるには「入力」ブロックをクリックします。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="327"/>
        <source>Every edit can be undone with Ctrl+Z.</source>
        <translation>どの編集も Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="328"/>
        <source>Parameters</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="329"/>
        <source>This layer has nothing to set: it has no parameters of its own.</source>
        <translation>この層には設定する項目がありません (自身のパラメータを持ちません)。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="330"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="310"/>
        <source>Remove this layer from the network (Delete)</source>
        <translation>この層をネットワークから削除します (Delete)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="342"/>
        <source>Allowed: {0}</source>
        <translation>範囲: {0}</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <location filename="../../gui/editor/canvas.py" line="253"/>
        <source>The network&apos;s input. B is the batch size: how many samples go through at once.</source>
        <translation>ネットワークの入力。B はバッチサイズ (一度に流すサンプルの数) です。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="255"/>
        <source>What the network returns for a batch of B samples.</source>
        <translation>B 個のサンプルからなるバッチに対してネットワークが返すもの。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="278"/>
        <source>Unknown shape: a layer above has an error.</source>
        <translation>形が分かりません: 上の層にエラーがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="279"/>
        <source>A tensor of shape {0}: B samples, each made of {1} numbers.</source>
        <translation>形 {0} のテンソル: B 個のサンプルで、それぞれ {1} 個の数です。</translation>
    </message>
</context>
<context>
    <name>NetworkDocument</name>
    <message>
        <location filename="../../gui/editor/document.py" line="179"/>
        <source>Wrap in {0}</source>
        <translation>{0} で囲む</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="193"/>
        <source>Unwrap {0}</source>
        <translation>{0} の囲みを外す</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="200"/>
        <source>Blocks can be nested at most {0} deep: this one would go deeper.</source>
        <translation>ブロックの入れ子は {0} 段までです。この操作ではそれより深くなります。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="223"/>
        <source>Change input shape</source>
        <translation>入力の形を変更</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="335"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="343"/>
        <source>Add {0}</source>
        <translation>{0} を追加</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="355"/>
        <source>Delete {0}</source>
        <translation>{0} を削除</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="369"/>
        <source>Move {0}</source>
        <translation>{0} を移動</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="387"/>
        <source>Change {0} of {1}</source>
        <translation>{1} の {0} を変更</translation>
    </message>
</context>
<context>
    <name>NetworkSummary</name>
    <message>
        <location filename="../../gui/editor/summary.py" line="33"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; layers</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 層</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="33"/>
        <source>&lt;b&gt;1&lt;/b&gt; layer</source>
        <translation>&lt;b&gt;1&lt;/b&gt; 層</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="35"/>
        <source>in &lt;b&gt;1&lt;/b&gt; block</source>
        <translation>(ブロック &lt;b&gt;1&lt;/b&gt; 個)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="36"/>
        <source>in &lt;b&gt;{0}&lt;/b&gt; blocks</source>
        <translation>(ブロック &lt;b&gt;{0}&lt;/b&gt; 個)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="37"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; parameters in total</source>
        <translation>パラメータ合計 &lt;b&gt;{0}&lt;/b&gt; 個</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="38"/>
        <source>output {0}</source>
        <translation>出力 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="41"/>
        <source>1 error</source>
        <translation>エラー 1 件</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="41"/>
        <source>{0} errors</source>
        <translation>エラー {0} 件</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="44"/>
        <source>1 warning</source>
        <translation>警告 1 件</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="44"/>
        <source>{0} warnings</source>
        <translation>警告 {0} 件</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="47"/>
        <source>no problems</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="55"/>
        <source>Blocks with a problem are outlined; point at one to read why.</source>
        <translation>問題のあるブロックは枠で囲まれています。マウスを乗せると理由が表示されます。</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../gui/editor/palette.py" line="118"/>
        <source>Filter layers…</source>
        <translation>層を絞り込む…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/palette.py" line="119"/>
        <source>Drag a layer into the network, or double-click it to add it at the end.</source>
        <translation>層をネットワークにドラッグするか、ダブルクリックで末尾に追加します。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/palette.py" line="123"/>
        <source>Blocks</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <location filename="../../gui/editor/palette.py" line="134"/>
        <source>Residual block</source>
        <translation>残差ブロック</translation>
    </message>
    <message>
        <location filename="../../gui/editor/palette.py" line="134"/>
        <source>Concatenate</source>
        <translation>連結 (Concatenate)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/palette.py" line="139"/>
        <source>Drag layers into the block once it is in the network.</source>
        <translation>ネットワークに置いたら、層をブロックの中にドラッグします。</translation>
    </message>
</context>
<context>
    <name>ShapeLegend</name>
    <message>
        <location filename="../../gui/editor/summary.py" line="78"/>
        <source>Blocks</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="79"/>
        <source>skip path</source>
        <translation>スキップ経路</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="81"/>
        <source>&lt;code&gt;(B, 64)&lt;/code&gt;: a batch of B samples, 64 numbers each. B is the batch size; it is left open because any B works.</source>
        <translation>&lt;code&gt;(B, 64)&lt;/code&gt;: B 個のサンプルで、それぞれ 64 個の数。B はバッチサイズで、どんな B でも動くので決めずにおきます。</translation>
    </message>
</context>
</TS>
