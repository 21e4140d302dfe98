"""Normalisation helpers: the counted noun (and its verb), lemmas, ISO dates.

The counted thing is the head of the noun phrase after the figure, found without a
tagger: take up to four words, stop at a function word, a verb ("27 people *died*")
or punctuation, and keep the last word. Adjectives before the noun fall away by
construction ("Nine suggested *solutions*", "five other *candidates*"). The verb that
follows (skipping auxiliaries: "were killed") is kept when there is one, so that "27
people died" and "26 deaths" can be matched by the consistency check.
"""

from __future__ import annotations

import re
from datetime import date


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that end a noun phrase: determiners, prepositions, conjunctions, pronouns,
# auxiliaries and adverbs that follow a figure ("27 people *have* arrived").
STOP_WORDS = _words(
    """
    a an the of in on at to for from by with without and or but nor that which who whom
    whose this these those than as into onto over under per each every since until till
    after before during while if because whether were was is are am be been being have has
    had having will would could can may might must should shall do does did not no it its
    their his her they he she we you i me him them us our your there here then more less
    most least about around ago earlier later so too also only just still even yet all both
    either neither such same own another last next this week year month day today yesterday
    tomorrow now already again between among across through against toward towards upon
    within via what when where why how whereas though although unless once almost nearly
    roughly some any many much few several
    """
)
AUXILIARIES = _words(
    """
    were was is are am be been being have has had will would could can may might must should
    shall do does did got get gets
    """
)
# Frequent irregular or unmarked verbs that follow a count in news ("27 people die").
VERBS = _words(
    """
    die dies died fled flee flees fell fall falls rose rise rises lost lose loses won win
    wins voted vote went go goes came come comes left leave leaves live lives lived work
    works remain remains face faces took take takes made make makes gave give gives got get
    gets say says said tell told think thought know knew need needs want wants remain stay
    stayed stays drown drowned sank sink swam swim ran run runs held hold holds hit hits
    hurt shot struck lay lie lies slept sleep spent spend spends paid pay pays bought buy
    buys sold sell sells saw see sees found find finds kept keep keeps met meet meets sent
    send sends joined join joins took taken given seen driven fallen risen stolen beaten
    written chosen forgotten hidden broken spoken frozen shaken
    """
)
# Verbs that follow a share or a count with no noun, in polls and tallies.
OPINION_VERBS = _words(
    """
    say says said think thinks thought believe believes believed agree agrees agreed disagree
    disagrees disagreed support supports supported oppose opposes opposed want wants wanted
    chose choose chooses favor favors favored favour favours favoured back backs backed approve
    approves approved disapprove disapproves disapproved expect expects expected die dies died
    voted vote votes told
    """
)
_PLURAL_IRREGULAR = {
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "police": "police",
    "staff": "staff",
    "data": "data",
    "media": "media",
    "criteria": "criterion",
    "phenomena": "phenomenon",
}
_SINGULAR_S = _words(
    "news series species means politics economics physics athletics mathematics headquarters "
    "gas lens arms sales goods savings earnings"
)
_PHRASE_RE = re.compile(r"[ \t]*([A-Za-z][\w'’\-]*(?:[ \t]+[A-Za-z][\w'’\-]*){0,5})")
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)[ \t]+\Z")
_DETERMINER = r"(?:(?:the|a|an|its|their|his|her|our|all|those|these)[ \t]+)?"
_OF_RE = re.compile(rf"[ \t]+of[ \t]+{_DETERMINER}", re.I)
_OF_IN_RE = re.compile(rf"[ \t]+(?:worth[ \t]+of|of|in)[ \t]+{_DETERMINER}", re.I)


def lemma(word: str) -> str:
    """A crude noun/verb lemma: 'deaths' -> 'death', 'casualties' -> 'casualty'."""
    w = word.lower().replace("’", "'")
    if w in _PLURAL_IRREGULAR:
        return _PLURAL_IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def noun_after(
    view: str, pos: int, *, of_only: bool = False, money: bool = False
) -> tuple[str | None, str | None]:
    """The counted noun after ``pos`` and the verb that follows it, if any.

    With ``of_only`` the noun must be introduced by "of" ("40% *of voters*"), or for
    ``money`` also by "in" ("$2 million *in legal fees*"); otherwise an "of" is skipped
    when present ("hundreds of people", "a third of voters").
    """
    m = (_OF_IN_RE if money else _OF_RE).match(view, pos)
    if m is not None:
        pos = m.end()
    elif of_only:
        return None, None
    m = _PHRASE_RE.match(view, pos)
    if m is None:
        return None, None
    phrase: list[str] = []
    verb = None
    words = m.group(1).split()
    for i, raw in enumerate(words):
        word = raw.strip("-'’")
        low = word.lower()
        if not word:
            break
        if low in AUXILIARIES:
            if phrase:
                verb = _verb_in(words[i + 1 : i + 4])
            break
        if low in STOP_WORDS:
            break
        if not phrase and low in OPINION_VERBS:  # "three in four *say*", "48 percent *chose*"
            verb = low
            break
        if phrase and _looks_like_verb(low):
            verb = low
            break
        phrase.append(word)
        if is_plural(low):  # a plural noun heads the phrase: "two men *attempt*"
            verb = _verb_in(words[i + 1 : i + 4])
            break
        if len(phrase) == 4:
            break
    if not phrase:
        return None, verb
    noun = phrase[-1]
    if noun[:1].isupper() and not _title_case([*view[max(0, pos - 40) : pos].split()[-3:], *words]):
        return noun, verb  # a name: "500 Indonesians", "40 NGOs"
    return noun.lower(), verb


def _title_case(words: list[str]) -> bool:
    """Whether every word has a capital, as in a headline ("27 People Die In Crash").

    There a capital does not make a noun a name.
    """
    return all(w[:1].isupper() for w in words if w[:1].isalpha())


def is_plural(word: str) -> bool:
    """A plural noun: 'migrants', 'people', 'men' (not 'news', 'bus', 'crisis')."""
    if word in _PLURAL_IRREGULAR:
        return word not in ("police", "staff", "data", "media")
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s"))
        and word not in _SINGULAR_S
    )


def _verb_in(words: list[str]) -> str | None:
    """After an auxiliary: 'were *killed*', 'have been *arrested*', 'had *arrived*'."""
    for raw in words:
        word = raw.lower()
        if word in ("been", "being", "not", "either", "already", "also", "now", "since"):
            continue
        if word in AUXILIARIES:
            continue  # "were killed", "have been arrested"
        if word.endswith("ed") or word in VERBS:
            return word
        return None
    return None


def _looks_like_verb(word: str) -> bool:
    """Whether a word after the noun starts the predicate ('people *died*').

    Only asked once a noun has been read, so an '-ed' adjective before the noun stays
    in the phrase ('Nine *suggested* solutions').
    """
    return word in VERBS or (word.endswith(("ed", "ing")) and len(word) > 4)


def verb_before(view: str, pos: int) -> str | None:
    """A verb right before the figure: 'the attack *killed* 27 people'."""
    lo = max(0, pos - 30)
    m = _LAST_WORD_RE.search(view, lo, pos)
    if m is None:
        return None
    word = m.group(1).lower()
    if word in VERBS or (word.endswith("ed") and len(word) > 4):
        return word
    return None


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 form of a (partial) date: '2015-12-01', '2015-12', '2016', '--12-01'.

    Returns None for impossible dates (February 30).
    """
    if month is not None and day is not None:
        try:
            date(year or 2000, month, day)
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    return f"{year:04d}" if year else None
