"""Built-in checks of the loaded-language stage (see factcheck.checks). STUB."""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.checks import CheckFn

CHECKS: Mapping[str, CheckFn] = {}
