"""The documentation says what the code does: generated parts are fresh, every field,
kind, key and command is documented, and the rule-writing recipes really work."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest
import typer.main
import yaml
from typer.testing import CliRunner

from factcheck import resources
from factcheck.api import analyze_text, make_context
from factcheck.cli import app
from factcheck.context import Options
from factcheck.render.rule_docs import COMMAND, render_rule_docs
from factcheck.ruleset import load_rule_file, load_ruleset, rule_schema
from factcheck.ruletest import check_example, iter_examples

ROOT = Path(__file__).resolve().parent.parent
RULES_DOC = ROOT / "docs" / "rules.md"
OUTPUT_DOC = ROOT / "docs" / "output-schema.md"
RULES_README = ROOT / "rules" / "README.md"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset()


@pytest.fixture(scope="module")
def generated(ruleset) -> str:
    return render_rule_docs(ruleset, bundled=resources.rules_dir())


# docs/rules.md ------------------------------------------------------------------------


def test_rule_reference_is_fresh(generated):
    current = read(RULES_DOC) if RULES_DOC.exists() else ""
    if current != generated:
        diff = list(
            difflib.unified_diff(
                current.splitlines(), generated.splitlines(), "docs/rules.md", "regenerated", n=0
            )
        )
        pytest.fail(
            f"docs/rules.md is out of date with the rule files: run `{COMMAND}`\n"
            + "\n".join(diff[:30]),
            pytrace=False,
        )


def test_rule_reference_has_every_rule_under_its_area(generated, ruleset):
    contents = generated.split("\n## ", 2)[1]
    for rule in ruleset:
        heading = f"\n### {rule.id} {rule.name}\n"
        assert heading in generated, rule.id
        assert f"(#{rule.id.lower()}-{rule.name})" in contents, rule.id
        area = generated.index(f"\n## {rule.path.parent.name}\n")
        assert area < generated.index(heading), rule.id


def test_rule_reference_lists_lexicon_entries_and_check_params(generated, ruleset):
    ll003 = generated.split("### LL003 ")[1].split("\n### ")[0]
    assert "| `held hostage`" in ll003
    assert "blocked by / made conditional on" in ll003
    assert "- France will not be <b>held hostage</b> to London's domestic politics." in ll003
    num101 = generated.split("### NUM101 ")[1].split("\n### ")[0]
    assert "Built-in check `unsourced-statistic`" in num101
    assert "| `min_count` | 10 |" in num101
    assert "**Passes**:" in num101


def test_rule_reference_tables_keep_their_columns(generated):
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(generated)
    widths: list[int] = []
    cells = 0
    for token in tokens:
        if token.type == "table_open":
            widths = []
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            widths.append(cells)
            cells = 0
        elif token.type == "table_close":
            assert len(set(widths)) == 1, widths
    assert generated.count("<b>") == generated.count("</b>")


def test_markup_in_rule_text_is_escaped(tmp_path):
    path = tmp_path / "HSE001-benefit-labels.yml"
    path.write_text(
        """id: HSE001
name: benefit-labels
kind: lexicon
severity: warning
summary: Labels like *scrounger* | shirker.
description: Why.
source: House style
category: benefit-labels
entries:
  - term: "{benefit|welfare} scrounger"
    inflect: noun
    suggestion: "claimant <not> scrounger"
examples:
  flag:
    - "# Crack down on [[benefit scroungers]] now_please"
  pass:
    - "1. A list item about claimants."
""",
        encoding="utf-8",
    )
    out = render_rule_docs([load_rule_file(path)])
    assert "Labels like \\*scrounger\\* \\| shirker." in out
    assert "| `{benefit\\|welfare} scrounger` (noun) |" in out
    assert "claimant \\<not\\> scrounger" in out
    assert "- \\# Crack down on <b>benefit scroungers</b> now\\_please" in out
    assert "- 1\\. A list item about claimants." in out
    assert render_rule_docs([load_rule_file(path)]) == out  # deterministic


def test_rules_docs_command_writes_the_reference(tmp_path, generated):
    out = tmp_path / "rules.md"
    result = CliRunner().invoke(app, ["rules", "docs", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read(out) == generated


# docs/output-schema.md ----------------------------------------------------------------


def schema_field_names(node: object) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        names |= set(node.get("properties", {}))
        for value in node.values():
            names |= schema_field_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= schema_field_names(value)
    return names


def test_every_result_field_is_documented():
    schema = json.loads(resources.schema_path("result.schema.json").read_text(encoding="utf-8"))
    doc = read(OUTPUT_DOC)
    names = schema_field_names(schema)
    assert {"claims", "loaded", "offsets_refer_to", "end_column", "replied"} <= names
    missing = sorted(n for n in names if f"`{n}`" not in doc)
    assert not missing, f"docs/output-schema.md does not mention {missing}"


def test_output_doc_example_is_real_output_shape():
    doc = read(OUTPUT_DOC)
    block = doc.split("```json\n", 1)[1].split("\n```", 1)[0]
    example = json.loads(block)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.schema_path("result.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(example)


# rules/README.md ----------------------------------------------------------------------


def kind_sections(text: str) -> dict[str, str]:
    """Each '### <kind>: ...' section of the rules guide, by kind."""
    out = {}
    for m in re.finditer(r"^### (\w+): .*?$(.*?)(?=^##)", text, re.M | re.S):
        out[m.group(1)] = m.group(2)
    return out


def test_every_rule_kind_and_key_is_documented():
    schema = rule_schema()
    kinds = schema["properties"]["kind"]["enum"]
    text = read(RULES_README)
    sections = kind_sections(text)
    assert sorted(sections) == sorted(kinds)
    for kind in kinds:
        missing = sorted(
            k for k in schema_field_names(schema["$defs"][kind]) if f"`{k}`" not in sections[kind]
        )
        assert not missing, f"rules/README.md, section {kind}: keys {missing} not described"
    header = schema_field_names({"properties": schema["properties"]}) | set(
        schema["properties"]["examples"]["properties"]
    )
    missing = sorted(k for k in header if f"`{k}`" not in text)
    assert not missing, f"rules/README.md does not describe header keys {missing}"


def recipe_rules(text: str) -> list[dict]:
    """The house rule files the recipes show, as data."""
    blocks = re.findall(r"```yaml\n(id: HSE.*?)```", text, re.S)
    return [yaml.safe_load(b) for b in blocks]


def test_rule_recipes_work_as_written(tmp_path):
    rules = recipe_rules(read(RULES_README))
    assert {r["kind"] for r in rules} == {"lexicon", "cues", "sides"}
    folder = tmp_path / "house-rules"
    for data in rules:
        area = folder / data["kind"]
        area.mkdir(parents=True, exist_ok=True)
        (area / f"{data['id']}-{data['name']}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
    ctx = make_context(Options(rules_dirs=(folder,)))
    house = [r for r in ctx.ruleset if r.id.startswith("HSE")]
    outcomes = [check_example(r, *example, ctx) for r in house for example in iter_examples(r)]
    assert len(outcomes) == 6
    assert all(o.ok for o in outcomes), [o.describe() for o in outcomes if not o.ok]

    text = (
        "The council has cracked down on benefit scroungers.\n\n"
        "The mayor opined that the bridge would never be finished.\n\n"
        "The RMT said the strike would go ahead on Monday. "
        "Network Rail said it was disappointed.\n"
    )
    analysis = analyze_text(text, input_format="markdown", ctx=ctx)
    assert [(t.text, t.rule, t.voice) for t in analysis.loaded] == [
        ("benefit scroungers", "HSE001", "reporter")
    ]
    assert any(s.cue == "opined" and s.rule == "HSE002" for s in analysis.statements)
    assert analysis.balance is not None
    assert {s.name for s in analysis.balance.sides} == {"RMT", "Network Rail"}


def retired_ids(text: str) -> list[str]:
    table = text.split("### Retired ids", 1)[1]
    return re.findall(r"^\| ([A-Z]{2,5}[0-9]{3}) \|", table, re.M)


def test_retired_ids_are_never_reused(ruleset):
    text = read(RULES_README)
    assert "### Retired ids" in text
    reused = sorted(set(retired_ids(text)) & {r.id for r in ruleset})
    assert not reused, f"retired rule ids reused: {reused} (ids are permanent; pick a new one)"


# commands -----------------------------------------------------------------------------


def command_paths() -> list[str]:
    found: list[str] = []

    def walk(cmd: object, prefix: list[str]) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            found.append(" ".join([*prefix, name]))
            walk(sub, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return found


def test_every_command_is_documented():
    docs = [ROOT / "README.md", RULES_README, *sorted((ROOT / "docs").glob("*.md"))]
    text = "\n".join(read(p) for p in docs if p.exists())
    paths = command_paths()
    assert "rules docs" in paths and "analyze" in paths
    missing = [
        p for p in paths if not re.search(r"factcheck\s+" + r"\s+".join(p.split()) + r"\b", text)
    ]
    assert not missing, f"commands not mentioned in README.md, rules/README.md or docs/: {missing}"
