<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="47"/>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="48"/>
        <source>Network editor</source>
        <translation>ネットワークエディタ</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="49"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="50"/>
        <source>Addition solver</source>
        <translation>足し算ソルバー</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="59"/>
        <source>Ready. Drag layers from the palette to build a network.</source>
        <translation>準備完了。パレットから層をドラッグしてネットワークを組み立てましょう。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="68"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="69"/>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="70"/>
        <source>New from &amp;template</source>
        <translation>テンプレートから新規(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="76"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="77"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="80"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="81"/>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="83"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="85"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="86"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="88"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="94"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="100"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111"/>
        <source>&amp;About</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="142"/>
        <source>Unknown lesson action: {0}</source>
        <translation>不明なレッスン操作です: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="152"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>“{0}” has unsaved changes. Save them first?</source>
        <translation>「{0}」には保存されていない変更があります。先に保存しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="163"/>
        <source>New network</source>
        <translation>新しいネットワーク</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="176"/>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="177"/>
        <location filename="../../gui/main_window.py" line="207"/>
        <source>Projects ({0})</source>
        <translation>プロジェクト ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188"/>
        <source>Cannot open project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="191"/>
        <source>Opened {0}</source>
        <translation>{0} を開きました</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="206"/>
        <location filename="../../gui/main_window.py" line="218"/>
        <source>Save project</source>
        <translation>プロジェクトを保存</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="219"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} は既にあります。置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="227"/>
        <source>Cannot save project</source>
        <translation>プロジェクトを保存できません</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="228"/>
        <source>Saving to {0} failed: {1}
Your work is still open.</source>
        <translation>{0} への保存に失敗しました: {1}
作業内容はそのまま開いています。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="232"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263"/>
        <source>Clear list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="280"/>
        <location filename="../../gui/main_window.py" line="298"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="281"/>
        <source>The new language is used from the next start of the app. Restart now?</source>
        <translation>新しい言語は次にアプリを起動したときから使われます。今すぐ再起動しますか？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="283"/>
        <source>Restart now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="284"/>
        <source>Later</source>
        <translation>あとで</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="298"/>
        <source>The app could not restart itself; please start it again.</source>
        <translation>アプリを自動で再起動できませんでした。もう一度起動してください。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="305"/>
        <source>About</source>
        <translation>このアプリについて</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="306"/>
        <source>&lt;b&gt;PyTorch Learning Lab&lt;/b&gt;&lt;br&gt;Build networks from layers, train them live and watch their gradients, and ask a Seq2Seq model to add.</source>
        <translation>&lt;b&gt;PyTorch 学習ラボ&lt;/b&gt;&lt;br&gt;層を組み合わせてネットワークを作り、ライブで学習させて勾配を観察し、Seq2Seq モデルに足し算をさせましょう。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="311"/>
        <source>{0}[*] — PyTorch Learning Lab</source>
        <translation>{0}[*] — PyTorch 学習ラボ</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gui/main_window.py" line="28"/>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="28"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
</TS>
