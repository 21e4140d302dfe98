"""The check configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in pyproject.toml.

Found by walking up from the first checked path (stopping at the repository root,
the folder holding ``.git``); ``--config FILE`` overrides. Every key is validated:
an unknown key or a bad value is a :class:`~factcheck.errors.ConfigError` naming
the file, the key and the fix, so a typo never silently turns a check off.
Relative paths in the file (rule directories, the baseline, include/exclude globs)
are relative to the file's folder.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.context import Thresholds
from factcheck.errors import ConfigError

CONFIG_NAME = "factcheck.toml"
FAIL_LEVELS = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
_ID_RE = re.compile(r"^[A-Z]{2,5}[0-9]{0,3}$")


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Validated settings of one configuration file (or the defaults when there is none)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    rules: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)
    sides: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: str | None = None
    baseline: Path | None = None

    @property
    def shown(self) -> str:
        """How errors name this configuration."""
        return str(self.path) if self.path else "configuration"


# Locating -----------------------------------------------------------------------------


def start_dir(path: str) -> Path:
    """The folder to start the upward search from, for one command-line path."""
    if path == "-":
        return Path.cwd()
    p = Path(path)
    if not p.exists():
        # A glob: search from its literal prefix.
        literal = []
        for part in p.parts:
            if any(ch in part for ch in "*?["):
                break
            literal.append(part)
        p = Path(*literal) if literal else Path.cwd()
    p = p.resolve()
    return p if p.is_dir() else p.parent


def find_config(start: Path) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with [tool.factcheck], above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*[\].]", text, re.M) is not None


# Loading ------------------------------------------------------------------------------


def load_config(path: Path) -> CheckConfig:
    """Read and validate one configuration file."""
    shown = str(path)
    if not path.is_file():
        raise ConfigError(f"{shown}: configuration file not found", hint="check the --config path")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: not UTF-8 text", hint="save the file as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(shown, str(exc)) from None
    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("factcheck", {}) if isinstance(tool, dict) else {}
        prefix = "tool.factcheck."
    return parse_config(data, path=path, prefix=prefix)


def _toml_error(shown: str, message: str) -> ConfigError:
    """``file:line: not valid TOML: ...`` from tomllib's ``... (at line N, column M)``."""
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if m:
        return ConfigError(
            f"{shown}:{m.group(1)}: not valid TOML: {message[: m.start()]} at column {m.group(2)}",
            hint="fix the syntax there; strings need quotes, lists need [ ]",
        )
    return ConfigError(
        f"{shown}: not valid TOML: {message}",
        hint="a list, string or table is not closed",
    )


def parse_config(data: Mapping[str, Any], *, path: Path, prefix: str = "") -> CheckConfig:
    """Validate the table of settings read from ``path``."""
    v = _Validator(str(path), prefix)
    v.known(data, _TOP_KEYS, "")
    root = path.resolve().parent
    thresholds = data.get("thresholds", {})
    v.table(thresholds, "thresholds")
    v.known(thresholds, _THRESHOLD_KEYS, "thresholds.")
    severity = data.get("severity", {})
    v.table(severity, "severity")
    sides = data.get("sides", {})
    v.table(sides, "sides")
    baseline = data.get("baseline")
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        v.bad("fail_on", fail_on, f"use one of {', '.join(FAIL_LEVELS)}", FAIL_LEVELS)
    if baseline is not None and not (isinstance(baseline, str) and baseline.strip()):
        v.bad("baseline", baseline, 'a file path, e.g. baseline = ".factcheck-baseline.json"')
    return CheckConfig(
        path=path,
        root=root,
        rules=tuple(root / p for p in v.strings(data, "rules", 'e.g. rules = ["house-rules"]')),
        disable=v.ids(data, "disable"),
        enable=v.ids(data, "enable"),
        severity={k: v.severity(k, level) for k, level in severity.items()},
        include=v.strings(data, "include", 'e.g. include = ["drafts/**/*.md"]'),
        exclude=v.strings(data, "exclude", 'e.g. exclude = ["archive/"]'),
        thresholds=_thresholds(v, thresholds),
        sides={name: v.aliases(name, aliases) for name, aliases in sides.items()},
        fail_on=fail_on,
        baseline=root / baseline if baseline else None,
    )


def _thresholds(v: _Validator, table: Mapping[str, Any]) -> Thresholds:
    values: dict[str, Any] = {}
    for key, (check, fix) in _THRESHOLD_KEYS.items():
        if key not in table:
            continue
        value = table[key]
        if not check(value):
            v.bad(f"thresholds.{key}", value, fix)
        values[key] = value
    return Thresholds(**values)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


_THRESHOLD_KEYS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "balance_min": (
        lambda x: _is_number(x) and 0 <= x <= 1,
        "a number between 0 and 1, e.g. balance_min = 0.35",
    ),
    "max_unsourced": (_is_count, "a whole number >= 0, e.g. max_unsourced = 3"),
    "max_reporter_loaded": (_is_count, "a whole number >= 0, e.g. max_reporter_loaded = 2"),
    "max_grade": (
        lambda x: _is_number(x) and 0 < x <= 30,
        "a reading grade between 1 and 30, e.g. max_grade = 12",
    ),
}
_TOP_KEYS = (
    "rules",
    "disable",
    "enable",
    "severity",
    "include",
    "exclude",
    "thresholds",
    "sides",
    "fail_on",
    "baseline",
)


class _Validator:
    """Raises ConfigErrors that name the file, the full key and the fix."""

    def __init__(self, shown: str, prefix: str) -> None:
        self.shown = shown
        self.prefix = prefix

    def fail(self, key: str, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(f"{self.shown}: key '{self.prefix}{key}': {message}", hint=hint)

    def bad(self, key: str, value: Any, fix: str, choices: tuple[str, ...] = ()) -> None:
        hint = fix
        if choices and isinstance(value, str):
            close = difflib.get_close_matches(value, choices, n=1)
            if close:
                hint = f"did you mean '{close[0]}'? {fix}"
        raise self.fail(key, f"bad value {_show(value)}", hint)

    def known(self, table: Mapping[str, Any], keys: Any, where: str) -> None:
        for key in table:
            if key not in keys:
                close = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else f"known keys: {', '.join(sorted(keys))}"
                )
                raise ConfigError(
                    f"{self.shown}: unknown key '{self.prefix}{where}{key}'", hint=hint
                )

    def table(self, value: Any, key: str) -> None:
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table, not {_show(value)}", f"write it as [{key}]")

    def strings(self, data: Mapping[str, Any], key: str, example: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(x, str) and x for x in value):
            raise self.fail(key, f"must be a list of strings, not {_show(value)}", example)
        return tuple(value)

    def ids(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        values = self.strings(data, key, f'e.g. {key} = ["LL003"]')
        for item in values:
            if not _ID_RE.match(item):
                raise self.fail(
                    key,
                    f"'{item}' is not a rule id or id prefix",
                    "ids look like LL003 (or a prefix like LL); see 'factcheck rules list'",
                )
        return values

    def severity(self, rule_id: str, level: Any) -> str:
        key = f"severity.{rule_id}"
        if not _ID_RE.match(rule_id):
            raise self.fail(key, f"'{rule_id}' is not a rule id", 'e.g. [severity] LL003 = "error"')
        if level not in SEVERITIES:
            self.bad(key, level, "use error, warning or info", SEVERITIES)
        return str(level)

    def aliases(self, name: str, aliases: Any) -> tuple[str, ...]:
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split(",")]
        if (
            not isinstance(aliases, list)
            or not aliases
            or not all(isinstance(a, str) and a.strip() for a in aliases)
        ):
            raise self.fail(
                f"sides.{name}",
                f"must be a list of names, not {_show(aliases)}",
                f'e.g. "{name}" = ["Darmanin", "French government"]',
            )
        return tuple(a.strip() for a in aliases)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def resolve_config(paths: list[str], explicit: Path | None) -> CheckConfig:
    """The configuration for this run: ``--config``, the nearest file, or the defaults."""
    if explicit is not None:
        return load_config(explicit)
    found = find_config(start_dir(paths[0])) if paths else None
    return load_config(found) if found else CheckConfig()
