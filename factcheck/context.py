"""What every stage receives besides the analysis: the rules and options of this run.

Compiled matchers (lexicon tries, cue patterns) are built once per run and kept in
``Context.cache``; there is no module-level state anywhere in the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from factcheck.ruleset import RuleSet

T = TypeVar("T")

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Document-level limits that raise findings (configurable in factcheck.toml)."""

    balance_min: float = 0.35
    max_unsourced: int | None = None
    max_reporter_loaded: int | None = None
    max_grade: float | None = None


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a user can set for one run; the CLI and config file build this."""

    rules_dirs: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    severities: Mapping[str, str] = field(default_factory=dict)
    input_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    sides: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sides_file: Path | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)
    tone: bool = True
    readability: bool = True
    # False: readability only for its metrics (``check``); none for a story too short
    # to have them. True: counts and sentence lengths for every story (reports).
    readability_counts: bool = True


@dataclass(slots=True)
class Context:
    ruleset: RuleSet
    options: Options = field(default_factory=Options)
    cache: dict[str, Any] = field(default_factory=dict)

    def compiled(self, key: str, build: Callable[[], T]) -> T:
        """Build a compiled artefact once per run (e.g. the lexicon matcher)."""
        try:
            return self.cache[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self.cache[key] = build()
            return value
