"""Boilerplate stage: keep link blocks, credits and bylines in the text, out of scoring.

Rules of kind ``boilerplate`` (rules/boilerplate/BP*.yml) list line patterns, each
with a reason and a scope:

* ``line``: the whole line ("By Jane Smith, Reuters", "Advertisement");
* ``line-end``: only the matched tail of a line (the "/Reuters" credit ending a
  photo caption, "(With input from agencies.)" after the last sentence);
* ``block``: a header line and the short headline lines listed under it ("Read
  more:" followed by two headlines).

Every pattern of every rule is combined into one expression per scope, tried once
per line (line and block scopes only on lines short enough to be boilerplate), so
the stage costs the same with three rules or thirty. The result is
``Document.excluded`` (each span with its reason and rule id), and the sentences and
paragraphs inside those spans marked ``excluded=True``; a sentence that is only
partly boilerplate is cut at the exclusion's edge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from factcheck.context import Context
from factcheck.model import Analysis, Excluded, Segments, Sentence
from factcheck.ruleset import Rule

_MAX_LINE = 500  # longer lines are article paragraphs: only line-end patterns apply
_TAIL = 400  # line-end patterns look at this many characters before the line end


@dataclass(frozen=True, slots=True)
class Pattern:
    rule: str
    reason: str
    scope: str
    max_lines: int


@dataclass(frozen=True, slots=True)
class Matcher:
    """One combined expression per scope; group ``p<i>`` is ``patterns[i]``."""

    patterns: tuple[Pattern, ...]
    whole_line: re.Pattern[str] | None  # line and block scopes
    line_end: re.Pattern[str] | None


def build_matcher(rules: Sequence[Rule]) -> Matcher:
    """Compile every boilerplate rule's patterns into one expression per scope."""
    patterns: list[Pattern] = []
    whole: list[str] = []
    tail: list[str] = []
    for rule in rules:
        for item in rule.body["patterns"]:
            i = len(patterns)
            scope = item.get("scope", "line")
            patterns.append(Pattern(rule.id, item["reason"], scope, item.get("max_lines", 10)))
            flags = "" if item.get("case_sensitive") else "i"
            body = _unanchored(item["pattern"])
            group = f"(?P<p{i}>(?{flags}:{body}))" if flags else f"(?P<p{i}>(?:{body}))"
            (tail if scope == "line-end" else whole).append(group)
    return Matcher(
        tuple(patterns),
        re.compile("|".join(whole)) if whole else None,
        re.compile("(?:" + "|".join(tail) + r")[ \t]*$") if tail else None,
    )


def _unanchored(pattern: str) -> str:
    """Drop a leading ``^`` and trailing ``$``: the scope decides where a pattern anchors."""
    if pattern.startswith("^"):
        pattern = pattern[1:]
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1]
    return pattern


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    rules = ctx.ruleset.of_kind("boilerplate")
    if not rules:
        return analysis
    matcher: Matcher = ctx.compiled("boilerplate", lambda: build_matcher(rules))
    doc = analysis.document
    found = find_boilerplate(doc.view, matcher)
    if not found:
        return analysis
    excluded = tuple(sorted((*doc.excluded, *found), key=lambda e: (e.start, e.end)))
    segments = mark_excluded(analysis.segments, excluded, doc.view)
    return analysis.evolve(document=replace(doc, excluded=excluded), segments=segments)


def _lines(view: str) -> list[tuple[int, int]]:
    """(start, end) of every line's visible content (whitespace trimmed; blank: start == end)."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(view)
    while pos <= n:
        nl = view.find("\n", pos)
        end = n if nl == -1 else nl
        s, e = pos, end
        while s < e and view[s].isspace():
            s += 1
        while e > s and view[e - 1].isspace():
            e -= 1
        out.append((s, e))
        if nl == -1:
            break
        pos = nl + 1
    return out


def find_boilerplate(view: str, matcher: Matcher) -> list[Excluded]:
    """Excluded spans for every line, line end and block the patterns match."""
    lines = _lines(view)
    out: list[Excluded] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        i += 1
        if start == end:
            continue
        hit = _whole_line(view, start, end, matcher)
        if hit is not None:
            pattern = matcher.patterns[hit]
            if pattern.scope == "block":
                i, end = _extend_block(view, lines, i, end, pattern.max_lines, matcher)
            out.append(Excluded(start, end, pattern.reason, pattern.rule))
            continue
        tail = _line_end(view, start, end, matcher)
        if tail is not None:
            out.append(tail)
    return out


def _whole_line(view: str, start: int, end: int, matcher: Matcher) -> int | None:
    if matcher.whole_line is None or end - start > _MAX_LINE:
        return None
    m = matcher.whole_line.fullmatch(view, start, end)
    if m is None or m.lastgroup is None:
        return None
    return int(m.lastgroup[1:])


def _line_end(view: str, start: int, end: int, matcher: Matcher) -> Excluded | None:
    if matcher.line_end is None:
        return None
    m = matcher.line_end.search(view, max(start, end - _TAIL), end)
    if m is None or m.lastgroup is None:
        return None
    s, e = m.span(m.lastgroup)
    while s < e and view[s].isspace():
        s += 1
    pattern = matcher.patterns[int(m.lastgroup[1:])]
    return Excluded(s, e, pattern.reason, pattern.rule) if e > s else None


def _extend_block(
    view: str,
    lines: list[tuple[int, int]],
    i: int,
    end: int,
    max_lines: int,
    matcher: Matcher,
) -> tuple[int, int]:
    """Take the short headline lines under a block header; return (next line, block end)."""
    if i + 1 < len(lines) and lines[i][0] == lines[i][1]:
        s, e = lines[i + 1]
        if s != e and _is_headline_line(view, s, e):
            i += 1  # one blank line between "Related:" and its list
    taken = 0
    while i < len(lines) and taken < max_lines:
        s, e = lines[i]
        if s == e or not _is_headline_line(view, s, e) or _whole_line(view, s, e, matcher):
            break
        end = e
        i += 1
        taken += 1
    return i, end


def _is_headline_line(view: str, start: int, end: int) -> bool:
    """A linked headline: short, and not a sentence ending in a full stop."""
    text = view[start:end].rstrip("\"'”’)]*_ ")
    return 0 < end - start <= 200 and len(text.split()) <= 25 and not text.endswith(".")


def mark_excluded(segments: Segments, excluded: Sequence[Excluded], view: str) -> Segments:
    """Mark sentences and paragraphs inside excluded spans; cut sentences at their edges."""
    spans = sorted((e.start, e.end) for e in excluded)
    sentences: list[Sentence] = []
    for s in segments.sentences:
        sentences.extend(_cut(s, spans, view))
    paragraphs = tuple(
        replace(p, excluded=True) if _covered(p.start, p.end, spans, view) else p
        for p in segments.paragraphs
    )
    return replace(segments, sentences=tuple(sentences), paragraphs=paragraphs)


def _overlapping(
    start: int, end: int, spans: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    for s, e in spans:
        if s >= end:
            break
        if e > start:
            yield s, e


def _covered(start: int, end: int, spans: Sequence[tuple[int, int]], view: str) -> bool:
    """True when every visible character of ``[start, end)`` is inside the spans."""
    pos = start
    for s, e in _overlapping(start, end, spans):
        if view[pos:s].strip():
            return False
        pos = max(pos, e)
    return not view[pos:end].strip()


def _cut(sentence: Sentence, spans: Sequence[tuple[int, int]], view: str) -> list[Sentence]:
    inside = list(_overlapping(sentence.start, sentence.end, spans))
    if not inside:
        return [sentence]
    if _covered(sentence.start, sentence.end, spans, view):
        return [replace(sentence, excluded=True)]
    out: list[Sentence] = []
    pos = sentence.start
    for span_start, span_end in inside:
        s, e = max(span_start, sentence.start), min(span_end, sentence.end)
        _add_piece(out, sentence, pos, s, view, excluded=False)
        _add_piece(out, sentence, s, e, view, excluded=True)
        pos = e
    _add_piece(out, sentence, pos, sentence.end, view, excluded=False)
    return out


def _add_piece(
    out: list[Sentence], sentence: Sentence, start: int, end: int, view: str, *, excluded: bool
) -> None:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, sentence.paragraph, excluded))
