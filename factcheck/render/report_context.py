"""Plain data for the report templates, built from one :class:`Analysis`.

Templates get dicts, lists, strings, numbers and booleans only: no model objects, no
methods to call, nothing to compute. Everything a template shows is decided here,
so a newsroom that replaces the templates (``--template DIR``) gets the same facts
and only changes how they look. The keys are documented in
``report_templates/README.md``.

The article is turned into highlighted pieces from character offsets: the text is
cut at every span boundary and each piece carries the classes of every span that
covers it, so nesting and overlap need no special cases and the text itself is
never searched or replaced.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factcheck.model import SEVERITY_ORDER, Analysis, Finding
from factcheck.render import charts
from factcheck.render.result_dict import Positions

_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\S+")

VOICE_LABELS = {
    "reporter": "in the reporter's voice",
    "quoted": "quoted",
    "paraphrased": "paraphrased",
}

TONE_CAVEAT = (
    "Tone is the mean VADER compound score (−1 very negative … +1 very positive) of "
    "individual sentences, never of the whole article. VADER is a general-purpose word "
    "list: it misreads irony, negation across clauses and news idiom, so read tone as a "
    "prompt to re-read, never as a finding on its own."
)

# One-line explanations of the readability metrics textstat computes.
METRIC_NOTES: Mapping[str, tuple[str, str]] = {
    "flesch_reading_ease": (
        "Flesch reading ease",
        "0–100, higher is easier; 60–70 is plain English, under 30 is academic.",
    ),
    "flesch_kincaid_grade": (
        "Flesch–Kincaid grade",
        "US school grade needed to follow the text; most news aims at 8–10.",
    ),
    "gunning_fog": ("Gunning fog", "Years of schooling implied by sentence length and long words."),
    "smog_index": ("SMOG index", "Grade from words of three or more syllables per 30 sentences."),
    "coleman_liau_index": (
        "Coleman–Liau index",
        "Grade from letters per word and sentence length.",
    ),
    "automated_readability_index": (
        "Automated readability index",
        "Grade from characters per word and words per sentence.",
    ),
    "dale_chall_readability_score": (
        "Dale–Chall score",
        "Share of words outside a list of 3,000 familiar words; under 7 is easy for adults.",
    ),
    "linsear_write_formula": ("Linsear Write", "Grade from easy and hard words per sentence."),
    "text_standard": ("Consensus grade", "textstat's consensus of the grade formulas above."),
    "difficult_words": (
        "Difficult words",
        "Words of three or more syllables not on the easy list.",
    ),
    "avg_sentence_length": ("Average sentence length", "Words per sentence; news aims at 15–20."),
    "mean_sentence_length": ("Average sentence length", "Words per sentence; news aims at 15–20."),
    "long_sentences": ("Long sentences", "Sentences over the long-sentence threshold."),
    "avg_syllables_per_word": ("Syllables per word", "Longer words make text harder to read."),
    "reading_time": ("Reading time", "Seconds at an average adult reading speed."),
    "lexicon_count": ("Words", "Words counted by textstat (boilerplate excluded)."),
    "sentence_count": ("Sentences", "Sentences counted by textstat."),
}
GRADE_KEYS = ("grade", "flesch_kincaid_grade", "text_standard")

THRESHOLD_NOTES: Mapping[str, str] = {
    "balance_min": "a story with two or more sides scoring under this is a finding",
    "max_unsourced": "more unsourced statistics than this is a finding",
    "max_reporter_loaded": "more loaded terms in the reporter's voice than this is a finding",
    "max_grade": "a reading grade above this is a finding",
}

# Which findings an editor should look at first, after severity (lower is earlier).
_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("consistency", re.compile(r"inconsisten|percentage.point|mismatch|contradict", re.I)),
    ("unsourced", re.compile(r"unsourced|no source", re.I)),
    ("balance", re.compile(r"balance|one.sided", re.I)),
    ("reply", re.compile(r"reply|accus", re.I)),
    ("anonymous", re.compile(r"anonymous|vague", re.I)),
)
_KIND_RANK = {
    "consistency": 0,
    "unsourced": 1,
    "balance": 2,
    "reply": 3,
    "loaded": 4,
    "anonymous": 5,
    "other": 6,
}


def build_context(
    analysis: Analysis,
    *,
    rule_names: Mapping[str, tuple[str, str]] | None = None,
    thresholds: Any = None,
) -> dict[str, Any]:
    """Everything the report templates show, as plain data.

    ``rule_names`` maps a rule id to its (name, summary) for the method section;
    ``thresholds`` is the run's :class:`factcheck.context.Thresholds` (or None).
    """
    pos = Positions(analysis)
    sides = _side_styles(analysis)
    names = {s.id: s.name for s in analysis.speakers}
    refs = _Refs(analysis)
    meta = _meta(analysis)
    claims = _claims(analysis, pos, names, refs)
    loaded = _loaded(analysis, pos, names)
    statements = _statements(analysis, pos, names, sides)
    voices = _voices(analysis, names, sides)
    return {
        "lang": "en",
        "title": f"Fact-check report: {meta['headline']}",
        "meta": meta,
        "tool": _tool(analysis),
        "summary": _summary(analysis, pos, refs, voices, thresholds, claims),
        "legend": _legend(sides),
        "article": _article(analysis, sides),
        "claims": claims,
        "loaded": loaded,
        "statements": statements,
        "voices": voices,
        "tone": _tone(analysis, sides),
        "readability": _readability(analysis),
        "method": _method(analysis, rule_names or {}, thresholds),
    }


# -- header and summary ----------------------------------------------------------------


def _meta(analysis: Analysis) -> dict[str, Any]:
    doc = analysis.document
    stem = doc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if doc.path != "-" else "stdin"
    headline = doc.meta.title or stem.replace("-", " ").replace("_", " ").strip().capitalize()
    return {
        "headline": headline,
        "outlet": doc.meta.outlet,
        "date": doc.meta.date,
        "author": doc.meta.author,
        "url": doc.meta.url,
        "path": doc.path,
        "format": doc.format,
        "words": analysis.words(),
        "sentences": sum(1 for s in analysis.segments.sentences if not s.excluded),
        "paragraphs": sum(1 for p in analysis.segments.paragraphs if not p.excluded),
        "excluded": len(doc.excluded),
        "grade": _grade(analysis.readability),
        "warnings": list(doc.warnings),
    }


def _tool(analysis: Analysis) -> dict[str, Any]:
    versions = dict(analysis.versions)
    digest = analysis.ruleset_digest
    return {
        "name": "factcheck",
        "version": versions.get("factcheck", ""),
        "versions": [{"name": k, "version": v} for k, v in sorted(versions.items())],
        "ruleset_digest": digest,
        "digest_short": digest[:12],
    }


def _grade(readability: Mapping[str, Any] | None) -> str | None:
    if not readability:
        return None
    for key in GRADE_KEYS:
        value = readability.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return f"{value:.1f}"
        if isinstance(value, str) and value:
            return value
    return None


def _summary(
    analysis: Analysis,
    pos: Positions,
    refs: _Refs,
    voices: dict[str, Any],
    thresholds: Any,
    claims: list[dict[str, Any]],
) -> dict[str, Any]:
    by_voice = {v: 0 for v in VOICE_LABELS}
    for term in analysis.loaded:
        by_voice[term.voice] = by_voice.get(term.voice, 0) + 1
    severities = {s: 0 for s in ("error", "warning", "info")}
    for f in analysis.findings:
        severities[f.severity] += 1
    balance = analysis.balance
    score = balance.score if balance is not None else None
    minimum = getattr(thresholds, "balance_min", None)
    return {
        "claims": len(analysis.claims),
        "unsourced": sum(1 for c in analysis.claims if c.status == "unsourced"),
        "sourced": sum(1 for c in analysis.claims if c.status == "sourced"),
        "inconsistent": sum(1 for c in claims if c["inconsistent"]),
        "loaded": len(analysis.loaded),
        "loaded_by_voice": [
            {"voice": v, "label": VOICE_LABELS.get(v, v), "count": n} for v, n in by_voice.items()
        ],
        "statements": len(analysis.statements),
        "direct": sum(1 for s in analysis.statements if s.direct),
        "speakers": sum(1 for s in analysis.speakers if s.statements),
        "silent": len(voices["silent"]),
        "findings": severities,
        "balance": {
            "available": balance is not None and bool(balance.sides),
            "score": score,
            "score_text": "n/a" if score is None else f"{score:.2f}",
            "below_threshold": score is not None and minimum is not None and score < minimum,
            "threshold": minimum,
        },
        "look_first": _look_first(analysis, pos, refs),
    }


def _finding_kind(finding: Finding, loaded_rules: set[str]) -> str:
    if finding.rule in loaded_rules:
        return "loaded"
    label = f"{finding.name} {finding.message}"
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(label):
            return kind
    return "other"


def _look_first(analysis: Analysis, pos: Positions, refs: _Refs, count: int = 3) -> list[dict]:
    """The three findings an editor should read first: by severity, then by kind.

    One finding per kind comes first (an inconsistent figure, an unsourced
    statistic, a balance problem...), so three loaded words do not crowd out a
    wrong number; remaining places are filled in the same order.
    """
    loaded_rules = {t.rule for t in analysis.loaded}
    ranked = sorted(
        analysis.findings,
        key=lambda f: (
            -SEVERITY_ORDER[f.severity],
            _KIND_RANK[_finding_kind(f, loaded_rules)],
            f.start,
            f.rule,
        ),
    )
    chosen: list[Finding] = []
    seen_kinds: set[str] = set()
    for f in ranked:
        kind = _finding_kind(f, loaded_rules)
        if kind not in seen_kinds and len(chosen) < count:
            chosen.append(f)
            seen_kinds.add(kind)
    for f in ranked:
        if len(chosen) >= count:
            break
        if f not in chosen and all(f.message != c.message for c in chosen):
            chosen.append(f)
    chosen.sort(key=ranked.index)
    text = analysis.document.text
    out = []
    for rank, f in enumerate(chosen, 1):
        line, _ = pos.line_col(f.start)
        out.append(
            {
                "rank": rank,
                "severity": f.severity,
                "rule": f.rule,
                "name": f.name,
                "kind": _finding_kind(f, loaded_rules),
                "message": f.message,
                "excerpt": _squash(text[f.start : f.end], 90),
                "line": line,
                "ref": refs.at(f.start, f.end),
            }
        )
    return out


class _Refs:
    """Table references (C1, L2, S3) of the annotations a span falls on."""

    def __init__(self, analysis: Analysis) -> None:
        self._items = [
            *((c.start, c.end, f"C{i}") for i, c in enumerate(analysis.claims, 1)),
            *((t.start, t.end, f"L{i}") for i, t in enumerate(analysis.loaded, 1)),
            *((s.start, s.end, f"S{i}") for i, s in enumerate(analysis.statements, 1)),
        ]

    def at(self, start: int, end: int) -> str | None:
        if end <= start:
            return None
        for a, b, ref in self._items:
            if a < end and start < b:
                return ref
        return None


# -- tables ------------------------------------------------------------------------------


def _context(analysis: Analysis, start: int, end: int, words: int = 14) -> dict[str, str]:
    """The sentence around ``[start, end)``, trimmed to ``words`` words on each side."""
    text = analysis.document.view
    index = analysis.segments.sentence_at(start)
    if index is not None:
        sentence = analysis.segments.sentences[index]
        lo, hi = min(sentence.start, start), max(sentence.end, end)
    else:
        lo, hi = max(0, start - 120), min(len(text), end + 120)
    before = _SPACE_RE.sub(" ", text[lo:start]).lstrip()
    after = _SPACE_RE.sub(" ", text[end:hi]).rstrip()
    head = before.split(" ")
    if len(head) > words:
        before = "… " + " ".join(head[-words:])
    tail = after.split(" ")
    if len(tail) > words + 1:
        after = " ".join(tail[: words + 1]) + " …"
    return {"before": before, "match": _SPACE_RE.sub(" ", text[start:end]), "after": after}


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) >= 1000 else f"{value:.4g}"


def _claim_value(low: float | None, high: float | None, value: float | None) -> str:
    if value is not None:
        return _number(value)
    if low is not None and high is not None:
        return f"{_number(low)}–{_number(high)}"
    if low is not None:
        return f"≥ {_number(low)}"
    if high is not None:
        return f"≤ {_number(high)}"
    return "—"


def _claims(
    analysis: Analysis, pos: Positions, names: Mapping[str, str], refs: _Refs
) -> list[dict[str, Any]]:
    loaded_rules = {t.rule for t in analysis.loaded}
    rows = []
    for i, c in enumerate(analysis.claims, 1):
        notes = [
            f for f in analysis.findings if f.start < c.end and c.start < f.end and f.rule != c.rule
        ]
        kinds = [_finding_kind(f, loaded_rules) for f in notes]
        if c.status == "sourced":
            if c.speaker:
                source = names.get(c.speaker, c.speaker)
            elif c.link:
                source = f"link: {c.link}"
            else:
                source = c.source or "sourced"
        else:
            source = "unsourced"
        line, col = pos.line_col(c.start)
        rows.append(
            {
                "ref": f"C{i}",
                "id": c.id,
                "text": c.text,
                "context": _context(analysis, c.start, c.end),
                "value": _claim_value(c.low, c.high, c.value),
                "unit": c.unit or "",
                "noun": c.noun or "",
                "qualifier": c.qualifier or "",
                "kind": c.kind,
                "date": c.date or "",
                "status": c.status,
                "source": source,
                "voice": c.voice,
                "notes": [f.message for f, k in zip(notes, kinds, strict=True) if k != "unsourced"],
                "inconsistent": "consistency" in kinds,
                "line": line,
                "column": col,
                "rule": c.rule,
            }
        )
    return rows


def _voice_label(voice: str, speaker: str | None) -> str:
    return f"{voice} ({speaker})" if speaker and voice != "reporter" else voice


def _loaded(analysis: Analysis, pos: Positions, names: Mapping[str, str]) -> list[dict]:
    rows = []
    for i, t in enumerate(analysis.loaded, 1):
        speaker = names.get(t.speaker, t.speaker) if t.speaker else None
        line, col = pos.line_col(t.start)
        rows.append(
            {
                "ref": f"L{i}",
                "id": t.id,
                "text": t.text,
                "term": t.term,
                "context": _context(analysis, t.start, t.end),
                "category": t.category.replace("-", " "),
                "severity": t.severity,
                "voice": t.voice,
                "speaker": speaker or "",
                "voice_label": _voice_label(t.voice, speaker),
                "suggestion": t.suggestion or "",
                "why": t.why or "",
                "line": line,
                "column": col,
                "rule": t.rule,
            }
        )
    return rows


def _statements(
    analysis: Analysis, pos: Positions, names: Mapping[str, str], sides: Mapping[str, int]
) -> list[dict[str, Any]]:
    rows = []
    for i, st in enumerate(analysis.statements, 1):
        line, _ = pos.line_col(st.start)
        rows.append(
            {
                "ref": f"S{i}",
                "speaker": names.get(st.speaker, st.speaker) if st.speaker else "unknown",
                "side": st.side or "",
                "style": sides.get(st.side, -1) if st.side else -1,
                "direct": st.direct,
                "mode": "direct quote" if st.direct else "reported",
                "cue": st.cue or "",
                "cue_neutral": st.cue_neutral,
                "anonymous": st.anonymous,
                "words": st.words,
                "text": _squash(st.text, 160),
                "line": line,
            }
        )
    return rows


# -- voices --------------------------------------------------------------------------------


def _side_styles(analysis: Analysis) -> dict[str, int]:
    """A fixed style index per side: balance order first, then order of appearance."""
    order: list[str] = []
    if analysis.balance is not None:
        order.extend(s.name for s in analysis.balance.sides)
    for sp in analysis.speakers:
        if sp.side and sp.side not in order:
            order.append(sp.side)
    for st in analysis.statements:
        if st.side and st.side not in order:
            order.append(st.side)
    return {name: i for i, name in enumerate(order)}


def _voices(
    analysis: Analysis, names: Mapping[str, str], sides: Mapping[str, int]
) -> dict[str, Any]:
    speakers = [
        {
            "name": sp.name,
            "affiliation": sp.affiliation or "",
            "side": sp.side or "",
            "style": sides.get(sp.side, -1) if sp.side else -1,
            "kind": sp.kind,
            "role": sp.role or "",
            "statements": sp.statements,
            "direct": sum(1 for st in analysis.statements if st.speaker == sp.id and st.direct),
            "mentions": len(sp.mentions),
            "silent": sp.statements == 0,
        }
        for sp in analysis.speakers
    ]
    ordered = sorted(analysis.statements, key=lambda s: (s.start, s.end))

    def who(index: int) -> str:
        if not ordered:
            return ""
        st = ordered[index]
        name = names.get(st.speaker, st.speaker) if st.speaker else "an unnamed source"
        return f"{name} ({st.side})" if st.side else name

    balance = analysis.balance
    side_rows = []
    notes = []
    bars = []
    for sb in balance.sides if balance is not None else ():
        style = sides.get(sb.name, -1)
        side_rows.append(
            {
                "name": sb.name,
                "style": style,
                "speakers": ", ".join(names.get(s, s) for s in sb.speakers),
                "statements": sb.statements,
                "direct": sb.direct,
                "reported": max(sb.statements - sb.direct, 0),
                "words": sb.words,
                "share": sb.share,
                "share_pct": f"{sb.share:.0%}",
                "first": sb.first,
                "last": sb.last,
                "mentions": sb.mentions,
                "loaded_about": sb.loaded_about,
                "accused": sb.accused,
                "replied": sb.replied,
            }
        )
        bars.append(charts.VoiceBar(sb.name, sb.share, sb.statements, sb.direct, style))
        if sb.statements == 0:
            notes.append(f"{sb.name} is mentioned {sb.mentions} times but never speaks.")
        if sb.accused and sb.replied is False:
            notes.append(f"{sb.name} is accused in the story and gets no reply.")
        elif sb.accused and sb.replied:
            notes.append(f"{sb.name} is accused and replies later in the story.")
    chart = charts.share_of_voice(bars)
    alt = "Share of voice by side: " + (
        "; ".join(
            f"{b.name} {b.share:.0%} of attributed words, {b.statements} statements, "
            f"{b.direct} direct"
            for b in bars
        )
        or "no attributed speech"
    )
    return {
        "speakers": speakers,
        "sides": side_rows,
        "first": who(0),
        "last": who(-1),
        "silent": [s for s in speakers if s["silent"]],
        "notes": notes,
        "unassigned": [names.get(s, s) for s in (balance.unassigned if balance else ())],
        "formula": balance.formula if balance is not None else "",
        "chart": charts.data_uri(chart),
        "chart_alt": alt,
    }


# -- tone and readability ----------------------------------------------------------------------


def _tone_value(value: Any) -> dict[str, Any]:
    """A tone figure as text, whatever shape the scoring stage gives it.

    Accepts a number (mean compound) or a mapping with one of ``compound`` /
    ``mean`` / ``score`` and optionally ``n`` / ``sentences`` / ``count``.
    """
    n = None
    if isinstance(value, Mapping):
        n = next((value[k] for k in ("n", "sentences", "count") if k in value), None)
        value = next((value[k] for k in ("compound", "mean", "score") if k in value), None)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return {"text": "—", "label": "no sentences", "value": None}
    label = "negative" if value <= -0.05 else "positive" if value >= 0.05 else "neutral"
    text = f"{value:+.2f}"
    if isinstance(n, int):
        text += f" (n={n})"
    return {"text": text, "label": label, "value": float(value)}


def _tone(analysis: Analysis, sides: Mapping[str, int]) -> dict[str, Any]:
    sentiment = analysis.sentiment or {}
    by_side = sentiment.get("by_side") or {}
    rows = [
        {
            "side": name,
            "style": sides.get(name, -1),
            "statements": _tone_value(values.get("statements") if values else None),
            "about": _tone_value(values.get("about") if values else None),
        }
        for name, values in sorted(by_side.items(), key=lambda kv: sides.get(kv[0], 99))
    ]
    return {
        "available": bool(sentiment),
        "rows": rows,
        "overall": _tone_value(sentiment.get("overall")),
        "caveat": TONE_CAVEAT,
    }


def _sentence_lengths(analysis: Analysis) -> list[int]:
    view = analysis.document.view
    return [
        len(_WORD_RE.findall(view[s.start : s.end]))
        for s in analysis.segments.sentences
        if not s.excluded
    ]


def _readability(analysis: Analysis) -> dict[str, Any]:
    metrics = []
    for key, value in (analysis.readability or {}).items():
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            continue
        label, note = METRIC_NOTES.get(key, (key.replace("_", " ").capitalize(), ""))
        shown = f"{value:.1f}" if isinstance(value, float) else str(value)
        metrics.append({"key": key, "label": label, "value": shown, "explain": note})
    lengths = _sentence_lengths(analysis)
    bins = charts.histogram_bins(lengths)
    alt = "Sentence lengths in words: " + ", ".join(f"{label}: {n}" for label, n in bins if n)
    return {
        "available": bool(metrics),
        "metrics": metrics,
        "sentences": len(lengths),
        "chart": charts.data_uri(charts.sentence_lengths(lengths)),
        "chart_alt": alt if lengths else "No sentences",
    }


# -- method -----------------------------------------------------------------------------------


def _method(
    analysis: Analysis, rule_names: Mapping[str, tuple[str, str]], thresholds: Any
) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for rule in _annotation_rules(analysis):
        counts[rule] = counts.get(rule, 0) + 1
    fired = []
    for rule_id in analysis.rules_fired or sorted(counts):
        name, summary = rule_names.get(rule_id, ("", ""))
        fired.append(
            {"id": rule_id, "name": name, "summary": summary, "count": counts.get(rule_id, 0)}
        )
    rows = []
    if thresholds is not None and dataclasses.is_dataclass(thresholds):
        for f in dataclasses.fields(thresholds):
            value = getattr(thresholds, f.name)
            rows.append(
                {
                    "name": f.name,
                    "value": "off" if value is None else str(value),
                    "explain": THRESHOLD_NOTES.get(f.name, ""),
                }
            )
    balance = analysis.balance
    return {
        "rules_fired": fired,
        "thresholds": rows,
        "balance_formula": balance.formula if balance is not None else "",
        "excluded": [
            {"reason": e.reason, "text": _squash(analysis.document.text[e.start : e.end], 80)}
            for e in analysis.document.excluded
        ],
    }


def _annotation_rules(analysis: Analysis) -> Iterable[str]:
    yield from (c.rule for c in analysis.claims if c.rule)
    yield from (t.rule for t in analysis.loaded)
    yield from (f.rule for f in analysis.findings)


# -- the article, highlighted --------------------------------------------------------------------

_LAYER_ORDER = {"claim": 0, "loaded": 1, "statement": 2}
_OPENING_QUOTES = "\"“‘'«„"


@dataclasses.dataclass(frozen=True, slots=True)
class _Highlight:
    start: int
    end: int
    layer: str  # "excluded", "claim", "loaded", "statement"
    classes: tuple[str, ...]
    ref: str | None = None
    tag: str | None = None  # a side label shown where a statement starts
    tag_at: int = 0  # where the tag goes: before the opening quote mark of a direct quote
    style: int = -1


def _legend(sides: Mapping[str, int]) -> list[dict[str, Any]]:
    items = [
        {
            "cls": "hl hl-claim",
            "sample": "27 people",
            "label": "Numeric claim (C1, C2… in table 3)",
        },
        {"cls": "hl hl-loaded", "sample": "soured", "label": "Loaded term (L1… in table 4)"},
    ]
    for name, style in sides.items():
        items.append(
            {
                "cls": f"hl hl-quote side-{style}",
                "sample": "“…”",
                "label": f"Direct quote, side {name} (S1… in section 5)",
            }
        )
    items.append(
        {"cls": "hl hl-reported", "sample": "said that …", "label": "Reported speech (S1…)"}
    )
    items.append({"cls": "hl hl-excluded", "sample": "Read more:", "label": "Boilerplate"})
    return items


def _highlights(analysis: Analysis, sides: Mapping[str, int]) -> list[_Highlight]:
    out = [
        _Highlight(e.start, e.end, "excluded", ("hl-excluded",)) for e in analysis.document.excluded
    ]
    view = analysis.document.view
    for i, st in enumerate(analysis.statements, 1):
        style = sides.get(st.side, -1) if st.side else -1
        cls = ("hl-quote", f"side-{style}") if st.direct else ("hl-reported", f"side-{style}")
        parts = [(p.start, p.end) for p in st.parts] or [(st.start, st.end)]
        for k, (a, b) in enumerate(parts):
            tag_at = a - 1 if st.direct and a > 0 and view[a - 1] in _OPENING_QUOTES else a
            out.append(
                _Highlight(
                    a,
                    b,
                    "statement",
                    cls,
                    ref=f"S{i}" if k == len(parts) - 1 else None,
                    tag=(st.side or "no side") if k == 0 else None,
                    tag_at=tag_at,
                    style=style,
                )
            )
    for i, c in enumerate(analysis.claims, 1):
        out.append(_Highlight(c.start, c.end, "claim", ("hl-claim",), ref=f"C{i}"))
    for i, t in enumerate(analysis.loaded, 1):
        out.append(_Highlight(t.start, t.end, "loaded", ("hl-loaded",), ref=f"L{i}"))
    return [h for h in out if h.end > h.start]


def _article(analysis: Analysis, sides: Mapping[str, int]) -> list[dict[str, Any]]:
    """Paragraphs as lists of pieces: text with classes, reference marks and side tags."""
    view = analysis.document.view
    paragraphs = analysis.segments.paragraphs
    highlights = _highlights(analysis, sides)
    out = []
    for number, para in enumerate(paragraphs, 1):
        if not view[para.start : para.end].strip():
            continue
        nxt = paragraphs[number].start if number < len(paragraphs) else len(view) + 1
        pieces = _pieces(view, para.start, para.end, nxt, highlights)
        excluded = para.excluded or _all_excluded(analysis, para.start, para.end)
        reason = next(
            (
                e.reason
                for e in analysis.document.excluded
                if e.start < para.end and para.start < e.end
            ),
            None,
        )
        out.append(
            {
                "number": number,
                "heading": para.heading,
                "excluded": excluded,
                "reason": reason if excluded else None,
                "pieces": pieces,
            }
        )
    return out


def _all_excluded(analysis: Analysis, start: int, end: int) -> bool:
    """True when every visible character of ``[start, end)`` is boilerplate."""
    view = analysis.document.view
    spans = [e for e in analysis.document.excluded if e.start < end and start < e.end]
    return bool(spans) and all(
        any(e.start <= i < e.end for e in spans) for i in range(start, end) if not view[i].isspace()
    )


def _pieces(
    view: str, start: int, end: int, next_start: int, highlights: Sequence[_Highlight]
) -> list[dict[str, Any]]:
    """Cut ``view[start:end]`` at every highlight boundary.

    A span's reference mark goes where it ends (or at the paragraph end when it runs
    into the gap before the next paragraph); a statement's side tag goes where it
    starts. At one offset, marks of spans that end come before tags of spans that start.
    """
    inside = [h for h in highlights if h.start < end and start < h.end]
    tags = {h.tag_at: h for h in inside if h.tag is not None and start <= h.tag_at < end}
    cuts = sorted(
        {start, end}
        | {h.start for h in inside if start < h.start < end}
        | {h.end for h in inside if start < h.end < end}
        | {at for at in tags if start < at}
    )
    marks: dict[int, list[tuple[int, int, str, str]]] = {}
    for h in highlights:
        if h.ref is None:
            continue
        at = min(h.end, end)
        if start < h.end <= next_start and at >= start:
            kind = h.layer
            marks.setdefault(at, []).append(
                (_LAYER_ORDER.get(kind, 9), _ref_number(h.ref), h.ref, kind)
            )
    pieces: list[dict[str, Any]] = []
    for a, b in itertools.pairwise(cuts):
        if a in marks and a != start:
            pieces.extend(_marks(marks.pop(a)))
        if a in tags:
            t = tags[a]
            pieces.append({"type": "tag", "text": t.tag, "style": t.style})
        covering = sorted({c for h in inside if h.start <= a and b <= h.end for c in h.classes})
        pieces.append({"type": "text", "text": view[a:b], "classes": " ".join(covering)})
    if end in marks:
        pieces.extend(_marks(marks.pop(end)))
    return pieces


def _marks(items: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    return [{"type": "mark", "text": ref, "kind": kind} for _, _, ref, kind in sorted(items)]


def _ref_number(ref: str) -> int:
    return int(ref[1:])


def _squash(text: str, limit: int) -> str:
    text = _SPACE_RE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
