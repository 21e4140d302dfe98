"""Writing out ``:root`` custom properties before layout (factcheck/render/css_variables.py).

The rewrite is only allowed where it cannot change the page: these tests hold it to
exactly the properties with one possible value, and check that a PDF laid out from
the rewritten sheets draws the same thing.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

from factcheck.render.css_variables import (
    inline_variables,
    page_declares_variables,
    root_values,
)
from factcheck.render.pdf import PdfRenderer
from factcheck.resources import templates_dir

SHEET = """
/* colours */
:root {
  --ink: #1a1a1a;
  --side-0: #1f5fa8; --tint-0: #d6e4f5;
  --shadow: var(--ink);
  --accent: #c0571a !important;
}
body { color: var(--ink); }
mark.s0 { background: var(--tint-0); border-bottom: 1pt solid var( --side-0 ); }
.warn { color: var(--accent); outline-color: var(--missing, red); }
"""


def test_once_declared_root_properties_are_written_out():
    values = root_values(SHEET)
    assert values == {
        "--ink": "#1a1a1a",
        "--side-0": "#1f5fa8",
        "--tint-0": "#d6e4f5",
        "--accent": "#c0571a",
    }
    out = inline_variables(SHEET, values)
    assert "body { color: #1a1a1a; }" in out
    assert "background: #d6e4f5; border-bottom: 1pt solid #1f5fa8;" in out
    assert "color: #c0571a;" in out
    # a fallback is WeasyPrint's to resolve; --shadow's own var() had one value too
    assert "var(--missing, red)" in out and "--shadow: #1a1a1a;" in out
    assert "--ink: #1a1a1a;" in out  # the declarations stay for anything that reads them


def test_a_property_declared_again_anywhere_is_left_alone():
    in_media = SHEET + "@media print { :root { --ink: black; } }"
    in_rule = SHEET + ".dark { --side-0: white; }"
    assert "--ink" not in root_values(in_media) and "--side-0" in root_values(in_media)
    assert "--side-0" not in root_values(in_rule) and "--ink" in root_values(in_rule)
    # a second sheet of the same page may win the cascade
    assert "--ink" not in root_values(SHEET, ":root { --ink: navy; }")
    assert root_values(".a { --x: 1px; } .b { width: var(--x); }") == {}


def test_a_page_that_sets_a_property_itself_is_recognised():
    assert page_declares_variables('<p style="--ink: red">x</p>')
    assert not page_declares_variables("<p>Costs rose -- sharply: 40%</p>")


def test_rewritten_sheets_lay_out_the_same_pdf():
    """Same page count and the same drawing operations, page by page."""
    page = (
        "<html><head><title>t</title><style>"
        + SHEET
        + "</style></head><body><p>Ink <mark class='s0'>tinted</mark>"
        + " <span class='warn'>warned</span></p></body></html>"
    )
    rewriting = PdfRenderer(templates_dir())
    verbatim = PdfRenderer(templates_dir())
    verbatim._root_values = lambda texts: {}
    drawn = [PdfReader(io.BytesIO(r.render(page))).pages for r in (rewriting, verbatim)]
    assert len(drawn[0]) == len(drawn[1]) == 1
    assert drawn[0][0].get_contents().get_data() == drawn[1][0].get_contents().get_data()
    rewritten = next(iter(rewriting._sheets))
    assert "var(--tint-0)" not in rewritten and "#d6e4f5;" in rewritten


def test_a_page_setting_its_own_property_gets_the_sheet_verbatim():
    renderer = PdfRenderer(templates_dir())
    page = (
        "<html><head><style>" + SHEET + "</style></head>"
        '<body style="--ink: red"><p>x</p></body></html>'
    )
    _, sheets = renderer._split_styles(page)
    assert len(sheets) == 1 and list(renderer._sheets) == [SHEET.strip()]


def test_the_bundled_template_keeps_no_var_in_its_parsed_print_sheet():
    renderer = PdfRenderer(templates_dir())
    renderer.preload_stylesheets()
    print_sheet = next(text for text in renderer._sheets if "@page" in text)
    assert "var(" not in print_sheet
