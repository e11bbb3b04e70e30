"""Character-level language modelling: the editor's network learns to predict the next character.

    task = TextTask(spec_dict, corpus="python_docs")        # or corpus="/path/to/notes.txt"; BATCH_SIZE windows
    Engine(task, OPTIM, Limits(max_seconds=180), CADENCE).run()   # the defaults below: a cosine over the 180 s

Batches are random windows of the training text (``context`` = the spec's input length T): the
input is characters ``t .. t+T-1`` and the target the same window shifted by one, so every
position learns to predict its next character. Metrics: the loss in nats per character (what
``F.cross_entropy`` returns), the same in bits per character, and the validation perplexity
(how many characters the model is, on average, as unsure as choosing among).

Pictures, for the text views:
- ``text_sample``: a continuation of the learner's prompt at their temperature and top-k;
- ``attention``: for a chosen text, each attention layer's weights per head (heads, T, T).
The learner may change these while training runs (``set_options``).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.analysis import analyse
from core.build import build
from core.data.datasets import DataError
from core.data.text import PYTHON_DOCS, TextCorpus, python_docs, read_text_file
from core.engine.config import Cadence, OptimConfig
from core.engine.task import Task
from core.i18n import L
from core.layers import LAYERS
from core.modules.attention import CausalSelfAttention
from core.modules.decoding import IncrementalDecoder, supports
from core.spec import NetworkSpec

EVAL_TOKENS = 4_096         # validation characters measured at each evaluation (a fixed set of windows)
EVAL_TRAIN_TOKENS = 2_048   # training characters measured at each evaluation (fixed windows)
LN2 = math.log(2)

# What a text run starts with (the settings form's defaults; bench.text_lm trains with them).
# The learning rate warms up over 50 steps, then follows a cosine down to 0 over the run's time
# limit (or its steps). Measured here (tiny GPT, pydoc_data, one thread; validation loss after the
# same 4.1 M training characters, ~190 s of one unloaded core): Adam 3e-3 constant, 32 windows of
# 64: 1.32 nats/char; with the cosine: 32 windows 1.25, 16 windows 1.24 (2e-3: 1.25, 6e-3: 1.25),
# 8 windows 1.24 (but 9 % fewer characters per second), 32 windows of 32 characters 1.26.
# One core does ~21-24 steps of 16 windows a second, so 180 s is ~3,700-4,400 steps: 3,500 gave 1.25.
# With the template's token vectors starting at N(0, 0.02²) (core/modules/embedding.py; same 3,600
# batches: 1.219 vs 1.253), bench.text_lm's 180 s (4,177 and 4,376 steps) gave 1.222 and 1.217, with
# 88 % and 92 % corpus words. Also tried on the same 3,600 batches, with N(0, 1) vectors: Adam's
# beta2 0.99 1.257, 5e-3 1.264, AdamW weight decay 0.1 1.228; with the small vectors: 4e-3 and 100
# warm-up steps 1.221, AdamW weight decay 0.1 1.212 (Adam kept: within what one seed moves, and one
# setting fewer to explain). A loaded machine gets far fewer steps, and there the cosine costs:
# after 550 steps 1.99 vs 1.70 at a constant 3e-3 (decaying before the loss has left its early
# plateau).
BATCH_SIZE = 16
OPTIM = OptimConfig(optimizer="adam", lr=3e-3, schedule="cosine", warmup_steps=50)
# Measuring costs training time: at 16 windows, an evaluation (6,144 characters) ~2 steps, a
# sample and the attention maps ~2 steps (150 characters with the KV cache). So each comes every
# 10 s but only after 100 more steps (``PICTURES_EVERY_STEPS``): at most ~4 % of the time on a slow
# machine, ~2 % at 20 steps/s. Gradient statistics (~0.3 ms) twice a second.
CADENCE = Cadence(eval_every_steps=100, eval_interval_s=10.0, stats_interval_s=0.5, pictures_interval_s=10.0)
PICTURES_EVERY_STEPS = 100


class TextTaskError(ValueError):
    """The network does not fit a language-model task; the message says what to change."""


@dataclass
class SampleOptions:
    """What the learner asks the live views to show; plain data, changeable mid-run."""
    prompt: str = "The "
    temperature: float = 0.8    # 0: always the most likely character
    top_k: int = 0              # 0: all characters; k: only the k most likely
    length: int = 150           # characters written after the prompt
    attention_text: str = ""    # "" : the first line of the validation text

    def checked(self) -> "SampleOptions":
        t = float(self.temperature)
        if not (math.isfinite(t) and 0.0 <= t <= 5.0):
            raise ValueError(L("The temperature must be between 0 and 5.", "温度は 0 から 5 の間です。"))
        if int(self.top_k) < 0 or int(self.length) < 1:
            raise ValueError(L("top-k must be 0 or more, the length 1 or more.",
                               "top-k は 0 以上、長さは 1 以上です。"))
        return SampleOptions(str(self.prompt), t, int(self.top_k), min(int(self.length), 2000),
                             str(self.attention_text))


def load_corpus(corpus: str | TextCorpus) -> TextCorpus:
    """A corpus object as it is; ``"python_docs"``; or a path to the learner's text file."""
    if isinstance(corpus, TextCorpus):
        return corpus
    return python_docs() if corpus == PYTHON_DOCS else read_text_file(corpus)


def fit_to_corpus(spec: NetworkSpec, vocab_size: int) -> NetworkSpec:
    """A copy of ``spec`` whose Embedding reads ``vocab_size`` ids and whose last Linear predicts them.

    The network must start with a layer that takes token ids and end with a Linear whose output
    keeps the time axis: (B, T) ids -> (B, T, vocab) scores for the next character.
    """
    fitted = spec.copy()
    if not fitted.layers or LAYERS.get(fitted.layers[0].kind) is None or LAYERS[fitted.layers[0].kind].vocab is None:
        raise TextTaskError(L("A language model starts with an Embedding: it turns character ids into vectors.",
                              "言語モデルは Embedding で始めます。文字の ID をベクトルに変えます。"))
    if len(fitted.input_shape) != 1:
        raise TextTaskError(L(f"The input must be one sequence of T characters, e.g. (64,), not "
                              f"{tuple(fitted.input_shape)}.",
                              f"入力は T 文字の系列 1 本（例: (64,)）です。{tuple(fitted.input_shape)} ではありません。"))
    last = fitted.layers[-1]
    if last.kind != "Linear":
        raise TextTaskError(L("A language model ends with a Linear layer that scores every character of the "
                              "vocabulary.",
                              "言語モデルは、語彙のすべての文字に点数をつける Linear 層で終わります。"))
    fitted.layers[0].params["num_embeddings"] = vocab_size
    last.params["out_features"] = vocab_size
    analysis = analyse(fitted)
    if analysis.errors:
        raise TextTaskError(analysis.errors[0].message)
    T = fitted.input_shape[0]
    if analysis.output_shape != (T, vocab_size):
        raise TextTaskError(L(
            f"The network must give scores for every position, (B, {T}, {vocab_size}), but gives "
            f"{_shape(analysis.output_shape)}: a recurrent layer's output must be 'sequence', not 'last'.",
            f"ネットワークはすべての位置の点数 (B, {T}, {vocab_size}) を出す必要がありますが、出力は "
            f"{_shape(analysis.output_shape)} です。再帰層の output は 'last' ではなく 'sequence' にしてください。"))
    return fitted


def _shape(shape) -> str:
    return "(B, " + ", ".join(str(d) for d in shape) + ")" if shape else "(B,)"


class TextTask(Task):
    # made on demand: the attention maps (a snapshot, drawn when the Text tab is in front); the samples
    # are always made, since their history shows the network learn to spell
    PICTURES = ("attention",)

    def __init__(self, spec: dict, corpus: str | TextCorpus = PYTHON_DOCS, batch_size: int = BATCH_SIZE,
                 seed: int = 0, options: dict | None = None, eval_tokens: int = EVAL_TOKENS,
                 eval_train_tokens: int = EVAL_TRAIN_TOKENS, pictures_every_steps: int = PICTURES_EVERY_STEPS):
        self.corpus = load_corpus(corpus)
        net = NetworkSpec.from_dict(spec) if isinstance(spec, dict) else spec
        self.spec = fit_to_corpus(net, self.corpus.vocab_size)
        self.context = int(self.spec.input_shape[0])
        if len(self.corpus.val) < self.context + 1 or len(self.corpus.train) < self.context + 1:
            raise DataError(L(
                f"The text is too short for a context of {self.context} characters: make the input shorter "
                "or use a longer text.",
                f"文脈 {self.context} 文字に対してテキストが短すぎます。入力を短くするか、長いテキストを使ってください。"))
        torch.manual_seed(seed)
        self.model = build(self.spec)
        self.batch_size = max(1, int(batch_size))
        self.options = SampleOptions(**(options or {})).checked()
        self._sampling = torch.Generator().manual_seed(seed + 1)   # the samples' own dice
        self._windows = torch.Generator().manual_seed(seed)        # the training batches' order
        self._attention = [m for m in self.model.modules() if isinstance(m, CausalSelfAttention)]
        self.eval_tokens, self.eval_train_tokens = eval_tokens, eval_train_tokens
        self.pictures_every_steps = max(0, int(pictures_every_steps))
        self._batches = 0                       # batches drawn so far (this task object)
        self._pictured_at: int | None = None    # ... when the last pictures were made
        self._tensors(torch.device("cpu"))

    def _tensors(self, dev: torch.device) -> None:
        c, T = self.corpus, self.context
        self.device = dev
        self.train = torch.from_numpy(c.train).to(dev)
        self.val = torch.from_numpy(c.val).to(dev)
        self.val_x, self.val_y = _windows(self.val, T, self.eval_tokens)
        # fixed training windows, spread over the whole training text
        self.train_x, self.train_y = _windows(self.train, T, self.eval_train_tokens)

    def to(self, device) -> None:
        self.model.to(device)
        self._tensors(torch.device(device))

    # --- training -----------------------------------------------------------------------------
    def next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        T = self.context
        self._batches += 1
        starts = torch.randint(0, len(self.train) - T, (self.batch_size,), generator=self._windows)
        idx = starts[:, None] + torch.arange(T + 1)                 # (B, T+1) positions
        chunk = self.train[idx.to(self.device)]
        return chunk[:, :-1], chunk[:, 1:]                          # inputs, targets shifted by one

    def loss(self, batch) -> torch.Tensor:
        x, y = batch
        logits = self.model(x)                                      # (B, T, V)
        return F.cross_entropy(logits.flatten(0, 1), y.flatten())   # nats per character

    # --- measuring ---------------------------------------------------------------------------
    def mean_loss(self, x: torch.Tensor, y: torch.Tensor, chunk: int = 64) -> float:
        total = 0.0
        for i in range(0, len(x), chunk):
            logits = self.model(x[i:i + chunk])
            total += F.cross_entropy(logits.flatten(0, 1), y[i:i + chunk].flatten(), reduction="sum").item()
        return total / y.numel()

    def evaluate(self) -> dict[str, float]:
        train, val = self.mean_loss(self.train_x, self.train_y), self.mean_loss(self.val_x, self.val_y)
        return {"train_loss": train, "val_loss": val, "train_bits": train / LN2, "val_bits": val / LN2,
                "val_perplexity": math.exp(min(val, 50.0))}

    def set_options(self, options: dict) -> None:
        """The learner changed the prompt, temperature, top-k or attention text (between batches):
        the next ``pictures`` answers at once, not after ``pictures_every_steps`` more batches."""
        self.options = SampleOptions(**{**asdict(self.options), **options}).checked()
        self._pictured_at = None

    def want_pictures(self, names) -> bool:
        fresh = super().want_pictures(names)
        if fresh:                       # the Text tab came to the front: its attention maps now
            self._pictured_at = None
        return fresh

    def pictures(self) -> dict:
        """A sample, and the attention maps when the window shows them (``Task.want_pictures``);
        nothing (no new pictures) until ``pictures_every_steps`` more batches have trained since the
        last ones, so that they cost little training time."""
        if self._pictured_at is not None and self._batches - self._pictured_at < self.pictures_every_steps:
            return {}
        self._pictured_at = self._batches
        out = {"text_sample": self.sample()}
        if self._attention and self.wants("attention"):
            out["attention"] = self.attention_maps()
        return out

    def sample(self, options: SampleOptions | None = None) -> dict:
        """The model's continuation of the prompt (eval mode, no gradients: the engine sees to it)."""
        o = options or self.options
        ids, skipped = self.corpus.encode(o.prompt)
        start = ids or [self.corpus.ids().get("\n", 0)]
        out = generate(self.model, start, o.length, self.context, o.temperature, o.top_k,
                       self._sampling, self.device)
        return {"prompt": self.corpus.decode(ids), "text": self.corpus.decode(out), "temperature": o.temperature,
                "top_k": o.top_k, "skipped": skipped, "vocab": "".join(self.corpus.vocab)}

    def attention_maps(self) -> dict:
        """Each attention layer's weights for the chosen text: a list of (heads, T, T) arrays."""
        text = self.options.attention_text or _first_line(self.corpus.decode(self.corpus.val[:2000]))
        ids, skipped = self.corpus.encode(text)
        ids = ids[:self.context] or [0]
        for m in self._attention:
            m.keep_weights = True
        try:
            with torch.no_grad():
                self.model(torch.tensor([ids], device=self.device))
            layers = [m.weights[0].float().cpu().numpy() for m in self._attention]   # (heads, T, T) each
        finally:
            for m in self._attention:
                m.keep_weights, m.weights = False, None
        return {"tokens": [self.corpus.vocab[i] for i in ids], "layers": layers, "skipped": skipped}

    # --- continuing ------------------------------------------------------------------------------
    def state_dict(self) -> dict:
        return {"windows": self._windows.get_state().numpy().copy(),
                "sampling": self._sampling.get_state().numpy().copy()}

    def load_state_dict(self, state: dict) -> None:
        if state:
            self._windows.set_state(torch.from_numpy(np.asarray(state["windows"])))
            self._sampling.set_state(torch.from_numpy(np.asarray(state["sampling"])))


def _windows(ids: torch.Tensor, T: int, max_tokens: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Non-overlapping windows (inputs, next-character targets), evenly spread, at most ``max_tokens``."""
    n = (len(ids) - 1) // T
    keep = max(1, min(n, max_tokens // T))
    starts = torch.linspace(0, n - 1, keep).round().long() * T
    idx = starts[:, None] + torch.arange(T + 1, device=starts.device)
    chunk = ids[idx.to(ids.device)]
    return chunk[:, :-1], chunk[:, 1:]


def _first_line(text: str, n: int = 48) -> str:
    """A line of prose to look at: the first with a few words, cut at a word near ``n`` characters."""
    lines = [l.strip() for l in text.splitlines() if len(l.strip().split()) >= 4]
    line = lines[0] if lines else text.strip()
    return line if len(line) <= n else line[:n].rsplit(" ", 1)[0]


def generate(model, ids: list[int], n: int, context: int, temperature: float, top_k: int,
             generator: torch.Generator, device=None) -> list[int]:
    """``n`` new ids after ``ids``: each drawn from softmax(logits / temperature) over the top-k.

    Where the model allows it, with a KV cache (``IncrementalDecoder``): a new character costs
    one position of work instead of a whole window. The learned positions end at ``context``, so
    when the window is full the decoder starts again from its last half. Other models re-read
    the last ``context`` characters for every new one (minGPT's loop).
    """
    window = list(ids[-context:])
    new: list[int] = []
    if not supports(model):
        for _ in range(n):
            logits = model(torch.tensor([window], device=device))[0, -1]      # (V,) scores of the next id
            new.append(_pick(logits.float(), temperature, top_k, generator))
            window = (window + new[-1:])[-context:]
        return new
    decoder = IncrementalDecoder(model)
    logits = decoder.feed(torch.tensor([window], device=device))[0, -1]
    for i in range(n):
        new.append(_pick(logits.float(), temperature, top_k, generator))
        window = (window + new[-1:])[-context:]
        if i == n - 1:
            break
        if decoder.length < context:
            logits = decoder.feed(torch.tensor([new[-1:]], device=device))[0, -1]
        else:
            decoder = IncrementalDecoder(model)
            logits = decoder.feed(torch.tensor([window[-max(context // 2, 1):]], device=device))[0, -1]
    return new


def _pick(logits: torch.Tensor, temperature: float, top_k: int, generator: torch.Generator) -> int:
    """One id from (V,) scores: the best at temperature 0, else a draw from the top-k softmax."""
    if temperature <= 0:
        return int(logits.argmax())
    logits = logits / temperature
    if 0 < top_k < logits.numel():
        kth = torch.topk(logits, top_k).values[-1]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    probs = torch.softmax(logits, dim=-1).cpu()
    return int(torch.multinomial(probs, 1, generator=generator))
