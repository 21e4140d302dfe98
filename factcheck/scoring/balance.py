"""Balance between the sides of a story: who gets the voice, who is accused, who replies.

Reads the attribution layer (``Analysis.speakers`` and ``Analysis.statements``) and
the loaded-language layer; computes nothing linguistic itself.

The sides of a story are the distinct ``Speaker.side`` values of its speakers. A side
that speaks is *involved*; so is a silent one that the story accuses or names in two
sentences or more: it is talked about but not heard, and counts as zero voice. A side
named once in passing is left out, and so is a silent side that only the gazetteer
inferred once the user names the sides. For each involved side we count speakers,
statements, direct quotes and attributed words, mark who speaks first and last, count
mentions and the loaded terms the reporter uses in sentences about it, and work out
the right of reply.

Balance score
-------------
Over the k >= 2 involved sides, with x_i the words attributed to side i (and,
separately, its number of statements)::

    E(x) = 1 - sum_i sum_j |x_i - x_j| / (2 (k - 1) sum_i x_i)     (1 - normalised Gini)
    B    = (E(words) + E(statements)) / 2

E is 1 when every side has the same share and 0 when one side has it all (the Gini
coefficient normalised by its maximum (k - 1) / k, so the extremes do not depend on
k). For two sides E is simply twice the smaller side's share: a 90/10 split scores
0.2. Words alone would let one long quotation decide; statements alone would ignore
that a one-line paraphrase is not a speech; the mean of the two keeps both. B is
None when fewer than two sides are involved or when no side speaks at all.
Normalised entropy was rejected: it rates a 90/10 split at 0.47, far too kind for a
story where one side barely speaks.

Right of reply
--------------
A side S is *accused* by a statement that carries ``accusation=True`` and targets a
speaker of S; by loaded language that passes a verdict (:data:`CHARGE_CATEGORIES`:
judgement, name-calling, ridicule, war framing, condemning adjectives) which another
side's speaker uses, quoted or paraphrased, in a statement or sentence that names S
("France will not be held hostage to London's domestic politics"); or by a verdict on
motive (category judgement) in the reporter's own voice in a sentence that names S
and no other side.
Each accusation deserves an answer, so S has *replied* when it makes a statement
after its last accusation; ``replied`` is None for a side nobody accuses.
Order is order in the text: a statement the story reports after an accusation
counts as a reply even if, in time, it came first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from factcheck.model import (
    Analysis,
    Balance,
    LoadedTerm,
    SideBalance,
    Span,
    Speaker,
    Statement,
)

# Loaded-language categories that pass a verdict on someone (see rules/loaded/): a
# "stunning" or a "very" is loaded but charges nobody, and a dehumanising label
# ("illegal immigrants") wrongs the people it names, who are rarely a side.
CHARGE_CATEGORIES = frozenset(
    {
        "judgement",
        "name-calling",
        "ridicule",
        "war-framing",
        "loaded-adjective",
    }
)

# In the reporter's own voice only a verdict on motive is a charge that calls for a
# reply; condemning adjectives and labels there are loaded-language findings already.
REPORTER_CHARGE_CATEGORIES = frozenset({"judgement"})

# What an editor can do when speakers have no side (``factcheck --help`` names both).
SIDES_HINT = "pass --side or a sides file"

# A side that never speaks counts (as zero voice) once the story names it in this many
# sentences, or accuses it.
MIN_SILENT_SENTENCES = 2

FORMULA = (
    "B = (E(words) + E(statements)) / 2, "
    "E(x) = 1 - sum_i sum_j |x_i - x_j| / (2 (k - 1) sum_i x_i) "
    "over the k >= 2 sides the story involves (a silent side has x = 0)"
)


@dataclass(frozen=True, slots=True)
class Accusation:
    """One charge against a side: where it is and who (if anyone known) made it."""

    side: str
    start: int
    end: int
    by_side: str | None
    text: str
    by_reporter: bool = False  # the reporter's own words, not a speaker's


def evenness(values: Sequence[float]) -> float | None:
    """1 - normalised Gini of ``values``: 1 for equal shares, 0 when one holds everything.

    None when there are fewer than two values or nothing to share.
    """
    k = len(values)
    total = float(sum(values))
    if k < 2 or total <= 0:
        return None
    diff = sum(abs(a - b) for a in values for b in values)
    return max(0.0, min(1.0, 1.0 - diff / (2 * (k - 1) * total)))


def balance_score(words: Sequence[float], statements: Sequence[float]) -> float | None:
    """The documented score B over per-side words and statements (same side order)."""
    e_words = evenness(words)
    e_statements = evenness(statements)
    if e_words is None or e_statements is None:
        return None
    return round((e_words + e_statements) / 2, 4)


def statement_side(st: Statement, speakers: Mapping[str, Speaker]) -> str | None:
    """The statement's side, or its speaker's when attribution left the statement's unset."""
    if st.side is not None:
        return st.side
    sp = speakers.get(st.speaker) if st.speaker else None
    return sp.side if sp else None


def position(st: Statement) -> int:
    """Where a statement begins in the text: its speaker, cue or content, whichever is first."""
    return min(p for p in (st.start, st.cue_start, st.speaker_start) if p is not None)


def sentences_about(analysis: Analysis) -> dict[str, set[int]]:
    """Indices of the sentences that mention each side (any mention of one of its speakers)."""
    segments = analysis.segments
    out: dict[str, set[int]] = defaultdict(set)
    for sp in analysis.speakers:
        if sp.side is None:
            continue
        for m in sp.mentions:
            index = segments.sentence_at(m.start)
            if index is not None:
                out[sp.side].add(index)
    return dict(out)


def accusations(
    analysis: Analysis, about: Mapping[str, set[int]] | None = None
) -> list[Accusation]:
    """Every charge against a side, in text order (see the module docstring).

    ``about`` is :func:`sentences_about` when the caller has it already.
    """
    speakers = {sp.id: sp for sp in analysis.speakers}
    text = analysis.document.text
    found: list[Accusation] = []
    for st in analysis.statements:
        if not st.accusation:
            continue
        by = statement_side(st, speakers)
        targets = {speakers[t].side for t in st.targets if t in speakers}
        for side in sorted(s for s in targets if s is not None and s != by):
            start = st.cue_start if st.cue_start is not None else st.start
            end = st.cue_end if st.cue_end is not None else st.end
            found.append(Accusation(side, start, end, by, text[start:end]))
    if about is None:
        about = sentences_about(analysis)
    for term in analysis.loaded:
        if term.category not in CHARGE_CATEGORIES:
            continue
        index = term.sentence
        if index is None:
            index = analysis.segments.sentence_at(term.start)
        mentioned = {side for side, indices in about.items() if index in indices}
        speaker = speakers.get(term.speaker) if term.speaker else None
        if term.voice == "reporter" or speaker is None:
            # The reporter's own verdict on a motive ("exploiting the crisis", "a ploy"),
            # aimed at the side only when it is the only one the sentence names.
            if term.category not in REPORTER_CHARGE_CATEGORIES or len(mentioned) != 1:
                continue
            found.extend(
                Accusation(side, term.start, term.end, None, term.text, by_reporter=True)
                for side in mentioned
            )
            continue
        # A speaker's words are about whoever the statement names, not only the
        # sentence: a quotation often names its target a sentence earlier.
        st = _enclosing(analysis.statements, term.start, term.end)
        if st is not None:
            mentioned |= _sides_named_in(analysis.speakers, st)
        by = speaker.side
        targets = sorted(side for side in mentioned if side != by)
        found.extend(Accusation(side, term.start, term.end, by, term.text) for side in targets)
    found.sort(key=lambda a: (a.start, a.end, a.side))
    return found


def _enclosing(statements: Iterable[Statement], start: int, end: int) -> Statement | None:
    """The statement whose content holds ``[start, end)``."""
    for st in statements:
        pieces = st.parts or (Span(st.start, st.end),)
        if any(p.start <= start and end <= p.end for p in pieces):
            return st
    return None


def _sides_named_in(all_speakers: Iterable[Speaker], st: Statement) -> set[str]:
    """Sides with a mention inside the content of ``st``."""
    pieces = st.parts or (Span(st.start, st.end),)
    return {
        sp.side
        for sp in all_speakers
        if sp.side is not None
        for m in sp.mentions
        if any(p.start <= m.start and m.end <= p.end for p in pieces)
    }


def compute_balance(analysis: Analysis) -> Balance:
    """The balance layer of one analysed story."""
    speakers = {sp.id: sp for sp in analysis.speakers}
    # Worked out once here, not again by each helper.
    about = sentences_about(analysis)
    all_charges = accusations(analysis, about)
    ordered = sorted(analysis.statements, key=position)
    sides = involved_sides(analysis, about=about, charges=all_charges)
    if not sides:
        return Balance(score=None, formula=FORMULA, unassigned=_unassigned(ordered, speakers))

    by_side: dict[str, list[Statement]] = defaultdict(list)
    for st in ordered:
        side = statement_side(st, speakers)
        if side is not None:
            by_side[side].append(st)
    spoken = [st for side in sides for st in by_side[side]]
    first = min(spoken, key=position) if spoken else None
    last = max(spoken, key=position) if spoken else None

    total_words = sum(st.words for st in spoken)
    reporter_loaded = [t for t in analysis.loaded if t.voice == "reporter"]
    charges: dict[str, list[Accusation]] = defaultdict(list)
    for a in all_charges:
        charges[a.side].append(a)

    rows = []
    for side in sides:
        own = by_side[side]
        members = _members(analysis.speakers, side)
        words = sum(st.words for st in own)
        rows.append(
            SideBalance(
                name=side,
                speakers=tuple(sp.name for sp in members),
                statements=len(own),
                direct=sum(1 for st in own if st.direct),
                words=words,
                share=round(words / total_words, 4) if total_words else 0.0,
                first=first is not None and statement_side(first, speakers) == side,
                last=last is not None and statement_side(last, speakers) == side,
                mentions=len({(m.start, m.end) for sp in members for m in sp.mentions}),
                loaded_about=_loaded_about(analysis, reporter_loaded, about.get(side, set())),
                accused=bool(charges[side]),
                replied=_replied(own, charges[side]),
            )
        )
    score = balance_score([r.words for r in rows], [r.statements for r in rows])
    rows.sort(key=lambda r: (-r.share, -r.statements, -r.mentions, r.name))
    return Balance(
        score=score,
        formula=FORMULA,
        sides=tuple(rows),
        unassigned=_unassigned(ordered, speakers),
    )


def unanswered(side: str, analysis: Analysis) -> list[Accusation]:
    """The accusations against ``side`` that come after its last statement."""
    speakers = {sp.id: sp for sp in analysis.speakers}
    own = [st for st in analysis.statements if statement_side(st, speakers) == side]
    last = max((position(st) for st in own), default=-1)
    return [a for a in accusations(analysis) if a.side == side and a.start > last]


def involved_sides(
    analysis: Analysis,
    *,
    about: Mapping[str, set[int]] | None = None,
    charges: Iterable[Accusation] | None = None,
) -> list[str]:
    """The sides the story involves: those that speak, are accused, or recur.

    A silent side is involved when it is accused or when the story names it in at
    least :data:`MIN_SILENT_SENTENCES` sentences; a side named once in passing ("the
    Republican Jewish Coalition welcomed...") is not part of the story's balance.
    Once the user names the sides (:func:`given_sides`), a silent side that only the
    gazetteer inferred is left out: with ``--side Democrats=Clinton,Sanders``, a
    silent "Democratic Party" is that side again, and would count as a third side
    with zero voice.
    ``about`` and ``charges`` are :func:`sentences_about` and :func:`accusations`
    when the caller has them already.
    """
    speakers = {sp.id: sp for sp in analysis.speakers}
    speaking = {s for st in analysis.statements if (s := statement_side(st, speakers)) is not None}
    if about is None:
        about = sentences_about(analysis)
    if charges is None:
        charges = accusations(analysis, about)
    accused = {a.side for a in charges}
    named = {sp.side for sp in analysis.speakers if sp.side is not None}
    given = given_sides(analysis.speakers)
    return sorted(
        side
        for side in named | speaking
        if side in speaking
        or (
            not (given and side not in given)
            and (side in accused or len(about.get(side, ())) >= MIN_SILENT_SENTENCES)
        )
    )


def given_sides(all_speakers: Iterable[Speaker]) -> set[str]:
    """The sides the user named (``--side``, a sides file, front matter ``sides:``).

    A speaker placed by the gazetteer keeps the sides rule that placed it
    (``side_rule``); one placed by the user's sides has none.
    """
    return {sp.side for sp in all_speakers if sp.side is not None and sp.side_rule is None}


def no_score_reason(balance: Balance | None) -> str | None:
    """Why the story has no balance score, for an editor; None when it has one.

    A side the gazetteer inferred from mentions alone never speaks: shown as the
    story's only side, it hid the real reason, that no speaker had a side.
    """
    if balance is not None and balance.score is not None:
        return None
    sides = balance.sides if balance is not None else ()
    unassigned = balance.unassigned if balance is not None else ()
    speaking = [s.name for s in sides if s.statements]
    if not speaking and unassigned:
        return f"no speaker could be assigned to a side; {SIDES_HINT}"
    if not speaking:
        return "no statement is attributed to a speaker with a side"
    if unassigned:
        return f"only {speaking[0]} has speakers with a side; {SIDES_HINT}"
    return f"only one side speaks ({speaking[0]}) and no other is involved"


def _members(all_speakers: Iterable[Speaker], side: str) -> list[Speaker]:
    """The side's speakers in order of first appearance."""
    members = [sp for sp in all_speakers if sp.side == side]
    return sorted(members, key=lambda sp: (min((m.start for m in sp.mentions), default=0), sp.id))


def _loaded_about(analysis: Analysis, terms: Iterable[LoadedTerm], indices: set[int]) -> int:
    count = 0
    for t in terms:
        index = t.sentence if t.sentence is not None else analysis.segments.sentence_at(t.start)
        if index is not None and index in indices:
            count += 1
    return count


def _replied(own: Sequence[Statement], charges: Sequence[Accusation]) -> bool | None:
    if not charges:
        return None
    last_charge = max(a.start for a in charges)
    return any(position(st) > last_charge for st in own)


def _unassigned(ordered: Iterable[Statement], speakers: Mapping[str, Speaker]) -> tuple[str, ...]:
    """Speakers with no side, by first statement (``ordered``: statements by position)."""
    names: dict[str, None] = {}
    for st in ordered:
        if statement_side(st, speakers) is None and st.speaker in speakers:
            names.setdefault(speakers[st.speaker].name)
    return tuple(names)
