"""The library API: read an article, run the pipeline, return one :class:`Analysis`.

The pipeline is the explicit tuple :data:`STAGES`; each stage takes the analysis so
far and returns it with its own layer added::

    ingest -> segment -> boilerplate -> loaded -> claims -> attribution -> scoring -> findings

The CLI, the report and the CI checks are thin layers over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from factcheck import __version__
from factcheck.context import Context, Options
from factcheck.inputs import expand_paths
from factcheck.model import Analysis, Document
from factcheck.ruleset import RuleSet, load_ruleset

Stage = Callable[[Analysis, Context], Analysis]
R = TypeVar("R")


def stages() -> tuple[Stage, ...]:
    """The pipeline, in order. Imported here so that ``factcheck --help`` stays fast."""
    from factcheck import attribution, claims, findings, loaded, scoring, segment
    from factcheck.ingest import boilerplate

    return (
        segment.annotate,
        boilerplate.annotate,
        loaded.annotate,
        claims.annotate,
        attribution.annotate,
        scoring.annotate,
        findings.annotate,
    )


def make_context(options: Options | None = None, ruleset: RuleSet | None = None) -> Context:
    """Load the rules named by ``options`` once, for any number of documents."""
    options = options or Options()
    if ruleset is None:
        ruleset = load_ruleset(options.rules_dirs).configured(
            disable=options.disable, enable=options.enable, severities=options.severities
        )
    return Context(ruleset=ruleset, options=options)


def analyze_document(document: Document, ctx: Context) -> Analysis:
    """Run every stage over an already-read document."""
    analysis = Analysis(
        document=document,
        ruleset_digest=ctx.ruleset.digest,
        versions={"factcheck": __version__},
    )
    for stage in stages():
        analysis = stage(analysis, ctx)
    return analysis


def analyze_text(
    text: str,
    *,
    path: str = "<text>",
    input_format: str = "text",
    options: Options | None = None,
    ctx: Context | None = None,
) -> Analysis:
    """Analyse a string (plain text by default; ``input_format='markdown'`` for drafts)."""
    from factcheck.ingest import document_from_text

    ctx = ctx or make_context(options)
    return analyze_document(document_from_text(text, path=path, input_format=input_format), ctx)


def analyze_path(
    path: str | Path, *, ctx: Context | None = None, options: Options | None = None
) -> Analysis:
    """Read and analyse one article file (``-`` reads stdin)."""
    from factcheck.ingest import read_document

    ctx = ctx or make_context(options)
    return analyze_document(read_document(str(path), ctx.options), ctx)


def analyze(paths: Sequence[str | Path], options: Options | None = None) -> Iterator[Analysis]:
    """Analyse every article named by ``paths`` (files, folders, globs), in input order.

    This is the function scripts should call: it yields one :class:`Analysis` per
    article and raises :class:`factcheck.errors.InputError` for the first bad input.
    """
    ctx = make_context(options)
    for path in expand_paths(paths):
        yield analyze_path(path, ctx=ctx)


def analyze_each(
    paths: Sequence[str | Path],
    task: Callable[[Analysis, Context], R],
    options: Options | None = None,
    *,
    jobs: int | None = None,
    ctx: Context | None = None,
) -> Iterator[R]:
    """``task(analysis, ctx)`` for every article named by ``paths``, in input order.

    For many inputs the articles are analysed in worker processes (``jobs``; default
    one per CPU from :data:`factcheck.parallel.PARALLEL_MIN_FILES` files on) and only
    the task's result comes back, so ``task`` must be picklable and return something
    small (see :mod:`factcheck.parallel`). Raises the first bad input's InputError.
    """
    from factcheck.parallel import map_articles

    ctx = ctx or make_context(options)
    yield from map_articles(expand_paths(paths), ctx, task, jobs=jobs)
