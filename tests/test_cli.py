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
