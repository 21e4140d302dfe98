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

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.model import SEVERITY_ORDER, Analysis, Finding
from factcheck.render import SOURCE_WORDS, charts, highlight
from factcheck.render.claim_text import claim_value_text
from factcheck.render.result_dict import Positions
from factcheck.scoring.balance import no_score_reason, position, statement_side
from factcheck.textutil.plural import counted

VOICE_LABELS = {
    "reporter": "in the reporter's voice",
    "quoted": "quoted",
    "paraphrased": "paraphrased",
}

TONE_CAVEAT = (
    "Tone is the mean VADER compound score (−1 very negative … +1 very positive) of "
    "single sentences, never of the whole article, and is never a finding on its own."
)

# One-line explanations of the readability metrics, in the order the report lists them.
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
        "From the share of words outside 3,000 familiar ones; under 7 is easy for adults.",
    ),
    "linsear_write_formula": ("Linsear Write", "Grade from easy and hard words per sentence."),
    "text_standard": ("Consensus grade", "A consensus of the grade formulas above."),
    "mean_sentence_length": ("Mean sentence length", "Words per sentence; news aims at 15–20."),
    "avg_sentence_length": ("Mean sentence length", "Words per sentence; news aims at 15–20."),
    "median_sentence_length": ("Median sentence length", "Half the sentences are shorter."),
    "max_sentence_length": ("Longest sentence", "Words; over 35 is hard to follow aloud."),
    "difficult_words": (
        "Difficult words",
        "Words of three or more syllables not on the easy list.",
    ),
    "polysyllables": ("Long words", "Words of three or more syllables."),
    "syllables": ("Syllables", "Counted with the CMU pronouncing dictionary."),
    "letters": ("Letters", "Letters in the scored text."),
    "words": ("Words", "Words in the scored text (boilerplate and headings left out)."),
    "sentences": ("Sentences", "Sentences in the scored text."),
}
# Plain counts behind the formulas: listed on one line under the metrics table.
COUNT_METRICS = frozenset(
    {
        "words",
        "sentences",
        "syllables",
        "polysyllables",
        "letters",
        "difficult_words",
        "mean_sentence_length",
        "avg_sentence_length",
        "median_sentence_length",
        "max_sentence_length",
    }
)
GRADE_KEYS = ("grade", "flesch_kincaid_grade", "text_standard")

THRESHOLD_NOTES: Mapping[str, str] = {
    "balance_min": "a story with two or more sides scoring under this is a finding",
    "max_unsourced": "more unsourced statistics than this is a finding",
    "max_reporter_loaded": "more loaded terms in the reporter's voice than this is a finding",
    "max_grade": "a reading grade above this is a finding",
}

# Which findings an editor should look at first, after severity (lower is earlier),
# recognised by words in the finding's rule name or message.
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("consistency", r"inconsisten|percentage.point|mismatch|contradict"),
    ("unsourced", r"unsourced|no source"),
    ("balance", r"balance|one.sided"),
    ("reply", r"reply|accus"),
    ("anonymous", r"anonymous|vague"),
)
_STORY_WIDE = frozenset({"balance"})
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
    ``thresholds`` is a :class:`factcheck.context.Thresholds` holding the limits the
    run applies (:func:`factcheck.scoring.checks.applied_thresholds`), or None.
    """
    pos = Positions(analysis)
    sides = _side_styles(analysis)
    names = {s.id: s.name for s in analysis.speakers}
    refs = _Refs(analysis)
    meta = _meta(analysis)
    paras = _Paragraphs(analysis)
    claims = _claims(analysis, pos, names, paras)
    loaded = _loaded(analysis, pos, names, paras)
    statements = _statements(analysis, pos, names, sides, paras)
    voices = _voices(analysis, names, sides)
    return {
        "lang": "en",
        "title": f"Fact-check report: {meta['headline']}",
        "meta": meta,
        "tool": _tool(analysis),
        "summary": _summary(analysis, pos, refs, paras, voices, thresholds, claims),
        "legend": highlight.legend(analysis, sides),
        "article": highlight.article_pieces(analysis, sides),
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
    paras: _Paragraphs,
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
    reason = no_score_reason(balance) or ""
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
            # Bars only when some side speaks: a side inferred from mentions alone
            # drawn at 0% read as the story's one side.
            "available": balance is not None and any(s.statements for s in balance.sides),
            "reason": reason[:1].upper() + reason[1:],
            "score": score,
            "score_text": "n/a" if score is None else f"{score:.2f}",
            "below_threshold": score is not None and minimum is not None and score < minimum,
            "threshold": minimum,
        },
        "look_first": _look_first(analysis, pos, refs, paras),
    }


@functools.cache
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(words, re.I)) for kind, words in _KIND_WORDS)


def _finding_kind(finding: Finding, loaded_rules: set[str]) -> str:
    """The kind of problem a finding is about: decides the order of "look at first"."""
    if finding.rule in loaded_rules:
        return "loaded"
    label = f"{finding.name} {finding.message}"
    for kind, pattern in _kind_patterns():
        if pattern.search(label):
            return kind
    return "other"


def _look_first(
    analysis: Analysis, pos: Positions, refs: _Refs, paras: _Paragraphs, count: int = 3
) -> list[dict]:
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
        kind = _finding_kind(f, loaded_rules)
        story_wide = kind in _STORY_WIDE  # its span is only an anchor: show no excerpt
        out.append(
            {
                "rank": rank,
                "severity": f.severity,
                "rule": f.rule,
                "name": f.name,
                "kind": kind,
                "message": f.message,
                "excerpt": "" if story_wide else _squash(text[f.start : f.end], 90),
                "line": None if story_wide else pos.line_col(f.start)[0],
                # the article section numbers paragraphs, the file numbers lines
                "para": None if story_wide else paras.at(f.start),
                "ref": None if story_wide else refs.at(f.start, f.end),
            }
        )
    return out


class _Paragraphs:
    """The paragraph number (as numbered in the article section) holding an offset."""

    def __init__(self, analysis: Analysis) -> None:
        self._starts = [p.start for p in analysis.segments.paragraphs]

    def at(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset), 1)


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


def _context(analysis: Analysis, start: int, end: int, words: int = 9) -> dict[str, str]:
    """The sentence around ``[start, end)``, trimmed to ``words`` words on each side."""
    text = analysis.document.view
    index = analysis.segments.sentence_at(start)
    if index is not None:
        sentence = analysis.segments.sentences[index]
        lo, hi = min(sentence.start, start), max(sentence.end, end)
    else:
        lo, hi = max(0, start - 120), min(len(text), end + 120)
    before = _single_spaces(text[lo:start]).lstrip()
    after = _single_spaces(text[end:hi]).rstrip()
    head = before.split(" ")
    if len(head) > words:
        before = "… " + " ".join(head[-words:])
    tail = after.split(" ")
    if len(tail) > words + 1:
        after = " ".join(tail[: words + 1]) + " …"
    return {"before": before, "match": _single_spaces(text[start:end]), "after": after}


def _claims(
    analysis: Analysis, pos: Positions, names: Mapping[str, str], paras: _Paragraphs
) -> list[dict[str, Any]]:
    loaded_rules = {t.rule for t in analysis.loaded}
    rows = []
    for i, c in enumerate(analysis.claims, 1):
        # Notes are about this figure: consistency findings touching it, or any other
        # claim finding on the figure itself (never story-wide or loaded-word findings).
        notes, kinds = [], []
        for f in analysis.findings:
            if f.rule == c.rule or not (f.start < c.end and c.start < f.end):
                continue
            kind = _finding_kind(f, loaded_rules)
            inside = c.start <= f.start and f.end <= c.end
            if kind == "consistency" or (kind in ("unsourced", "other") and inside):
                notes.append(f)
                kinds.append(kind)
        if c.status == "sourced":
            if c.speaker:
                source = names.get(c.speaker, c.speaker)
            elif c.link:
                source = f"link: {c.link}"
            else:
                source = SOURCE_WORDS.get(c.source or "") or c.source or "sourced"
        else:
            source = "unsourced"
        line, col = pos.line_col(c.start)
        rows.append(
            {
                "ref": f"C{i}",
                "id": c.id,
                "text": c.text,
                "context": _context(analysis, c.start, c.end),
                "value": claim_value_text(c),
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
                "para": paras.at(c.start),
                "column": col,
                "rule": c.rule,
            }
        )
    return rows


def _voice_label(voice: str, speaker: str | None) -> str:
    return f"{voice} ({speaker})" if speaker and voice != "reporter" else voice


def _loaded(
    analysis: Analysis, pos: Positions, names: Mapping[str, str], paras: _Paragraphs
) -> list[dict[str, Any]]:
    rows = []
    # A term the article repeats gets its alternative and reason once, at its first
    # row; later rows point there ("same as L2") instead of printing them again.
    first_ref: dict[tuple[str, str, str | None, str | None], str] = {}
    for i, t in enumerate(analysis.loaded, 1):
        speaker = names.get(t.speaker, t.speaker) if t.speaker else None
        line, col = pos.line_col(t.start)
        ref = f"L{i}"
        same_as = first_ref.setdefault((t.rule, t.term, t.suggestion, t.why), ref)
        rows.append(
            {
                "ref": ref,
                "same_as": "" if same_as == ref else same_as,
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
                "para": paras.at(t.start),
                "column": col,
                "rule": t.rule,
            }
        )
    return rows


def _statements(
    analysis: Analysis,
    pos: Positions,
    names: Mapping[str, str],
    sides: Mapping[str, int],
    paras: _Paragraphs,
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
                "text": _squash(st.text, 120),
                "line": line,
                "para": paras.at(st.start),
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
    said: dict[str | None, list[dict[str, Any]]] = {}
    for i, st in enumerate(analysis.statements, 1):
        said.setdefault(st.speaker, []).append(
            {"ref": f"S{i}", "direct": st.direct, "cue": st.cue or "", "neutral": st.cue_neutral}
        )
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
            "said": said.get(sp.id, []),
            "about": _about(sp.name, sp.affiliation, sp.side),
        }
        for sp in analysis.speakers
    ]
    known = {sp.id for sp in analysis.speakers}
    orphans = [item for key, items in said.items() if key not in known for item in items]
    if orphans:  # statements whose speaker the analysis could not tell
        # Not "unnamed source": an anonymous source ("officials said") is a speaker of
        # its own; these are statements whose speaker factcheck did not resolve.
        speakers.append(
            {
                "name": "speaker not identified",
                "affiliation": "",
                "side": "",
                "style": -1,
                "kind": "unresolved",
                "role": "",
                "statements": len(orphans),
                "direct": sum(1 for o in orphans if o["direct"]),
                "mentions": 0,
                "silent": False,
                "said": orphans,
                "about": "",
            }
        )
    ordered = sorted(analysis.statements, key=lambda s: (s.start, s.end))

    def who(index: int) -> str:
        if not ordered:
            return ""
        st = ordered[index]
        name = names.get(st.speaker, st.speaker) if st.speaker else "a speaker not identified"
        return f"{name} ({st.side})" if st.side else name

    balance = analysis.balance
    spoke = _speakers_by_side(analysis)
    side_rows = []
    notes = []
    bars = []
    for sb in balance.sides if balance is not None else ():
        style = sides.get(sb.name, -1)
        speaking = spoke.get(sb.name, [])
        side_rows.append(
            {
                "name": sb.name,
                "style": style,
                "speakers": ", ".join(speaking),
                "silent": ", ".join(
                    n
                    for n in (names.get(s, s) for s in sb.speakers)
                    if n not in speaking and n != sb.name
                ),
                "statements": sb.statements,
                "direct": sb.direct,
                "reported": max(sb.statements - sb.direct, 0),
                "words": sb.words,
                "share": sb.share,
                "share_pct": f"{sb.share:.0%}",
                "bar_pct": round(min(max(sb.share, 0.0), 1.0) * 100, 1),
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
            notes.append(f"{sb.name} is mentioned {counted(sb.mentions, 'time')} but never speaks.")
        if sb.accused and sb.replied is False:
            notes.append(f"{sb.name} is accused in the story and gets no reply.")
        elif sb.accused and sb.replied:
            notes.append(f"{sb.name} is accused and replies later in the story.")
    chart = charts.share_of_voice(bars)
    alt = "Share of voice by side: " + (
        "; ".join(
            f"{b.name} {b.share:.0%} of attributed words, {counted(b.statements, 'statement')}, "
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


def _speakers_by_side(analysis: Analysis) -> dict[str, list[str]]:
    """Per side, the names of the speakers who made its statements, in text order.

    A side's member list (``SideBalance.speakers``) also holds the members who are
    only mentioned; under a "Speakers" heading they read as if they had spoken.
    """
    speakers = {sp.id: sp for sp in analysis.speakers}
    out: dict[str, list[str]] = {}
    for st in sorted(analysis.statements, key=position):
        side = statement_side(st, speakers)
        sp = speakers.get(st.speaker) if st.speaker else None
        if side is not None and sp is not None and sp.name not in out.setdefault(side, []):
            out[side].append(sp.name)
    return out


def _about(name: str, affiliation: str | None, side: str | None) -> str:
    """Affiliation and side, each once and only when it adds to the name: "Minister; France"."""
    parts: list[str] = []
    for part in (affiliation, side):
        if part and part != name and part not in parts:
            parts.append(part)
    return "; ".join(parts)


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
    overall = sentiment.get("overall")
    strong = []
    if isinstance(overall, Mapping):
        for key, label in (("strongly_negative", "negative"), ("strongly_positive", "positive")):
            share = overall.get(key)
            if isinstance(share, int | float):
                strong.append(f"{share:.0%} of sentences clearly {label}")
    return {
        "available": bool(sentiment),
        "rows": rows,
        "overall": _tone_value(overall),
        "strong": "; ".join(strong),
        "caveat": TONE_CAVEAT + " " + str(sentiment.get("caveat") or ""),
    }


def _sentence_lengths(analysis: Analysis) -> list[int]:
    view = analysis.document.view
    return [
        len(view[s.start : s.end].split()) for s in analysis.segments.sentences if not s.excluded
    ]


def _readability(analysis: Analysis) -> dict[str, Any]:
    readability = dict(analysis.readability or {})
    order = {key: i for i, key in enumerate(METRIC_NOTES)}
    metrics: list[dict[str, str]] = []
    counts: list[dict[str, str]] = []
    for key in sorted(readability, key=lambda k: (order.get(k, len(order)), k)):
        value = readability[key]
        if key == "note" or isinstance(value, bool) or not isinstance(value, int | float | str):
            continue
        label, note = METRIC_NOTES.get(key, (key.replace("_", " ").capitalize(), ""))
        shown = f"{value:.1f}" if isinstance(value, float) else str(value)
        row = {"key": key, "label": label, "value": shown, "explain": note}
        (counts if key in COUNT_METRICS else metrics).append(row)
    lengths = readability.get("sentence_lengths")
    if not isinstance(lengths, list) or not all(isinstance(n, int) for n in lengths):
        lengths = _sentence_lengths(analysis)
    bins = charts.histogram_bins(lengths)
    alt = "Sentence lengths in words: " + ", ".join(f"{label}: {n}" for label, n in bins if n)
    caption = charts.sentence_length_caption(lengths)
    return {
        "available": bool(metrics or counts),
        "metrics": metrics,
        "counts": counts,
        "note": readability.get("note") or "",
        "sentences": len(lengths),
        "chart": charts.data_uri(charts.sentence_lengths(lengths)),
        "chart_alt": alt if lengths else "No sentences",
        "chart_caption": caption,
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
        "excluded": _excluded_rows(analysis),
    }


def _excluded_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """What was left out of scoring, identical passages listed once with their count.

    A live blog repeats its separator line or "Read more:" block dozens of times;
    one row each filled a page of the method section with the same line.
    """
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for e in analysis.document.excluded:
        text = _squash(analysis.document.text[e.start : e.end], 80)
        row = rows.setdefault((e.reason, text), {"reason": e.reason, "text": text, "count": 0})
        row["count"] += 1
    return list(rows.values())


def _annotation_rules(analysis: Analysis) -> Iterable[str]:
    """The rule of every annotation, once per place it fired.

    A loaded term is both a ``loaded`` entry and a finding of the same rule at the same
    span: counted once, or "LL102 (2)" would report one word as two.
    """
    fired = {(c.rule, c.start, c.end) for c in analysis.claims if c.rule}
    fired.update((t.rule, t.start, t.end) for t in analysis.loaded)
    fired.update((f.rule, f.start, f.end) for f in analysis.findings)
    return (rule for rule, _, _ in fired)


def _single_spaces(text: str) -> str:
    """Runs of whitespace (newlines included) as one space, kept at either end."""
    if not text:
        return text
    inner = " ".join(text.split())
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() and inner else ""
    return lead + inner + tail if inner else " "


def _squash(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
