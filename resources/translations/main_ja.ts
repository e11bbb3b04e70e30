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
        <location filename="../../gui/common/job_bar.py" line="44"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="59"/>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="60"/>
        <source>Network editor</source>
        <translation>ネットワークエディタ</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="61"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="62"/>
        <source>Addition solver</source>
        <translation>足し算ソルバー</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="72"/>
        <source>Ready. Drag layers from the palette to build a network.</source>
        <translation>準備完了。パレットから層をドラッグしてネットワークを組み立てましょう。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="81"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="82"/>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="83"/>
        <source>New from &amp;template</source>
        <translation>テンプレートから新規(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="89"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="90"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="93"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="94"/>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="96"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="98"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="99"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="107"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="113"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>&amp;About</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="149"/>
        <source>{0}: {1} Each layer shows its shapes and parameter count; Ctrl+Z brings your previous network back.</source>
        <translation>{0}：{1} 各層に形状とパラメータ数が表示されます。Ctrl+Z で前のネットワークに戻せます。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="159"/>
        <source>Unknown lesson action: {0}</source>
        <translation>不明なレッスン操作です: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="169"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="170"/>
        <source>“{0}” has unsaved changes. Save them first?</source>
        <translation>「{0}」には保存されていない変更があります。先に保存しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="180"/>
        <source>New network</source>
        <translation>新しいネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="193"/>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194"/>
        <location filename="../../gui/main_window.py" line="226"/>
        <source>Projects ({0})</source>
        <translation>プロジェクト ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="207"/>
        <source>Cannot open project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="210"/>
        <source>Opened {0}</source>
        <translation>{0} を開きました</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="225"/>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>Save project</source>
        <translation>プロジェクトを保存</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="238"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} は既にあります。置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="246"/>
        <source>Cannot save project</source>
        <translation>プロジェクトを保存できません</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="247"/>
        <source>Saving to {0} failed: {1}
Your work is still open.</source>
        <translation>{0} への保存に失敗しました: {1}
作業内容はそのまま開いています。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="251"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="262"/>
        <source>The app did not close normally last time. Unsaved changes to {0} were autosaved at {1}. Restore them?</source>
        <translation>前回アプリが正常に終了しませんでした。{0} の未保存の変更が {1} に自動保存されています。復元しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265"/>
        <source>The app did not close normally last time. A network that was never saved was autosaved at {0}. Restore it?</source>
        <translation>前回アプリが正常に終了しませんでした。一度も保存されていないネットワークが {0} に自動保存されています。復元しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="267"/>
        <location filename="../../gui/main_window.py" line="280"/>
        <source>Recover unsaved work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="269"/>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="284"/>
        <source>Restored the autosaved work; save it to keep it.</source>
        <translation>自動保存された作業を復元しました。残すには保存してください。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="311"/>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="318"/>
        <source>Clear list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="335"/>
        <location filename="../../gui/main_window.py" line="353"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="336"/>
        <source>The new language is used from the next start of the app. Restart now?</source>
        <translation>新しい言語は次にアプリを起動したときから使われます。今すぐ再起動しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="338"/>
        <source>Restart now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="339"/>
        <source>Later</source>
        <translation>あとで</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="353"/>
        <source>The app could not restart itself; please start it again.</source>
        <translation>アプリを自動で再起動できませんでした。もう一度起動してください。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="360"/>
        <source>About</source>
        <translation>このアプリについて</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="361"/>
        <source>&lt;b&gt;PyTorch Learning Lab&lt;/b&gt;&lt;br&gt;Build networks from layers, train them live and watch their gradients, and ask a Seq2Seq model to add.</source>
        <translation>&lt;b&gt;PyTorch 学習ラボ&lt;/b&gt;&lt;br&gt;層を組み合わせてネットワークを作り、ライブで学習させて勾配を観察し、Seq2Seq モデルに足し算をさせましょう。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="370"/>
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
