"""``--changed-since REF`` in a temporary git repository with two commits."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from check_support import (
    invoke,
    json_findings,
    shared_contexts,  # noqa: F401 (autouse fixture)
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

OLD = "The council cynically moved the budget vote.\n\nThe meeting ran late.\n"
NEW = (
    "A new paragraph opens the story.\n\nThe council cynically moved the budget vote.\n\n"
    "A group of thugs blocked the road.\n"
)


def git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "story.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "drafts" / "other.md").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    git(tmp_path, "tag", "base")
    (tmp_path / "drafts" / "story.md").write_text(NEW, encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "second draft")
    return tmp_path


def lines_of(result):
    assert result.exit_code in (0, 1), result.stderr
    return [(f["path"], f["line"], f["rule"]) for f in json_findings(result, "XT")]


def test_only_findings_on_changed_lines(repo):
    everything = lines_of(invoke("check", "drafts", "-f", "json"))
    assert ("drafts/story.md", 3, "XT001") in everything
    assert ("drafts/other.md", 1, "XT001") in everything
    changed = lines_of(invoke("check", "drafts", "-f", "json", "--changed-since", "base"))
    # Line 3 only moved (it was line 1): unchanged. Line 5 is new.
    assert changed == [("drafts/story.md", 5, "XT002")]
    text = invoke("check", "drafts", "--changed-since", "HEAD~1")
    assert "on unchanged lines not shown" in text.stdout.splitlines()[-1]


def test_uncommitted_and_untracked_changes_count(repo):
    (repo / "drafts" / "other.md").write_text(OLD + "\nThe mayor brazenly left.\n", "utf-8")
    (repo / "drafts" / "fresh.md").write_text("The mayor brazenly left.\n", encoding="utf-8")
    changed = lines_of(invoke("check", "drafts", "-f", "json", "--changed-since", "HEAD"))
    assert changed == [("drafts/fresh.md", 1, "XT001"), ("drafts/other.md", 5, "XT001")]


def test_bad_ref_is_one_line_exit_2(repo):
    result = invoke("check", "drafts", "--changed-since", "no-such-branch")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "--changed-since no-such-branch" in result.stderr


def test_outside_a_repository_is_one_line_exit_2(tmp_path, monkeypatch):
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "story.md").write_text(OLD, encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = invoke("check", outside / "story.md", "--changed-since", "main")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "git repository" in result.stderr
