"""Ingestion: bad input through the real command, decoding, Markdown masking and
positions, front matter, links, suppressions, HTML extraction and .docx."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.context import Options
from factcheck.errors import InputError
from factcheck.ingest import document_from_text, read_document
from factcheck.model import LineIndex

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
DRAFT = FIXTURES / "draft.md"
PAGE = FIXTURES / "saved-article.html"
FACTCHECK = [sys.executable, "-m", "factcheck"]

runner = CliRunner()


def analyze(*args: str | Path):
    return runner.invoke(app, ["analyze", *[str(a) for a in args]])


# Bad input: one line on stderr, exit 2, nothing written -------------------------------


def _bad_inputs(tmp: Path) -> dict[str, tuple[list[str], str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.md").write_bytes(b" \n\t\r\n  \n")
    (tmp / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00\x00binary\x00data")
    # 0x81 is undefined in cp1252 and invalid as UTF-8
    (tmp / "undecodable.txt").write_bytes(b"The minister said \x81\x8d hello.\n")
    (tmp / "big.txt").write_bytes(b"France rejected the plan. " * 100)
    (tmp / "article.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp / "notword.docx").write_bytes(b"This is plain text saved with the wrong extension.")
    (tmp / "front.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    return {
        "missing": ([str(tmp / "nope.txt")], "no such file"),
        "empty": ([str(tmp / "empty.txt")], "file is empty"),
        "whitespace": ([str(tmp / "blank.md")], "file is empty"),
        "binary": ([str(tmp / "binary.txt")], "binary file"),
        "undecodable": ([str(tmp / "undecodable.txt")], "cannot decode byte 0x81"),
        "too big": ([str(tmp / "big.txt"), "--max-bytes", "1000"], "1,000-byte limit"),
        "unknown extension": ([str(tmp / "article.pdf")], "unknown file type ('.pdf')"),
        "not a docx": ([str(tmp / "notword.docx")], "not a .docx"),
        "front matter": ([str(tmp / "front.md")], "front.md:2: front matter is not valid YAML"),
    }


CASES = [
    "missing",
    "empty",
    "whitespace",
    "binary",
    "undecodable",
    "too big",
    "unknown extension",
    "not a docx",
    "front matter",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path, case):
    args, expected = _bad_inputs(tmp_path)[case]
    out = tmp_path / "result.jsonl"
    result = analyze(*args, "--output", str(out))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_bad_file_among_good_ones_writes_nothing(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("France rejected the plan on Sunday.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "result.jsonl"
    result = analyze(good, tmp_path / "empty.txt", "--output", str(out))
    assert result.exit_code == 2
    assert not out.exists()


def test_stdin_needs_an_input_format_through_the_real_process():
    proc = subprocess.run(
        [*FACTCHECK, "analyze", "-"],
        input=b"France rejected the plan.\n",
        check=False,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 2
    err = proc.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "--input-format" in err[0]
    assert proc.stdout == b""


def test_stdin_with_an_input_format_is_read():
    result = runner.invoke(
        app,
        ["analyze", "-", "--input-format", "markdown"],
        input="# Title\n\nLast week 27 people died.\n",
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["document"]
    assert doc["path"] == "<stdin>" and doc["format"] == "markdown"


def test_read_document_refuses_a_folder(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        read_document(str(tmp_path), Options())


def test_unknown_input_format_name():
    with pytest.raises(InputError, match="expected text, markdown, html or docx"):
        read_document(str(DRAFT), Options(input_format="pdf"))


# Decoding -----------------------------------------------------------------------------


def test_cp1252_is_read_with_a_warning(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("\u201cWe will not be held hostage\u201d \u2014 Darmanin.\n".encode("cp1252"))
    doc = read_document(str(path), Options())
    assert doc.text.startswith("\u201cWe will not")
    assert "\u2014" in doc.text
    assert doc.encoding == "cp1252"
    assert len(doc.warnings) == 1 and "Windows-1252" in doc.warnings[0]


def _legacy_page(charset_tag: str) -> bytes:
    body = (
        "<p>Prices at the caf\u00e9 rose by 12% last year, the owner said. \u201cWe had no "
        "choice,\u201d she said. Customers called the rise steep but understandable, "
        "given what energy now costs a small business in the winter months.</p>"
    )
    page = f"<html><head>{charset_tag}<title>Caf\u00e9 prices</title></head><body>"
    return (page + f"<article><h1>Caf\u00e9 prices rise</h1>{body}</article></body></html>").encode(
        "cp1252"
    )


@pytest.mark.parametrize(
    "charset_tag",
    [
        '<meta charset="windows-1252">',
        "<meta charset=ISO-8859-1>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_an_html_page_is_decoded_as_its_meta_charset_declares(tmp_path, charset_tag):
    path = tmp_path / "page.html"
    path.write_bytes(_legacy_page(charset_tag))
    doc = read_document(str(path), Options())
    assert "caf\u00e9 rose by 12%" in doc.text
    assert "\u201cWe had no choice,\u201d" in doc.text
    assert doc.encoding == "cp1252"
    assert doc.warnings == ()  # declared, not guessed


def test_a_utf8_page_that_declares_windows_1252_wrongly_is_still_read(tmp_path):
    # "Ł" is C5 81 in UTF-8, and 0x81 has no character in Windows-1252
    path = tmp_path / "page.html"
    sentence = "Officials in \u0141\u00f3d\u017a said 40% of the buses were late last winter. "
    path.write_bytes(
        b'<html><head><meta charset="windows-1252"></head><body><article><p>'
        + (sentence * 3).encode("utf-8")
        + b"</p></article></body></html>"
    )
    doc = read_document(str(path), Options())
    assert doc.encoding == "utf-8"
    assert "\u0141\u00f3d\u017a" in doc.text


_STORY = (
    "<article><h1>Rates rise</h1><p>The bank raised rates by 0.25 percentage points on "
    "Thursday, its governor said, the tenth rise in a row since prices began to climb.</p>"
    "</article><footer>&copy; Gazette 2024</footer>"
)


def test_an_html_date_is_the_pages_own_not_a_footer_copyright_year(tmp_path):
    undated = tmp_path / "undated.html"
    undated.write_text(f"<html><head><title>T</title></head><body>{_STORY}</body></html>")
    assert read_document(str(undated), Options()).meta.date is None
    dated = tmp_path / "dated.html"
    published = '<meta property="article:published_time" content="2023-05-04T10:00:00Z">'
    dated.write_text(f"<html><head>{published}<title>T</title></head><body>{_STORY}</body></html>")
    assert read_document(str(dated), Options()).meta.date == "2023-05-04"


def test_a_page_with_almost_no_article_text_is_reported(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(
        "<html><head><title>Index</title></head><body><nav>Home</nav>"
        "<div>Subscribe</div></body></html>",
        encoding="utf-8",
    )
    doc = read_document(str(path), Options())
    assert len(doc.warnings) == 1
    assert "of article text found in this page" in doc.warnings[0]


@pytest.mark.parametrize("command", ["analyze", "check", "report"])
def test_every_command_tells_the_user_an_encoding_was_guessed(tmp_path, command):
    path = tmp_path / "windows.txt"
    path.write_bytes(
        "\u201cWe will not be held hostage\u201d \u2014 Darmanin said.\n".encode("cp1252")
    )
    args = [command, str(path)]
    if command == "report":
        args += ["--format", "html", "-o", str(tmp_path / "out")]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    warning = f"factcheck: warning: {path}: not valid UTF-8 (byte 0x93 at offset 0); read as"
    assert result.stderr.count(warning) == 1, result.stderr  # once, naming the file once
    if command == "analyze":
        record = json.loads(result.stdout)
        expected = warning.removeprefix("factcheck: warning: ") + " Windows-1252, check quotes"
        assert record["document"]["warnings"] == [expected + " and accents"]
    if command == "report":
        html = (tmp_path / "out" / "windows.html").read_text(encoding="utf-8")
        assert "read as Windows-1252, check quotes and accents" in html


def test_utf8_bom_is_dropped_and_offsets_count_from_after_it(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf# Title\n\n27 people died.\n")
    doc = read_document(str(path), Options())
    assert doc.text.startswith("# Title")
    assert doc.encoding == "utf-8-sig"
    assert doc.text.index("27") == len("# Title\n\n")


def test_crlf_text_is_kept_and_lines_map(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Migrants crossed.\r\n\r\nLast week 27 people died.\r\n")
    doc = read_document(str(path), Options())
    assert "\r\n" in doc.text
    assert LineIndex(doc.text).line_col(doc.text.index("27")) == (3, 11)


# Markdown: the file is the text, the view is masked --------------------------------------


def test_markdown_text_is_the_file_and_view_has_the_same_length():
    doc = read_document(str(DRAFT), Options())
    source = DRAFT.read_text(encoding="utf-8")
    assert doc.text == source
    assert len(doc.view) == len(doc.text)
    assert doc.view.count("\n") == doc.text.count("\n")


def test_markdown_positions_map_to_the_file_line_and_column():
    doc = read_document(str(DRAFT), Options())
    index = LineIndex(doc.text)
    lines = DRAFT.read_text(encoding="utf-8").split("\n")
    prose = doc.text.index("27 people died")
    line, col = index.line_col(prose)
    assert lines[line - 1][col - 1 :].startswith("27 people died")
    assert doc.view[prose : prose + 14] == "27 people died"
    # the 99 inside the fenced code block is masked, the line still counts
    code = doc.text.index("99 people")
    assert doc.view[code : code + 9].strip() == ""
    assert index.line_col(code)[0] == lines.index('print("99 people")') + 1


def test_markdown_masks_markup_and_keeps_the_copy():
    doc = read_document(str(DRAFT), Options())
    view = doc.view
    assert "title:" not in view and "Jane Smith" not in view  # front matter
    assert "```" not in view and "print(" not in view  # fenced code
    assert "27 in code" not in view  # inline code
    assert "https://" not in view and "example.com" not in view  # URLs
    assert "factcheck-disable" not in view  # comment
    assert "France rejects  Johnson's  plan" in view  # heading and emphasis markers
    assert " a statement " in view  # anchor text visible, link syntax masked
    assert "[" not in view and "](" not in view
    assert "More than   1,000 migrants   crossed" in view  # list marker and bold
    assert '  "Britain left Europe' in view  # blockquote marker


def test_markdown_front_matter_gives_the_metadata():
    meta = read_document(str(DRAFT), Options()).meta
    assert meta.title == "France rejects Johnson's migrant plan"
    assert meta.date == "2021-11-28"
    assert meta.outlet == "Example News"
    assert meta.url == "https://news.example.com/world/france-migrants"
    assert meta.author == "Jane Smith"
    assert meta.sides == {
        "france": ("Darmanin", "Macron", "French officials"),
        "uk": ("Johnson", "Patel"),
    }


def test_front_matter_sides_must_map_to_lists(tmp_path):
    path = tmp_path / "sides.md"
    path.write_text("---\ntitle: T\nsides: [france, uk]\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"sides\.md:3: front matter 'sides'"):
        read_document(str(path), Options())


@pytest.mark.parametrize("date", ["2024-02-30", "2024-13-45"])
def test_impossible_front_matter_date_is_a_warning_and_ignored(date):
    text = f"---\ntitle: T\nupdated: {date}\npublished: {date}\n---\n\nText.\n"
    doc = document_from_text(text, path="bad-date.md", input_format="markdown")
    assert doc.meta.title == "T" and doc.meta.date is None
    assert doc.warnings == (
        f"bad-date.md:4: front matter date '{date}' is not a real date; it is ignored",
    )


def test_impossible_front_matter_date_exits_0_with_one_warning(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("---\ndate: 2024-02-30\n---\n\nText.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"factcheck: warning: {path}:2: front matter date '2024-02-30' is not a real date; "
        "it is ignored"
    ]
    assert json.loads(result.stdout)["document"]["date"] is None


def test_markdown_links_record_anchor_text_and_url():
    doc = read_document(str(DRAFT), Options())
    (link,) = doc.links
    assert doc.text[link.start : link.end] == "a statement"
    assert link.url == "https://www.interieur.gouv.fr/statement-27"


def test_reference_links_and_autolinks():
    text = "See [the report][ref] and <https://example.com/x>.\n\n[ref]: https://example.com/r\n"
    doc = document_from_text(text, input_format="markdown")
    (link,) = doc.links
    assert doc.text[link.start : link.end] == "the report" and link.url == "https://example.com/r"
    assert "example.com" not in doc.view
    assert doc.view.split("\n")[0] == "See  the report       and                        ."


def test_markdown_headings_and_blocks():
    doc = read_document(str(DRAFT), Options())
    assert [doc.text[h.start : h.end] for h in doc.headings] == ["France rejects *Johnson's* plan"]
    blocks = [doc.text[b.start : b.end] for b in doc.blocks]
    assert "More than **1,000 migrants** crossed this week" in blocks
    assert not any("print(" in b for b in blocks)


def test_suppression_comments():
    text = (
        "One.\n\n"  # line 1
        "<!-- factcheck-disable LL001 NUM -- quoting the archive -->\n"  # line 3
        "Two.\n\n"  # line 4
        "<!-- factcheck-enable -->\n"  # line 6
        "Three. <!-- factcheck-disable-line LL003 -->\n"  # line 7
        "<!-- factcheck-disable-next-line -->\n\n"  # line 8
        "Four.\n"  # line 10
        "```\n<!-- factcheck-disable-line LL009 -->\n```\n"  # in code: not a directive
    )
    doc = document_from_text(text, input_format="markdown")
    sups = doc.suppressions
    assert [(s.rules, s.line) for s in sups] == [(("LL001", "NUM"), 3), (("LL003",), 7), ((), 8)]
    region, same_line, next_line = sups
    assert (
        "Two." in text[region.start : region.end] and "Three" not in text[region.start : region.end]
    )
    assert text[same_line.start : same_line.end].startswith("Three.")
    assert text[next_line.start : next_line.end] == "Four."
    assert all(s.unknown == () for s in sups)


def test_plain_text_is_the_file_and_urls_are_masked():
    text = "Read the report at https://example.com/report-2021.pdf. It says 27 people died.\n"
    doc = document_from_text(text)
    assert doc.text == text and doc.format == "text"
    assert "example.com" not in doc.view and "2021" not in doc.view
    assert doc.view.index("27") == text.index("27")
    assert doc.view[text.index(".pdf") + 4] == "."  # the sentence's full stop stays


# HTML ---------------------------------------------------------------------------------


def test_html_article_body_is_extracted_without_page_furniture():
    doc = read_document(str(PAGE), Options())
    assert doc.format == "html" and not doc.text_is_source
    assert "France has rejected Boris Johnson's call" in doc.text
    assert "Last week, relations soured further after 27 people died" in doc.text
    for furniture in (
        "Home",
        "Sport",
        "Buy cheap flights",
        "SPONSORED",
        "dataLayer",
        "trackPageView",
        "Privacy policy",
        "Celebrity chef",
        "All rights reserved",
    ):
        assert furniture not in doc.text, furniture
    assert "\u201cBritain left Europe, but not the world,\u201d" in doc.text  # entities decoded
    paragraphs = doc.text.split("\n\n")
    assert "France has rejected Boris Johnson's call" in paragraphs[1]


def test_html_metadata_links_headings_and_source_lines():
    doc = read_document(str(PAGE), Options())
    meta = doc.meta
    assert meta.title == "France rejects Johnson's call to take back migrants"
    assert (meta.author, meta.date, meta.outlet) == ("Jane Smith", "2021-11-28", "Example News")
    assert meta.url == "https://news.example.com/world/france-migrants"
    (link,) = doc.links
    assert doc.text[link.start : link.end] == "European Union"
    assert link.url == "https://european-union.europa.eu/"
    assert "Relations soured" in [doc.text[h.start : h.end] for h in doc.headings]
    page = PAGE.read_text(encoding="utf-8").split("\n")
    index = LineIndex(doc.text)
    line = index.line_col(doc.text.index("The two countries"))[0]
    assert "The two countries are already" in page[doc.source_lines[line - 1] - 1]


def test_html_suppression_comment_maps_to_the_extracted_text():
    doc = read_document(str(PAGE), Options())
    (sup,) = doc.suppressions
    assert sup.rules == ("LL003",)
    assert doc.text[sup.start : sup.end].startswith("France \u201cwill not be held hostage\u201d")


def test_html_fallback_keeps_paragraphs_when_the_extractor_finds_nothing(monkeypatch):
    from factcheck.ingest import html

    monkeypatch.setattr(html, "_extract", lambda source: None)
    page = (
        "<html><head><title>Talks fail</title><script>x = 1</script></head><body>\n"
        "<nav><p>Home | World</p></nav>\n"
        "<p>France rejected the plan.</p>\n"
        '<p>Officials met in <a href="https://example.com/calais">Calais</a> on Sunday.</p>\n'
        "</body></html>\n"
    )
    doc = html.html_document(page, "page.html")
    assert doc.text == "France rejected the plan.\n\nOfficials met in Calais on Sunday."
    assert doc.meta.title == "Talks fail"
    assert doc.source_lines == (3, 3, 4)
    (link,) = doc.links
    assert doc.text[link.start : link.end] == "Calais"


# .docx --------------------------------------------------------------------------------


def _make_docx(path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word = docx.Document()
    word.core_properties.title = "France rejects Johnson's plan"
    word.core_properties.author = "Jane Smith"
    word.add_heading("France rejects Johnson's plan", level=1)
    word.add_paragraph("France has rejected Boris Johnson's call to take back migrants.")
    para = word.add_paragraph("Darmanin cited ")
    r_id = para.part.relate_to("https://example.com/figures", RELATIONSHIP_TYPE.HYPERLINK, True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "official figures"
    run.append(text)
    link.append(run)
    para._p.append(link)
    para.add_run(" showing 27 people died.")
    word.add_paragraph("")
    word.add_heading("Relations soured", level=2)
    word.add_paragraph("\u201cBritain left Europe,\u201d Darmanin said \u2014 again.")
    word.save(str(path))


def test_docx_paragraphs_headings_links_and_properties(tmp_path):
    path = tmp_path / "draft.docx"
    _make_docx(path)
    doc = read_document(str(path), Options())
    assert doc.format == "docx" and not doc.text_is_source
    assert doc.text.split("\n\n") == [
        "France rejects Johnson's plan",
        "France has rejected Boris Johnson's call to take back migrants.",
        "Darmanin cited official figures showing 27 people died.",
        "Relations soured",
        "\u201cBritain left Europe,\u201d Darmanin said \u2014 again.",
    ]
    assert [doc.text[h.start : h.end] for h in doc.headings] == [
        "France rejects Johnson's plan",
        "Relations soured",
    ]
    (link,) = doc.links
    assert doc.text[link.start : link.end] == "official figures"
    assert link.url == "https://example.com/figures"
    assert doc.meta.title == "France rejects Johnson's plan" and doc.meta.author == "Jane Smith"


def test_docx_through_the_command_carries_its_text(tmp_path):
    path = tmp_path / "draft.docx"
    _make_docx(path)
    result = analyze(path)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["offsets_refer_to"] == "text"
    assert data["document"]["title"] == "France rejects Johnson's plan"


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("\u201cWe will not move,\u201d Darmanin said.\n".encode("utf-16"))
    doc = read_document(str(path), Options())
    assert doc.text == "\u201cWe will not move,\u201d Darmanin said.\n"
    assert doc.encoding == "utf-16"


def test_claim_positions_in_the_json_result_point_into_the_markdown_file():
    result = analyze(DRAFT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    lines = DRAFT.read_text(encoding="utf-8").split("\n")
    found = {c["text"]: c for c in data["claims"]}
    claim = found["27"]
    assert lines[claim["line"] - 1][claim["column"] - 1 :].startswith("27 people died")
    assert "99" not in found  # inside the fenced code block


def test_markdown_pipe_tables_are_masked_and_split_into_rows():
    text = (
        "Crossings by year:\n\n| Year | Migrants |\n|------|---------:|\n"
        "| 2020 | 8,417 |\n| 2021 | 28,526 |\n\nThe figures rose.\n"
    )
    doc = document_from_text(text, input_format="markdown")
    assert "|" not in doc.view and "---" not in doc.view
    assert [text[b.start : b.end] for b in doc.blocks] == [
        "Crossings by year:",
        "Year | Migrants",
        "2020 | 8,417",
        "2021 | 28,526",
        "The figures rose.",
    ]


def test_a_page_without_article_text_is_bad_input(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>\n")
    out = tmp_path / "result.jsonl"
    result = analyze(page, "--output", str(out))
    assert result.exit_code == 2
    assert "no article text found" in result.stderr
    assert not out.exists()


ENTITY_PAGE = """<!DOCTYPE html>
<html><head><title>Test page</title></head>
<body>
<article>
<h1>Council vote</h1>
<p>The council <b>cynically</b> moved the vote, and thugs blocked the road.</p>
<p>Caf&eacute; owners said the &ldquo;so-called&rdquo; reform soared, 1,000&nbsp;fled.</p>
<p>Opposition leader Maria Okafor said the move was &quot;brazenly undemocratic&quot;.</p>
</article>
</body></html>
"""


@pytest.mark.parametrize("page", ["fixture", "entities"])
def test_html_line_and_column_are_both_in_the_page(page, tmp_path, ctx):
    """Every finding's line:column..end_column spells its match in the page itself."""
    from factcheck.api import analyze_path
    from factcheck.render.result_dict import Positions

    path = PAGE if page == "fixture" else tmp_path / "page.html"
    if page == "entities":
        path.write_text(ENTITY_PAGE, encoding="utf-8")
    analysis = analyze_path(path, ctx=ctx)
    lines = path.read_text(encoding="utf-8").split("\n")
    pos = Positions(analysis)
    spans = [(f.start, f.end) for f in analysis.findings] + [
        (t.start, t.end) for t in analysis.loaded
    ]
    assert len(spans) >= 4
    for start, end in spans:
        where = pos.locate(start, end)
        if where["line"] != where["end_line"]:
            continue
        on_page = lines[where["line"] - 1][where["column"] - 1 : where["end_column"] - 1]
        assert on_page == analysis.document.text[start:end]
