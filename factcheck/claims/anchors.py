"""Where the scanner looks: anchors of figures in the text.

Most figures hold a digit or a currency symbol; the others hold a number word, a
month or an ordinal. Both are found without a regular-expression pass per word: one
character-class pass for digits, then the set of the text's words intersected with
the vocabulary's anchor words, then ``str.find`` for each word present. A figure may
start a token or two before its anchor ("Dec. 1", "US $ 5", "in his 40s").
"""

from __future__ import annotations

from factcheck.claims.patterns import Grammar

# Every byte but an ASCII letter becomes a space: the text's words, for anchor lookup.
_WORD_BYTES = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))


def anchors(view: str, grammar: Grammar) -> list[int]:
    """Offsets where a figure may be.

    Digit runs and currency symbols, and the number words, months and ordinals present
    in the text (set intersection, then ``find``).
    """
    points = [m.start() for m in grammar.anchor.finditer(view)]
    low = view.lower()
    if len(low) != len(view):  # a character whose lower case is longer ("İ")
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in view)
    words = low.encode("utf-8", "replace").translate(_WORD_BYTES).split()
    present = [w.decode() for w in grammar.anchor_bytes.intersection(words)]
    n = len(low)
    for word in present:
        size = len(word)
        i = low.find(word)
        while i != -1:
            j = i + size
            if (i == 0 or not low[i - 1].isalpha()) and (j >= n or not low[j].isalpha()):
                points.append(i)
            i = low.find(word, j)
    points.sort()
    return points


def starts(view: str, anchor: int, grammar: Grammar, floor: int) -> list[int]:
    """Where a figure holding ``anchor`` may start, leftmost first.

    The token holding it, and up to two tokens before it when they are prefix words
    ('Dec. 1', 'US $ 5', 'in his 40s').
    """
    low = max(floor, anchor - 16)
    token = max(
        view.rfind(" ", low, anchor), view.rfind("\n", low, anchor), view.rfind("\t", low, anchor)
    )
    token = token + 1 if token != -1 else low
    starts = [token] if token == anchor else [token, anchor]
    words = view[max(floor, token - 40) : token].split()[-2:]
    cursor = token
    for word in reversed(words):
        begin = view.rfind(word, max(floor, cursor - 40), cursor)
        if begin == -1 or view[begin + len(word) : cursor].strip():
            break
        key_word = word.lower().rstrip(".,")
        if (
            key_word not in grammar.prefix_words
            and key_word.rstrip("$") not in grammar.prefix_words
        ):
            break
        starts.insert(0, begin)
        cursor = begin
    return starts
