"""CPU milliseconds per article for each pipeline stage, on the benchmark corpus.

Runs the real pipeline in this one process (no worker processes), the way
``factcheck analyze --jobs 1`` does, and times with the process CPU clock (a shared,
noisy machine disturbs CPU time far less than wall time):

- one-time costs: imports, the rule set and Context, the first document (which
  builds the compiled matchers);
- per stage (ingest, segment, boilerplate, loaded, claims, attribution, scoring with
  balance / tone / readability broken out, findings, and the JSON rendering of
  ``analyze --format json``): milliseconds per article over the whole corpus.

``--passes 2`` runs the corpus twice with the same Context: the first ("cold") pass
pays the lazily compiled patterns and lexicon tables, the second ("warm") shows the
steady state. Stages are timed by wrapping the functions of :func:`factcheck.api.stages`,
so the figures add up to the run.

    .venv/bin/python benchmarks/profile_stages.py                 # whole corpus, 1 pass
    .venv/bin/python benchmarks/profile_stages.py --passes 2 --limit 300
    .venv/bin/python benchmarks/profile_stages.py --no-tone --no-readability  # like check
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
cpu = time.process_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="folder of articles")
    parser.add_argument("--limit", type=int, default=None, help="first N files only")
    parser.add_argument("--passes", type=int, default=1, help="runs over the corpus")
    parser.add_argument("--no-tone", action="store_true", help="Options(tone=False)")
    parser.add_argument("--no-readability", action="store_true")
    args = parser.parse_args()

    if args.corpus is None:
        from corpus import DEFAULT_OUT, ensure_corpus

        ensure_corpus()
        args.corpus = DEFAULT_OUT
    files = sorted(str(p) for p in args.corpus.glob("*.md"))[: args.limit]
    if not files:
        sys.exit(f"no .md files in {args.corpus}")
    size = sum(os.path.getsize(f) for f in files)

    one_time: dict[str, float] = {}
    t0 = cpu()
    import json

    from factcheck.api import make_context, stages
    from factcheck.context import Options
    from factcheck.ingest import read_document
    from factcheck.model import Analysis
    from factcheck.render.result_dict import to_dict

    pipeline = stages()
    one_time["imports"] = cpu() - t0
    t0 = cpu()
    ctx = make_context(Options(tone=not args.no_tone, readability=not args.no_readability))
    one_time["rule set and Context"] = cpu() - t0

    totals: list[dict[str, float]] = []
    sub = _wrap_scoring()
    for n in range(args.passes):
        spent: dict[str, float] = defaultdict(float)
        sub.clear()
        for i, path in enumerate(files):
            first = n == 0 and i == 0
            start = cpu()
            t = cpu()
            doc = read_document(path, ctx.options)
            spent["ingest"] += cpu() - t
            analysis = Analysis(document=doc, ruleset_digest=ctx.ruleset.digest)
            for stage in pipeline:
                t = cpu()
                analysis = stage(analysis, ctx)
                spent[_stage_name(stage)] += cpu() - t
            t = cpu()
            json.dumps(to_dict(analysis), ensure_ascii=False, separators=(",", ":"))
            spent["render JSON"] += cpu() - t
            if first:
                one_time["first document (builds matchers)"] = cpu() - start
        for name, value in sub.items():
            spent[name] = value
        totals.append(spent)

    _print_report(args, files, size, one_time, totals)


def _stage_name(stage: Callable[..., Any]) -> str:
    module = stage.__module__.removeprefix("factcheck.")
    return {"ingest.boilerplate": "boilerplate"}.get(module, module)


def _wrap_scoring() -> dict[str, float]:
    """Time balance, tone and readability inside the scoring stage (sub-rows)."""
    import factcheck.scoring as scoring
    from factcheck.scoring import readability, tone

    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = cpu()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += cpu() - t

        return wrapper

    scoring.compute_balance = timed("  scoring: balance", scoring.compute_balance)  # type: ignore[attr-defined]
    tone.compute_tone = timed("  scoring: tone", tone.compute_tone)  # type: ignore[assignment]
    readability.compute_readability = timed(  # type: ignore[assignment]
        "  scoring: readability", readability.compute_readability
    )
    return spent


ORDER = (
    "ingest",
    "segment",
    "boilerplate",
    "loaded",
    "claims",
    "attribution",
    "scoring",
    "  scoring: balance",
    "  scoring: tone",
    "  scoring: readability",
    "findings",
    "render JSON",
)


def _print_report(
    args: argparse.Namespace,
    files: list[str],
    size: int,
    one_time: dict[str, float],
    totals: list[dict[str, float]],
) -> None:
    n = len(files)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{n} articles, {size / 1e6:.2f} MB from {args.corpus}; CPU time, one process; "
        f"load average {load:.1f} on {os.cpu_count()} CPUs"
        + ("; tone off" if args.no_tone else "")
        + ("; readability off" if args.no_readability else "")
        + "\n"
    )
    heads = ["cold" if i == 0 else f"pass {i + 1}" for i in range(len(totals))]
    print("| stage | " + " | ".join(f"{h} ms/article" for h in heads) + " |")
    print("|---|" + "---:|" * len(totals))
    names = [k for k in ORDER if any(k in t for t in totals)]
    names += sorted({k for t in totals for k in t} - set(names))
    for name in names:
        cells = " | ".join(f"{1000 * t.get(name, 0.0) / n:.2f}" for t in totals)
        print(f"| {name} | {cells} |")
    whole = [sum(v for k, v in t.items() if not k.startswith("  ")) for t in totals]
    print("| **total** | " + " | ".join(f"**{1000 * w / n:.2f}**" for w in whole) + " |")
    print(
        "\nper 1,000 articles: "
        + ", ".join(f"{h} {1000 * w / n:.2f} s CPU" for h, w in zip(heads, whole, strict=True))
    )
    print("\none-time costs (CPU s): " + ", ".join(f"{k} {v:.3f}" for k, v in one_time.items()))


if __name__ == "__main__":
    main()
