"""The tiny GPT on Python's own documentation: the app's training path against a bare loop, and
what it learns in 60 and 180 seconds of training on one thread.

App path: ``RunSpec("text", ...)`` in the app's training process (``core.engine.process``), with
the text task's default cadence: evaluations, gradient statistics, a live sample and the
attention maps, and the coalesced progress messages read here as the window's relay reads them.
Bare loop: in this process, the same model (same seed), the same batches (the task's seeded
windows), Adam at the same rate, one thread: forward / loss / zero_grad / backward / step /
loss.item(), nothing else. Rounds come in pairs (bare, then app) so that load from other programs
hits both alike (20 s each); ``ratio`` is the median of the per-pair step-rate ratios (all of
them beside it).

Then the app path trains a fresh tiny GPT for 60 s, and another for 180 s: each run is what a
learner gets by pressing Start with that time limit (the default schedule spans the run's time, so
a 180-s run is not a 60-s run continued). After each, measured here: the validation loss over the
whole validation text (the last 10 %), and after 180 s a 500-character sample at temperature 0.8
from "The ": the share of its space-separated words (punctuation stripped) that are words of the
corpus. How far a run gets in 180 s depends on the machine's load: ``training.steps_180s`` says.

    python -m bench.text_lm              # one JSON line; goals: ratio >= 0.95, val_loss_180s <= 1.25,
                                         # word_share_180s >= 0.85
    python -m bench.text_lm --quick      # a smoke run: 5 s + 10 s of training, short rounds
"""
from __future__ import annotations

import json
import math
import os
import statistics
import sys
import time

THREADS = 1
ROUNDS = 6
ROUND_SECONDS = 20.0
SAMPLE_CHARS = 500


def _setup():
    import torch

    from core.data.text import python_docs
    from core.tasks.text import fit_to_corpus
    from core.templates import TEMPLATES

    torch.set_num_threads(THREADS)
    corpus = python_docs()
    spec = fit_to_corpus(TEMPLATES["tiny_gpt"].make(), corpus.vocab_size)
    return corpus, spec


def bare_loop(spec, corpus, seconds: float) -> float:
    """Steps per second of the plainest loop on the same model and batches, for ``seconds``."""
    import torch.nn.functional as F

    from core.tasks.text import BATCH_SIZE, OPTIM, TextTask

    task = TextTask(spec, corpus, batch_size=BATCH_SIZE)          # seed 0: the app's model and windows
    model = task.model
    model.train()
    opt = OPTIM.make(model.parameters())
    steps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        x, y = task.next_batch()
        loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        loss.item()
        steps += 1
    return steps / (time.perf_counter() - t0)


def app_run(server, spec, limits):
    """One job through the training process; returns (JobResult, messages received)."""
    from core.engine.process import Job
    from core.engine.run import RunSpec
    from core.tasks.text import BATCH_SIZE, CADENCE, OPTIM

    run = RunSpec("text", {"spec": spec.to_dict(), "corpus": "python_docs", "batch_size": BATCH_SIZE},
                  OPTIM, limits, CADENCE)
    server.control.reset()
    server.send_job(Job([run], threads=THREADS))
    messages = 0
    while True:
        msg = server.recv()
        if msg[0] == "progress":
            messages += 1
        elif msg[0] == "end":
            return msg[1], messages
        elif msg[0] == "failed":
            raise RuntimeError(msg[1] + "\n" + msg[2])


def measure(spec, corpus, state, sample: bool) -> dict:
    """Validation loss over the whole validation text, and (``sample``) the word share of a sample."""
    import numpy as np
    import torch

    from core.data.text import word_share
    from core.tasks.text import TextTask, generate

    task = TextTask(spec, corpus, eval_tokens=len(corpus.val))
    task.model.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in state["model"].items()})
    task.model.eval()
    out = {}
    with torch.no_grad():
        out["val_loss"] = task.mean_loss(task.val_x, task.val_y)
        if sample:
            prompt, _ = corpus.encode("The ")
            ids = generate(task.model, prompt, SAMPLE_CHARS, task.context, 0.8, 0, torch.Generator().manual_seed(0))
            text = corpus.decode(ids)
            out["word_share"], out["words"] = word_share("The " + text, corpus.words())
            out["sample"] = "The " + text
    return out


def main(quick: bool = False) -> dict:
    from core.engine.config import Limits
    from core.engine.process import TrainingServer
    from core.tasks.text import BATCH_SIZE, OPTIM
    from core.templates import GPT_HEADS, GPT_LAYERS, GPT_WIDTH, TEXT_CONTEXT

    t_start = time.time()
    load_before = os.getloadavg()
    corpus, spec = _setup()
    rounds, round_seconds = (2, 3.0) if quick else (ROUNDS, ROUND_SECONDS)
    first, second = (5.0, 10.0) if quick else (60.0, 180.0)
    server = TrainingServer()
    server.start()
    try:
        app_run(server, spec, Limits(max_steps=2))                 # spawn and import before timing
        bare, ours = [], []
        for _ in range(rounds):
            bare.append(bare_loop(spec, corpus, round_seconds))
            result, _ = app_run(server, spec, Limits(max_seconds=round_seconds))
            end = result.ends[0]
            ours.append(end.step / end.seconds)                    # the engine's clock: training time
        r60, msgs60 = app_run(server, spec, Limits(max_seconds=first))
        m60 = measure(spec, corpus, r60.states[0], sample=False)
        r180, msgs180 = app_run(server, spec, Limits(max_seconds=second))
        m180 = measure(spec, corpus, r180.states[0], sample=True)
    finally:
        server.close()
    ratios = sorted(a / b for a, b in zip(ours, bare))
    end60, end180 = r60.ends[0], r180.ends[0]
    result = {
        "bench": "text_lm", "ratio": round(statistics.median(ratios), 3),
        "val_loss_60s": round(m60["val_loss"], 3), "val_loss_180s": round(m180["val_loss"], 3),
        "word_share_180s": round(m180["word_share"], 3),
        "goals": {"ratio": ">= 0.95", "val_loss_180s": "<= 1.25", "word_share_180s": ">= 0.85"},
        "ratio_all": [round(r, 3) for r in ratios],
        "bare_steps_per_s": [round(v, 2) for v in bare], "app_steps_per_s": [round(v, 2) for v in ours],
        "seconds_per_round": round_seconds,
        "training": {"steps_60s": end60.step, "steps_180s": end180.step,
                     "seconds": [round(end60.seconds, 1), round(end180.seconds, 1)],
                     "app_val_loss_180s_subset": round(end180.metrics.get("val_loss", math.nan), 3),
                     "progress_messages": msgs60 + msgs180},
        "val_bits_180s": round(m180["val_loss"] / math.log(2), 3),
        "sample_words": m180["words"], "sample_180s": m180["sample"],
        "model": f"tiny_gpt template: {GPT_LAYERS} layers, {GPT_HEADS} heads, width {GPT_WIDTH}, context "
                 f"{TEXT_CONTEXT}, {sum(v.size for v in r180.states[0]['model'].values()):,} parameters",
        "settings": {"batch_size": BATCH_SIZE, "optim": OPTIM.to_dict()},
        "data": f"pydoc_data.topics (Python {sys.version.split()[0]}): {len(corpus.train):,} train / "
                f"{len(corpus.val):,} validation characters, vocabulary {corpus.vocab_size}",
        "threads": THREADS,
        "conditions": {"cpus": os.cpu_count(), "loadavg_before": [round(v, 2) for v in load_before],
                       "loadavg_after": [round(v, 2) for v in os.getloadavg()],
                       "wall_s": round(time.time() - t_start, 1)},
    }
    print(json.dumps(result, ensure_ascii=False))
    return result


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
