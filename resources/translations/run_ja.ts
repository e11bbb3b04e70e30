<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>RunControls</name>
    <message>
        <location filename="../../gui/run/controls.py" line="26"/>
        <source>▶ Start</source>
        <translation>▶ 開始</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="27"/>
        <location filename="../../gui/run/controls.py" line="91"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="28"/>
        <source>Step (1 batch)</source>
        <translation>1 ステップ（1 バッチ）</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="29"/>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="30"/>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="31"/>
        <source>Train; after Stop, continues from the trained weights</source>
        <translation>学習します。停止後は学習済みの重みから続けます</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="32"/>
        <source>Forget the trained weights and clear the plots</source>
        <translation>学習済みの重みを捨ててグラフを消去します</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="91"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="110"/>
        <source>step %v of %m</source>
        <translation>ステップ %v / %m</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="127"/>
        <source>{0} steps/s · elapsed {1}</source>
        <translation>{0} ステップ/秒 · 経過 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="129"/>
        <source>remaining {0}</source>
        <translation>残り {0}</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="131"/>
        <source>epoch {0}</source>
        <translation>エポック {0}</translation>
    </message>
    <message>
        <location filename="../../gui/run/controls.py" line="133"/>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
</context>
<context>
    <name>_Relay</name>
    <message>
        <location filename="../../gui/run/controller.py" line="67"/>
        <source>The training process ended unexpectedly.</source>
        <translation>学習プロセスが予期せず終了しました。</translation>
    </message>
    <message>
        <location filename="../../gui/run/controller.py" line="81"/>
        <source>The training process ended unexpectedly ({0}).</source>
        <translation>学習プロセスが予期せず終了しました ({0})。</translation>
    </message>
</context>
</TS>
