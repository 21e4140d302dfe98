"""A disk cache of validated rule files, keyed by their content.

Parsing YAML and validating hundreds of lexicon entries against the JSON Schema
costs far more than the analysis of a short draft, and rule files rarely change.
So the validated data of each file is kept in one JSON file under the user's cache
directory, keyed by the SHA-256 of the file's name and bytes: validation checks the
name too (it must start with the rule id), so a renamed copy is validated afresh
rather than accepted from the cache. The cache file's own name covers the rule
schema and factcheck's version, so any change to either revalidates everything.
Set ``FACTCHECK_NO_CACHE=1`` to bypass it; an unwritable cache is silently skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from factcheck import __version__

_MAX_ENTRIES = 4000


def cache_dir() -> Path | None:
    """Where the cache lives, or None when caching is turned off."""
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


class RuleCache:
    """Validated rule data by content hash; ``save`` writes it back only when it grew."""

    def __init__(self, schema: dict[str, Any]) -> None:
        key = hashlib.sha256(
            (__version__ + json.dumps(schema, sort_keys=True)).encode("utf-8")
        ).hexdigest()[:16]
        directory = cache_dir()
        self._path = directory / f"rules-{key}.json" if directory else None
        self._entries: dict[str, Any] = {}
        self._dirty = False
        if self._path is not None:
            try:
                self._entries = json.loads(self._path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._entries = {}

    @staticmethod
    def key(name: str, raw: bytes) -> str:
        """The entry of one rule file: its name is in the key because validation reads it."""
        return hashlib.sha256(name.encode("utf-8") + b"\0" + raw).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        data = self._entries.get(key)
        return data if isinstance(data, dict) else None

    def put(self, key: str, data: dict[str, Any]) -> None:
        if self._path is not None and key not in self._entries:
            self._entries[key] = data
            self._dirty = True

    def save(self) -> None:
        if self._path is None or not self._dirty:
            return
        entries = dict(list(self._entries.items())[-_MAX_ENTRIES:])
        try:
            from factcheck.render.files import write_atomic

            write_atomic(self._path, json.dumps(entries, ensure_ascii=False).encode("utf-8"))
        except OSError:
            return
        self._dirty = False
