"""The ``factcheck report`` command: one PDF (and/or HTML) report per article.

Each article is analysed, turned into plain template data, rendered to HTML and
laid out as a PDF; files are written atomically, so a report on disk is always
complete. A failed article does not stop the others: it is listed on stderr at the
end and the exit code is 1. Bad usage (unknown format, missing path, broken
template or rule files) stops before anything is written, with exit code 2.

``--jobs N`` renders in N worker processes. WeasyPrint keeps font and layout
caches that are never given back, so each worker is replaced after
:data:`TASKS_PER_WORKER` articles; workers fork from a server process that has
already imported WeasyPrint and the pipeline, so a fresh worker starts in
milliseconds, not the second a cold import takes.

Heavy modules are imported inside functions so that ``factcheck --help`` stays fast.
This module does not use ``from __future__ import annotations``: typer evaluates the
command's annotations in the module's globals, and the shared option types are
imported inside :func:`register` (importing them at the top would be a cycle).
"""

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from factcheck.context import Context
    from factcheck.model import Analysis, Document

FORMATS = {"pdf": ("pdf",), "html": ("html",), "both": ("pdf", "html")}
TASKS_PER_WORKER = 25
PRELOAD = (
    "weasyprint",
    "factcheck.api",
    "factcheck.render.pdf",
    "factcheck.render.html",
    "factcheck.render.report_context",
)


@dataclass(frozen=True, slots=True)
class Job:
    """One article to report on; ``document`` is set when it was read from stdin."""

    index: int
    path: str
    stem: str
    document: "Document | None" = None


@dataclass(slots=True)
class Outcome:
    index: int
    path: str
    written: list[str] = field(default_factory=list)
    error: str | None = None
    peak_rss_kb: int = 0


@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker needs besides the article: the same for the whole run."""

    out_dir: Path
    formats: tuple[str, ...]
    template_dir: Path


class Reporter:
    """Analyse, render and write one article at a time; one per process."""

    def __init__(self, ctx: "Context", settings: Settings) -> None:
        from factcheck.render.html import HtmlRenderer

        self.ctx = ctx
        self.settings = settings
        self.html = HtmlRenderer(settings.template_dir)
        self.rule_names = {r.id: (r.name, r.summary) for r in ctx.ruleset}

    def render(self, analysis: "Analysis") -> dict[str, bytes]:
        """The report files of one analysed article, by extension."""
        import json

        from factcheck.render.report_context import build_context
        from factcheck.render.result_dict import to_dict

        context = build_context(
            analysis, rule_names=self.rule_names, thresholds=self.ctx.options.thresholds
        )
        html = self.html.render(context)
        out: dict[str, bytes] = {}
        if "html" in self.settings.formats:
            out["html"] = html.encode("utf-8")
        if "pdf" in self.settings.formats:
            from factcheck.render.pdf import render_pdf

            result = json.dumps(to_dict(analysis), ensure_ascii=False, indent=1)
            out["pdf"] = render_pdf(
                html, template_dir=self.settings.template_dir, result_json=result
            )
        return out

    def run(self, job: Job) -> Outcome:
        """Report on one article; any error is caught and returned, never raised."""
        from factcheck.api import analyze_document
        from factcheck.errors import FactcheckError
        from factcheck.ingest import read_document
        from factcheck.render.files import write_atomic

        outcome = Outcome(job.index, job.path)
        try:
            document = job.document or read_document(job.path, self.ctx.options)
            files = self.render(analyze_document(document, self.ctx))
            for ext in self.settings.formats:
                target = self.settings.out_dir / f"{job.stem}.{ext}"
                write_atomic(target, files[ext])
                outcome.written.append(str(target))
        except FactcheckError as exc:
            outcome.error = str(exc)
        except Exception as exc:
            if os.environ.get("FACTCHECK_DEBUG"):
                import traceback

                outcome.error = traceback.format_exc()
            else:
                outcome.error = (
                    f"internal error: {type(exc).__name__}: {exc} (this is a bug; rerun with "
                    "FACTCHECK_DEBUG=1 for a traceback and report it)"
                )
        outcome.peak_rss_kb = _peak_rss_kb()
        return outcome


def _peak_rss_kb() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


# The one Reporter of a worker process, set by the pool initializer. Process-local by
# construction: ProcessPoolExecutor has no other way to keep state between tasks.
_WORKER: dict[str, Reporter] = {}


def _init_worker(ctx: "Context", settings: Settings) -> None:
    _WORKER["reporter"] = Reporter(ctx, settings)


def _run_in_worker(job: Job) -> Outcome:
    return _WORKER["reporter"].run(job)


def output_stems(paths: list[str]) -> list[str]:
    """One output name per article: the file stem, numbered when two articles share it."""
    stems: list[str] = []
    seen: dict[str, int] = {}
    for path in paths:
        stem = "stdin" if path == "-" else Path(path).stem or "article"
        count = seen.get(stem, 0) + 1
        seen[stem] = count
        stems.append(stem if count == 1 else f"{stem}-{count}")
    return stems


class Progress:
    """``[12/100] name`` on one stderr line, redrawn; silent when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.enabled = total > 1 and sys.stderr.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        if self.enabled:
            line = f"[{self.done}/{self.total}] {label}"[:78]
            sys.stderr.write(f"\r\033[K{line}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def run_jobs(jobs: list[Job], ctx: "Context", settings: Settings, workers: int) -> list[Outcome]:
    """Report on every job, in ``workers`` processes (1: in this process); input order."""
    progress = Progress(len(jobs))
    outcomes: list[Outcome] = []
    try:
        if workers <= 1 or len(jobs) <= 1:
            reporter = Reporter(ctx, settings)
            for job in jobs:
                outcomes.append(reporter.run(job))
                progress.step(job.path)
        else:
            outcomes = _run_pool(jobs, ctx, settings, workers, progress)
    finally:
        progress.close()
    return sorted(outcomes, key=lambda o: o.index)


def _run_pool(
    jobs: list[Job], ctx: "Context", settings: Settings, workers: int, progress: Progress
) -> list[Outcome]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from factcheck.context import Context as Ctx

    mp = multiprocessing.get_context("forkserver")
    mp.set_forkserver_preload(list(PRELOAD))
    clean = Ctx(ruleset=ctx.ruleset, options=ctx.options)  # no per-run caches in the pickle
    outcomes = []
    with ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)),
        mp_context=mp,
        initializer=_init_worker,
        initargs=(clean, settings),
        max_tasks_per_child=TASKS_PER_WORKER,
    ) as pool:
        futures = {pool.submit(_run_in_worker, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # a worker died (out of memory, killed)
                outcome = Outcome(job.index, job.path, error=f"worker failed: {exc!r}")
            outcomes.append(outcome)
            progress.step(job.path)
    return outcomes


def register(app: typer.Typer) -> None:
    """Add the ``report`` command to the main app."""
    from factcheck.cli import (
        DisableOpt,
        InputFormatOpt,
        MaxBytesOpt,
        RulesOpt,
        SeverityOpt,
        SideOpt,
        SidesFileOpt,
        build_options,
        fail,
        handles_errors,
    )

    @app.command()
    @handles_errors
    def report(
        paths: Annotated[
            list[str], typer.Argument(help="Articles, folders or globs; '-' for stdin.")
        ],
        output_dir: Annotated[
            Path, typer.Option("--output", "-o", help="Folder for the reports.")
        ] = Path("reports"),
        output_format: Annotated[
            str, typer.Option("--format", "-f", help="pdf, html or both.")
        ] = "pdf",
        template: Annotated[
            Path | None,
            typer.Option(
                "--template", help="Template folder replacing the bundled report_templates/."
            ),
        ] = None,
        jobs: Annotated[
            int, typer.Option("--jobs", "-j", help="Worker processes (0: one per CPU).")
        ] = 1,
        rules: RulesOpt = None,
        disable: DisableOpt = None,
        severity: SeverityOpt = None,
        input_format: InputFormatOpt = None,
        side: SideOpt = None,
        sides_file: SidesFileOpt = None,
        max_bytes: MaxBytesOpt = 5_000_000,
    ) -> None:
        """Write an editor's report (PDF and/or HTML) for each article.

        Reports are named after the article: reports/<article>.pdf. A failed
        article is reported at the end and makes the exit code 1.

        Example:
            factcheck report article.md

            factcheck report drafts/ -o reports/ --format both --jobs 2

        """
        from factcheck.api import expand_paths, make_context
        from factcheck.ingest import read_document
        from factcheck.render.html import HtmlRenderer

        if output_format not in FORMATS:
            raise fail(f"--format must be pdf, html or both, not {output_format!r}")
        if jobs < 0:
            raise fail(f"--jobs must be 0 (one per CPU) or more, not {jobs}")
        workers = jobs or os.cpu_count() or 1
        renderer = HtmlRenderer(template)  # checks the folder and its entry template now
        renderer.check()
        options = build_options(rules, disable, severity, input_format, side, sides_file, max_bytes)
        ctx = make_context(options)
        found = expand_paths(paths)
        if found.count("-") > 1:
            raise fail("'-' (stdin) can be given only once")
        stems = output_stems(found)
        job_list = [
            Job(i, path, stem, read_document(path, options) if path == "-" else None)
            for i, (path, stem) in enumerate(zip(found, stems, strict=True))
        ]
        settings = Settings(output_dir, FORMATS[output_format], renderer.template_dir)
        outcomes = run_jobs(job_list, ctx, settings, workers)
        for outcome in outcomes:
            for written in outcome.written:
                typer.echo(written)
        failed = [o for o in outcomes if o.error]
        if failed:
            typer.echo(f"factcheck: {len(failed)} of {len(outcomes)} reports failed:", err=True)
            for o in failed:
                typer.echo(f"  {o.path}: {o.error}", err=True)
            from factcheck.errors import ExitCode

            raise typer.Exit(int(ExitCode.FINDINGS))
