"""Analyse many articles in worker processes, results in input order.

One article takes a few milliseconds of pure-Python work, so a folder of hundreds of
drafts is CPU-bound and the GIL rules out threads. :func:`map_articles` reads and
analyses each path with :func:`factcheck.api.analyze_path` and hands the Analysis to a
*task* that turns it into what the caller keeps (a JSON line, a rendered summary, a
CI file report). The task runs where the analysis ran, so only that compact result
crosses the process boundary, never an Analysis.

How the pool is set up, and why:

- the parent analyses the first article itself: that builds the run's compiled
  matchers and lexicon tables in ``ctx.cache``, which forked workers then inherit
  instead of each building its own;
- the Context and the task reach the workers once, through the pool initializer
  (free under ``fork``; pickled once per worker otherwise, compiled cache left
  behind), and the paths go out in chunks, so IPC is a few small messages;
- results come back in input order (``Executor.map``); the first bad input, in that
  order, is raised in the parent as the same one-line :class:`FactcheckError`, so a
  command that writes only after reading everything still writes nothing; a caller
  that carries on past bad inputs (``check``) passes ``on_error`` instead, which
  turns an unreadable article's InputError into a result of its own;
- Ctrl-C belongs to the parent (workers ignore SIGINT); pending chunks are cancelled.

Below :data:`PARALLEL_MIN_FILES` inputs (or with ``jobs=1``, or when a path is ``-``,
stdin) everything runs in this process: starting workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from factcheck import errors
from factcheck.context import Context
from factcheck.errors import FactcheckError, InputError
from factcheck.model import Analysis

R = TypeVar("R")
Task = Callable[[Analysis, Context], R]
OnError = Callable[[str, InputError], R]

PARALLEL_MIN_FILES = 20  # fewer inputs than this run in one process
MAX_CHUNK = 16  # paths per message: small enough that no worker idles long at the end
GC_THRESHOLD = 10_000  # allocations between young-generation collections, in workers

_WORKER: dict[str, Any] = {}  # set once per worker process by _init_worker, nowhere else


def worker_count(n_items: int, jobs: int | None = None) -> int:
    """How many processes: ``jobs`` if given (0: one per usable CPU), else one per CPU for many.

    ``--jobs 0`` means "one per CPU" in every command, as it does for ``report``.
    """
    if jobs == 0:
        return max(1, min(available_cpus(), n_items))
    if jobs is not None:
        return max(1, min(jobs, n_items))
    if n_items < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(available_cpus(), n_items // 4))


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask, where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def map_articles(
    paths: Sequence[str],
    ctx: Context,
    task: Task[R],
    *,
    jobs: int | None = None,
    on_error: OnError[R] | None = None,
) -> Iterator[R]:
    """``task(analysis, ctx)`` for each article of ``paths``, yielded in input order.

    ``task`` must be picklable (a module-level function, or a ``functools.partial`` of
    one) and should return something small. Raises the first input's FactcheckError,
    unless ``on_error`` is given: then an unreadable article (InputError) yields
    ``on_error(path, error)`` in its place and the others are still analysed.
    """
    workers = 1 if "-" in paths else worker_count(len(paths), jobs)
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield _one_here(path, ctx, task, on_error)
        return
    yield _one_here(paths[0], ctx, task, on_error)  # warms ctx.cache before the fork
    yield from _in_workers(paths[1:], ctx, task, workers, on_error)


def _one_here(path: str, ctx: Context, task: Task[R], on_error: OnError[R] | None) -> R:
    """One article in this process; its InputError goes to ``on_error`` when there is one."""
    from factcheck.api import analyze_path

    try:
        return task(analyze_path(path, ctx=ctx), ctx)
    except InputError as exc:
        if on_error is None:
            raise
        return on_error(path, exc)


def _in_workers(
    paths: Sequence[str], ctx: Context, task: Task[R], workers: int, on_error: OnError[R] | None
) -> Iterator[R]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    mp = multiprocessing.get_context("fork" if "fork" in methods else None)
    shipped = ctx if mp.get_start_method() == "fork" else Context(ctx.ruleset, ctx.options)
    chunk = max(1, min(MAX_CHUNK, len(paths) // (workers * 8)))
    # What the workers inherit (rules, matchers, lexicons) is never garbage: keep their
    # collector off it (and its writes off the shared copy-on-write pages) until the end.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=mp, initializer=_init_worker, initargs=(shipped, task)
        ) as pool:
            try:
                results = pool.map(_run_one, paths, chunksize=chunk)
                for path, item in zip(paths, results, strict=True):
                    if not isinstance(item, _Failed):
                        yield item
                        continue
                    error = item.error()
                    if on_error is None or not isinstance(error, InputError):
                        raise error
                    yield on_error(path, error)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    finally:
        gc.unfreeze()


def _init_worker(ctx: Context, task: Task[Any]) -> None:
    import signal
    from multiprocessing.util import Finalize

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's (exit 130)
    # An article makes few reference cycles: collect young objects less often (about
    # 2% of a worker's time goes to the collector at the default threshold of 700).
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    _WORKER["ctx"] = ctx
    _WORKER["task"] = task
    # Workers end with os._exit (no atexit): save what they compiled at pool shutdown.
    Finalize(None, _save_compiled, args=(ctx,), exitpriority=10)


def _save_compiled(ctx: Context) -> None:
    from factcheck.textutil.regexcache import STORE_KEY

    store = ctx.cache.get(STORE_KEY)
    if store is not None:
        store.save()


def _run_one(path: str) -> Any:
    from factcheck.api import analyze_path

    ctx: Context = _WORKER["ctx"]
    try:
        return _WORKER["task"](analyze_path(path, ctx=ctx), ctx)
    except FactcheckError as exc:
        return _Failed.of(exc)


@dataclass(frozen=True, slots=True)
class _Failed:
    """A user error in a worker, carried back as data (our exceptions do not pickle)."""

    kind: str
    message: str
    exit_code: int

    @classmethod
    def of(cls, exc: FactcheckError) -> _Failed:
        return cls(type(exc).__name__, str(exc), int(exc.exit_code))

    def error(self) -> FactcheckError:
        """The same class, one-line message and exit code as the worker's exception."""
        kind = getattr(errors, self.kind, FactcheckError)
        if not (isinstance(kind, type) and issubclass(kind, FactcheckError)):
            kind = FactcheckError
        exc = kind.__new__(kind)
        FactcheckError.__init__(exc, self.message)
        exc.exit_code = errors.ExitCode(self.exit_code)
        return exc


# Tasks of ``factcheck analyze`` (module-level, so that they pickle) ----------------------


def json_line(analysis: Analysis, ctx: Context) -> str:
    """One JSON Lines record: the result contract (:func:`factcheck.render.result_dict.to_dict`)."""
    from factcheck.render.result_dict import to_json

    return to_json(analysis) + "\n"


def text_summary(analysis: Analysis, ctx: Context) -> str:
    """The readable summary of one article (``--format text``)."""
    from factcheck.render.summary import render_summary

    return render_summary(analysis)


def with_warnings(
    render: Task[str], analysis: Analysis, ctx: Context
) -> tuple[str, tuple[str, ...]]:
    """``render``'s output and the document's reading warnings ("read as Windows-1252").

    Workers send both back, so the command can print the warnings on stderr: a guessed
    encoding changes curly quotes silently, and the user should hear of it. Each
    warning already names its file.
    """
    return render(analysis, ctx), analysis.document.warnings
