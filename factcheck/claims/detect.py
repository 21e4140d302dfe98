"""The claim grammar: find every figure in ``Document.view`` and read it.

One compiled scanner (:mod:`factcheck.claims.patterns`) proposes candidates left to
right; each is read by a small function that looks at the words around it:

    [qualifier | range start | age marker | year preposition] [currency] FIGURE
        [scale] [unit] [range join FIGURE [scale] [unit]] [post-qualifier] [noun [verb]]

The reading decides the claim's kind, in this order: a currency makes it money, a
percent form a percentage, an age marker an age, a time unit a duration, any other
unit a measure, a fraction word a ratio, two figures joined a range; what remains is a
count, unless it is a bare year (a date after "in", "since"...) or a reference number
listed in an ``exclude`` pattern. Nothing here loops over tokens of the whole text:
the scanner jumps from figure to figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factcheck.claims.normalise import is_plural, iso_date, noun_after, verb_before
from factcheck.claims.numbers import parse_digits, parse_words
from factcheck.claims.patterns import Grammar
from factcheck.claims.vocab import Qualifier, UnitSense, key

# After "5m": these words mean metres, not millions ("a 5m wall" is rare; "5m high" is not).
_METRE_WORDS = frozenset(
    ["high", "long", "wide", "deep", "tall", "away", "sprint", "race", "hurdles", "freestyle"]
)
_WEIGH_RE = re.compile(r"\bweigh|\bheav|\bpounds? of\b", re.I)
_YEAR_RE = re.compile(r"(?:1[0-9]|20)\d{2}")
_DAY_RE = re.compile(r"\d{1,2}")
_LOWER_MONTH_WORDS = frozenset({"may", "march", "sun", "sat", "wed", "mar", "jan", "dec"})
_YEAR_TAIL_RE = re.compile(r"[ \t]*[-–/][ \t]*((?:1[0-9]|20)\d{2}|\d{2})(?![\w])")
_APPOSITION_RE = re.compile(r"[A-Z][a-z]+, \Z")
_RATIO_SPLIT_RE = re.compile(r"\s+(?:in every|of every|out of|in|over)\s+", re.I)
# Every byte but an ASCII letter becomes a space: the text's words, for anchor lookup.
_WORD_BYTES = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_CURRENCY_SIGNS = frozenset("£$€¥₹₩₽₭₦₱₪₴₿")
_COMPOUND_RE = re.compile(r"-([a-z]+)(?![\w\-])")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})
_FIGURE_STARTS = frozenset(".½⅓⅔¼¾⅕⅛⅜⅝⅞")
_OF_AHEAD_RE = re.compile(r"[ \t]+of\b", re.I)
_BARE_MINOR_RE = re.compile(
    r"[ \t]+and[ \t]+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty|seventy|seventy-five|eighty|ninety)"
    r"(?=[ \t]*(?:[.,;!?)]|$))",
    re.I,
)
_GLUED_SYMBOL_RE = re.compile(r"(?:<=|>=|[~∼<>≥≤])\Z")
_SYMBOLS = frozenset({"~", "∼", "<", ">", "<=", ">=", "≥", "≤"})
_ARTICLE_RE = re.compile(r"[ \t]+(?:of[ \t]+)?an?(?=[ \t])", re.I)
_NEGATIVE_RE = re.compile(r"\b(?:minus|negative)\s+\Z", re.I)
_AND_SHARE_RE = re.compile(r"[ \t]+and[ \t]+(?:a|one)[ \t]+(half|quarter|third)\b", re.I)


def _month_case_ok(word: str) -> bool:
    """Whether a month name is cased as one: 'November', 'NOVEMBER', 'november'.

    Not 'FeB', nor a lower-case 'may' or 'march' (verbs).
    """
    if word.istitle() or (word.isupper() and len(word) > 3):
        return True
    return word.islower() and word not in _LOWER_MONTH_WORDS


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure read from the text, before it becomes a :class:`~factcheck.model.Claim`."""

    start: int
    end: int
    kind: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    noun: str | None = None
    verb: str | None = None
    date: str | None = None
    core_start: int = 0
    core_end: int = 0
    rule: str | None = None  # the rule file that decided the kind, when not the default


@dataclass(frozen=True, slots=True)
class _Figure:
    """One figure: where its number is, its value, and what currency came before it."""

    start: int  # including a currency symbol or minus sign
    num_start: int
    num_end: int
    value: float
    currency: str | None = None
    fraction: bool = False
    needs_unit: bool = False
    digits: str | None = None  # the written digits, for year tests


@dataclass(frozen=True, slots=True)
class _Unit:
    sense: UnitSense
    end: int
    text: str


def detect(view: str, grammar: Grammar, *, year: int | None = None) -> list[Quantity]:
    """Every figure in ``view`` a fact-checker would check, in text order.

    ``year`` resolves dates written without one ("December 1"), typically from the
    document's own date. The scanner is only tried where a figure can be: at digits and
    currency symbols, and at the few number words, months and ordinals the text holds
    (found with string operations, not a regular-expression pass per word).
    """
    if "\xa0" in view:
        view = view.replace("\xa0", " ")  # same length: offsets stay valid
    reader = _Reader(view, grammar, year)
    found: list[Quantity] = []
    pos = 0
    scan = grammar.scanners
    digit, letter, other = scan["digit"].match, scan["letter"].match, scan["other"].match
    for anchor in anchors(view, grammar):
        if anchor < pos:
            continue
        m = None
        for start in _starts(view, anchor, grammar, pos):
            ch = view[start]
            m = (digit if ch.isdigit() else letter if ch.isalpha() else other)(view, start)
            if m is not None and m.end() > anchor:
                break
            m = None
        if m is None:
            continue
        quantity, next_pos = reader.read(m)
        if quantity is not None and not reader.excluded(quantity):
            found.append(quantity)
        pos = max(next_pos, m.start() + 1)
    return found


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
    present = {w.decode() for w in set(words) & grammar.anchor_bytes}
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


def _starts(view: str, anchor: int, grammar: Grammar, floor: int) -> list[int]:
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


class _Reader:
    """Reads one candidate at a time; holds only the text and the compiled grammar."""

    def __init__(self, view: str, grammar: Grammar, year: int | None) -> None:
        self.view = view
        self.g = grammar
        self.v = grammar.vocab
        self.year = year
        self.left_table = grammar.left_table

    # -- dispatch --------------------------------------------------------------------

    def read(self, m: re.Match[str]) -> tuple[Quantity | None, int]:
        kind = m.lastgroup
        groups = m.re.groupindex
        if "cn" in groups and m.group("cn") is not None:
            kind = "cur"
        elif "dn" in groups and m.group("dn") is not None:
            kind = "dn"
        if kind in ("iso", "slash", "md", "dm", "my", "decade", "modyear", "quarter", "century"):
            return self.date(m, kind), m.end()
        if "mo" in groups and m.group("mo") is not None:
            return self.month_only(m), m.end()
        if kind == "agedecade":
            return self.age_decade(m), m.end()
        if kind in ("ratio", "colon"):
            q = self.ratio(m, kind)
            if q is not None:
                return q, q.end
            return self.generic_at(m.start())
        if kind == "slashfrac":
            fig = self.slash_fraction(m)
            if fig is None:
                return None, m.end()
            return self.reading(fig)
        if kind in ("rank", "rankno", "top"):
            return self.rank(m, kind), m.end()
        if kind == "vague":
            return self.vague(m), m.end()
        if kind == "cur":
            cur = self.v.currency_before.get(key(m.group("cur")))
            fig = self.figure(m.start(), m.start("cn"), m.group("cn"), cur)
            if fig is None:
                return None, m.end()
            return self.reading(fig)
        if kind == "dn":
            neg = m.group("neg")
            start = m.start("neg") if neg else m.start("dn")
            fig = self.figure(start, m.start("dn"), m.group("dn"), None, negative=bool(neg))
            if fig is None:
                return None, m.end()
            return self.reading(fig)
        negative = _NEGATIVE_RE.search(self.view, max(0, m.start() - 12), m.start())
        fig = self.figure(m.start(), m.start("wn"), m.group("wn"), None, negative=bool(negative))
        if fig is None:
            return None, m.end()
        if negative is not None:
            fig = replace(fig, start=negative.start())
        return self.reading(fig)

    def slash_fraction(self, m: re.Match[str]) -> _Figure | None:
        """'1/2 cup', '3/4', '- 1 4/5': a fraction in figures (denominator up to 16)."""
        text = m.group()
        sign = -1.0 if text.lstrip()[:1] in "-−" else 1.0
        parts = re.findall(r"\d+", text)
        whole = float(parts[0]) if len(parts) == 3 else 0.0
        num, den = (float(x) for x in parts[-2:])
        if not 0 < num < den <= 16:
            return None
        value = sign * (whole + num / den)
        return _Figure(m.start(), m.start(), m.end(), value, fraction=whole == 0)

    def generic_at(self, pos: int) -> tuple[Quantity | None, int]:
        """Read the plain figure at ``pos`` after a special form was rejected."""
        m = self.g.number_at.match(self.view, pos)
        if m is None:
            return None, pos + 1
        cur = self.v.currency_before.get(key(m.group("cur"))) if m.group("cur") else None
        fig = self.figure(pos, m.start("n"), m.group("n"), cur)
        if fig is None:
            return None, m.end()
        return self.reading(fig)

    # -- figures ---------------------------------------------------------------------

    def figure(
        self, start: int, num_start: int, text: str, currency: str | None, negative: bool = False
    ) -> _Figure | None:
        """Parse the figure written at ``num_start`` (digits or number words)."""
        if text[:1].isdigit() or text[:1] in _FIGURE_STARTS:
            value = parse_digits(text)
            if value is None:
                return None
            end = num_start + len(text)
            if not self._digit_boundary(end, start):
                return None
            share = len(text) == 1 and text in _FIGURE_STARTS  # "⅔ of the cake"
            return _Figure(
                start,
                num_start,
                end,
                -value if negative else value,
                currency,
                fraction=share,
                digits=None if share else text,
            )
        words = parse_words(text, self.v)
        if words is None:
            return None
        end = num_start + words.end
        if (
            self.view[end : end + 1] == "-"
            and self.view[end + 1 : end + 2].isalpha()
            and not (self.g.after_at.match(self.view, end) or self.g.scale_at.match(self.view, end))
        ):
            return None  # "a four-man contest", "a three-time champion"
        num_start_w = num_start + words.start
        return _Figure(
            start if currency else num_start_w,
            num_start_w,
            num_start + words.end,
            -words.value if negative else words.value,
            currency,
            fraction=words.fraction,
            needs_unit=words.needs_unit,
        )

    def _digit_boundary(self, end: int, start: int | None = None) -> bool:
        """Whether the digits ending at ``end`` stand alone.

        They must not run into letters ('5G', '3D') unless a suffix or unit is written
        against them ('£3bn', '40C', '5pc'), nor into '/digit' ('1/2').
        """
        view = self.view
        if end >= len(view):
            return True
        ch = view[end]
        if ch.isalpha():
            return bool(
                self.g.scale_at.match(view, end)
                or self.g.attached_at.match(view, end)
                or self.g.after_at.match(view, end)
            )
        if ch == "/" and view[end + 1 : end + 2].isdigit():
            return False
        if ch == "-" and view[end + 1 : end + 2].isalpha():
            if self.g.after_at.match(view, end) or self.g.scale_at.match(view, end):
                return True
            if start is not None and view[start] in _CURRENCY_SIGNS:
                return True  # "a $15-an-hour minimum wage"
            # "a 225-page report", "the 100-seat Senate": a count in a compound adjective
            return start is not None and self._compound(start, end) is not None
        return True

    def _compound(self, start: int, end: int) -> re.Match[str] | None:
        """'-page' after a figure that a determiner introduces ('a 225-page report')."""
        m = _COMPOUND_RE.match(self.view, end)
        if m is None or self._word_before(start) not in _DETERMINERS:
            return None
        return m

    def scale(self, fig: _Figure, pos: int) -> tuple[float, int]:
        """Multiplier written after the figure ('bn', 'million', 'k') and where it ends."""
        if fig.fraction:
            return 1.0, pos
        m = self.g.scale_at.match(self.view, pos)
        if m is None:
            return 1.0, pos
        if m.group("att"):
            text = m.group("att")
            if text in ("m", "M") and fig.currency is None and self._metres_follow(m.end()):
                return 1.0, pos
            return self.v.suffixes_attached[text], m.end()
        if m.group("sp"):
            if fig.digits is None and fig.currency is None:
                return 1.0, pos  # "two mn" is not how anyone writes
            return self.v.suffixes[key(m.group("sp"))], m.end()
        if fig.digits is None:
            return 1.0, pos  # number words carry their own scale ("two million")
        word = key(m.group("word"))
        mult = self.v.scales.get(word) or self.v.multipliers.get(word, 1.0)
        end = m.end()
        share = _AND_SHARE_RE.match(self.view, end)
        if share is not None and mult >= 1000:  # "3 million and a half"
            fig_frac = self.v.fractions.get(share.group(1).lower(), 0.0)
            return mult * (1 + fig_frac / fig.value) if fig.value else mult, share.end()
        return mult, end

    def _metres_follow(self, pos: int) -> bool:
        m = re.match(r"[ \t]*-?[ \t]*([A-Za-z]+)", self.view[pos : pos + 20])
        return bool(m and m.group(1).lower() in _METRE_WORDS)

    def unit(self, pos: int, fig: _Figure) -> _Unit | None:
        """The unit written after ``pos`` (attached or spaced), read in context."""
        view = self.view
        if fig.fraction:  # "half an hour", "a quarter of a mile"
            article = _ARTICLE_RE.match(view, pos)
            if article is not None:
                pos = article.end()
        m = None
        senses: tuple[UnitSense, ...] = ()
        if pos < len(view) and not view[pos].isspace():
            m = self.g.attached_at.match(view, pos)
            if m is not None:
                senses = self.v.attached.get(m.group("u"), ())
        if not senses:
            m = self.g.after_at.match(view, pos)
            if m is None or "\n" in m.group("sep"):
                return None
            senses = self.v.after.get(key(m.group("u")), ())
        if not senses or m is None:
            return None
        text = m.group("u")
        if (
            not text[-1:].isalpha()
            and re.match(r"[ \t]?\d", view[m.end() : m.end() + 2])
            and self.g.minor_at.match(view, m.end()) is None
        ):
            return None  # "$ 20,000.00 $ 37,305.97": the "$" opens the next amount
        if fig.currency is not None:
            # "$5 million" is already money; only a matching currency name may follow
            senses = tuple(s for s in senses if s.unit == fig.currency)
            if not senses:
                return None
        sense = senses[0]
        if key(text) in ("pound", "pounds"):
            weight = [s for s in senses if s.vocabulary == "units"]
            if weight and self._weighs(fig.start, m.end()):
                sense = weight[0]
        return _Unit(sense, m.end(), text)

    def _weighs(self, start: int, end: int) -> bool:
        return bool(_WEIGH_RE.search(self.view, max(0, start - 40), min(len(self.view), end + 4)))

    # -- context ---------------------------------------------------------------------

    def left(self, pos: int) -> dict[str, tuple[str, int]]:
        """Words right before ``pos``, by role: qualifier, range, age, year, change.

        Reads up to three phrases leftwards ("aged between 35", "rose from 5%").
        """
        found: dict[str, tuple[str, int]] = {}
        if self._word_before(pos) not in self.g.left_last:
            return found  # the usual case: no qualifier, preposition or range word
        tokens = self._tokens_before(pos)
        table = self.left_table
        for _ in range(3):
            hit = None
            words = [t for t, _ in tokens[-5:]]
            for n in range(len(words), 0, -1):
                phrase = " ".join(words[-n:])
                role = table.get(phrase)
                if role is None and phrase.endswith("."):
                    phrase = phrase.rstrip(".")
                    role = table.get(phrase)
                if role is not None:
                    hit = (role, phrase, tokens[-n][1], n)
                    break
            if hit is None:
                break
            role, phrase, start, n = hit
            found.setdefault(role, (phrase, start))
            tokens = tokens[:-n]
        return found

    def _word_before(self, pos: int) -> str:
        """The lower-cased word right before ``pos`` (after spaces), '' at a clause edge."""
        view = self.view
        j = pos
        while j > 0 and view[j - 1] in " \t":
            j -= 1
        floor = max(0, j - 30)
        i = max(view.rfind(" ", floor, j), view.rfind("\n", floor, j), view.rfind("\t", floor, j))
        i = i + 1 if i != -1 else floor
        word = view[i:j].lstrip("(\"“‘'[").lower().replace("’", "'").rstrip(".")
        glued = _GLUED_SYMBOL_RE.search(word)
        return glued.group() if glued is not None and j == pos else word

    def _changes(self, pos: int) -> bool:
        """A verb of change within three words before ``pos``: 'rose sharply from 5%'."""
        return any(word in self.v.change_verbs for word, _ in self._tokens_before(pos)[-4:])

    def _tokens_before(self, pos: int) -> list[tuple[str, int]]:
        """Up to eight lower-cased words right before ``pos`` in the same clause and line."""
        view = self.view
        floor = max(0, pos - 80, view.rfind("\n", 0, pos) + 1)
        window = view[floor:pos]
        out: list[tuple[str, int]] = []
        cursor = len(window)
        for token in reversed(window.split()[-8:]):
            at = window.rfind(token, 0, cursor)
            glued = _GLUED_SYMBOL_RE.search(token) if not out else None
            if glued is not None and at + len(token) == cursor:  # "x>10", "(~70%"
                out.append((glued.group(), floor + at + glued.start()))
                break
            opened = token.lstrip("(\"“‘'[")
            word = opened.lower().replace("’", "'")
            if not word or word[-1] in ',;:!?"”)]' or not (word[0].isalpha() or word in _SYMBOLS):
                break
            out.append((word, floor + at + len(token) - len(opened)))
            if opened != token:
                break  # an opening bracket or quote starts the clause
            cursor = at
        out.reverse()
        return out

    def post(self, pos: int) -> tuple[Qualifier | None, int]:
        m = self.g.post_at.match(self.view, pos)
        if m is None:
            return None, pos
        if m.group("plus"):
            return self.v.post_qualifiers.get("+"), m.end()
        return self.v.post_qualifiers.get(key(m.group("w"))), m.end()

    # -- the general reading -----------------------------------------------------------

    def reading(self, fig: _Figure) -> tuple[Quantity | None, int]:
        view = self.view
        mult, pos = self.scale(fig, fig.num_end)
        value = fig.value * mult
        scaled = mult != 1.0
        unit = self.unit(pos, fig)
        end = unit.end if unit else pos
        if unit is not None and unit.sense.vocabulary == "currencies" and unit.sense.factor != 1:
            value *= unit.sense.factor
        left = self.left(fig.start)
        post, post_end = self.post(end)
        if post is not None and unit is None:  # "10 or so years", "1,000-plus people"
            unit = self.unit(post_end, fig)
            if unit is not None:
                post_end = unit.end
        low = high = None
        rng = None
        if post is None:
            rng = self.range(fig, value, scaled, unit, end, left)
        if rng is not None:
            if rng == "skip":
                return None, self._skip_tally(end)
            low, high, unit, end = rng
            value = (low + high) / 2
        if unit is not None and unit.sense.vocabulary == "currencies":
            value, end = self.minor(unit, value, end)
        qualifier = None
        q_start = fig.start
        kind = self.kind_of(fig, unit, left, rng is not None)
        if kind is None:
            return None, end
        if kind in ("count", "year") and unit is None and self._percent_first(left, fig, end):
            percent = self.v.after[left["percent-of"][0].rsplit(" ", 1)[0]][0]
            unit = _Unit(percent, end, left["percent-of"][0])
            kind = "percent"
        if kind == "year":
            return self.year_reading(fig, left, end)
        if "qualifier" in left:
            phrase, start = left["qualifier"]
            q = self.v.qualifiers[phrase]
            if kind not in q.not_for:
                qualifier, q_start = q, start
        if post is not None:
            qualifier, end = post, post_end
        if kind == "percent" and "percent-of" in left:
            q_start = min(q_start, left["percent-of"][1])
        if kind == "age" and "age" in left and unit is None:
            q_start = min(q_start, left["age"][1])
        if rng is not None and "range" in left:
            q_start = min(q_start, left["range"][1])
        if kind == "ratio" and fig.fraction and not self._share_ok(fig, end, qualifier):
            return None, end
        if kind == "count" and fig.digits is None and fig.needs_unit and fig.value >= 0:
            return None, end
        if kind == "count" and self._apposition_age(fig):
            kind = "age"
        if rng is None and qualifier is not None:
            if qualifier.bound == "low":
                low = value
            elif qualifier.bound == "high":
                high = value
        compound = self._compound(fig.start, end) if kind == "count" and fig.digits else None
        if compound is not None:  # "a 54-person majority": the count is of persons
            noun, verb, end = compound.group(1), None, compound.end()
        else:
            noun, verb = self.noun(kind, end)
        if verb is None and kind in ("count", "range"):
            verb = verb_before(view, q_start)
        return (
            Quantity(
                start=q_start,
                end=end,
                kind=kind,
                value=value,
                low=low,
                high=high,
                unit=self.unit_name(kind, unit) or fig.currency,
                rule=self._deciding_rule(kind, unit, fig),
                qualifier=qualifier.normal if qualifier else None,
                noun=noun,
                verb=verb,
                core_start=fig.num_start,
                core_end=fig.num_end,
            ),
            end,
        )

    def kind_of(
        self, fig: _Figure, unit: _Unit | None, left: dict[str, tuple[str, int]], is_range: bool
    ) -> str | None:
        if fig.currency is not None:
            return "money"
        if unit is not None:
            vocab = unit.sense.vocabulary
            if vocab in ("currencies", "minor"):
                return "money"
            if vocab == "percentages":
                return "percent"
            if vocab == "ages" or ("age" in left and vocab == "durations"):
                return "age"
            if vocab == "durations":
                return "duration"
            return "measure"
        if "age" in left and fig.value < 130:
            return "age"
        if fig.fraction:
            return "ratio"
        if is_range:
            return "range"
        if fig.digits is not None and _YEAR_RE.fullmatch(fig.digits):
            return "year"
        return "count"

    def _deciding_rule(self, kind: str, unit: _Unit | None, fig: _Figure) -> str | None:
        """The file whose form decided the kind (a newsroom's own currency file)."""
        if unit is not None and unit.sense.kind == kind and unit.sense.rule:
            return unit.sense.rule
        if kind == "money" and fig.currency is not None:
            return self.v.currency_rules.get(fig.currency)
        return None

    def unit_name(self, kind: str, unit: _Unit | None) -> str | None:
        if unit is not None:
            return unit.sense.unit
        if kind == "money":
            return None
        if kind == "age":
            return "year"
        if kind == "ratio":
            return "fraction"
        return None

    def noun(self, kind: str, end: int) -> tuple[str | None, str | None]:
        if kind in ("count", "range"):
            return noun_after(self.view, end)
        if kind in ("percent", "ratio", "money"):
            return noun_after(self.view, end, of_only=True, money=kind == "money")
        return None, None

    def _percent_first(self, left: dict[str, tuple[str, int]], fig: _Figure, end: int) -> bool:
        """'percent of 10', 'percents of twenty': no figure before, no noun after."""
        if "percent-of" not in left or fig.currency is not None:
            return False
        before = self.view[: left["percent-of"][1]].rstrip()
        if before[-1:].isdigit() or self._word_before(left["percent-of"][1]) in self.v.cardinals:
            return False
        return noun_after(self.view, end)[0] is None

    def _share_ok(self, fig: _Figure, end: int, qualifier: Qualifier | None) -> bool:
        """'half' is a figure as a share: 'half of', 'half the', 'nearly half'."""
        word = key(self.view[fig.num_start : fig.num_end]).split()[-1]
        if word not in self.v.fractions_need_of:
            return True
        if qualifier is not None:
            return True
        return bool(re.match(r"[ \t]+(?:of|the|its|their|all)\b", self.view[end : end + 8], re.I))

    def _apposition_age(self, fig: _Figure) -> bool:
        """'Tom Smith, 52, said': a person's age in the news convention."""
        if fig.digits is None or not 1 <= fig.value < 120 or "." in fig.digits:
            return False
        view = self.view
        if view[fig.num_end : fig.num_end + 1] != ",":
            return False
        return bool(_APPOSITION_RE.search(view, max(0, fig.start - 30), fig.start))

    def range(
        self,
        fig: _Figure,
        value: float,
        scaled: bool,
        unit: _Unit | None,
        pos: int,
        left: dict[str, tuple[str, int]],
    ) -> tuple[float, float, _Unit | None, int] | str | None:
        """A second figure joined to the first: 'between 20 and 30', '£20m-£30m'.

        Returns (low, high, unit, end), 'skip' for a score or tally ('3-1', '51-49'),
        or None.
        """
        view = self.view
        jm = self.g.join_at.match(view, pos)
        if jm is None:
            return None
        join = key(jm.group("j"))
        if join == "and" and left.get("range", ("",))[0] not in ("between", "anywhere between"):
            return None
        if join in ("to", "through") and self._changes(left.get("range", ("", fig.start))[1]):
            return None
        if join == "or" and fig.digits is not None and unit is not None:
            return None
        if join in ("-", "–", "—") and fig.digits is None:
            return None  # "three-nought-four" is no range
        nm = self.g.number_at.match(view, jm.end())
        if nm is None:
            return None
        cur2 = self.v.currency_before.get(key(nm.group("cur"))) if nm.group("cur") else None
        if cur2 is not None and fig.currency is not None and cur2 != fig.currency:
            return None
        second = self.figure(nm.start(), nm.start("n"), nm.group("n"), cur2 or fig.currency)
        if second is None or second.fraction or second.needs_unit:
            return None
        if join in ("-", "–", "—") and second.digits is None:
            return None
        mult2, end = self.scale(second, second.num_end)
        unit2 = self.unit(end, second)
        if unit2 is not None:
            end = unit2.end
            if unit is not None and unit2.sense.unit != unit.sense.unit:
                return None
        elif unit is not None and unit.sense.vocabulary in ("percentages", "ages"):
            pass
        low, high = value, second.value * mult2
        if not scaled and mult2 != 1.0 and fig.value < second.value:
            low = fig.value * mult2  # "between 2 and 3 million", "£20-30m"
        if (
            fig.digits
            and _YEAR_RE.fullmatch(fig.digits)
            and second.digits
            and (_YEAR_RE.fullmatch(second.digits) or "year" in left)
        ):
            return None  # years: the date reading handles "2010 to 2015"
        if not low < high:
            if join in ("-", "–", "—") and fig.digits and second.digits:
                return "skip"
            return None
        if join == "or" and high > 10 * low:
            return None  # "10 bln or 10 tln" are alternatives, not a range
        return low, high, unit2 or unit, end

    def _skip_tally(self, pos: int) -> int:
        m = self.g.join_at.match(self.view, pos)
        if m is None:
            return pos
        n = self.g.number_at.match(self.view, m.end())
        return n.end() if n else m.end()

    def minor(self, unit: _Unit, value: float, end: int) -> tuple[float, int]:
        """'3 dollars 50 cents', '10 $ 30 cent': add the minor amount."""
        words = self.v.minor.get(unit.sense.unit)
        if not words:
            return value, end
        m = self.g.minor_at.match(self.view, end)
        if m is None or key(m.group("m")) not in words:
            bare = _BARE_MINOR_RE.match(self.view, end)
            if bare is None or not unit.text[-1:].isalpha():
                return value, end
            m = bare  # "15 dollars and 15.": the cents without their name
        n = m.group("n")
        cents = parse_digits(n) if n[0].isdigit() else self.v.cardinals.get(key(n))
        if cents is None:
            return value, end
        return value + cents / 100, m.end()

    # -- years and dates ---------------------------------------------------------------

    def year_reading(
        self, fig: _Figure, left: dict[str, tuple[str, int]], end: int
    ) -> tuple[Quantity | None, int]:
        """Read a bare four-digit figure.

        A date after 'in', 'since', 'by'...; a count before a plural noun ('2000
        people'); otherwise an adjective ('the 2016 campaign'): no claim.
        """
        year = int(fig.value)
        tail = _YEAR_TAIL_RE.match(self.view, end)
        if "year" in left or "range" in left:
            if tail is not None:  # "2015-16", "2015/2016", "from 2010 to 2015" handled below
                last = tail.group(1)
                last_year = int(last) if len(last) == 4 else year // 100 * 100 + int(last)
                if last_year > year:
                    return self._date(
                        fig.num_start, tail.end(), f"{year:04d}/{last_year:04d}", None
                    ), tail.end()
            jm = self.g.join_at.match(self.view, end)
            if jm is not None and key(jm.group("j")) in ("to", "and", "through", "until"):
                ym = _YEAR_RE.match(self.view, jm.end())
                if ym is not None and int(ym.group()) > year and self._digit_boundary(ym.end()):
                    return (
                        self._date(fig.num_start, ym.end(), f"{year:04d}/{ym.group()}", None),
                        ym.end(),
                    )
            return self._date(fig.num_start, end, iso_date(year), float(year)), end
        if tail is not None:
            return None, tail.end()
        # news writes "2,000 people"; a bare "2000 people" is a count only without a
        # date preposition ("In 2016 voters chose...")
        return self._year_count(fig, end), end

    def _year_count(self, fig: _Figure, end: int) -> Quantity | None:
        """A year-like figure before a plural noun is a count: '2000 people'."""
        noun, verb = noun_after(self.view, end)
        if not noun or not is_plural(noun) or not self.view[end + 1 : end + 2].islower():
            return None
        return Quantity(
            fig.start,
            end,
            "count",
            fig.value,
            noun=noun,
            verb=verb,
            core_start=fig.num_start,
            core_end=fig.num_end,
        )

    def _date(self, start: int, end: int, iso: str | None, value: float | None) -> Quantity:
        return Quantity(start, end, "date", value, date=iso, core_start=start, core_end=end)

    def date(self, m: re.Match[str], kind: str) -> Quantity | None:
        text = m.group()
        start, end = m.start(), m.end()
        if kind == "iso":
            y, mo, d = (int(x) for x in text.split("-"))
            return self._date(start, end, iso_date(y, mo, d), None)
        if kind == "slash":
            a, b, c = (int(x) for x in re.split(r"[/.\-]", text))
            y = c if c >= 100 else (2000 + c if c < 50 else 1900 + c)
            mo, d = (a, b) if a <= 12 else (b, a)
            return self._date(start, end, iso_date(y, mo, d), None)
        if kind == "decade":
            return self._decade(m)
        if kind == "quarter":
            y = int(_YEAR_RE.search(text).group())  # type: ignore[union-attr]
            q = re.search(r"[QHqh][1-4]", text).group().upper()  # type: ignore[union-attr]
            return self._date(start, end, f"{y:04d}-{q}", None)
        if kind == "century":
            n = self.v.ordinals.get(key(text).rsplit(" ", 1)[0])
            if n is None:
                return None
            return self._date(start, end, f"{(n - 1) * 100:04d}/{n * 100 - 1:04d}", None)
        if kind == "modyear":
            y = int(_YEAR_RE.search(text).group())  # type: ignore[union-attr]
            return self._date(start, end, iso_date(y), float(y))
        return self._calendar(m, kind)

    def month_only(self, m: re.Match[str]) -> Quantity | None:
        """'in November', 'since early August': a month after a date preposition."""
        text = m.group("mo")
        word = self.g.month.search(text)
        if word is None:
            return None
        name = key(word.group()).rstrip(".")
        if not _month_case_ok(word.group().rstrip(".")):
            return None
        month = self.v.months.get(name)
        if month is None:
            return None
        iso = iso_date(self.year, month) if self.year else f"--{month:02d}"
        return self._date(m.start("mo"), self._month_end(text, m.end("mo")), iso, None)

    def _month_end(self, text: str, end: int) -> int:
        """Drop a full stop after a full month name ('in July.' ends the sentence).

        The stop of 'Nov.' is the abbreviation's and stays.
        """
        if text.endswith("."):
            word = self.g.month.findall(text)
            if word and key(word[-1]).rstrip(".") in self.v.full_months:
                return end - 1
        return end

    def _decade(self, m: re.Match[str]) -> Quantity | None:
        digits = re.search(r"\d+", m.group())
        if digits is None:
            return None
        d = digits.group()
        first = int(d) if len(d) == 4 else (1900 + int(d) if len(d) == 2 else None)
        if first is None:
            return None
        return self._date(m.start(), m.end(), f"{first:04d}/{first + 9:04d}", None)

    def _calendar(self, m: re.Match[str], kind: str) -> Quantity | None:
        """'December 1', 'Dec. 1, 2015', '1 December 2015', 'March 31-April 4', 'May 2016'."""
        text = m.group()
        end = self._month_end(text, m.end())
        months = [(mm.group(), mm.start()) for mm in self._month_re().finditer(text)]
        if not months:
            return None
        if not all(_month_case_ok(word.rstrip(".")) for word, _ in months):
            return None
        month_numbers = [
            self.v.months[key(w).rstrip(".")]
            if key(w).rstrip(".") in self.v.months
            else self.v.months.get(key(w))
            for w, _ in months
        ]
        if None in month_numbers:
            return None
        year_m = re.search(r"(?<!\d)(?:1[0-9]|20)\d{2}(?!\d)", text)
        year = int(year_m.group()) if year_m else None
        days = [
            int(d.group()) for d in _DAY_RE.finditer(text[: year_m.start()] if year_m else text)
        ]
        days = [d for d in days if 1 <= d <= 31]
        resolved_year = year or self.year
        if kind == "my" or not days:
            iso = (
                iso_date(resolved_year, month_numbers[0])
                if resolved_year
                else f"--{month_numbers[0]:02d}"
            )
            return self._date(m.start(), end, iso, None)
        first = iso_date(resolved_year, month_numbers[0], days[0])
        if first is None:
            return None
        if len(days) > 1:
            last_month = month_numbers[-1]
            last = iso_date(resolved_year, last_month, days[1])
            return self._date(m.start(), end, f"{first}/{last}" if last else first, None)
        return self._date(m.start(), end, first, None)

    def _month_re(self) -> re.Pattern[str]:
        return self.g.month

    # -- special forms -----------------------------------------------------------------

    def ratio(self, m: re.Match[str], kind: str) -> Quantity | None:
        """'one in four', '3 out of 10', '1:4'."""
        text = m.group()
        if kind == "colon":
            a_text, b_text = text.split(":")
        else:
            parts = _RATIO_SPLIT_RE.split(text, maxsplit=1)
            if len(parts) != 2:
                return None
            a_text, b_text = parts
        a = self._simple(a_text)
        b = self._simple(b_text)
        if a is None or b is None or b in (0, a):
            return None
        if kind == "ratio" and (a > b or b > 100000 or _YEAR_RE.fullmatch(b_text)):
            return None
        end = m.end()
        if kind == "ratio":
            fig = _Figure(m.start(), m.start(), end, b)
            if self.unit(end, fig) is not None or self.g.scale_at.match(self.view, end):
                return None  # "2 in 10 minutes", "1 in 5 million"
        left = self.left(m.start())
        start = m.start()
        qualifier = None
        low = high = None
        value = a / b
        if "qualifier" in left:
            phrase, q_start = left["qualifier"]
            q = self.v.qualifiers[phrase]
            qualifier, start = q.normal, q_start
            low = value if q.bound == "low" else None
            high = value if q.bound == "high" else None
        post, post_end = self.post(end)
        if post is not None:  # "2 in 5 or more"
            qualifier, end = post.normal, post_end
            low = value if post.bound == "low" else low
            high = value if post.bound == "high" else high
        noun, verb = noun_after(self.view, end)
        return Quantity(
            start,
            end,
            "ratio",
            value,
            low,
            high,
            "fraction",
            qualifier,
            noun,
            verb,
            core_start=m.start(),
            core_end=end,
        )

    def _simple(self, text: str) -> float | None:
        text = text.strip()
        if text[:1].isdigit():
            return parse_digits(text)
        words = parse_words(text, self.v)
        return words.value if words is not None and not words.fraction else None

    def rank(self, m: re.Match[str], kind: str) -> Quantity | None:
        text = m.group()
        words = key(text).split()
        if kind == "rank":
            value: float | None = self.v.ordinals.get(" ".join(words[:2])) or self.v.ordinals.get(
                words[0]
            )
        else:
            tail = re.split(r"[\s\-‐‑.]+", text)[-1]
            value = parse_digits(tail) if tail[:1].isdigit() else self.v.cardinals.get(key(tail))
        if value is None:
            return None
        noun = None
        if kind == "rank" and words[-1] not in self.v.rank_after:  # "third-largest employer"
            noun, _ = noun_after(self.view, m.end())
        return Quantity(
            m.start(),
            m.end(),
            "rank",
            float(value),
            noun=noun,
            core_start=m.start(),
            core_end=m.end(),
        )

    def vague(self, m: re.Match[str]) -> Quantity | None:
        """'hundreds of', 'tens of thousands', 'a couple of', 'millions of pounds'."""
        value, low, high = self.v.vague[key(m.group())]
        end = m.end()
        if key(m.group()) in self.v.vague_need_of and not _OF_AHEAD_RE.match(self.view, end):
            return None  # "it scores points"
        kind = "count"
        unit = None
        qualifier = "about" if value is not None else None
        of = re.match(r"[ \t]+of[ \t]+", self.view[end : end + 6])
        if of is not None:
            after = self.g.after_at.match(self.view, end + of.end())
            if after is not None:
                senses = self.v.after.get(key(after.group("u")), ())
                money = [s for s in senses if s.vocabulary in ("currencies", "minor")]
                if money and not self._weighs(m.start(), after.end()):
                    kind, unit, end = "money", money[0].unit, after.end()
        if value is None and low is None:
            return None
        noun, verb = noun_after(self.view, end) if kind == "count" else (None, None)
        if kind == "count" and noun is None and value is None and of is None:
            # "Thousands marched" keeps its verb; "the thousands" alone is no figure
            verb = verb or None
        return Quantity(
            m.start(),
            end,
            kind,
            value,
            low,
            high,
            unit,
            qualifier,
            noun,
            verb,
            core_start=m.start(),
            core_end=m.end(),
        )

    def age_decade(self, m: re.Match[str]) -> Quantity | None:
        digits = re.search(r"(\d)0", m.group())
        if digits is not None:
            low = float(int(digits.group(1)) * 10)
        else:
            word = key(m.group()).split()[-1]
            base = next(
                (
                    val
                    for f, val in self.v.cardinals.items()
                    if f.endswith("y") and f[:-1] + "ies" == word
                ),
                None,
            )
            if base is None:
                return None
            low = float(base)
        return Quantity(
            m.start(),
            m.end(),
            "age",
            None,
            low,
            low + 9,
            "year",
            core_start=m.start(),
            core_end=m.end(),
        )

    # -- exclusions ----------------------------------------------------------------------

    def excluded(self, q: Quantity) -> bool:
        """Whether the figure is a reference number ('the two countries', 'Covid-19').

        A claim whose figure lies in a match of an ``exclude`` pattern is dropped.
        """
        pattern = self.g.exclusions
        if pattern is None:
            return False
        for start in self._token_starts(q.core_start, q.core_end):
            m = pattern.match(self.view, start)
            if m is not None and m.end() > q.core_start:
                return True
        return False

    def _token_starts(self, core_start: int, core_end: int) -> list[int]:
        """Where an exclusion ('the two', 'Section 230', '9/11') can begin.

        Token starts from two tokens before the figure to the figure itself.
        """
        view = self.view
        starts = []
        i = core_start
        while i > 0 and not view[i - 1].isspace() and core_start - i < 12:
            i -= 1
        starts.append(i)
        for j in range(max(i + 1, core_start - 2), core_start + 1):
            if j == core_start or not view[j].isalnum():
                starts.append(j)  # "General—(1)": the bracket inside the token
        for _ in range(2):
            j = i
            while j > 0 and view[j - 1] in " \t":
                j -= 1
            if j in (i, 0):
                break
            i = j
            while i > 0 and not view[i - 1].isspace() and j - i < 24:
                i -= 1
            starts.insert(0, i)
        line = view.rfind("\n", 0, core_start) + 1
        if line not in starts and core_start - line < 8:
            starts.insert(0, line)  # list numbering: "1. The ..."
        return starts


__all__ = ["Quantity", "detect"]
