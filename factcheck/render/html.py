"""The report as one self-contained HTML page, from the Jinja2 templates.

Templates come from one directory only: the bundled ``report_templates/`` or the
newsroom's own (``--template DIR``), which replaces it entirely. Autoescaping is on
and an undefined variable is an error, so a template typo fails loudly instead of
printing nothing, and article text can never inject markup. The stylesheets are
inlined by the template, so the HTML file opens anywhere on its own; relative URLs
in it (fonts, a logo) resolve against the template directory when rendering the PDF.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from factcheck.errors import ConfigError
from factcheck.textutil.plural import counted

ENTRY_TEMPLATE = "report.html.j2"
T = TypeVar("T")


def default_template_dir() -> Path:
    """The bundled template directory."""
    from factcheck.resources import templates_dir

    return templates_dir()


def check_template_dir(directory: Path | str | None) -> Path:
    """The resolved template directory, or a ConfigError saying what is missing."""
    path = Path(directory).resolve() if directory is not None else default_template_dir()
    if not path.is_dir():
        raise ConfigError(f"--template {directory}: no such folder")
    if not (path / ENTRY_TEMPLATE).is_file():
        raise ConfigError(
            f"--template {directory}: {ENTRY_TEMPLATE} is missing",
            hint="copy the bundled report_templates/ folder and edit it",
        )
    return path


def bytecode_cache() -> Any:
    """Compiled templates kept in factcheck's cache folder, or None when caching is off.

    Compiling the report template costs about as much as rendering it, in every
    process; Jinja keys the cache by template name and source checksum, so an
    edited or a newsroom's own template is never served stale.
    """
    import jinja2

    from factcheck.rulecache import cache_dir

    directory = cache_dir()
    if directory is None:
        return None
    folder = directory / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None

    class QuietCache(jinja2.FileSystemBytecodeCache):
        """A cache that never fails a report: an unwritable folder means no cache."""

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    return QuietCache(str(folder))


class HtmlRenderer:
    """One Jinja2 environment over one template directory, reused for every article."""

    def __init__(self, template_dir: Path | str | None = None) -> None:
        """Parse nothing yet; templates are loaded (and cached by Jinja) on first render."""
        import jinja2

        self.template_dir = check_template_dir(template_dir)
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.template_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=bytecode_cache(),
        )
        self._env.filters["counted"] = counted  # {{ n|counted("word") }}: 1 word, 2 words

    def check(self) -> None:
        """Parse the entry template now, so a syntax error stops a run before any article."""
        self._guard(lambda: self._env.get_template(ENTRY_TEMPLATE))

    def render(self, context: dict[str, Any]) -> str:
        """The report page: the same HTML is written as the .html file and laid out as the PDF."""
        return self._guard(lambda: self._env.get_template(ENTRY_TEMPLATE).render(report=context))

    def _template_line(self, exc: BaseException) -> str:
        """``file:line`` of the template line that failed, from the traceback.

        Jinja compiles each template to code whose frames carry the template's own
        file name and line numbers; the innermost one is where the value was used.
        """
        import traceback

        root = str(self.template_dir)
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(root)]
        if not frames:
            return root
        return f"{frames[-1].filename}:{frames[-1].lineno}"

    def _guard(self, action: Callable[[], T]) -> T:
        """Run ``action``, turning template errors into one-line ConfigErrors."""
        import jinja2

        try:
            return action()
        except jinja2.TemplateSyntaxError as exc:
            raise ConfigError(
                f"{exc.filename or ENTRY_TEMPLATE}:{exc.lineno}: template syntax error: {exc}"
            ) from None
        except jinja2.UndefinedError as exc:
            raise ConfigError(
                f"{self._template_line(exc)}: template uses an undefined value: {exc}"
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise ConfigError(f"{self.template_dir}: template {exc.name} not found") from None
