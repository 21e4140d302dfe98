"""The ``factcheck`` command: a thin layer over :mod:`factcheck.api` and the renderers.

Exit codes (also in ``factcheck --help`` and the README):
0 nothing at or above the fail level; 1 findings at or above it (``check``) or a
failed article (``report``); 2 usage, configuration, rule-file or input error;
3 internal error (a bug: please report it); 130 interrupted.

Only this module turns exceptions into messages and exit codes; heavy libraries
(WeasyPrint, textstat, the pipeline itself) are imported inside the commands so that
``factcheck --help`` starts fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from factcheck import __version__
from factcheck.errors import ExitCode, FactcheckError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES_HELP = (
    "Exit codes: 0 nothing at or above the fail level; 1 findings at or above it (check) "
    "or a failed article (report); 2 usage, configuration, rule-file or input error; "
    "3 internal error; 130 interrupted."
)

app = typer.Typer(
    name="factcheck",
    help="Check news copy for numeric claims, loaded language and who gets to speak.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(
    help="List, explain and test rule files.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(rules_app, name="rules")


def fail(message: str, code: ExitCode = ExitCode.USAGE) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    typer.echo(f"factcheck: error: {message}", err=True)
    return typer.Exit(int(code))


def warn(message: str) -> None:
    """Print one warning line on stderr (a problem that did not stop the run)."""
    typer.echo(f"factcheck: warning: {message}", err=True)


def handles_errors(func: F) -> F:
    """Map our exceptions to one stderr line and a documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FactcheckError as exc:
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted", ExitCode.INTERRUPTED) from None
        except BrokenPipeError:
            # A closed pipe (`factcheck analyze ... | head`) is not an error.
            sys.stderr.close()
            raise typer.Exit(int(ExitCode.OK)) from None
        except typer.Exit:
            raise
        except Exception as exc:
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            raise fail(
                f"internal error: {type(exc).__name__}: {exc} "
                "(this is a bug; rerun with FACTCHECK_DEBUG=1 for a traceback and report it)",
                ExitCode.INTERNAL,
            ) from None

    return wrapper  # type: ignore[return-value]


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Check news copy for numeric claims, loaded language and who gets to speak."""


# Shared options -----------------------------------------------------------------------

RulesOpt = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="Extra rule directory (repeatable); same ids replace."),
]
DisableOpt = Annotated[
    list[str] | None,
    typer.Option("--disable", help="Turn a rule off by id or prefix (repeatable)."),
]
SeverityOpt = Annotated[
    list[str] | None,
    typer.Option("--severity", help="Set a rule's severity: ID=error|warning|info (repeatable)."),
]
InputFormatOpt = Annotated[
    str | None,
    typer.Option("--input-format", help="text, markdown, html or docx (required for stdin '-')."),
]
SideOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--side",
        help="Define a side: NAME=alias,alias (repeatable; the same NAME again adds aliases).",
    ),
]
SidesFileOpt = Annotated[
    Path | None, typer.Option("--sides", help="YAML file mapping side names to aliases.")
]
PathsArg = Annotated[
    list[str],
    typer.Argument(metavar="PATH...", help="Articles, folders or globs; '-' for stdin."),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        help="Worker processes (0: one per CPU; default: one per CPU for 20 files or more).",
    ),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.")
]


def build_options(
    rules: list[Path] | None = None,
    disable: list[str] | None = None,
    severity: list[str] | None = None,
    input_format: str | None = None,
    side: list[str] | None = None,
    sides_file: Path | None = None,
    max_bytes: int | None = None,
    **extra: Any,
) -> Any:
    """Turn command-line values into :class:`factcheck.context.Options`."""
    from factcheck.context import DEFAULT_MAX_BYTES, Options
    from factcheck.errors import ConfigError

    if input_format is not None:  # a usage error once, not a read error per file
        from factcheck.ingest import format_name

        format_name(input_format)
    severities: dict[str, str] = {}
    for item in severity or []:
        rule_id, sep, level = item.partition("=")
        if not sep:
            raise ConfigError(f"--severity {item!r}: expected ID=error|warning|info")
        severities[rule_id.strip()] = level.strip()
    return Options(
        rules_dirs=tuple(rules or ()),
        disable=tuple(disable or ()),
        severities=severities,
        input_format=input_format,
        max_bytes=max_bytes if max_bytes is not None else DEFAULT_MAX_BYTES,
        sides=parse_sides(side or ()),
        sides_file=sides_file,
        **extra,
    )


def parse_sides(items: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """``--side NAME=alias,alias`` values by side; the same NAME again adds its aliases.

    Merged rather than replaced: keeping only the last would drop aliases silently.
    """
    from factcheck.errors import ConfigError

    sides: dict[str, tuple[str, ...]] = {}
    for item in items:
        name, sep, aliases = item.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"--side {item!r}: expected NAME=alias,alias")
        given = [a.strip() for a in aliases.split(",") if a.strip()]
        if not given:  # a side nothing can match would silently score as silent
            raise ConfigError(f"--side {item!r}: name at least one alias after '='")
        sides[name.strip()] = tuple(dict.fromkeys((*sides.get(name.strip(), ()), *given)))
    return sides


# analyze ------------------------------------------------------------------------------


@app.command()
@handles_errors
def analyze(
    paths: PathsArg,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="json (JSON Lines, one per article) or text.")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    rules: RulesOpt = None,
    disable: DisableOpt = None,
    severity: SeverityOpt = None,
    input_format: InputFormatOpt = None,
    side: SideOpt = None,
    sides_file: SidesFileOpt = None,
    max_bytes: MaxBytesOpt = 5_000_000,
    jobs: JobsOpt = None,
) -> None:
    """Analyse articles: numeric claims, loaded language, speakers and balance.

    \b
    Examples:
      factcheck analyze article.md
      factcheck analyze drafts/ --format text
    """
    from factcheck.api import analyze_each
    from factcheck.parallel import json_line, text_summary, with_warnings

    if output_format not in ("json", "text"):
        raise fail(f"--format must be json or text, not {output_format!r}")
    vet_output(output)
    options = build_options(rules, disable, severity, input_format, side, sides_file, max_bytes)
    render = json_line if output_format == "json" else text_summary
    task = functools.partial(with_warnings, render)
    # Everything is read and analysed before a byte is written: bad input writes nothing.
    results = list(analyze_each(paths, task, options, jobs=jobs))
    emit(("" if output_format == "json" else "\n").join(text for text, _ in results), output)
    for _, warnings in results:
        for warning in warnings:
            warn(warning)


def vet_output(output: Path | None) -> None:
    """Refuse a bad ``-o FILE`` (a folder, or under a file) before any work is done."""
    if output is not None:
        from factcheck.render.files import check_output_file

        check_output_file(output)


def emit(text: str, output: Path | None) -> None:
    """Write to stdout, or atomically to a file."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from factcheck.render.files import write_output

        write_output(output, text.encode("utf-8"))


# rules --------------------------------------------------------------------------------


@rules_app.command("list")
@handles_errors
def rules_list(rules: RulesOpt = None) -> None:
    """List every rule: id, kind, severity, summary.

    \b
    Examples:
      factcheck rules list
    """
    from factcheck.ruleset import load_ruleset

    for rule in load_ruleset(rules or ()):
        state = "" if rule.enabled else " (off)"
        typer.echo(
            f"{rule.id}  {rule.kind:<11} {rule.severity:<7} {rule.name}: {rule.summary}{state}"
        )


@rules_app.command("explain")
@handles_errors
def rules_explain(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="Rule id, e.g. LL001.")],
    rules: RulesOpt = None,
) -> None:
    """Explain one rule: what it flags, why, the neutral alternative, examples and source.

    \b
    Examples:
      factcheck rules explain LL001
    """
    from factcheck.render.explain import explain_rule
    from factcheck.ruleset import load_ruleset

    ruleset = load_ruleset(rules or ())
    rule = ruleset.get(rule_id.upper())
    if rule is None:
        raise fail(f"no rule has the id {rule_id!r}{unknown_rule_hint(rule_id, ruleset)}")
    typer.echo(explain_rule(rule))


def unknown_rule_hint(rule_id: str, ruleset: Any) -> str:
    """``; did you mean LL003?`` for a near miss, else where the id might come from.

    Only an id with the same letters (LL03 -> LL003) or a very close one is suggested:
    HSE001, from a house rule folder, is not a misspelt SIDE001.
    """
    import difflib
    import re

    wanted = rule_id.upper()
    ids = [r.id for r in ruleset]
    letters = re.match(r"[A-Z]*", wanted).group()  # type: ignore[union-attr]
    same = [i for i in ids if re.match(r"[A-Z]*", i).group() == letters]  # type: ignore[union-attr]
    close = difflib.get_close_matches(wanted, same, n=1, cutoff=0.6) or difflib.get_close_matches(
        wanted, ids, n=1, cutoff=0.8
    )
    if close:
        return f"; did you mean {close[0]}?"
    return (
        "; it is not a bundled rule: pass its folder with --rules DIR if it is your own, "
        "or see 'factcheck rules list'"
    )


@rules_app.command("test")
@handles_errors
def rules_test(
    directory: Annotated[
        Path | None, typer.Argument(help="Rule directory to test (default: the bundled rules).")
    ] = None,
) -> None:
    """Run every rule's examples: flag examples must match exactly, pass examples must not.

    \b
    Examples:
      factcheck rules test my-newsroom-rules/
    """
    from factcheck.ruletest import run_all_examples

    report = run_all_examples(directory)
    for line in report.lines:
        typer.echo(line)
    typer.echo(report.summary)
    if report.failed:
        raise typer.Exit(int(ExitCode.FINDINGS))


@rules_app.command("schema")
@handles_errors
def rules_schema() -> None:
    """Print the JSON Schema that every rule file is validated against."""
    import json

    from factcheck.ruleset import rule_schema

    typer.echo(json.dumps(rule_schema(), indent=2))


@rules_app.command("docs")
@handles_errors
def rules_docs(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    rules: RulesOpt = None,
) -> None:
    """Write the rule reference (Markdown) generated from the rule files.

    \b
    Examples:
      factcheck rules docs -o docs/rules.md
    """
    from factcheck import resources
    from factcheck.render.rule_docs import render_rule_docs
    from factcheck.ruleset import load_ruleset

    vet_output(output)
    emit(render_rule_docs(load_ruleset(rules or ()), bundled=resources.rules_dir()), output)


def _register_commands() -> None:
    from factcheck import cli_check, cli_report

    cli_report.register(app)
    cli_check.register(app)


_register_commands()


def main() -> None:
    """Console-script entry point: Click's usage errors become one line, like ours.

    Click would print the usage, a hint and the error on three lines; the README
    promises one line on stderr for every error, so the app runs in non-standalone
    mode and its usage errors are printed here. Help and exit codes are unchanged.
    """
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        raise SystemExit(fail("interrupted", ExitCode.INTERRUPTED).exit_code) from None
    except typer.TyperException as exc:  # Click's UsageError and friends
        raise SystemExit(usage_error_line(exc)) from None
    raise SystemExit(code if isinstance(code, int) else int(ExitCode.OK))


def usage_error_line(exc: Exception) -> int:
    """Print a Click error as one line naming the command's help; its exit code (2).

    A command run with no arguments shows its help (Click's NoArgsIsHelpError, whose
    message is the help text): that is shown as Click shows it.
    """
    _keep_close_suggestions(exc)
    format_message = getattr(exc, "format_message", None)
    message = format_message() if callable(format_message) else str(exc)
    show = getattr(exc, "show", None)
    if "\n" in message and callable(show):
        show()
        return int(getattr(exc, "exit_code", ExitCode.USAGE))
    command = getattr(getattr(exc, "ctx", None), "command_path", None)
    where = f" (see '{command} --help')" if command else ""
    typer.echo(f"factcheck: error: {message}{where}", err=True)
    return int(getattr(exc, "exit_code", ExitCode.USAGE))


def _keep_close_suggestions(exc: Exception) -> None:
    """Only suggest options whose names resemble the unknown one, dashes aside.

    Click compares option strings with their leading dashes, so any two long options
    share two characters and "--bogus" drew "Possible options: --jobs". Compared
    without them, "--jbos" still finds --jobs and "--formt" --format.
    """
    import difflib

    name = getattr(exc, "option_name", None)
    possibilities = getattr(exc, "possibilities", None)
    if not isinstance(name, str) or not possibilities:
        return
    typed = name.lstrip("-")
    exc.possibilities = [  # type: ignore[attr-defined]
        option
        for option in possibilities
        if difflib.SequenceMatcher(None, typed, option.lstrip("-")).ratio() >= 0.6
    ]
