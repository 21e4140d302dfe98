"""Errors a user can cause, and the exit codes they map to.

Every error that bad input, a bad rule file or a bad configuration can cause is a
:class:`FactcheckError`: the CLI prints its one-line ``str()`` on stderr and exits
with its ``exit_code``. Anything else escaping is a bug (exit 3).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit codes of every ``factcheck`` command."""

    OK = 0  # nothing at or above the fail level
    FINDINGS = 1  # findings at or above --fail-on (check), or a failed article (report)
    USAGE = 2  # bad arguments, configuration, rule file or input
    INTERNAL = 3  # a bug in factcheck; the message asks for a report
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


class FactcheckError(Exception):
    """An error the user can fix: one line saying what went wrong, where, and how to fix it."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(FactcheckError):
    """An unreadable article: missing, empty, binary, undecodable, too big, unknown format."""


class RuleFileError(FactcheckError):
    """A rule file that does not load or does not validate against the rule schema."""

    def __init__(
        self,
        path: str,
        message: str,
        *,
        line: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        where = f"{path}:{line}" if line else path
        if key:
            message = f"key '{key}': {message}"
        super().__init__(f"{where}: {message}", hint=hint)
        self.path = path
        self.line = line
        self.key = key


class OutputError(FactcheckError):
    """An ``-o`` target that cannot be written: a folder for a file, a file for a folder."""


class ConfigError(FactcheckError):
    """A configuration file or option with an unknown key or a bad value."""
