"""Quotations that no cue attributes: continued quotes, ``Name: "..."``, follow-on quotes.

News convention: a quotation that continues in the next paragraph, or a paragraph
that is nothing but a quotation right after a statement, belongs to the last
speaker. A continuation of a direct statement becomes one more part of that
statement (so ``"A," he said. "B."`` followed by a paragraph ``"C."`` is one
statement); a quotation paragraph after a reported statement is a new direct
statement by the same speaker, with no cue. ``Name: "..."`` (and headline
``Name: claim``) is attributed to the name when the ``:`` cue entry is enabled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.attribution.cues import CueEntry, CueHit, CueLexicon
from factcheck.attribution.frames import Raw, Sentences, _trim_end
from factcheck.attribution.names import NameIndex
from factcheck.attribution.quotes import QuoteIndex, inner_parts
from factcheck.model import Paragraph, Quote
from factcheck.segment import count_words

_LABEL_RE = re.compile(r"[ \t]*([^\n:]{2,60}?)[ \t]*:[ \t]+(?=\S)")
_MIN_WORDS = 4


def attach_orphans(
    raws: list[Raw],
    view: str,
    quotes: QuoteIndex,
    paragraphs: Sequence[Paragraph],
    sentences: Sentences,
    names: NameIndex,
    lexicon: CueLexicon,
    excluded,
) -> list[Raw]:
    """Attribute the quotations (and ``Name:`` lines) the cue frames left alone."""
    raws = sorted(raws, key=lambda r: r.start)
    used = [(r.start, r.end) for r in raws]
    label_entry = _label_entry(lexicon)
    out = list(raws)
    if label_entry is not None:
        out.extend(_labels(view, paragraphs, sentences, names, quotes, label_entry, excluded))
        used = [(r.start, r.end) for r in out]
    para_starts = [p.start for p in paragraphs]
    for quote in quotes.quotes:
        if excluded(quote.start, quote.end) or any(s <= quote.inner_start < e for s, e in used):
            continue
        pi = _paragraph_of(para_starts, quote.start)
        parts = inner_parts(view, quote)
        if pi is None or not parts:
            continue
        at_start = not view[paragraphs[pi].start : quote.start].strip()
        previous = _last_before(out, quote.start)
        ppi = _paragraph_of(para_starts, previous.end) if previous is not None else None
        framing = _framing_quote(out, previous, view, quote)
        if framing is not previous and ppi == pi and _continues_in_paragraph(view, framing, quote):
            framing.parts.extend(parts)
            framing.quote = quote
            used.append((quote.start, quote.end))
            continue
        if previous is not None and (
            (ppi == pi and _continues_in_paragraph(view, previous, quote))
            or (
                at_start
                and ppi == pi - 1
                and previous.direct
                and previous.quote is not None
                and _ends_paragraph(view, paragraphs, para_starts, previous.end)
            )
        ):
            previous.parts.extend(parts)
            previous.quote = quote
            used.append((quote.start, quote.end))
            continue
        if not at_start or sum(count_words(view[s:e]) for s, e in parts) < _MIN_WORDS:
            continue
        if previous is None or ppi not in (pi - 1, pi):
            continue
        si = sentences.index(parts[0][0])
        raw = Raw(parts, True, None, None, si if si is not None else -1, None, "last")
        raw.quote = quote
        out.append(raw)
        used.append((quote.start, quote.end))
    return sorted(out, key=lambda r: r.start)


def _label_entry(lexicon: CueLexicon) -> CueEntry | None:
    for entry in lexicon.by_form.get(":", ()):
        return entry
    return None


def _labels(view, paragraphs, sentences, names, quotes, entry, excluded) -> list[Raw]:
    """``Darmanin: "..."`` anywhere, and a paragraph ``Gingrich: Trump must decide...``."""
    out = []
    seen: set[int] = set()
    find = view.find
    for para in paragraphs:
        if find(":", para.start, para.end) < 0:
            continue  # most paragraphs: no colon, so no label (the regex tries 59 lengths)
        m = _LABEL_RE.match(view, para.start, para.end)
        if m is None or excluded(para.start, para.end):
            continue
        name = _label_name(view, names, m.start(1), m.end(1), at_paragraph_start=True)
        if name is None:
            continue
        rest = m.end()
        quote = quotes.starting_at(rest)
        if quote is not None and count_words(view[quote.end : para.end]) >= 2:
            quote = None  # "Sanders: 'Of Course' Clinton Is Qualified": the whole line
        if quote is not None:
            parts, direct = inner_parts(view, quote), True
        else:
            end = _trim_end(view, rest, para.end)
            parts = [(rest, end)] if count_words(view[rest:end]) >= 3 else []
            direct = False
        if parts:
            out.append(_label_raw(view, sentences, entry, name, m.end(1), parts, direct, quote))
            seen.add(rest)
    for quote in quotes.quotes:
        # "Republican pollster Daron Shaw: “Historically, ...”" inside a paragraph
        before = view[max(0, quote.start - 3) : quote.start]
        colon = quote.start - len(before) + before.rfind(":")
        if ":" not in before or view[colon + 1 : quote.start].strip() or quote.start in seen:
            continue
        if excluded(quote.start, quote.end):
            continue
        found = [n for n in names.overlapping(colon - 1, colon) if n.end == colon]
        if not found or found[0].kind not in ("person", "organisation"):
            continue
        parts = inner_parts(view, quote)
        if parts:
            out.append(_label_raw(view, sentences, entry, found[0], colon, parts, True, quote))
    return out


_NOT_LABELS = frozenset({"update", "note", "photo", "photos", "video", "watch", "read", "related",
                         "editor's note", "correction", "clarification", "disclosure", "warning",
                         "breaking", "exclusive", "analysis", "opinion", "editorial", "live",
                         "advertisement", "sponsored", "transcript", "q", "a", "full text",
                         "more", "also", "see also", "source", "sources", "credit"})  # fmt: skip


def _label_name(view, names, start, end, *, at_paragraph_start):  # type: ignore[no-untyped-def]
    """The named mention that a ``NAME:`` label consists of, if it is one."""
    if view[start:end].strip().lower() in _NOT_LABELS:
        return None
    found = [n for n in names.overlapping(start, end) if n.start <= start + 1 and n.end >= end - 1]
    if not found:
        return None
    if found[0].kind in ("person", "organisation", "collective"):
        return found[0]
    words = view[start:end].split()
    if at_paragraph_start and len(words) <= 3 and all(w[:1].isupper() for w in words):
        return found[0]
    return None


def _label_raw(view, sentences, entry, name, colon, parts, direct, quote) -> Raw:  # type: ignore[no-untyped-def]
    colon = view.index(":", colon)
    hit = CueHit(colon, colon + 1, ":", (entry,))
    si = sentences.index(parts[0][0])
    raw = Raw(parts, direct, hit, entry, si if si is not None else -1, (name.start, name.end))
    raw.quote = quote
    return raw


def _continues_in_paragraph(view: str, previous: Raw, quote: Quote) -> bool:
    """``"A," said X, 21, shaking his head. "B."``: the next quotation is X's too."""
    holds_quote = previous.direct or any(c in view[previous.start : previous.end] for c in '“"')
    if not holds_quote:
        return False
    cue_end = previous.hit.end if previous.hit is not None else previous.end
    quote_end = previous.quote.end if previous.quote is not None else previous.end
    gap = view[max(previous.end, cue_end, quote_end) : quote.start]
    if count_words(gap) > 45 or any(c in gap for c in '“"'):
        return False
    before = view[: quote.start].rstrip()
    return not before or before[-1] in ".!?,:;—–-" or before[-1] in '”"'


def _paragraph_of(starts: list[int], offset: int) -> int | None:
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def _framing_quote(raws: list[Raw], last: Raw | None, view: str, quote: Quote) -> Raw | None:
    """The direct statement whose frame sentence holds ``last``, else ``last``.

    ``"A," Trump said, referring to Kerry. "B."``: the participle ("referring to") or a
    relative clause in the frame ("said X, who called him ...") is a statement of its
    own, but the next quotation continues the direct one its sentence frames (not
    when a colon hands it to the participle: ``explaining ...: "B."``).
    """
    if last is None or last.direct or view[: quote.start].rstrip().endswith(":"):
        return last
    for raw in sorted(raws, key=lambda r: r.end, reverse=True):
        if raw.end > last.end or raw is last:
            continue
        if raw.direct and raw.quote is not None and raw.sentence == last.sentence >= 0:
            later = [r for r in raws if raw.end < r.end <= last.end and r is not last]
            if all(r.sentence == last.sentence for r in later):
                return raw
        break
    return last


def _last_before(raws: list[Raw], offset: int) -> Raw | None:
    best = None
    for r in raws:
        if r.end <= offset and (best is None or r.end > best.end):
            best = r
    return best


def _ends_paragraph(view: str, paragraphs, starts: list[int], offset: int) -> bool:
    """Whether only the cue frame (a few words) follows ``offset`` in its paragraph."""
    pi = _paragraph_of(starts, offset)
    if pi is None:
        return False
    tail = view[offset : paragraphs[pi].end].lstrip("”\"’'")
    if any(c in tail for c in '“"'):
        return False
    return count_words(tail) <= 40
