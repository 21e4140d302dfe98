"""The editor's report: context, highlighting, HTML snapshot, PDF text, attachment, CLI.

Every PDF is rendered once per session (fixtures below): WeasyPrint is the slow part.
The design example is rendered twice: from a hand-made analysis with every layer
filled in (so each section of the layout is exercised whatever the pipeline can do
today), and from the real pipeline; two more real articles of different shape (a
long one with many quotations, one with none) come from tests/fixtures/.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import os
import socket
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fresh_interpreter import run_python
from pypdf import PdfReader
from typer.testing import CliRunner

from factcheck import cli_report
from factcheck.api import analyze_path, analyze_text
from factcheck.cli import app
from factcheck.context import Context
from factcheck.errors import ExitCode
from factcheck.model import (
    Analysis,
    Balance,
    Claim,
    Document,
    Excluded,
    Finding,
    LoadedTerm,
    Mention,
    Paragraph,
    Segments,
    Sentence,
    SideBalance,
    Speaker,
    Statement,
)
from factcheck.render import charts
from factcheck.render.files import write_atomic
from factcheck.render.html import HtmlRenderer
from factcheck.render.pdf import (
    ATTACHMENT_NAME,
    PdfRenderer,
    RefusedURL,
    local_fetcher,
    render_pdf,
)
from factcheck.render.report_context import build_context
from factcheck.render.result_dict import to_dict
from factcheck.resources import templates_dir
from factcheck.scoring.checks import applied_thresholds

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
EXAMPLE = ROOT / "examples" / "channel-migrants.txt"

pytestmark = pytest.mark.slow


# -- a hand-made analysis of the design example ---------------------------------------------------


class _Spans:
    """Offsets of phrases in the example text, found in order (never guessed by hand)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, phrase: str, after: str | None = None) -> tuple[int, int]:
        base = self.text.index(after) if after else 0
        start = self.text.index(phrase, base)
        return start, start + len(phrase)


def design_analysis(base: Analysis) -> Analysis:
    """The design example with every layer filled in as the issues describe its outcome.

    Segmentation comes from the real pipeline (``base``); claims, loaded terms,
    speakers, statements, balance, tone, readability and findings are written by hand
    from the article, so the whole report can be laid out and checked before (and
    independently of) the analysis stages.
    """
    text = base.document.text
    at = _Spans(text)
    doc = base.document
    excluded = (
        Excluded(
            *at(
                "More than 1,000 migrants have either arrived on UK shores, or been "
                "rescued from small boats this week. /Reuters"
            ),
            "photo caption",
            "BP001",
        ),
        Excluded(
            at("Read more:")[0],
            at("further straining France-UK relations")[1],
            "related-links block",
            "BP002",
        ),
        Excluded(*at("(With input from agencies.)"), "agency credit", "BP003"),
    )
    doc = dataclasses.replace(doc, excluded=excluded)

    speakers = (
        Speaker(
            "sp1",
            "Gerald Darmanin",
            ("Darmanin", "he"),
            "French Interior Minister",
            "France",
            mentions=(
                Mention(
                    *at("French Interior Minister Gerald Darmanin"),
                    "French Interior Minister Gerald Darmanin",
                ),
            ),
            statements=8,
            side_rule="SD001",
        ),
        Speaker(
            "sp2",
            "Boris Johnson",
            ("Johnson",),
            "UK prime minister",
            "UK",
            mentions=(Mention(*at("Boris Johnson"), "Boris Johnson"),),
            statements=1,
            side_rule="SD001",
        ),
        Speaker(
            "sp3",
            "France",
            (),
            "French government",
            "France",
            kind="collective",
            mentions=(Mention(*at("France"), "France"),),
            statements=1,
            side_rule="SD001",
        ),
        Speaker(
            "sp4",
            "Emmanuel Macron",
            ("Macron",),
            "French President",
            "France",
            mentions=(Mention(*at("Emmanuel Macron"), "Emmanuel Macron"),),
            statements=0,
        ),
        Speaker(
            "sp5",
            "Priti Patel",
            ("Patel",),
            "British Interior Minister",
            "UK",
            mentions=(Mention(*at("Priti Patel"), "Priti Patel"),),
            statements=0,
        ),
    )

    def stmt(
        n: int,
        content: str,
        speaker: str,
        side: str,
        cue: str,
        direct: bool,
        after: str | None = None,
        **kw: object,
    ) -> Statement:
        start, end = at(content, after)
        cue_start, cue_end = at(cue, after)
        return Statement(
            f"st{n}",
            start,
            end,
            text[start:end],
            speaker,
            side,
            cue,
            cue_start,
            cue_end,
            direct,
            len(text[start:end].split()),
            rule="AT001",
            **kw,
        )

    statements = (
        stmt(
            1,
            "the UK prime minister of exploiting the crisis for political purposes",
            "sp3",
            "France",
            "accusing",
            False,
            accusation=True,
            targets=("sp2",),
        ),
        stmt(
            2,
            "any deal on migration would have to be done with the European Union (EU)",
            "sp1",
            "France",
            "told",
            False,
        ),
        stmt(
            3,
            "France is ready for a serious discussion with Britain on issues relating to "
            "illegal migration, but will not be held hostage to London's domestic politics",
            "sp1",
            "France",
            "saying",
            False,
        ),
        stmt(
            4,
            "Britain should make itself less attractive to illegal immigrants and agree to "
            "allow genuine asylum seekers to cross the Channel legally from France",
            "sp1",
            "France",
            "said",
            False,
            after="Darmanin said Britain",
        ),
        stmt(
            5,
            "asking for a bilateral deal to return migrants to France, pending a wider "
            "agreement with the EU",
            "sp2",
            "UK",
            "wrote",
            False,
        ),
        stmt(
            6,
            "Britain left Europe, but not the world. We need to work seriously on these "
            "questions ... without being held hostage by domestic British politics,",
            "sp1",
            "France",
            "told reporters",
            True,
        ),
        stmt(
            7,
            "France had been handling the issue of illegal migration to Britain for 25 "
            "years and it was now time London woke up",
            "sp1",
            "France",
            "said",
            False,
            after="France had been handling",
        ),
        stmt(
            8,
            "If migrants are coming to Calais, Dunkirk or northern France, it's because they "
            "are attracted by England, especially the labor market which means you can work "
            "in England without any identification,",
            "sp1",
            "France",
            "he said",
            True,
        ),
        stmt(
            9,
            "Britain must take its responsibility and limit its economic attractiveness.",
            "sp1",
            "France",
            "he said",
            True,
        ),
        stmt(
            10,
            "Little was agreed at Sunday's meeting beyond further cooperation between "
            "police, but the European Border and Coast Guard Agency agreed to provide a "
            "plane from December 1 to monitor France's northern coastline",
            "sp1",
            "France",
            "added",
            False,
        ),
    )
    words = {"France": 0, "UK": 0}
    for st in statements:
        words[st.side or "France"] += st.words
    total = sum(words.values())
    shares = {k: v / total for k, v in words.items()}
    score = 1 - sum(abs(s - 0.5) for s in shares.values()) / (2 * 0.5)
    balance = Balance(
        round(score, 3),
        "score = 1 − Σ|share − 1/n| ÷ 2(1 − 1/n) over the n sides the story involves "
        "(share = words attributed to the side ÷ all attributed words; a silent side has 0)",
        (
            SideBalance(
                "France",
                ("sp1", "sp3", "sp4"),
                9,
                3,
                words["France"],
                shares["France"],
                first=True,
                last=True,
                mentions=9,
            ),
            SideBalance(
                "UK",
                ("sp2", "sp5"),
                1,
                0,
                words["UK"],
                shares["UK"],
                mentions=6,
                loaded_about=1,
                accused=True,
                replied=False,
            ),
        ),
    )

    def claim(n: int, phrase: str, kind: str, value: float, **kw: object) -> Claim:
        start, end = at(phrase)
        return Claim(
            f"c{n}",
            start,
            end,
            phrase,
            kind,
            value,
            rule="NC001",  # type: ignore[arg-type]
            **kw,
        )

    claims = (
        claim(1, "27 people died", "count", 27, noun="people", unit="people"),
        claim(
            2,
            "25 years",
            "duration",
            25,
            unit="years",
            status="sourced",
            source="speaker",
            speaker="sp1",
            voice="paraphrased",
        ),
        claim(
            3,
            "December 1",
            "date",
            1,
            unit="day",
            status="sourced",
            source="speaker",
            speaker="sp1",
            voice="paraphrased",
            date="2021-12-01",
        ),
    )

    def term(
        n: int,
        phrase: str,
        category: str,
        rule: str,
        suggestion: str,
        why: str,
        voice: str = "reporter",
        speaker: str | None = None,
        after: str | None = None,
        severity: str = "warning",
    ) -> LoadedTerm:
        start, end = at(phrase, after)
        return LoadedTerm(
            f"l{n}",
            start,
            end,
            text[start:end],
            phrase.lower(),
            category,
            severity,
            suggestion,
            why,
            rule,
            voice,
            speaker,
        )  # type: ignore[arg-type]

    loaded = (
        term(
            1,
            "exploiting the crisis",
            "judgement",
            "LL007",
            "using the crisis",
            "Imputes a motive.",
            "paraphrased",
            "sp3",
        ),
        term(
            2,
            "held hostage",
            "war-framing",
            "LL003",
            "blocked by / made conditional on",
            "Casts one side of a dispute as a hostage-taker.",
            "paraphrased",
            "sp1",
        ),
        term(
            3,
            "illegal immigrants",
            "dehumanising",
            "LL001",
            "undocumented migrants",
            "Describes people as illegal.",
            "paraphrased",
            "sp1",
            severity="error",
        ),
        term(
            4,
            "at loggerheads",
            "conflict-framing",
            "LL005",
            "in dispute",
            "Frames a negotiation as a fight.",
        ),
        term(
            5,
            "soured",
            "conflict-framing",
            "LL005",
            "worsened",
            "Emotive metaphor for a change in relations.",
        ),
        term(
            6,
            "held hostage",
            "war-framing",
            "LL003",
            "blocked by / made conditional on",
            "Casts one side of a dispute as a hostage-taker.",
            "quoted",
            "sp1",
            after="We need to work",
        ),
    )
    findings = [
        Finding(
            "NC100",
            "warning",
            "Unsourced statistic in the reporter's voice: “27 people died”",
            *at("27 people died"),
            name="unsourced-statistic",
        ),
        Finding(
            "AT101",
            "warning",
            "UK is accused (“exploiting the crisis for political "
            "purposes”) and gets no reply in the story",
            *at("accusing the UK prime minister"),
            name="accused-without-reply",
        ),
        Finding(
            "SC100",
            "warning",
            f"Balance score {score:.2f} is under 0.35: France has 9 statements, UK 1",
            0,
            0,
            name="low-balance",
        ),
    ]
    for t in loaded:
        level = t.severity if t.voice == "reporter" else "info"
        who = "" if t.voice == "reporter" else f", {t.voice} by {t.speaker}"
        findings.append(
            Finding(
                t.rule,
                level,
                f"Loaded language “{t.text}” ({t.category}{who}); consider: {t.suggestion}",
                t.start,
                t.end,
                name=t.category,
                voice=t.voice,
            )
        )
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return base.evolve(
        document=doc,
        claims=claims,
        loaded=tuple(sorted(loaded, key=lambda t: (t.start, t.end))),
        speakers=speakers,
        statements=statements,
        balance=balance,
        sentiment={
            "by_side": {
                "France": {
                    "statements": {"compound": -0.21, "n": 9},
                    "about": {"compound": -0.12, "n": 7},
                },
                "UK": {
                    "statements": {"compound": 0.18, "n": 1},
                    "about": {"compound": -0.34, "n": 6},
                },
            },
            "overall": {"compound": -0.15, "n": 14},
        },
        readability={
            "flesch_reading_ease": 45.3,
            "flesch_kincaid_grade": 12.4,
            "gunning_fog": 14.9,
            "smog_index": 13.2,
            "coleman_liau_index": 11.8,
            "dale_chall_readability_score": 9.6,
            "difficult_words": 58,
        },
        findings=tuple(findings),
        rules_fired=tuple(sorted({f.rule for f in findings} | {"NC001"})),
    )


# -- rendering, once per session ------------------------------------------------------------------

SNAPSHOT_RULES = {
    "LL001": ("dehumanising-labels", "Labels that describe people as illegal or as a mass."),
    "LL003": (
        "war-and-hostage-framing",
        "War, siege and hostage metaphors for political disputes.",
    ),
    "NC100": ("unsourced-statistic", "A statistic in the reporter's voice with no source."),
}


class Rendered:
    """One report rendered once: its analysis, template data, HTML, PDF and PDF text."""

    def __init__(self, analysis: Analysis, ctx: Context, **context_args: object) -> None:
        self.analysis = analysis
        self.context = build_context(
            analysis,
            thresholds=applied_thresholds(ctx),
            **context_args,  # type: ignore[arg-type]
        )
        renderer = HtmlRenderer()
        self.html = renderer.render(self.context)
        self.json = json.dumps(to_dict(analysis), ensure_ascii=False)
        self.pdf = render_pdf(self.html, template_dir=renderer.template_dir, result_json=self.json)
        self.reader = PdfReader(io.BytesIO(self.pdf))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]
        self.text = _squeeze(" ".join(self.pages))

    def has(self, phrase: str) -> bool:
        """True when ``phrase`` appears in the PDF's text.

        Whitespace and case are ignored: pypdf joins lines and table cells in its own
        way, and headings are upper-cased by the stylesheet.
        """
        return _squeeze(phrase) in self.text


def _squeeze(text: str) -> str:
    return "".join(text.split()).casefold()


@pytest.fixture(scope="session")
def design(ctx: Context) -> Rendered:
    text = EXAMPLE.read_text(encoding="utf-8")
    base = analyze_text(text, path="examples/channel-migrants.txt", ctx=ctx)
    analysis = design_analysis(base).evolve(
        versions={"factcheck": "0.0.0-test"}, ruleset_digest="0123456789abcdef" * 4
    )
    return Rendered(analysis, ctx, rule_names=SNAPSHOT_RULES)


@pytest.fixture(scope="session")
def real(ctx: Context) -> dict[str, Rendered]:
    """The real pipeline's reports: the design example and two articles of other shapes."""
    paths = {
        "example": EXAMPLE,
        "long": FIXTURES / "report-long-quotes.txt",
        "noquotes": FIXTURES / "report-no-quotes.txt",
    }
    return {name: Rendered(analyze_path(path, ctx=ctx), ctx) for name, path in paths.items()}


# -- the design example, every layer filled in ----------------------------------------------------


def test_design_pdf_shows_every_section(design: Rendered):
    for heading in (
        "Three things to look at first",
        "The article",
        "Numeric claims",
        "Loaded language",
        "Voices",
        "Tone and readability",
        "Method",
    ):
        assert design.has(heading), heading
    a = design.analysis
    for claim in a.claims:
        assert design.has(claim.text), claim.text
    for term in a.loaded:
        assert design.has(term.text), term.text
    for speaker in a.speakers:
        assert design.has(speaker.name), speaker.name
    assert a.balance is not None and a.balance.score is not None
    assert design.has(f"{a.balance.score:.2f}")
    assert design.has("Mentioned but silent: Emmanuel Macron (French President; France) · 1")
    assert design.has("UK is accused in the story and gets no reply.")
    assert design.has("Speaks first: France (France)")
    assert design.has("Flesch reading ease: 45.3")
    assert design.has("left out: photo caption")


def test_design_summary_page(design: Rendered):
    first = _squeeze(design.pages[0])
    meta = design.context["meta"]
    assert meta["words"] == design.analysis.words() > 300
    for phrase in (
        "Fact-check report Channel migrants",
        "Source: examples/channel-migrants.txt",
        f"Words: {meta['words']} in {meta['sentences']} sentences",
        "Reading grade: 12.4",
        "Numeric claims 3",
        "1 unsourced 0 inconsistent 2 sourced",
        "Loaded terms 6",
        "Balance score 0.16",
    ):
        assert _squeeze(phrase) in first, phrase
    # Three things: unsourced figure, then balance, then the unanswered accusation,
    # ahead of the loaded words (all at warning level).
    look = design.context["summary"]["look_first"]
    assert [f["kind"] for f in look] == ["unsourced", "balance", "reply"]
    assert look[0]["ref"] == "C1"
    assert first.index(_squeeze("Unsourced statistic")) < first.index(_squeeze("is under 0.35"))


def test_look_first_gives_the_paragraph_number_of_the_article_section(tmp_path: Path):
    """With blank lines between paragraphs, file lines and paragraph numbers differ."""
    from factcheck.api import analyze_path

    path = tmp_path / "spaced.txt"
    path.write_text(
        "Mayor wins vote\n\nThe vote was held on Monday.\n\n"
        "More than 5,000 residents signed the petition against the plan.\n",
        encoding="utf-8",
    )
    look = build_context(analyze_path(str(path)))["summary"]["look_first"]
    unsourced = next(f for f in look if f["kind"] == "unsourced")
    assert (unsourced["line"], unsourced["para"]) == (5, 3)


def test_design_article_highlights_are_numbered_to_table_rows(design: Rendered):
    article = _squeeze(design.pages[1])
    assert _squeeze("27 people died C1") in article
    assert _squeeze("soured L5") in article
    # Boilerplate is kept, greyed and labelled.
    assert _squeeze("(With input from agencies.) · left out: agency credit") in article
    # Direct quotes carry a side tag before the opening quote mark.
    assert _squeeze('FRANCE "Britain left Europe') in article
    rows = design.context["claims"]
    assert [r["ref"] for r in rows] == ["C1", "C2", "C3"]
    assert rows[0]["source"] == "unsourced" and rows[1]["source"] == "Gerald Darmanin"


def test_pages_have_running_header_and_page_numbers(design: Rendered):
    n = len(design.pages)
    assert 4 <= n <= 8
    for i, page in enumerate(design.pages, 1):
        assert f"Page {i} of {n}" in page
        if i > 1:
            assert "Channel migrants" in page.split("\n")[0] or "Channel migrants" in page


def test_pdf_metadata_attachment_and_tags(design: Rendered):
    meta = design.reader.metadata
    assert meta is not None
    assert meta.title == "Fact-check report: Channel migrants"
    assert meta.author == "factcheck"
    attached = design.reader.attachments
    assert list(attached) == [ATTACHMENT_NAME]
    result = json.loads(attached[ATTACHMENT_NAME][0])
    assert result == json.loads(design.json)
    assert [c["text"] for c in result["claims"]] == ["27 people died", "25 years", "December 1"]
    root = design.reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and "/Metadata" in root  # tagged, PDF/UA-1
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"


def test_html_snapshot(design: Rendered):
    """The HTML for the design example, byte for byte (set FACTCHECK_UPDATE_SNAPSHOTS=1)."""
    golden = SNAPSHOTS / "report-design.html"
    if os.environ.get("FACTCHECK_UPDATE_SNAPSHOTS") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(design.html, encoding="utf-8")
    assert golden.is_file(), "no snapshot: run with FACTCHECK_UPDATE_SNAPSHOTS=1"
    assert design.html == golden.read_text(encoding="utf-8")


def test_charts_are_vector_and_labelled(design: Rendered):
    voices = design.context["voices"]
    svg = base64.b64decode(voices["chart"].split(",", 1)[1]).decode()
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "France" in texts and "UK" in texts
    assert any(t and t.startswith("92%") for t in texts)
    # Sides differ by pattern, not colour alone.
    fills = {r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect")}
    assert {"url(#p1)", "url(#p2)"} <= fills
    assert "France 92% of attributed words" in voices["chart_alt"]
    hist = base64.b64decode(design.context["readability"]["chart"].split(",", 1)[1]).decode()
    assert "41+" in hist and "<text" in hist
    assert design.context["readability"]["chart_caption"].startswith("Words per sentence")


# -- the real pipeline ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["example", "long", "noquotes"])
def test_real_reports_show_what_the_pipeline_found(real: dict[str, Rendered], name: str):
    r = real[name]
    a = r.analysis
    for claim in a.claims:
        assert r.has(claim.text), claim.text
    for term in a.loaded:
        assert r.has(term.text), term.text
    for speaker in a.speakers:
        assert r.has(speaker.name), speaker.name
    if a.balance is not None and a.balance.score is not None:
        assert r.has(f"Balance score {a.balance.score:.2f}")
    assert r.has(f"Words: {a.words()}")
    summary = r.context["summary"]
    assert summary["claims"] == len(a.claims)
    assert summary["loaded"] == len(a.loaded)


def test_side_speakers_are_those_who_spoke_and_the_silent_are_apart(real: dict[str, Rendered]):
    """Macron and Patel are only mentioned: not under "Speakers", but named as silent."""
    r = real["example"]
    rows = {row["name"]: row for row in r.context["voices"]["sides"]}
    silent = {sp["name"] for sp in r.context["voices"]["silent"]}
    assert {"Emmanuel Macron", "Priti Patel"} <= silent
    assert rows["France"]["speakers"] == "France, Gerald Darmanin"
    assert rows["United Kingdom"]["speakers"] == "Boris Johnson"
    assert rows["France"]["silent"] == "Emmanuel Macron"
    assert rows["United Kingdom"]["silent"] == "Priti Patel"  # not its own name
    for row in rows.values():
        assert not set(row["speakers"].split(", ")) & silent
    assert r.has("Boris Johnson silent: Priti Patel")


@pytest.mark.parametrize("name", ["example", "long", "noquotes"])
def test_legend_samples_come_from_the_article_itself(real: dict[str, Rendered], name: str):
    r = real[name]
    samples = {item["label"]: item["sample"] for item in r.context["legend"]}
    a = r.analysis
    text = " ".join(a.document.view.split())
    assert "27 people" not in samples.values() and "soured" not in samples.values()
    first_claim = min(a.claims, key=lambda c: c.start)
    claim_sample = samples["Numeric claim (C1… table 3)"]
    assert claim_sample.removesuffix(" …") in text
    assert first_claim.text.startswith(claim_sample.removesuffix(" …"))
    if a.loaded:
        first_term = min(a.loaded, key=lambda t: t.start)
        assert samples["Loaded term (L1… table 4)"] == first_term.text
    else:
        assert "Loaded term (L1… table 4)" not in samples
    if name == "example":
        assert samples["Loaded term (L1… table 4)"] == "exploiting"
        assert samples["Boilerplate"] == "/Reuters"


def test_legend_leaves_out_kinds_the_article_lacks():
    text = "The council met on a quiet evening and agreed to meet again.\n"
    context = build_context(analyze_text(text, path="quiet.txt"))
    assert context["legend"] == []
    assert 'class="legend"' not in HtmlRenderer().render(context)


def test_report_explains_a_missing_balance_score_without_a_silent_side_bar(ctx: Context):
    from test_scoring import NO_SIDE, PRIMARY

    analysis = analyze_text(PRIMARY, path="primary.txt", ctx=ctx)
    context = build_context(analysis, thresholds=applied_thresholds(ctx))
    balance = context["summary"]["balance"]
    assert balance["score_text"] == "n/a" and not balance["available"]
    assert balance["reason"] == NO_SIDE[0].upper() + NO_SIDE[1:]
    html = HtmlRenderer().render(context)
    assert "No sides identified" not in html and 'class="sbars"' not in html
    assert html.count(f"{balance['reason']}.") == 2  # the card and the Voices section


def test_real_page_counts(real: dict[str, Rendered]):
    assert 3 <= len(real["example"].pages) <= 8
    assert 3 <= len(real["noquotes"].pages) <= 6
    # The long article runs over more than one page of its own.
    assert len(real["long"].pages) > len(real["noquotes"].pages)
    assert len(real["long"].pages) <= 14


def test_long_article_paginates_with_running_header(real: dict[str, Rendered]):
    r = real["long"]
    n = len(r.pages)
    headline = "Council approves 12% bus fare rise"
    for i, page in enumerate(r.pages, 1):
        assert f"Page {i} of {n}" in page
    assert sum(headline in " ".join(p.split()) for p in r.pages) >= n - 1


def test_article_without_quotes_has_no_quote_highlights(real: dict[str, Rendered]):
    r = real["noquotes"]
    assert not any(st.direct for st in r.analysis.statements)
    assert "hl-quote" not in "".join(
        piece.get("classes", "") for p in r.context["article"] for piece in p["pieces"]
    )
    assert r.has("3.2%")


# -- highlighting from offsets --------------------------------------------------------------------


def _tiny(text: str, **layers: object) -> Analysis:
    doc = Document(path="tiny.txt", format="text", text=text, view=text)
    para = Paragraph(0, len(text))
    seg = Segments((para,), (Sentence(0, len(text), 0),), ())
    return Analysis(document=doc, segments=seg, **layers)  # type: ignore[arg-type]


def test_pieces_rebuild_the_text_exactly_with_overlapping_spans():
    text = "Critics say 27 people died in the flood of migrants yesterday."
    claim = Claim("c1", 12, 26, text[12:26], "count", 27)
    term = LoadedTerm("l1", 34, 51, text[34:51], "flood", "disaster", "warning", None, None, "LL1")
    nested = LoadedTerm("l2", 22, 38, text[22:38], "x", "y", "info", None, None, "LL2")
    stmt = Statement("s1", 0, 51, text[0:51], None, "A", "say", 8, 11, False, 9)
    analysis = _tiny(text, claims=(claim,), loaded=(nested, term), statements=(stmt,))
    context = build_context(analysis)
    pieces = context["article"][0]["pieces"]
    assert "".join(p["text"] for p in pieces if p["type"] == "text") == text
    by_text = {p["text"]: p.get("classes", "") for p in pieces if p["type"] == "text"}
    assert set(by_text["died"].split()) == {"hl-claim", "hl-loaded", "hl-reported", "side-0"}
    marks = [p["text"] for p in pieces if p["type"] == "mark"]
    assert marks == ["C1", "L1", "L2", "S1"]  # at their span ends, in text order
    # The same analysis gives the same pieces: no dependence on set or dict order.
    assert build_context(analysis)["article"] == context["article"]


def test_marks_at_one_offset_are_ordered_claim_loaded_statement():
    text = "He said prices rose 40%."
    claim = Claim("c1", 20, 23, "40%", "percent", 40)
    term = LoadedTerm("l1", 20, 23, "40%", "x", "y", "info", None, None, "LL1")
    stmt = Statement("s1", 8, 23, text[8:23], None, None, "said", 3, 7, False, 3)
    context = build_context(_tiny(text, claims=(claim,), loaded=(term,), statements=(stmt,)))
    marks = [p["text"] for p in context["article"][0]["pieces"] if p["type"] == "mark"]
    assert marks == ["C1", "L1", "S1"]


def test_method_lists_a_repeated_left_out_passage_once_with_its_count():
    text = (
        "Live updates\n\nThe mayor said 40 people came.\n\n___\n\nThe council said 12 roads"
        " closed.\n\n___\n\nPolice said two men were held.\n\n___\n\nMore later.\n"
    )
    analysis = analyze_text(text, path="live.txt")
    assert len(analysis.document.excluded) == 3
    method = build_context(analysis)["method"]
    assert method["excluded"] == [{"reason": "separator line", "text": "___", "count": 3}]
    page = HtmlRenderer().render(build_context(analysis))
    assert page.count("separator line: ___") == 1 and "(×3)" in page


def test_method_shows_the_limit_the_findings_used(ctx: Context):
    """The method page names the limit BAL005 applied, not the unset option ("off")."""
    text = (
        "Channel crossings\n\nThe shocking figures came after a horrific week in the Channel. "
        "The government's disastrous plan has been a devastating failure for the families "
        "involved. Ministers offered a terrible excuse for the grim situation, and the "
        "harrowing scenes on the beaches were heartbreaking.\n"
    )
    analysis = analyze_text(text, path="loaded.txt", ctx=ctx)
    html, _ = cli_report.build_report(analysis, ctx, HtmlRenderer())
    (finding,) = [f for f in analysis.findings if f.rule == "BAL005"]
    assert "(limit 5)" in finding.message
    assert '<span class="path">max_reporter_loaded</span> = <strong>5</strong>' in html
    assert '<span class="path">max_unsourced</span> = <strong>10</strong>' in html
    assert "= <strong>off</strong>" not in html


def test_article_text_is_escaped_never_markup():
    text = (
        'A reader sent <img src="http://127.0.0.1:9/x.png"> and <script>alert(1)</script> '
        "and file:///etc/passwd in a letter."
    )
    html = HtmlRenderer().render(build_context(_tiny(text)))
    assert "&lt;img src=&#34;http://127.0.0.1:9/x.png&#34;&gt;" in html
    assert '<img src="http://127.0.0.1:9' not in html and "<script>" not in html
    pdf = render_pdf(html, template_dir=templates_dir(), result_json="{}")
    text = _squeeze(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert _squeeze('<img src="http://127.0.0.1:9/x.png">') in text
    assert _squeeze("file:///etc/passwd") in text


# -- local-only resource loading ------------------------------------------------------------------


def test_fetcher_refuses_everything_outside_the_template_dir(tmp_path: Path):
    root = tmp_path / "templates"
    root.mkdir()
    (root / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    (root / "link.txt").symlink_to(outside)
    fetcher = local_fetcher(root)
    for url in (
        "http://127.0.0.1:9/x.png",
        "https://example.com/font.woff2",
        "file:///etc/passwd",
        outside.as_uri(),
        (root / "link.txt").as_uri(),
        (root / ".." / "secret.txt").as_uri(),
        "file://remotehost" + str(root / "logo.svg"),
        "ftp://example.com/x",
    ):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    ok = fetcher.fetch((root / "logo.svg").as_uri())
    assert ok.read().startswith(b"<svg")
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"


def test_pdf_renderer_parses_each_stylesheet_once_and_drops_screen_css():
    renderer = PdfRenderer(templates_dir())
    page = (
        '<html><head><style>p { color: red }</style><style media="screen">p { color: blue }'
        '</style><style media="print, screen">h1 { color: green }</style></head>'
        "<body><p>&lt;style&gt;kept as text&lt;/style&gt;</p></body></html>"
    )
    body, sheets = renderer._split_styles(page)
    assert len(sheets) == 2 and "<style" not in body and "&lt;style&gt;kept" in body
    small = (
        '<html lang="en"><head><style>p { color: #333 }</style></head><body><p>one</p></body>'
        "</html>"
    )
    renderer.render(small)
    parsed = dict(renderer._sheets)
    second = renderer.render(small.replace("one", "two"))
    assert renderer._sheets == parsed and len(parsed) == 3  # parsed once each, reused
    assert "two" in PdfReader(io.BytesIO(second)).pages[0].extract_text()


def test_preloaded_stylesheets_are_the_ones_a_report_page_uses(tmp_path):
    renderer = PdfRenderer(templates_dir())
    renderer.preload_stylesheets()
    preloaded = dict(renderer._sheets)
    assert len(preloaded) == len(list(templates_dir().glob("*.css")))
    analysis = analyze_text("The council said 40 people came.", path="a.txt")
    page = HtmlRenderer().render(build_context(analysis))
    _, sheets = renderer._split_styles(page)
    assert sheets and all(any(s is p for p in preloaded.values()) for s in sheets)
    assert renderer._sheets == preloaded  # nothing parsed again


def test_forkserver_preload_imports_with_the_collector_off_then_freezes():
    code = (
        "import gc, sys\n"
        "import factcheck.render.pdf_preload\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 30_000,\n"
        "      all(m in sys.modules for m in ('weasyprint', 'factcheck.cli')))\n"
    )
    assert run_python(code).split() == ["True", "True", "True"]


def test_worker_warm_up_parses_the_stylesheets_and_freezes_what_it_loaded():
    """Run in a child process: the warm-up changes the garbage collector of its process."""
    code = (
        "import gc\n"
        "from factcheck.cli_report import pdf_renderer, warm_up\n"
        "from factcheck.resources import templates_dir\n"
        "before = gc.get_freeze_count()\n"
        "warm_up(templates_dir())\n"
        "print(before, gc.get_freeze_count(), len(pdf_renderer(templates_dir())._sheets))\n"
    )
    stdout = run_python(code)
    before, frozen, sheets = map(int, stdout.split())
    assert before == 0 and frozen > 30_000  # WeasyPrint's modules and caches
    assert sheets == len(list(templates_dir().glob("*.css")))


def test_report_starts_its_pdf_workers_before_loading_the_pipeline(tmp_path: Path):
    """The workers import WeasyPrint (most of a second): they start before the rules load."""
    article = tmp_path / "a.txt"
    article.write_text("The council said 40 people came.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from factcheck import cli_report\n"
        "def start_pool(workers, template_dir):\n"
        "    heavy = ('factcheck.api', 'factcheck.model', 'factcheck.ruleset')\n"
        "    print('loaded:', [m for m in heavy if m in sys.modules], 'workers:', workers)\n"
        "    raise SystemExit(0)\n"
        "cli_report.start_pool = start_pool\n"
        "from factcheck.cli import app\n"
        f"app(['report', {str(article)!r}, '-o', {str(tmp_path / 'out')!r}])\n"
    )
    stdout = run_python(code)
    assert stdout.strip() == "loaded: [] workers: 1"
    assert not (tmp_path / "out").exists()


def test_renderer_never_connects_or_reads_outside(tmp_path: Path):
    """A hostile template pointing at a live local server: the server sees no connection."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    html = (
        f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/a.css">'
        '<link rel="stylesheet" href="file:///etc/passwd"></head><body>'
        f'<img src="http://127.0.0.1:{port}/x.png"><img src="file:///etc/passwd">'
        f'<p style="background: url(http://127.0.0.1:{port}/bg.png)">text</p></body></html>'
    )
    pdf = render_pdf(html, template_dir=tmp_path, result_json=None)
    assert pdf.startswith(b"%PDF")
    with pytest.raises(TimeoutError):
        server.accept()
    server.close()


# -- files and the command line -------------------------------------------------------------------


def test_write_atomic_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "out" / "a.pdf"

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, b"%PDF-1.7 partial")
    assert list((tmp_path / "out").iterdir()) == []


def test_failed_render_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from factcheck.render.pdf import PdfRenderer

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("layout crashed")

    monkeypatch.setattr(PdfRenderer, "render", broken)
    task = cli_report.PdfTask(0, "a.txt", tmp_path / "a.pdf", "<p>a</p>", "{}", templates_dir())
    outcome = cli_report.render_pdf_task(task)
    assert outcome.error and "layout crashed" in outcome.error
    assert outcome.written == []
    assert list(tmp_path.iterdir()) == []


def test_cli_folder_with_a_bad_file_in_worker_processes(tmp_path: Path):
    """Three good articles and an empty one, two PDF workers: three reports, exit 1."""
    articles = tmp_path / "articles"
    articles.mkdir()
    text = (FIXTURES / "report-no-quotes.txt").read_text(encoding="utf-8")
    for name in ("a", "b", "c"):
        (articles / f"{name}.txt").write_text(text, encoding="utf-8")
    (articles / "empty.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "reports"
    result = CliRunner().invoke(
        app, ["report", str(articles), "-o", str(out), "-f", "both", "--jobs", "2"]
    )
    assert result.exit_code == ExitCode.FINDINGS, result.output
    names = ["a.html", "a.pdf", "b.html", "b.pdf", "c.html", "c.pdf"]
    assert sorted(p.name for p in out.iterdir()) == names
    for name in ("a", "b", "c"):
        reader = PdfReader(out / f"{name}.pdf")
        assert "3.2%" in reader.pages[1].extract_text()
        assert ATTACHMENT_NAME in reader.attachments
    # Written files on stdout in input order, the failure on stderr at the end.
    assert result.output.splitlines()[:6] == [str(out / n) for n in names]
    assert "1 of 4 reports failed" in result.output
    assert "\r" not in result.output  # no progress bar when stderr is not a terminal
    assert "empty.txt" in result.output.splitlines()[-1]


def test_attached_result_is_the_line_analyze_prints(tmp_path: Path):
    """A script that reads `factcheck analyze` output can read the attachment as is."""
    out = tmp_path / "reports"
    runner = CliRunner()
    assert runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)]).exit_code in (0, 1)
    analyzed = runner.invoke(app, ["analyze", str(EXAMPLE)])
    attached = PdfReader(out / f"{EXAMPLE.stem}.pdf").attachments[ATTACHMENT_NAME][0]
    assert attached.decode("utf-8") + "\n" == analyzed.stdout


def test_cli_usage_errors_exit_2(tmp_path: Path):
    runner = CliRunner()
    cases = [
        ["report", str(EXAMPLE), "--format", "docx"],
        ["report", str(tmp_path / "missing.txt")],
        ["report", str(EXAMPLE), "--template", str(tmp_path)],
        ["report", str(EXAMPLE), "--jobs", "-1"],
    ]
    for args in cases:
        result = runner.invoke(app, [*args, "-o", str(tmp_path / "out")])
        assert result.exit_code == ExitCode.USAGE, (args, result.output)
        assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_custom_template_dir_replaces_the_default(tmp_path: Path):
    tpl = tmp_path / "brand"
    tpl.mkdir()
    (tpl / "report.html.j2").write_text(
        "<html><head><title>{{ report.title }}</title></head>"
        "<body><h1>Daily Bugle desk copy</h1><p>{{ report.meta.headline }}: "
        "{{ report.summary.claims }} claims</p></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["report", str(EXAMPLE), "-o", str(out), "-f", "html", "--template", str(tpl)]
    )
    assert result.exit_code == 0, result.output
    html = (out / "channel-migrants.html").read_text(encoding="utf-8")
    assert "Daily Bugle desk copy" in html and "Channel migrants:" in html
    # A template that uses a value the report does not have is broken for every article:
    # the run stops with exit 2 and names the template line, like a syntax error.
    (tpl / "report.html.j2").write_text("<p>\n{{ report.no_such_key }}</p>", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["report", str(EXAMPLE), "-o", str(out), "-f", "html", "--template", str(tpl)]
    )
    assert result.exit_code == ExitCode.USAGE
    assert f"{tpl / 'report.html.j2'}:2: template uses an undefined value" in result.output


def test_progress_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, shown in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        progress = cli_report.Progress(2)
        progress.step("a.txt")
        progress.step("b.txt")
        progress.close()
        assert ("[2/2] b.txt" in stream.getvalue()) is shown


def test_output_stems_are_unique():
    assert cli_report.output_stems(["a/x.txt", "b/x.md", "y.html", "-"]) == [
        "x",
        "x-2",
        "y",
        "stdin",
    ]


def test_chart_bins():
    assert charts.histogram_bins([1, 5, 6, 40, 41, 90])[:2] == [("1–5", 2), ("6–10", 1)]
    assert charts.histogram_bins([41, 90])[-1] == ("41+", 2)


def test_claims_table_prints_a_range_by_its_ends_not_its_midpoint():
    text = (
        "Between 20 and 30 people died, officials said. Prices rose 5-7% in 2020. "
        "More than 1,000 migrants crossed. The plan costs £3bn to £4bn."
    )
    rows = {row["text"]: row for row in build_context(analyze_text(text, path="r.txt"))["claims"]}
    assert rows["Between 20 and 30"]["value"] == "20–30"
    assert rows["5-7%"]["value"] == "5–7"
    assert rows["£3bn to £4bn"]["value"] == "3,000,000,000–4,000,000,000"
    assert rows["More than 1,000"]["value"] == "1,000"
    assert rows["More than 1,000"]["qualifier"] == "more than"


def test_loaded_table_gives_a_repeated_term_its_reason_once():
    text = (
        "The minister said France would not be held hostage. Critics said he was held "
        "hostage by his party. Prices soared."
    )
    rows = build_context(analyze_text(text, path="r.txt"))["loaded"]
    hostage = [r for r in rows if r["term"] == "held hostage"]
    assert [r["same_as"] for r in hostage] == ["", hostage[0]["ref"]]
    assert all(r["same_as"] == "" for r in rows if r["term"] != "held hostage")
    page = HtmlRenderer().render(build_context(analyze_text(text, path="r.txt")))
    assert page.count(hostage[0]["why"]) == 1
    assert f"alternative and why: as {hostage[0]['ref']}" in page


def test_rules_fired_counts_a_loaded_word_once_not_as_term_and_finding():
    text = "Johnson said France would be held hostage. Prices soared. Critics slammed it."
    analysis = analyze_text(text, path="r.txt")
    counts = {r["id"]: r["count"] for r in build_context(analysis)["method"]["rules_fired"]}
    for term in analysis.loaded:
        assert any(f.rule == term.rule for f in analysis.findings)  # a finding as well
        assert counts[term.rule] == sum(t.rule == term.rule for t in analysis.loaded)


def test_statements_with_no_resolved_speaker_are_not_called_an_unnamed_source():
    text = (
        "The plan appeared to be working. Officials said the plan would cost more. "
        "Critics say it will fail."
    )
    analysis = analyze_text(text, path="r.txt")
    assert any(st.speaker is None for st in analysis.statements)
    speakers = build_context(analysis)["voices"]["speakers"]
    rows = {row["name"]: row for row in speakers}
    assert rows["speaker not identified"]["kind"] == "unresolved"
    assert "unnamed source" not in rows


def test_claims_table_says_when_a_date_has_no_year():
    text = "NEW YORK, Dec. 11 (UPI) — The vote was on 3 March 2015. Results come in June."
    rows = {row["text"]: row for row in build_context(analyze_text(text, path="d.txt"))["claims"]}
    assert rows["Dec. 11"]["value"] == "11 December (no year)"
    assert rows["Dec. 11"]["date"] == "--12-11"  # the result keeps ISO 8601
    assert rows["3 March 2015"]["value"] == "2015-03-03"


def test_a_date_span_reads_from_one_end_to_the_other():
    from factcheck.render.claim_text import readable_date

    assert readable_date("--03-31/--04-04") == "31 March to 4 April (no year)"
    assert readable_date("2015-03-01/2015-03-05") == "2015-03-01 to 2015-03-05"
    assert readable_date("--12") == "December (no year)"
    assert readable_date("2019-Q3") == "2019-Q3"


def test_a_report_is_laid_out_with_the_collector_paused_and_its_cycles_freed_next_time():
    import gc
    import weakref

    class Node:
        pass

    assert gc.isenabled()
    with cli_report.collector_paused():
        assert not gc.isenabled()
        node = Node()
        node.self = node  # a cycle: only the collector can free it
        alive = weakref.ref(node)
        del node
        assert alive() is not None
    assert gc.isenabled()
    with cli_report.collector_paused():  # the next report starts by freeing the last one's
        assert alive() is None
    gc.disable()
    try:
        with cli_report.collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is left as it was
    finally:
        gc.enable()
