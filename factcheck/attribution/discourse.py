"""Where a pronoun or a definite title looks for the person it refers to.

News writing keeps a referent close: "he said" after a quotation means the person the
last sentences were about, not the last man whose gender the article happened to
reveal. So an antecedent is searched in the pronoun's own paragraph and the one
before it (paragraphs that are nothing but a quotation do not count, since a speech
can run over several), sentence by sentence from the nearest; inside a sentence the
leftmost mention wins (usually the subject: "Kasich took a different tack from the
other Republicans"), though not one inside a fronted adjunct ("With a vote for Trump
ruled out, Cross said"), and a possessor ("Clinton's husband, Bill") only when
nothing else is there. Names inside quotation marks are the speaker's words, not the
narration, and are skipped.

With nobody there, the previous statement's speaker is still the topic if mentioned
in the last few paragraphs; else the pronoun stays unresolved.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from factcheck.attribution.text import QUOTE_OPEN

T = TypeVar("T")

# Words that open a fronted adjunct: what stands before its comma is not the subject.
_ADJUNCT_OPENERS = frozenset({"with", "after", "before", "in", "on", "at", "as", "when",
                              "while", "despite", "although", "though", "if", "because",
                              "since", "for", "during", "without", "unlike", "like", "amid",
                              "following"})  # fmt: skip

# Paragraphs before the pronoun's own that are searched (quotation paragraphs aside).
_PARAGRAPHS_BACK = 1
# Quotation paragraphs skipped at most, so a long speech does not reach far back.
_EXTRA_QUOTE_PARAGRAPHS = 3


@dataclass(frozen=True)
class Discourse:
    """Paragraph and sentence bounds of one document, and its quoted regions."""

    view: str
    paragraphs: Sequence[tuple[int, int]]
    sentence_starts: Sequence[int]
    quoted: Callable[[int], bool]

    @classmethod
    def whole(cls, view: str) -> Discourse:
        """One paragraph, one sentence, nothing quoted: for a resolver without segments."""
        return cls(view, ((0, len(view)),), (0,), lambda pos: False)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    def window_start(self, pos: int, back: int = _PARAGRAPHS_BACK) -> int:
        """Where the search for an antecedent of a word at ``pos`` starts.

        ``back`` paragraphs before its own, not counting quotation paragraphs (at most
        ``back + 3`` in all).
        """
        i = max(0, bisect_right(self._paragraph_starts, pos) - 1)
        j, counted = i, 0
        while j > 0 and counted < back and i - j < back + _EXTRA_QUOTE_PARAGRAPHS:
            j -= 1
            if not self._quotation_only(j):
                counted += 1
        return self.paragraphs[j][0] if self.paragraphs else 0

    def _quotation_only(self, index: int) -> bool:
        start, end = self.paragraphs[index]
        text = self.view[start:end].lstrip()
        return bool(text) and text[0] in QUOTE_OPEN

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def sentence_end(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends (the next one's start)."""
        i = self.sentence_of(pos) + 1
        return self.sentence_starts[i] if i < len(self.sentence_starts) else len(self.view)

    def rank(self, pos: int, possessive: bool) -> tuple[int, bool, bool, int]:
        """Higher is a likelier antecedent.

        A later sentence, then outside a fronted adjunct, not a possessor, leftmost.
        """
        si = self.sentence_of(pos)
        return si, not self._in_fronted_adjunct(si, pos), not possessive, -pos

    def _in_fronted_adjunct(self, si: int, pos: int) -> bool:
        """``With a vote for Trump ruled out, Cross said ...``: Trump is not the subject."""
        start = self.sentence_starts[si] if si >= 0 else 0
        if self.view.find(",", start, pos) >= 0:
            return False  # after the adjunct's comma
        comma = self.view.find(",", pos, self.sentence_end(pos))
        if comma < 0:
            return False
        first = self.view[start:comma].split(maxsplit=1)
        return bool(first) and first[0].lower().strip(QUOTE_OPEN) in _ADJUNCT_OPENERS

    def best(self, candidates: Iterable[tuple[int, bool, T]], lo: int, before: int) -> T | None:
        """The likeliest of ``(position, possessive, referent)`` mentions in ``[lo, before)``."""
        best, best_rank = None, None
        for pos, possessive, referent in candidates:
            if not lo <= pos < before or self.quoted(pos):
                continue
            rank = self.rank(pos, possessive)
            if best_rank is None or rank > best_rank:
                best, best_rank = referent, rank
        return best
