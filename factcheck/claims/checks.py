"""Built-in checks of the claims stage (see factcheck.checks). STUB until its work lands."""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.checks import CheckFn

CHECKS: Mapping[str, CheckFn] = {}
