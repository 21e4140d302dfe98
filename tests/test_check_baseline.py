"""Baselines: accepted findings stay accepted when lines move; new ones and stale ones show."""

from __future__ import annotations

import json

import pytest
from check_support import (
    invoke,
    json_findings,
    shared_contexts,  # noqa: F401 (autouse fixture)
)

FIRST = "The council cynically moved the budget vote, the clerk confirmed.\n"
SECOND = "A group of thugs blocked the road outside the town hall.\n"
NEW = "The mayor brazenly ignored the petition.\n"


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    path = tmp_path / "drafts" / "story.md"
    path.write_text(f"# Budget\n\n{FIRST}\n{SECOND}", encoding="utf-8")
    result = invoke("baseline", "drafts", "-o", ".factcheck-baseline.json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("wrote ")
    return path


def check(*extra):
    return invoke("check", "drafts", "--baseline", ".factcheck-baseline.json", *extra)


def test_baseline_file_lists_accepted_findings(draft, tmp_path):
    data = json.loads((tmp_path / ".factcheck-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    ours = [e for e in data["findings"] if e["rule"].startswith("XT")]
    assert [(e["path"], e["rule"], e["line"], e["match"]) for e in ours] == [
        ("drafts/story.md", "XT001", 3, "cynically"),
        ("drafts/story.md", "XT002", 5, "thugs"),
    ]


def test_accepted_findings_are_not_reported(draft):
    result = check("--fail-on", "info")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("no findings in 1 file; ")
    assert "accepted in the baseline" in result.stdout
    assert result.stderr == ""


def test_moved_and_rewrapped_lines_stay_accepted(draft):
    draft.write_text(
        f"# Budget\n\nA new first paragraph.\n\nAnd another one.\n\n{SECOND}\n"
        + FIRST.replace("budget vote,", "budget\nvote,"),
        encoding="utf-8",
    )
    result = check("--fail-on", "info", "-f", "json")
    assert result.exit_code == 0
    assert json_findings(result) == []


def test_new_finding_is_reported_and_stale_entries_listed(draft):
    draft.write_text(f"# Budget\n\n{NEW}\n{SECOND}", encoding="utf-8")
    result = check("--fail-on", "warning")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [ln.split(": ", 1)[1][:13] for ln in lines[:-1]] == ["warning XT001"]
    assert "brazenly" in lines[0] and lines[0].startswith("drafts/story.md:3:")
    assert "stale baseline entr" in lines[-1]
    assert "stale baseline entr" in result.stderr
    assert "drafts/story.md:3: XT001 “cynically”" in result.stderr
    data = json.loads(check("-f", "json").stdout)
    assert [e["match"] for e in data["stale_baseline"] if e["rule"][:2] == "XT"] == ["cynically"]
    sarif = json.loads(check("-f", "sarif").stdout)
    stale = sarif["runs"][0]["properties"]["staleBaseline"]
    assert [e["match"] for e in stale if e["rule"][:2] == "XT"] == ["cynically"]


def test_a_rewritten_sentence_is_a_new_finding(draft):
    draft.write_text(
        f"# Budget\n\n{FIRST}\n" + SECOND.replace("the road", "the bridge"), encoding="utf-8"
    )
    found = json_findings(check("-f", "json"), "XT")
    assert [(f["rule"], f["line"]) for f in found] == [("XT002", 5)]


def test_a_repeated_sentence_needs_its_own_entry(draft):
    draft.write_text(f"# Budget\n\n{FIRST}\n{SECOND}\n{SECOND}", encoding="utf-8")
    found = json_findings(check("-f", "json"), "XT")
    assert [(f["rule"], f["line"]) for f in found] == [("XT002", 7)]
    assert found[0]["fingerprint"].endswith(":2")
    invoke("baseline", "drafts", "-o", ".factcheck-baseline.json")
    assert json_findings(check("-f", "json"), "XT") == []


def test_missing_or_broken_baseline_exits_2(draft, tmp_path):
    result = invoke("check", "drafts", "--baseline", "nope.json")
    assert result.exit_code == 2 and "nope.json" in result.stderr
    assert "factcheck baseline" in result.stderr
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    result = invoke("check", "drafts", "--baseline", "bad.json")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_baseline_from_config(draft, tmp_path):
    (tmp_path / "factcheck.toml").write_text(
        'baseline = ".factcheck-baseline.json"\n', encoding="utf-8"
    )
    result = invoke("check", "drafts", "--fail-on", "info")
    assert result.exit_code == 0 and "accepted in the baseline" in result.stdout
