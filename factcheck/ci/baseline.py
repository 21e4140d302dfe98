"""Baselines: findings an editor has accepted, matched by a fingerprint that survives edits.

A fingerprint is a hash of the rule id, the normalised matched text and the hash of
the normalised sentence around it, so it does not change when lines are added above
the finding or the paragraph is re-wrapped, but does change when the sentence itself
is rewritten. The same word twice in one sentence gets an occurrence number.

The baseline file is JSON: entries keyed by file (relative to the baseline file's
folder, so CI and laptops agree) and fingerprint. ``check --baseline`` reports only
new findings and lists the entries no longer found (stale) so the file can be
refreshed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.ci.paths import relative_to_root
from factcheck.errors import ConfigError

BASELINE_VERSION = 1
_SPACE_RE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, single spaces, straight quotes: what a fingerprint should not see."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACE_RE.sub(" ", text).strip().lower()


def fingerprint(rule: str, matched: str, context: str) -> str:
    """Stable id of one finding: rule + normalised match + hash of the normalised sentence."""
    context_hash = hashlib.sha256(normalise(context).encode("utf-8")).hexdigest()[:16]
    key = f"{rule}\0{normalise(matched)}\0{context_hash}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def number_occurrences(prints: Sequence[str]) -> list[str]:
    """Make repeated fingerprints within one file unique: the second gets ``:2``, ..."""
    seen: Counter[str] = Counter()
    out: list[str] = []
    for fp in prints:
        seen[fp] += 1
        out.append(fp if seen[fp] == 1 else f"{fp}:{seen[fp]}")
    return out


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One accepted finding."""

    path: str  # posix, relative to the baseline file's folder
    rule: str
    fingerprint: str
    line: int = 0
    match: str = ""
    message: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "rule": self.rule,
            "fingerprint": self.fingerprint,
            "line": self.line,
            "match": self.match,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Baseline:
    """The accepted findings of a baseline file, and where it lives."""

    location: Path
    entries: tuple[BaselineEntry, ...]

    @property
    def root(self) -> Path:
        return self.location.resolve().parent

    def key(self, path: str) -> str:
        """The key a checked file has in this baseline."""
        return relative_to_root(path, self.root)


def load_baseline(location: Path) -> Baseline:
    """Read a baseline file; a missing or malformed file is a one-line ConfigError."""
    shown = str(location)
    try:
        data = json.loads(location.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{shown}: baseline file not found",
            hint=f"create it with 'factcheck baseline PATH... -o {shown}'",
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"{shown}: not a factcheck baseline ({exc})",
            hint="regenerate it with 'factcheck baseline'",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError(
            f"{shown}: not a factcheck baseline (no 'findings' list)",
            hint="regenerate it with 'factcheck baseline'",
        )
    if data.get("version") != BASELINE_VERSION:
        raise ConfigError(
            f"{shown}: baseline version {data.get('version')!r} is not {BASELINE_VERSION}",
            hint="regenerate it with 'factcheck baseline'",
        )
    entries = []
    for i, item in enumerate(data["findings"]):
        try:
            entries.append(
                BaselineEntry(
                    path=str(item["path"]),
                    rule=str(item["rule"]),
                    fingerprint=str(item["fingerprint"]),
                    line=int(item.get("line", 0)),
                    match=str(item.get("match", "")),
                    message=str(item.get("message", "")),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ConfigError(
                f"{shown}: entry {i} needs path, rule and fingerprint",
                hint="regenerate it with 'factcheck baseline'",
            ) from None
    return Baseline(location, tuple(entries))


def dump_baseline(entries: Iterable[BaselineEntry], version: str) -> str:
    """The baseline file's JSON text (sorted, one entry per line block: diff-friendly)."""
    ordered = sorted(entries, key=lambda e: (e.path, e.line, e.rule, e.fingerprint))
    data = {
        "version": BASELINE_VERSION,
        "tool": f"factcheck {version}",
        "findings": [e.to_dict() for e in ordered],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
