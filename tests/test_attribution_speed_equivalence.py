"""The attribution stage's fast paths give exactly what the plain versions gave.

Each speed-up of :mod:`factcheck.attribution` (bulk tokenising, restructured regexes,
memoised lookups) is checked here against a straightforward reference written the
way the code used to be, on real news sentences and on many short random strings of
the characters that matter (capitals, apostrophes, hyphens, dots, quotation marks,
Unicode case oddities).
"""

from __future__ import annotations

import random
import re

import pytest

from factcheck.attribution.names import RUN_PATTERN, NameReader, find_names, runs
from factcheck.attribution.text import TOKEN_PATTERN, Token, strip_possessive, tokens
from factcheck.attribution.trie import WordFinder, compile_words

NEWS = [
    "French Interior Minister Gérald Darmanin told Britain's U.S.-backed envoy that "
    "the plan was \u201cunacceptable,\u201d according to officials familiar with the matter.",
    "\u201cWe\u2019re not going to do that,\u201d Sen. John McCain (R-Ariz.) said Tuesday, "
    "adding that the administration\u2019s 2,000-page bill \u2014 H.R. 3590 \u2014 was dead.",
    "Mrs. Clinton, 68, who served as secretary of state, said: 'It's the voters' call.'",
    "ΣΟΦΟΚΛΗΣ met İstanbul's mayor; O'Neill-Smith's_notes read ½ and ٣ (Arabic-Indic).",
]
# Characters that decide token boundaries and the computed fields.
_ALPHABET = "aAzZ09 _.'’-\"“”,;:!?\n\tΣσςİıßéÉ$%&()U.S.x\u00a0\u2003\u0301\u0663"


def _reference(text: str, start: int, end: int) -> list[tuple]:
    pattern = re.compile(TOKEN_PATTERN)
    out = []
    for m in pattern.finditer(text, start, end):
        word = m.group()
        first = word[:1]
        out.append((m.start(), m.end(), word, word.lower().replace("’", "'"),
                    first.isupper(), first.isalnum()))  # fmt: skip
    return out


def _fields(toks: list[Token]) -> list[tuple]:
    return [(t.start, t.end, t.text, t.lower, t.is_cap, t.is_word) for t in toks]


@pytest.mark.parametrize("sentence", NEWS)
def test_tokens_of_news_sentences_match_reference(sentence: str) -> None:
    text = "Headline.\n\n" + sentence + "\n\nNext."
    start = text.index(sentence)
    end = start + len(sentence)
    toks = tokens(text, start, end)
    assert _fields(toks) == _reference(text, start, end)
    assert toks.starts == [t.start for t in toks]
    assert toks[0].start == start


def test_tokens_fields() -> None:
    toks = tokens("Britain’s U.S. envoy said", 0, 25)
    assert [t.text for t in toks] == ["Britain’s", "U.S.", "envoy", "said"]
    assert toks[0].lower == "britain's"
    assert [t.is_cap for t in toks] == [True, True, False, False]
    tok = Token(3, 8, "Hello")
    assert (tok.start, tok.end, tok.lower, tok.is_cap, tok.is_word) == (3, 8, "hello", True, True)


def test_tokens_match_reference_on_random_strings() -> None:
    rnd = random.Random(20261129)
    for _ in range(20000):
        text = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 24)))
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        toks = tokens(text, start, end)
        assert _fields(toks) == _reference(text, start, end), (text, start, end)
        assert toks.starts == [t.start for t in toks]


# ----------------------------------------------------------------------------- name runs

_RUN_ALPHABET = ["A", "B", "N", "O", "U", "É", "a", "l", "e", "o", "b", "i", "n", "d", "v", " ",
                 " ", ".", "-", "'", "’", "1", "0", ",", "x", "of", "and", "al-", "No. 10",
                 "bin ", "de la ", "\n"]  # fmt: skip


def _runs_reference(view: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(RUN_PATTERN, view)]


def _runs(view: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in runs(view)]


@pytest.mark.parametrize(
    "view",
    [
        *NEWS,
        "Syrian President Bashar al-Assad met Abu Bakr al-Baghdadi's envoy at No. 10 Downing "
        "Street, U.K. officials said; Ludwig van Beethoven and Charles de Gaulle were not there.",
        "Rep. Ileana Ros-Lehtinen (R-Fla.) and Sen. Lindsey O. Graham, R-S.C., spoke.",
    ],
)
def test_name_runs_of_news_text_match_reference(view: str) -> None:
    assert _runs(view) == _runs_reference(view)
    assert _runs(view)  # every sample holds names


def test_name_runs_match_reference_on_random_strings() -> None:
    rnd = random.Random(7)
    for _ in range(20000):
        view = "".join(rnd.choice(_RUN_ALPHABET) for _ in range(rnd.randint(0, 14)))
        assert _runs(view) == _runs_reference(view), view


# ----------------------------------------------------------------------------- small helpers


def _strip_possessive_reference(word: str) -> str:
    for suffix in ("'s", "’s", "s'", "s’"):
        if word.endswith(suffix) and len(word) > 2:
            return word[:-2] if suffix[0] in "'’" else word[:-1]
    return word


def test_strip_possessive_matches_reference() -> None:
    samples = ["Trump's", "Jones'", "Xi’s", "Paris’", "'s", "s'", "as", "James’s", "It"]
    rnd = random.Random(3)
    samples += ["".join(rnd.choice("sS'’a") for _ in range(rnd.randint(0, 5))) for _ in range(3000)]
    for word in samples:
        assert strip_possessive(word) == _strip_possessive_reference(word), word
    assert strip_possessive("Trump’s") == "Trump"


# ----------------------------------------------------------------------------- name reader


def test_a_reused_name_reader_reads_like_a_fresh_one(ctx, channel_text: str) -> None:
    """Words remembered from one document do not change the names found in another."""
    from factcheck.attribution import Lexicons

    lex = Lexicons.build(ctx.ruleset)
    later = (
        "Sen. John McCain (R-Ariz.) met French Interior Minister Gérald Darmanin. "
        "McCain said France's Darmanin, a former minister, and Boris Johnson's aides "
        "met at No. 10 Downing Street on Tuesday; Bashar al-Assad was not there."
    )
    reader = NameReader(lex.roles, lex.gazetteer)
    first = reader.find(channel_text)
    second = reader.find(later)
    assert reader.words  # the one-word runs of the first document were remembered
    assert first == find_names(channel_text, lex.roles, lex.gazetteer)
    assert second == find_names(later, lex.roles, lex.gazetteer)
    names = {m.name for m in second.mentions}
    assert {"John McCain", "Darmanin", "Bashar al-Assad"} <= names


def test_a_run_read_once_is_read_again_in_each_context(ctx) -> None:
    """A remembered run's mentions still take the title, label or apposition around them."""
    from factcheck.attribution import Lexicons

    lex = Lexicons.build(ctx.ruleset)
    texts = [
        "Boris Johnson met Emmanuel Macron and the White House staff in Paris.",
        "Britain's prime minister Boris Johnson, a Conservative, met Emmanuel Macron, "
        "the French president; the White House spokesman said nothing.",
        "Sen. Boris Johnson (R-Texas) said the White House press office and UK White "
        "House aides met.\nBoris Johnson. Emmanuel Macron's aides said so.",
    ]
    reader = NameReader(lex.roles, lex.gazetteer)
    for text in texts:
        assert reader.find(text) == find_names(text, lex.roles, lex.gazetteer), text
    assert "Boris Johnson" in reader.phrases
    placed = [m for m in reader.find(texts[2]).mentions if m.name == "Boris Johnson"]
    assert placed[0].start == 0 and placed[0].affiliation is not None  # "Sen." and "(R-Texas)"


# ----------------------------------------------------------------------------- cue matcher

_CUES = ["say", "says", "said", "saying", "according to", "accord", "accuse", "accused of",
         "acknowledge", "add", "added", "told", "tell", "tells", "argue", "argued", ":",
         "claim", "claims", "claimed that", "warn", "warned", "wrote", "write", "s"]  # fmt: skip


def _cue_reference(phrases: list[str]) -> re.Pattern[str]:
    """A plain alternation, longest phrase first: what the trie must match, faster."""
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", "[ \\t]+") for p in ordered)
    return re.compile(rf"(?<![\w.'’-])(?:{body})(?![\w'’-]|\.\w)")


def test_cue_matcher_matches_the_plain_alternation() -> None:
    fast, slow = compile_words(_CUES), _cue_reference(_CUES)
    text = (
        "according  to officials, he said: 'we accused of nothing', she claimed that "
        "it was said.said told-tells says'. accordingly, sayings, added\tto warned."
    )
    spans = [(m.start(), m.end()) for m in fast.finditer(text)]
    assert spans == [(m.start(), m.end()) for m in slow.finditer(text)]
    assert (0, 13) in spans  # "according  to": a run of spaces
    rnd = random.Random(11)
    pieces = [*_CUES, " ", " ", ".", "-", "'", "x", "\t", "\n", ","]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_word_finder_finds_what_the_cue_pattern_finds() -> None:
    """Same spans as compile_words' look-behind pattern, at the start, after ':' too."""
    finder, pattern = WordFinder(_CUES), compile_words(_CUES)
    text = (
        "said: he said::: 'said' ésaid éd said Said 9said _said (said) “said” -said .said "
        "according\tto x:says\nsays"
    )
    assert list(finder.spans(text)) == [m.span() for m in pattern.finditer(text)]
    assert list(finder.spans("said")) == [(0, 4)]
    assert list(finder.spans("")) == []
    rnd = random.Random(12)
    pieces = [*_CUES, " ", " ", ".", "-", "'", "’", "x", "é", "Z", "9", "_", "\t", "\n", ",",
              ":", "::", "(", "“", "\u00a0"]  # fmt: skip
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert list(finder.spans(text)) == [m.span() for m in pattern.finditer(text)], text
