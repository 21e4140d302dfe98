"""The command line: help for every command, documented exit codes, one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factcheck import __version__
from factcheck.cli import app
from factcheck.errors import ExitCode

runner = CliRunner()


def command_paths() -> list[list[str]]:
    """Every command and sub-command registered on the app."""
    import typer.main

    group = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(cmd, prefix):  # type: ignore[no-untyped-def]
        for name, sub in getattr(cmd, "commands", {}).items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(group, [])
    return paths


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_has_help(path):
    for flag in ("--help", "-h"):
        result = runner.invoke(app, [*path, flag])
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output


def test_root_help_documents_exit_codes():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.output and "130" in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_missing_file_is_one_line_exit_2(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "analyze", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == ExitCode.USAGE
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_rules_list_and_explain():
    listing = runner.invoke(app, ["rules", "list"])
    assert listing.exit_code == 0
    first_id = listing.stdout.split()[0]
    explained = runner.invoke(app, ["rules", "explain", first_id])
    assert explained.exit_code == 0
    assert "Source:" in explained.stdout and "Flags:" in explained.stdout


def test_rules_explain_unknown_id_suggests():
    result = runner.invoke(app, ["rules", "explain", "LL9999"])
    assert result.exit_code == ExitCode.USAGE


def test_bad_rule_directory_is_exit_2(tmp_path):
    (tmp_path / "XX001-bad.yml").write_text("id: XX001\nname: bad\nkind: lexicon\n")
    result = runner.invoke(app, ["analyze", "--rules", str(tmp_path), "-"], input="Text.")
    assert result.exit_code == ExitCode.USAGE
    assert "XX001-bad.yml" in result.output


def one_error_line(result) -> str:  # type: ignore[no-untyped-def]
    """The single stderr line of a refused command (exit 2, nothing on stdout)."""
    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("factcheck: error: ") and "internal error" not in line
    return line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "{article}", "-o", "{tmp}/existing.pdf"], "is a file, not a folder"),
        (["report", "{article}", "-o", "{tmp}/new.pdf"], "report -o names a folder"),
        (["report", "{article}", "-o", "{tmp}/new.html", "-f", "html"], "names a folder"),
        (["check", "{article}", "-o", "{tmp}/existing.pdf/x.txt"], "is a file, not a folder"),
        (["analyze", "{article}", "-o", "{tmp}/existing.pdf/x.txt"], "is a file, not a folder"),
        (["baseline", "{article}", "-o", "{tmp}/existing.pdf/b.json"], "is a file, not a"),
        (["check", "{article}", "-o", "{tmp}"], "is a folder"),
    ],
)
def test_bad_output_target_is_one_line_and_writes_nothing(tmp_path, args, message):
    article = tmp_path / "article.txt"
    article.write_text("The minister said 27 people died.\n", encoding="utf-8")
    (tmp_path / "existing.pdf").write_bytes(b"%PDF-1.7 old")
    before = sorted(p.name for p in tmp_path.iterdir())
    filled = [a.format(article=article, tmp=tmp_path) for a in args]
    assert message in one_error_line(runner.invoke(app, filled))
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "existing.pdf").read_bytes() == b"%PDF-1.7 old"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m factcheck ARGS`` as a user runs it (Click's own error handling included)."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "args",
    [["analyze", "--bogus", "x.txt"], ["check", "--sidee", "a=b", "x.txt"], ["analyze"]],
    ids=["unknown option", "misspelt option", "missing argument"],
)
def test_click_usage_errors_are_one_line_exit_2(args):
    proc = run_cli(*args)
    assert proc.returncode == ExitCode.USAGE
    assert proc.stdout == ""
    (line,) = proc.stderr.splitlines()
    assert line.startswith("factcheck: error: ") and line.endswith(f"{args[0]} --help')")


def test_an_unknown_option_is_matched_to_similar_names_only():
    def suggestion(option: str) -> str:
        proc = run_cli("check", option, "x.txt")
        return proc.stderr.partition("Possible options: ")[2].partition(")")[0]

    assert suggestion("--bogus") == ""  # shares only its dashes with --jobs
    assert suggestion("--jbos") == "--jobs"
    assert suggestion("--formt") == "--format"  # not --input-format as well


@pytest.mark.parametrize("command", ["analyze", "check", "report"])
def test_an_unknown_input_format_is_a_usage_error(command, tmp_path):
    result = runner.invoke(app, [command, "-", "--input-format", "pdf", "-o", str(tmp_path / "o")])
    assert result.exit_code == ExitCode.USAGE
    assert "--input-format 'pdf': expected text, markdown, html or docx" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["Gov=", "Gov= , ", "=minister", "minister"])
def test_a_side_needs_a_name_and_an_alias(value, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The minister said 27 people died.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--side", value])
    assert result.exit_code == ExitCode.USAGE
    assert f"--side {value!r}" in result.stderr


def test_no_arguments_still_shows_the_help():
    proc = run_cli()
    assert proc.returncode == ExitCode.USAGE
    assert "Commands:" in proc.stderr and "analyze" in proc.stderr


def test_jobs_0_means_one_per_cpu_in_analyze_too(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The minister said 27 people died.\n", encoding="utf-8")
    zero = runner.invoke(app, ["analyze", "-j", "0", str(article)])
    one = runner.invoke(app, ["analyze", "-j", "1", str(article)])
    assert zero.exit_code == 0, zero.output
    assert zero.stdout == one.stdout


def test_check_takes_side_options(tmp_path):
    import json

    draft = tmp_path / "d.txt"
    draft.write_text(
        "The minister said the plan would work. Critics said the plan would fail, and the "
        "opposition leader said it was a disgrace.\n",
        encoding="utf-8",
    )
    base = ["check", str(draft), "-f", "json", "--fail-on", "never"]
    plain = json.loads(runner.invoke(app, base).stdout)
    sided = runner.invoke(app, [*base, "--side", "Gov=minister", "--side", "Opp=Critics"])
    assert sided.exit_code == 0, sided.output
    assert plain["files"][0]["sides"] == 0
    assert json.loads(sided.stdout)["files"][0]["sides"] == 2


def test_help_texts_read_right():
    report = runner.invoke(app, ["report", "--help"]).output
    assert "\n    factcheck report article.md\n" in report
    assert "{paths}" not in report and "PATH..." in report
    baseline = runner.invoke(app, ["baseline", "--help"]).output
    assert "--fail-on" not in baseline and "the baseline was written" in baseline
    assert "0: one per CPU" in runner.invoke(app, ["analyze", "--help"]).output


def test_rules_explain_an_unknown_house_id_hints_at_rules():
    line = one_error_line(runner.invoke(app, ["rules", "explain", "HSE001"]))
    assert "did you mean" not in line and "--rules DIR" in line
    near = one_error_line(runner.invoke(app, ["rules", "explain", "NUN101"]))
    assert near.endswith("did you mean NUM101?")
