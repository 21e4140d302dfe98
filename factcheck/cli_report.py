"""The ``factcheck report`` command: one PDF (and/or HTML) report per article.

This process reads and analyses every article and renders its HTML (milliseconds
each); PDF layout, the slow part, runs in worker processes (``--jobs``, one by
default). The workers are started first, so that WeasyPrint is imported and its
fonts loaded while the rules load and the articles are analysed: on a machine with
two cores, a single report costs the longer of the two, not their sum.

WeasyPrint keeps font and layout caches it never gives back, so a worker is
replaced after :data:`TASKS_PER_WORKER` reports. Workers fork from a server process
that has already imported WeasyPrint, so a fresh worker starts in milliseconds.

Files are written atomically, so a report on disk is always complete. A failed
article does not stop the others: it is listed on stderr at the end and the exit
code is 1. Bad usage (unknown format, missing path, broken template or rule files)
stops before anything is written, with exit code 2.

This module does not use ``from __future__ import annotations``: typer evaluates
the command's annotations in this module's globals, and the shared option types
are imported inside :func:`register` (importing them at the top would be a cycle).
Heavy modules are imported inside functions so that ``factcheck --help`` stays fast.
"""

import contextlib
import functools
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from factcheck.textutil.plural import counted

if TYPE_CHECKING:
    from collections.abc import Iterator
    from concurrent.futures import Future, ProcessPoolExecutor

    from factcheck.context import Context
    from factcheck.model import Analysis

FORMATS = {"pdf": ("pdf",), "html": ("html",), "both": ("pdf", "html")}
# A worker's memory levels off after about 20 news reports (131 MB, flat from 20 to 100
# in one process); replacing it costs a warm-up, so only a long run replaces workers.
TASKS_PER_WORKER = 100
AHEAD = 4  # PDFs queued per worker while this process analyses the next articles
# WeasyPrint, imported the fast way, and the command's module (each worker imports its
# main module: that is then free).
PRELOAD = ("factcheck.render.pdf_preload",)


@dataclass(slots=True)
class Outcome:
    """What became of one article: the files written, or why it failed."""

    index: int
    path: str
    written: list[str] = field(default_factory=list)
    error: str | None = None
    peak_rss_kb: int = 0
    warnings: tuple[str, ...] = ()  # the article's reading warnings (each names its file)


@dataclass(frozen=True, slots=True)
class PdfTask:
    """One PDF for a worker: everything it needs, as plain picklable data."""

    index: int
    path: str
    target: Path
    html: str
    result_json: str
    template_dir: Path


def build_report(analysis: "Analysis", ctx: "Context", html_renderer: Any) -> tuple[str, str]:
    """The report HTML and the result JSON of one analysed article."""
    from factcheck.render.report_context import build_context
    from factcheck.render.result_dict import to_json
    from factcheck.scoring.checks import applied_thresholds

    rule_names = ctx.compiled(
        "report.rule_names", lambda: {r.id: (r.name, r.summary) for r in ctx.ruleset}
    )
    thresholds = ctx.compiled("report.thresholds", lambda: applied_thresholds(ctx))
    context = build_context(analysis, rule_names=rule_names, thresholds=thresholds)
    html = html_renderer.render(context)
    # The attachment is the line `factcheck analyze` prints for this article.
    return html, to_json(analysis)


def describe_error(exc: BaseException) -> str:
    """One line for an article that failed; a traceback with FACTCHECK_DEBUG=1."""
    from factcheck.errors import FactcheckError

    if isinstance(exc, FactcheckError):
        return str(exc)
    if os.environ.get("FACTCHECK_DEBUG"):
        import traceback

        return "".join(traceback.format_exception(exc))
    return (
        f"internal error: {type(exc).__name__}: {exc} (this is a bug; rerun with "
        "FACTCHECK_DEBUG=1 for a traceback and report it)"
    )


def failure_line(outcome: Outcome) -> str:
    """``path: problem``; input errors already start with the path, so it is not repeated."""
    error = outcome.error or ""
    return error if error.startswith(f"{outcome.path}:") else f"{outcome.path}: {error}"


@functools.cache
def pdf_renderer(template_dir: Path) -> Any:
    """The PDF renderer of this process for one template folder (keeps parsed CSS, fonts)."""
    from factcheck.render.pdf import PdfRenderer

    return PdfRenderer(template_dir)


def render_pdf_task(task: PdfTask) -> Outcome:
    """Lay out one PDF and write it atomically (runs in a worker process)."""
    import resource

    from factcheck.render.files import write_output

    outcome = Outcome(task.index, task.path)
    try:
        with collector_paused():
            pdf = pdf_renderer(task.template_dir).render(task.html, result_json=task.result_json)
        write_output(task.target, pdf)
        outcome.written.append(str(task.target))
    except Exception as exc:
        outcome.error = describe_error(exc)
    outcome.peak_rss_kb = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return outcome


@contextlib.contextmanager
def collector_paused() -> "Iterator[None]":
    """The garbage collector off for one report's layout; that garbage goes at the next.

    Laying out a report allocates about a million objects, many in reference cycles
    (boxes point to their parents). The collector, run every 700 allocations, walks
    the live young layout objects again and again: about 8% of a worker's time.
    Paused, it leaves the report's garbage in the young generation, and one young
    collection before the next report frees it all (about 4% in all, measured with
    ``gc.callbacks``); a single report never waits for it.
    """
    import gc

    was_enabled = gc.isenabled()
    gc.collect(0)  # the previous report's garbage: all of it still young
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Serif, sans and mono, upright, bold and italic: the faces the bundled report uses.
WARM_UP_PAGE = (
    '<html lang="en"><head><title>warm-up</title></head><body>'
    '<p style="font-family: DejaVu Serif">a <b>b</b> <i>c</i></p>'
    '<p style="font-family: DejaVu Sans">a <b>b</b> <i>c</i></p>'
    '<p style="font-family: DejaVu Sans Mono">d</p></body></html>'
)


def warm_up(template_dir: Path) -> None:
    """Worker initializer: load fonts and layout code before the first report arrives.

    A tiny page rather than a whole report: it runs while this process is still
    loading rules and analysing, so it must finish first. Measured in instructions,
    it costs about 0.45 G and takes about 0.25 G off the first report; a full report
    as warm-up cost 1.65 G and left the worker, not the analysis, on the critical
    path. The template's stylesheets are parsed here too, so the first report finds
    them ready. Any error is left for the first real report, which reports it.

    Everything alive after the warm-up (WeasyPrint's modules, fonts and caches, about
    45,000 objects) lives as long as the worker, so it is moved out of the garbage
    collector's sight: its full collections no longer walk it (with the rule set
    loaded too, as in one process, that took the collector's share of layout from
    about 9% to 5%).
    """
    import gc

    with contextlib.suppress(Exception):
        renderer = pdf_renderer(template_dir)
        renderer.preload_stylesheets()
        renderer.render(WARM_UP_PAGE)
    gc.collect()
    gc.freeze()


def start_pool(workers: int, template_dir: Path) -> "ProcessPoolExecutor":
    """PDF workers forked from a server that has WeasyPrint imported; started now, warm soon."""
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    mp = multiprocessing.get_context("forkserver")
    mp.set_forkserver_preload(list(PRELOAD))
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=mp,
        initializer=warm_up,
        initargs=(template_dir,),
        max_tasks_per_child=TASKS_PER_WORKER,
    )
    # Start every worker now, not at the first real task, and from a thread: the
    # first start waits for the forkserver to import WeasyPrint (most of a second)
    # while this process goes on loading rules and analysing articles.
    threading.Thread(
        target=lambda: [pool.submit(int) for _ in range(workers)],
        name="factcheck-pdf-warm-up",
        daemon=True,
    ).start()
    return pool


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


@dataclass
class ReportRun:
    """One ``factcheck report`` run over a list of articles."""

    paths: list[str]
    ctx: "Context"
    out_dir: Path
    formats: tuple[str, ...]
    html_renderer: Any
    pool: "ProcessPoolExecutor | None" = None
    workers: int = 1

    def run(self) -> list[Outcome]:
        """Report on every article; outcomes in input order.

        At most :data:`AHEAD` PDFs per worker wait in the queue: each holds a page of
        HTML, and a folder of a thousand articles should not sit in memory at once.
        """
        progress = Progress(len(self.paths))
        outcomes: dict[int, Outcome] = {}
        pending: dict[Future[Outcome], Outcome] = {}
        limit = AHEAD * self.workers
        try:
            for index, (path, stem) in enumerate(
                zip(self.paths, output_stems(self.paths), strict=True)
            ):
                outcome = outcomes[index] = Outcome(index, path)
                task = self._prepare(outcome, stem)
                if task is None:
                    progress.step(path)
                elif self.pool is None:
                    self._merge(outcome, render_pdf_task(task))
                    progress.step(path)
                else:
                    pending[self.pool.submit(render_pdf_task, task)] = outcome
                    self._collect(pending, progress, keep=limit - 1)
            self._collect(pending, progress, keep=0)
        finally:
            progress.close()
        return [outcomes[i] for i in sorted(outcomes)]

    def _collect(
        self, pending: "dict[Future[Outcome], Outcome]", progress: Progress, keep: int
    ) -> None:
        """Wait for finished PDFs until no more than ``keep`` are outstanding."""
        from concurrent.futures import FIRST_COMPLETED, wait

        while len(pending) > keep:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                outcome = pending.pop(future)
                try:
                    self._merge(outcome, future.result())
                except Exception as exc:  # the worker died: out of memory, killed
                    outcome.error = f"PDF worker failed: {exc!r}"
                progress.step(outcome.path)

    def _prepare(self, outcome: Outcome, stem: str) -> PdfTask | None:
        """Analyse one article and write its HTML; the PDF task, if a PDF is wanted."""
        from factcheck.api import analyze_path
        from factcheck.errors import ConfigError
        from factcheck.render.files import write_output

        try:
            analysis = analyze_path(outcome.path, ctx=self.ctx)
            outcome.warnings = analysis.document.warnings  # printed after the progress line
            html, result_json = build_report(analysis, self.ctx, self.html_renderer)
            if "html" in self.formats:
                target = self.out_dir / f"{stem}.html"
                write_output(target, html.encode("utf-8"))
                outcome.written.append(str(target))
        except ConfigError:
            raise  # a broken template fails every article the same way: stop, exit 2
        except Exception as exc:
            outcome.error = describe_error(exc)
            return None
        if "pdf" not in self.formats:
            return None
        return PdfTask(
            outcome.index,
            outcome.path,
            self.out_dir / f"{stem}.pdf",
            html,
            result_json,
            self.html_renderer.template_dir,
        )

    @staticmethod
    def _merge(outcome: Outcome, rendered: Outcome) -> None:
        outcome.written.extend(rendered.written)
        outcome.error = outcome.error or rendered.error
        outcome.peak_rss_kb = rendered.peak_rss_kb


def register(app: typer.Typer) -> None:
    """Add the ``report`` command to the main app."""
    from factcheck.cli import (
        DisableOpt,
        InputFormatOpt,
        MaxBytesOpt,
        PathsArg,
        RulesOpt,
        SeverityOpt,
        SideOpt,
        SidesFileOpt,
        build_options,
        fail,
        handles_errors,
        warn,
    )

    @app.command()
    @handles_errors
    def report(
        paths: PathsArg,
        output_dir: Annotated[
            Path,
            typer.Option(
                "--output",
                "-o",
                help="Folder for the reports (created if missing); each report is named "
                "after its article, so a name ending in .pdf or .html is refused.",
            ),
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
            int, typer.Option("--jobs", "-j", help="PDF worker processes (0: one per CPU).")
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

        \b
        Examples:
          factcheck report article.md
          factcheck report drafts/ -o reports/ --format both --jobs 2
        """
        from factcheck.inputs import expand_paths
        from factcheck.render.files import check_output_dir
        from factcheck.render.html import check_template_dir

        if output_format not in FORMATS:
            raise fail(f"--format must be pdf, html or both, not {output_format!r}")
        if jobs < 0:
            raise fail(f"--jobs must be 0 (one per CPU) or more, not {jobs}")
        check_output_dir(output_dir)
        formats = FORMATS[output_format]
        template_dir = check_template_dir(template)
        found = expand_paths(paths)
        if found.count("-") > 1:
            raise fail("'-' (stdin) can be given only once")
        pool = None
        workers = min(jobs or os.cpu_count() or 1, len(found))
        if "pdf" in formats:  # first, so that workers warm up while the rules load
            pool = start_pool(workers, template_dir)
        # The pipeline is imported only now, while the PDF workers start.
        from factcheck.api import make_context
        from factcheck.errors import ExitCode
        from factcheck.render.html import HtmlRenderer

        try:
            html_renderer = HtmlRenderer(template_dir)
            html_renderer.check()  # a template syntax error stops the run: exit 2
            options = build_options(
                rules, disable, severity, input_format, side, sides_file, max_bytes
            )
            ctx = make_context(options)
            run = ReportRun(found, ctx, output_dir, formats, html_renderer, pool, workers)
            outcomes = run.run()
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        for outcome in outcomes:
            for written in outcome.written:
                typer.echo(written)
            for warning in outcome.warnings:
                warn(warning)
        failed = [o for o in outcomes if o.error]
        if failed:
            total = counted(len(outcomes), "report")
            typer.echo(f"factcheck: {len(failed)} of {total} failed:", err=True)
            for o in failed:
                typer.echo(f"  {failure_line(o)}", err=True)
            raise typer.Exit(int(ExitCode.FINDINGS))
