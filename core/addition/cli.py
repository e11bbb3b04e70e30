"""Command line: ``python -m core.addition solve|train|evaluate|length``.

``--model seq2seq|transformer`` picks the kind of model (solve, train, evaluate); without
``--checkpoint``, solve and evaluate use that kind's shipped model. ``length`` measures length
generalisation (train on short numbers, test on longer ones) with and without coupled positions.
This module reads the options and runs solve, evaluate and length; ``cli_train`` runs train.

Exit codes: 0 success, 1 the model answered wrongly / failed its target, 2 bad input
(a prompt it cannot read, a missing or unreadable checkpoint, bad options).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

from core.i18n import L

from .exhaustive import MAX_DIGITS as MAX_EXHAUSTIVE_DIGITS  # 10^6 pairs; 4 digits would be 10^8

EXIT_OK, EXIT_WRONG, EXIT_BAD_INPUT = 0, 1, 2
MODEL_KINDS = ("seq2seq", "transformer")


def exhaustive_refused(digits: int) -> bool:
    """True (after saying why on stderr) if every pair of ``digits``-digit numbers is too many to measure."""
    if digits <= MAX_EXHAUSTIVE_DIGITS:
        return False
    print(L(f"--exhaustive is limited to {MAX_EXHAUSTIVE_DIGITS}-digit models ({(10 ** digits) ** 2:,} pairs is too many); "
            "use --samples N instead.",
            f"--exhaustive は {MAX_EXHAUSTIVE_DIGITS} 桁までのモデルに限ります（{(10 ** digits) ** 2:,} 組は多すぎます）。"
            "代わりに --samples N を使ってください。"), file=sys.stderr)
    return True


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's default exit code is already 2; keep the text short
        self.print_usage(sys.stderr)
        print(message, file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m core.addition", description="Addition solvers: the textbook's Seq2Seq and a Transformer")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("solve", help="answer a prompt such as 123+45")
    s.add_argument("prompt")
    s.add_argument("--model", choices=MODEL_KINDS, default=None, help="which shipped model answers (default: seq2seq)")
    s.add_argument("--checkpoint", default=None, help="model file (default: the shipped model of --model)")
    s.add_argument("--steps", action="store_true", help="also show each decoding step")

    t = sub.add_parser("train", help="train a model from scratch and save it")
    t.add_argument("--model", choices=MODEL_KINDS, default="seq2seq")
    t.add_argument("--digits", type=int, default=3)
    t.add_argument("--out", required=True)
    t.add_argument("--cell", choices=["gru", "lstm"], default="gru")
    t.add_argument("--hidden", type=int, default=128)
    t.add_argument("--embed", type=int, default=16)
    t.add_argument("--no-reverse-input", action="store_true")
    t.add_argument("--no-reverse-answer", action="store_true")
    t.add_argument("--peeky", action="store_true")
    t.add_argument("--no-attention", action="store_true")
    _transformer_options(t)
    t.add_argument("--steps", type=int, default=3000)
    t.add_argument("--batch-size", type=int, default=None, help="default: 128 (seq2seq), 256 (transformer)")
    t.add_argument("--lr", type=float, default=None, help="default: 1e-2 (seq2seq), 3e-3 (transformer)")
    t.add_argument("--lr-final", type=float, default=None, help="default: 3e-4 (seq2seq), 1e-4 (transformer)")
    t.add_argument("--train-size", type=int, default=0, help="fixed training pool size (0: fresh pairs every batch)")
    t.add_argument("--test-size", type=int, default=5000)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--eval-every", type=int, default=200)
    t.add_argument("--exhaustive", action="store_true", help="measure accuracy over every pair at the end")
    t.add_argument("--polish", type=int, default=0,
                   help="after training, up to this many rounds of extra steps on the pairs still answered wrongly")
    t.add_argument("--polish-steps", type=int, default=1500)
    t.add_argument("--polish-lr", type=float, default=3e-4)
    t.add_argument("--quiet", action="store_true")

    e = sub.add_parser("evaluate", help="measure a model's accuracy")
    e.add_argument("--model", choices=MODEL_KINDS, default=None, help="which shipped model to measure (default: seq2seq)")
    e.add_argument("--checkpoint", default=None, help="model file (default: the shipped model of --model)")
    e.add_argument("--exhaustive", action="store_true", help="every pair (1,000,000 for 3 digits)")
    e.add_argument("--samples", type=int, default=10000)
    e.add_argument("--seed", type=int, default=1)
    e.add_argument("--threads", type=int, default=1)
    e.add_argument("--json", action="store_true")

    g = sub.add_parser("length", help="length generalisation: train Transformers on short numbers, test on longer ones")
    g.add_argument("--positions", choices=["absolute", "coupled", "both"], default="both")
    g.add_argument("--train-digits", type=int, default=5, help="train on numbers of 1 to this many digits")
    g.add_argument("--test-digits", default="6,7,8", help="comma-separated lengths to test (up to 8)")
    g.add_argument("--layers", type=int, default=2)
    g.add_argument("--heads", type=int, default=4)
    g.add_argument("--width", type=int, default=64)
    g.add_argument("--steps", type=int, default=3000)
    g.add_argument("--batch-size", type=int, default=256)
    g.add_argument("--lr", type=float, default=3e-3)
    g.add_argument("--warmup", type=int, default=50, help="warm-up steps")
    g.add_argument("--samples", type=int, default=1000, help="test problems per length")
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--threads", type=int, default=1)
    g.add_argument("--json", action="store_true")
    g.add_argument("--quiet", action="store_true")
    return p


def _transformer_options(t) -> None:
    t.add_argument("--layers", type=int, default=2, help="transformer: blocks")
    t.add_argument("--heads", type=int, default=4, help="transformer: attention heads per block")
    t.add_argument("--width", type=int, default=64, help="transformer: embedding size")
    t.add_argument("--positions", choices=["absolute", "coupled"], default=None,
                   help="transformer: position scheme (default: coupled)")
    t.add_argument("--balanced", type=float, default=None,
                   help="transformer: share of each batch whose numbers' lengths are drawn first (default: the recipe's)")
    t.add_argument("--warmup", type=int, default=None, help="transformer: warm-up steps")


def _checkpoint_path(arg, kind: str = "seq2seq"):
    from .checkpoint import shipped_path
    return Path(arg) if arg else shipped_path(kind)


def _load_model(args):
    """The model of ``--checkpoint`` (or the shipped one of ``--model``), checked against ``--model``."""
    from .checkpoint import CheckpointError, load
    from .models import KINDS, kind_of
    path = _checkpoint_path(args.checkpoint, args.model or "seq2seq")
    model = load(path)
    if args.checkpoint and args.model and kind_of(model) != args.model:
        raise CheckpointError(L(f"{path.name} is a {KINDS[kind_of(model)].label}, not a {KINDS[args.model].label} model.",
                                f"{path.name} は {KINDS[kind_of(model)].label} で、{KINDS[args.model].label} ではありません。"))
    return model


def cmd_solve(args) -> int:
    from .checkpoint import CheckpointError
    from .prompt import PromptError
    from .solver import Solver
    torch.set_num_threads(1)
    try:
        solver = Solver(_load_model(args))
        res = solver.solve(args.prompt)
    except (PromptError, CheckpointError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.steps:
        for i, st in enumerate(res.steps):
            cands = ", ".join(f"{c!r} {p:.3f}" for c, p in st.candidates)
            print(L(f"step {i + 1}: {st.char!r}  ({cands})", f"ステップ {i + 1}: {st.char!r}  （{cands}）"), file=sys.stderr)
    print(res.answer)
    if not res.correct:
        print(L(f"warning: the model's answer is wrong; the true sum is {res.true_sum}",
                f"注意: モデルの答えは間違いです。正しい和は {res.true_sum} です"), file=sys.stderr)
        return EXIT_WRONG
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from .checkpoint import CheckpointError
    from .data import all_pair_ids, num_pairs
    from .metrics import evaluate_pairs
    if args.samples < 1 or args.threads < 1:
        print(L("--samples and --threads must be at least 1.", "--samples と --threads は 1 以上にしてください。"),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    torch.set_num_threads(args.threads)
    try:
        model = _load_model(args)
    except CheckpointError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    d = model.cfg.digits
    if args.exhaustive and exhaustive_refused(d):
        return EXIT_BAD_INPUT
    if args.exhaustive:
        ids = all_pair_ids(d)
    else:
        rng = np.random.default_rng(args.seed)
        ids = rng.choice(num_pairs(d), size=min(args.samples, num_pairs(d)), replace=False)
    t0 = time.perf_counter()
    acc = evaluate_pairs(model, ids)
    out = acc.to_json()
    out["seconds"] = round(time.perf_counter() - t0, 2)
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(L(f"exact match: {acc.exact * 100:.4f}% of {acc.n} pairs ({out['wrong']} wrong)",
                f"完全一致: {acc.n} 組中 {acc.exact * 100:.4f}%（不正解 {out['wrong']} 組）"))
        print(L(f"per-digit accuracy: {acc.per_digit * 100:.4f}%", f"桁ごとの正解率: {acc.per_digit * 100:.4f}%"))
        for k, (e, n) in sorted(acc.by_carries.items()):
            print(L(f"  {k} carries: {e * 100:.4f}% of {n}", f"  繰り上がり {k} 回: {n} 組中 {e * 100:.4f}%"))
    return EXIT_OK


def cmd_length(args) -> int:
    from .length import measure
    from .transformer import MAX_LENGTH_DIGITS
    try:
        tests = tuple(int(x) for x in args.test_digits.split(",") if x.strip())
    except ValueError:
        tests = ()
    if not tests or min(tests) < 1 or max(tests) > MAX_LENGTH_DIGITS:
        print(L(f"--test-digits must be lengths from 1 to {MAX_LENGTH_DIGITS} separated by commas, e.g. 6,7,8.",
                f"--test-digits には 1 から {MAX_LENGTH_DIGITS} までの桁数をカンマ区切りで指定してください（例: 6,7,8）。"),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    for name, value in (("--train-digits", args.train_digits), ("--steps", args.steps), ("--samples", args.samples),
                        ("--batch-size", args.batch_size), ("--threads", args.threads)):
        if value < 1:
            print(L(f"{name} must be at least 1, not {value}.", f"{name} は 1 以上にしてください（{value} は使えません）。"),
                  file=sys.stderr)
            return EXIT_BAD_INPUT
    if args.train_digits > 5:
        print(L("--train-digits goes up to 5.", "--train-digits は 5 までです。"), file=sys.stderr)
        return EXIT_BAD_INPUT
    if not 0 < args.lr < float("inf"):
        print(L(f"--lr must be a positive number, not {args.lr}.", f"--lr は正の数にしてください（{args.lr} は使えません）。"),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    from .transformer_train import FAST_OPTIM
    torch.set_num_threads(args.threads)
    schemes = ("absolute", "coupled") if args.positions == "both" else (args.positions,)
    log = (lambda *a: None) if (args.quiet or args.json) else (lambda *a: print(*a, flush=True))
    results = []
    for scheme in schemes:
        log(L(f"training with {scheme} positions on 1-{args.train_digits} digit numbers ({args.steps} steps)…",
              f"{scheme} の位置で 1〜{args.train_digits} 桁の数を学習中（{args.steps} ステップ）…"))
        try:
            r = measure(scheme, args.train_digits, tests, steps=args.steps, samples=args.samples, seed=args.seed,
                        optim=dataclasses.replace(FAST_OPTIM, lr=args.lr, warmup_steps=args.warmup), layers=args.layers, heads=args.heads,
                        width=args.width, batch_size=args.batch_size,
                        on_eval=lambda p, step, sec, m: log(f"  step {step:6d}  {sec:7.1f}s  held-out exact {m['exact']:.4f}"))
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_BAD_INPUT
        results.append(r)
    if args.json:
        print(json.dumps({"train_digits": args.train_digits, "test_digits": list(tests),
                          "results": [r.to_dict() for r in results]}))
        return EXIT_OK
    head = L("positions   trained on   ", "位置        学習した桁  ") + "".join(
        L(f"{d} digits  ", f"{d} 桁     ") for d in tests)
    print(head)
    for r in results:
        print(f"{r.positions:<11} {r.in_distribution * 100:9.2f}%   " + "".join(f"{r.by_digits[d] * 100:7.2f}%  " for d in tests))
    print(L(f"exact match on {args.samples} problems per length (both numbers that long); "
            f"'trained on' = held-out problems of 1-{args.train_digits} digits",
            f"各桁数 {args.samples} 問（2 つの数ともその桁数）の完全一致率。「学習した桁」は 1〜{args.train_digits} 桁の未使用問題"))
    return EXIT_OK


def _protect_negative_prompt(argv: list) -> list:
    """Let ``solve "-5+3"`` reach the prompt parser (and its message) instead of argparse."""
    if len(argv) < 2 or argv[0] != "solve" or "--" in argv:
        return argv
    options, positional, i = [], [], 1
    while i < len(argv):
        a = argv[i]
        if a in ("--checkpoint", "--model") and i + 1 < len(argv):
            options += [a, argv[i + 1]]
            i += 1
        elif a.startswith(("--checkpoint=", "--model=")) or a in ("--steps", "-h", "--help"):
            options.append(a)
        else:
            positional.append(a)
        i += 1
    return [argv[0], *options, "--", *positional]


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argv = _protect_negative_prompt(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "solve":
        return cmd_solve(args)
    if args.command == "train":
        from .cli_train import cmd_train
        return cmd_train(args, argv)
    if args.command == "length":
        return cmd_length(args)
    return cmd_evaluate(args)
