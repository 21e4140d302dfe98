"""HTML report to PDF with WeasyPrint: the only module that imports it, and lazily.

Resource loading is local-only. The renderer may read files inside the template
directory (stylesheets, a newsroom's logo or fonts) and ``data:`` URIs (the
charts); every other URL, ``http(s)://``, ``file://`` outside that folder, ``ftp:``,
is refused before any connection or file access is attempted. Article text is
escaped by the templates anyway; the fetcher is the second wall, so that even a
hostile template or article can never make the renderer fetch a URL or read
``/etc/passwd``.

The PDF carries title and author metadata (from the page's ``<title>`` and
``<meta>`` elements), is tagged for accessibility, and embeds the JSON result as
an attachment so the machine-readable analysis travels with the printout.
"""

from __future__ import annotations

import functools
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ATTACHMENT_NAME = "factcheck-result.json"


class RefusedURL(ValueError):
    """A resource the report is not allowed to load."""


def resolve_local(url: str, root: Path) -> Path:
    """The file a ``file:`` URL names, if it lies inside ``root``; RefusedURL otherwise.

    Symbolic links are resolved first, so a link inside the template folder that
    points outside it is refused too.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"refused to load {url!r}: only local template files are allowed")
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(root.resolve()) or not path.is_file():
        raise RefusedURL(f"refused to load {url!r}: reports read files inside {root} only")
    return path


@functools.cache
def _fetcher_class() -> type:
    """Build the fetcher class on first use (it subclasses a WeasyPrint class)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """A WeasyPrint URL fetcher that loads template files and data: URIs only."""

        def __init__(self, root: Path) -> None:
            super().__init__(timeout=1, allowed_protocols=("data", "file"), allow_redirects=False)
            self.root = root.resolve()

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            path = resolve_local(url, self.root)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path.as_uri(), body=path.read_bytes(), headers={"Content-Type": mime}
            )

    return LocalOnlyFetcher


def local_fetcher(root: Path | str) -> Any:
    """A WeasyPrint url_fetcher confined to ``root`` (the template directory) and data: URIs."""
    return _fetcher_class()(Path(root))


def render_pdf(
    html: str,
    *,
    template_dir: Path | str,
    result_json: str | None = None,
    tagged: bool = True,
) -> bytes:
    """Lay out ``html`` as a PDF; relative URLs resolve inside ``template_dir``.

    ``result_json`` is embedded as the attachment ``factcheck-result.json`` (a new
    Attachment per call: WeasyPrint attachments are read once).
    """
    import weasyprint

    root = Path(template_dir).resolve()
    fetcher = local_fetcher(root)
    document = weasyprint.HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher)
    attachments = []
    if result_json is not None:
        attachments.append(
            weasyprint.Attachment(
                string=result_json.encode("utf-8"),
                name=ATTACHMENT_NAME,
                description="factcheck analysis result (JSON, schemas/result.schema.json)",
                relationship="Data",
                url_fetcher=fetcher,
            )
        )
    pdf: bytes = document.write_pdf(attachments=attachments, pdf_tags=tagged)
    return pdf
