"""Closed word classes and a small tokenizer for the attribution stage.

Attribution works on the few sentences that hold a cue, so it tokenises those
sentences only, on demand. The word classes here are the grammar's closed classes
(pronouns, determiners, auxiliaries, conjunctions, time words): fixed sets, not
tunable lexicons, which live in rule files.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate

# Words, initialisms (U.S., D.C.), numbers; any other non-space character alone.
TOKEN_PATTERN = r"(?:[^\W\d_]\.){2,}|[^\W_](?:[\w'’\-]*[^\W_])?(?:['’]s?)?|[^\w\s]"
QUOTE_OPEN = '"“‘«„'
QUOTE_CLOSE = '"”’»'

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me", "you"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DETERMINERS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
        "our", "my", "your", "whose", "some", "many", "most", "several", "few", "no",
        "any", "each", "every", "one", "two", "three", "all", "both", "other", "another",
    }
)  # fmt: skip
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your", "whose"})
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"})
AUXILIARIES = frozenset(
    {
        "has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
        "must", "shall", "did", "does", "do", "is", "are", "was", "were", "been", "not", "n't",
        "never", "also", "reportedly", "allegedly", "repeatedly", "once", "later", "earlier",
        "then", "now", "again", "still", "already", "even", "further", "previously", "just",
        "only", "often", "recently", "separately", "similarly", "publicly", "privately",
        "quickly", "immediately", "subsequently", "initially", "first", "finally", "simply",
        "openly", "herself", "himself", "themselves", "itself", "ever", "long",
    }
)  # fmt: skip
CLAUSE_WORDS = frozenset(
    {
        "that", "whether", "if", "why", "how", "what", "who", "when", "where", "which",
    }
)  # fmt: skip
CONJUNCTIONS = frozenset(
    {
        "and", "but", "or", "nor", "yet", "so", "because", "while", "whereas", "although",
        "though", "since", "as", "when", "after", "before", "until", "unless", "if", "than",
        "where", "that", "which", "whether", "once",
    }
)  # fmt: skip
PREPOSITIONS = frozenset(
    {
        "of", "for", "at", "with", "from", "in", "on", "to", "by", "about", "over", "under",
        "into", "onto", "against", "among", "between", "during", "without", "within",
        "through", "toward", "towards", "across", "behind", "near", "around", "like",
        "after", "before", "since", "via", "per", "amid", "despite",
    }
)  # fmt: skip
# Prepositions that can carry a speaker noun phrase's post-modifier.
NP_PREPOSITIONS = frozenset({"of", "for", "at", "with", "from", "in", "close", "to", "on"})
DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip
# Capitalised words that start sentences but never names.
FUNCTION_CAPS = frozenset(
    {
        "The", "A", "An", "But", "And", "Or", "In", "On", "At", "After", "Before", "Last",
        "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You",
        "His", "Her", "Their", "Our", "Its", "My", "When", "While", "If", "As", "For",
        "With", "From", "By", "To", "Of", "So", "Yet", "Still", "Then", "There", "Here",
        "What", "Who", "Why", "How", "Where", "Which", "Asked", "According", "Speaking",
        "Although", "Though", "Because", "Since", "Now", "Even", "Also", "Meanwhile",
        "However", "Under", "Over", "During", "Despite", "Among", "Many", "Some", "Most",
        "Several", "Both", "All", "No", "Not", "One", "Two", "Three", "Other", "Others",
        "Read", "Related", "Follow", "Photo", "Little", "Such", "Each", "Every", "Only",
        "Just", "More", "Less", "Few", "Later", "Earlier", "Today", "Yesterday", "Until",
        "Unless", "Once", "Instead", "Indeed", "Thus", "Like", "Dear", "Yes", "Well",
        "Hello", "Thank", "Thanks", "Please", "Whether", "Whatever", "Anyway",
        "Again", "Already", "Perhaps", "Maybe", "Next", "First", "Second", "Third",
        "Finally", "Overall", "Together", "Between", "Against", "Without", "Within",
        "Throughout", "Toward", "Towards", "Upon", "Amid", "Via", "Per",
        "Let", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would", "Can",
        "Could", "Should", "May", "Might", "Must", "Has", "Have", "Had", "Mr",
    }
)  # fmt: skip
PLACE_WORDS = frozenset(
    {
        "New", "North", "South", "East", "West", "St.", "Saint", "Sainte", "Port", "Lake",
        "Northern", "Southern", "Eastern", "Western", "Central", "Los", "Las", "San", "Santa",
        "Des", "Fort", "Mount", "River", "County", "City", "State", "Street", "Avenue",
        "Square", "Hill", "Valley", "Island", "Islands", "Bay", "Beach", "Park", "Road",
        "Bridge", "Airport", "Station", "Channel", "Sea", "Ocean", "Gulf", "Coast", "Province",
        "Region", "District", "Hall", "Tower", "Palace", "Capitol", "Plaza", "Stadium", "Arena",
        "Center", "Centre", "Club", "Hotel", "Day", "Eve", "Christmas", "Easter", "Iowa",
        "Texas", "Florida", "Ohio", "Virginia", "Carolina", "Hampshire", "Jersey", "York",
        "Dakota", "Nevada", "Michigan", "Wisconsin", "Pennsylvania", "California", "Brexit",
        "Twitter", "Facebook", "Instagram", "YouTube", "Google", "Tuesday", "Super", "Democrat",
        "Republican", "Times", "Post", "News", "Journal",
    }
)  # fmt: skip


@cache
def _splitter() -> re.Pattern[str]:
    r""":data:`TOKEN_PATTERN` as one capturing group for ``re.split``, same matches.

    Every token starts with a character that is neither a space nor ``_``; written as
    that class first and the three alternatives after it (each checking the class of
    the character just consumed), the pattern lets ``re`` skip spaces without trying a
    match, and ``split`` gives tokens and gaps without a match object per token.

    A word's body, ``[\w'’\-]*[^\W_]`` in :data:`TOKEN_PATTERN` (the longest run of
    word characters, apostrophes and hyphens that ends in a letter or digit), is
    written as letters and digits, then any number of joiners (``_``, apostrophes,
    hyphens) each followed by letters or digits, all possessive: the same text, with
    no backtracking from the space after every word.
    """
    first = r"[^\s_]"
    initialism = r"(?<=[^\W\d_])\.(?:[^\W\d_]\.)+"
    word = r"(?<=\w)[^\W_]*+(?:[_'’\-]++[^\W_]++)*+(?:['’]s?)?"
    return re.compile(f"({first}(?:{initialism}|{word}|))")


class Token:
    """One token with absolute offsets; ``lower``, ``is_cap``, ``is_word`` precomputed.

    A plain slotted class rather than a frozen dataclass or a named tuple: sentences
    are tokenised on demand, so construction cost matters, and the frame finders read
    these attributes many times over (slot attributes are the fastest to read).
    """

    __slots__ = ("end", "is_cap", "is_word", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower().replace("’", "'")
        first = text[:1]
        self.is_cap = first.isupper()
        self.is_word = first.isalnum()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


class TokenList(list):  # type: ignore[type-arg]
    """A sentence's tokens, with their start offsets kept for bisection."""

    __slots__ = ("starts",)


def tokens(text: str, start: int, end: int) -> TokenList:
    """Tokens of ``text[start:end]`` with absolute offsets.

    ``split`` alternates gaps and tokens, and the running sum of their lengths gives
    every offset: no match object per token.
    """
    parts = _splitter().split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    starts = offsets[1:-1:2]
    out = TokenList(map(Token, starts, offsets[2::2], parts[1::2]))
    out.starts = starts
    return out


def strip_possessive(word: str) -> str:
    """``word`` without a possessive ending ("Trump's" -> "Trump", "Jones'" -> "Jones")."""
    if len(word) > 2 and word.endswith(("'s", "’s", "s'", "s’")):
        return word[:-2] if word[-2] in "'’" else word[:-1]
    return word
