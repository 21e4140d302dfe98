"""Where the clause around a cue starts: for cues that qualify their own clause.

An evidential or passive cue ("seems", "appeared", "is expected to", "is said to")
has no speaker phrase: the writer (or an unnamed source) presents the whole clause
as an appearance or an expectation, and PolNeAR and PARC mark that clause, subject
included, as the content: "But [[the race seemed to be Sanders's to lose]]",
"[[Obama is expected to join Clinton on the campaign trail soon]]". The clause
starts after the last clause boundary before the cue (a semicolon, a colon or dash,
a subordinating conjunction, "but", ", and"), at a relative pronoun ("[[which
appeared likely to settle little]]"), or at the sentence start, after a fronted
adjunct ("Beneath the pyrotechnics, [[Mr. Putin seemed ...]]").
"""

from __future__ import annotations

from factcheck.attribution.text import PREPOSITIONS, QUOTE_CLOSE, QUOTE_OPEN, Token

_BREAK_MARKS = frozenset({";", ":", "—", "–", "--", "("})
_SUBORDINATORS = frozenset({"that", "because", "although", "though", "while", "whereas", "if",
                            "since", "when", "unless", "until", "but", "so", "whether",
                            "after", "before", "once"})  # fmt: skip
_COORDINATORS = frozenset({"and", "or"})
_RELATIVES = frozenset({"which", "who", "whom", "whose"})
_LEADING = frozenset({"but", "and", "so", "yet", "still", "now", "instead", "indeed"})


def clause_start(toks: list[Token], k: int) -> int | None:
    """Index of the first token of the clause holding the cue at ``toks[k]``.

    None when nothing stands before the cue (no subject: not this frame).
    """
    start = 0
    for j in range(k - 1, -1, -1):
        tok = toks[j]
        w = tok.lower
        if tok.text in _BREAK_MARKS or tok.text in QUOTE_OPEN:
            start = j + 1
            break
        if w in _RELATIVES:
            start = j
            break
        if j + 1 < k and (
            w in _SUBORDINATORS or (w in _COORDINATORS and j > 0 and toks[j - 1].text == ",")
        ):
            start = j + 1
            break
    start = _skip_fronted(toks, start, k)
    return start if start < k else None


def _skip_fronted(toks: list[Token], start: int, k: int) -> int:
    """Skip opening marks, a leading conjunction and a fronted adjunct with its comma."""
    while start < k and (toks[start].text in QUOTE_OPEN or toks[start].text in QUOTE_CLOSE):
        start += 1
    while start < k and toks[start].lower in _LEADING:
        start += 1
    if start < k and (
        toks[start].lower in PREPOSITIONS
        or (toks[start].lower.endswith("ly") and toks[start + 1].text == ",")
        or toks[start].lower in ("along", "beneath", "throughout", "last", "this", "earlier")
    ):
        for j in range(start + 1, k - 1):
            if toks[j].text == ",":
                return j + 1
    return start
