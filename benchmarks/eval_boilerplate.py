"""Boilerplate exclusion against PolNeAR's discard spans (bylines and boilerplate).

PolNeAR (../shared/eval/polnear.jsonl) marks in ``meta.discard_spans`` the parts of
each article that are not news copy: sign-offs, "Follow X on Twitter", "Related",
advertising markers, update notes, hat tips, author bios, and some page debris.
This script runs the segment and boilerplate stages with the bundled BP rules and
reports:

* span precision: excluded spans that overlap a discard span / all excluded spans;
* span recall: discard spans overlapped by an excluded span / all discard spans;
* character precision and recall over the same spans.

It also lists what it excludes in the PTC and BASIL articles, which have no such
labels, so that false alarms on real news can be read through (``--show``).

    .venv/bin/python benchmarks/eval_boilerplate.py [--show 30]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from factcheck import segment
from factcheck.context import Context
from factcheck.ingest import boilerplate, document_from_text
from factcheck.model import Analysis
from factcheck.resources import rules_dir
from factcheck.ruleset import load_ruleset

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def excluded_spans(text: str, ctx: Context) -> list[tuple[int, int, str]]:
    analysis = Analysis(document=document_from_text(text))
    analysis = boilerplate.annotate(segment.annotate(analysis, ctx), ctx)
    return [(e.start, e.end, e.rule or "") for e in analysis.document.excluded]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def chars(spans: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--show", type=int, default=0, help="print misses and false alarms")
    args = ap.parse_args()
    # Only the boilerplate rules: the other stages are not run here.
    ruleset = load_ruleset([rules_dir() / "boilerplate"], include_default=False)
    rules = ruleset.of_kind("boilerplate")
    ctx = Context(ruleset=ruleset)
    print(f"boilerplate rules: {', '.join(r.id for r in rules)}")

    tp_pred = n_pred = tp_gold = n_gold = 0
    tp_chars = pred_chars = gold_chars = 0
    per_rule: dict[str, list[int]] = {}  # rule -> [excluded, overlapping a discard span]
    false_alarms: list[str] = []
    misses: list[str] = []
    with open(EVAL / "polnear.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    for rec in records:
        text = rec["text"]
        gold = [tuple(s) for s in rec["meta"].get("discard_spans") or []]
        pred = excluded_spans(text, ctx)
        n_pred += len(pred)
        n_gold += len(gold)
        for s, e, rule in pred:
            counts = per_rule.setdefault(rule, [0, 0])
            counts[0] += 1
            if any(overlaps((s, e), g) for g in gold):
                tp_pred += 1
                counts[1] += 1
            else:
                false_alarms.append(f"{rule} {text[s:e][:100]!r}")
        for g in gold:
            if any(overlaps((s, e), g) for s, e, _ in pred):
                tp_gold += 1
            else:
                misses.append(repr(text[g[0] : g[1]][:100]))
        p_chars, g_chars = chars([(s, e) for s, e, _ in pred]), chars(gold)
        tp_chars += len(p_chars & g_chars)
        pred_chars += len(p_chars)
        gold_chars += len(g_chars)

    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "n/a"

    print(f"polnear: {len(records)} articles, {n_gold} discard spans, {n_pred} excluded spans")
    print(
        f"span precision {ratio(tp_pred, n_pred)} ({tp_pred}/{n_pred})  "
        f"span recall {ratio(tp_gold, n_gold)} ({tp_gold}/{n_gold})"
    )
    print(
        f"char precision {ratio(tp_chars, pred_chars)}  char recall {ratio(tp_chars, gold_chars)}"
    )
    print("per rule (excluded / overlapping a discard span):")
    for rule, (n, hit) in sorted(per_rule.items()):
        print(f"  {rule}: {n} / {hit}")
    if args.show:
        print("\nexcluded but not a discard span:")
        for line in false_alarms[: args.show]:
            print("  ", line)
        print("\ndiscard spans missed:")
        for line in misses[: args.show]:
            print("  ", line)

    unlabelled = 0
    shown: list[str] = []
    articles = 0
    for name in ("ptc_semeval2020", "basil"):
        with open(EVAL / f"{name}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                articles += 1
                for s, e, rule in excluded_spans(text, ctx):
                    unlabelled += 1
                    shown.append(f"{name} {rule} {text[s:e][:100]!r}")
    print(f"\nptc + basil (no labels): {unlabelled} excluded spans in {articles} articles")
    for line in shown[: args.show]:
        print("  ", line)


if __name__ == "__main__":
    main()
