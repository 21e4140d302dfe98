"""Turn resolved entities and raw statements into the model's Speaker and Statement.

Which entities are listed: every named person and named organisation (silent ones
too: "mentioned but silent" is part of the balance story), except a bare capitalised
phrase taken for a person that the article names only once and never quotes (a
headline's "Populist Economic Speech"); every speaker and every accused target; a
collective actor ("Britain", "London") that neither speaks nor is
accused only when its side is already in the story through someone else, so that
its mentions count for that side without making a mere place name a side.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.attribution.frames import Raw
from factcheck.attribution.sides import Override
from factcheck.attribution.speakers import Entity, mentions_of
from factcheck.model import Span, Speaker, Statement
from factcheck.segment import count_words


def side_of(entity: Entity, overrides: Sequence[Override]) -> tuple[str | None, str | None]:
    """(side name, rule id of the sides file used) for an entity."""
    if overrides:
        texts = [entity.name, *entity.names, *(text for text, _ in entity.mentions.values())]
        if entity.affiliation is not None:
            texts.append(entity.affiliation.name)
        if entity.affiliation_text:
            texts.append(entity.affiliation_text)
        if entity.affiliated_to is not None:
            texts.extend([entity.affiliated_to.name, *entity.affiliated_to.names])
        for override in overrides:
            if override.matches(texts):
                return override.name, None
    if entity.side_entry is not None:
        return entity.side_entry.name, entity.side_entry.rule
    if entity.affiliation is not None:
        return entity.affiliation.name, entity.affiliation.rule
    if entity.affiliated_to is not None and entity.affiliated_to is not entity:
        return side_of(entity.affiliated_to, overrides)
    return None, None


def kept_entities(
    entities: Sequence[Entity], sides: dict[int, tuple[str | None, str | None]]
) -> list[Entity]:
    """The entities the result lists (see the module docstring), by first mention."""
    kept: list[Entity] = []
    for e in entities:
        if not e.mentions:
            continue
        if e.statements or e.targeted:
            kept.append(e)
        elif e.named and e.kind in ("person", "organisation"):
            if e.guessed and len(e.mentions) < 2:
                continue  # a capitalised phrase named once: not enough to list a person
            kept.append(e)
    kept_ids = {id(e) for e in kept}
    involved = {sides[id(e)][0] for e in kept} - {None}
    for e in entities:
        if id(e) in kept_ids or not e.mentions or e.kind != "collective":
            continue
        if sides[id(e)][0] in involved:
            kept.append(e)
    return sorted(kept, key=lambda e: min(e.mentions))


def build_records(
    view: str,
    raws: Sequence[Raw],
    speakers_of: Sequence[Entity | None],
    targets_of: Sequence[list[Entity]],
    entities: Sequence[Entity],
    overrides: Sequence[Override],
) -> tuple[tuple[Speaker, ...], tuple[Statement, ...]]:
    sides = {id(e): side_of(e, overrides) for e in entities if e.mentions}
    kept = kept_entities(entities, sides)
    ids = {id(e): f"S{i + 1}" for i, e in enumerate(kept)}
    statements = []
    for raw, entity, targets in zip(raws, speakers_of, targets_of, strict=True):
        sid = ids.get(id(entity)) if entity is not None else None
        side = sides[id(entity)][0] if entity is not None and sid else None
        entry = raw.entry
        speaker_span = raw.speaker
        parts = tuple(raw.parts)
        text = " ".join(view[s:e] for s, e in parts)
        statements.append(
            Statement(
                id=f"ST{len(statements) + 1}",
                start=raw.start,
                end=raw.end,
                text=text,
                speaker=sid,
                side=side,
                cue=raw.hit.text if raw.hit else None,
                cue_start=raw.hit.start if raw.hit else None,
                cue_end=raw.hit.end if raw.hit else None,
                direct=raw.direct,
                words=sum(count_words(view[s:e]) for s, e in parts),
                cue_neutral=entry.neutral if entry else True,
                anonymous=entity is not None and entity.kind == "anonymous",
                speaker_start=speaker_span[0] if speaker_span else None,
                speaker_end=speaker_span[1] if speaker_span else None,
                rule=entry.rule if entry else None,
                parts=_spans(parts) if len(parts) > 1 else (),
                targets=tuple(ids[id(t)] for t in targets if id(t) in ids and t is not entity),
                accusation=bool(entry and entry.type == "accusation"),
            )
        )
    counts: dict[int, int] = {}
    for entity in speakers_of:
        if entity is not None:
            counts[id(entity)] = counts.get(id(entity), 0) + 1
    speakers = []
    for e in kept:
        side, side_rule = sides[id(e)]
        mentions = mentions_of(e)
        aliases = []
        for m in mentions:
            surface = " ".join(m.text.split())
            if m.kind != "pronoun" and surface != e.name and surface not in aliases:
                aliases.append(surface)
        affiliation = e.affiliation.name if e.affiliation is not None else None
        if affiliation is None and e.affiliated_to is not None:
            affiliation = e.affiliated_to.name
        speakers.append(
            Speaker(
                id=ids[id(e)],
                name=e.name,
                aliases=tuple(aliases),
                affiliation=affiliation,
                side=side,
                kind=_kind(e),
                role=e.role,
                mentions=mentions,
                statements=counts.get(id(e), 0),
                side_rule=side_rule,
            )
        )
    return tuple(speakers), tuple(statements)


def _kind(e: Entity) -> str:
    return e.kind if e.kind in ("person", "organisation", "collective", "anonymous") else "person"


def _spans(parts: Sequence[tuple[int, int]]) -> tuple[Span, ...]:
    return tuple(Span(s, e) for s, e in parts)
