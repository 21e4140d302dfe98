"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message``, escaped as
GitHub's runner expects: in the message ``%``, CR and LF; in property values also
``:`` and ``,``. Columns are given only for findings on one line (GitHub ignores them
otherwise). error -> ``::error``, warning -> ``::warning``, info -> ``::notice``.
A file that could not be read is an ``::error`` without a position.
"""

from __future__ import annotations

from factcheck.ci.paths import relative_to_root
from factcheck.ci.results import CheckResult, Located, summary_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Located, file: str) -> str:
    props = [("file", file), ("line", str(f.line))]
    if f.line == f.end_line:
        props.append(("col", str(f.column)))
    props.append(("endLine", str(f.end_line)))
    if f.line == f.end_line:
        props.append(("endColumn", str(f.end_column)))
    props.append(("title", f"factcheck {f.rule}"))
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[f.severity]} {rendered}::{escape_data(f.message)}"


def render(result: CheckResult) -> str:
    root = result.root.resolve()
    lines = [annotation(f, relative_to_root(f.path, root)) for f in result.findings]
    # A file that could not be read is an error on the run's summary page too, not
    # only a line in the log (its message names the file).
    lines += [
        f"::error title=factcheck%3A unreadable file::{escape_data(e)}" for e in result.errors
    ]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
