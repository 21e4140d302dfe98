"""Orchestrate one check run: settings, paths, analysis (optionally in processes), filters.

The order is fixed and documented in docs/ci.md: configuration and command line are
merged (the command line wins), paths expand and pass ``include``/``exclude``, every
draft is analysed (inline suppressions already applied by the findings stage, FC001
added for unknown ids), then the baseline takes out accepted findings and
``--changed-since`` keeps those on changed lines. The exit code is the CLI's job.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck import __version__
from factcheck.ci.baseline import (
    Baseline,
    BaselineEntry,
    fingerprint,
    load_baseline,
    number_occurrences,
)
from factcheck.ci.config import CheckConfig
from factcheck.ci.results import CheckResult, FileReport, Located, RuleInfo
from factcheck.ci.suppress import BUILTIN_RULES, is_known, unknown_suppression_findings
from factcheck.context import Context, Options
from factcheck.errors import ConfigError, InputError
from factcheck.model import Analysis
from factcheck.ruleset import Rule, RuleSet

DEFAULT_FAIL_ON = "error"
READING_GRADE_CHECK = "reading-grade"


@dataclass(frozen=True, slots=True)
class Settings:
    """Configuration file and command line merged (the command line wins)."""

    config: CheckConfig
    rules: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    fail_on: str = DEFAULT_FAIL_ON
    baseline: Path | None = None
    builtin_disabled: frozenset[str] = frozenset()
    builtin_severity: Mapping[str, str] = field(default_factory=dict)

    def side_args(self) -> list[str]:
        """The configuration's sides as ``--side NAME=alias,alias`` values."""
        return [f"{name}={','.join(aliases)}" for name, aliases in self.config.sides.items()]

    def severity_args(self) -> list[str]:
        return [f"{rule_id}={level}" for rule_id, level in self.severity.items()]


def merge_settings(
    config: CheckConfig,
    *,
    rules: Sequence[Path] = (),
    disable: Sequence[str] = (),
    severity: Sequence[str] = (),
    fail_on: str | None = None,
    baseline: Path | None = None,
) -> Settings:
    """Merge the configuration file with command-line values."""
    levels = dict(config.severity)
    for item in severity:
        rule_id, sep, level = item.partition("=")
        if not sep:
            raise ConfigError(f"--severity {item!r}: expected ID=error|warning|info")
        levels[rule_id.strip()] = level.strip()
    builtin_ids = [b.id for b in BUILTIN_RULES]
    all_disable = (*config.disable, *disable)
    builtin_disabled = frozenset(
        b for b in builtin_ids if any(b.startswith(sel) for sel in all_disable)
    )
    builtin_severity = {
        b: level for sel, level in levels.items() for b in builtin_ids if b.startswith(sel)
    }
    return Settings(
        config=config,
        rules=(*config.rules, *rules),
        disable=tuple(s for s in all_disable if s not in builtin_ids),
        enable=tuple(s for s in config.enable if s not in builtin_ids),
        severity={k: v for k, v in levels.items() if k not in builtin_ids},
        fail_on=fail_on or config.fail_on or DEFAULT_FAIL_ON,
        baseline=baseline if baseline is not None else config.baseline,
        builtin_disabled=builtin_disabled,
        builtin_severity=builtin_severity,
    )


def validate_selectors(settings: Settings, ruleset: RuleSet) -> None:
    """Every id in the configuration or on the command line must name a rule.

    Checked here (rather than by ``RuleSet.configured``) so the error names the
    configuration file and key the typo is in.
    """
    import difflib

    ids = [r.id for r in ruleset] + [b.id for b in BUILTIN_RULES]
    config = settings.config
    sources: list[tuple[str, str]] = []
    for key, values in (("disable", settings.disable), ("enable", settings.enable)):
        sources.extend((key, v) for v in values)
    sources.extend(("severity", k) for k in settings.severity)
    for key, selector in sources:
        if is_known(selector, ids):
            continue
        in_file = (
            (key == "severity" and selector in config.severity)
            or (key == "disable" and selector in config.disable)
            or (key == "enable" and selector in config.enable)
        )
        where = f"{config.shown}: key '{key}'" if in_file else f"--{key}"
        close = difflib.get_close_matches(selector, ids, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else "see 'factcheck rules list'"
        raise ConfigError(f"{where}: no rule has the id '{selector}'", hint=hint)


def build_context(settings: Settings, options: Options) -> Context:
    """Load the rule set once, check the selectors, and apply them."""
    from factcheck.api import make_context
    from factcheck.ruleset import load_ruleset

    loaded = load_ruleset(options.rules_dirs)
    validate_selectors(settings, loaded)
    ruleset = loaded.configured(
        disable=options.disable, enable=options.enable, severities=options.severities
    )
    return make_context(for_findings(options, ruleset), ruleset=ruleset)


def for_findings(options: Options, ruleset: RuleSet) -> Options:
    """Switch off what no finding reads: tone always, readability unless a grade rule is on.

    Tone is shown in reports but never raises a finding, and ``check`` renders only
    findings and document figures; readability feeds the reading-grade check alone,
    so its counts are skipped for a story too short to be graded.
    """
    return replace(
        options,
        tone=False,
        readability=options.readability and ruleset.check(READING_GRADE_CHECK) is not None,
        readability_counts=False,
    )


def expand(paths: Sequence[str], config: CheckConfig) -> list[str]:
    """Files to check: folders and globs expanded, then ``include`` / ``exclude`` applied."""
    from factcheck.api import expand_paths
    from factcheck.ci.paths import select

    return select(expand_paths(paths), config.root, config.include, config.exclude)


# Per file -----------------------------------------------------------------------------


def report_file(analysis: Analysis, ctx: Context, settings: Settings) -> FileReport:
    """Locate and fingerprint one analysis's findings, and take its document figures."""
    from factcheck.render.result_dict import Positions

    findings = list(analysis.findings)
    builtin = BUILTIN_RULES[0]
    if builtin.id not in settings.builtin_disabled:
        level = settings.builtin_severity.get(builtin.id, builtin.severity)
        findings.extend(unknown_suppression_findings(analysis, ctx.ruleset, level))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    doc = analysis.document
    pos = Positions(analysis)
    matches = [doc.text[f.start : f.end] for f in findings]
    prints = number_occurrences(
        [fingerprint(f.rule, m, f.context) for f, m in zip(findings, matches, strict=True)]
    )
    located = tuple(
        Located(
            path=doc.path,
            rule=f.rule,
            name=f.name,
            severity=f.severity,
            message=f.message,
            **pos.locate(f.start, f.end),
            fingerprint=fp,
            voice=f.voice,
            match=" ".join(m.split()),
        )
        for f, m, fp in zip(findings, matches, prints, strict=True)
    )
    balance = analysis.balance
    return FileReport(
        path=doc.path,
        format=doc.format,
        words=analysis.words(),
        balance_score=balance.score if balance is not None else None,
        sides=len(balance.sides) if balance is not None else 0,
        unsourced_claims=sum(1 for c in analysis.claims if c.status == "unsourced"),
        reporter_loaded=sum(1 for t in analysis.loaded if t.voice == "reporter"),
        findings=located,
        warnings=doc.warnings,  # each names its file already
    )


def analyse_files(
    files: Sequence[str], ctx: Context, settings: Settings, jobs: int | None
) -> Iterator[FileReport]:
    """Analyse ``files`` in order, in this process or in worker processes (see parallel).

    An unreadable file (empty, binary, undecodable) does not stop the run: it comes
    back as a FileReport carrying the error, like a linter that reports a file it
    cannot parse and checks the rest.
    """
    from functools import partial

    from factcheck.parallel import map_articles

    task = partial(report_file, settings=settings)
    return map_articles(files, ctx, task, jobs=jobs, on_error=unreadable_file)


def unreadable_file(path: str, error: InputError) -> FileReport:
    """The report of a file that could not be read: no findings, its one-line error."""
    return FileReport(path=path, format="", error=str(error))


# The run ------------------------------------------------------------------------------


def run_check(
    paths: Sequence[str],
    settings: Settings,
    options: Options,
    *,
    changed_since: str | None = None,
    jobs: int | None = None,
    use_baseline: bool = True,
) -> CheckResult:
    """Check every draft named by ``paths``; see the module docstring for the order."""
    ctx = build_context(settings, options)
    baseline = load_baseline(settings.baseline) if use_baseline and settings.baseline else None
    files = expand(paths, settings.config)
    changed = None
    if changed_since is not None:
        from factcheck.ci.changed import changed_lines

        changed = changed_lines(files, changed_since)
    analysed = list(analyse_files(files, ctx, settings, jobs))
    reports = [r for r in analysed if r.error is None]
    accepted = 0
    stale: tuple[BaselineEntry, ...] = ()
    if baseline is not None:
        reports, accepted, stale = apply_baseline(reports, baseline)
    outside = 0
    if changed is not None:
        reports, outside = keep_changed(reports, changed)
    return CheckResult(
        files=tuple(reports),
        rules=rule_infos(ctx.ruleset, settings),
        fail_on=settings.fail_on,
        version=__version__,
        root=Path.cwd(),
        accepted=accepted,
        outside_diff=outside,
        stale=stale,
        warnings=tuple(w for r in reports for w in r.warnings),
        errors=tuple(r.error for r in analysed if r.error is not None),
    )


def apply_baseline(
    reports: Sequence[FileReport], baseline: Baseline
) -> tuple[list[FileReport], int, tuple[BaselineEntry, ...]]:
    """Drop accepted findings; return the reports, how many were accepted, stale entries."""
    accepted_keys = {(e.path, e.fingerprint) for e in baseline.entries}
    seen: set[tuple[str, str]] = set()
    checked: set[str] = set()
    out: list[FileReport] = []
    accepted = 0
    for report in reports:
        key = baseline.key(report.path)
        checked.add(key)
        kept = []
        for f in report.findings:
            if (key, f.fingerprint) in accepted_keys:
                seen.add((key, f.fingerprint))
                accepted += 1
            else:
                kept.append(f)
        out.append(report.with_findings(tuple(kept)))
    stale = tuple(
        e
        for e in baseline.entries
        if (e.path, e.fingerprint) not in seen
        and (e.path in checked or not (baseline.root / e.path).exists())
    )
    return out, accepted, stale


def keep_changed(
    reports: Sequence[FileReport], changed: Mapping[str, frozenset[int]]
) -> tuple[list[FileReport], int]:
    """Keep findings on changed lines; return the reports and how many were left out."""
    from factcheck.ci.changed import touches

    out: list[FileReport] = []
    dropped = 0
    for report in reports:
        lines = changed.get(report.path)
        if lines is None:  # stdin: nothing to diff against
            out.append(report)
            continue
        kept = tuple(f for f in report.findings if touches(lines, f.line, f.end_line))
        dropped += len(report.findings) - len(kept)
        out.append(report.with_findings(kept))
    return out, dropped


def baseline_entries(reports: Sequence[FileReport], location: Path) -> list[BaselineEntry]:
    """Every finding of ``reports`` as an accepted baseline entry for a file at ``location``."""
    holder = Baseline(location, ())
    return [
        BaselineEntry(
            path=holder.key(r.path),
            rule=f.rule,
            fingerprint=f.fingerprint,
            line=f.line,
            match=f.match,
            message=f.message,
        )
        for r in reports
        for f in r.findings
    ]


# Rule descriptions --------------------------------------------------------------------


def rule_infos(ruleset: RuleSet, settings: Settings) -> tuple[RuleInfo, ...]:
    """Descriptions of every enabled rule that can raise findings, plus the built-ins."""
    infos = [_info(r) for r in ruleset if r.enabled and r.kind in ("lexicon", "check")]
    for builtin in BUILTIN_RULES:
        if builtin.id in settings.builtin_disabled:
            continue
        level = settings.builtin_severity.get(builtin.id, builtin.severity)
        infos.append(
            replace(
                builtin,
                severity=level,  # type: ignore[arg-type]
                help=builtin.description,
                help_markdown=builtin.description,
            )
        )
    return tuple(sorted(infos, key=lambda i: i.id))


def _info(rule: Rule) -> RuleInfo:
    area = rule.path.parent.name if rule.path.parent.name != "rules" else rule.kind
    category = str(rule.body.get("category") or rule.body.get("check") or rule.kind)
    tags = tuple(dict.fromkeys((area, category)))
    text = [rule.summary, "", rule.description]
    markdown = [f"**{rule.summary}**", "", rule.description]
    entries = rule.body.get("entries") if rule.kind == "lexicon" else None
    if entries:
        text += ["", "Neutral alternatives:"]
        markdown += ["", "| term | instead |", "|---|---|"]
        for entry in entries[:40]:
            text.append(f"- {entry['term']} -> {entry['suggestion']}")
            cells = (str(entry[k]).replace("|", "\\|") for k in ("term", "suggestion"))
            markdown.append("| {} | {} |".format(*cells))
    text += ["", f"Source: {rule.source}"]
    markdown += ["", f"Source: {rule.source}" + (f" ({rule.link})" if rule.link else "")]
    return RuleInfo(
        id=rule.id,
        name=rule.name,
        severity=rule.severity,
        summary=rule.summary,
        description=rule.description,
        kind=rule.kind,
        tags=tags,
        help="\n".join(text),
        help_markdown="\n".join(markdown),
        link=rule.link,
        source=rule.source,
    )
