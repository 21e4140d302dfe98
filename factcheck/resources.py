"""Where the bundled rule files and report templates live.

In a source checkout they are the top-level ``rules/`` and ``report_templates/``
folders; in an installed wheel they ship inside the package as ``factcheck/_data/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _locate(name: str) -> Path:
    bundled = _PACKAGE_DIR / "_data" / name
    if bundled.is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"factcheck's bundled '{name}' folder is missing; reinstall factcheck")


def rules_dir() -> Path:
    """The default rule directory."""
    return _locate("rules")


def templates_dir() -> Path:
    """The default report template directory."""
    return _locate("report_templates")


def schema_path(name: str) -> Path:
    """A JSON Schema shipped with the package (``rule``, ``result``, kinds/...)."""
    return _PACKAGE_DIR / "schemas" / name
