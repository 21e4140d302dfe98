"""Tone: VADER compound scores, one sentence at a time, averaged overall and per side.

VADER (Hutto & Gilbert 2014) sums word valences and squashes the sum with
``x / sqrt(x^2 + 15)``: on a whole article the sum grows with length and the compound
saturates near +1 or -1 whatever the article says. So every score here is a mean of
per-sentence (or per-statement) compounds, never one call on the whole text.

For each side: ``statements`` is the mean compound of the side's statement texts
(what its speakers say), ``about`` the mean over the sentences that mention it (how
the story talks about it). Tone is shown to the editor, never turned into a finding
on its own: a lexicon cannot tell a grim fact from a hostile framing.

Speed: VADER 3.3.2's ``polarity_scores`` lower-cases the whole sentence again for
every check around every sentiment word (65-100 us a sentence, 3-4 ms an article).
:func:`compound` applies the same rules to a sentence lower-cased once, visiting only
its lexicon words, with VADER's own lexicon, constants, ``scalar_inc_dec``,
``_but_check``, ``_punctuation_emphasis`` and ``normalize``; a sentence with no
lexicon word (four in ten in news) is 0.0 at once, a lexicon word with no modifier
near it keeps its valence without the rules, and text holding emoji goes to
``polarity_scores`` itself. Tokens are stripped and lower-cased a sentence at a time
with C-level maps (:func:`lower_words`). The two agree to the last digit on all
31,000 sentences of the development articles, on the 50,000 sentences and statements
of the 1,000 benchmark articles and on 200,000 random mixes of their words with
VADER's modifiers (``tests/test_scoring.py`` checks a sample).
"""

from __future__ import annotations

import re
import string
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import compress, pairwise, repeat
from operator import is_not
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
_NOT_ASCII = re.compile(r"[\x00-\x7f]+")  # what remains of a text can hold emoji


def vader_word(token: str) -> str:
    """``SentiText._strip_punc_if_word``: punctuation off both ends, unless <= 2 chars remain."""
    stripped = token.strip(string.punctuation)
    return token if len(stripped) <= 2 else stripped


def vader_lower(token: str) -> str:
    """The lower-cased :func:`vader_word` of a token, the form every VADER rule looks up."""
    return vader_word(token).lower()


def lower_words(text: str, folded: str) -> list[str]:
    """:func:`vader_lower` of every token of ``text`` (``folded`` is ``text.lower()``).

    Where lower() keeps each character one character (``folded`` as long as ``text``),
    stripping the lower-cased token gives the same word, so the whole sentence is
    stripped with one C-level ``map``, and only the tokens that lost punctuation and
    kept two characters or fewer (":)", "it.") are put back whole. No table: a memo of
    tokens costs more in cache misses, between the other stages, than it saves. A
    character that lower-cases to two ("İ") could change the length test: then each
    token goes through :func:`vader_lower`.
    """
    if len(folded) != len(text):
        return [vader_lower(token) for token in text.split()]
    tokens = folded.split()
    words = list(map(str.strip, tokens, repeat(string.punctuation)))
    for i in compress(range(len(words)), map(is_not, words, tokens)):
        if len(words[i]) <= 2:
            words[i] = tokens[i]
    return words


@dataclass(frozen=True, slots=True)
class Vader:
    """The analyzer of one run and what the fast path needs to know about it."""

    analyzer: Any
    lib: Any  # the vaderSentiment.vaderSentiment module: its constants and helpers
    lexicon: Mapping[str, float]
    emojis: frozenset[str]
    negate: frozenset[str]
    version: str
    # Words that change the valence of a lexicon word up to three places after them
    # (negations, boosters, "no", "never", "so", "this", "least"): a lexicon word
    # with none of them before it, no "n't" and no idiom nearby keeps its valence.
    modifiers: frozenset[str]
    # The last two words of each idiom and booster n-gram ("kind of", "die for"): an
    # n-gram can only match where its last two words stand side by side.
    ngram_tails: frozenset[tuple[str, str]]


def build_vader() -> Vader:
    """Load VADER's lexicon (once per run, through ``ctx.compiled``)."""
    from importlib.metadata import version

    from vaderSentiment import vaderSentiment as lib

    analyzer = lib.SentimentIntensityAnalyzer()
    ngrams = [key.split() for key in (*lib.SPECIAL_CASES, *lib.BOOSTER_DICT) if " " in key]
    return Vader(
        analyzer=analyzer,
        lib=lib,
        lexicon=analyzer.lexicon,
        emojis=frozenset(analyzer.emojis),
        negate=frozenset(lib.NEGATE),
        version=version("vaderSentiment"),
        modifiers=frozenset({*lib.NEGATE, *lib.BOOSTER_DICT, "no", "never", "so", "this", "least"}),
        ngram_tails=frozenset((words[-2], words[-1]) for words in ngrams),
    )


def compound(vader: Vader, text: str) -> float:
    """VADER's compound score of one sentence-sized text, exactly as ``polarity_scores``."""
    text = text.strip()
    if not text:
        return 0.0
    if not text.isascii() and not vader.emojis.isdisjoint(_NOT_ASCII.sub("", text)):
        # VADER rewrites emoji as words first: leave that rare case to it.
        return float(vader.analyzer.polarity_scores(text)["compound"])
    folded = text.lower()
    lower = lower_words(text, folded)
    lexicon = vader.lexicon
    if lexicon.keys().isdisjoint(lower):
        return 0.0  # no word carries valence: every sentiment is 0
    tokens = text.split()  # the raw tokens, for their capitals
    sentiments = _sentiments(vader, tokens, lower, "n't" in folded)
    if "but" in folded and "but" in lower:
        # VADER passes its words, which _but_check lower-cases: the same as ``lower``.
        sentiments = vader.analyzer._but_check(lower, sentiments)
    # ``score_valence``'s compound, without the pos/neu/neg proportions it also computes.
    total = float(sum(sentiments))
    if total:
        emphasis = vader.analyzer._punctuation_emphasis(text)
        total = total + emphasis if total > 0 else total - emphasis
    return round(vader.lib.normalize(total), 4)


def _sentiments(vader: Vader, tokens: list[str], lower: list[str], any_nt: bool) -> list[float]:
    """VADER 3.3.2's per-token loop (``polarity_scores``), over the lexicon words only.

    Words outside the lexicon score 0 as in VADER, and so do boosters and "kind" of
    "kind of". Most lexicon words have no modifier and no "n't" in the three words
    before them (``any_nt``: some word of the sentence has one), no idiom around them,
    are not a "no" before another lexicon word and not in capitals: every rule of
    ``sentiment_valence`` then leaves their valence as it is (adding VADER's ``0.0``
    scalars changes no nonzero float), so they skip the rules; the others go through
    :func:`_valence`.

    ``tokens`` are the raw tokens: a token and VADER's word for it (punctuation
    stripped) are upper-case alike, which is all the capitals rules ask of them.
    ``is_cap_diff`` (some but not all words in capitals) is False when no word is.
    """
    lib, lexicon, modifiers = vader.lib, vader.lexicon, vader.modifiers
    boosters = lib.BOOSTER_DICT
    is_cap_diff: bool | None = None  # worked out when a word needs the rules
    n = len(tokens)
    sentiments: list[float] = [0] * n
    # Asked of the whole sentence first: most hold no modifier and no n-gram tail.
    modified = any_nt or not modifiers.isdisjoint(lower)
    idioms = not vader.ngram_tails.isdisjoint(pairwise(lower))
    for i in compress(range(n), map(lexicon.__contains__, lower)):
        low = lower[i]
        if low in boosters or (low == "kind" and i < n - 1 and lower[i + 1] == "of"):
            continue
        if (
            (modified and _modified(vader, lower[i - 3 : i] if i > 3 else lower[:i], any_nt))
            or (low == "no" and i != n - 1 and lower[i + 1] in lexicon)
            or tokens[i].isupper()
            or (idioms and _idiom_possible(vader, lower, i))
        ):
            if is_cap_diff is None:
                is_cap_diff = any(map(str.isupper, tokens)) and lib.allcap_differential(tokens)
            sentiments[i] = _valence(vader, tokens, lower, i, is_cap_diff)
        else:
            sentiments[i] = lexicon[low]
    return sentiments


def _valence(vader: Vader, tokens: list[str], lower: list[str], i: int, is_cap_diff: bool) -> float:
    """``sentiment_valence`` for the lexicon word ``i``: VADER 3.3.2's rules one by one.

    The library lower-cases the whole sentence again for every check around every
    sentiment word; here ``lower`` is computed once. The constants and
    ``scalar_inc_dec`` (given VADER's word for the token) are VADER's own.
    """
    lib, lexicon = vader.lib, vader.lexicon
    c_incr, n_scalar = lib.C_INCR, lib.N_SCALAR
    n = len(lower)
    low = lower[i]
    valence = lexicon[low]
    if low == "no" and i != n - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[low] * n_scalar
    if tokens[i].isupper() and is_cap_diff:
        valence = valence + c_incr if valence > 0 else valence - c_incr
    for start_i in range(3):
        if i > start_i and lower[i - (start_i + 1)] not in lexicon:
            # scalar_inc_dec is 0.0 for a word that is not a booster.
            s = 0.0
            if lower[i - (start_i + 1)] in lib.BOOSTER_DICT:
                word = vader_word(tokens[i - (start_i + 1)])
                s = lib.scalar_inc_dec(word, valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(vader, valence, lower, start_i, i)
            if start_i == 2 and _idiom_possible(vader, lower, i):
                valence = _special_idioms_check(vader, valence, lower, i)
    return _least_check(vader, valence, lower, i)


def _modified(vader: Vader, before: list[str], any_nt: bool) -> bool:
    """Whether the (up to) three words before a lexicon word can change its valence."""
    return not vader.modifiers.isdisjoint(before) or (any_nt and "n't" in " ".join(before))


def _idiom_possible(vader: Vader, lower: list[str], i: int) -> bool:
    """Whether an n-gram that ``_special_idioms_check`` looks up could match at ``i``.

    Its n-grams (of two or three words) lie within ``i - 3 .. i + 2`` and end at
    ``i - 2`` or later: none can match unless two neighbours there are the last two
    words of an idiom or booster n-gram.
    """
    window = lower[i - 3 if i > 3 else 0 : i + 3]
    return not vader.ngram_tails.isdisjoint(pairwise(window))


def _negated(vader: Vader, word: str) -> bool:
    """VADER's ``negated`` for one lower-cased word."""
    return word in vader.negate or "n't" in word


def _negation_check(vader: Vader, valence: float, lower: list[str], start_i: int, i: int) -> float:
    """``SentimentIntensityAnalyzer._negation_check`` on pre-lowered words."""
    n_scalar = vader.lib.N_SCALAR
    if start_i == 0 and _negated(vader, lower[i - 1]):
        valence = valence * n_scalar
    if start_i == 1:
        if lower[i - 2] == "never" and lower[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(vader, lower[i - 2]):
            valence = valence * n_scalar
    if start_i == 2:
        if (lower[i - 3] == "never" and lower[i - 2] in ("so", "this")) or lower[i - 1] in (
            "so",
            "this",
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(vader, lower[i - 3]):
            valence = valence * n_scalar
    return valence


def _special_idioms_check(vader: Vader, valence: float, lower: list[str], i: int) -> float:
    """``SentimentIntensityAnalyzer._special_idioms_check`` on pre-lowered words."""
    special, boosters = vader.lib.SPECIAL_CASES, vader.lib.BOOSTER_DICT

    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in boosters:
            valence = valence + boosters[n_gram]
    return valence


def _least_check(vader: Vader, valence: float, lower: list[str], i: int) -> float:
    """``SentimentIntensityAnalyzer._least_check`` on pre-lowered words."""
    n_scalar, lexicon = vader.lib.N_SCALAR, vader.lexicon

    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] not in ("at", "very"):
            valence = valence * n_scalar
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * n_scalar
    return valence


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

    sentence_scores: dict[int, float] = {}
    for i, s in enumerate(analysis.segments.sentences):
        if not s.excluded and (text := view[s.start : s.end].strip()):
            sentence_scores[i] = score(text)
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
