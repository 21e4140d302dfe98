"""HTML report to PDF with WeasyPrint: the only module that imports it, and lazily.

Resource loading is local-only. The renderer may read files inside the template
directory (stylesheets, a newsroom's logo or fonts) and ``data:`` URIs (the
charts); every other URL, ``http(s)://``, ``file://`` outside that folder, ``ftp:``,
is refused before any connection or file access is attempted. Article text is
escaped by the templates anyway; the fetcher is the second wall, so that even a
hostile template or article can never make the renderer fetch a URL or read
``/etc/passwd``.

The PDF carries title and author metadata (from the page's ``<title>`` and
``<meta>`` elements), is tagged PDF/UA-1 for screen readers, and embeds the JSON
result as an attachment so the machine-readable analysis travels with the printout.
"""

from __future__ import annotations

import functools
import mimetypes
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from factcheck.render.css_variables import inline_variables, page_declares_variables, root_values
from factcheck.render.weasyprint_import import import_weasyprint

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
    import_weasyprint()
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


_STYLE_RE = r"<style(?:\s+media=\"([^\"]*)\")?\s*>(.*?)</style>"


@functools.cache
def _style_re() -> re.Pattern[str]:
    return re.compile(_STYLE_RE, re.S | re.I)


def _for_print(media: str | None) -> bool:
    """Whether a ``<style media=...>`` applies to the PDF (print) at all."""
    if not media:
        return True
    kinds = {m.strip().split(" ")[0].lower() for m in media.split(",")}
    return bool(kinds & {"all", "print"})


class PdfRenderer:
    """Lays out report pages as PDFs; keep one per process to reuse its caches.

    The ``<style>`` elements in a page's ``<head>`` are parsed once per distinct text
    and applied as stylesheets (screen-only ones are dropped), and one font
    configuration serves every document: together about a fifth of the time of a
    report. Their ``:root`` colours are written out first
    (:mod:`factcheck.render.css_variables`). The HTML itself is unchanged otherwise;
    article text inside it is escaped, so the ``<style>`` elements found are the
    template's own.
    """

    def __init__(self, template_dir: Path | str) -> None:
        import_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        self.root = Path(template_dir).resolve()
        self.fetcher = local_fetcher(self.root)
        self.fonts = FontConfiguration()
        self._sheets: dict[str, Any] = {}
        self._variables: dict[tuple[str, ...], dict[str, str]] = {}

    def render(self, html: str, *, result_json: str | None = None, tagged: bool = True) -> bytes:
        """The PDF of one report page; ``result_json`` is attached as ATTACHMENT_NAME.

        A new Attachment is made for every call: WeasyPrint reads an attachment once.
        """
        weasyprint = import_weasyprint()

        body, sheets = self._split_styles(html)
        document = weasyprint.HTML(
            string=body, base_url=self.root.as_uri() + "/", url_fetcher=self.fetcher
        )
        attachments = []
        if result_json is not None:
            attachments.append(
                weasyprint.Attachment(
                    string=result_json.encode("utf-8"),
                    name=ATTACHMENT_NAME,
                    description="factcheck analysis result (JSON, schemas/result.schema.json)",
                    relationship="Data",
                    url_fetcher=self.fetcher,
                )
            )
        pdf: bytes = document.write_pdf(
            stylesheets=sheets,
            font_config=self.fonts,
            attachments=attachments,
            pdf_tags=tagged,
            # PDF/UA-1: tagged structure plus the XMP metadata and document-title display
            # that screen readers rely on; it lays out exactly like the untagged PDF.
            pdf_variant="pdf/ua-1" if tagged else None,
        )
        return pdf

    def _split_styles(self, html: str) -> tuple[str, list[Any]]:
        """The page without its head ``<style>`` elements, and those parsed (cached)."""
        head_end = html.find("</head>")
        if head_end < 0:
            return html, []
        texts = tuple(
            match.group(2).strip()
            for match in _style_re().finditer(html, 0, head_end)
            if _for_print(match.group(1))
        )
        page = _style_re().sub("", html[:head_end]) + html[head_end:]
        values = {} if page_declares_variables(page) else self._root_values(texts)
        return page, [self._stylesheet(inline_variables(text, values)) for text in texts]

    def _root_values(self, texts: tuple[str, ...]) -> dict[str, str]:
        """The custom properties safe to write out in these sheets (cached per set of sheets)."""
        values = self._variables.get(texts)
        if values is None:
            values = self._variables[texts] = root_values(*texts)
        return values

    def _stylesheet(self, text: str) -> Any:
        """``text`` parsed as CSS, once per distinct text (surrounding blanks ignored)."""
        key = text.strip()
        sheet = self._sheets.get(key)
        if sheet is None:
            sheet = self._sheets[key] = import_weasyprint().CSS(
                string=key,
                base_url=self.root.as_uri() + "/",
                url_fetcher=self.fetcher,
                font_config=self.fonts,
            )
        return sheet

    def preload_stylesheets(self) -> None:
        """Parse the template folder's ``*.css`` files now, before the first report.

        The bundled template includes its stylesheets into each page's ``<style>``
        elements, so a page later finds them parsed (about 0.05 s). A file no page
        includes costs its parse here and nothing else.
        """
        for path in sorted(self.root.glob("*.css")):
            text = path.read_text(encoding="utf-8").strip()
            self._stylesheet(inline_variables(text, self._root_values((text,))))


def render_pdf(
    html: str,
    *,
    template_dir: Path | str,
    result_json: str | None = None,
    tagged: bool = True,
) -> bytes:
    """Lay out ``html`` as a PDF with a fresh renderer; relative URLs resolve in ``template_dir``.

    For many reports in one process, keep a :class:`PdfRenderer` instead.
    """
    return PdfRenderer(template_dir).render(html, result_json=result_json, tagged=tagged)
