"""WeasyPrint's fast import and its run-time fixes (factcheck/render/weasyprint_import.py).

Each fix must leave WeasyPrint's output as it was; the import checks run in a fresh
interpreter, since an import happens once per process.
"""

from __future__ import annotations

import sys

import pytest
from fresh_interpreter import run_python

from factcheck.render.weasyprint_import import (
    DefaultLevelZlib,
    OpenArrayFFI,
    ParserRegexes,
    import_weasyprint,
)


def test_font_subsetting_allocates_arrays_without_a_new_c_parse_per_size():
    """WeasyPrint asks for ``hb_codepoint_t[n]`` per font; each new n used to cost a C parse."""
    import_weasyprint()
    fonts = sys.modules["weasyprint.pdf.fonts"]
    assert isinstance(fonts.ffi, OpenArrayFFI)
    real = fonts.ffi._ffi
    parsed = real._parsed_types
    array = fonts.ffi.new("hb_codepoint_t[3]", (7, 8, 9))
    assert list(array) == [7, 8, 9] and real.sizeof(array) == 3 * real.sizeof("hb_codepoint_t")
    before = len(parsed)
    for size in (1031, 1032, 2049):  # sizes no document used before
        values = list(range(size))
        assert list(fonts.ffi.new(f"hb_codepoint_t[{size}]", values)) == values
    assert len(parsed) == before  # every size went through the one parsed "hb_codepoint_t[]"
    assert len(fonts.ffi.new("char[5]")) == 5  # no initial values: the real FFI, unchanged
    assert fonts.ffi.gc == real.gc
    import_weasyprint()
    assert fonts.ffi._ffi is real  # wrapped once, not once per call


def test_weasyprint_imports_without_spawning_a_library_search():
    """ctypes.util.find_library runs ldconfig and gcc: the import must not need it."""
    code = (
        "import subprocess\n"
        "def refuse(*a, **k):\n"
        "    raise AssertionError(f'spawned {a!r}')\n"
        "subprocess.Popen = refuse\n"
        "from factcheck.render.weasyprint_import import import_weasyprint\n"
        "print(import_weasyprint().__version__)\n"
    )
    stdout = run_python(code)
    assert stdout.strip() == "70.0"


def test_weasyprint_imports_without_fonttools_subset_and_instancer():
    """Loaded on first use only; then the real modules, through the names WeasyPrint holds."""
    code = (
        "import sys, importlib\n"
        "from factcheck.render.weasyprint_import import DEFERRED_FONTTOOLS, import_weasyprint\n"
        "fonts = import_weasyprint() and sys.modules['weasyprint.pdf.fonts']\n"
        "print(sorted(n for n in DEFERRED_FONTTOOLS if n in sys.modules))\n"
        "print(fonts.subset.Subsetter.__module__)\n"  # an attribute: the real module loads
        "real = importlib.import_module('fontTools.varLib.instancer')\n"
        "real.instantiateVariableFont = lambda *a, **k: ('real', a, k)\n"
        "print(fonts.instantiateVariableFont(1, static=True))\n"
        "print(sys.modules['fontTools.subset'] is importlib.import_module('fontTools.subset'))\n"
    )
    stdout = run_python(code)
    assert stdout.splitlines() == [
        "[]",
        "fontTools.subset",
        "('real', (1,), {'static': True})",
        "True",
    ]


REPORT_LIKE_PAGE = """<!DOCTYPE html><html lang="en"><head><title>T &amp; co</title></head>
<body><section id="s"><h2 class='x'>Claims</h2><p data-n="1">They said "40%" &lt; 50%,
&amp; more&#8230; <mark class="hl hl-claim">27 people<sup>C1</sup></mark></p>
<!-- a comment --><table><tr><td>a</td><td>b c</td></tr></table></section></body></html>"""


def test_html_parser_finds_its_patterns_in_the_cache_and_parses_as_before():
    """tinyhtml5 stored each pattern under the wrong key, so every lookup missed."""
    import_weasyprint()
    import tinyhtml5
    import tinyhtml5.inputstream as inputstream

    cache = inputstream.characters_until_regex
    assert isinstance(cache, ParserRegexes)
    fixed = tinyhtml5.parse(REPORT_LIKE_PAGE)
    patterns = dict(cache)
    for _ in range(3):
        tinyhtml5.parse(REPORT_LIKE_PAGE)
    assert dict(cache) == patterns  # every later lookup hit: nothing added, nothing rebuilt
    assert all(isinstance(key[1], bool) and not hasattr(key[0], "match") for key in cache)

    inputstream.characters_until_regex = {}  # tinyhtml5's own (missing) cache
    try:
        unfixed = tinyhtml5.parse(REPORT_LIKE_PAGE)
    finally:
        inputstream.characters_until_regex = cache
    assert _tree(fixed) == _tree(unfixed)
    text = "".join(fixed.itertext())
    assert '"40%" < 50%,\n& more\u2026 27 peopleC1' in text and "b\u00a0c" in text


@pytest.mark.parametrize(
    ("characters", "opposite", "text", "run"),
    [
        (("<", "\u0000"), False, "abc<d", "abc"),
        (("&", "<", "\u0000"), False, "x & y", "x "),
        (frozenset(" \t\n"), True, "  \tword", "  \t"),
    ],
)
def test_parser_patterns_match_what_tinyhtml5_would_match(characters, opposite, text, run):
    pattern = ParserRegexes()[characters, opposite]
    assert pattern.match(text).group(0) == run


def _tree(root) -> str:
    """An element tree as text: tags, attributes, text and tails, in document order."""
    return "\n".join(
        f"<{element.tag} {sorted(element.attrib.items())}>{element.text!r}{element.tail!r}"
        for element in root.iter()
    )


def test_pdf_streams_are_compressed_at_zlibs_default_level():
    """pydyf asks for level 9; the same deflate stream comes out at level 6, smaller work."""
    import zlib

    import_weasyprint()
    import pydyf

    assert isinstance(pydyf.zlib, DefaultLevelZlib)
    drawing = b"\n".join(
        b"%d %d m %d %d l S BT /F1 %d Tf (%s) Tj ET"
        % (i, i * 7 % 500, i * 3, i * 11 % 700, 8 + i % 5, b"claim %d" % (i * i))
        for i in range(3000)
    )
    assert zlib.compress(drawing, 6) != zlib.compress(drawing, 9)
    written = pydyf.Stream([drawing], compress=True).data
    assert zlib.compress(drawing, 6) in written
    assert zlib.compress(drawing, 9) not in written
    assert pydyf.zlib.decompress(zlib.compress(drawing, 6)) == drawing  # the rest is zlib
    import_weasyprint()
    assert isinstance(pydyf.zlib._zlib, type(zlib))  # wrapped once, not once per call
