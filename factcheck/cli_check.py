"""The `factcheck check` command(s). STUB: registers nothing until its work lands.

`register(app)` is called at the end of factcheck.cli; import heavy modules inside
the command functions only, so that `factcheck --help` stays fast.
"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
