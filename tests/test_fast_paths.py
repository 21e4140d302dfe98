"""Shortcuts give exactly what the slow path gives.

Headline-and-paragraphs drafts skip the CommonMark parser; front matter goes through
libyaml; syllables of words the CMU table lacks are counted with pyphen's patterns
without pyphen's exhaustive search. Each shortcut is compared here with the path it
replaces, on real text and on the edge cases that decide between them.
"""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
import yaml

from factcheck.errors import InputError
from factcheck.ingest import markdown
from factcheck.ingest.frontmatter import find_front_matter

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "channel-migrants.txt").read_text(
    encoding="utf-8"
)
FRONT = '---\ntitle: "France rejects Johnson\'s plan"\nsource: basil\nid: "b-17"\n---\n\n'
HEADLINE_DRAFTS = [
    FRONT + "# France rejects Johnson's plan\n\n" + EXAMPLE,
    "# Channel deaths\n" + EXAMPLE.replace("\n\n", "\n"),  # heading interrupts a paragraph
    "  ## Indented heading ##  \nFirst paragraph line\ncontinued here.\n   \n\t\nSecond.\n",
    "#\n\n# Only a hashtag #notaheading follows\n#hashtag line is text\n\nEnd.",
    "Paragraph first.\n### Third-level heading with *emphasis* and a [link](https://x.org)\n"
    "| a | b |\n| --- | --- |\n| 1 | 2 |\n",
    "# Title\n\n\u00a0\n\nText after a line of no-break spaces.\n",
]
PARSER_DRAFTS = [  # something other than headings: the parser must decide
    "# Title\n\n    indented code 99\n\nText.",
    "# Title\n\n   \tcode after a tab?\n",
    "Title\n=====\n\nText.",
    "# Title\r\nText with a CR.\r\n",
    "# Title\n\n- a list item with 5 things\n",
    "# Title\n\n> a quote\n",
    "# Title\n\n[ref]: https://example.org\n\nSee [ref].",
    "# Title\n<div>raw html</div>\n",
]


def parsed_with_markdown_it(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as m:
        m.setattr(markdown, "_headings_and_paragraphs", lambda view, lines: None)
        return markdown.markdown_document(text, "d.md")


@pytest.mark.parametrize("text", HEADLINE_DRAFTS)
def test_headline_drafts_skip_the_parser_with_the_same_result(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = markdown.Masker(text).view
    if text.startswith("---"):
        end = find_front_matter(text, "x")
        assert end is not None
        view = " " * end.end + text[end.end :]
    assert markdown._headings_and_paragraphs(view, markdown._line_starts(text)) is not None
    fast = markdown.markdown_document(text, "d.md")
    assert fast == parsed_with_markdown_it(text, monkeypatch)


@pytest.mark.parametrize("text", PARSER_DRAFTS)
def test_other_blocks_go_to_the_parser(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert markdown._headings_and_paragraphs(text, markdown._line_starts(text)) is None
    assert markdown.markdown_document(text, "d.md") == parsed_with_markdown_it(text, monkeypatch)


def test_headings_and_blocks_of_a_headline_draft() -> None:
    doc = markdown.markdown_document(HEADLINE_DRAFTS[0], "draft.md")
    assert doc.meta.title == "France rejects Johnson's plan"
    first = doc.headings[0]
    assert doc.text[first.start - 2 : first.end] == "# France rejects Johnson's plan"
    assert doc.view[first.start - 2 : first.end] == "  France rejects Johnson's plan"
    assert len(doc.blocks) == 1 + EXAMPLE.strip().count("\n\n") + 1


FRONT_MATTERS = [
    "title: Plain\ndate: 2021-11-28\nsides:\n  france: [Darmanin, Macron]\n  uk: Johnson, Patel\n",
    'title: "Quoted: with colon"\nauthor: [A. One, "B, Two"]\npublished: 2021-11-28T10:00:00Z\n',
    "title: >\n  Folded\n  headline\nnumbers: [1, 2.5, 0x1F, .inf, ~]\nflag: yes\n",
    "title: 'single ''quoted'''\nempty:\nnested: {a: {b: [c]}}\n",
    "# only a comment\n",
    "title: café — “curly” ’quotes’\n",
]
BAD_FRONT_MATTERS = ["title: [unclosed\n", "title: a\n  bad: indent\n", "a: b\na: *nope\n"]


@pytest.mark.parametrize("body", FRONT_MATTERS)
def test_front_matter_values_are_safe_loads(body: str) -> None:
    text = f"---\n{body}---\n\nText."
    fm = find_front_matter(text, "d.md")
    assert fm is not None
    data = yaml.safe_load(body)
    if data is not None:
        assert fm.meta.title == (str(data["title"]).strip() if "title" in data else None)
    assert yaml.load(body, Loader=yaml.CSafeLoader) == data


@pytest.mark.parametrize("body", BAD_FRONT_MATTERS)
def test_front_matter_errors_are_safe_loads(body: str) -> None:
    try:
        yaml.safe_load(body)
    except yaml.YAMLError as exc:
        problem = exc.problem  # type: ignore[attr-defined]
    with pytest.raises(InputError) as err:
        find_front_matter(f"---\n{body}---\n", "d.md")
    assert problem in str(err.value)


def test_hyphenation_points_are_pyphens() -> None:
    from textstat.backend.utils import get_pyphen

    from factcheck.scoring.readability import HyphenationPoints, _hyphenation_data

    pyphen = get_pyphen("en_US")
    points = HyphenationPoints.of_pyphen(pyphen)
    words = [*EXAMPLE.lower().split(), "darmanin", "hyphenation", "İstanbul", "naïve", "", "ab"]
    words += [
        "co-operate",
        "x" * 40,
        "élysée",
        "don't",
        "'",
        "..",
        "zelenskyy",
        "antidisestablishment",
    ]
    assert [points.count(w) for w in words] == [len(pyphen.positions(w)) for w in words]
    assert points.count("hyphenation") == 2  # hy-phen-ation: pyphen's en_US points
    # The trie as kept on disk (marshal) counts the same.
    data = marshal.loads(marshal.dumps(_hyphenation_data("en_US")))
    from_disk = HyphenationPoints.of_data(data)
    assert [from_disk.count(w) for w in words] == [points.count(w) for w in words]


def test_punctuation_stripped_as_textstat_does() -> None:
    from textstat.backend.transformations import remove_punctuation
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    from factcheck.scoring.readability import strip_punctuation

    text = EXAMPLE + " 'Quoted,' she said. Don't, won't; rock 'n' roll — it's 5.5% (sic)!"
    ours = strip_punctuation(RE_NONCONTRACTION_APOSTROPHE, text)
    assert ours == remove_punctuation(text, rm_apostrophe=False)
    assert "Don't" in ours and "'Quoted" not in ours


def test_lexicon_read_back_from_disk_is_the_one_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.scoring import readability

    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    built = readability.build_lexicon()
    assert list(tmp_path.glob("readability-*.marshal"))
    again = readability.build_lexicon()
    assert dict(again.syllables) == dict(built.syllables)
    assert again.easy == built.easy and again.easy_polysyllables == built.easy_polysyllables
    assert again.version == built.version == "0.7.8"
    text = EXAMPLE[:2000]
    assert again.strip_punctuation(text) == built.strip_punctuation(text)
    words = [*text.lower().split(), "darmanin", "zelenskyy"]
    assert [again.syllables[w] for w in words] == [built.syllables[w] for w in words]


def test_median_is_statistics_median() -> None:
    import statistics

    from factcheck.scoring.readability import median

    for values in ([7], [3, 1], [12, 30, 5, 5], [21, 8, 40, 17, 9], list(range(1, 31))):
        assert median(values) == statistics.median(values)
        assert type(median(values)) is type(statistics.median(values))
