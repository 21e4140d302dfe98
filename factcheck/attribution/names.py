"""Named mentions: people, organisations and collective actors, with titles.

One regular expression finds runs of capitalised words; each run is then read word
by word: a gazetteer alias ("France", "Downing Street") is a collective actor; a
demonym or country before a title ("French Interior Minister", "UK prime minister")
is an affiliation; a title from the roles files ("Interior Minister", "Sen.", "Mr.")
makes the name after it a person; a run ending in an institution word ("Agency",
"Ministry") is an organisation. Titles written in lower case before a name
("Republican presidential candidate Donald Trump"), party labels after it
("(R-Texas)") and appositions (", the French interior minister,") are read too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from operator import attrgetter

from factcheck.attribution.roles import MODIFIERS, RoleInfo, RoleLexicon
from factcheck.attribution.sides import Gazetteer, SideEntry
from factcheck.attribution.text import DAYS, FUNCTION_CAPS, MONTHS, PLACE_WORDS, Token

_CAP = (
    r"(?:No\.?[ ]10\b|(?:[A-Z]\.){2,}|[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?"
    r"|(?:al|el|bin|ibn|de|van|von|le|la|da|di|du)-[A-ZÀ-Þ][\w'’-]*)"
)
_CONNECT = r"(?:de|da|di|du|del|della|van|von|der|den|bin|ibn|al|el|la|le|of|and|for|the|&)"
_TAIL = rf"(?:[ ](?:{_CONNECT}[ ]){{0,2}}{_CAP})*"
# A run of capitalised words: what the name finder reads.
RUN_PATTERN = rf"(?<![\w'’.-]){_CAP}{_TAIL}"
# The same without the particle alternative ("al-Assad"), first character first: with
# no particle before a hyphen and a capital in the text, it finds the same runs, and
# as it starts with a character class, ``re`` skips the lower-case text between them.
_PLAIN_RUN_PATTERN = (
    r"[A-ZÀ-ÖØ-Þ](?<![\w'’.-].)(?:(?<=N)o\.?[ ]10\b|(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'’\-]*\.?)" + _TAIL
)
_PARTICLE_ENDS = ("al", "el", "bin", "ibn", "de", "van", "von", "le", "la", "da", "di", "du")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The module's regexes, compiled on first use (no import-time work)."""
    return {
        "run": re.compile(RUN_PATTERN),
        "plain_run": re.compile(_PLAIN_RUN_PATTERN),
        "hyphen_cap": re.compile(r"-[A-ZÀ-Þ]"),
        "label": re.compile(
            r"[ ]*(?:,[ ]*|\([ ]*)(?P<letter>[A-Z])"
            r"(?:-[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?\)?|\))"
        ),
        "appos": re.compile(r",[ ]+(?P<body>[^,.;:()\"“”\n]{2,90})(?=[,.;)]|$)"),
        "initials": re.compile(r"(?:[A-Z]\.)+"),
        "word": re.compile(r"[\w.'’-]+"),
    }


def runs(view: str) -> Iterator[re.Match[str]]:
    """Every run of capitalised words in ``view`` (matches of :data:`RUN_PATTERN`)."""
    patterns = _patterns()
    for hit in patterns["hyphen_cap"].finditer(view):
        if view.endswith(_PARTICLE_ENDS, 0, hit.start()):
            return patterns["run"].finditer(view)
    return patterns["plain_run"].finditer(view)


_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "bin",
                        "ibn", "al", "el", "la", "le"})  # fmt: skip
_CONNECTORS = frozenset({"of", "and", "for", "the", "&"})
_EDGE_WORDS = _CONNECTORS | _PARTICLES  # never first or last word of a name
_CAPITAL_CONNECTORS = frozenset({"Of", "And", "For", "The"})
_OF_FOR = frozenset({"of", "for"})  # "Syrian Observatory for Human Rights"
_SPECIAL_ENDS = frozenset(".'’")  # a token ending so may be cut in _segments
_ABBREVIATIONS = frozenset(
    {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Sens.", "Rep.", "Reps.", "Gov.", "Gen.", "Lt.",
     "Col.", "Sgt.", "Capt.", "Cmdr.", "Adm.", "Prof.", "Rev.", "Pres.", "Amb.", "St.",
     "Jr.", "Sr.", "Fr.", "Messrs.", "No."}
)  # fmt: skip
_MEDIA_HEADS = frozenset({"News", "Times", "Post", "Journal", "Press", "Herald", "Tribune",
                          "Telegraph", "Guardian", "Reuters", "Network", "Television"})  # fmt: skip
# Last words of capitalised names that are things, not people.
_THING_HEADS = frozenset({
    "Act", "Agreement", "Partnership", "Treaty", "Accord", "Pact", "Convention", "Bill", "Law",
    "Amendment", "Program", "Programme", "Plan", "Initiative", "Security", "Care", "Reform",
    "Deal", "War", "Crisis", "Summit", "Conference", "Games", "Cup", "Prize", "Award", "Index",
    "Images", "Photos", "Online", "Magazine", "Show", "Tour", "Festival", "Light", "Speech",
    "Address", "Fraud", "Rim", "Corps", "Caucus", "Movement", "Doctrine", "Report", "Review",
    "Survey", "Poll", "Era", "Age", "Revolution", "Spring", "Order", "Code", "Rule",
})  # fmt: skip
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_SPAN = attrgetter("start", "end")
_START = attrgetter("start")


@dataclass(slots=True, unsafe_hash=True)
class NameMention:
    """A capitalised mention: the whole span (with its title) and the bare name.

    Treated as immutable (changed copies come from :func:`dataclasses.replace`) but
    not declared ``frozen``: a frozen dataclass sets each of its 12 fields through
    ``object.__setattr__``, and a document has about a hundred mentions.
    """

    start: int
    end: int
    name_start: int
    name_end: int
    name: str
    kind: str  # person | organisation | collective | unknown
    role: str | None = None
    role_rule: str | None = None
    gender: str | None = None
    affiliation: SideEntry | None = None
    affiliation_text: str | None = None
    side: SideEntry | None = None  # for collectives: the side they are

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


@dataclass(frozen=True, slots=True)
class NameIndex:
    mentions: tuple[NameMention, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, mentions: Sequence[NameMention]) -> NameIndex:
        ordered = tuple(sorted(mentions, key=_SPAN))
        return cls(ordered, tuple(map(_START, ordered)))

    def overlapping(self, start: int, end: int) -> list[NameMention]:
        i = bisect.bisect_left(self.starts, start - 200)
        out = []
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end > start:
                out.append(m)
        return out


def find_names(view: str, roles: RoleLexicon, gazetteer: Gazetteer) -> NameIndex:
    """Every named mention in ``view`` (see the module docstring)."""
    return NameReader(roles, gazetteer).find(view)


@dataclass
class NameReader:
    """The name finder of one run's lexicons.

    It remembers what each one-word run means on its own (a collective's alias, a
    candidate name, or nothing: "The", "Tuesday", "French"), and the mentions each
    longer run holds before its surroundings are read (:class:`_Pending`, offsets
    from the run's start): both depend on the run's text and the lexicons only.
    :func:`find_names` makes one per document; kept for the whole run
    (``ctx.compiled``), one reader serves every document and most runs are then
    already read ("Donald Trump", "White House": over half the longer runs of the
    benchmark articles come back).
    """

    roles: RoleLexicon
    gazetteer: Gazetteer
    words: dict[str, tuple[str, SideEntry | None] | None] = field(default_factory=dict)
    phrases: dict[str, list[_Pending]] = field(default_factory=dict)

    def find(self, view: str) -> NameIndex:
        roles, gaz = self.roles, self.gazetteer
        words, phrases = self.words, self.phrases
        out: list[NameMention] = []
        for m in runs(view):
            text = m.group()
            if " " not in text:
                reading = words.get(text, _UNREAD)
                if reading is _UNREAD:
                    reading = words[text] = _word_reading(text, roles, gaz)
                if reading is not None:
                    mention = _single(reading, m.start(), view, roles, gaz)
                    if mention is not None:
                        out.append(mention)
                continue
            pending = phrases.get(text)
            if pending is None:
                pending = _read_run(text, roles, gaz)
                if len(phrases) < _MAX_PHRASES:
                    phrases[text] = pending
            _place(pending, m.start(), view, roles, gaz, out)
        return NameIndex.of(out)


_UNREAD = ("", None)  # not yet in NameReader.words
# Longer runs a reader remembers at most (about 20 MB): a run over a huge corpus
# keeps meeting new names, and the common ones come early.
_MAX_PHRASES = 50_000
# What a pending mention still needs from the text around its run.
_NOTHING = 0
_NO_TITLE_AFTER = 1  # a collective ending its segment: dropped when a title follows
_PERSON = 2  # a title before it, a party label or apposition after it


@dataclass(frozen=True, slots=True)
class _Pending:
    """A mention as its run's text alone gives it (offsets from the run's start)."""

    mention: NameMention
    check: int  # _NOTHING, _NO_TITLE_AFTER or _PERSON


def _read_run(text: str, roles: RoleLexicon, gaz: Gazetteer) -> list[_Pending]:
    """The mentions of a run of several capitalised words, before its context is read."""
    toks = []
    pos = 0
    for word in text.split(" "):
        toks.append(Token(pos, pos + len(word), word))
        pos += len(word) + 1
    out: list[_Pending] = []
    for segment in _segments(toks):
        out.extend(_parse(segment, text, roles, gaz))
    if any(t.text in _CAPITAL_CONNECTORS for t in toks[1:-1]):
        # "Final Orders Of Removal": a connector with a capital makes the run a
        # title-case heading or the name of a thing; its words are not people's
        # names unless a title says so ("Secretary Of State John Kerry").
        out = [_not_guessed_person(p) for p in out]
    return out


def _not_guessed_person(pending: _Pending) -> _Pending:
    """A mention guessed to be a person from its capitals alone, made unknown."""
    m = pending.mention
    if m.kind != "person" or m.role_rule is not None:
        return pending
    return _Pending(replace(m, kind="unknown"), pending.check)


def _place(
    pending: list[_Pending],
    offset: int,
    view: str,
    roles: RoleLexicon,
    gaz: Gazetteer,
    out: list[NameMention],
) -> None:
    """Add a run's mentions at ``offset`` of ``view``, read in their context."""
    for item in pending:
        m = item.mention
        mention = NameMention(
            m.start + offset, m.end + offset, m.name_start + offset, m.name_end + offset,
            m.name, m.kind, m.role, m.role_rule, m.gender, m.affiliation, m.affiliation_text,
            m.side,
        )  # fmt: skip
        if item.check == _NO_TITLE_AFTER:
            if _title_follows(view, mention.end, roles):
                continue  # "UK prime minister": the alias modifies a title
        elif item.check == _PERSON:
            kind = mention.kind
            if (
                kind in ("person", "unknown")
                and mention.start == mention.name_start
                and _previous_word(view, mention.start).rstrip(",").lower() in roles.last_words
            ):
                mention = _with_title_before(mention, view, roles, gaz)
            if (kind in ("person", "unknown") or mention.role) and view.startswith(
                (", ", " (", ","), mention.end
            ):
                mention = _with_label_or_apposition(mention, view, roles, gaz)
        out.append(mention)


def _word_reading(
    word: str, roles: RoleLexicon, gaz: Gazetteer
) -> tuple[str, SideEntry | None] | None:
    """What a one-word run is without context: (bare word, its side as an alias) or None.

    None for function words, days, months, demonyms and titles; the bare word drops a
    sentence-final full stop and a possessive ending.
    """
    if word.endswith(".") and word not in _ABBREVIATIONS and not _initials(word):
        word = word[:-1]
    if word.endswith(("'s", "’s")) and len(word) > 2:
        word = word[:-2]
    elif word.endswith(("s'", "s’")) and len(word) > 2:
        word = word[:-1]
    if not word or word in FUNCTION_CAPS:
        return None
    low = word.lower()
    if low in DAYS or (low in MONTHS and len(word) > 3):
        return None
    side = gaz.aliases.get(word)
    if side is not None:
        return word, side
    if word in gaz.demonyms or roles.lookup(low) is not None:
        return None
    return word, None


def _single(
    reading: tuple[str, SideEntry | None],
    start: int,
    view: str,
    roles: RoleLexicon,
    gaz: Gazetteer,
) -> NameMention | None:
    """A one-word run (most runs) in its context: an alias, or a bare name."""
    word, side = reading
    end = start + len(word)
    if side is not None:
        if _title_follows(view, end, roles):
            return None
        return NameMention(start, end, start, end, word, "collective", side=side)
    mention = NameMention(start, end, start, end, word, "unknown")
    if _previous_word(view, start).rstrip(",").lower() in roles.last_words:
        mention = _with_title_before(mention, view, roles, gaz)
    if view.startswith((", ", " ("), end):
        mention = _with_label_or_apposition(mention, view, roles, gaz)
    return mention


def _initials(word: str) -> bool:
    """Whether ``word`` is an initialism written with dots ("U.S.", "J.")."""
    return _patterns()["initials"].fullmatch(word) is not None


def _previous_word(view: str, start: int) -> str:
    end = start - 1
    if end <= 0 or view[end] != " ":
        return ""
    begin = view.rfind(" ", 0, end) + 1
    return view[begin:end]


def _title_follows(view: str, end: int, roles: RoleLexicon) -> bool:
    """Whether the name modifies a title or body: "UK prime minister", "Clinton campaign"."""
    if not view.startswith(" ", end):
        return False
    words = view[end + 1 : end + 40].split(" ", 3)[:3]
    words = [w.strip(".,;:") for w in words if w[:1].islower()]
    for n in range(len(words), 0, -1):
        if roles.lookup(" ".join(words[:n]).lower()) is not None:
            return True
    return False


def _segments(toks: list[Token]) -> list[list[Token]]:
    """Split a run at possessives, function words, days and months."""
    last = toks[-1]
    if last.text.endswith(".") and last.text not in _ABBREVIATIONS and not _initials(last.text):
        toks[-1] = last = Token(last.start, last.end - 1, last.text[:-1])
    segments: list[list[Token]] = []
    current: list[Token] = []
    for tok in toks:
        text = tok.text
        if text in FUNCTION_CAPS:  # (none ends with a full stop or an apostrophe)
            if current:
                segments.append(current)
            current = []
            continue
        if text[-1] not in _SPECIAL_ENDS and text.isalpha():
            # the usual word: letters only, no full stop, no possessive
            low = tok.lower
            if low in DAYS or (low in MONTHS and len(text) > 3):
                if current:
                    segments.append(current)
                current = []
                continue
            current.append(tok)
            continue
        if (
            text.endswith(".")
            and tok is not last
            and text not in _ABBREVIATIONS
            and not _initials(text)
        ):
            # "Syria. Erdogan": a sentence ends inside the run
            current.append(Token(tok.start, tok.end - 1, text[:-1]))
            segments.append(current)
            current = []
            continue
        bare = text.rstrip(".")
        if bare.lower() in DAYS or (bare.lower() in MONTHS and len(bare) > 3):
            if current:
                segments.append(current)
            current = []
            continue
        if text.endswith(("'s", "’s")) and len(text) > 2:
            current.append(Token(tok.start, tok.end - 2, text[:-2]))
            segments.append(current)
            current = []
            continue
        if text.endswith(("s'", "s’")) and len(text) > 2:
            current.append(Token(tok.start, tok.end - 1, text[:-1]))
            segments.append(current)
            current = []
            continue
        current.append(tok)
    if current:
        segments.append(current)
    out = []
    for seg in segments:
        lo, hi = 0, len(seg)
        while lo < hi and seg[lo].lower in _EDGE_WORDS:
            lo += 1
        while hi > lo and seg[hi - 1].lower in _EDGE_WORDS:
            hi -= 1
        if hi > lo:
            out.append(seg[lo:hi])
    return out


def _alias_at(toks: list[Token], i: int, gaz: Gazetteer) -> tuple[int, SideEntry] | None:
    """The longest gazetteer alias starting at ``toks[i]``: (index after it, its side).

    Looks the words up as :meth:`Gazetteer.alias` does (run words hold no spaces, so
    the joined words are already in its normal form).
    """
    if toks[i].text not in gaz.first_words:
        return None
    aliases = gaz.aliases
    texts = [t.text for t in toks[i : i + gaz.max_words]]
    for k in range(len(texts), 0, -1):
        key = " ".join(texts[:k]).replace("’", "'")
        entry = aliases.get(key)
        if entry is None and key.startswith(("The ", "the ")):
            entry = aliases.get(key[4:])
        if entry is not None:
            return i + k, entry
    return None


def _title_at(toks: list[Token], i: int, roles: RoleLexicon) -> tuple[int, RoleInfo] | None:
    """The longest person title or honorific starting at ``toks[i]``: (index after it, info).

    As :meth:`RoleLexicon.longest_prefix` (token ``lower`` is already lower case with
    straight apostrophes).
    """
    if toks[i].lower not in roles.first_words:
        return None
    forms = roles.forms
    lows = [t.lower for t in toks[i : i + roles.max_words]]
    for k in range(len(lows), 0, -1):
        for info in forms.get(" ".join(lows[:k]), ()):
            if info.type in ("person", "honorific"):
                return i + k, info
    return None


def _title_after_qualifiers(
    toks: list[Token], i: int, roles: RoleLexicon, gaz: Gazetteer
) -> int | None:
    """Where a title, or the party before it, starts after one or two narrowing words.

    "Ohio Gov. John Kasich", "Dallas Police Chief David Brown": the place or body
    before the title is not part of the name. "New Jersey Republican Gov. Chris
    Christie": the party between place and title is read next, as an affiliation.
    """
    n = len(toks)
    for p in (i + 1, i + 2):
        if p >= n - 1:
            continue
        after = p + 1 if toks[p].text in gaz.demonyms else None  # "Republican", "French"
        if after is None and toks[p].text in gaz.first_words:
            alias = _alias_at(toks, p, gaz)  # "Labour Party"
            after = alias[0] if alias is not None else None
        if after is not None and after < n - 1:
            title = _title_at(toks, after, roles)
            if title is not None and title[1].type == "person" and title[0] < n:
                return p
        if toks[p].lower not in roles.first_words:
            continue
        title = _title_at(toks, p, roles)
        if title is not None and title[1].type == "person" and title[0] < n:
            return p
    return None


def _parse(toks: list[Token], run: str, roles: RoleLexicon, gaz: Gazetteer) -> list[_Pending]:
    """The mentions of one segment of ``run`` (token offsets are offsets in ``run``).

    What the surrounding text decides (a title after an alias, a title before a
    name, a label or apposition after it) is left to :func:`_place`.
    """
    out: list[_Pending] = []
    i, n = 0, len(toks)
    prefix_start: int | None = None
    affiliation: SideEntry | None = None
    aff_text: str | None = None
    role: RoleInfo | None = None
    honorific: RoleInfo | None = None
    alias_firsts, title_firsts = gaz.first_words, roles.first_words
    while i < n:
        tok = toks[i]
        alias = _alias_at(toks, i, gaz) if tok.text in alias_firsts else None
        if alias is not None:
            k, entry = alias
            if k < n and (_title_at(toks, k, roles) or toks[k].lower in MODIFIERS):
                affiliation, aff_text = entry, " ".join(t.text for t in toks[i:k])
                prefix_start = toks[i].start if prefix_start is None else prefix_start
                i = k
                continue
            if k == n or role is None:
                text = " ".join(t.text for t in toks[i:k])
                s, e = toks[i].start, toks[k - 1].end
                mention = NameMention(s, e, s, e, text, "collective", side=entry)
                out.append(_Pending(mention, _NO_TITLE_AFTER if k == n else _NOTHING))
                prefix_start, affiliation, role, honorific = None, None, None, None
                i = k
                continue
        demonym = gaz.demonyms.get(tok.text)
        if demonym is not None and i + 1 < n and role is None:
            affiliation, aff_text = demonym, tok.text
            prefix_start = tok.start if prefix_start is None else prefix_start
            i += 1
            continue
        title = _title_at(toks, i, roles) if tok.lower in title_firsts else None
        if title is not None and title[0] < n:
            k, info = title
            if info.type == "honorific":
                honorific = info
            else:
                role = info
            prefix_start = tok.start if prefix_start is None else prefix_start
            i = k
            continue
        if tok.lower in MODIFIERS and i + 1 < n and role is None:
            prefix_start = tok.start if prefix_start is None else prefix_start
            i += 1
            continue
        qualified = _title_after_qualifiers(toks, i, roles, gaz) if role is None else None
        if qualified is not None:  # "Ohio Gov. John Kasich", "Council Leader Mary Smith"
            prefix_start = tok.start if prefix_start is None else prefix_start
            i = qualified
            continue
        break
    if i >= n:
        return out
    rest = toks[i:]
    organisation: bool | None = None  # _is_organisation(rest, roles), when first needed
    for p in range(1, len(rest)):
        if rest[p].text in alias_firsts and _alias_at(rest, p, gaz) is not None:
            if organisation is None:
                organisation = _is_organisation(rest, roles)
            if not organisation:
                # "Clinton White House": the name, then the collective
                return [*out, *_parse(rest[:p], run, roles, gaz),
                        *_parse(rest[p:], run, roles, gaz)]  # fmt: skip
    start = prefix_start if prefix_start is not None else rest[0].start
    if organisation is None:
        organisation = _is_organisation(rest, roles)
    if organisation:
        text = " ".join(t.text for t in toks[(i if prefix_start is None else 0) :])
        org_start = start if affiliation is not None or prefix_start is None else rest[0].start
        if affiliation is not None:
            org_start = start
            text = run[org_start : rest[-1].end]
        end = rest[-1].end
        mention = NameMention(org_start, end, org_start, end, text, "organisation",
                              affiliation=affiliation, affiliation_text=aff_text)  # fmt: skip
        out.append(_Pending(mention, _NOTHING))
        return out
    for n, piece in enumerate(_split_names(rest)):
        if n > 0 and piece[0].start > rest[0].start:
            out.extend(_parse(piece, run, roles, gaz))  # "X and Senator John Smith"
            continue
        person = role is not None or honorific is not None
        if not person and len(piece) == 1 and piece[0].text in gaz.demonyms:
            continue
        kind = "person" if person else _guess_kind(piece)
        mention = NameMention(
            start if piece is rest or piece[0] is rest[0] else piece[0].start,
            piece[-1].end,
            piece[0].start,
            piece[-1].end,
            " ".join(t.text for t in piece),
            kind,
            role=role.role if role else None,
            role_rule=(role or honorific).rule if (role or honorific) else None,
            gender=(role.gender if role else None) or (honorific.gender if honorific else None),
            affiliation=affiliation if kind == "person" else None,
            affiliation_text=aff_text if kind == "person" else None,
        )
        out.append(_Pending(mention, _PERSON))
        role = honorific = None
        affiliation = aff_text = None
    return out


def _is_organisation(toks: list[Token], roles: RoleLexicon) -> bool:
    if len(toks) < 2 and not (toks and toks[0].text.isupper() and len(toks[0].text) > 1):
        return False
    if toks[-1].lower.rstrip(".") in ("inc", "corp", "co", "ltd", "llc", "plc", "group"):
        return True
    organisations = roles.organisations
    for j, tok in enumerate(toks):
        if tok.lower in organisations and (j == len(toks) - 1 or toks[j + 1].lower in _OF_FOR):
            return True
    return toks[-1].text in _MEDIA_HEADS


def _split_names(toks: list[Token]) -> list[list[Token]]:
    """Split "Bill Clinton and Hillary Clinton" (or "of"-joined runs) into names."""
    pieces: list[list[Token]] = [[]]
    for tok in toks:
        if tok.lower in _CONNECTORS:
            if pieces[-1]:
                pieces.append([])
            continue
        pieces[-1].append(tok)
    return [p for p in pieces if p]


def _guess_kind(toks: list[Token]) -> str:
    """A bare capitalised name: a person when it looks like one, else unknown."""
    words = [t.text for t in toks if t.text not in _SUFFIXES]
    if len(words) < 2 or len(words) > 4:
        return "unknown"
    if words[0].endswith("ing") or words[-1] in _THING_HEADS:
        return "unknown"  # "Celebrating Hillary Clinton" (a headline), "Social Security"
    if any(w in PLACE_WORDS or w.isupper() or _has_digit(w) for w in words):
        return "unknown"
    if any(not w[:1].isupper() and w.lower() not in _PARTICLES and "-" not in w for w in words):
        return "unknown"
    return "person"


def _has_digit(word: str) -> bool:
    """Whether any character is a digit (letters never are: skip the scan for words)."""
    return not word.isalpha() and any(c.isdigit() for c in word)


def _with_title_before(
    mention: NameMention, view: str, roles: RoleLexicon, gaz: Gazetteer
) -> NameMention:
    """Read a title written before the name in lower case: "presidential candidate X".

    Or before it as an apposition: "The Conservative shadow health secretary, Victoria
    Atkins, said" (a definite description, then the name between commas); the
    mention then keeps its own span.
    """
    line_start = view.rfind("\n", 0, mention.start) + 1
    lo = max(line_start, mention.start - 90)
    before = view[lo : mention.start]
    appositive = before.endswith(", ") and view[mention.end : mention.end + 1] == ","
    if appositive:
        before = before[:-2]
    elif not before.endswith(" ") or before.rstrip()[-1:] in ',;:"“”(':
        return mention
    words = [(m.start() + lo, m.group()) for m in _patterns()["word"].finditer(before)]
    if not words:
        return mention
    found = roles.longest_suffix([w for _, w in words], ("person", "honorific"))
    if found is None:
        return mention
    n, info = found
    j = len(words) - n
    start = words[j][0]
    affiliation, aff_text = None, None
    while j > 0:
        word = words[j - 1][1]
        side = gaz.affiliation(word) if word[:1].isupper() else None
        if side is not None and affiliation is None:
            affiliation, aff_text = side, word
        elif word.lower() not in MODIFIERS:
            break
        j -= 1
        start = words[j][0]
    if appositive:
        if info.type == "honorific" or (j > 0 and words[j - 1][1] not in ("the", "The")):
            return mention  # "... told the minister, Smith, ...": only "the <title>," counts
        start = mention.start
    if info.type == "honorific":
        return replace(mention, start=start, kind="person", role_rule=info.rule,
                       gender=info.gender or mention.gender)  # fmt: skip
    return replace(
        mention,
        start=start,
        kind="person",
        role=info.role,
        role_rule=info.rule,
        gender=info.gender or mention.gender,
        affiliation=affiliation or mention.affiliation,
        affiliation_text=aff_text or mention.affiliation_text,
    )


def _with_label_or_apposition(
    mention: NameMention, view: str, roles: RoleLexicon, gaz: Gazetteer
) -> NameMention:
    """Party labels ("(R-Texas)", ", D-Calif.,") and appositions (", the French minister,")."""
    patterns = _patterns()
    label = patterns["label"].match(view, mention.end)
    if label is not None:
        party = gaz.labels.get(label.group("letter"))
        if party is not None:
            return replace(mention, kind="person", affiliation=party,
                           affiliation_text=label.group().strip(" ,()"))  # fmt: skip
    appos = patterns["appos"].match(view, mention.end)
    if appos is None or (mention.role and mention.affiliation):
        return mention
    words = appos.group("body").split()
    if not words or len(words) > 12 or not _opens_apposition(words[0], roles, gaz):
        return mention
    head = words[:]
    for stop in ("for", "of", "at", "from", "in", "with", "who", "which"):
        if stop in head:
            head = head[: head.index(stop)]
    found = roles.longest_suffix(head, ("person",)) if head else None
    affiliation = None
    aff_text = None
    for word in head:
        side = gaz.affiliation(word) if word[:1].isupper() else None
        if side is not None:
            affiliation, aff_text = side, word
            break
    if found is None and affiliation is None:
        return mention
    if found is not None and len(head) > 6:
        return mention
    if affiliation is None and found is not None and len(head) < len(words):
        tail = " ".join(words[len(head) + 1 :]).strip()
        side = gaz.alias(tail)
        if side is not None:
            affiliation, aff_text = side, tail
    role = found[1] if found else None
    return replace(
        mention,
        kind="person" if role or mention.kind == "person" else mention.kind,
        role=mention.role or (role.role if role else None),
        role_rule=mention.role_rule or (role.rule if role else None),
        gender=mention.gender or (role.gender if role else None),
        affiliation=mention.affiliation or affiliation,
        affiliation_text=mention.affiliation_text or aff_text,
    )


def _opens_apposition(word: str, roles: RoleLexicon, gaz: Gazetteer) -> bool:
    """Whether an apposition may start with ``word`` ("the", "France's", "former"...)."""
    low = word.lower()
    if low in ("the", "a", "an", "former", "then", "his", "her", "its", "their"):
        return True
    if word[:1].isupper() and gaz.affiliation(word) is not None:
        return True
    return low in MODIFIERS or roles.lookup(low, "person") is not None
