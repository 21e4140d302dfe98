"""The article as highlighted pieces, cut from character offsets.

The report shows the article paragraph by paragraph with its numeric claims,
loaded terms, quotations (tinted by side) and boilerplate marked. The text is never
searched or replaced: it is cut at every span boundary, and each piece carries the
classes of every span covering it, so nesting and overlap need no special case and
the result does not depend on the order spans were found in. Each span's reference
(C1, L2, S3: its row in the report's tables) is placed where the span ends; a
statement's side tag is placed where it starts, before the opening quote mark.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.model import Analysis

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


def legend(analysis: Analysis, sides: Mapping[str, int]) -> list[dict[str, Any]]:
    """What each kind of highlight means: only the kinds this article has.

    Claim, loaded-term and boilerplate swatches show this article's first instance
    (the legend once showed the design example's "27 people" and "soured" in every
    report); quotes and reported speech get generic marks.
    """
    view = analysis.document.view
    kinds: tuple[tuple[Sequence[Any], str, str], ...] = (
        (analysis.claims, "hl hl-claim", "Numeric claim (C1… table 3)"),
        (analysis.loaded, "hl hl-loaded", "Loaded term (L1… table 4)"),
    )
    items = [
        {"cls": cls, "sample": _first_sample(view, spans), "label": label}
        for spans, cls, label in kinds
        if spans
    ]
    quoted = {st.side for st in analysis.statements if st.direct}
    for name, style in sides.items():
        if name in quoted:
            items.append(
                {
                    "cls": f"hl hl-quote side-{style}",
                    "sample": "“…”",
                    "label": f"Quote, {name} (S1… section 5)",
                }
            )
    if None in quoted:
        items.append(
            {"cls": "hl hl-quote side--1", "sample": "“…”", "label": "Quote, no side (S1…)"}
        )
    if any(not st.direct for st in analysis.statements):
        items.append(
            {
                "cls": "hl hl-reported side--1",
                "sample": "said that …",
                "label": "Reported speech (S1…)",
            }
        )
    if analysis.document.excluded:
        items.append(
            {
                "cls": "hl hl-excluded",
                "sample": _first_sample(view, analysis.document.excluded),
                "label": "Boilerplate",
            }
        )
    return items


def _first_sample(view: str, spans: Sequence[Any], limit: int = 24) -> str:
    """The text of the first of ``spans``, on one line, cut at a word near ``limit``."""
    first = min(spans, key=lambda span: span.start)
    kept: list[str] = []
    for word in view[first.start : first.end].split():
        if kept and len(" ".join([*kept, word])) > limit:
            return " ".join(kept) + " …"
        kept.append(word)
    return " ".join(kept)


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
                    tag=st.side if k == 0 else None,
                    tag_at=tag_at,
                    style=style,
                )
            )
    for i, c in enumerate(analysis.claims, 1):
        out.append(_Highlight(c.start, c.end, "claim", ("hl-claim",), ref=f"C{i}"))
    for i, t in enumerate(analysis.loaded, 1):
        out.append(_Highlight(t.start, t.end, "loaded", ("hl-loaded",), ref=f"L{i}"))
    return [h for h in out if h.end > h.start]


def article_pieces(analysis: Analysis, sides: Mapping[str, int]) -> list[dict[str, Any]]:
    """Paragraphs as lists of pieces: text with classes, reference marks and side tags.

    ``sides`` maps a side name to its style index (the tint and pattern it gets).
    """
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
