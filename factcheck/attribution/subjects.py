"""Long speaker phrases before a cue: appositions, party labels, fronted descriptions.

News writing piles descriptions onto a speaker before the verb: "Rep. Elijah Cummings
(D-Md.), chair of the Platform Committee, said", "The state's campaign chairman, Phil
Lovas, said", "Dunwoody, who worked for Barack Obama in 2008, said", '"...," Tina
Tchen, Mrs. Obama's chief of staff, said'. Walking left from the comma before the cue,
the comma-separated chunks that are noun phrases, relative clauses or participle
modifiers belong to the subject; a chunk that is a clause is the content before a
final frame ("Facebook created the tool, a spokeswoman, Anna White, said"); a
fronted adjunct ("In an interview,") or the sentence start opens the subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.attribution.np import Subject, np_start, skip_adverbials_left, subject_before
from factcheck.attribution.text import (
    CONJUNCTIONS,
    PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    RELATIVE_PRONOUNS,
    Token,
)

_MAX_CHUNKS = 4
_MAX_CHUNK = 24
_LEADING = frozenset({"but", "and", "so", "yet", "meanwhile", "however", "still"})
_RELATIVE = RELATIVE_PRONOUNS | {"whose", "whom"}
_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "'", "`"})  # '' quotes (NYT)


@dataclass(frozen=True, slots=True)
class LongSubject:
    """A subject with its descriptions: ``head`` to resolve, ``lead`` the token before it.

    ``lead`` is -1 at the sentence start, else the index of the comma or quotation
    mark before the whole subject (content before a final frame, or a fronted adjunct).
    """

    head: Subject
    lead: int


def parenthesised_subject(toks: list[Token], k: int) -> Subject | None:
    """``Gov. Phil Bryant (R) said``: the noun phrase before a parenthesis before the cue."""
    j = skip_adverbials_left(toks, k - 1)
    if j < 1 or toks[j].text != ")":
        return None
    opening = _opening(toks, j)
    if opening is None or opening < 1:
        return None
    found = subject_before(toks, opening)
    if found.kind != "np":
        return None
    return Subject("np", found.start, j)


def comma_subject(toks: list[Token], comma: int) -> LongSubject | None:
    """The subject of a cue preceded by ``comma`` (see the module docstring)."""
    kinds: list[tuple[str, int, int]] = []  # (kind, first, last), nearest first
    end = comma - 1
    lead = -1
    while len(kinds) <= _MAX_CHUNKS:
        j = _chunk_start(toks, end)
        first = j + 1
        if first > end or end - first > _MAX_CHUNK:
            return None
        kind = _chunk_kind(toks, first, end, at_start=j < 0 or toks[j].text in QUOTE_CLOSE)
        if kind in ("clause", "adjunct"):
            lead = end + 1  # the comma after this chunk
            break
        kinds.append((kind, first, end))
        if j < 0:
            lead = -1
            break
        if toks[j].text != "," or j == 0:
            lead = j
            break
        if toks[j - 1].text in QUOTE_CLOSE or toks[j - 1].text == "'":
            lead = j  # '"...," Tina Tchen, Mrs. Obama's chief of staff, said'
            break
        end = j - 1
    else:
        return None
    if not kinds:
        return None
    kind, first, last = kinds[-1]
    if kind not in ("np", "name"):
        return None
    first = _skip_leading(toks, first, last)
    if first is None:
        return None
    if kind == "np" and len(kinds) > 1 and kinds[-2][0] == "name":
        _, first, last = kinds[-2]  # "The state's campaign chairman, Phil Lovas, said"
    return LongSubject(Subject("np", first, last), lead)


def _opening(toks: list[Token], close: int) -> int | None:
    for i in range(close - 1, max(-1, close - 8), -1):
        if toks[i].text == "(":
            return i
    return None


def _chunk_start(toks: list[Token], end: int) -> int:
    """Index of the break (comma, quote, dash) before the chunk ending at ``end``."""
    depth = 0
    j = end
    while j >= 0:
        t = toks[j].text
        if t == ")":
            depth += 1
        elif t == "(":
            depth -= 1
        elif depth <= 0 and (t in _BREAKS or t in QUOTE_CLOSE or t in QUOTE_OPEN):
            return j
        j -= 1
    return -1


def _skip_leading(toks: list[Token], first: int, last: int) -> int | None:
    while first <= last and toks[first].lower in _LEADING:
        first += 1
    return first if first <= last else None


def _chunk_kind(toks: list[Token], first: int, last: int, *, at_start: bool) -> str:
    """What a chunk is: name, np, relative, participle, adjunct or clause."""
    lead = _skip_leading(toks, first, last)
    if lead is None:
        return "clause"
    tok = toks[lead]
    w = tok.lower
    if w in _RELATIVE and not at_start:
        return "relative"
    if w in PREPOSITIONS or (w in CONJUNCTIONS and w not in _RELATIVE):
        return "adjunct"
    if tok.is_word and not tok.is_cap and len(w) > 4 and w.endswith(("ing", "ed")):
        return "participle"
    if tok.is_cap and w.endswith("ing") and lead < last and toks[lead + 1].is_word:
        return "adjunct"  # "Speaking later on the same show,"
    # Drop a final parenthesis (party label) and stop at a relative clause.
    end = last
    if toks[end].text == ")":
        opening = _opening(toks, end)
        if opening is None or opening <= lead:
            return "clause"
        end = opening - 1
    for i in range(lead + 1, end + 1):
        if toks[i].lower in _RELATIVE and i > lead + 1:
            end = i - 1
            break
    if not toks[end].is_word:
        return "clause"
    start = np_start(toks, end, limit=lead)
    if start is None or start > lead:
        return "clause"
    words = [t for t in toks[lead : end + 1] if t.is_word]
    if words and all(t.is_cap or t.lower in ("of", "de", "van", "von", "jr.") for t in words):
        return "name"
    return "np"
