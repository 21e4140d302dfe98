"""Voice completion: loaded terms and figures inside a statement are the speaker's.

A loaded term inside a statement's content is the speaker's word: ``quoted`` in a
direct statement or in quotation marks inside reported speech, ``paraphrased`` in the
rest of reported speech, with the speaker's id. A
numeric claim inside a statement is sourced to that speaker (status ``sourced``,
source ``speaker``). Records are frozen, so each changed one is replaced.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factcheck.model import Statement


def voiced_records(
    statements: Sequence[Statement], loaded: tuple[Any, ...], claims: tuple[Any, ...]
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The loaded terms and claims with the voice of the statements they sit in.

    Returned rather than set, so that the stage sets speakers, statements and these
    in one ``evolve`` of the analysis.
    """
    spoken = [s for s in statements if s.speaker is not None]
    if not spoken:
        return loaded, claims
    index = _Index(spoken)

    def voiced(record: Any, **extra: Any) -> Any:
        st = index.holding(record.start, record.end)
        if st is None:
            return record
        # In quotation marks inside reported speech ('said the move was "brazenly
        # undemocratic"') the words are still quoted: the loaded and claims stages
        # marked them so.
        voice = "quoted" if st.direct or record.voice == "quoted" else "paraphrased"
        return replace(record, voice=voice, speaker=st.speaker, **extra)

    return (
        tuple(voiced(t) for t in loaded),
        tuple(voiced(c, status="sourced", source="speaker") for c in claims),
    )


class _Index:
    """Statements' content pieces by position."""

    def __init__(self, statements: list[Statement]) -> None:
        pieces = []
        for st in statements:
            spans = [(p.start, p.end) for p in st.parts] or [(st.start, st.end)]
            pieces.extend((s, e, st) for s, e in spans)
        pieces.sort(key=lambda p: p[0])
        self._pieces = pieces
        self._starts = [p[0] for p in pieces]

    def holding(self, start: int, end: int) -> Statement | None:
        i = bisect.bisect_right(self._starts, start) - 1
        while i >= 0:
            s, e, st = self._pieces[i]
            if s <= start and end <= e:
                return st
            if start - s > 5000:
                break
            i -= 1
        return None
