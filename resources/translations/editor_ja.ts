<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CodeView</name>
    <message>
        <location filename="../../gui/editor/code_view.py" line="142"/>
        <source>Save this code as a Python file you can run with python.</source>
        <translation>このコードを python で実行できる Python ファイルとして保存します。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="143"/>
        <source>Fix the errors in the network first: the code cannot be built yet.</source>
        <translation>先にネットワークのエラーを直してください。まだコードを作れません。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="181"/>
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="186"/>
        <location filename="../../gui/editor/code_view.py" line="194"/>
        <source>Export PyTorch code</source>
        <translation>PyTorch コードを書き出す</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="187"/>
        <source>Python files (*.py)</source>
        <translation>Python ファイル (*.py)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="195"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} は既にあります。置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="200"/>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="208"/>
        <source>Could not write {0}: {1}</source>
        <translation>{0} に書き込めませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="209"/>
        <source>Exported to {0}</source>
        <translation>{0} に書き出しました</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="214"/>
        <source>PyTorch code</source>
        <translation>PyTorch コード</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="215"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="216"/>
        <source>Copy the code to the clipboard</source>
        <translation>コードをクリップボードにコピーします</translation>
    </message>
    <message>
        <location filename="../../gui/editor/code_view.py" line="217"/>
        <source>Export .py…</source>
        <translation>.py を書き出す…</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../../gui/editor/page.py" line="127"/>
        <source>Start from template: {0}</source>
        <translation>テンプレートから開始: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="154"/>
        <source>Start from template ▾</source>
        <translation>テンプレートから始める ▾</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="155"/>
        <source>Replace the network by a ready-made one (undo brings yours back)</source>
        <translation>ネットワークを用意されたものに置き換えます (元に戻すで今のネットワークに戻せます)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="162"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="163"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../gui/editor/page.py" line="164"/>
        <source>Layers</source>
        <translation>層</translation>
    </message>
</context>
<context>
    <name>InputShapeEditor</name>
    <message>
        <location filename="../../gui/editor/inspector.py" line="385"/>
        <source>Type whole numbers separated by commas, e.g. 2 or 1, 28, 28</source>
        <translation>整数をカンマ区切りで入力してください (例: 2 や 1, 28, 28)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="398"/>
        <source>Input shape:</source>
        <translation>入力の形:</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="399"/>
        <source>Numbers per sample, without the batch dimension B (e.g. 2 for points in the plane). Press Enter to apply.</source>
        <translation>1 サンプルあたりの数 (バッチ次元 B は含めません。平面上の点なら 2)。Enter で反映します。</translation>
    </message>
</context>
<context>
    <name>LayerInspector</name>
    <message>
        <location filename="../../gui/editor/inspector.py" line="287"/>
        <source>Shape: &lt;code&gt;{0}&lt;/code&gt; → &lt;code&gt;{1}&lt;/code&gt;</source>
        <translation>形: &lt;code&gt;{0}&lt;/code&gt; → &lt;code&gt;{1}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="289"/>
        <source>Learnable parameters: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>学習するパラメータ数: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="291"/>
        <source>(model[{0}] in the code)</source>
        <translation>(コードでは model[{0}])</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="304"/>
        <source>How to build a network</source>
        <translation>ネットワークの作り方</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="306"/>
        <source>Drag a layer from the palette onto the network, where you want it.</source>
        <translation>パレットから層をドラッグして、ネットワークの置きたい位置にドロップします。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="307"/>
        <source>Click a block to see what it does and to edit its parameters here.</source>
        <translation>ブロックをクリックすると、その働きが表示され、ここでパラメータを編集できます。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="308"/>
        <source>Drag a block to move it; Delete removes it; Ctrl+↑/↓ moves it too.</source>
        <translation>ブロックはドラッグで移動、Delete で削除。Ctrl+↑/↓ でも移動できます。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="309"/>
        <source>Click the Input block to change the input shape.</source>
        <translation>入力の形を変えるには「入力」ブロックをクリックします。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="310"/>
        <source>Every edit can be undone with Ctrl+Z.</source>
        <translation>どの編集も Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="311"/>
        <source>Parameters</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="312"/>
        <source>This layer has nothing to set: it has no parameters of its own.</source>
        <translation>この層には設定する項目がありません (自身のパラメータを持ちません)。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="313"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="314"/>
        <source>Remove this layer from the network (Delete)</source>
        <translation>この層をネットワークから削除します (Delete)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/inspector.py" line="326"/>
        <source>Allowed: {0}</source>
        <translation>範囲: {0}</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <location filename="../../gui/editor/canvas.py" line="177"/>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="178"/>
        <source>one sample = {0} numbers</source>
        <translation>1 サンプル = {0} 個の数</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="180"/>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="181"/>
        <source>model(x) returns this</source>
        <translation>model(x) が返すもの</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="249"/>
        <source>Drop layers here from the palette</source>
        <translation>パレットから層をここにドロップ</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="299"/>
        <source>? parameters</source>
        <translation>パラメータ数 ?</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="301"/>
        <source>{0} parameters</source>
        <translation>パラメータ {0} 個</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="301"/>
        <source>no parameters</source>
        <translation>パラメータなし</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="356"/>
        <source>The network&apos;s input. B is the batch size: how many samples go through at once.</source>
        <translation>ネットワークの入力。B はバッチサイズ (一度に流すサンプルの数) です。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="358"/>
        <source>What the network returns for a batch of B samples.</source>
        <translation>B 個のサンプルからなるバッチに対してネットワークが返すもの。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="378"/>
        <source>Unknown shape: a layer above has an error.</source>
        <translation>形が分かりません: 上の層にエラーがあります。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="379"/>
        <source>A tensor of shape {0}: B samples, each made of {1} numbers.</source>
        <translation>形 {0} のテンソル: B 個のサンプルで、それぞれ {1} 個の数です。</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="413"/>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="415"/>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <location filename="../../gui/editor/canvas.py" line="418"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>NetworkDocument</name>
    <message>
        <location filename="../../gui/editor/document.py" line="112"/>
        <source>Change input shape</source>
        <translation>入力の形を変更</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="209"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="217"/>
        <source>Add {0}</source>
        <translation>{0} を追加</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="229"/>
        <source>Delete {0}</source>
        <translation>{0} を削除</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="241"/>
        <source>Move {0}</source>
        <translation>{0} を移動</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="255"/>
        <source>Change {0} of {1}</source>
        <translation>{1} の {0} を変更</translation>
    </message>
</context>
<context>
    <name>NetworkSummary</name>
    <message>
        <location filename="../../gui/editor/summary.py" line="29"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; layers</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 層</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="29"/>
        <source>&lt;b&gt;1&lt;/b&gt; layer</source>
        <translation>&lt;b&gt;1&lt;/b&gt; 層</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="30"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; parameters in total</source>
        <translation>パラメータ合計 &lt;b&gt;{0}&lt;/b&gt; 個</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="31"/>
        <source>output {0}</source>
        <translation>出力 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="34"/>
        <source>1 error</source>
        <translation>エラー 1 件</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="34"/>
        <source>{0} errors</source>
        <translation>エラー {0} 件</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="37"/>
        <source>1 warning</source>
        <translation>警告 1 件</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="37"/>
        <source>{0} warnings</source>
        <translation>警告 {0} 件</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="40"/>
        <source>no problems</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <location filename="../../gui/editor/summary.py" line="48"/>
        <source>Blocks with a problem are outlined; point at one to read why.</source>
        <translation>問題のあるブロックは枠で囲まれています。マウスを乗せると理由が表示されます。</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../gui/editor/palette.py" line="105"/>
        <source>Filter layers…</source>
        <translation>層を絞り込む…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/palette.py" line="106"/>
        <source>Drag a layer into the network, or double-click it to add it at the end.</source>
        <translation>層をネットワークにドラッグするか、ダブルクリックで末尾に追加します。</translation>
    </message>
</context>
<context>
    <name>ShapeLegend</name>
    <message>
        <location filename="../../gui/editor/summary.py" line="72"/>
        <source>&lt;code&gt;(B, 64)&lt;/code&gt;: a batch of B samples, 64 numbers each. B is the batch size; it is left open because any B works.</source>
        <translation>&lt;code&gt;(B, 64)&lt;/code&gt;: B 個のサンプルで、それぞれ 64 個の数。B はバッチサイズで、どんな B でも動くので決めずにおきます。</translation>
    </message>
</context>
</TS>
