"""Path globs for ``include`` / ``exclude``: gitignore-like, with ``**`` crossing folders.

Python 3.11's ``fnmatch`` lets ``*`` cross ``/`` and ``PurePath.match`` has no
``**``, so patterns are translated here once into regular expressions. A pattern
without a ``/`` matches a file name in any folder (``*.txt``); one with a ``/`` is
anchored at the configuration's folder (``drafts/**/*.md``); a trailing ``/``
matches everything under a folder (``archive/``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile one glob pattern (posix separators) into an anchored regex."""
    pat = pattern.strip().replace("\\", "/")
    if pat.startswith("./"):
        pat = pat[2:]
    anchored = "/" in pat.rstrip("/")
    if pat.endswith("/"):
        pat += "**"
    pat = pat.lstrip("/")
    out: list[str] = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            close = pat.find("]", i + 1)
            if close == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1 : close]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        else:
            out.append(re.escape(c))
            i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"{prefix}{body}", re.IGNORECASE if os.name == "nt" else 0)


def matches_any(rel_path: str, patterns: Sequence[str]) -> bool:
    """True when the posix relative path matches one of ``patterns``."""
    return any(glob_regex(p).fullmatch(rel_path) for p in patterns)


def relative_to_root(path: str, root: Path) -> str:
    """``path`` relative to ``root`` in posix form, or its absolute posix form if outside."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def select(
    paths: Sequence[str], root: Path, include: Sequence[str], exclude: Sequence[str]
) -> list[str]:
    """Keep the paths that ``include`` admits (all when empty) and ``exclude`` does not."""
    kept: list[str] = []
    for path in paths:
        if path == "-":
            kept.append(path)
            continue
        rel = relative_to_root(path, root)
        if include and not matches_any(rel, include):
            continue
        if exclude and matches_any(rel, exclude):
            continue
        kept.append(path)
    return kept
