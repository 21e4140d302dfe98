"""Inline suppressions through the real command, and the FC001 warning for unknown ids."""

from __future__ import annotations

import pytest
from check_support import (
    invoke,
    json_findings,
    shared_contexts,  # noqa: F401 (autouse fixture)
    spots,
)

BODY = "The council cynically moved the vote. A group of thugs blocked the road."


def check(tmp_path, text, *extra):
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    result = invoke("check", draft, "-f", "json", "--fail-on", "never", *extra)
    assert result.exit_code == 0, result.stderr
    return spots([f for f in json_findings(result) if f["rule"][:2] in ("XT", "FC")])


def test_unsuppressed_baseline(tmp_path):
    assert check(tmp_path, BODY + "\n") == [(1, "XT001", "warning"), (1, "XT002", "error")]


def test_disable_line_for_one_rule(tmp_path):
    text = BODY + " <!-- factcheck-disable-line XT002 -->\n"
    assert check(tmp_path, text) == [(1, "XT001", "warning")]


def test_disable_next_line_for_every_rule(tmp_path):
    text = f"<!-- factcheck-disable-next-line -->\n{BODY}\n\n{BODY}\n"
    assert check(tmp_path, text) == [(4, "XT001", "warning"), (4, "XT002", "error")]


def test_disable_region_by_prefix_until_enable(tmp_path):
    text = (
        f"{BODY}\n\n<!-- factcheck-disable XT -- quoting the archive -->\n{BODY}\n\n"
        f"{BODY}\n<!-- factcheck-enable -->\n\n{BODY}\n"
    )
    assert [line for line, _, _ in check(tmp_path, text)] == [1, 1, 9, 9]


def test_unknown_id_in_a_suppression_is_a_warning_at_the_comment(tmp_path):
    text = f"{BODY}\n\n<!-- factcheck-disable-next-line XT0002 -->\n{BODY}\n"
    found = check(tmp_path, text)
    assert (3, "FC001", "warning") in found
    assert (4, "XT002", "error") in found  # the typo suppressed nothing
    draft = tmp_path / "draft.md"
    result = invoke("check", draft)
    line = next(ln for ln in result.stdout.splitlines() if "FC001" in ln)
    assert line.startswith(f"{draft}:3:1: warning FC001 ")
    assert "'XT0002'" in line and "did you mean XT002?" in line


@pytest.mark.parametrize("known", ["XT001", "XT", "LL"])
def test_known_ids_and_prefixes_are_not_reported(tmp_path, known):
    text = f"<!-- factcheck-disable-next-line {known} -->\n{BODY}\n"
    assert all(rule != "FC001" for _, rule, _ in check(tmp_path, text))


def test_fc001_can_be_turned_off_or_raised(tmp_path):
    text = f"<!-- factcheck-disable-next-line XT0002 -->\n{BODY}\n"
    assert all(r != "FC001" for _, r, _ in check(tmp_path, text, "--disable", "FC001"))
    assert (1, "FC001", "error") in check(tmp_path, text, "--severity", "FC001=error")
