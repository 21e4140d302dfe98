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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from factcheck.context import Context
from factcheck.model import Analysis, Excluded, Segments, Sentence
from factcheck.ruleset import Rule
from factcheck.textutil.regexcache import store_for

_MAX_LINE = 500  # longer lines are article paragraphs: only line-end patterns apply
_BEFORE = 100  # how far back a line-end pattern's ``before`` part may reach
_CLOSERS = "\"'”’)]»"


@dataclass(frozen=True, slots=True)
class Pattern:
    rule: str
    reason: str
    scope: str
    max_lines: int = 10
    start: str = "word"  # line-end: where the match may begin (any, word, sentence)
    regex: re.Pattern[str] | None = None  # line-end: the pattern, anchored at the line end
    before: re.Pattern[str] | None = None  # line-end: optional part just before the match


@dataclass(frozen=True, slots=True)
class Matcher:
    """Compiled patterns: whole-line ones combined, line-end ones one by one.

    Whole-line patterns form one expression (group ``p<i>`` is ``patterns[i]``).
    Line-end patterns are compiled one by one, so that ``re`` can skip ahead to each
    one's first literal instead of trying them all at every position.
    """

    patterns: tuple[Pattern, ...]
    whole_line: re.Pattern[str] | None  # line and block scopes
    line_end: tuple[Pattern, ...]


def build_matcher(
    rules: Sequence[Rule], compile: Callable[..., re.Pattern[str]] = re.compile
) -> Matcher:
    """Compile every boilerplate rule's patterns (once per run, via ``ctx.compiled``).

    ``compile`` is ``re.compile`` or the run's regex store (:mod:`factcheck.textutil.regexcache`).
    """
    patterns: list[Pattern] = []
    whole: list[str] = []
    for rule in rules:
        for item in rule.body["patterns"]:
            scope = item.get("scope", "line")
            body = _unanchored(item["pattern"])
            flags = 0 if item.get("case_sensitive") else re.I
            if scope == "line-end":
                before = item.get("before")
                pattern = Pattern(
                    rule.id,
                    item["reason"],
                    scope,
                    start=item.get("start", "word"),
                    regex=compile(f"(?:{body})[ \t]*$", flags | re.M),
                    before=compile(before, flags) if before else None,
                )
            else:
                pattern = Pattern(rule.id, item["reason"], scope, item.get("max_lines", 10))
                inline = "(?i:" if flags else "(?:"
                whole.append(f"(?P<p{len(patterns)}>{inline}{body}))")
            patterns.append(pattern)
    return Matcher(
        tuple(patterns),
        compile("|".join(whole)) if whole else None,
        tuple(p for p in patterns if p.regex is not None),
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
    matcher: Matcher = ctx.compiled(
        "boilerplate", lambda: build_matcher(rules, store_for(ctx).compile)
    )
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
    for line in view.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            out.append((start, start + len(stripped)))
        else:
            out.append((pos, pos))
        pos += len(line) + 1
    return out


def find_boilerplate(view: str, matcher: Matcher) -> list[Excluded]:
    """Excluded spans for every line, block and line end the patterns match."""
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
    taken = sorted((e.start, e.end) for e in out)
    out.extend(_line_ends(view, matcher, taken))
    return sorted(out, key=lambda e: (e.start, e.end))


def _whole_line(view: str, start: int, end: int, matcher: Matcher) -> int | None:
    if matcher.whole_line is None or end - start > _MAX_LINE:
        return None
    m = matcher.whole_line.fullmatch(view, start, end)
    if m is None or m.lastgroup is None:
        return None
    return int(m.lastgroup[1:])


def _line_ends(view: str, matcher: Matcher, taken: list[tuple[int, int]]) -> list[Excluded]:
    """The longest line-end match on each line that is not already excluded as a whole."""
    best: dict[int, tuple[int, int, Pattern]] = {}  # line end -> (start, end, pattern)
    for pattern in matcher.line_end:
        assert pattern.regex is not None
        pos = 0
        while (m := pattern.regex.search(view, pos)) is not None:
            start = _extend_before(view, pattern, m.start())
            while start < m.end() and view[start].isspace():
                start += 1
            end = m.end()
            while end > start and view[end - 1].isspace():
                end -= 1
            if end <= start or not _starts_ok(view, start, pattern.start):
                pos = m.start() + 1  # a later start on the same line may still qualify
                continue
            pos = max(m.end(), m.start() + 1)
            if any(s < end and start < e for s, e in taken):
                continue
            if end not in best or start < best[end][0]:
                best[end] = (start, end, pattern)
    return [Excluded(s, e, p.reason, p.rule) for s, e, p in best.values()]


def _extend_before(view: str, pattern: Pattern, start: int) -> int:
    """Include the pattern's ``before`` part (a photographer's name before "/AFP").

    The earliest word start on the line from which ``before`` runs up to the match
    and where the match may begin (``start``) wins; without one, the match stands alone.
    """
    if pattern.before is None:
        return start
    line_start = view.rfind("\n", 0, start) + 1
    for p in range(max(line_start, start - _BEFORE), start):
        at_word = (p == line_start or view[p - 1].isspace()) and not view[p].isspace()
        if (
            at_word
            and _starts_ok(view, p, pattern.start)
            and pattern.before.fullmatch(view, p, start)
        ):
            return p
    return start


def _starts_ok(view: str, pos: int, mode: str) -> bool:
    """Where a line-end match may begin: anywhere, not inside a word, or a sentence start."""
    if mode == "any" or pos == 0:
        return True
    if mode == "word" and not (view[pos - 1].isalnum() or view[pos - 1] == "_"):
        return True
    j = pos
    while j > 0 and view[j - 1] in " \t":
        j -= 1
    if j == 0 or view[j - 1] in "\r\n":
        return True  # the start of the line
    if mode != "sentence" or j == pos:
        return False
    while j > 0 and view[j - 1] in _CLOSERS:
        j -= 1
    return j > 0 and view[j - 1] in ".!?…:"


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
