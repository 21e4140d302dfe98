"""Attribution cues from the ``cues`` rule files, compiled into one matcher.

Every form of every entry (``say``: say, says, said, saying) goes into one trie
regex run over the lower-cased text. A hit is only a candidate: the frame finders in
:mod:`factcheck.attribution.frames` decide from the context whether it introduces a
statement (``needs``, ``subjects``, the words around it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from factcheck.attribution.trie import WordFinder

_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One compiled cue entry: what a match means and when it counts."""

    rule: str
    cue: str
    type: str  # speech | cognition | accusation | evidence
    neutral: bool
    suggestion: str | None
    frame: str  # verb | source | adjunct
    object: str | None  # addressee | target | None
    needs: frozenset[str]
    subjects: frozenset[str]
    unless_followed_by: tuple[str, ...]
    unless_preceded_by: frozenset[str]
    phrase: bool  # more than one word


# Needs that the next word alone cannot settle (a phrase, a clause, a final frame).
OPEN_NEEDS = frozenset({"end", "object", "clause", "complement", "as"})


@dataclass(frozen=True, slots=True)
class CueTraits:
    """What the frame finders first ask of a form's entries, worked out once per run.

    Every hit of a form has the same entries; reading a hit asks which frames they
    take, whether one is a phrase, whether one has needs the next word cannot settle,
    and which are nominal.
    """

    frames: frozenset[str]
    phrase: bool  # some entry is a phrase
    open_needs: bool  # some entry needs nothing, or something in OPEN_NEEDS
    nouns: tuple[CueEntry, ...]  # the nominal entries ("Trump's claim")
    others: tuple[CueEntry, ...]  # the other entries, in order
    that_nouns: tuple[CueEntry, ...]  # nominal entries that take a that-clause

    @classmethod
    def of(cls, entries: tuple[CueEntry, ...]) -> CueTraits:
        return cls(
            frozenset(e.frame for e in entries),
            any(e.phrase for e in entries),
            any(not e.needs or e.needs & OPEN_NEEDS for e in entries),
            tuple(e for e in entries if e.frame == "noun"),
            tuple(e for e in entries if e.frame != "noun"),
            tuple(e for e in entries if e.frame == "noun" and "that" in e.needs),
        )


@dataclass(slots=True, unsafe_hash=True)
class CueHit:
    """A cue form found in the text, with its entries.

    Treated as immutable but not declared ``frozen``: a frozen dataclass sets each
    field through ``object.__setattr__``, and a document has about fifty hits.
    """

    start: int
    end: int
    text: str
    entries: tuple[CueEntry, ...]
    # The entries' traits, from the lexicon (hits made otherwise work them out).
    known_traits: CueTraits | None = field(default=None, compare=False, repr=False)

    @property
    def traits(self) -> CueTraits:
        return self.known_traits or CueTraits.of(self.entries)

    @property
    def form(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    finder: WordFinder | None
    by_form: Mapping[str, tuple[CueEntry, ...]]
    subjects: frozenset[str] = frozenset()  # every document noun an evidence cue accepts
    traits: Mapping[str, CueTraits] = field(default_factory=dict)  # by form, as by_form

    def find(self, folded: str, view: str) -> list[CueHit]:
        """Every cue form in ``folded`` (``view`` lower-cased), leftmost-longest."""
        if self.finder is None:
            return []
        out = []
        by_form, traits = self.by_form, self.traits
        for start, end in self.finder.spans(folded):
            key = " ".join(folded[start:end].split())
            entries = by_form.get(key)
            if entries:
                out.append(CueHit(start, end, view[start:end], entries, traits.get(key)))
        return out


def verb_forms(base: str, *, double: bool = False) -> list[str]:
    """-s, -ed and -ing forms of a regular verb (or of the first word of a verb phrase)."""
    head, sep, rest = base.partition(" ")
    tail = sep + rest
    if head.endswith("e") and not head.endswith(("ee", "ye", "oe")):
        ing, ed = head[:-1] + "ing", head + "d"
    elif head.endswith("ee"):
        ing, ed = head + "ing", head + "d"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        ing, ed = head + "ing", head[:-1] + "ied"
    elif double:
        ing, ed = head + head[-1] + "ing", head + head[-1] + "ed"
    else:
        ing, ed = head + "ing", head + "ed"
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = head + "es"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    return [base, third + tail, ed + tail, ing + tail]


_BE = ("is", "are", "was", "were", "be", "been")
_PASSIVE_ADVERBS = ("", "widely ", "not ", "also ", "generally ", "now ", "still ")


def passive_forms(participle: str) -> list[str]:
    """``is expected``, ``are widely expected``, ``was not expected``, ``been expected``."""
    return [
        f"{be} {adverb}{participle}"
        for be in _BE
        for adverb in _PASSIVE_ADVERBS
        if not (adverb and be in ("be", "been"))
    ]


def compile_entry(rule: Any, raw: Mapping[str, Any]) -> tuple[CueEntry, list[str]]:
    """One entry of a cues rule file and every surface form it matches (lower case)."""
    body = rule.body
    cue = str(raw["cue"]).strip()
    frame = str(raw.get("frame", "verb"))
    inflect = raw.get("inflect", "verb" if frame in ("verb", "clause") else "none")
    forms = [cue]
    if inflect == "verb":
        forms = verb_forms(cue, double=bool(raw.get("double")))
    forms += [str(f) for f in raw.get("forms", ())]
    if raw.get("passive"):
        participle = str(
            raw.get("participle") or verb_forms(cue, double=bool(raw.get("double")))[2]
        )
        forms = passive_forms(participle)
    entry = CueEntry(
        rule=rule.id,
        cue=cue,
        type=str(raw.get("type", body["type"])),
        neutral=bool(raw.get("neutral", body["neutral"])),
        suggestion=raw.get("suggestion"),
        frame=frame,
        object=raw.get("object"),
        needs=frozenset(raw.get("needs", ())),
        subjects=frozenset(s.lower() for s in raw.get("subjects", ())),
        unless_followed_by=tuple(str(w).lower() for w in raw.get("unless_followed_by", ())),
        unless_preceded_by=frozenset(str(w).lower() for w in raw.get("unless_preceded_by", ())),
        phrase=" " in cue,
    )
    keys = []
    for form in forms:
        key = " ".join(form.lower().split())
        if key and key not in keys:
            keys.append(key)
    return entry, keys


def build_cues(
    rules: Iterable[Any], compile: Callable[[str, int], re.Pattern[str]] = re.compile
) -> CueLexicon:
    """Compile every enabled ``cues`` rule into one :class:`CueLexicon`.

    Entries restricted to certain subjects (evidence verbs) come first for a form, so
    "the poll said" is evidence and "the minister said" speech.
    """
    by_form: dict[str, list[CueEntry]] = {}
    for rule in rules:
        for raw in rule.body["entries"]:
            entry, keys = compile_entry(rule, raw)
            for key in keys:
                by_form.setdefault(key, []).append(entry)
    if not by_form:
        return CueLexicon(None, {})
    ordered = {k: tuple(sorted(v, key=lambda e: not e.subjects)) for k, v in by_form.items()}
    subjects = frozenset(s for v in ordered.values() for e in v for s in e.subjects)
    traits = {k: CueTraits.of(v) for k, v in ordered.items()}
    return CueLexicon(WordFinder(ordered, compile=compile), ordered, subjects, traits)
