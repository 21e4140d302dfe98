"""Tone: VADER compound scores, one sentence at a time, averaged overall and per side.

VADER (Hutto & Gilbert 2014) sums word valences and squashes the sum with
``x / sqrt(x^2 + 15)``: on a whole article the sum grows with length and the compound
saturates near +1 or -1 whatever the article says. So every score here is a mean of
per-sentence (or per-statement) compounds, never one call on the whole text.

For each side: ``statements`` is the mean compound of the side's statement texts
(what its speakers say), ``about`` the mean over the sentences that mention it (how
the story talks about it). Tone is shown to the editor, never turned into a finding
on its own: a lexicon cannot tell a grim fact from a hostile framing.

Speed: a sentence with no word of VADER's lexicon (and no emoji) has compound 0.0
exactly, whatever its modifiers; such sentences (about four in ten in news) skip the
analyzer. ``tests/test_scoring.py`` checks the shortcut against the analyzer itself.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from factcheck.context import Context
from factcheck.model import Analysis
from factcheck.scoring.balance import sentences_about, statement_side

METHOD = "VADER compound per sentence, mean"
CAVEAT = (
    "VADER is a general-purpose sentiment lexicon: it scores words, not stance. Reporting "
    "on deaths or crime reads negative however fairly it is written, and a side's mean "
    "over a few sentences moves a lot with one sentence. Compare sides within a story; "
    "do not read a score as bias on its own."
)
STRONG = 0.5  # |compound| above this is a clearly positive or negative sentence


@dataclass(frozen=True, slots=True)
class Vader:
    """The analyzer of one run and what the zero shortcut needs to know about it."""

    analyzer: Any
    lexicon: frozenset[str]
    emojis: frozenset[str]
    version: str


def build_vader() -> Vader:
    """Load VADER's lexicon (once per run, through ``ctx.compiled``)."""
    from importlib.metadata import version

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return Vader(
        analyzer=analyzer,
        lexicon=frozenset(analyzer.lexicon),
        emojis=frozenset(analyzer.emojis),
        version=version("vaderSentiment"),
    )


def compound(vader: Vader, text: str) -> float:
    """VADER's compound score of one sentence-sized text."""
    text = text.strip()
    if not text or _no_valence(vader, text):
        return 0.0
    return float(vader.analyzer.polarity_scores(text)["compound"])


def _no_valence(vader: Vader, text: str) -> bool:
    """True when VADER would score ``text`` 0.0: no lexicon word among its tokens.

    Tokens are made exactly as ``vaderSentiment.SentiText`` makes them (split on white
    space, punctuation stripped unless that leaves two characters or fewer); emoji
    are turned into words by VADER, so a text holding one always goes to the analyzer.
    """
    if not text.isascii() and not vader.emojis.isdisjoint(text):
        return False
    lexicon = vader.lexicon
    for token in text.split():
        stripped = token.strip(string.punctuation)
        item = token if len(stripped) <= 2 else stripped
        if item.lower() in lexicon:
            return False
    return True


def compute_tone(analysis: Analysis, ctx: Context) -> dict[str, Any]:
    """The ``sentiment`` layer: overall and per-side means of per-sentence compounds."""
    vader = ctx.compiled("scoring.vader", build_vader)
    view = analysis.document.view
    memo: dict[str, float] = {}

    def score(text: str) -> float:
        key = text.strip()
        if key not in memo:
            memo[key] = compound(vader, key)
        return memo[key]

    sentence_scores = {
        i: score(view[s.start : s.end])
        for i, s in enumerate(analysis.segments.sentences)
        if not s.excluded and view[s.start : s.end].strip()
    }
    values = list(sentence_scores.values())
    overall = {
        **_mean(values),
        "strongly_positive": _share(v > STRONG for v in values),
        "strongly_negative": _share(v < -STRONG for v in values),
    }

    speakers = {sp.id: sp for sp in analysis.speakers}
    said: dict[str, list[float]] = defaultdict(list)
    for st in analysis.statements:
        side = statement_side(st, speakers)
        if side is not None and not analysis.document.is_excluded(st.start, st.end):
            said[side].append(score(st.text))
    about = sentences_about(analysis)
    sides = sorted({sp.side for sp in analysis.speakers if sp.side is not None} | set(said))
    by_side = {
        side: {
            "statements": _mean(said.get(side, [])),
            "about": _mean(
                [sentence_scores[i] for i in sorted(about.get(side, ())) if i in sentence_scores]
            ),
        }
        for side in sides
    }
    return {"overall": overall, "by_side": by_side, "method": METHOD, "caveat": CAVEAT}


def vader_version(ctx: Context) -> str:
    return ctx.compiled("scoring.vader", build_vader).version


def _mean(values: list[float]) -> Mapping[str, Any]:
    return {"mean": round(fmean(values), 4) if values else None, "n": len(values)}


def _share(flags: Iterable[bool]) -> float | None:
    flags = list(flags)
    return round(sum(flags) / len(flags), 4) if flags else None
