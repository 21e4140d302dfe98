"""CI output formats of ``factcheck check``: pure functions of a CheckResult to text.

Each module renders one format; none decides the exit code (the CLI does) and
none reads files or the clock, so the same result always renders the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from factcheck.ci.results import CheckResult

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")
_MODULES = {
    "text": "text",
    "json": "json_out",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
}


def render(result: CheckResult, output_format: str, *, color: bool = False) -> str:
    """The whole output of one run in ``output_format`` (one of :data:`FORMATS`)."""
    module = import_module(f"factcheck.render.ci_formats.{_MODULES[output_format]}")
    renderer: Callable[..., str] = module.render
    if output_format == "text":
        return renderer(result, color=color)
    return renderer(result)
