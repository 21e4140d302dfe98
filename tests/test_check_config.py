"""Configuration: discovery by walking up, pyproject.toml, --config, validation, init."""

from __future__ import annotations

import pytest
from check_support import (
    CI_RULES,
    invoke,
    json_findings,
    shared_contexts,  # noqa: F401 (autouse fixture)
)

from factcheck.ci.config import CheckConfig, find_config, load_config
from factcheck.context import Thresholds

DRAFT = "The council cynically moved the vote. A group of thugs blocked the road.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A newsroom repo: drafts/2026/draft.md and an archive/ folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the upward search stops at the repository root
    (tmp_path / "drafts" / "2026").mkdir(parents=True)
    (tmp_path / "drafts" / "2026" / "draft.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts" / "archive").mkdir()
    (tmp_path / "drafts" / "archive" / "old.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def rules_of(result):
    assert result.exit_code in (0, 1), result.stderr
    return sorted({f["rule"] for f in json_findings(result, "XT")})


def test_factcheck_toml_found_by_walking_up(project):
    (project / "factcheck.toml").write_text('disable = ["XT001"]\n', encoding="utf-8")
    result = invoke("check", "drafts/2026/draft.md", "-f", "json")
    assert rules_of(result) == ["XT002"]


def test_pyproject_tool_table(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcheck]\nfail_on = "warning"\n'
        '[tool.factcheck.severity]\nXT002 = "info"\n',
        encoding="utf-8",
    )
    result = invoke("check", "drafts/2026/draft.md", "-f", "json")
    severities = {f["rule"]: f["severity"] for f in json_findings(result, "XT")}
    assert severities == {"XT001": "warning", "XT002": "info"}
    assert result.exit_code == 1  # fail_on = "warning" from the config


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\ndisable = ["XT002"]\n', "utf-8")
    (project / "factcheck.toml").write_text('disable = ["XT001"]\n', encoding="utf-8")
    assert find_config(project / "drafts") == project / "factcheck.toml"


def test_search_stops_at_the_repository_root(project):
    assert find_config(project / "drafts" / "2026") is None


def test_command_line_overrides_and_config_option(project):
    (project / "factcheck.toml").write_text('disable = ["XT001"]\n', encoding="utf-8")
    other = project / "strict.toml"
    other.write_text('[severity]\nXT001 = "error"\n', encoding="utf-8")
    result = invoke("check", "drafts/2026", "-f", "json", "--config", other)
    assert {f["severity"] for f in json_findings(result, "XT001")} == {"error"}
    result = invoke("check", "drafts/2026", "-f", "json", "--severity", "XT002=info")
    assert {f["rule"]: f["severity"] for f in json_findings(result, "XT")} == {"XT002": "info"}
    result = invoke("check", "drafts/2026", "--fail-on", "never")
    assert result.exit_code == 0


def test_include_exclude_and_relative_rule_dirs(project):
    (project / "factcheck.toml").write_text(
        f'rules = ["{CI_RULES.as_posix()}"]\ndisable = ["LL"]\n'
        'exclude = ["archive/"]\ninclude = ["drafts/**/*.md"]\n',
        encoding="utf-8",
    )
    result = invoke("check", "drafts", "-f", "json", rules=False)
    paths = {f["path"] for f in json_findings(result, "XT")}
    assert paths == {"drafts/2026/draft.md"}
    (project / "factcheck.toml").write_text(
        f'rules = ["{CI_RULES.as_posix()}"]\ndisable = ["LL"]\nexclude = ["**/2026/*.md"]\n',
        encoding="utf-8",
    )
    result = invoke("check", "drafts", "-f", "json", rules=False)
    assert {f["path"] for f in json_findings(result, "XT")} == {"drafts/archive/old.md"}


def test_thresholds_and_sides_are_loaded(project):
    path = project / "factcheck.toml"
    path.write_text(
        "[thresholds]\nbalance_min = 0.5\nmax_unsourced = 2\nmax_grade = 11.5\n"
        '[sides]\nFrance = ["Darmanin", "Paris"]\nUK = "Johnson, London"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.thresholds == Thresholds(balance_min=0.5, max_unsourced=2, max_grade=11.5)
    assert config.sides == {"France": ("Darmanin", "Paris"), "UK": ("Johnson", "London")}
    assert invoke("check", "drafts/2026", "--fail-on", "never").exit_code == 0


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ('exlude = ["a"]\n', ["factcheck.toml", "unknown key 'exlude'", "did you mean 'exclude'"]),
        ("[thresholds]\nbalance_mn = 0.3\n", ["'thresholds.balance_mn'", "'balance_min'"]),
        ('[thresholds]\nbalance_min = "high"\n', ["'thresholds.balance_min'", "between 0 and 1"]),
        ("[thresholds]\nmax_unsourced = -1\n", ["'thresholds.max_unsourced'", "whole number"]),
        ('fail_on = "warnings"\n', ["'fail_on'", "did you mean 'warning'"]),
        ('[severity]\nXT001 = "loud"\n', ["'severity.XT001'", "error, warning or info"]),
        ('disable = "XT001"\nrules = 3\n', ["'rules'", "list of strings"]),
        ('disable = ["XT01"]\n', ["factcheck.toml: key 'disable'", "XT01", "did you mean XT001"]),
        ("[sides]\nFrance = []\n", ["'sides.France'", "list of names"]),
        ('fail_on = "error"\nfail_on = warning\n', ["factcheck.toml:2: not valid TOML"]),
        ('disable = ["XT001"\n', ["factcheck.toml: not valid TOML", "end of document"]),
        ("thresholds = 3\n", ["'thresholds'", "must be a table"]),
    ],
)
def test_bad_config_is_one_line_exit_2(project, content, needles):
    (project / "factcheck.toml").write_text(content, encoding="utf-8")
    result = invoke("check", "drafts/2026/draft.md")
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    for needle in needles:
        assert needle in result.stderr


def test_bad_pyproject_key_names_the_tool_table(project):
    (project / "pyproject.toml").write_text("[tool.factcheck]\nrule = []\n", encoding="utf-8")
    result = invoke("check", "drafts/2026/draft.md")
    assert result.exit_code == 2
    assert "pyproject.toml: unknown key 'tool.factcheck.rule'" in result.stderr
    assert "did you mean 'rules'" in result.stderr


def test_missing_config_file_exits_2(project):
    result = invoke("check", "drafts", "--config", "nope.toml")
    assert result.exit_code == 2 and "nope.toml" in result.stderr


def test_init_writes_a_config_that_loads(project):
    result = invoke("init")
    assert result.exit_code == 0, result.stderr
    written = project / "factcheck.toml"
    assert result.stdout.strip() == f"wrote {written.name}"
    text = written.read_text(encoding="utf-8")
    assert text.count("\n# ") > 10  # commented
    config = load_config(written)
    assert isinstance(config, CheckConfig)
    assert config.fail_on == "error" and config.thresholds.balance_min == 0.35
    assert "**/*.md" in config.include
    check = invoke("check", "drafts", "-f", "json", "--fail-on", "never")
    assert check.exit_code == 0 and rules_of(check) == ["XT001", "XT002"]
    again = invoke("init")
    assert again.exit_code == 2 and "--force" in again.stderr
    assert invoke("init", "--force").exit_code == 0
