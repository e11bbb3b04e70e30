"""``python -m core.addition train``: the options into a run, the run, polishing rounds, the checkpoint.

The options are checked here (a clear message, exit code 2) rather than deep inside torch; the
checkpoint records the command, the run's settings, the data and the accuracies measured.
"""
from __future__ import annotations

import shlex
import sys
import time

import torch

from core.i18n import L

from .cli import EXIT_BAD_INPUT, EXIT_OK, exhaustive_refused


def _train_option_problem(args) -> str:
    """A message for an option value that cannot train (checked here, not deep inside torch), or ''."""
    from .data import num_pairs
    positive = (("--steps", args.steps), ("--batch-size", args.batch_size), ("--eval-every", args.eval_every),
                ("--threads", args.threads), ("--polish-steps", args.polish_steps))
    for name, value in positive:
        if value < 1:
            return L(f"{name} must be at least 1, not {value}.", f"{name} は 1 以上にしてください（{value} は使えません）。")
    for name, value in (("--lr", args.lr), ("--polish-lr", args.polish_lr)):
        if not 0 < value < float("inf"):
            return L(f"{name} must be a positive number, not {value}.", f"{name} は正の数にしてください（{value} は使えません）。")
    if not 0 <= args.lr_final < float("inf"):
        return L(f"--lr-final must be 0 or more, not {args.lr_final}.", f"--lr-final は 0 以上にしてください（{args.lr_final} は使えません）。")
    for name, value in (("--test-size", args.test_size), ("--train-size", args.train_size), ("--polish", args.polish),
                        ("--warmup", args.warmup or 0)):
        if value < 0:
            return L(f"{name} cannot be negative ({value}).", f"{name} に負の数は使えません（{value}）。")
    total = num_pairs(args.digits)
    if args.test_size + args.train_size > total:
        return L(f"--test-size {args.test_size} + --train-size {args.train_size} is more than the {total:,} pairs "
                 f"of {args.digits}-digit numbers.",
                 f"--test-size {args.test_size} と --train-size {args.train_size} の合計が、{args.digits} 桁の数の組の数 "
                 f"{total:,} を超えています。")
    return ""


DEFAULTS = {  # per kind of model: batch size, learning rate, final learning rate
    "seq2seq": dict(batch_size=128, lr=1e-2, lr_final=3e-4),
    "transformer": dict(batch_size=256, lr=3e-3, lr_final=1e-4, warmup=50),   # the shipped model's (2 x 4 x 64); the panel's
                                                                   # smaller model trains faster at 6e-3 (transformer_train.FAST)
}


def _train_spec(kind: str, args):
    """The run (a ``RunSpec``) the options describe; ValueError for a model that cannot be built."""
    if kind == "transformer":
        from .transformer import TransformerConfig
        from .transformer_train import recipe
        mcfg = TransformerConfig(digits=args.digits, layers=args.layers, heads=args.heads, width=args.width,
                                 reverse_answer=not args.no_reverse_answer,
                                 positions=args.positions or TransformerConfig.positions)
        mcfg.validate()
        return recipe(mcfg, train_size=args.train_size or None, test_size=args.test_size, batch_size=args.batch_size,
                      lr=args.lr, lr_final=args.lr_final,
                      warmup_steps=args.warmup,
                      max_steps=args.steps, eval_every=args.eval_every, seed=args.seed,
                      **({} if args.balanced is None else {"balanced": args.balanced}))
    from .model import ModelConfig
    from .train import recipe
    mcfg = ModelConfig(digits=args.digits, cell=args.cell, embed_dim=args.embed, hidden=args.hidden,
                       reverse_input=not args.no_reverse_input, reverse_answer=not args.no_reverse_answer,
                       peeky=args.peeky, attention=not args.no_attention)
    mcfg.validate()
    return recipe(mcfg, train_size=args.train_size or None, test_size=args.test_size,
                  batch_size=args.batch_size, lr=args.lr, lr_final=args.lr_final, max_steps=args.steps,
                  eval_every=args.eval_every, seed=args.seed)


def cmd_train(args, argv) -> int:
    from core.engine.engine import Callback
    from core.training.devices import apply_threads

    from . import checkpoint
    from .data import all_pair_ids
    from .metrics import evaluate_pairs, wrong_pair_ids
    from .model import count_parameters
    kind = args.model or "seq2seq"
    for name, value in DEFAULTS[kind].items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    problem = _train_option_problem(args)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.exhaustive and exhaustive_refused(args.digits):
        return EXIT_BAD_INPUT
    try:
        spec = _train_spec(kind, args)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    log = (lambda *a: None) if args.quiet else (lambda *a: print(*a, flush=True))

    class Log(Callback):
        def on_eval(self, engine, e):
            log(f"step {e.step:6d}  {e.seconds:7.1f}s  test exact {e.metrics['exact']:.4f}  "
                f"per-digit {e.metrics['per_digit']:.4f}")

    apply_threads(args.threads)
    engine = spec.engine([Log()])
    task = engine.task
    t0 = time.perf_counter()
    end = engine.run()
    held_out = evaluate_pairs(engine.model, task.eval_ids())
    log(f"trained {end.step} steps in {end.seconds:.1f}s; held-out exact {held_out.exact:.4f}")
    meta = {
        "command": "python -m core.addition " + " ".join(shlex.quote(a) for a in argv),
        "model": kind,
        "seed": args.seed,
        "config": {"task": spec.args, "optim": spec.optim.to_dict(), "limits": spec.limits.to_dict()},
        "parameters": count_parameters(engine.model),
        "data": {
            "digits": args.digits,
            "test_size": args.test_size,
            "train_pool": args.train_size or "fresh uniform pairs every batch, excluding the test set",
            "examples_seen": None,
        },
        "held_out_exact_after_main_training": held_out.exact,
        "torch": torch.__version__,
        "threads": args.threads,
    }
    rounds = []
    if args.polish and args.exhaustive:
        all_ids = all_pair_ids(args.digits)
        for r in range(args.polish):
            wrong = wrong_pair_ids(engine.model, all_ids)
            log(f"polish round {r + 1}: {len(wrong)} pairs wrong of {len(all_ids)}")
            rounds.append(int(len(wrong)))
            if len(wrong) == 0:
                break
            task.sampler.focus = wrong
            engine.optim.lr = engine.optim.lr_final = args.polish_lr
            engine.extend(steps=args.polish_steps)
            engine.run()
            checkpoint.save(engine.model, args.out)  # keep progress if stopped
        meta["polish"] = {"rounds_wrong_counts": rounds, "steps_per_round": args.polish_steps, "lr": args.polish_lr,
                          "note": "extra steps where 25% of each batch are pairs still answered wrongly"}
    meta["data"]["examples_seen"] = engine.step * args.batch_size
    meta["train_steps"] = engine.step
    meta["train_seconds"] = round(time.perf_counter() - t0, 1)
    if args.exhaustive:
        t1 = time.perf_counter()
        acc = evaluate_pairs(engine.model, all_pair_ids(args.digits))
        meta["exhaustive"] = acc.to_json()
        meta["exhaustive"]["seconds"] = round(time.perf_counter() - t1, 1)
        log(f"exhaustive exact {acc.exact:.6f} over {acc.n} pairs")
    meta["held_out_exact_final"] = evaluate_pairs(engine.model, task.eval_ids()).exact
    meta["created"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    checkpoint.save(engine.model, args.out, meta)
    log(f"saved {args.out}")
    return EXIT_OK
