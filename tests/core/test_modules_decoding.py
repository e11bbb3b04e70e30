"""core/modules/decoding.py: a position at a time with a KV cache gives what the whole window gives."""
import pytest
import torch
from torch import nn

from core.build import build
from core.modules.decoding import IncrementalDecoder, supports
from core.spec import LayerSpec, NetworkSpec
from core.tasks.text import generate
from core.templates import tiny_gpt

torch.set_num_threads(1)


def _net(*layers, T=16):
    return build(NetworkSpec((T,), [LayerSpec.make("Embedding", num_embeddings=11, embedding_dim=8), *layers,
                                    LayerSpec.make("Linear", out_features=11)])).eval()


MODELS = {
    "tiny_gpt": lambda: build(tiny_gpt(n_layers=2, heads=2, width=16, context=16)).eval(),
    "gru": lambda: _net(LayerSpec.make("GRU", hidden_size=12, num_layers=2)),
    "lstm": lambda: _net(LayerSpec.make("LSTM", hidden_size=12)),
    "rnn": lambda: _net(LayerSpec.make("RNN", hidden_size=12)),
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_prefill_then_one_position_at_a_time_equals_the_whole_window(name):
    torch.manual_seed(0)
    model = MODELS[name]()
    if name == "tiny_gpt":
        model[0] = nn.Embedding(11, 16)                 # the template's vocabulary placeholder is 128
        model[-1] = nn.Linear(16, 11)
    x = torch.randint(0, 11, (3, 16))
    with torch.no_grad():
        whole = model(x)                                # (3, 16, 11)
        dec = IncrementalDecoder(model)
        parts = [dec.feed(x[:, :5])] + [dec.feed(x[:, i:i + 1]) for i in range(5, 12)] + [dec.feed(x[:, 12:])]
    assert supports(model) and dec.length == 16
    torch.testing.assert_close(torch.cat(parts, dim=1), whole, atol=1e-5, rtol=1e-5)


def test_the_cache_stops_at_the_learned_positions():
    model = MODELS["tiny_gpt"]()
    dec = IncrementalDecoder(model)
    with torch.no_grad():
        dec.feed(torch.zeros(1, 16, dtype=torch.long))
        with pytest.raises(ValueError, match="beyond the 16 learned positions"):
            dec.feed(torch.zeros(1, 1, dtype=torch.long))


def test_layers_that_need_the_whole_sequence_are_decoded_the_plain_way():
    flat = _net(LayerSpec.make("Flatten"), LayerSpec.make("Linear", out_features=16), T=4)
    assert not supports(flat)
    with pytest.raises(ValueError, match="needs the whole sequence"):
        IncrementalDecoder(flat)


def test_generate_writes_the_same_text_with_and_without_the_cache(monkeypatch):
    import core.tasks.text as text
    torch.manual_seed(1)
    model = MODELS["gru"]()
    with torch.no_grad():
        fast = generate(model, [1, 2, 3], 12, 16, 0.0, 0, torch.Generator().manual_seed(0))
        # past the window: the cached path starts again from the window's last half, still valid ids
        long = generate(model, [1, 2, 3], 40, 16, 1.0, 0, torch.Generator().manual_seed(0))
        monkeypatch.setattr(text, "supports", lambda m: False)
        plain = text.generate(model, [1, 2, 3], 12, 16, 0.0, 0, torch.Generator().manual_seed(0))
    assert fast == plain and len(fast) == 12
    assert len(long) == 40 and all(0 <= i < 11 for i in long)
