"""A fast rule-based sentence splitter for news copy.

One regular expression finds every candidate boundary (``.``, ``!``, ``?``, ``…``
followed by optional closing quotes or brackets and whitespace); a few rules then
reject the candidates that are not sentence ends:

* the next word starts in lower case ("... without being held", ``"Why?" he asked``);
* a title before a name ("Mr.", "Dr.", "Gov.", "Sen.", "Sens.", "Gen.", "St.");
* a reference abbreviation before a number ("No. 10", "Vol. 3", "Dec. 1");
* an initial ("J. K. Rowling", "George W. Bush");
* an abbreviation that can also end a sentence ("U.S.", "U.K.", "a.m.", "Inc.",
  "Ltd.", "Jr.", "Dec.") is a boundary only when the next word typically starts a
  sentence ("The", "He", "But", an opening quote).

Decimals ("3.5%") and URLs never match, because a boundary needs whitespace after
it; the one exception is a full stop glued to the next sentence by a missing space
("as well.In fact"): two lower-case letters, the stop, a capitalised word, outside
a web or mail address. This is about as accurate as pysbd on news and two orders
of magnitude faster.
"""

from __future__ import annotations

import re
from functools import cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and honorifics: always followed by a name, never the end of a sentence.
TITLES = _words(
    """mr mrs ms mx messrs mme mlle dr prof gov sen rep gen lt col maj capt cpt sgt cpl pvt
    adm cmdr cdr brig rev fr hon pres supt insp det atty amb sec treas mt ft gov-elect
    sen-elect rep-elect lt-gov sens reps govs drs profs gens reps-elect"""
)
# Abbreviations that stand before a number ("No. 10", "pp. 4-5").
BEFORE_NUMBER = _words("""no nos vol vols pp p n art arts fig figs ch sec para op ed nr""")
MONTHS = _words("""jan feb mar apr jun jul aug sep sept oct nov dec""")
# Abbreviations that may end a sentence: a boundary only before a sentence starter.
MAY_END = _words(
    """inc ltd co corp jr sr bros llc plc etc approx est dept univ assn ave blvd rd st cie
    intl natl govt admin ph.d"""
)
NEVER_END = frozenset({"vs", "v", "e.g", "i.e", "cf", "viz", "ca", "c"})
# Words that typically open a sentence: after "U.S." or "Dec." they mean a new one.
STARTERS = _words(
    """the a an he she it they we i you his her its their our my your this that these those
    there here but and or so yet nor in on at for with as after before when while if
    although though since because however meanwhile still also now then last earlier
    later instead indeed according despite during under over until unless what who why
    how where which one two three some many most all both each no not neither nothing
    officials police critics analysts experts"""
)
OPENERS = "\"“‘'«([—–-"


_SPACED_END = r"((?:\.\.\.|…|[.!?])[.!?…]*[)\]\"'”’»]*)\s+(\S)?"


@cache
def _candidates(glued: bool) -> re.Pattern[str]:
    """Candidate sentence ends; with ``glued``, full stops missing their space too.

    Group 1: the punctuation and closing quotes; group 2: the next character, if any;
    groups 3 and 4: a full stop glued to the next sentence ("as well.In fact") and the
    capitalised word after it (not "U.S.Army", "e.g.", "example.com"). The glued
    alternative starts with a look-behind, which stops ``re`` from skipping ahead to
    the next full stop, so it is used only in the rare paragraph that has one
    (:func:`_glued_hint`): it more than doubled the splitter's time everywhere.
    """
    if not glued:
        return re.compile(_SPACED_END)
    return re.compile(_SPACED_END + r"|(?<=[a-z][a-z])(\.)(?=([A-Z][a-z]))")


@cache
def _glued_hint() -> re.Pattern[str]:
    """A full stop right before a capitalised word: what a glued sentence end needs."""
    return re.compile(r"\.[A-Z][a-z]")


@cache
def _dotted() -> re.Pattern[str]:
    return re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def split_sentences(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``view[start:end]`` (one paragraph), trimmed of whitespace."""
    out: list[tuple[int, int]] = []
    sent_start = _skip_space(view, start, end)
    if sent_start >= end:
        return out
    may_glue = _glued_hint().search(view, sent_start, end) is not None
    for m in _candidates(may_glue).finditer(view, sent_start, end):
        glued = may_glue and m.group(3) is not None
        punct, ch, nxt = (m.group(3), m.group(4)[0], m.end()) if glued else (
            m.group(1), m.group(2), m.start(2))  # fmt: skip
        if ch is None or ch.islower() or ch in ",;:%).…":
            continue  # the paragraph's end, or lower case / punctuation after it
        full_stop = punct[0] == "." and not punct.startswith("...")
        if full_stop and not _full_stop_ends(view, m.start(), ch, nxt, end):
            continue
        if glued and _in_address(view, m.start()):
            continue
        out.append((sent_start, m.start() + len(punct)))
        sent_start = nxt
    last = _trim_end(view, sent_start, end)
    if last > sent_start:
        out.append((sent_start, last))
    return out


def _full_stop_ends(view: str, dot: int, ch: str, nxt: int, end: int) -> bool:
    """Whether the full stop at ``dot`` ends a sentence, given the next character ``ch``."""
    token = _token_before(view, dot)
    if not token:
        return True
    if len(token) == 1 and token.isupper():  # an initial: "J. K. Rowling", "Gonzalo P. Curiel"
        return _starts_sentence(view, nxt, end)
    lower = token.lower()
    if lower in TITLES and token[0].isupper():
        return False
    if lower in BEFORE_NUMBER:
        return not ch.isdigit()
    if lower in NEVER_END:
        return False
    if lower in MONTHS and token[0].isupper():
        return not ch.isdigit() and _starts_sentence(view, nxt, end)
    if lower in MAY_END or _dotted().fullmatch(token):
        return _starts_sentence(view, nxt, end)
    return True


def _in_address(view: str, dot: int) -> bool:
    """Whether a glued full stop is inside a web or mail address ("www.Example.Org")."""
    lo = max(0, dot - 60)
    i = max(view.rfind(" ", lo, dot), view.rfind("\n", lo, dot))
    word = view[i + 1 if i >= 0 else lo : dot]
    return any(c in word for c in "/@:") or word.lower().startswith("www")


def _token_before(view: str, dot: int) -> str:
    """The word just before a full stop, without opening brackets or quotes."""
    lo = max(0, dot - 24)
    i = max(view.rfind(" ", lo, dot), view.rfind("\n", lo, dot), view.rfind("\t", lo, dot))
    token = view[i + 1 if i >= 0 else lo : dot].lstrip(OPENERS)
    if "-" in token or "/" in token:  # "pro-U.S.", "R-Calif."
        token = token.replace("/", "-").rsplit("-", 1)[-1]
    return token


def _starts_sentence(view: str, nxt: int, end: int) -> bool:
    """After an abbreviation: True when the next word looks like the start of a sentence."""
    ch = view[nxt]
    if ch in OPENERS:
        return True
    j = nxt
    while j < end and (view[j].isalpha() or view[j] in "'’"):
        j += 1
    return view[nxt:j].lower() in STARTERS


def _skip_space(view: str, pos: int, end: int) -> int:
    while pos < end and view[pos].isspace():
        pos += 1
    return pos


def _trim_end(view: str, start: int, end: int) -> int:
    while end > start and view[end - 1].isspace():
        end -= 1
    return end
