"""Score number detection and value parsing against annotated data (../shared/eval).

Datasets (read in place, never copied into the repo):

* recognizers_numeric: Microsoft Recognizers-Text specs. Each record is annotated for
  ONE family (meta.model), so predictions are filtered to the claim kinds of that
  family before precision is counted: CurrencyModel -> money, PercentModel ->
  percent, NumberRangeModel -> ranges and bounded figures, AgeModel -> age,
  DimensionModel -> measures (not temperatures), TemperatureModel -> temperatures,
  NumberModel -> every claim.
* recognizers_datetime: dates, times and durations; span recall by gold type, with
  predictions filtered to dates and durations. Relative dates ("tomorrow", "next
  week"), weekdays and times of day are not figures a fact-checker checks and are not
  read by design; the row "with a figure or month name" is the part factcheck targets.
* quantulum3 and measeval: quantities in synthetic and scientific text (not news:
  "Voyager 2" is a name, not a claim), span recall and value accuracy.

Each text runs through the real pipeline (``factcheck.api.analyze_text``, one
Context for the run); ``--detector`` scores the bare detector instead
(``factcheck.claims.quantities``: no boilerplate, no claim-worthiness beyond the
grammar). Scores:

* span recall: gold spans overlapped by a (family-filtered) prediction;
* exact recall: gold spans predicted exactly (edges' spaces and punctuation ignored);
* span precision: predictions overlapping a gold span;
* value accuracy: gold quantities with a value found by an overlapping prediction
  with the same value (rel. 1e-6); for a range, the same low and high.

Finally the claims of ../shared/articles/*.txt are printed for eyeballing.

    .venv/bin/python benchmarks/eval_numbers.py                  # the tables
    .venv/bin/python benchmarks/eval_numbers.py --misses Currency  # misses of a family
    .venv/bin/python benchmarks/eval_numbers.py --speed     # and the claims stage's speed
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
ARTICLES = ROOT.parent / "shared" / "articles"
_EDGE = " \t\n\"'“”‘’.,;:!?()[]…"
_TEMPERATURE_UNITS = frozenset({"degC", "degF", "deg"})
# A date or duration written with a figure, a number word or a month name ("December 1",
# "three weeks"), not a relative one ("tomorrow", "next week"): what factcheck reads.
_FIGURED_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|hundred)\b",
    re.I,
)
_INTERVAL_RE = re.compile(r"^([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])$")

sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    text: str


@dataclass
class Score:
    name: str
    gold: int = 0
    found: int = 0
    exact: int = 0
    preds: int = 0
    preds_ok: int = 0
    valued: int = 0
    value_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> list[str]:
        return [
            self.name,
            str(self.gold),
            _pct(self.found, self.gold),
            _pct(self.exact, self.gold),
            _pct(self.preds_ok, self.preds),
            _pct(self.value_ok, self.valued)
            + (f" ({self.value_ok}/{self.valued})" if self.valued else ""),
        ]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def family_filter(family: str) -> Callable[[Pred], bool]:
    """Which predictions count for a Recognizers family."""
    if family == "CurrencyModel":
        return lambda p: p.kind == "money"
    if family == "PercentModel":
        return lambda p: p.kind == "percent"
    if family == "NumberRangeModel":
        return lambda p: p.kind == "range" or p.low is not None or p.high is not None
    if family == "AgeModel":
        return lambda p: p.kind == "age"
    if family == "DimensionModel":
        return lambda p: p.kind == "measure" and p.unit not in _TEMPERATURE_UNITS
    if family == "TemperatureModel":
        return lambda p: p.kind == "measure" and p.unit in _TEMPERATURE_UNITS
    return lambda p: True


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _interval(text: str) -> tuple[float | None, float | None] | None:
    m = _INTERVAL_RE.match(text.strip())
    if m is None:
        return None
    low = float(m.group(2)) if m.group(2).strip() else None
    high = float(m.group(3)) if m.group(3).strip() else None
    return low, high


def value_matches(pred: Pred, gold: dict[str, Any]) -> bool:
    """Same value, or for a range resolution ("[20,30)") the same bounds."""
    resolution = gold.get("resolution") or {}
    raw = resolution.get("value") if isinstance(resolution, dict) else None
    if isinstance(raw, str) and raw[:1] in "[(":
        bounds = _interval(raw)
        if bounds is None:
            return False
        low, high = bounds
        if low is not None and high is not None and low == high:
            return _close(pred.value, low)
        ok_low = (
            low is None
            or _close(pred.low, low)
            or (pred.high is None and _close(pred.value, low) and pred.low is not None)
        )
        ok_high = high is None or _close(pred.high, high)
        if low is None and pred.low is not None:
            return False
        if high is None and pred.high is not None:
            return False
        return ok_low and ok_high
    return _close(pred.value, gold.get("value"))


def _has_value(gold: dict[str, Any]) -> bool:
    if gold.get("value") is not None:
        return True
    resolution = gold.get("resolution") or {}
    raw = resolution.get("value") if isinstance(resolution, dict) else None
    return isinstance(raw, str) and raw[:1] in "[(" and _interval(raw) is not None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def score_record(
    score: Score,
    text: str,
    golds: list[dict[str, Any]],
    preds: list[Pred],
    keep: Callable[[Pred], bool],
    *,
    values: bool = True,
) -> None:
    preds = [p for p in preds if keep(p)]
    spans = [tuple(g["span"]) for g in golds]
    score.preds += len(preds)
    score.preds_ok += sum(1 for p in preds if any(p.start < e and s < p.end for s, e in spans))
    for g, (s, e) in zip(golds, spans, strict=True):
        score.gold += 1
        over = [p for p in preds if p.start < e and s < p.end]
        gs = _strip(text, s, e)
        if over:
            score.found += 1
        if any(_strip(text, p.start, p.end) == gs for p in over):
            score.exact += 1
        if values and _has_value(g):
            score.valued += 1
            if any(value_matches(p, g) for p in over):
                score.value_ok += 1
                continue
        elif over:
            continue
        got = (
            ", ".join(f"{p.text!r}={p.value}[{p.low},{p.high}]{p.unit}" for p in over) or "nothing"
        )
        want = g.get("value", g.get("resolution"))
        score.misses.append(f"{text[s:e]!r} ({want}) in {text[:120]!r}: got {got}")


class Predictor:
    """The pipeline (default) or the bare detector, with one Context for the run."""

    def __init__(self, detector: bool) -> None:
        from factcheck.api import make_context

        self.ctx = make_context()
        self.detector = detector

    def __call__(self, text: str) -> list[Pred]:
        if self.detector:
            from factcheck.claims import quantities

            found: Iterable[Any] = quantities(text, self.ctx)
        else:
            from factcheck.api import analyze_text

            found = analyze_text(text, ctx=self.ctx).claims
        return [
            Pred(q.start, q.end, q.kind, q.value, q.low, q.high, q.unit, text[q.start : q.end])
            for q in found
        ]


def load(data: Path, name: str) -> list[dict[str, Any]]:
    with open(data / f"{name}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def eval_numeric(data: Path, predict: Predictor) -> list[Score]:
    scores: dict[str, Score] = {}
    for rec in load(data, "recognizers_numeric"):
        family = rec["meta"]["model"]
        score = scores.setdefault(family, Score(family))
        score_record(
            score, rec["text"], rec["quantities"] or [], predict(rec["text"]), family_filter(family)
        )
    order = [
        "CurrencyModel",
        "PercentModel",
        "NumberModel",
        "NumberRangeModel",
        "AgeModel",
        "DimensionModel",
        "TemperatureModel",
    ]
    return [scores[f] for f in order if f in scores]


def eval_datetime(data: Path, predict: Predictor) -> list[Score]:
    by_type: dict[str, Score] = defaultdict(lambda: Score(""))
    total = Score("recognizers_datetime: all")
    figured = Score("  with a figure or month name")
    keep = lambda p: p.kind in ("date", "duration")  # noqa: E731
    for rec in load(data, "recognizers_datetime"):
        preds = predict(rec["text"])
        golds = rec["quantities"] or []
        score_record(total, rec["text"], golds, preds, keep, values=False)
        written = [g for g in golds if _FIGURED_RE.search(rec["text"][g["span"][0] : g["span"][1]])]
        before = figured.preds, figured.preds_ok
        score_record(figured, rec["text"], written, preds, keep, values=False)
        figured.preds, figured.preds_ok = before
        for g in golds:
            kind = g["type"].split(".")[-1]
            s = by_type[kind]
            s.name = f"  datetime {kind}"
            before = s.preds, s.preds_ok
            score_record(s, rec["text"], [g], preds, keep, values=False)
            s.preds, s.preds_ok = before
    return [
        total,
        figured,
        *(
            by_type[k]
            for k in ("date", "daterange", "duration", "datetime", "time", "set")
            if k in by_type
        ),
    ]


def eval_plain(data: Path, name: str, predict: Predictor) -> Score:
    score = Score(name)
    for rec in load(data, name):
        score_record(
            score, rec["text"], rec["quantities"] or [], predict(rec["text"]), lambda p: True
        )
    return score


def print_table(title: str, scores: list[Score]) -> None:
    print(f"\n### {title}\n")
    header = ["set", "gold", "span recall", "exact recall", "span precision", "value accuracy"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for s in scores:
        print("| " + " | ".join(s.row()) + " |")


def print_articles(predict: Predictor) -> None:
    print("\n### Claims in ../shared/articles (pipeline)\n")
    from factcheck.api import analyze_text

    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        analysis = analyze_text(text, ctx=predict.ctx, path=str(path))
        print(f"{path.name}: {len(analysis.claims)} claims")
        for c in analysis.claims:
            bounds = f" [{c.low}, {c.high}]" if c.low is not None or c.high is not None else ""
            extra = " ".join(
                f"{k}={v}"
                for k, v in (
                    ("unit", c.unit),
                    ("noun", c.noun),
                    ("verb", c.verb),
                    ("q", c.qualifier),
                    ("date", c.date),
                )
                if v
            )
            where = f"{c.status}/{c.voice}"
            print(f"  {c.id} {c.rule} {c.kind:8} {c.text!r} = {c.value}{bounds} {extra} {where}")


def print_speed(data: Path, predict: Predictor, articles: int = 150) -> None:
    """CPU time of the claims stage alone (``factcheck.claims.annotate``), best of 3."""
    from factcheck.api import analyze_text
    from factcheck.claims import annotate

    records = load(data, "polnear")[:articles]
    analyses = [analyze_text(r["text"], ctx=predict.ctx) for r in records]
    chars = sum(len(r["text"]) for r in records)
    best = float("inf")
    for _ in range(3):
        t0 = time.thread_time()
        for analysis in analyses:
            annotate(analysis, predict.ctx)
        best = min(best, time.thread_time() - t0)
    print(
        f"\nclaims stage on {len(records)} PolNeAR articles ({chars / len(records):.0f} chars"
        f" on average): {1000 * best / len(records):.3f} ms per article,"
        f" {1000 * best / chars * 3000:.3f} ms per 3 KB (CPU time, best of 3)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--detector", action="store_true", help="score the bare detector")
    parser.add_argument(
        "--misses", default=None, help="print the misses of sets whose name contains this"
    )
    parser.add_argument("--no-articles", action="store_true")
    parser.add_argument("--speed", action="store_true", help="time the claims stage too")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no evaluation data at {args.data}")
    predict = Predictor(args.detector)
    t0 = time.perf_counter()
    numeric = eval_numeric(args.data, predict)
    datetime = eval_datetime(args.data, predict)
    plain = [eval_plain(args.data, n, predict) for n in ("quantulum3", "measeval")]
    elapsed = time.perf_counter() - t0
    mode = "bare detector" if args.detector else "pipeline claims"
    print_table(f"recognizers_numeric by family ({mode})", numeric)
    print_table(f"recognizers_datetime ({mode}; dates and durations)", datetime)
    print_table(f"quantulum3 and measeval ({mode}; not news)", plain)
    print(f"\n{elapsed:.1f} s for all records")
    if args.misses:
        for s in [*numeric, *datetime, *plain]:
            if args.misses.lower() in s.name.lower():
                print(f"\n#### misses: {s.name}")
                for line in s.misses:
                    print("  " + line)
    if args.speed:
        print_speed(args.data, predict)
    if not args.no_articles:
        print_articles(predict)


if __name__ == "__main__":
    main()
