"""Which files a command reads: folders and globs expanded to article files.

Kept apart from :mod:`factcheck.api` and free of heavy imports, so that ``factcheck
report`` can list its articles and start its PDF workers before it loads the
pipeline.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")

__all__ = ["ARTICLE_SUFFIXES", "expand_paths"]


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Expand folders and globs into article files, keeping the order the user gave.

    A path that does not exist and matches no glob is an InputError; a folder is
    searched recursively for article files (hidden folders skipped).
    """
    out: list[str] = []
    for raw in paths:
        item = str(raw)
        if item == "-":
            out.append(item)
            continue
        if os.path.isdir(item):
            found = sorted(
                str(p)
                for p in Path(item).rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(item).parts)
                and p.name.lower() != "readme.md"
            )
            if not found:
                raise InputError(
                    f"{item}: no articles in this folder",
                    hint=f"factcheck reads {', '.join(ARTICLE_SUFFIXES)}",
                )
            out.extend(found)
        elif os.path.exists(item):
            out.append(item)
        elif glob.has_magic(item):
            matches = sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p))
            if not matches:
                raise InputError(f"{item}: no file matches this pattern")
            out.extend(matches)
        else:
            raise InputError(f"{item}: no such file or folder")
    return out
