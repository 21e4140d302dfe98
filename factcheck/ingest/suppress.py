"""Inline suppressions: ``<!-- factcheck-disable ... -->`` comments in Markdown and HTML.

Four directives, as in code linters (rule ids or id prefixes; none = every rule;
anything after ``--`` is a free-text reason)::

    <!-- factcheck-disable LL001 LL0 -- quoting the minister -->   ... region ...
    <!-- factcheck-enable -->
    <!-- factcheck-disable-next-line NC001 -->   (the next line with text on it)
    Some line <!-- factcheck-disable-line LL003 -->

A region runs from the end of its ``disable`` comment to the start of the matching
``enable`` (or the end of the document). ``enable`` without ids ends every open
region; with ids it ends the regions for those ids only. Whether the ids exist is
checked later, against the rule set (``Suppression.unknown``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from factcheck.model import LineIndex, Suppression


@dataclass(frozen=True, slots=True)
class Directive:
    kind: str  # disable | enable | disable-next-line | disable-line
    rules: tuple[str, ...]
    start: int  # the comment's offsets in the text it was found in
    end: int
    line: int  # 1-based line of the comment in the user's file


@cache
def _directive_re() -> re.Pattern[str]:
    return re.compile(
        r"<!--\s*factcheck-(disable-next-line|disable-line|disable|enable)\b(.*?)-->", re.S
    )


def parse_directive(comment: str, start: int, line: int) -> Directive | None:
    """The directive in one ``<!-- ... -->`` comment, or None for an ordinary comment."""
    m = _directive_re().fullmatch(comment.strip())
    if m is None:
        return None
    args = m.group(2).split("--", 1)[0]
    rules = tuple(r for r in re.split(r"[\s,]+", args) if r)
    return Directive(m.group(1), rules, start, start + len(comment), line)


def resolve(directives: Iterable[Directive], text: str, view: str) -> tuple[Suppression, ...]:
    """Turn directives found in ``text`` (offsets into it) into covered spans."""
    directives = list(directives)
    if not directives:
        return ()
    index = LineIndex(text)
    out: list[Suppression] = []
    open_regions: list[tuple[tuple[str, ...], int, int]] = []  # (rules, start, comment line)
    for d in sorted(directives, key=lambda d: d.start):
        if d.kind == "disable":
            open_regions.append((d.rules, d.end, d.line))
        elif d.kind == "enable":
            still_open = []
            for rules, start, line in open_regions:
                closed = rules if not d.rules else tuple(r for r in rules if r in d.rules)
                if not d.rules or closed:
                    out.append(Suppression(start, d.start, closed, line))
                    remaining = tuple(r for r in rules if r not in closed) if d.rules else ()
                    if remaining:
                        still_open.append((remaining, start, line))
                else:
                    still_open.append((rules, start, line))
            open_regions = still_open
        elif d.kind == "disable-line":
            start, end = _line_span(index, text, index.line_col(d.start)[0])
            out.append(Suppression(start, end, d.rules, d.line))
        else:  # disable-next-line: the next line with visible text after the comment
            line = index.line_col(d.end)[0] + 1
            while line <= index.line_count:
                start, end = _line_span(index, text, line)
                if view[start:end].strip():
                    out.append(Suppression(start, end, d.rules, d.line))
                    break
                line += 1
    out.extend(Suppression(start, len(text), rules, line) for rules, start, line in open_regions)
    return tuple(sorted(out, key=lambda s: (s.start, s.end)))


def _line_span(index: LineIndex, text: str, line: int) -> tuple[int, int]:
    start = index.offset(line, 1)
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


def resolve_mapped(
    directives: Iterable[Directive], text: str, view: str, source_lines: tuple[int, ...]
) -> tuple[Suppression, ...]:
    """Directives found in a page that ``text`` was extracted from (HTML).

    ``source_lines[i]`` is the page line of text line ``i + 1``; each directive is
    moved to the text line its page line leads to, then resolved as usual.
    """
    index = LineIndex(text)

    def first_line(test: Callable[[int], bool]) -> int | None:
        for i, src in enumerate(source_lines, start=1):
            start, end = _line_span(index, text, i)
            if test(src) and view[start:end].strip():
                return i
        return None

    moved: list[Directive] = []
    for d in directives:
        if d.kind == "disable-line":
            line = first_line(lambda src, at=d.line: src == at)
        else:
            line = first_line(lambda src, at=d.line: src > at)
        # Once its line is known, "next line" is that line.
        kind = "disable-line" if d.kind == "disable-next-line" else d.kind
        if line is None:
            if kind in ("disable", "enable"):
                moved.append(replace(d, start=len(text), end=len(text)))
            continue
        at = index.offset(line, 1)
        moved.append(replace(d, kind=kind, start=at, end=at))
    return resolve(moved, text, view)
