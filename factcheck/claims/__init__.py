"""Claims stage: every figure a fact-checker would check, normalised and sourced.

``annotate`` runs the claim grammar (:mod:`factcheck.claims.detect`) once over
``Document.view``, drops what lies in boilerplate, masked markup or excluded
sentences, and records each figure as a :class:`~factcheck.model.Claim` with ids
"C1", "C2"... in text order. A claim's ``rule`` is the id of the ``quantities`` rule
file that decided its kind (currencies for money, number words for counts...), so
``factcheck rules test`` checks each vocabulary's examples against exactly its own
claims. Voice is "quoted" inside a direct quotation; status and source come from
:mod:`factcheck.claims.sourcing` (the attribution stage later adds speakers).

Normalisation conventions:
- a bound sets one side: "more than 1,000" -> value 1000, low 1000, high None;
  "nearly 1,000" -> value 1000, high 1000; "about 1,000" -> value 1000, qualifier "about";
- a range sets both sides and its midpoint: "between 20 and 30" -> low 20, high 30, value 25;
- vague plurals have bounds only: "hundreds of" -> value None, low 200, high 999;
- dates carry ISO 8601 in ``date``; a year alone also has it as ``value``.
"""

from __future__ import annotations

from factcheck.claims.detect import Quantity, detect
from factcheck.claims.patterns import Grammar, compile_grammar
from factcheck.claims.sourcing import SourceIndex, source_of
from factcheck.claims.vocab import build_vocabulary
from factcheck.context import Context
from factcheck.model import Analysis, Claim, Document
from factcheck.textutil.regexcache import store_for

__all__ = ["annotate", "grammar_for", "quantities"]


def grammar_for(ctx: Context) -> Grammar:
    """The compiled claim grammar of this run's rules (built once per run)."""
    return ctx.compiled(
        "claims.grammar",
        lambda: compile_grammar(
            build_vocabulary(ctx.ruleset.of_kind("quantities"), store_for(ctx).compile),
            store_for(ctx).compile,
        ),
    )


def quantities(text: str, ctx: Context, *, year: int | None = None) -> list[Quantity]:
    """Every figure in ``text``: the detector alone, for evaluation scripts and tools.

    No boilerplate, sourcing or voice: those need the whole pipeline.
    """
    return detect(text, grammar_for(ctx), year=year)


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    doc = analysis.document
    grammar = grammar_for(ctx)
    found = detect(doc.view, grammar, year=_document_year(doc))
    sources = SourceIndex(analysis, ctx)
    segments = analysis.segments
    claims: list[Claim] = []
    for q in found:
        rule = q.rule or grammar.vocab.rule(q.kind)
        if not rule:
            continue  # the rule file that decides this kind is turned off
        sentence = sources.sentence_of(q.start)
        if _skipped(analysis, q, sentence):
            continue
        voice = "quoted" if segments.quote_at(q.start, q.end) is not None else "reporter"
        status, how, link = source_of(sources, q.start, q.end, sentence)
        claims.append(
            Claim(
                id=f"C{len(claims) + 1}",
                start=q.start,
                end=q.end,
                text=doc.text[q.start : q.end],
                kind=q.kind,  # type: ignore[arg-type]
                value=q.value,
                low=q.low,
                high=q.high,
                unit=q.unit,
                noun=q.noun,
                qualifier=q.qualifier,
                status=status,
                source=how,
                link=link,
                voice=voice,
                rule=rule,
                sentence=sentence,
                date=q.date,
                verb=q.verb,
            )
        )
    return analysis.evolve(claims=tuple(claims))


def _skipped(analysis: Analysis, q: Quantity, sentence: int | None) -> bool:
    """Boilerplate, excluded sentences and masked markup hold no claims."""
    doc = analysis.document
    if doc.excluded and doc.is_excluded(q.start, q.end):
        return True
    if any(not doc.view[i].strip() and doc.text[i].strip() for i in (q.start, q.end - 1)):
        return True  # an end of the claim is masked markup
    return sentence is not None and analysis.segments.sentences[sentence].excluded


def _document_year(doc: Document) -> int | None:
    date = doc.meta.date or ""
    return int(date[:4]) if date[:4].isdigit() else None
