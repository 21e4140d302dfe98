"""Score the loaded-language detector against human-annotated news (../shared/eval).

Datasets (read in place, never copied into the repo):

* ptc_semeval2020: propaganda spans in news articles (Loaded_Language,
  Name_Calling,Labeling, Exaggeration,Minimisation); scored on all of them and per label.
* babe: single sentences with expert word-level bias labels (biased_word).
* basil: lexical-bias spans in news articles (only bias aimed at the main entities
  is marked, so recall is the more trustworthy figure).

Each document runs through the real pipeline (``factcheck.api.analyze_text``, one
Context for the whole run). A prediction is every ``LoadedTerm`` plus every finding
of a loaded-language check rule (scare quotes, "so-called"). Three views of the
same predictions:

* span overlap: a predicted span is correct when it overlaps any gold span; recall
  counts the gold spans overlapped by any prediction;
* tokens: word tokens covered by predictions vs by gold spans;
* exact: identical spans once quote marks and punctuation at the edges are dropped.

The reference baseline flags every word the VADER lexicon scores |valence| >= 1.5.
Its span-overlap F1 here is 0.146 on PTC's Loaded_Language spans and 0.162 on BABE,
the 0.15 and 0.16 the issue quotes (on all three PTC labels it is 0.214), so both
PTC readings are printed and checked against the targets.

    .venv/bin/python benchmarks/eval_loaded.py               # the table
    .venv/bin/python benchmarks/eval_loaded.py --per-rule    # precision per rule id
    .venv/bin/python benchmarks/eval_loaded.py --per-term 30 # noisiest terms
    .venv/bin/python benchmarks/eval_loaded.py --disable LL1 # without rules LL1xx
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
DATASETS = ("ptc_semeval2020", "babe", "basil")
_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*")
_EDGE = " \t\n\"'“”‘’.,;:!?()[]…-–—"

Span = tuple[int, int]


@dataclass
class Record:
    source: str
    id: str
    text: str
    gold: list[tuple[int, int, str]]


@dataclass
class Prediction:
    start: int
    end: int
    rule: str
    term: str


@dataclass
class Score:
    """Counts for one (system, dataset[, label]) cell; P/R/F1 derived."""

    pred: int = 0
    pred_hit: int = 0
    gold: int = 0
    gold_hit: int = 0
    tok_pred: int = 0
    tok_gold: int = 0
    tok_both: int = 0
    exact_pred: int = 0
    exact_gold: int = 0

    @staticmethod
    def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
        p = tp_p / n_p if n_p else 0.0
        r = tp_r / n_r if n_r else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def overlap(self) -> tuple[float, float, float]:
        return self.prf(self.pred_hit, self.pred, self.gold_hit, self.gold)

    def tokens(self) -> tuple[float, float, float]:
        return self.prf(self.tok_both, self.tok_pred, self.tok_both, self.tok_gold)

    def exact(self) -> tuple[float, float, float]:
        return self.prf(self.exact_pred, self.pred, self.exact_gold, self.gold)


@dataclass
class RuleTally:
    pred: int = 0
    hit: int = 0
    terms: Counter[str] = field(default_factory=Counter)
    term_hits: Counter[str] = field(default_factory=Counter)


def load(data_dir: Path, name: str, limit: int | None) -> list[Record]:
    path = data_dir / f"{name}.jsonl"
    if not path.is_file():
        sys.exit(f"eval_loaded: {path} not found (pass --data DIR)")
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            raw = json.loads(line)
            if raw.get("loaded") is None:
                continue
            gold = [(int(s), int(e), str(label)) for s, e, label in raw["loaded"]]
            out.append(Record(name, raw["id"], raw["text"], gold))
            if limit and len(out) >= limit:
                break
    return out


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _tokens(text: str, spans: Iterable[Span]) -> set[int]:
    """Start offsets of the word tokens that any of ``spans`` touches."""
    spans = sorted(spans)
    if not spans:
        return set()
    out = set()
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in spans):
            out.add(s)
    return out


def _overlaps(span: Span, others: Sequence[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def score_record(
    score: Score, text: str, preds: Sequence[Span], gold: Sequence[Span]
) -> list[bool]:
    """Add one document to ``score``; return, per prediction, whether it overlaps gold."""
    hits = [_overlaps(p, gold) for p in preds]
    score.pred += len(preds)
    score.pred_hit += sum(hits)
    score.gold += len(gold)
    score.gold_hit += sum(1 for g in gold if _overlaps(g, preds))
    tp, tg = _tokens(text, preds), _tokens(text, gold)
    score.tok_pred += len(tp)
    score.tok_gold += len(tg)
    score.tok_both += len(tp & tg)
    trimmed_pred = {_trim(text, *p) for p in preds}
    trimmed_gold = {_trim(text, *g) for g in gold}
    score.exact_pred += sum(1 for p in preds if _trim(text, *p) in trimmed_gold)
    score.exact_gold += sum(1 for g in gold if _trim(text, *g) in trimmed_pred)
    return hits


class FactcheckSystem:
    """The real pipeline, one Context for the whole run."""

    name = "factcheck"

    def __init__(self, disable: Sequence[str], rules_dirs: Sequence[str]) -> None:
        from factcheck.api import make_context
        from factcheck.context import Options

        options = Options(rules_dirs=tuple(Path(d) for d in rules_dirs), disable=tuple(disable))
        self.ctx = make_context(options)
        self.check_rules = {
            r.id for r in self.ctx.ruleset.of_kind("check") if r.body["check"] in _loaded_checks()
        }
        lexicon = self.ctx.ruleset.of_kind("lexicon")
        self.describe = (
            f"{len(lexicon)} lexicon rules, "
            f"{sum(len(r.body['entries']) for r in lexicon)} entries, "
            f"check rules {sorted(self.check_rules) or 'none'}"
        )

    def predict(self, text: str) -> list[Prediction]:
        """The loaded-language layer of the result (``loaded[]``)."""
        from factcheck.api import analyze_text

        analysis = analyze_text(text, input_format="text", ctx=self.ctx)
        self.last_checks = [
            Prediction(f.start, f.end, f.rule, f.name)
            for f in analysis.findings
            if f.rule in self.check_rules
        ]
        return [Prediction(t.start, t.end, t.rule, t.term.lower()) for t in analysis.loaded]


class WithChecks:
    """``loaded[]`` plus the findings of the loaded-language checks (scare quotes)."""

    name = "+ scare quotes"

    def __init__(self, base: FactcheckSystem) -> None:
        self.base = base
        self.describe = "the same run, with check findings added"

    def predict(self, text: str) -> list[Prediction]:
        return [*self.base.predict(text), *self.base.last_checks]


def _loaded_checks() -> set[str]:
    from factcheck.loaded.checks import CHECKS

    return set(CHECKS)


class VaderBaseline:
    """Every word the VADER lexicon scores at |valence| >= 1.5 (the issue's reference)."""

    name = "VADER |v|>=1.5"

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        lexicon = SentimentIntensityAnalyzer().lexicon
        self.words = {w for w, v in lexicon.items() if abs(v) >= 1.5}
        self.describe = f"{len(self.words)} words"

    def predict(self, text: str) -> list[Prediction]:
        return [
            Prediction(m.start(), m.end(), "VADER", m.group().lower())
            for m in _TOKEN_RE.finditer(text)
            if m.group().lower().replace("’", "'") in self.words
        ]


def evaluate(
    system: FactcheckSystem | WithChecks | VaderBaseline,
    data: dict[str, list[Record]],
    tallies: dict[str, RuleTally] | None = None,
    contexts: Sequence[str] = (),
) -> tuple[dict[str, Score], float]:
    """Scores per dataset and per PTC label ('ptc_semeval2020:Label')."""
    scores: dict[str, Score] = defaultdict(Score)
    started = time.perf_counter()
    for name, records in data.items():
        for rec in records:
            preds = system.predict(rec.text)
            spans = [(p.start, p.end) for p in preds]
            hits = score_record(scores[name], rec.text, spans, [(s, e) for s, e, _ in rec.gold])
            if name == "ptc_semeval2020":
                for label in sorted({lab for _, _, lab in rec.gold} | _PTC_LABELS):
                    gold = [(s, e) for s, e, lab in rec.gold if lab == label]
                    score_record(scores[f"{name}:{label}"], rec.text, spans, gold)
            if tallies is not None:
                for p, hit in zip(preds, hits, strict=True):
                    if contexts and any(
                        c in (p.rule, f"{p.rule} {p.term}", p.term) for c in contexts
                    ):
                        a, b = max(0, p.start - 70), min(len(rec.text), p.end + 70)
                        snippet = (
                            rec.text[a : p.start] + "[[" + rec.text[p.start : p.end] + "]]"
                        ) + rec.text[p.end : b]
                        mark = "TP" if hit else "FP"
                        print(f"{mark} {name[:5]} {p.rule} {snippet!r}")
                    t = tallies[f"{name}\t{p.rule}"]
                    t.pred += 1
                    t.hit += hit
                    t.terms[p.term] += 1
                    t.term_hits[p.term] += hit
    return scores, time.perf_counter() - started


_PTC_LABELS = {"Loaded_Language", "Name_Calling,Labeling", "Exaggeration,Minimisation"}
_SHORT = {
    "ptc_semeval2020": "PTC (all loaded)",
    "ptc_semeval2020:Loaded_Language": "  PTC Loaded_Language",
    "ptc_semeval2020:Name_Calling,Labeling": "  PTC Name_Calling",
    "ptc_semeval2020:Exaggeration,Minimisation": "  PTC Exaggeration",
    "babe": "BABE (biased words)",
    "basil": "BASIL (lexical bias)",
}


def print_table(rows: list[tuple[str, str, Score]]) -> None:
    head = (
        f"{'system':16} {'dataset':24} {'pred':>6} {'gold':>6} | "
        f"{'ovl P':>6} {'ovl R':>6} {'ovl F1':>6} | "
        f"{'tok P':>6} {'tok R':>6} {'tok F1':>6} | {'ex P':>6} {'ex R':>6} {'ex F1':>6}"
    )
    print(head)
    print("-" * len(head))
    for system, key, s in rows:
        o, t, x = s.overlap(), s.tokens(), s.exact()
        print(
            f"{system:16} {_SHORT.get(key, key):24} {s.pred:6d} {s.gold:6d} | "
            + " ".join(f"{v:6.3f}" for v in o)
            + " | "
            + " ".join(f"{v:6.3f}" for v in t)
            + " | "
            + " ".join(f"{v:6.3f}" for v in x)
        )


TARGET_F1 = 0.35
TARGET_P = 0.40


def print_targets(rows: list[tuple[str, str, Score]]) -> None:
    """The issue's dev targets: span-overlap F1 >= 0.35 with precision >= 0.40."""
    print(f"\ntargets (span overlap): F1 >= {TARGET_F1}, precision >= {TARGET_P}")
    for system, key, s in rows:
        if system != FactcheckSystem.name or key not in (
            "ptc_semeval2020",
            "ptc_semeval2020:Loaded_Language",
            "babe",
        ):
            continue
        p, _, f1 = s.overlap()
        verdict = "met" if f1 >= TARGET_F1 and p >= TARGET_P else "NOT met"
        print(f"  {_SHORT[key].strip():24} F1 {f1:.3f}  P {p:.3f}  {verdict}")


def print_per_rule(tallies: dict[str, RuleTally], min_pred: int) -> None:
    by_rule: dict[str, RuleTally] = defaultdict(RuleTally)
    per_set: dict[str, dict[str, RuleTally]] = defaultdict(dict)
    for key, t in tallies.items():
        dataset, rule = key.split("\t")
        agg = by_rule[rule]
        agg.pred += t.pred
        agg.hit += t.hit
        agg.terms.update(t.terms)
        agg.term_hits.update(t.term_hits)
        per_set[rule][dataset] = t
    print(f"\n{'rule':8} {'pred':>6} {'P':>6} | " + " | ".join(f"{d[:5]:>11}" for d in DATASETS))
    for rule, t in sorted(by_rule.items(), key=lambda kv: kv[1].hit / max(kv[1].pred, 1)):
        if t.pred < min_pred:
            continue
        cells = []
        for d in DATASETS:
            x = per_set[rule].get(d)
            cells.append(f"{x.hit:4d}/{x.pred:<4d}{'':2}" if x else f"{'-':>11}")
        print(f"{rule:8} {t.pred:6d} {t.hit / t.pred:6.3f} | " + " | ".join(cells))


def print_per_term(tallies: dict[str, RuleTally], top: int) -> None:
    terms: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for key, t in tallies.items():
        rule = key.split("\t")[1]
        for term, n in t.terms.items():
            terms[f"{rule} {term}"] += n
            hits[f"{rule} {term}"] += t.term_hits[term]
    print(f"\nnoisiest terms (most predictions overlapping no gold span), top {top}")
    print(f"{'rule term':40} {'pred':>5} {'hit':>5} {'P':>6}")
    worst = sorted(terms, key=lambda k: terms[k] - hits[k], reverse=True)[:top]
    for k in worst:
        print(f"{k:40} {terms[k]:5d} {hits[k]:5d} {hits[k] / terms[k]:6.3f}")


def measure_speed(data_dir: Path, disable: Sequence[str], rules: Sequence[str]) -> None:
    """Throughput of the loaded-language stage over real articles (CPU time, best of 3).

    The articles are read and segmented first (not timed); the timed part is
    ``factcheck.loaded.annotate``: folding, the trie scan, context conditions, voice.
    """
    from factcheck import loaded, segment
    from factcheck.ingest import document_from_text
    from factcheck.loaded.matcher import fold
    from factcheck.model import Analysis

    ctx = FactcheckSystem(disable, rules).ctx
    started = time.process_time()
    matcher = loaded.matcher_for(ctx)
    build = time.process_time() - started
    texts = []
    for name in ("ptc_semeval2020", "polnear", "basil"):
        with (data_dir / f"{name}.jsonl").open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
    segmented = [segment.annotate(Analysis(document=document_from_text(t)), ctx) for t in texts]
    mib = sum(len(t) for t in texts) / 2**20
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        found = sum(len(loaded.annotate(a, ctx).loaded) for a in segmented)
        best = min(best, time.process_time() - started)
    scan = float("inf")
    if matcher.pattern is not None:
        folded = [" " + fold(t) for t in texts]
        for _ in range(3):
            started = time.process_time()
            for text in folded:
                for _match in matcher.pattern.finditer(text):
                    pass
            scan = min(scan, time.process_time() - started)
    print(
        f"loaded stage: {len(matcher.entries)} surface forms, matcher built in {build:.2f} s; "
        f"{len(texts)} articles, {mib:.2f} MiB, {found} terms; CPU time, best of 3: "
        f"trie scan {mib / scan:.1f} MiB/s, whole stage {mib / best:.1f} MiB/s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of *.jsonl")
    parser.add_argument("--datasets", nargs="*", default=list(DATASETS), choices=DATASETS)
    parser.add_argument("--limit", type=int, default=None, help="records per dataset")
    parser.add_argument("--disable", action="append", default=[], help="rule id or prefix")
    parser.add_argument("--rules", action="append", default=[], help="extra rule folder")
    parser.add_argument("--no-baseline", action="store_true", help="skip the VADER baseline")
    parser.add_argument(
        "--with-checks", action="store_true", help="also score loaded[] + scare-quote findings"
    )
    parser.add_argument("--per-rule", action="store_true", help="precision per rule id")
    parser.add_argument("--per-term", type=int, default=0, metavar="N", help="N noisiest terms")
    parser.add_argument(
        "--contexts", action="append", default=[], metavar="RULE|TERM", help="print hits in context"
    )
    parser.add_argument("--min-pred", type=int, default=1, help="--per-rule: rules with >= N")
    parser.add_argument("--speed", action="store_true", help="measure the matcher's throughput")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    if args.speed:
        measure_speed(args.data, args.disable, args.rules)
        return 0
    data = {name: load(args.data, name, args.limit) for name in args.datasets}
    base = FactcheckSystem(args.disable, args.rules)
    systems: list[FactcheckSystem | WithChecks | VaderBaseline] = [base]
    if args.with_checks:
        systems.append(WithChecks(base))
    if not args.no_baseline:
        systems.append(VaderBaseline())
    rows: list[tuple[str, str, Score]] = []
    tallies: dict[str, RuleTally] = defaultdict(RuleTally)
    for system in systems:
        scores, seconds = evaluate(
            system,
            data,
            tallies if isinstance(system, FactcheckSystem) else None,
            args.contexts,
        )
        print(f"{system.name}: {system.describe}; {seconds:.1f} s", file=sys.stderr)
        order = [k for k in _SHORT if k in scores]
        rows.extend((system.name, key, scores[key]) for key in order)
    sizes = ", ".join(f"{n} {len(r)} docs" for n, r in data.items())
    print(f"loaded-language evaluation on {args.data} ({sizes})")
    if args.disable:
        print(f"disabled: {', '.join(args.disable)}")
    print_table(rows)
    print_targets(rows)
    if args.per_rule:
        print_per_rule(tallies, args.min_pred)
    if args.per_term:
        print_per_term(tallies, args.per_term)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
