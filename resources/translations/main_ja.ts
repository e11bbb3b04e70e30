<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../gui/common/errors.py" line="80"/>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location filename="../../gui/common/errors.py" line="81"/>
        <source>Something went wrong inside the app. Your work is still open; you can go on, and saving it now is a good idea.</source>
        <translation>アプリの内部で問題が起きました。作業内容は開いたままです。このまま続けられますが、今のうちに保存することをおすすめします。</translation>
    </message>
    <message>
        <location filename="../../gui/common/errors.py" line="84"/>
        <source>(no log file)</source>
        <translation>（ログファイルなし）</translation>
    </message>
    <message>
        <location filename="../../gui/common/errors.py" line="85"/>
        <source>Log file: {0}</source>
        <translation>ログファイル: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/errors.py" line="86"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../../gui/common/job_bar.py" line="49"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>LayerHeadPicker</name>
    <message>
        <location filename="../../gui/common/heatmap.py" line="105"/>
        <source>Head:</source>
        <translation>ヘッド:</translation>
    </message>
    <message>
        <location filename="../../gui/common/heatmap.py" line="114"/>
        <source>mean of the heads</source>
        <translation>ヘッドの平均</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="78"/>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="78"/>
        <source>Network editor</source>
        <translation>ネットワークエディタ</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="78"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="79"/>
        <source>Addition solver</source>
        <translation>足し算ソルバー</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="70"/>
        <source>Ready. Drag layers from the palette to build a network.</source>
        <translation>準備完了。パレットから層をドラッグしてネットワークを組み立てましょう。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="83"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="84"/>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="85"/>
        <source>New from &amp;template</source>
        <translation>テンプレートから新規(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="91"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="92"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="95"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="96"/>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="98"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="100"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="103"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="109"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126"/>
        <source>&amp;About</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="152"/>
        <source>{0}: {1} Each layer shows its shapes and parameter count; Ctrl+Z brings your previous network back.</source>
        <translation>{0}：{1} 各層に形状とパラメータ数が表示されます。Ctrl+Z で前のネットワークに戻せます。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="161"/>
        <source>Press “Run the comparison”: the textbook&apos;s models train one after another on the same problems; watch their exact-match curves and the table.</source>
        <translation>「比較を実行」を押してください。教科書のモデルが同じ問題で順に学習します。完全一致率の曲線と表に注目しましょう。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="165"/>
        <source>Type a sum such as 123+45 and press Enter: the table shows how the decoder wrote each digit, and with what probability.</source>
        <translation>123+45 のような足し算を入力して Enter を押してください。表には、デコーダが各桁をどの確率で書いたかが表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="169"/>
        <source>Unknown lesson action: {0}</source>
        <translation>不明なレッスン操作です: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="179"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="180"/>
        <source>“{0}” has unsaved changes. Save them first?</source>
        <translation>「{0}」には保存されていない変更があります。先に保存しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190"/>
        <source>New network</source>
        <translation>新しいネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="203"/>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="204"/>
        <location filename="../../gui/main_window.py" line="236"/>
        <source>Projects ({0})</source>
        <translation>プロジェクト ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="217"/>
        <source>Cannot open project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="220"/>
        <source>Opened {0}</source>
        <translation>{0} を開きました</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="235"/>
        <location filename="../../gui/main_window.py" line="247"/>
        <source>Save project</source>
        <translation>プロジェクトを保存</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="248"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} は既にあります。置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>Cannot save project</source>
        <translation>プロジェクトを保存できません</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="257"/>
        <source>Saving to {0} failed: {1}
Your work is still open.</source>
        <translation>{0} への保存に失敗しました: {1}
作業内容はそのまま開いています。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="261"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="272"/>
        <source>The app did not close normally last time. Unsaved changes to {0} were autosaved at {1}. Restore them?</source>
        <translation>前回アプリが正常に終了しませんでした。{0} の未保存の変更が {1} に自動保存されています。復元しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="275"/>
        <source>The app did not close normally last time. A network that was never saved was autosaved at {0}. Restore it?</source>
        <translation>前回アプリが正常に終了しませんでした。一度も保存されていないネットワークが {0} に自動保存されています。復元しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="277"/>
        <location filename="../../gui/main_window.py" line="290"/>
        <source>Recover unsaved work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="278"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="279"/>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="294"/>
        <source>Restored the autosaved work; save it to keep it.</source>
        <translation>自動保存された作業を復元しました。残すには保存してください。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="321"/>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="328"/>
        <source>Clear list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="357"/>
        <location filename="../../gui/main_window.py" line="368"/>
        <location filename="../../gui/main_window.py" line="419"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="358"/>
        <source>Stop the training first, then switch the language.</source>
        <translation>先に学習を止めてから、言語を切り替えてください。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="362"/>
        <source>The addition panel is rebuilt in the new language: the model you trained there is lost unless you save it first. Switch now?</source>
        <translation>足し算パネルは新しい言語で作り直されます。そこで学習させたモデルは、先に保存しないと失われます。今切り替えますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="365"/>
        <source>The Training page is rebuilt in the new language: the plots and samples of your last run are cleared (the trained weights and the settings stay). Switch now?</source>
        <translation>学習ページは新しい言語で作り直されます。前回の学習のグラフとサンプルは消えます（学習済みの重みと設定は残ります）。今切り替えますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="392"/>
        <source>Language: English</source>
        <translation>言語: 英語</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="392"/>
        <source>Language: Japanese</source>
        <translation>言語: 日本語</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="419"/>
        <source>The app could not restart itself; please start it again.</source>
        <translation>アプリを自動で再起動できませんでした。もう一度起動してください。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="426"/>
        <source>About</source>
        <translation>このアプリについて</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="427"/>
        <source>&lt;b&gt;PyTorch Learning Lab&lt;/b&gt;&lt;br&gt;Build networks from layers, train them live and watch their gradients, and ask a Seq2Seq model to add.</source>
        <translation>&lt;b&gt;PyTorch 学習ラボ&lt;/b&gt;&lt;br&gt;層を組み合わせてネットワークを作り、ライブで学習させて勾配を観察し、Seq2Seq モデルに足し算をさせましょう。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="436"/>
        <source>{0}[*] — PyTorch Learning Lab</source>
        <translation>{0}[*] — PyTorch 学習ラボ</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gui/main_window.py" line="31"/>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="31"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <location filename="../../gui/common/splash.py" line="18"/>
        <source>Starting…</source>
        <translation>起動しています…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../main.py" line="98"/>
        <source>Loading PyTorch…</source>
        <translation>PyTorch を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="105"/>
        <source>Loading the plots…</source>
        <translation>グラフ機能を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="109"/>
        <source>Building the window…</source>
        <translation>ウィンドウを作成しています…</translation>
    </message>
</context>
</TS>
