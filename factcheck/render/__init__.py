"""Renderers: pure functions of the analysis results (JSON, text, SARIF, HTML, PDF...)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model import Analysis

# How a figure with neither a named speaker nor a link is sourced, in a reader's words
# (``Claim.source``): the report and the text summary say it alike.
SOURCE_WORDS = {"cue": "attributed in the sentence"}


def analyze_output(results: Sequence[Analysis], output_format: str) -> str:
    """Output of ``factcheck analyze``: JSON Lines (one compact result per article) or text."""
    from factcheck.render.result_dict import to_json

    if output_format == "json":
        return "".join(to_json(a) + "\n" for a in results)
    from factcheck.render.summary import render_summary

    return "\n".join(render_summary(a) for a in results)
