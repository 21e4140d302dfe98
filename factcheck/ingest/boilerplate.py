"""Boilerplate stage: mark link blocks, credits and bylines as excluded (rules of kind boilerplate).

STUB: returns the analysis unchanged until the ingest work lands.
"""

from __future__ import annotations

from factcheck.context import Context
from factcheck.model import Analysis


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    return analysis
