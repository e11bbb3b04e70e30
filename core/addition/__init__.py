"""Addition solvers: the textbook's Seq2Seq (ch. 8.8) and a GPT-style Transformer that learn to add.

Pure PyTorch + numpy. The pieces, in the order data flows through them:

- ``tokenizer``: characters <-> token ids, questions ``"123+45"`` and answers ``"168"``.
- ``data``: uniform operand pairs, disjoint train/test splits, carry counts.
- ``model``: the encoder-decoder (GRU/LSTM, reversed input/answer, Peeky, attention).
- ``metrics``: exact match, per-digit accuracy, accuracy by number of carries.
- ``train``: a small trainer class with cooperative pause/stop and plain events.
- ``prompt``: parsing what a person typed, with a specific message for each mistake.
- ``solver``: a loaded model that answers prompts and shows each decoding step.
- ``checkpoint``: saving/loading (``torch.load(weights_only=True)``) and the shipped models.
- ``transformer``: the decoder-only Transformer over "a+b=" (answer ones digit first, coupled
  positions as a switch); ``transformer_train``: its training recipe (the task is ``core.tasks.addition``).
- ``models``: the kinds of model (Seq2Seq, Transformer), one entry each.
- ``length``: length generalisation (train on 1-5 digits, test on 6-8).
- ``cli``: ``python -m core.addition solve|evaluate|length``; ``cli_train``: its ``train`` command.
"""
