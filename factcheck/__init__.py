"""factcheck: numeric claims, loaded language and who speaks, in news copy.

The library API is :func:`factcheck.analyze` (paths in, one :class:`Analysis` per
article out) and :func:`factcheck.analyze_text`; see :mod:`factcheck.api`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from factcheck.api import analyze, analyze_path, analyze_text

__all__ = ["__version__", "analyze", "analyze_path", "analyze_text"]


def __getattr__(name: str) -> Any:
    # Lazy: importing factcheck (e.g. for --help) must not load the pipeline.
    if name in ("analyze", "analyze_path", "analyze_text"):
        from factcheck import api

        return getattr(api, name)
    raise AttributeError(name)
