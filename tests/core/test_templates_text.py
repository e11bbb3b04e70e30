"""The text templates: the tiny GPT (pre-LN blocks in residual blocks) and the character RNN."""
import os
import subprocess
import sys

import torch

from core.analysis import analyse
from core.build import build, to_code
from core.data.text import from_text
from core.spec import RESIDUAL, BlockSpec
from core.tasks.text import TextTask, fit_to_corpus
from core.templates import TEMPLATES, TEXT_CONTEXT, tiny_gpt


def test_tiny_gpt_is_the_gpt2_shape_in_miniature():
    spec = TEMPLATES["tiny_gpt"].make()
    kinds = [n.kind for n in spec.layers]
    assert kinds == ["Embedding", "PositionalEmbedding", RESIDUAL, RESIDUAL, RESIDUAL, RESIDUAL,
                     "LayerNorm", "Linear"]
    attn, mlp = spec.layers[2], spec.layers[3]
    assert isinstance(attn, BlockSpec) and [l.kind for l in attn.children] == ["LayerNorm", "CausalSelfAttention"]
    assert [l.kind for l in mlp.children] == ["LayerNorm", "Linear", "GELU", "Linear"]
    assert attn.children[1].params["num_heads"] == 4 and mlp.children[1].params["out_features"] == 4 * 128
    assert spec.input_shape == (TEXT_CONTEXT,) == (64,)


def test_tiny_gpt_token_vectors_start_small_as_gpt2s_and_the_rnns_do_not():
    torch.manual_seed(0)
    gpt = build(fit_to_corpus(tiny_gpt(), 103))
    assert TEMPLATES["tiny_gpt"].make().layers[0].params["init_std"] == 0.02
    assert abs(gpt[0].weight.std().item() - 0.02) < 0.001          # 103 x 128 draws
    assert "TokenEmbedding(103, 128, init_std=0.02)" in to_code(fit_to_corpus(tiny_gpt(), 103))
    rnn = TEMPLATES["char_rnn"].make().layers[0]
    assert rnn.params["init_std"] == 1.0                               # a GRU learns slower from small vectors


def test_tiny_gpt_parameters_counted_by_hand():
    fitted = fit_to_corpus(tiny_gpt(), 103)
    # token 103x128 + positions 64x128; per layer: LN 256 + attention 4*128*128 + 4*128 = 66,304
    # and LN 256 + 128x512 + 512 + 512x128 + 128 = 131,968; final LN 256; Linear 128x103 + 103
    by_hand = 103 * 128 + 64 * 128 + 2 * (66_304 + 131_968) + 256 + 128 * 103 + 103
    assert by_hand == 431_463
    assert analyse(fitted).total_params == by_hand
    assert sum(p.numel() for p in build(fitted).parameters()) == by_hand


def test_char_rnn_parameters_counted_by_hand():
    fitted = fit_to_corpus(TEMPLATES["char_rnn"].make(), 103)
    # 103x64 embedding; GRU layer 1: 3 x (288x64 + 288x288 + 2x288); layer 2: 3 x (2 x 288x288 + 2x288); 288x103 + 103
    by_hand = 103 * 64 + 3 * (288 * 64 + 288 * 288 + 576) + 3 * (2 * 288 * 288 + 576) + 288 * 103 + 103
    assert sum(p.numel() for p in build(fitted).parameters()) == by_hand == 841_607


def test_both_train_on_text_and_their_exported_files_run(tmp_path):
    corpus = from_text("the cat sat on the mat. " * 40, "cats")
    for name in ("tiny_gpt", "char_rnn"):
        task = TextTask(TEMPLATES[name].make(), corpus, batch_size=4)
        loss = task.loss(task.next_batch())
        assert loss.shape == () and torch.isfinite(loss)
        path = tmp_path / f"{name}.py"
        path.write_text(to_code(task.spec), encoding="utf-8")
        run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120,
                             cwd=tmp_path, env=dict(os.environ, OMP_NUM_THREADS="1"))
        assert run.returncode == 0, run.stderr
        assert f"output shape: (8, 64, {corpus.vocab_size})" in run.stdout     # 8 sequences of token ids in
