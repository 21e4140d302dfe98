"""Worker processes for many articles: same results, same order, same errors as one process."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import parallel
from factcheck.api import analyze_each, analyze_path
from factcheck.cli import app
from factcheck.context import Context
from factcheck.errors import ExitCode, InputError, RuleFileError
from factcheck.model import Analysis

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "examples" / "channel-migrants.txt",
    ROOT / "tests" / "fixtures" / "drafts" / "council-vote.md",
    ROOT / "tests" / "fixtures" / "drafts" / "clean.md",
    ROOT / "tests" / "fixtures" / "report-long-quotes.txt",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """24 real articles (the fixtures, repeated under different names)."""
    out = tmp_path_factory.mktemp("many")
    for i in range(24):
        src = SOURCES[i % len(SOURCES)]
        shutil.copy(src, out / f"{i:02d}-{src.name}")
    return out


def words_and_path(analysis: Analysis, ctx: Context) -> tuple[str, int, int]:
    return analysis.document.path, analysis.words(), len(analysis.findings)


def test_worker_count() -> None:
    assert parallel.worker_count(5) == 1  # few files: one process
    assert parallel.worker_count(1000, jobs=1) == 1
    assert parallel.worker_count(3, jobs=8) == 3  # never more workers than files
    assert parallel.worker_count(1000) == parallel.available_cpus()


def test_workers_give_the_same_results_in_input_order(folder: Path, ctx: Context) -> None:
    files = sorted(str(p) for p in folder.iterdir())
    serial = list(analyze_each([str(folder)], words_and_path, jobs=1, ctx=ctx))
    pooled = list(analyze_each([str(folder)], words_and_path, jobs=2, ctx=ctx))
    assert [p for p, _, _ in serial] == files
    assert pooled == serial
    assert serial[0] == words_and_path(analyze_path(files[0], ctx=ctx), ctx)
    assert serial[0][1] > 300  # the design example really was analysed


def test_json_lines_match_one_process(folder: Path, ctx: Context) -> None:
    task = parallel.json_line
    serial = list(analyze_each([str(folder)], task, jobs=1, ctx=ctx))
    pooled = list(analyze_each([str(folder)], task, jobs=2, ctx=ctx))
    assert pooled == serial
    first = json.loads(pooled[0])
    assert first["document"]["path"].endswith("00-channel-migrants.txt")
    assert any(s["name"].endswith("Darmanin") for s in first["speakers"])


def test_partial_tasks_pickle(folder: Path, ctx: Context) -> None:
    task = functools.partial(_scaled_words, factor=2)
    pooled = list(analyze_each([str(folder)], task, jobs=2, ctx=ctx))
    serial = list(analyze_each([str(folder)], task, jobs=1, ctx=ctx))
    assert pooled == serial and all(n % 2 == 0 for n in pooled)


def _scaled_words(analysis: Analysis, ctx: Context, factor: int) -> int:
    return analysis.words() * factor


def test_first_bad_input_is_raised_like_one_process(folder: Path, ctx: Context, tmp_path: Path):
    many = tmp_path / "many"
    shutil.copytree(folder, many)
    (many / "10-empty.md").write_text("", encoding="utf-8")
    (many / "20-binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    with pytest.raises(InputError) as serial:
        list(analyze_each([str(many)], words_and_path, jobs=1, ctx=ctx))
    with pytest.raises(InputError) as pooled:
        list(analyze_each([str(many)], words_and_path, jobs=2, ctx=ctx))
    assert str(pooled.value) == str(serial.value)
    assert "10-empty.md" in str(pooled.value)
    assert pooled.value.exit_code == ExitCode.USAGE


def test_failure_record_keeps_class_message_and_code() -> None:
    exc = RuleFileError("rules/x.yml", "bad key", line=3, hint="fix it")
    back = parallel._Failed.of(exc).error()
    assert type(back) is RuleFileError
    assert str(back) == str(exc) == "rules/x.yml:3: bad key (fix it)"
    assert back.exit_code == ExitCode.USAGE


def test_cli_analyze_jobs(folder: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(app, ["analyze", str(folder), "--jobs", "1"])
    two = runner.invoke(app, ["analyze", str(folder), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert len(two.stdout.splitlines()) == 24
    text = runner.invoke(app, ["analyze", str(folder), "--jobs", "2", "--format", "text"])
    serial_text = runner.invoke(app, ["analyze", str(folder), "--format", "text"])
    assert text.exit_code == 0 and text.stdout == serial_text.stdout
    assert text.stdout.count(" numeric claim") == 24


def test_cli_bad_input_writes_nothing(folder: Path, tmp_path: Path) -> None:
    many = tmp_path / "many"
    shutil.copytree(folder, many)
    (many / "15-empty.md").write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(many), "--jobs", "2", "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert "15-empty.md" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
