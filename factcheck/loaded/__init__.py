"""STUB stage: loaded language. Returns the analysis unchanged until its work lands."""

from __future__ import annotations

from factcheck.context import Context
from factcheck.model import Analysis


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    return analysis
