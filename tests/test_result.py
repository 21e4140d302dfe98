"""The JSON result: schema-valid, offsets exact, positions in the user's file, input order."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck import resources
from factcheck.api import analyze_text
from factcheck.cli import app
from factcheck.model import LineIndex
from factcheck.render.result_dict import to_dict

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

runner = CliRunner()


@cache
def result_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.schema_path("result.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_design_example_result_is_schema_valid(channel_text, ctx):
    result = to_dict(analyze_text(channel_text, path="channel.txt", ctx=ctx))
    errors = list(result_validator().iter_errors(result))
    assert not errors, errors[0].message


def test_every_span_is_exact_and_positioned(channel_text, ctx):
    result = to_dict(analyze_text(channel_text, path="channel.txt", ctx=ctx))
    index = LineIndex(channel_text)
    for layer in ("claims", "loaded", "findings", "statements"):
        for item in result[layer]:
            if "text" in item and layer != "statements":
                assert channel_text[item["start"] : item["end"]] == item["text"]
            assert (item["line"], item["column"]) == index.line_col(item["start"])


def test_analyze_json_lines_in_input_order(tmp_path):
    first = tmp_path / "b.txt"
    second = tmp_path / "a.md"
    first.write_text("Prices rose by 40% last year, the bank said.\n", encoding="utf-8")
    second.write_text("# Title\n\nMore than 1,000 people marched.\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(first), str(second)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    paths = [json.loads(line)["document"]["path"] for line in lines]
    assert paths == [str(first), str(second)]
    for line in lines:
        assert not list(result_validator().iter_errors(json.loads(line)))


def test_analyze_writes_output_file_atomically(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The council voted on Tuesday.\n", encoding="utf-8")
    out = tmp_path / "out" / "result.jsonl"
    result = runner.invoke(app, ["analyze", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["document"]["path"] == str(article)
    assert [p.name for p in out.parent.iterdir()] == ["result.jsonl"]


@pytest.mark.parametrize("fmt", ["text"])
def test_analyze_text_format_is_readable(fmt):
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "channel-migrants.txt"), "-f", fmt])
    assert result.exit_code == 0, result.output
    assert "channel-migrants.txt:" in result.stdout
    assert "words" in result.stdout
    # Every claim shows its normalised value as a reader writes it; a date with no year
    # says so instead of printing ISO's "--12-01".
    assert "'December 1' date 1 December (no year);" in result.stdout
    assert "'More than 1,000' count 1,000 (more than, migrants); unsourced" in result.stdout
    assert "None" not in result.stdout


def test_text_summary_writes_bounds_and_ranges():
    from factcheck.render.summary import render_summary

    text = "Up to 300 people marched. Between 20 and 30 people were hurt, the police said."
    lines = render_summary(analyze_text(text)).splitlines()
    assert any("'Up to 300' count 300 (up to, people)" in line for line in lines), lines
    assert any("'Between 20 and 30' range 20–30 (people)" in line for line in lines), lines
    text = "About 40 people were hurt, according to figures released on Monday."
    summary = render_summary(analyze_text(text))
    assert "'About 40' count 40 (about, people); sourced (attributed in the sentence)" in summary


def test_written_files_get_ordinary_permissions(tmp_path):
    import os

    from factcheck.render.files import write_atomic

    target = tmp_path / "report.json"
    write_atomic(target, b"{}")
    mask = os.umask(0)
    os.umask(mask)
    assert os.stat(target).st_mode & 0o777 == 0o666 & ~mask
