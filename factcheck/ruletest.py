"""Run the examples every rule file carries (``factcheck rules test``, and the test suite).

A ``flag`` example must produce exactly the spans marked ``[[...]]`` for that rule id;
a ``pass`` example must produce none. What "produced by a rule" means is decided in
one place, :func:`spans_by_rule`: every annotation records the rule that made it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.context import Context, Options
from factcheck.model import Analysis
from factcheck.ruleset import Rule, RuleSet, load_ruleset, strip_markers
from factcheck.textutil.plural import counted


def spans_by_rule(analysis: Analysis) -> dict[str, set[tuple[int, int]]]:
    """Every (start, end) each rule produced.

    Claims, loaded terms, statement cues, side assignments, speaker mentions (the
    roles rule of their title or description), excluded boilerplate and findings all
    record their rule; this is the one place that reads them back.
    """
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for c in analysis.claims:
        out[c.rule].add((c.start, c.end))
    for t in analysis.loaded:
        out[t.rule].add((t.start, t.end))
    for st in analysis.statements:
        if st.rule and st.cue_start is not None and st.cue_end is not None:
            out[st.rule].add((st.cue_start, st.cue_end))
    for sp in analysis.speakers:
        for m in sp.mentions:
            if sp.side_rule and m.kind in ("name", "collective"):
                out[sp.side_rule].add((m.start, m.end))
            if m.rule:
                out[m.rule].add((m.start, m.end))
    for e in analysis.document.excluded:
        if e.rule:
            out[e.rule].add((e.start, e.end))
    for f in analysis.findings:
        out[f.rule].add((f.start, f.end))
    return out


@dataclass(frozen=True, slots=True)
class ExampleOutcome:
    rule: str
    kind: str  # flag | pass | todo_flag | todo_pass
    index: int
    text: str
    ok: bool
    expected: tuple[tuple[int, int], ...]
    got: tuple[tuple[int, int], ...]

    def describe(self) -> str:
        clean, _ = strip_markers(self.text)
        got = ", ".join(repr(clean[s:e]) for s, e in self.got) or "nothing"
        want = ", ".join(repr(clean[s:e]) for s, e in self.expected) or "nothing"
        return f"{self.rule} {self.kind}[{self.index}]: expected {want}, got {got}: {self.text!r}"


def check_example(rule: Rule, kind: str, index: int, text: str, ctx: Context) -> ExampleOutcome:
    """Analyse one example and compare the spans ``rule`` produced with the marked ones."""
    from factcheck.api import analyze_text

    active = ctx.ruleset.get(rule.id)
    if active is None or not active.enabled:
        # A rule shipped switched off still has to prove its examples: test it switched on.
        ctx = ctx.compiled(f"ruletest-enable-{rule.id}", lambda: _with_rule_enabled(ctx, rule))
    clean, expected = strip_markers(text)
    analysis = analyze_text(clean, path=f"<{rule.id} example>", input_format="markdown", ctx=ctx)
    got = tuple(sorted(spans_by_rule(analysis).get(rule.id, set())))
    want = tuple(sorted(expected)) if kind in ("flag", "todo_flag") else ()
    return ExampleOutcome(rule.id, kind, index, text, got == want, want, got)


def _with_rule_enabled(ctx: Context, rule: Rule) -> Context:
    rules = (*(r for r in ctx.ruleset if r.id != rule.id), replace(rule, enabled=True))
    ruleset = RuleSet(tuple(sorted(rules, key=lambda r: r.id)), ctx.ruleset.digest)
    return Context(ruleset=ruleset, options=ctx.options)


def iter_examples(rule: Rule) -> Iterator[tuple[str, int, str]]:
    for kind, texts in (
        ("flag", rule.examples.flag),
        ("pass", rule.examples.pass_),
        ("todo_flag", rule.examples.todo_flag),
        ("todo_pass", rule.examples.todo_pass),
    ):
        for i, text in enumerate(texts):
            yield kind, i, text


@dataclass
class ExamplesReport:
    outcomes: list[ExampleOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[ExampleOutcome]:
        return [o for o in self.outcomes if not o.ok and not o.kind.startswith("todo")]

    @property
    def fixed_todos(self) -> list[ExampleOutcome]:
        return [o for o in self.outcomes if o.ok and o.kind.startswith("todo")]

    @property
    def lines(self) -> list[str]:
        out = [f"FAIL {o.describe()}" for o in self.failed]
        out += [f"FIXED (move it out of todo) {o.describe()}" for o in self.fixed_todos]
        return out

    @property
    def summary(self) -> str:
        rules = len({o.rule for o in self.outcomes})
        passed = sum(1 for o in self.outcomes if o.ok and not o.kind.startswith("todo"))
        todo = sum(1 for o in self.outcomes if o.kind.startswith("todo"))
        return (
            f"{len(self.failed)} failed, {passed} passed "
            f"({counted(rules, 'rule')}, {counted(todo, 'known gap')})"
        )


def run_all_examples(directory: Path | None = None) -> ExamplesReport:
    """Run the examples of every rule in ``directory`` (default rules when None).

    The examples run against the default rules plus ``directory``, so a newsroom's
    own rules are tested in the company they will run in.
    """
    ruleset: RuleSet = load_ruleset([directory] if directory else [])
    ctx = Context(ruleset=ruleset, options=Options())
    selected = [r for r in ruleset if directory is None or _is_under(r.path, directory)]
    report = ExamplesReport()
    for rule in selected:
        for kind, i, text in iter_examples(rule):
            report.outcomes.append(check_example(rule, kind, i, text, ctx))
    return report


def _is_under(path: Path, directory: Path) -> bool:
    try:
        path.resolve().relative_to(directory.resolve())
    except ValueError:
        return False
    return True
