"""Is a figure sourced? By a cue in its sentence, or by a link.

A claim is "sourced" when its sentence carries a source cue ("according to X", "X
said", "figures from X", "X's figures show"...), when it lies in a link's anchor text,
or when its sentence carries a link (Markdown or HTML, ``Document.links``). A data
cue (a named poll, survey or report: ``params.carry_cues``) also sources the later
sentences of its paragraph. The cue words live in the rule file of the
``unsourced-statistic`` check, read even when that check is turned off, so an editor
can extend them. The attribution stage later marks claims inside a speaker's
statement as sourced too.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from factcheck.context import Context
from factcheck.model import Analysis

CUE_CHECK = "unsourced-statistic"


def cue_words(ctx: Context, param: str = "cues") -> tuple[str, ...]:
    """Source cues from ``params`` of the unsourced-statistic rule, enabled or not."""
    for rule in ctx.ruleset.rules:
        if rule.kind == "check" and rule.body.get("check") == CUE_CHECK:
            return tuple(rule.body.get("params", {}).get(param, ()))
    return ()


# Letters stay (lower-cased), everything else becomes a space: "NAO's figures," ->
# "nao s figures ". Cues are normalised the same way, so a cue is found with set and
# substring operations on a sentence instead of a regular-expression pass.
_LETTERS = {c: c.lower() if c.isascii() and c.isalpha() else " " for c in map(chr, range(128))}
_LETTERS_TABLE = str.maketrans(_LETTERS)


def _normalise(text: str) -> str:
    return " ".join(text.translate(_LETTERS_TABLE).split())


@dataclass(frozen=True, slots=True)
class CueMatcher:
    """Source cues as one-word cues (a set) and phrases (substrings between spaces).

    A phrase can only be in a text that holds each of its words, so phrases are
    filed under their longest word (the rarest, as a rule: "according", "figures",
    "published"): most sentences hold none of those, and are never padded and
    searched for the phrases at all.
    """

    words: frozenset[str]
    phrases: Mapping[str, tuple[str, ...]]  # " according to " filed under "according"

    def search(self, text: str) -> bool:
        words = text.encode("ascii", "replace").decode().translate(_LETTERS_TABLE).split()
        if self.words and not self.words.isdisjoint(words):
            return True
        keys = self.phrases.keys() & words
        if not keys:
            return False
        padded = f" {' '.join(words)} "  # the normalised text, a space at each end
        return any(any(map(padded.__contains__, self.phrases[k])) for k in keys)


def compile_cues(words: tuple[str, ...]) -> CueMatcher | None:
    cues = [_normalise(w) for w in words if w.strip()]
    if not cues:
        return None
    phrases: dict[str, list[str]] = defaultdict(list)
    for cue in cues:
        if " " in cue:
            phrases[max(cue.split(), key=len)].append(f" {cue} ")
    return CueMatcher(
        frozenset(c for c in cues if " " not in c),
        {k: tuple(v) for k, v in phrases.items()},
    )


class SourceIndex:
    """Per-document lookups: sentence of an offset, links, and the compiled cues."""

    def __init__(self, analysis: Analysis, ctx: Context) -> None:
        self.analysis = analysis
        self.view = analysis.document.view
        self.sentences = analysis.segments.sentences
        self.starts = [s.start for s in self.sentences]
        self.links = sorted(analysis.document.links, key=lambda link: link.start)
        self.cues = ctx.compiled("claims.cues", lambda: compile_cues(cue_words(ctx)))
        self.carry = ctx.compiled(
            "claims.carry_cues", lambda: compile_cues(cue_words(ctx, "carry_cues"))
        )
        self._carry_cache: dict[int, bool] = {}
        self._cue_cache: dict[int | None, bool] = {}

    def sentence_of(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < max(self.sentences[i].end, self.sentences[i].start + 1):
            return i
        return None

    def bounds(self, sentence: int | None, start: int, end: int) -> tuple[int, int]:
        """The sentence's span, or the line's when the text has no sentences."""
        if sentence is not None:
            s = self.sentences[sentence]
            return s.start, s.end
        lo = self.view.rfind("\n", 0, start) + 1
        hi = self.view.find("\n", end)
        return lo, len(self.view) if hi == -1 else hi

    def has_cue(self, sentence: int | None, start: int, end: int) -> bool:
        if self.cues is None:
            return False
        cache_key = sentence if sentence is not None else -start - 1
        if cache_key not in self._cue_cache:
            lo, hi = self.bounds(sentence, start, end)
            self._cue_cache[cache_key] = self.cues.search(self.view[lo:hi])
        return self._cue_cache[cache_key]

    def carried(self, sentence: int | None) -> bool:
        """A data cue (a named poll, report, survey) earlier in the same paragraph."""
        if self.carry is None or sentence is None:
            return False
        paragraph = self.sentences[sentence].paragraph
        i = sentence - 1
        while i >= 0 and self.sentences[i].paragraph == paragraph:
            if i not in self._carry_cache:
                s = self.sentences[i]
                self._carry_cache[i] = self.carry.search(self.view[s.start : s.end])
            if self._carry_cache[i]:
                return True
            i -= 1
        return False

    def link_for(self, sentence: int | None, start: int, end: int) -> str | None:
        """The URL of a link around the claim, else of a link in its sentence."""
        if not self.links:
            return None
        for link in self.links:
            if link.start <= start and end <= link.end:
                return link.url
        lo, hi = self.bounds(sentence, start, end)
        for link in self.links:
            if link.start < hi and lo < link.end:
                return link.url
        return None


def source_of(
    index: SourceIndex, start: int, end: int, sentence: int | None
) -> tuple[str, str | None, str | None]:
    """(status, source, link) of the claim at ``[start, end)``."""
    url = index.link_for(sentence, start, end)
    if url is not None:
        return "sourced", "link", url
    if index.has_cue(sentence, start, end) or index.carried(sentence):
        return "sourced", "cue", None
    return "unsourced", None, None
