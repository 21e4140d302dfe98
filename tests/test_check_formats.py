"""Every output format of ``factcheck check``, through the real command on real Markdown drafts.

The draft tests/fixtures/drafts/council-vote.md has front matter, a heading, a link,
a fenced code block and inline code (loaded words inside them must not be flagged),
a quotation, and one suppression of each kind. With the test lexicon (XT001 warning,
XT002 error) the findings that survive are, by line of the .md file:
10 XT001 (reporter), 11 XT001 (inside a quotation: info), 13 XT002, and on line 31
XT001, XT002 plus FC001 for the suppression naming the unknown id XT009.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter

import jsonschema
import pytest
from check_support import (
    SARIF_SCHEMA,
    copy_drafts,
    invoke,
    json_findings,
    shared_contexts,  # noqa: F401 (autouse fixture)
    spots,
)

from factcheck.render.ci_formats.github import escape_data, escape_property

EXPECTED = [
    (10, "XT001", "warning"),
    (11, "XT001", "info"),
    (13, "XT002", "error"),
    (31, "FC001", "warning"),
    (31, "XT001", "warning"),
    (31, "XT002", "error"),
]


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_drafts(tmp_path, "council-vote.md", "clean.md")
    return "drafts"


def ours(findings):
    return sorted(spots([f for f in findings if f["rule"][:2] in ("XT", "FC")]))


def test_json_findings_positions_in_the_markdown_source(drafts):
    result = invoke("check", drafts, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    findings = json_findings(result)
    assert ours(findings) == EXPECTED
    first = next(f for f in findings if f["line"] == 10 and f["rule"] == "XT001")
    # "The council cynically moved ...": line 10 of the file, front matter counted.
    assert (first["column"], first["end_line"], first["end_column"]) == (13, 10, 22)
    assert first["path"] == "drafts/council-vote.md"
    assert first["match"] == "cynically"
    assert first["voice"] == "reporter"
    assert len(first["fingerprint"]) == 32
    for key in ("name", "message", "severity"):
        assert first[key]
    quoted = next(f for f in findings if f["line"] == 11 and f["rule"] == "XT001")
    assert quoted["voice"] == "quoted" and quoted["match"] == "brazenly"


def test_json_per_file_figures(drafts):
    result = invoke("check", drafts, "--format", "json", "--fail-on", "never")
    data = json.loads(result.stdout)
    files = {f["path"]: f for f in data["files"]}
    assert set(files) == {"drafts/clean.md", "drafts/council-vote.md"}
    vote = files["drafts/council-vote.md"]
    for key in ("balance_score", "unsourced_claims", "reporter_loaded", "words", "sides"):
        assert key in vote
    assert vote["words"] > 80
    # Reporter-voice loaded terms in the copy: lines 10, 13, 25, 28 (suppressed findings
    # are still loaded language), two on 31, and 23 unless "residents called" makes it a
    # paraphrase; never the eight in the code, the URL and the front matter.
    assert 6 <= vote["reporter_loaded"] <= 7
    assert files["drafts/clean.md"]["reporter_loaded"] == 0
    assert data["summary"]["files"] == 2
    assert data["failed"] is False


def test_text_format_lines_and_summary(drafts):
    result = invoke("check", drafts, "--fail-on", "never")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "\033[" not in result.stdout  # no colour when stdout is not a terminal
    assert (
        "drafts/council-vote.md:10:13: warning XT001 Loaded language “cynically” (sneer) "
        "in the reporter's voice; consider: (omit, or report what was done)"
    ) in lines
    assert any(ln.startswith("drafts/council-vote.md:13:12: error XT002 ") for ln in lines)
    quoted = [ln for ln in lines if ln.startswith("drafts/council-vote.md:11:")]
    assert quoted and all(" info " in ln and "quoted" in ln for ln in quoted)
    counts = Counter(f["severity"] for f in json_findings(invoke("check", drafts, "-f", "json")))
    total = sum(counts.values())
    summary = (
        f"{total} findings ({counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info) in 2 files"
    )
    assert lines[-1] == summary


def test_clean_draft_is_quiet_but_for_the_summary(drafts):
    result = invoke("check", "drafts/clean.md")
    assert result.exit_code == 0
    assert result.stdout == "no findings in 1 file\n"
    assert result.stderr == ""


def test_sarif_is_valid_against_the_official_schema(drafts):
    result = invoke("check", drafts, "--format", "sarif")
    assert result.exit_code == 1  # XT002 is an error; the default --fail-on is error
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0].message
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] and driver["informationUri"]
    rules = driver["rules"]
    xt002 = next(r for r in rules if r["id"] == "XT002")
    assert xt002["name"] == "test-smear-words"
    assert xt002["defaultConfiguration"]["level"] == "error"
    assert xt002["shortDescription"]["text"].startswith("Test fixture")
    assert "has something to fail on" in xt002["fullDescription"]["text"]
    assert "thugs" in xt002["help"]["text"] and "| thugs |" in xt002["help"]["markdown"]
    assert xt002["properties"]["tags"] == ["ci-rules", "smear"]
    assert any(r["id"] == "FC001" for r in rules)
    results = [r for r in run["results"] if r["ruleId"][:2] in ("XT", "FC")]
    assert len(results) == len(EXPECTED)
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    error = next(r for r in results if r["ruleId"] == "XT002")
    assert error["level"] == "error"
    loc = error["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "drafts/council-vote.md", "uriBaseId": "SRCROOT"}
    assert loc["region"] == {
        "startLine": 13,
        "startColumn": 12,
        "endLine": 13,
        "endColumn": 17,
        "snippet": {"text": "thugs"},
    }
    assert len(error["partialFingerprints"]["factcheckFingerprint/v1"]) == 32
    info = next(r for r in results if r["ruleId"] == "XT001" and r["level"] == "note")
    assert info["properties"]["voice"] == "quoted"
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file:///")


def test_sarif_written_to_a_file(drafts, tmp_path):
    result = invoke("check", drafts, "-f", "sarif", "-o", "out/factcheck.sarif")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().endswith("in 2 files")  # the summary, on stderr
    log = json.loads((tmp_path / "out" / "factcheck.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"]


def test_github_annotations(drafts):
    result = invoke("check", drafts, "--format", "github", "--fail-on", "warning")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "::error file=drafts/council-vote.md,line=13,col=12,endLine=13,endColumn=17,"
        "title=factcheck XT002::Loaded language “thugs” (smear) in the reporter's voice; "
        "consider: protesters / the men (describe what they did)"
    ) in lines
    assert any(
        ln.startswith("::notice file=drafts/council-vote.md,line=11,") and "XT001" in ln
        for ln in lines
    )
    assert any(ln.startswith("::warning ") and "title=factcheck FC001" in ln for ln in lines)
    assert lines[-1].endswith("in 2 files")


def test_github_escapes_properties_through_the_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "50%, a:b.md").write_text("The council cynically moved the vote.\n", "utf-8")
    result = invoke("check", "50%, a:b.md", "--format", "github")
    line = next(ln for ln in result.stdout.splitlines() if "XT001" in ln)
    assert line.startswith("::warning file=50%25%2C a%3Ab.md,line=1,col=13,")


def test_github_reports_an_unreadable_file_as_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text("The council cynically moved the vote.\n", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"x\0\0y")
    result = invoke("check", ".", "--format", "github")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert any(ln.startswith("::warning file=good.md,") for ln in lines)
    unreadable = [ln for ln in lines if ln.startswith("::error title=factcheck%3A unreadable")]
    assert len(unreadable) == 1 and "bad.txt: looks like a binary file" in unreadable[0]


def test_github_escaping_rules():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_multiline_finding_has_no_columns():
    from factcheck.ci.results import Located
    from factcheck.render.ci_formats.github import annotation

    f = Located("a.md", "XT001", "n", "warning", "m", 3, 5, 4, 2, "f" * 32)
    assert annotation(f, "a.md") == "::warning file=a.md,line=3,endLine=4,title=factcheck XT001::m"


def test_gitlab_code_quality(drafts):
    result = invoke("check", drafts, "--format", "gitlab")
    issues = json.loads(result.stdout)
    assert isinstance(issues, list)
    ours_ = [i for i in issues if i["check_name"][:2] in ("XT", "FC")]
    assert len(ours_) == len(EXPECTED)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by_line = {(i["location"]["lines"]["begin"], i["check_name"]): i for i in ours_}
    smear = by_line[(13, "XT002")]
    assert smear["severity"] == "major"
    assert smear["location"] == {
        "path": "drafts/council-vote.md",
        "lines": {"begin": 13, "end": 13},
    }
    assert smear["description"].startswith("XT002 Loaded language “thugs”")
    assert by_line[(10, "XT001")]["severity"] == "minor"
    assert by_line[(11, "XT001")]["severity"] == "info"


def test_junit_xml_one_case_per_file_and_rule(drafts):
    result = invoke("check", drafts, "--format", "junit", "--fail-on", "warning")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"drafts/clean.md", "drafts/council-vote.md"}
    clean = suites["drafts/clean.md"]
    assert clean.get("failures") == "0" and int(clean.get("tests")) >= 3
    vote = suites["drafts/council-vote.md"]
    cases = {c.get("name").split()[0]: c for c in vote.findall("testcase")}
    assert {"XT001", "XT002", "FC001"} <= set(cases)
    assert len(cases) == int(vote.get("tests"))
    failure = cases["XT002"].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "drafts/council-vote.md:13:12: error XT002" in failure.text
    assert cases["XT001"].find("failure").get("message") == "2 findings"  # info not counted
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites.values())


def test_unknown_format_is_a_usage_error(drafts):
    result = invoke("check", drafts, "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--format" in result.stderr


def test_jobs_give_the_same_output(drafts):
    one = invoke("check", drafts, "-f", "json", "--jobs", "1")
    two = invoke("check", drafts, "-f", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_bundled_rules_skip_front_matter_code_and_urls(drafts):
    """The shipped lexicons on the same draft: copy is checked, markup is not."""
    result = invoke("check", drafts, "-f", "json", "--fail-on", "never", rules=False)
    assert result.exit_code == 0, result.stderr
    found = [f for f in json_findings(result) if f["rule"] != "FC001"]
    at = {(f["line"], f["column"]): f for f in found}
    assert at[(10, 13)]["match"] == "cynically" and at[(10, 13)]["voice"] == "reporter"
    assert at[(13, 12)]["match"] == "thugs" and at[(13, 12)]["severity"] != "info"
    assert at[(11, 51)]["voice"] == "quoted" and at[(11, 51)]["severity"] == "info"
    # Front matter (1-6), the link's URL (14), the code block (16-18), inline code (20).
    masked = {1, 2, 3, 4, 5, 6, 14, 16, 17, 18, 20}
    assert not [f for f in found if f["line"] in masked]
