"""Every rule's own examples are tests: flag examples match exactly, pass examples do not."""

from __future__ import annotations

import pytest

from factcheck.api import make_context
from factcheck.ruleset import load_ruleset
from factcheck.ruletest import check_example, iter_examples

RULESET = load_ruleset()
CASES = [
    pytest.param(
        rule,
        kind,
        i,
        text,
        id=f"{rule.id}-{kind}-{i}",
        marks=[pytest.mark.xfail(strict=True)] if kind.startswith("todo") else [],
    )
    for rule in RULESET
    for kind, i, text in iter_examples(rule)
]


@pytest.fixture(scope="module")
def rules_ctx():
    return make_context(ruleset=RULESET)


@pytest.mark.parametrize(("rule", "kind", "index", "text"), CASES)
def test_rule_example(rule, kind, index, text, rules_ctx):
    outcome = check_example(rule, kind, index, text, rules_ctx)
    assert outcome.ok, outcome.describe()


def test_every_rule_has_flag_and_pass_examples():
    for rule in RULESET:
        assert rule.examples.flag, f"{rule.id} has no flag example"
        assert rule.examples.pass_, f"{rule.id} has no pass example"


def test_rule_files_are_named_after_their_id_and_name():
    for rule in RULESET:
        assert rule.path.stem == f"{rule.id}-{rule.name}", rule.path
