"""The ``factcheck check``, ``baseline`` and ``init`` commands: factcheck in CI.

``register(app)`` is called at the end of :mod:`factcheck.cli`. Only typer is
imported at module level: the pipeline, the CI package and the renderers load inside
the commands, so ``factcheck --help`` stays fast. The exit code is decided here and
nowhere else.
"""

from __future__ import annotations

import os
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])

CHECK_EXIT_CODES = (
    "Exit codes: 0 no finding at or above the --fail-on level; 1 findings at or above it; "
    "2 usage, configuration, rule-file or input error; 3 internal error; 130 interrupted."
)
BASELINE_EXIT_CODES = (
    "Exit codes: 0 the baseline was written; 2 usage, configuration, rule-file or input "
    "error (nothing written); 3 internal error; 130 interrupted."
)
DEFAULT_BASELINE = ".factcheck-baseline.json"

FormatOpt = Annotated[
    str,
    typer.Option(
        "--format", "-f", help="text, json, sarif, github, gitlab (Code Quality) or junit."
    ),
]
FailOnOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 on findings at or above: error, warning, info or never "
        "(default: the config's fail_on, else error).",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Configuration file (default: nearest factcheck.toml or pyproject.toml)."
    ),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option("--baseline", help="Report only findings not accepted in this baseline file."),
]
ChangedOpt = Annotated[
    str | None,
    typer.Option(
        "--changed-since", metavar="REF", help="Only findings on lines changed since a git ref."
    ),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]


def register(app: typer.Typer) -> None:
    """Add ``check``, ``baseline`` and ``init`` to the main app."""
    from factcheck.cli import (
        DisableOpt,
        InputFormatOpt,
        JobsOpt,
        MaxBytesOpt,
        PathsArg,
        RulesOpt,
        SeverityOpt,
        SideOpt,
        SidesFileOpt,
        build_options,
        emit,
        fail,
        handles_errors,
        vet_output,
        warn,
    )
    from factcheck.errors import ExitCode
    from factcheck.textutil.plural import counted

    shared = {
        "DisableOpt": DisableOpt,
        "InputFormatOpt": InputFormatOpt,
        "JobsOpt": JobsOpt,
        "MaxBytesOpt": MaxBytesOpt,
        "PathsArg": PathsArg,
        "RulesOpt": RulesOpt,
        "SeverityOpt": SeverityOpt,
        "SideOpt": SideOpt,
        "SidesFileOpt": SidesFileOpt,
    }

    def resolved(func: F) -> F:
        """Evaluate the string annotations now: the shared option types are local here."""
        func.__annotations__ = typing.get_type_hints(func, localns=shared, include_extras=True)
        return func

    def prepare(  # type: ignore[no-untyped-def]
        paths, config, rules, disable, severity, fail_on, baseline, input_format, max_bytes, sides
    ):
        """Merge configuration and options; ``sides`` is (--side values, --sides file)."""
        from factcheck.ci.config import FAIL_LEVELS, resolve_config
        from factcheck.ci.run import merge_settings

        if fail_on is not None and fail_on not in FAIL_LEVELS:
            raise fail(f"--fail-on must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}")
        cfg = resolve_config(paths, config)
        settings = merge_settings(
            cfg,
            rules=rules or (),
            disable=disable or (),
            severity=severity or (),
            fail_on=fail_on,
            baseline=baseline,
        )
        options = build_options(
            list(settings.rules),
            list(settings.disable),
            settings.severity_args(),
            input_format,
            [*settings.side_args(), *(sides[0] or ())],
            sides[1],
            max_bytes,
            enable=settings.enable,
            thresholds=cfg.thresholds,
        )
        return settings, options

    @app.command(epilog=CHECK_EXIT_CODES)
    @handles_errors
    @resolved
    def check(
        paths: PathsArg,
        output_format: FormatOpt = "text",
        fail_on: FailOnOpt = None,
        config: ConfigOpt = None,
        baseline: BaselineOpt = None,
        changed_since: ChangedOpt = None,
        jobs: JobsOpt = None,
        rules: RulesOpt = None,
        disable: DisableOpt = None,
        severity: SeverityOpt = None,
        output: OutputOpt = None,
        input_format: InputFormatOpt = None,
        side: SideOpt = None,
        sides_file: SidesFileOpt = None,
        max_bytes: MaxBytesOpt = 5_000_000,
    ) -> None:
        """Check drafts in CI: findings with positions, in a format your CI reads.

        Configuration comes from factcheck.toml (or [tool.factcheck] in pyproject.toml)
        found by walking up from the first path. Inline suppressions:
        <!-- factcheck-disable RULE --> ... <!-- factcheck-enable -->,
        <!-- factcheck-disable-next-line RULE -->, <!-- factcheck-disable-line RULE -->.

        \b
        Examples:
          factcheck check drafts/
          factcheck check drafts/ --format sarif -o factcheck.sarif --fail-on warning
          factcheck check drafts/ --baseline .factcheck-baseline.json --changed-since origin/main
        """
        from factcheck.ci.run import run_check
        from factcheck.render.ci_formats import FORMATS, render

        if output_format not in FORMATS:
            raise fail(f"--format must be one of {', '.join(FORMATS)}, not {output_format!r}")
        vet_output(output)
        settings, options = prepare(
            paths,
            config,
            rules,
            disable,
            severity,
            fail_on,
            baseline,
            input_format,
            max_bytes,
            (side, sides_file),
        )
        result = run_check(
            paths, settings, options, changed_since=changed_since, jobs=jobs, use_baseline=True
        )
        color = (
            output_format == "text"
            and output is None
            and sys.stdout.isatty()
            and "NO_COLOR" not in os.environ
        )
        emit(render(result, output_format, color=color), output)
        for warning in result.warnings:
            warn(warning)
        if result.stale:
            stale = counted(len(result.stale), "stale baseline entry", "stale baseline entries")
            typer.echo(
                f"factcheck: {stale} (no longer found; "
                "refresh the file with 'factcheck baseline'):",
                err=True,
            )
            for entry in result.stale:
                typer.echo(f"  {entry.path}:{entry.line}: {entry.rule} “{entry.match}”", err=True)
        if output_format != "text" and output is not None:
            from factcheck.ci.results import summary_line

            typer.echo(summary_line(result), err=True)
        for error in result.errors:
            typer.echo(f"factcheck: error: {error}", err=True)
        raise typer.Exit(int(exit_code(result)))

    def exit_code(result: Any) -> ExitCode:
        """2 when a file could not be read (the others were still checked), else by --fail-on."""
        if result.errors:
            return ExitCode.USAGE
        return ExitCode.FINDINGS if result.failing() else ExitCode.OK

    @app.command("baseline", epilog=BASELINE_EXIT_CODES)
    @handles_errors
    @resolved
    def baseline_command(
        paths: PathsArg,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help=f"Baseline file to write (default: the config's baseline, else "
                f"{DEFAULT_BASELINE}).",
            ),
        ] = None,
        config: ConfigOpt = None,
        jobs: JobsOpt = None,
        rules: RulesOpt = None,
        disable: DisableOpt = None,
        severity: SeverityOpt = None,
        input_format: InputFormatOpt = None,
        side: SideOpt = None,
        sides_file: SidesFileOpt = None,
        max_bytes: MaxBytesOpt = 5_000_000,
    ) -> None:
        """Accept today's findings: write them to a baseline file for 'check --baseline'.

        Findings are matched by fingerprint (rule, matched text and sentence), so they
        stay accepted when lines move; a rewritten sentence is a new finding.

        \b
        Examples:
          factcheck baseline drafts/ -o .factcheck-baseline.json
        """
        from factcheck.ci.baseline import dump_baseline
        from factcheck.ci.run import baseline_entries, run_check
        from factcheck.render.files import write_output

        settings, options = prepare(
            paths,
            config,
            rules,
            disable,
            severity,
            "never",
            None,
            input_format,
            max_bytes,
            (side, sides_file),
        )
        target = output or settings.config.baseline or Path(DEFAULT_BASELINE)
        vet_output(target)
        result = run_check(paths, settings, options, jobs=jobs, use_baseline=False)
        if result.errors:  # a baseline missing a file's findings would hide them later
            for error in result.errors:
                typer.echo(f"factcheck: error: {error}", err=True)
            unread = counted(len(result.errors), "file")
            raise fail(f"no baseline written: {unread} could not be read")
        entries = baseline_entries(result.files, target)
        write_output(target, dump_baseline(entries, result.version).encode("utf-8"))
        typer.echo(
            f"wrote {counted(len(entries), 'accepted finding')} "
            f"from {counted(len(result.files), 'file')} to {target}"
        )

    @app.command("init")
    @handles_errors
    @resolved
    def init(
        directory: Annotated[
            Path, typer.Argument(help="Folder to write factcheck.toml into.")
        ] = Path("."),
        force: Annotated[
            bool, typer.Option("--force", help="Overwrite an existing factcheck.toml.")
        ] = False,
    ) -> None:
        """Write a commented starter factcheck.toml for 'factcheck check'.

        \b
        Examples:
          factcheck init
        """
        from factcheck.ci.config import CONFIG_NAME
        from factcheck.ci.template import STARTER_CONFIG
        from factcheck.render.files import write_output

        if not directory.is_dir():
            raise fail(f"{directory}: no such folder")
        target = directory / CONFIG_NAME
        if target.exists() and not force:
            raise fail(f"{target} already exists (pass --force to overwrite it)")
        write_output(target, STARTER_CONFIG.encode("utf-8"))
        typer.echo(f"wrote {target}")
