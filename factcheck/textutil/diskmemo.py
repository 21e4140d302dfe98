"""Derived tables kept on disk between runs: built once, then read back in milliseconds.

Some per-run tables cost more to build than a short draft costs to analyse: every
inflected form of the lexicon (0.1 s), the CMU syllable table and textstat's and
pyphen's data (0.3 s with their imports). They depend only on rule files, installed
packages and factcheck's own code, so :func:`cached` keeps each one in a marshal
file in factcheck's cache directory (beside the rule cache) under a key made of:

- the caller's ``key`` (rule contents, file sizes and times of the data used...);
- the source text of the ``sources`` modules, the code that computes the table,
  so editing that code builds afresh;
- factcheck's and Python's versions.

Values must be marshal-able (dicts, lists, tuples, sets, strings, numbers, None).
A missing, damaged or unwritable file just means building; ``FACTCHECK_NO_CACHE=1``
turns the cache off. One file per name: a new key replaces the older file.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cached(name: str, key: str, build: Callable[[], T], *, sources: Sequence[str] = ()) -> T:
    """``build()``, or the value it returned in an earlier run with the same key and code."""
    path = _path(name, key, sources)
    if path is not None:
        try:
            return marshal.loads(path.read_bytes())  # type: ignore[no-any-return]
        except (OSError, EOFError, ValueError, TypeError):
            pass
    value = build()
    if path is not None:
        _write(path, value)
    return value


def file_key(*paths: Path | None) -> str:
    """Path, size and modification time of each file: a cheap key for installed data."""
    parts = []
    for path in paths:
        try:
            stat = path.stat() if path is not None else None
        except OSError:
            stat = None
        parts.append(f"{path}|{stat.st_size}|{stat.st_mtime_ns}" if stat else f"{path}|-")
    return "\n".join(parts)


def package_dir(name: str) -> Path | None:
    """The folder of an installed package, found without importing it."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(locations[0]) if locations else None


def _path(name: str, key: str, sources: Sequence[str]) -> Path | None:
    from factcheck import __version__
    from factcheck.rulecache import cache_dir

    directory = cache_dir()
    if directory is None:
        return None
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{key}".encode())
    for module in sources:
        try:
            digest.update(Path(sys.modules[module].__file__ or "").read_bytes())
        except (KeyError, OSError):
            return None  # the code deciding the value cannot be fingerprinted: build
    return directory / f"{name}-{digest.hexdigest()[:20]}.marshal"


def _write(path: Path, value: Any) -> None:
    try:
        blob = marshal.dumps(value)
    except ValueError:
        return
    try:
        from factcheck.render.files import write_atomic

        write_atomic(path, blob)
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for old in path.parent.glob(f"{prefix}*.marshal"):
            if old != path and old.name[len(prefix) :].count("-") == 0:
                old.unlink(missing_ok=True)
    except OSError:
        return
