"""Built-in checks of the loaded-language stage: scare quotes and "so-called".

Scare quotes put a word at arm's length ("the 'experts'", "a 'reform'"): the
writer signals doubt without saying why or whose. They are told apart from real
quotations by what surrounds them: a real quotation is somebody's words, so its
sentence names a speaker or a verb of saying ("he called it a 'hoax'"), or it is
the title of a work or a name (Title Case). What is left, a one-to-three-word
quotation in the reporter's own sentence, is flagged; so is "so-called X".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from factcheck.checks import CheckFn, make_finding
from factcheck.context import Context
from factcheck.model import Analysis, Finding, Quote
from factcheck.ruleset import Rule

DEFAULT_MAX_WORDS = 3
# Used when the rule gives no `speech_cues`: a short quotation near these is somebody's words.
DEFAULT_CUES = (
    "said",
    "says",
    "say",
    "told",
    "tells",
    "called",
    "calls",
    "call",
    "dubbed",
    "termed",
    "named",
    "titled",
    "entitled",
    "labelled",
    "labeled",
    "branded",
    "described",
    "known as",
    "nicknamed",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "added",
    "asked",
    "according to",
    "word",
    "words",
    "phrase",
    "term",
    "slogan",
    "headline",
    "chanted",
    "shouted",
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# "so-called" and what it labels: the next word, or a whole quotation right after it.
_SO_CALLED_RE = re.compile(
    r"(?<![\w-])so[-‐‑ ]called(?![\w-])"
    r"(?:\s+(?:“[^”\n]{1,40}”|\"[^\"\n]{1,40}\"|‘[^’\n]{1,40}’|[\w'’-]+))?",
    re.IGNORECASE,
)


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Words that make a short quotation somebody's words (said, called, titled...)."""
    escaped = (re.escape(c).replace(r"\ ", r"\s+") for c in cues if c.strip())
    alternatives = "|".join(sorted(escaped, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def scare_quotes(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Short quotations that no one is said to have said, and "so-called X"."""
    params: Mapping[str, Any] = rule.body.get("params", {})
    max_words = int(params.get("max_words", DEFAULT_MAX_WORDS))
    cues = _cue_pattern(tuple(str(c) for c in params.get("speech_cues", DEFAULT_CUES)))
    quotes = analysis.segments.quotes
    view = analysis.document.view
    for quote in quotes:
        if quote.parts or not _is_scare_quote(analysis, quote, quotes, max_words, cues):
            continue
        yield make_finding(rule, analysis, quote.start, quote.end, voice="reporter")
    # The pattern's look-behind makes re try it at every position: look first whether
    # the text says "called" at all (no character folds to c, a, l, e or d but these).
    if params.get("so_called", True) and "called" in view.lower():
        for m in _SO_CALLED_RE.finditer(view):
            inside = _enclosing(quotes, m.start(), m.end())
            yield make_finding(
                rule,
                analysis,
                m.start(),
                m.end(),
                voice="quoted" if inside else "reporter",
                severity="info" if inside else None,
            )


def _is_scare_quote(
    analysis: Analysis,
    quote: Quote,
    quotes: Sequence[Quote],
    max_words: int,
    cues: re.Pattern[str],
) -> bool:
    view = analysis.document.view
    inner = view[quote.inner_start : quote.inner_end].strip()
    words = _WORD_RE.findall(inner)
    if not words or len(words) > max_words or len(inner) > 40:
        return False
    if any(ch in inner for ch in "?!:;") or inner.rstrip(".,").count(",") or "\n" in inner:
        return False  # an exclamation, a question or a clause: somebody's words
    if all(w[0].isupper() for w in words) and not inner.isupper():
        return False  # a title or a name ("The Apprentice", "Brexit"); "Muslim ban" is not
    if _enclosing(quotes, quote.start, quote.end, exclude=quote):
        return False  # a quotation inside a quotation is the speaker's
    if _so_called_before(view, quote.start):
        return False  # reported once, as "so-called"
    index = analysis.segments.sentence_at(quote.start)
    if index is None:
        lo, hi = max(0, quote.start - 200), min(len(view), quote.end + 200)
    else:
        sentence = analysis.segments.sentences[index]
        lo, hi = sentence.start, max(sentence.end, quote.end)
    context = view[lo : quote.start] + " " + view[quote.end : hi]
    return cues.search(context) is None


def _so_called_before(view: str, start: int) -> bool:
    return bool(re.search(r"so[-‐‑ ]called\s*$", view[max(0, start - 12) : start], re.IGNORECASE))


def _enclosing(
    quotes: Sequence[Quote], start: int, end: int, exclude: Quote | None = None
) -> Quote | None:
    for q in quotes:
        if q is not exclude and q.contains(start, end) and (q.start, q.end) != (start, end):
            return q
    return None


CHECKS: Mapping[str, CheckFn] = {"scare-quotes": scare_quotes}
