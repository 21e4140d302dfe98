"""``--changed-since REF``: the lines of each file that changed since a git ref.

For pull requests: only findings on lines the author touched are reported. The
lines come from ``git diff -U0 REF -- paths`` (the working tree against REF, so
uncommitted edits count); files git does not track yet count as wholly changed.
Any git failure (no git, not a repository, unknown ref) is one ConfigError line.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from factcheck.errors import ConfigError

_HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES: frozenset[int] = frozenset({-1})  # marker: every line counts as changed


def _git(args: Sequence[str], cwd: Path, ref: str, failure: str | None = None) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        raise ConfigError(
            "--changed-since needs git, which is not installed", hint="install git"
        ) from None
    if proc.returncode != 0:
        first = next((ln for ln in proc.stderr.splitlines() if ln.strip()), "git failed")
        first = failure or first.removeprefix("fatal: ").removeprefix("error: ")
        raise ConfigError(
            f"--changed-since {ref}: {first}",
            hint="pass a branch, tag or commit the repository has (fetch it first in CI)",
        )
    return proc.stdout


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of unusual file names."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "replace")


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Changed (new-side) line numbers by file, from ``git diff -U0`` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            if target == "/dev/null":
                current = None
                continue
            name = _unquote(target)
            name = name.removeprefix("b/")
            current = changed.setdefault(name, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK_RE.match(line)
            if m:
                start = int(m.group(1))
                count = int(m.group(2)) if m.group(2) is not None else 1
                current.update(range(start, start + count))
    return changed


def changed_lines(paths: Sequence[str], ref: str) -> Mapping[str, frozenset[int]]:
    """For each path (as given), the 1-based line numbers changed since ``ref``.

    Paths may live in different repositories; each repository is asked once.
    """
    tops: dict[Path, Path] = {}
    by_repo: dict[Path, list[str]] = {}
    for path in paths:
        if path == "-":
            continue
        folder = Path(os.path.abspath(path)).parent
        if folder not in tops:
            tops[folder] = Path(_git(["rev-parse", "--show-toplevel"], folder, ref).strip())
        by_repo.setdefault(tops[folder].resolve(), []).append(path)
    out: dict[str, frozenset[int]] = {}
    for top, members in by_repo.items():
        _git(
            ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
            top,
            ref,
            failure=f"no commit, branch or tag named {ref!r} in {top}",
        )
        rels = {p: Path(os.path.abspath(p)).resolve().relative_to(top).as_posix() for p in members}
        diff = _git(
            [
                "diff",
                "--no-color",
                "--no-ext-diff",
                "-U0",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                ref,
                "--",
                *rels.values(),
            ],
            top,
            ref,
        )
        untracked = set(
            _git(
                ["ls-files", "--others", "--exclude-standard", "--", *rels.values()], top, ref
            ).splitlines()
        )
        lines = parse_diff(diff)
        for path, rel in rels.items():
            out[path] = ALL_LINES if rel in untracked else frozenset(lines.get(rel, ()))
    return out


def touches(changed: frozenset[int], line: int, end_line: int) -> bool:
    """True when any line of ``line..end_line`` changed."""
    if changed is ALL_LINES:
        return True
    return any(n in changed for n in range(line, end_line + 1))
