"""Attribution stage: who speaks, in whose name, and on which side.

Reads the cue, role and sides rule files once per run, then for each document:

1. finds named mentions (:mod:`.names`) and cue hits (:mod:`.cues`);
2. reads each cue in its sentence into a statement with a speaker phrase, a content
   span and direct/reported (:mod:`.frames`), and attributes the quotations no cue
   claims (:mod:`.direct`);
3. resolves speaker phrases, titles and pronouns to one speaker per person
   (:mod:`.speakers`), assigns sides (:mod:`.sides`) and builds the model records
   (:mod:`.records`);
4. completes the voice of loaded terms and numeric claims inside statements
   (:mod:`.voice`).

Split and continued quotations are one statement with ``parts`` (one per piece).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factcheck.attribution.cues import CueLexicon, build_cues
from factcheck.attribution.direct import attach_orphans
from factcheck.attribution.discourse import Discourse
from factcheck.attribution.frames import Frames, Raw, Sentences
from factcheck.attribution.names import NameReader
from factcheck.attribution.np import np_after
from factcheck.attribution.quotes import QuoteIndex, with_double_apostrophes
from factcheck.attribution.records import build_records
from factcheck.attribution.roles import RoleLexicon, build_roles
from factcheck.attribution.sides import (
    Gazetteer,
    Override,
    build_gazetteer,
    compile_overrides,
    read_sides_file,
)
from factcheck.attribution.speakers import Entity, Resolver
from factcheck.attribution.text import PREPOSITIONS, QUOTE_OPEN, tokens
from factcheck.attribution.voice import voiced_records
from factcheck.context import Context
from factcheck.model import Analysis, Document
from factcheck.textutil.regexcache import store_for


@dataclass(frozen=True, slots=True)
class Lexicons:
    cues: CueLexicon
    roles: RoleLexicon
    gazetteer: Gazetteer

    @classmethod
    def build(
        cls, ruleset: Any, compile: Callable[[str, int], re.Pattern[str]] = re.compile
    ) -> Lexicons:
        return cls(
            build_cues(ruleset.of_kind("cues"), compile),
            build_roles(ruleset.of_kind("roles")),
            build_gazetteer(ruleset.of_kind("sides")),
        )

    def speakerish(self, phrase: str) -> bool:
        """Whether a phrase can name a source ("according to officials", not "to plan")."""
        documents = self.cues.subjects
        words = phrase.split()
        for word in words:
            low = word.lower().strip(".,'’")
            if word[:1].isupper() or self.roles.lookup(low) is not None:
                return True
            if low in documents and len(words) > 1:  # "according to the plan", not "to plan"
                return True
            if "." in low and low.rsplit(".", 1)[-1] in ("com", "org", "net", "fr", "uk", "gov"):
                return True  # according to ouest-france.fr
        return False


def run_overrides(ctx: Context) -> tuple[Override, ...]:
    """The run's own side overrides: ``--side`` first, then the sides file."""
    options = ctx.options
    from_file = read_sides_file(options.sides_file) if options.sides_file else {}
    return compile_overrides(options.sides, from_file)


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    lex: Lexicons = ctx.compiled(
        "attribution.lexicons", lambda: Lexicons.build(ctx.ruleset, store_for(ctx).compile)
    )
    overrides = ctx.compiled("attribution.overrides", lambda: run_overrides(ctx))
    if analysis.document.meta.sides:
        overrides = (*overrides, *compile_overrides(analysis.document.meta.sides))
    doc = analysis.document
    view = doc.view
    segments = analysis.segments
    quotes = QuoteIndex.of(with_double_apostrophes(view, segments.paragraphs, segments.quotes))
    sentences = Sentences(view, segments.sentences, tokens)

    excluded = _excluded_test(doc)
    hits = lex.cues.find(_fold(view), view)
    raws = Frames(view, sentences, quotes, hits, excluded, lex.speakerish).run()
    reader = ctx.compiled("attribution.names", lambda: NameReader(lex.roles, lex.gazetteer))
    names = reader.find(view)
    raws = attach_orphans(
        raws, view, quotes, segments.paragraphs, sentences, names, lex.cues, excluded
    )
    raws = _dedupe(raws)
    discourse = Discourse(
        view,
        [(p.start, p.end) for p in segments.paragraphs],
        [s.start for s in segments.sentences],
        lambda pos: quotes.containing(pos) is not None,
    )
    resolver = Resolver(view, names, lex.roles, lex.gazetteer, discourse)
    resolver.build()
    speakers_of, targets_of = _resolve(raws, resolver, sentences)
    speakers, statements = build_records(
        view, raws, speakers_of, targets_of, resolver.entities, overrides
    )
    loaded, claims = voiced_records(statements, analysis.loaded, analysis.claims)
    return analysis.evolve(speakers=speakers, statements=statements, loaded=loaded, claims=claims)


def _excluded_test(doc: Document) -> Callable[[int, int], bool]:
    """Whether a span touches the document's excluded regions (a span of 0 counts as 1).

    Most documents exclude nothing: their test is a constant, not a scan per cue hit
    and quotation.
    """
    if not doc.excluded:
        return _nothing_excluded

    def excluded(start: int, end: int) -> bool:
        return doc.is_excluded(start, max(end, start + 1))

    return excluded


def _nothing_excluded(start: int, end: int) -> bool:
    return False


def _fold(view: str) -> str:
    lowered = view.lower()
    if len(lowered) != len(view):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in view)
    return lowered.replace("’", "'")


def _dedupe(raws: list[Raw]) -> list[Raw]:
    """One statement per cue, and no statement inside the content of a direct one."""
    out: list[Raw] = []
    seen_cues: set[tuple[int, int]] = set()
    direct_end = -1  # end of the furthest-reaching direct statement so far
    for raw in sorted(raws, key=lambda r: (r.start, -r.end)):
        span = raw.cue_span
        if span is not None and span in seen_cues:
            continue
        if raw.end <= direct_end and any(
            o.direct and any(s <= raw.start and raw.end <= e for s, e in o.parts) for o in out
        ):
            continue  # inside a quotation (not in the frame between two of its parts)
        if raw.direct:
            direct_end = max(direct_end, raw.end)
        if span is not None:
            seen_cues.add(span)
        out.append(raw)
    return sorted(out, key=lambda r: (r.start, r.end))


def _resolve(
    raws: list[Raw], resolver: Resolver, sentences: Sentences
) -> tuple[list[Entity | None], list[list[Entity]]]:
    """The speaker and targets of each statement, in text order (see .speakers)."""
    speakers: list[Entity | None] = []
    targets: list[list[Entity]] = []
    order = sorted(range(len(raws)), key=lambda i: _anchor(raws[i]))
    resolved: dict[int, Entity | None] = {}
    previous: Entity | None = None
    by_sentence: dict[int, Entity] = {}
    for i in order:
        raw = raws[i]
        entity: Entity | None = None
        if raw.speaker_ref == "same":
            entity = by_sentence.get(raw.sentence)
            if entity is None:
                span = _sentence_subject(sentences, raw.sentence)
                if span is not None:
                    entity = _resolve_span(resolver, span, previous)
        elif raw.speaker_ref == "last":
            entity = previous
        elif raw.speaker is not None:
            entity = _resolve_span(resolver, raw.speaker, previous)
        resolved[i] = entity
        if entity is not None:
            entity.statements += 1
            previous = entity
            by_sentence.setdefault(raw.sentence, entity)
    for i, raw in enumerate(raws):
        entity = resolved[i]
        speakers.append(entity)
        found = []
        for start, end in raw.targets:
            target = resolver.resolve_phrase(start, end, speaker=entity)
            if target is not None and target is not entity:
                target.targeted = True
                found.append(target)
        targets.append(found)
    return speakers, targets


def _anchor(raw: Raw) -> int:
    points = [raw.start]
    if raw.speaker is not None:
        points.append(raw.speaker[0])
    if raw.hit is not None:
        points.append(raw.hit.start)
    return min(points)


def _resolve_span(
    resolver: Resolver, span: tuple[int, int], previous: Entity | None
) -> Entity | None:
    start, end = span
    text = resolver.view[start:end].lower()
    contracted = _CONTRACTED_PRONOUN.fullmatch(text)
    if contracted:  # "I've argued", "she'd said": the pronoun is the speaker
        text = contracted.group(1)
        end = start + len(text)
    if text in _SUBJECT_PRONOUNS:
        return resolver.resolve_pronoun(start, end, previous=previous)
    return resolver.resolve_phrase(start, end)


# "But the former president ... described ...": the conjunction links the sentence to
# the one before; the subject follows it.
_LEAD_CONJUNCTIONS = frozenset({"but", "and", "yet", "so"})
_SUBJECT_PRONOUNS = ("he", "she", "they", "it", "i", "we")
_CONTRACTED_PRONOUN = re.compile(r"(he|she|they|it|i|we)['’](?:ve|ll|d|m|re|s)")


def _sentence_subject(sentences: Sentences, si: int) -> tuple[int, int] | None:
    """The main clause's subject: the first noun phrase after any fronted adjunct."""
    if si < 0:
        return None
    toks = sentences.tokens(si)
    i = 0
    while i < len(toks) and (
        toks[i].text in QUOTE_OPEN or not toks[i].is_word or toks[i].lower in _LEAD_CONJUNCTIONS
    ):
        i += 1
    if i < len(toks) and (
        toks[i].lower in PREPOSITIONS or toks[i].lower.endswith("ly") or toks[i].lower in (
            "last", "this", "earlier", "later", "speaking", "asked", "meanwhile", "however")
    ):  # fmt: skip
        comma = next((j for j in range(i, min(len(toks), i + 12)) if toks[j].text == ","), None)
        if comma is not None:
            i = comma + 1
    found = np_after(toks, i) if i < len(toks) else None
    if found is None:
        return None
    return toks[found[0]].start, toks[found[1]].end
