"""Exit codes of ``factcheck check`` for each ``--fail-on`` level, and usage errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
from check_support import (
    CI_RULES,
    ISOLATE,
    invoke,
    shared_contexts,  # noqa: F401 (autouse fixture)
)

# XT002 is an error, XT001 a warning in the reporter's voice and info inside a quotation.
ERROR = "A group of thugs blocked the road outside the town hall.\n"
WARNING = "The council cynically moved the budget vote.\n"
INFO = 'Opposition leader Maria Okafor said the move was "brazenly undemocratic".\n'
CLEAN = "The council moved the budget vote.\n"


@pytest.mark.parametrize(
    ("text", "fail_on", "code"),
    [
        (ERROR, "error", 1),
        (ERROR, "warning", 1),
        (ERROR, "never", 0),
        (WARNING, "error", 0),
        (WARNING, "warning", 1),
        (WARNING, "info", 1),
        (INFO, "warning", 0),
        (INFO, "info", 1),
        (INFO, "never", 0),
        (CLEAN, "info", 0),
    ],
)
def test_exit_code_follows_fail_on(tmp_path, text, fail_on, code):
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    result = invoke("check", draft, "--fail-on", fail_on)
    assert result.exit_code == code, result.stdout + result.stderr


def test_default_fail_level_is_error(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(WARNING, encoding="utf-8")
    assert invoke("check", draft).exit_code == 0
    draft.write_text(ERROR, encoding="utf-8")
    assert invoke("check", draft).exit_code == 1


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--fail-on", "sometimes"], "--fail-on"),
        (["--format", "yaml"], "--format"),
        (["--severity", "XT001"], "--severity"),
        (["--severity", "XT001=fatal"], "XT001"),
        (["--disable", "XT999"], "XT999"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, args, needle):
    draft = tmp_path / "draft.md"
    draft.write_text(WARNING, encoding="utf-8")
    result = invoke("check", draft, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and needle in result.stderr


def test_missing_input_exits_2(tmp_path):
    result = invoke("check", tmp_path / "nope.md")
    assert result.exit_code == 2
    assert "nope.md" in result.stderr and result.stderr.count("\n") == 1


HEAVY = ("weasyprint", "jinja2", "trafilatura", "docx", "pypdf")
PROBE = """
import sys
from factcheck.cli import app
sys.argv = ["factcheck", *sys.argv[1:]]
try:
    app()
except SystemExit as exit:
    heavy = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
    print("heavy:", ",".join(heavy), file=sys.stderr)
    raise
"""


def test_whole_process_exit_code_and_lean_imports(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(ERROR, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            f"HEAVY = {HEAVY!r}\n{PROBE}",
            "check",
            str(draft),
            "--rules",
            str(CI_RULES),
            *ISOLATE,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert "XT002" in proc.stdout
    # The PDF stack and the HTML/.docx extractors are not loaded to check a Markdown draft.
    assert proc.stderr.strip().splitlines()[-1] == "heavy:"


def test_help_documents_exit_codes():
    helptext = invoke("check", "--help").stdout
    assert "Exit codes" in helptext and "130" in helptext and "--fail-on" in helptext


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unreadable_files_do_not_stop_the_check(tmp_path, jobs):
    """Each bad file is one error line; the rest is checked and reported; exit 2."""
    (tmp_path / "a-error.md").write_text(ERROR, encoding="utf-8")
    (tmp_path / "b-empty.md").write_text("", encoding="utf-8")
    (tmp_path / "c-binary.txt").write_bytes(b"x\0\0y")
    (tmp_path / "d-warning.md").write_text(WARNING, encoding="utf-8")
    result = invoke("check", tmp_path, "--jobs", jobs)
    assert result.exit_code == 2
    assert "a-error.md:1:" in result.stdout and "d-warning.md:1:" in result.stdout
    assert result.stdout.splitlines()[-1].endswith("in 2 files; 2 files could not be read")
    assert result.stderr.splitlines() == [
        f"factcheck: error: {tmp_path / 'b-empty.md'}: file is empty (there is no text to analyse)",
        f"factcheck: error: {tmp_path / 'c-binary.txt'}: looks like a binary file, not text "
        "(factcheck reads .txt, .md, .html and .docx articles)",
    ]


def test_baseline_is_not_written_when_a_file_cannot_be_read(tmp_path):
    (tmp_path / "a.md").write_text(WARNING, encoding="utf-8")
    (tmp_path / "b.md").write_text("", encoding="utf-8")
    target = tmp_path / "baseline.json"
    result = invoke("baseline", tmp_path, "-o", target)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "factcheck: error: no baseline written: 1 file could not be read"
    )
    assert not target.exists()
