"""Noun phrases around a cue: who is the subject, what is the object.

Without a parser, the speaker of "French Interior Minister Gerald Darmanin told
Britain that..." is found by walking left from the cue over adverbs and auxiliaries
("has also said"), then over the words a noun phrase can hold (capitalised words,
nouns, determiners, "of"/"for"/"with" post-modifiers as in "officials familiar with
the matter") until a word that cannot belong to it: punctuation, a conjunction, a
verb, the start of the sentence. Appositions between commas ("Clinton, 35, the
daughter of ..., said") are skipped back to the name they describe.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.attribution.text import (
    AUXILIARIES,
    BE_FORMS,
    CONJUNCTIONS,
    DAYS,
    DETERMINERS,
    NP_PREPOSITIONS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    Token,
)

_TIME_NOUNS = frozenset({"week", "month", "year", "night", "morning", "afternoon", "evening",
                         "weekend", "day"})  # fmt: skip
_TIME_LEAD = frozenset({"last", "this", "earlier", "later", "that", "on", "next", "early", "late"})
_SOLO_TIME = frozenset({"today", "yesterday", "tonight", "tomorrow", "recently", "afterwards",
                        "afterward", "overnight"})  # fmt: skip
_MAX_NP = 14
# Verb-like words that end a noun phrase when walking left (a closed list of the
# commonest; -ed/-ing forms are caught by shape).
_VERBS = frozenset(
    {
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
        "will", "would", "can", "could", "should", "may", "might", "must", "says", "said",
        "say", "told", "tells", "gets", "got", "makes", "made", "takes", "took", "goes",
        "went", "wants", "came", "comes", "sees", "saw", "knows", "knew", "thinks", "thought",
        "gave", "gives", "let", "lets", "put", "puts", "set", "sets", "won", "lost", "ran",
        "runs", "seems", "become", "became", "left", "met", "meets", "held", "holds",
        # Irregular past forms (no "-ed" to give them away): "Voters heard Trump's claim".
        "heard", "felt", "found", "kept", "brought", "bought", "sent", "spent", "built",
        "meant", "paid", "began", "wrote", "spoke", "drew", "grew", "chose", "broke",
        "sought", "taught", "caught", "fought", "struck", "stood", "understood", "hears",
    }
)  # fmt: skip


# Set expressions used in the functions below, built once.
_OBJECTS_BUT_IT = OBJECT_PRONOUNS - {"it"}
_CONJUNCTIONS_BUT_THAT = CONJUNCTIONS - {"that"}
_NO_NP_END = PREPOSITIONS | DETERMINERS  # a noun phrase does not end with these


@dataclass(slots=True, unsafe_hash=True)
class Subject:
    """What stands left of a cue. ``kind``: np, pronoun, comma, quote, coord, relative, none.

    Treated as immutable, not declared ``frozen`` (whose fields are set through
    ``object.__setattr__``): one is made for every cue read.
    """

    kind: str
    start: int = -1  # token indices, inclusive
    end: int = -1


def skip_adverbials_left(toks: list[Token], j: int) -> int:
    """Index of the last token before ``j`` that is not an adverb, auxiliary or time phrase."""
    while j >= 0:
        tok = toks[j]
        w = tok.lower
        if w in AUXILIARIES or (w.endswith("ly") and not tok.is_cap and len(w) > 3):
            j -= 1
        elif w in _SOLO_TIME or w in DAYS:
            j -= 1
            if j >= 0 and toks[j].lower in _TIME_LEAD:
                j -= 1
        elif w in _TIME_NOUNS and j > 0 and toks[j - 1].lower in _TIME_LEAD:
            j -= 2
        else:
            break
    return j


_DASHES = frozenset({"—", "–", "--", "-"})  # "-": a spaced hyphen standing for a dash


def skip_dashed_aside(toks: list[Token], j: int) -> int:
    """``Murphy — after a pause — told``: the index before the aside, or ``j`` unchanged.

    A pair of dashes between subject and verb sets off an aside; the subject is
    before the first dash. An unpaired dash is left alone (it may end a clause).
    """
    if j < 1 or toks[j].text not in _DASHES:
        return j
    first = _dash_start(toks, j)
    for d in range(first - 1, max(-1, first - 25), -1):
        if toks[d].text in _DASHES:
            opening = _dash_start(toks, d)
            return skip_adverbials_left(toks, opening - 1) if opening > 0 else j
        if toks[d].text in (".", ";", ":") or toks[d].text in QUOTE_CLOSE:
            return j
    return j


def _dash_start(toks: list[Token], j: int) -> int:
    """The first token of the dash at ``toks[j]``: "--" comes as two hyphen tokens."""
    while j > 0 and toks[j - 1].text in _DASHES:
        j -= 1
    return j


def subject_before(toks: list[Token], k: int) -> Subject:
    """The subject of a verb cue whose first token is ``toks[k]`` (see the module docstring)."""
    j = skip_dashed_aside(toks, skip_adverbials_left(toks, k - 1))
    if j < 0:
        return Subject("none")
    tok = toks[j]
    w = tok.lower
    if tok.text == ",":
        return Subject("comma", j, j)
    if tok.text in QUOTE_CLOSE or tok.text in QUOTE_OPEN or tok.text == "'":
        return Subject("quote", j, j)
    if w in ("and", "but", "or"):
        return Subject("coord", j, j)
    if w in SUBJECT_PRONOUNS:
        return Subject("pronoun", j, j)
    if w in RELATIVE_PRONOUNS:
        return Subject("relative", j, j)
    start = np_start(toks, j)
    if start is None:
        return Subject("none")
    return Subject("np", start, j)


def np_start(toks: list[Token], end: int, *, limit: int = 0) -> int | None:
    """First token of the noun phrase ending at ``toks[end]``, or None if there is none."""
    tok = toks[end]
    if not tok.is_word or tok.lower in _VERBS or tok.lower in CONJUNCTIONS:
        return None
    if tok.lower in PREPOSITIONS or tok.lower in _OBJECTS_BUT_IT:
        return None
    start = end
    i = end - 1
    pps = 0
    while i >= limit and end - i < _MAX_NP:
        t = toks[i]
        w = t.lower
        if not t.is_word:
            if t.text in ("-", "&", "'", "’") or (t.text == "." and i > 0 and toks[i - 1].is_cap):
                i -= 1
                continue
            break
        if w in DETERMINERS:
            start = i
            if i - 1 >= limit and toks[i - 1].lower in NP_PREPOSITIONS and pps < 2:
                pps += 1
                i -= 2
                continue
            break
        if t.is_cap and w not in CONJUNCTIONS:  # "But Trump's claim": the name is Trump
            start = i
            i -= 1
            continue
        if w == "and" and i + 1 <= end and toks[i + 1].is_cap and i > limit and toks[i - 1].is_cap:
            i -= 1
            continue
        if w in NP_PREPOSITIONS and pps < 2 and i > limit and _nominal(toks[i - 1]):
            pps += 1
            i -= 1
            continue
        if w in CONJUNCTIONS or w in PREPOSITIONS or w in _VERBS or w in BE_FORMS:
            break
        if w in SUBJECT_PRONOUNS or w in OBJECT_PRONOUNS or w in AUXILIARIES:
            break
        if (w.endswith("ed") or w.endswith("ing")) and len(w) > 4 and not _after_det(toks, i):
            break
        start = i
        i -= 1
    if toks[start].lower in NP_PREPOSITIONS:
        return None
    return start


def _nominal(tok: Token) -> bool:
    w = tok.lower
    return tok.is_word and w not in _VERBS and w not in CONJUNCTIONS and w not in PREPOSITIONS


def _after_det(toks: list[Token], i: int) -> bool:
    return i > 0 and toks[i - 1].lower in DETERMINERS


def np_after(
    toks: list[Token], i: int, *, max_len: int = 12, preps: frozenset[str] = NP_PREPOSITIONS
) -> tuple[int, int] | None:
    """The noun phrase starting at ``toks[i]``: (first, last) token indices, or None.

    Stops at punctuation (a comma ends it unless an apposition follows a name),
    conjunctions, "that", and lower-case verb-like words.
    """
    n = len(toks)
    if i >= n or not toks[i].is_word:
        return None
    first = toks[i]
    if first.lower in _CONJUNCTIONS_BUT_THAT or first.lower in _VERBS:
        return None
    j = i
    last = None
    while j < n and j - i < max_len:
        t = toks[j]
        w = t.lower
        if not t.is_word:
            if t.text in ("-", "&", ".") and j + 1 < n and toks[j + 1].is_word:
                j += 1
                continue
            break
        if w == "that" and j > i:
            break
        if w in CONJUNCTIONS and w not in ("and", "of"):
            break
        if w == "and" and not (last is not None and toks[last].is_cap and j + 1 < n
                               and toks[j + 1].is_cap):  # fmt: skip
            break
        if j > i and (w in _VERBS or w in BE_FORMS) and not t.is_cap:
            break
        if j > i and w in PREPOSITIONS and w not in preps:
            break
        if (
            j > i
            and not t.is_cap
            and len(w) > 4
            and w.endswith(("ed", "ing"))
            and not (w.endswith("ing") and toks[j - 1].lower in DETERMINERS)
        ):
            break
        if (
            j > i
            and w in ("on", "in", "at")
            and j + 1 < n
            and (toks[j + 1].lower in DAYS or toks[j + 1].lower in _TIME_LEAD)
        ):
            break
        last = j
        j += 1
    if last is None:
        return None
    while last > i and toks[last].lower in _NO_NP_END:
        last -= 1
    return i, last
