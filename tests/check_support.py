"""Helpers shared by the tests of ``factcheck check`` (tests/test_check_*.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DRAFTS = FIXTURES / "drafts"
CI_RULES = FIXTURES / "ci-rules"
SARIF_SCHEMA = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"

runner = CliRunner()


ISOLATE = ("--disable", "LL")


def invoke(*args: str | Path, rules: bool = True) -> Result:
    """Run ``factcheck`` in-process.

    ``rules`` adds the test lexicon (XT001 warning, XT002 error) and turns the bundled
    loaded-language lexicons (LL...) off, so that they cannot claim the same words:
    the tests then do not depend on what the bundled lexicons list.
    """
    argv = [str(a) for a in args]
    if rules and argv and argv[0] in ("check", "baseline"):
        argv += ["--rules", str(CI_RULES), *ISOLATE]
    return runner.invoke(app, argv)


def copy_drafts(dest: Path, *names: str) -> Path:
    """Copy fixture drafts into ``dest/drafts`` (all of them when no names are given)."""
    target = dest / "drafts"
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(DRAFTS.iterdir()):
        if not names or source.name in names:
            shutil.copy(source, target / source.name)
    return target


def json_findings(result: Result, prefix: str = "") -> list[dict[str, Any]]:
    """The findings of a ``--format json`` run whose rule id starts with ``prefix``."""
    data = json.loads(result.stdout)
    return [f for f in data["findings"] if f["rule"].startswith(prefix)]


def spots(findings: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    """(line, rule, severity) of each finding, in order."""
    return [(f["line"], f["rule"], f["severity"]) for f in findings]


@pytest.fixture(autouse=True)
def shared_contexts(monkeypatch, tmp_path_factory):
    """Reuse the loaded rule set and compiled matchers between runs with equal options.

    Loading and validating every rule file and compiling the lexicons is the same work
    for every in-process run with the same options; a ``Context`` holds only that
    (immutable rule set, memoised compiled artefacts). Errors are never cached.
    """
    from factcheck import ruleset
    from factcheck.ci import run

    real = run.build_context
    real_load = ruleset.load_ruleset

    def load(extra_dirs=(), *, include_default=True):  # type: ignore[no-untyped-def]
        key = repr((tuple(str(d) for d in extra_dirs), include_default))
        if key not in _RULESETS:
            _RULESETS[key] = real_load(extra_dirs, include_default=include_default)
        return _RULESETS[key]

    def cached(settings, options):  # type: ignore[no-untyped-def]
        key = repr(options)
        if key not in _CONTEXTS:
            _CONTEXTS[key] = real(settings, options)
        else:
            run.validate_selectors(settings, _CONTEXTS[key].ruleset)
        return _CONTEXTS[key]

    monkeypatch.setattr(run, "build_context", cached)
    monkeypatch.setattr(ruleset, "load_ruleset", load)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "rule-cache"))


_CONTEXTS: dict[str, Any] = {}
_RULESETS: dict[str, Any] = {}
