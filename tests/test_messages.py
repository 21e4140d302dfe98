"""Counts in messages agree in number, and a path is named once per error line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.api import analyze_text, make_context
from factcheck.ci.results import CheckResult, FileReport, Located, summary_line
from factcheck.cli import app
from factcheck.context import Options, Thresholds
from factcheck.render.summary import render_summary
from factcheck.textutil.plural import counted


@pytest.mark.parametrize(
    ("n", "args", "expected"),
    [
        (0, ("word",), "0 words"),
        (1, ("word",), "1 word"),
        (2, ("loaded term",), "2 loaded terms"),
        (1, ("stale baseline entry", "stale baseline entries"), "1 stale baseline entry"),
        (3, ("stale baseline entry", "stale baseline entries"), "3 stale baseline entries"),
    ],
)
def test_counted(n, args, expected):
    assert counted(n, *args) == expected


def test_text_summary_of_one_of_each(ctx):
    text = "The minister said 27 people died, a brazen lie."
    first = render_summary(analyze_text(text, ctx=ctx)).splitlines()[0]
    assert first.endswith(": 9 words, 1 numeric claim, 1 loaded term, 1 statement")


def _finding(severity: str) -> Located:
    return Located("a.md", "LL001", "x", severity, "m", 1, 1, 1, 2, "fp")  # type: ignore[arg-type]


def test_check_summary_line_agrees_in_number():
    report = FileReport("a.md", "markdown", findings=(_finding("error"), _finding("info")))
    result = CheckResult((report,), (), "error", "0", Path("."))
    assert summary_line(result) == "2 findings (1 error, 1 info) in 1 file"


def test_threshold_messages_agree_in_number():
    options = Options(thresholds=Thresholds(max_reporter_loaded=0))
    ctx = make_context(options)
    text = "Ministers slammed the plan. The minister said it would be fine."
    (finding,) = [f for f in analyze_text(text, ctx=ctx).findings if f.rule == "BAL005"]
    assert finding.message.startswith("1 loaded term in the reporter's own voice (limit 0)")


def test_report_failure_names_the_path_once(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(empty), "-o", str(tmp_path), "-f", "html"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "factcheck: 1 of 1 report failed:",
        f"  {empty}: file is empty (there is no text to analyse)",
    ]
