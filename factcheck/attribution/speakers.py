"""One speaker per person: named mentions, descriptions and pronouns resolved together.

Entities are built from the named mentions first: "French Interior Minister Gerald
Darmanin" and a later "Darmanin" are one person (same surname, compatible first
names); "Mr. Trump" joins "Donald Trump". Each statement's speaker phrase is then
resolved:

- a name: the entity of that name;
- a description ("the minister", "the UK prime minister"): the person the article
  gave that title, else (for a definite, specific title) the nearest person named
  just before who has no title yet, who then takes it ("Rubio sought to ...
  the senator said": Rubio is the senator); else a new speaker described by the
  phrase ("a spokesperson for the interior ministry");
- an institution ("the interior ministry", "police") or an anonymous source
  ("officials familiar with the matter", "critics"): a speaker of that kind;
- a pronoun: the nearest compatible (gender, number) person in its paragraph or the
  one before, preferring a sentence's subject to a possessor or an object
  (:mod:`.discourse`); none there, no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from factcheck.attribution.discourse import Discourse
from factcheck.attribution.names import NameIndex, NameMention
from factcheck.attribution.roles import MODIFIERS, RoleInfo, RoleLexicon
from factcheck.attribution.sides import Gazetteer, SideEntry
from factcheck.attribution.text import (
    CONJUNCTIONS,
    DETERMINERS,
    POSSESSIVES,
    PREPOSITIONS,
    strip_possessive,
)
from factcheck.model import Mention


def mentions_of(entity: Entity) -> tuple[Mention, ...]:
    """The entity's mentions as model records, in text order, each with its roles rule."""
    rules = entity.mention_rules
    return tuple(
        Mention(s, e, text, kind, rules.get((s, e)))  # type: ignore[arg-type]
        for (s, e), (text, kind) in sorted(entity.mentions.items())
    )


_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female",
                   "her": "female", "hers": "female"}  # fmt: skip
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
# A one-word phrase resolved as a pronoun.
_SPEAKER_PRONOUNS = frozenset(_PRONOUN_GENDER) | {"they", "it", "i", "we", "them", "us"}
_ORG_PRONOUNS = frozenset({"it", "its"})
# How far back (in paragraphs) the previous speaker is still the topic.
_RECALL_PARAGRAPHS = 3
_SUBJECT_WORDS = frozenset({"he", "she", "they", "it", "i", "we"})
_INDEFINITE = frozenset({"a", "an", "one", "some", "several", "many", "two", "three", "few",
                         "other", "another", "most"})  # fmt: skip
# Words that open a description's post-modifier: "a spokesperson [for the ministry]".
_HEAD_STOPS = frozenset({"for", "of", "at", "with", "from", "in", "close", "familiar", "on",
                         "who", "briefed", "involved", "speaking"})  # fmt: skip
_WORD_RE = re.compile(r"[\w.'’-]+")


@dataclass(eq=False)
class Entity:
    """A speaker being built: everything known about one person, body or group."""

    kind: str  # person | organisation | collective | anonymous | unknown
    name: str
    first: int
    role: str | None = None
    role_rule: str | None = None
    gender: str | None = None
    plural: bool = False
    affiliation: SideEntry | None = None
    affiliation_text: str | None = None
    affiliated_to: Entity | None = None  # "a spokesperson for X": X
    side_entry: SideEntry | None = None  # a collective's own side
    names: list[str] = field(default_factory=list)
    mentions: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # text, kind
    mention_rules: dict[tuple[int, int], str] = field(default_factory=dict)
    statements: int = 0
    targeted: bool = False
    named: bool = False
    guessed: bool = False  # a bare capitalised name taken for a person (no title, no label)
    starts: list[int] = field(default_factory=list, repr=False)  # of the mentions, sorted

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name else ""

    def last_before(self, pos: int) -> int:
        """Where the entity's last mention before ``pos`` starts, or -1."""
        i = bisect_left(self.starts, pos)
        return self.starts[i - 1] if i else -1

    def add(self, start: int, end: int, text: str, kind: str, rule: str | None = None) -> None:
        key = (start, end)
        if key not in self.mentions:
            self.mentions[key] = (text, kind)
            insort(self.starts, start)
        if rule:
            self.mention_rules[key] = rule
        self.first = min(self.first, start)


@dataclass
class Resolver:
    """Builds entities from names and resolves speaker phrases against them."""

    view: str
    names: NameIndex
    roles: RoleLexicon
    gazetteer: Gazetteer
    discourse: Discourse = None  # type: ignore[assignment]  # set in __post_init__
    entities: list[Entity] = field(default_factory=list)
    by_mention: dict[tuple[int, int], Entity] = field(default_factory=dict)
    _by_text: dict[str, Entity] = field(default_factory=dict)
    _by_part: dict[str, list[Entity]] = field(default_factory=dict)  # name word -> persons

    def __post_init__(self) -> None:
        if self.discourse is None:
            self.discourse = Discourse.whole(self.view)

    # ----------------------------------------------------------- named entities

    def build(self) -> None:
        persons = [m for m in self.names.mentions if m.kind == "person" and len(m.tokens) > 1]
        for m in persons:
            entity = self._match_person(m.tokens) or self._new_person(m)
            self._attach(entity, m)
        for m in self.names.mentions:
            if (m.start, m.end) in self.by_mention:
                continue
            if m.kind == "collective" and m.side is not None:
                entity = self._collective(m.side)
                entity.add(m.start, m.end, self.view[m.start : m.end], "collective")
                self.by_mention[(m.start, m.end)] = entity
            elif m.kind == "organisation":
                key = "org:" + m.name.lower()
                entity = self._by_text.get(key)
                if entity is None:
                    entity = Entity("organisation", m.name, m.start, named=True,
                                    affiliation=m.affiliation,
                                    affiliation_text=m.affiliation_text)  # fmt: skip
                    self.entities.append(entity)
                    self._by_text[key] = entity
                self._attach(entity, m)
        for m in self.names.mentions:
            if (m.start, m.end) in self.by_mention or m.kind not in ("person", "unknown"):
                continue
            entity = self._surname_match(m.tokens, m.start)
            if entity is None and m.kind == "person":
                entity = self._new_person(m)
            if entity is not None:
                self._attach(entity, m)

    def _new_person(self, m: NameMention) -> Entity:
        guessed = m.role is None and m.role_rule is None and m.affiliation is None
        entity = Entity("person", m.name, m.start, named=True, guessed=guessed)
        self.entities.append(entity)
        return entity

    def _attach(self, entity: Entity, m: NameMention) -> None:
        if len(m.name) > len(entity.name) and entity.kind == "person":
            entity.name = m.name
        if entity.kind == "person":
            for part in entity.name.split():
                bucket = self._by_part.setdefault(part, [])
                if entity not in bucket:
                    bucket.append(entity)
        if m.name not in entity.names:
            entity.names.append(m.name)
        if m.role and not entity.role:
            entity.role, entity.role_rule = m.role, m.role_rule
        if m.role_rule or m.affiliation is not None:
            entity.guessed = False
        if m.gender and not entity.gender:
            entity.gender = m.gender
        if m.affiliation is not None and (
            entity.affiliation is None or m.affiliation.kind == "party"
        ):
            entity.affiliation, entity.affiliation_text = m.affiliation, m.affiliation_text
        entity.add(m.start, m.end, self.view[m.start : m.end], "name", m.role_rule)
        self.by_mention[(m.start, m.end)] = entity

    def _match_person(self, tokens: Sequence[str]) -> Entity | None:
        last = strip_possessive(tokens[-1])
        for entity in reversed(self._by_part.get(last, ())):
            if entity.kind != "person" or not entity.named:
                continue
            theirs = entity.name.split()
            if theirs[-1] != last:
                continue
            if len(theirs) > 1 and len(tokens) > 1 and not _compatible(theirs[0], tokens[0]):
                continue
            return entity
        return None

    def _surname_match(self, tokens: Sequence[str], at: int) -> Entity | None:
        """A bare "Darmanin" or "Hillary": the nearest person with that name part."""
        if len(tokens) != 1:
            return self._match_person(tokens)
        word = strip_possessive(tokens[0])
        before: Entity | None = None
        after: Entity | None = None
        best_before = -1
        for entity in self._by_part.get(word, ()):
            if entity.kind != "person" or not entity.named:
                continue
            parts = entity.name.split()
            if word != parts[-1] and not (len(parts) > 1 and word == parts[0]):
                continue
            last = entity.last_before(at)
            if last > best_before:
                before, best_before = entity, last
            elif last < 0 and after is None:
                after = entity
        return before or after

    def _collective(self, side: SideEntry) -> Entity:
        key = "side:" + side.name
        entity = self._by_text.get(key)
        if entity is None:
            entity = Entity("collective", side.name, 10**9, side_entry=side, named=True)
            entity.affiliation = side
            self.entities.append(entity)
            self._by_text[key] = entity
        return entity

    # ----------------------------------------------------------- speaker phrases

    def resolve_phrase(
        self, start: int, end: int, *, speaker: Entity | None = None, plural_hint: bool = False
    ) -> Entity | None:
        """The entity a speaker (or target) phrase ``view[start:end]`` refers to."""
        text = self.view[start:end]
        words = _WORD_RE.findall(text)
        if not words:
            return None
        low = words[0].lower()
        if len(words) == 1 and low in _SPEAKER_PRONOUNS:
            return self.resolve_pronoun(start, end, exclude=speaker)
        head = self._head_name(start, end)
        if head is not None:
            return head
        return self._description(start, end, words, exclude=speaker)

    def _head_name(self, start: int, end: int) -> Entity | None:
        """The named entity a phrase is headed by ("the French government" is not one)."""
        found = [m for m in self.names.overlapping(start, end) if m.start >= start and m.end <= end]
        if not found:
            return None
        # "Opposition councillor Tom Brown": the titled person, not the capitalised word.
        first = next((m for m in found if m.kind == "person" and m.role), found[0])
        last = found[-1]
        if first is not last and _is_appositive_name(last, end) and not first.role:
            first = last  # "Pop star Taylor Swift": a description, then the person
        lead = self.view[start : first.start].strip().lower()
        if (
            lead
            and lead not in ("the", "mr.", "mrs.", "ms.")
            and not all(w in DETERMINERS or w in MODIFIERS for w in lead.split())
            and not ((first.role or first is last) and _qualifies_title(_drop_article(lead)))
        ):
            return None
        tail = self.view[first.end : end].strip()
        if tail and not tail.startswith(("(", ",")):
            # "Clinton campaign", "French officials": the name is a modifier
            tail_words = tail.split()
            if tail_words[0].lower() not in ("jr.", "jr", "sr.", "ii", "iii"):
                return None
        entity = self.by_mention.get((first.start, first.end))
        if entity is None:
            entity = self._name_entity(first)
        return entity

    def _name_entity(self, m: NameMention) -> Entity:
        """A speaker named only once, with no title: a person (or an acronym's body)."""
        if m.kind == "collective" and m.side is not None:
            entity = self._collective(m.side)
            entity.add(m.start, m.end, self.view[m.start : m.end], "collective")
            self.by_mention[(m.start, m.end)] = entity
            return entity
        match = self._surname_match(m.tokens, m.start)
        if match is not None:
            self._attach(match, m)
            return match
        kind = "organisation" if m.name.isupper() and len(m.name) > 1 else "person"
        entity = Entity(kind, m.name, m.start, named=True)
        self.entities.append(entity)
        self._attach(entity, m)
        return entity

    def _description(
        self, start: int, end: int, words: list[str], *, exclude: Entity | None
    ) -> Entity | None:
        """A phrase without a heading name: a title, an institution, a group, a source."""
        lows = [w.lower().replace("’", "'") for w in words]
        # The head ends before the first post-modifier word after the first word.
        head_end = next((i for i in range(1, len(lows)) if lows[i] in _HEAD_STOPS), len(lows))
        head_words = lows[:head_end]
        det = head_words[0] if head_words and head_words[0] in DETERMINERS else None
        definite = det in ("the", "this", "that") or det in POSSESSIVES
        core = head_words[1:] if det else head_words
        affiliation, aff_text = self._affiliation_in(words[:head_end])
        tail_text = " ".join(words[head_end + 1 :]) if head_end < len(words) else ""
        affiliated = self._tail_entity(start, end, words, head_end)
        if affiliation is None and affiliated is not None:
            affiliation = affiliated.affiliation or affiliated.side_entry
        found = (
            self.roles.longest_suffix(core, ("person", "organisation", "anonymous"))
            if core
            else None
        )
        anonymous = self._anonymous(core, det)
        text = self.view[start:end]
        if anonymous is not None:
            return self._group(text, "anonymous", start, end, anonymous, affiliation, aff_text,
                               affiliated)  # fmt: skip
        if found is None:
            if core and core[-1] in ("poll", "survey", "study", "report", "analysis", "data"):
                return self._group(text, "organisation", start, end, None, affiliation, aff_text,
                                   affiliated)  # fmt: skip
            if affiliation is not None and core and core[-1].endswith("s"):
                return self._group(text, "collective", start, end, None, affiliation, aff_text,
                                   affiliated)  # fmt: skip
            return None
        info = found[1]
        if info.type == "organisation":
            return self._group(text, "organisation", start, end, info, affiliation, aff_text,
                               affiliated)  # fmt: skip
        if definite and not tail_text:
            entity = self._titled(info, affiliation, start, exclude)
            if entity is not None:
                entity.add(start, end, text, "role", info.rule)
                return entity
        entity = Entity("collective" if info.plural else "person", _bare(text), start,
                        role=info.role, role_rule=info.rule,
                        gender=info.gender, affiliation=affiliation,
                        affiliation_text=aff_text, affiliated_to=affiliated)  # fmt: skip
        if info.plural:
            entity.plural = True
        key = "desc:" + _bare(text).lower()
        existing = self._by_text.get(key)
        if existing is not None:
            existing.add(start, end, text, "role", info.rule)
            return existing
        self._by_text[key] = entity
        self.entities.append(entity)
        entity.add(start, end, text, "role", info.rule)
        return entity

    def _titled(
        self, info: RoleInfo, affiliation: SideEntry | None, at: int, exclude: Entity | None
    ) -> Entity | None:
        """The person a definite title refers to (see the module docstring).

        A holder of the title mentioned in the last paragraphs wins; else (for a
        specific title) the nearest person there with no title yet, who takes it; else
        the holder mentioned last, however far back.
        """
        lo = self.discourse.window_start(at)
        holder = self._title_holder(info, affiliation, at, exclude)
        if info.generic or (holder is not None and holder.last_before(at) >= lo):
            return holder
        chosen = self._untitled_near(affiliation, lo, at, exclude)
        if chosen is None:
            return holder
        chosen.role, chosen.role_rule = info.role, info.rule
        if affiliation is not None and chosen.affiliation is None:
            chosen.affiliation = affiliation
        return chosen

    def _title_holder(
        self, info: RoleInfo, affiliation: SideEntry | None, at: int, exclude: Entity | None
    ) -> Entity | None:
        """The person with this title (or its head word) mentioned last before ``at``."""
        best = None
        best_pos = -1
        head = info.role.split()[-1]
        for entity in self.entities:
            if entity is exclude or entity.kind != "person" or not entity.role:
                continue
            if entity.role != info.role and entity.role.split()[-1] != head:
                continue
            if not _same_side(entity, affiliation):
                continue
            last = entity.last_before(at)
            if last > best_pos:
                best, best_pos = entity, last
        return best

    def _untitled_near(
        self, affiliation: SideEntry | None, lo: int, at: int, exclude: Entity | None
    ) -> Entity | None:
        """The likeliest named person in ``[lo, at)`` who has no title yet."""
        candidates = []
        for m in self.names.mentions:
            if not lo <= m.start < at:
                continue
            entity = self.by_mention.get((m.start, m.end))
            if entity is None or entity is exclude or entity.kind != "person" or entity.role:
                continue
            if _same_side(entity, affiliation):
                candidates.append((m.start, self._possessive(m.end), entity))
        return self.discourse.best(candidates, lo, at)

    def _anonymous(self, core: list[str], det: str | None) -> RoleInfo | None:
        if not core:
            return self.roles.lookup(det, "anonymous") if det else None
        found = self.roles.longest_suffix(core, ("anonymous",))
        if found is None:
            return None
        info = found[1]
        if info.plural_only and not info.plural and det not in _INDEFINITE:
            return None
        if det in ("the", "this", "that") and not info.plural:
            return None
        return info

    def _group(self, text, kind, start, end, info, affiliation, aff_text, affiliated) -> Entity:
        key = f"{kind}:" + _bare(text).lower()
        entity = self._by_text.get(key)
        if entity is None:
            entity = Entity(kind, _bare(text), start, role=info.role if info else None,
                            role_rule=info.rule if info else None, plural=True,
                            affiliation=affiliation, affiliation_text=aff_text,
                            affiliated_to=affiliated)  # fmt: skip
            self.entities.append(entity)
            self._by_text[key] = entity
        entity.add(start, end, text, "role", info.rule if info else None)
        return entity

    def _affiliation_in(self, words: list[str]) -> tuple[SideEntry | None, str | None]:
        for i, word in enumerate(words):
            if not word[:1].isupper():
                continue
            for n in range(min(4, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                side = (
                    self.gazetteer.affiliation(phrase)
                    if n == 1
                    else self.gazetteer.alias(strip_possessive(phrase))
                )
                if side is not None:
                    return side, phrase
        return None, None

    def _tail_entity(self, start: int, end: int, words: list[str], head_end: int) -> Entity | None:
        """The body after the preposition: "a spokesperson for the European Commission"."""
        if head_end >= len(words):
            return None
        for m in self.names.overlapping(start, end):
            if m.start >= start and m.end <= end:
                entity = self.by_mention.get((m.start, m.end))
                if entity is None and m.kind == "collective" and m.side is not None:
                    entity = self._collective(m.side)
                if entity is not None:
                    return entity
        return None

    # ----------------------------------------------------------- pronouns

    def resolve_pronoun(
        self,
        start: int,
        end: int,
        *,
        exclude: Entity | None = None,
        previous: Entity | None = None,
    ) -> Entity | None:
        """The entity a pronoun refers to: the nearest fitting one (see :mod:`.discourse`).

        ``previous``: the speaker of the statement before, when the pronoun is a speaker.
        """
        word = self.view[start:end].lower()
        gender = _PRONOUN_GENDER.get(word)
        plural = word in _PLURAL_PRONOUNS
        org = word in _ORG_PRONOUNS

        later = self._named_later(end) if word in _SUBJECT_WORDS else ()

        def fits(entity: Entity) -> bool:
            if entity is exclude or entity in later:
                return False
            if plural:
                return entity.plural or entity.kind in ("organisation", "collective", "anonymous")
            if org:
                return entity.kind in ("organisation", "collective")
            if entity.kind != "person" or entity.plural:
                return False
            return gender is None or entity.gender in (None, gender)

        chosen = self._antecedent(start, fits, previous)
        if chosen is not None:
            if gender and chosen.gender is None:
                chosen.gender = gender
            chosen.add(start, end, self.view[start:end], "pronoun")
        return chosen

    def _named_later(self, end: int) -> tuple[Entity, ...]:
        """The people a subject pronoun cannot be: those named after it in its sentence.

        "He has attacked Clinton repeatedly": he is not Clinton.
        """
        stop = self.discourse.sentence_end(end)
        return tuple(
            entity
            for m in self.names.overlapping(end, stop)
            if m.start >= end
            and not self.discourse.quoted(m.start)
            and (entity := self.by_mention.get((m.start, m.end))) is not None
        )

    def _antecedent(
        self, at: int, fits: Callable[[Entity], bool], previous: Entity | None
    ) -> Entity | None:
        """The nearest salient entity that fits (see :mod:`.discourse`)."""
        lo = self.discourse.window_start(at)
        candidates = (
            (s, self._possessive(e), entity)
            for entity in self.entities
            if fits(entity)
            for s, e in entity.mentions
            if lo <= s < at
        )
        found = self.discourse.best(candidates, lo, at)
        if (
            found is None
            and previous is not None
            and fits(previous)
            and previous.last_before(at) >= self.discourse.window_start(at, _RECALL_PARAGRAPHS)
        ):
            return previous
        return found

    def _possessive(self, end: int) -> bool:
        """Whether the mention ending at ``end`` is a possessor ("Clinton's husband")."""
        return self.view[end - 2 : end] in ("'s", "’s") or self.view[end : end + 2] in (
            "'s",
            "’s",
        )


def _is_appositive_name(m: NameMention, phrase_end: int) -> bool:
    """Whether ``m`` is a full personal name closing its phrase ("... tycoon Donald Trump").

    News puts a description before a name without a known title: "Pop star Taylor
    Swift said", "Real estate tycoon Donald Trump said". The name of two or more
    words at the end of the phrase is the speaker when the words before it are a
    short plain description (checked by the caller with :func:`_qualifies_title`).
    """
    return m.kind == "person" and m.end == phrase_end and len(m.tokens) >= 2


def _drop_article(lead: str) -> str:
    """The description without its article ("the real estate tycoon"): it narrows nothing."""
    first, _, rest = lead.partition(" ")
    return rest if first in ("the", "a", "an") and rest else lead


def _qualifies_title(lead: str) -> bool:
    """Whether the words before a titled name narrow the title ("council", "union").

    "council leader Mary Smith", "Trump's lawyer Michael Cohen": a short run of plain
    words, no preposition, conjunction or verb between them and the title.
    """
    words = lead.split()
    return len(words) <= 3 and all(
        _QUALIFIER_RE.fullmatch(w) and w not in PREPOSITIONS and w not in CONJUNCTIONS
        for w in words
    )


_QUALIFIER_RE = re.compile(r"[^\W\d_][\w-]*(?:['’]s)?")


def _same_side(entity: Entity, affiliation: SideEntry | None) -> bool:
    """Whether a title's affiliation ("the Republican senator") allows this person."""
    return not (affiliation and entity.affiliation and entity.affiliation.name != affiliation.name)


def _compatible(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _bare(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words) or text
