"""Rule files are validated on load; errors name the file, the line, the key and the fix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factcheck.errors import RuleFileError
from factcheck.ruleset import load_rule_file, load_ruleset, strip_markers

GOOD = textwrap.dedent(
    """\
    id: XX001
    name: sample-rule
    kind: lexicon
    severity: warning
    summary: A sample.
    description: Why it matters.
    source: "A style guide"
    category: sample
    entries:
      - term: slam
        inflect: verb
        suggestion: criticise
    examples:
      flag: ["They [[slammed]] it."]
      pass: ["They criticised it."]
    """
)


def write(tmp_path: Path, text: str, name: str = "XX001-sample-rule.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_rule_loads(tmp_path):
    rule = load_rule_file(write(tmp_path, GOOD))
    assert rule.id == "XX001"
    assert rule.body["entries"][0]["term"] == "slam"


def test_unknown_key_names_line_key_and_fix(tmp_path):
    bad = GOOD.replace("category: sample", "categroy: sample")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, bad))
    message = str(err.value)
    assert "XX001-sample-rule.yml:8" in message
    assert "categroy" in message
    assert "did you mean 'category'" in message


def test_unknown_key_inside_an_entry(tmp_path):
    bad = GOOD.replace("suggestion: criticise", "suggestion: criticise\n    sugestion: x")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, bad))
    assert ":13:" in str(err.value) and "sugestion" in str(err.value)


def test_bad_enum_value(tmp_path):
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, GOOD.replace("severity: warning", "severity: loud")))
    assert ":4:" in str(err.value) and "error, warning, info" in str(err.value)


def test_missing_pass_examples(tmp_path):
    bad = GOOD.replace('  pass: ["They criticised it."]\n', "")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, bad))
    assert "pass" in str(err.value)


def test_flag_example_without_marker(tmp_path):
    bad = GOOD.replace("[[slammed]]", "slammed")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, bad))
    assert "examples.flag.0" in str(err.value)


def test_yaml_syntax_error_has_line(tmp_path):
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, GOOD.replace("kind: lexicon", "kind: [lexicon")))
    assert "not valid YAML" in str(err.value)


def test_file_name_must_match_id(tmp_path):
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, GOOD, name="XX002-sample-rule.yml"))
    assert "rename" in str(err.value)


def test_duplicate_ids_in_one_directory(tmp_path):
    write(tmp_path, GOOD)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", GOOD)
    with pytest.raises(RuleFileError, match="duplicate rule id XX001"):
        load_ruleset([tmp_path])


def test_extra_directory_adds_rules(tmp_path):
    write(tmp_path, GOOD)
    ruleset = load_ruleset([tmp_path])
    assert ruleset.get("XX001") is not None
    assert len(ruleset) > 1


def test_configured_disables_and_overrides(tmp_path):
    write(tmp_path, GOOD)
    ruleset = load_ruleset([tmp_path]).configured(disable=["XX001"], severities={"LL": "error"})
    assert not ruleset.get("XX001").enabled
    assert all(r.severity == "error" for r in ruleset if r.id.startswith("LL"))
    with pytest.raises(RuleFileError, match="no rule has the id 'ZZ999'"):
        ruleset.configured(disable=["ZZ999"])


def test_strip_markers():
    text, spans = strip_markers("a [[bc]] d [[e]]")
    assert text == "a bc d e"
    assert [text[s:e] for s, e in spans] == ["bc", "e"]


def test_cache_revalidates_a_changed_file(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    rules = tmp_path / "rules"
    rules.mkdir()
    path = write(rules, GOOD)
    assert load_ruleset([rules]).get("XX001").severity == "warning"
    assert list((tmp_path / "cache").glob("rules-*.json"))
    path.write_text(GOOD.replace("severity: warning", "severity: error"), encoding="utf-8")
    assert load_ruleset([rules]).get("XX001").severity == "error"
    path.write_text(GOOD.replace("category: sample", "categroy: sample"), encoding="utf-8")
    with pytest.raises(RuleFileError, match="categroy"):
        load_ruleset([rules])


def test_cache_does_not_skip_the_file_name_check(tmp_path, monkeypatch):
    """A cached file's renamed copy (same bytes, name not starting with its id) is refused."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write(first, GOOD)
    assert load_ruleset([first]).get("XX001") is not None  # now cached
    write(second, GOOD, name="XX002-copy.yml")
    with pytest.raises(RuleFileError, match="file name must start with the rule id 'XX001'"):
        load_ruleset([second])


def test_yaml_words_like_no_and_on_stay_words(tmp_path):
    text = GOOD.replace("suggestion: criticise", "suggestion: criticise\n    unless_near: [no, on]")
    rule = load_rule_file(write(tmp_path, text))
    assert rule.body["entries"][0]["unless_near"] == ["no", "on"]


def test_rule_shipped_switched_off_still_proves_its_examples(tmp_path):
    from factcheck.api import analyze_text, make_context
    from factcheck.context import Options
    from factcheck.ruletest import run_all_examples

    text = GOOD.replace("term: slam", "term: zorbulate").replace("[[slammed]]", "[[zorbulated]]")
    write(tmp_path, text.replace("severity: warning", "severity: warning\nenabled: false"))
    report = run_all_examples(tmp_path)
    assert not report.failed, report.lines
    ctx = make_context(Options(rules_dirs=(tmp_path,)))
    assert not analyze_text("They zorbulated it.", ctx=ctx).loaded
