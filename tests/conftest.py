"""Shared fixtures: one rule set and context per session, and real article texts."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from factcheck.api import make_context
from factcheck.context import Context

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the validated-rule cache of a test run out of the user's cache directory."""
    os.environ.setdefault("FACTCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="factcheck-cache-"))


@pytest.fixture(scope="session")
def ctx() -> Context:
    return make_context()


@pytest.fixture(scope="session")
def channel_text() -> str:
    return (EXAMPLES / "channel-migrants.txt").read_text(encoding="utf-8")
