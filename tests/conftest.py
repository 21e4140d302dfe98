"""Shared fixtures: one rule set and context per session, and real article texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import make_context
from factcheck.context import Context

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def ctx() -> Context:
    return make_context()


@pytest.fixture(scope="session")
def channel_text() -> str:
    return (EXAMPLES / "channel-migrants.txt").read_text(encoding="utf-8")
