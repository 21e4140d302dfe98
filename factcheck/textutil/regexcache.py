"""Compiled regular expressions kept on disk between runs.

``re.compile`` parses and compiles in pure Python. factcheck's own patterns are big:
the lexicon trie (50 KB of regex) takes about 0.13 s, the 470 context-condition word
lists about 0.3 s, the claim grammar 0.05 s: more than analysing a short draft, and
paid again in every process. What ``re`` builds is a list of integers (SRE code) that
``_sre.compile`` turns back into the very same Pattern in about a millisecond.
So :class:`RegexStore` keeps that code in one file in factcheck's cache directory
(beside the rule cache), keyed by the exact pattern source and flags.

Why it is safe:

- the key is the full source: a changed pattern is a new entry, never a stale hit;
- the file name carries the Python version and SRE's magic number and code size, so
  another interpreter never reads it; ``_sre.compile`` validates the code it gets;
- each process first compiles a probe pattern both ways and compares the results;
  a missing private API, a damaged file, any surprise: ``re.compile`` as usual.

``FACTCHECK_NO_CACHE=1`` turns the store off (as it does the rule cache). New
entries are written when the store is garbage-collected or the process exits (and by
worker processes through :meth:`RegexStore.save`, see :mod:`factcheck.parallel`);
the file is merged with what other processes wrote meanwhile, then replaced atomically.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
import weakref
from array import array
from pathlib import Path
from typing import Any

from factcheck.context import Context

STORE_KEY = "textutil.regex_store"
MAX_FILE_BYTES = 8 * 2**20  # past this, only the entries the last run used are kept
_PROBE = r"(?P<w>\b[a-z]+(?:'s)?\b)|(?<![\w.])\d{1,3}(?:,\d{3})*(?!\d)"

# (flags, SRE code as bytes, groups, groupindex, indexgroup): marshal-able.
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]


def store_for(ctx: Context) -> RegexStore:
    """The run's store (opened on first use, kept in ``ctx.cache``)."""
    return ctx.compiled(STORE_KEY, open_store)


def open_store() -> RegexStore:
    """A store on the cache file of this interpreter (or a pass-through when off)."""
    from factcheck.rulecache import cache_dir

    directory = cache_dir()
    tag = _interpreter_tag()
    if directory is None or tag is None:
        return RegexStore(None)
    return RegexStore(directory / f"regex-{tag}.marshal")


class RegexStore:
    """``compile(pattern, flags)`` that reuses SRE code compiled by earlier runs."""

    __slots__ = ("__weakref__", "_state")

    def __init__(self, path: Path | None) -> None:
        self._state = _State(path)
        if path is not None:
            weakref.finalize(self, _save, self._state)

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """Exactly ``re.compile(pattern, flags)``, from the stored code when there is some."""
        flags = int(flags)
        state = self._state
        if state.path is None or not state.load():
            return re.compile(pattern, flags)
        key = f"{flags}:{pattern}"
        entry = state.entries.get(key)
        if entry is not None:
            try:
                compiled = _from_entry(pattern, entry)
            except Exception:  # a damaged entry: compile afresh below
                del state.entries[key]
            else:
                state.used.add(key)
                return compiled
        compiled, entry = _compile(pattern, flags)
        if entry is not None:
            state.entries[key] = entry
            state.new.add(key)
            state.used.add(key)
        return compiled

    def save(self) -> None:
        """Write the entries compiled by this process (merged with the file), if any."""
        _save(self._state)


class _State:
    """What the store and its exit-time writer share (the writer must not hold the store)."""

    __slots__ = ("entries", "loaded", "new", "path", "used")

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, Entry] = {}
        self.loaded = False
        self.new: set[str] = set()  # compiled here and not yet written
        self.used: set[str] = set()

    def load(self) -> bool:
        """Read the file once; False (store off) when this SRE fails the probe."""
        if not self.loaded:
            self.loaded = True
            if _probe_ok():
                self.entries = _read(self.path) if self.path is not None else {}
            else:
                self.path = None
        return self.path is not None


def _interpreter_tag() -> str | None:
    try:
        import _sre

        magic, size = _sre.MAGIC, _sre.CODESIZE
        from re import _compiler, _parser  # noqa: F401  (the private API must exist)
    except (ImportError, AttributeError):
        return None
    if array("I").itemsize != size:
        return None
    raw = f"{sys.implementation.cache_tag}|{sys.version}|{magic}|{size}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], Entry | None]:
    """What ``re._compiler.compile`` does, keeping the code; plain ``re`` on any surprise."""
    try:
        import _sre
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Any] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry: Entry = (
            int(flags | parsed.state.flags),
            array("I", code).tobytes(),
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        compiled = _sre.compile(pattern, entry[0], code, entry[2], groupindex, entry[4])
    except re.error:
        raise
    except Exception:
        return re.compile(pattern, flags), None
    return compiled, entry


def _from_entry(pattern: str, entry: Entry) -> re.Pattern[str]:
    import _sre

    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(  # type: ignore[no-any-return]
        pattern, flags, array("I", code).tolist(), groups, dict(groupindex), indexgroup
    )


def _probe_ok() -> bool:
    """Whether rebuilding from stored code gives what ``re.compile`` gives, here and now."""
    try:
        compiled, entry = _compile(_PROBE, re.I)
        return (
            entry is not None and _from_entry(_PROBE, entry) == re.compile(_PROBE, re.I) == compiled
        )
    except Exception:
        return False


def _read(path: Path) -> dict[str, Entry]:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(state: _State) -> None:
    """Merge the new entries into the file (atomic replace); silent when unwritable."""
    if state.path is None or not state.new:
        return
    merged = _read(state.path)
    merged.update((k, state.entries[k]) for k in state.new if k in state.entries)
    blob = marshal.dumps(merged)
    if len(blob) > MAX_FILE_BYTES:
        keep = state.used | state.new
        blob = marshal.dumps({k: v for k, v in merged.items() if k in keep})
    try:
        from factcheck.render.files import write_atomic

        write_atomic(state.path, blob)
    except OSError:
        return
    state.new.clear()
