"""Atomic file output: a report is either complete on disk or not there at all.

The ``check_output_*`` functions vet an ``-o`` target before any work is done, so a
typo costs one error line, not a run whose output then cannot be written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import OutputError

REPORT_SUFFIXES = (".pdf", ".html", ".htm")


def check_output_file(path: Path) -> None:
    """Refuse an output file that is a folder, or whose folder is a file."""
    if path.is_dir():
        raise OutputError(f"-o {path}: is a folder", hint="name the file to write")
    _check_parents(path)


def check_output_dir(path: Path) -> None:
    """Refuse a report folder that is a file or that looks like a single report's name.

    ``-o new.pdf`` would otherwise quietly create a folder called ``new.pdf/``.
    """
    if path.exists() and not path.is_dir():
        raise OutputError(
            f"-o {path}: is a file, not a folder",
            hint="report -o names a folder; each report is named after its article",
        )
    if not path.exists() and path.suffix.lower() in REPORT_SUFFIXES:
        raise OutputError(
            f"-o {path}: report -o names a folder, not a {path.suffix.lstrip('.')} file",
            hint=f"pass a folder, e.g. -o {path.parent / 'reports'}; each report is named "
            "after its article",
        )
    _check_parents(path)


def _check_parents(path: Path) -> None:
    """The nearest existing ancestor of ``path`` must be a folder (mkdir would fail)."""
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"-o {path}: {parent} is a file, not a folder")
            return


def write_output(path: Path | str, data: bytes) -> None:
    """:func:`write_atomic` for a file the user named: an OS error is one line, exit 2."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process umask (reading it means setting it, so set it straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
