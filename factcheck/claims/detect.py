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
from dataclasses import replace

from factcheck.claims import dates, forms
from factcheck.claims.anchors import anchors, starts
from factcheck.claims.normalise import noun_after, verb_before
from factcheck.claims.numbers import WordNumber, parse_digits, parse_words
from factcheck.claims.patterns import Grammar
from factcheck.claims.quantity import Figure, Quantity, UnitReading
from factcheck.claims.vocab import Qualifier, UnitSense, key

# After "5m": these words mean metres, not millions ("a 5m wall" is rare; "5m high" is not).
_METRE_WORDS = frozenset(
    ["high", "long", "wide", "deep", "tall", "away", "sprint", "race", "hurdles", "freestyle"]
)
_WEIGH_RE = re.compile(r"\bweigh|\bheav|\bpounds? of\b", re.I)
_APPOSITION_RE = re.compile(r"[A-Z][a-z]+, \Z")
_NEXT_WORD_RE = re.compile(r"[ \t]*-?[ \t]*([A-Za-z]+)")
_DIGIT_AHEAD_RE = re.compile(r"[ \t]?\d")
_SHARE_OF_RE = re.compile(r"[ \t]+(?:of|the|its|their|all)\b", re.I)
_CURRENCY_SIGNS = frozenset("£$€¥₹₩₽₭₦₱₪₴₿")
_COMPOUND_RE = re.compile(r"-([a-z]+)(?![\w\-])")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})
_FIGURE_STARTS = frozenset(".½⅓⅔¼¾⅕⅛⅜⅝⅞")
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
_AT_RE = re.compile(r"\bat\s+\Z", re.I)
_POINT_RE = re.compile(r"\s+point\b", re.I)
_MIXED_FRACTION_RE = re.compile(r"[ \t]+(\d{1,2})/(\d{1,2})(?![\w/])")
_AND_SHARE_RE = re.compile(r"[ \t]+and[ \t]+(?:a|one)[ \t]+(half|quarter|third)\b", re.I)


def detect(view: str, grammar: Grammar, *, year: int | None = None) -> list[Quantity]:
    """Every figure in ``view`` a fact-checker would check, in text order.

    ``year`` resolves dates written without one ("December 1"), typically from the
    document's own date. The scanner is only tried where a figure can be: at digits and
    currency symbols, and at the few number words, months and ordinals the text holds
    (found with string operations, not a regular-expression pass per word).
    """
    if "\xa0" in view:
        view = view.replace("\xa0", " ")  # same length: offsets stay valid
    reader = Reader(view, grammar, year)
    found: list[Quantity] = []
    pos = 0
    scan = grammar.scanners
    digit, letter, other = scan["digit"].match, scan["letter"].match, scan["other"].match
    for anchor in anchors(view, grammar):
        if anchor < pos:
            continue
        m = None
        for start in starts(view, anchor, grammar, pos):
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


class Reader:
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
            return dates.read_date(self, m, kind), m.end()
        if "mo" in groups and m.group("mo") is not None:
            return dates.month_only(self, m), m.end()
        if kind == "agedecade":
            return forms.age_decade(self, m), m.end()
        if kind in ("ratio", "colon"):
            q = forms.ratio(self, m, kind)
            if q is not None:
                return q, q.end
            if kind == "colon":
                return None, m.end()  # "3:0", "2:2": a score, not two counts
            return self.generic_at(m.start())
        if kind == "slashfrac":
            fig = forms.slash_fraction(self, m)
            if fig is None:
                return None, m.end()
            return self.reading(fig)
        if kind in ("rank", "rankno", "top"):
            return forms.rank(self, m, kind), m.end()
        if kind == "vague":
            return forms.vague(self, m), m.end()
        if kind == "cur":
            cur = self.v.currency_before.get(key(m.group("cur")))
            fig = self.figure(m.start(), m.start("cn"), m.group("cn"), cur)
            if fig is None:
                return None, m.end()
            fig = self._with_fraction(fig)
            if m.group("cur")[-1:].isalpha() and self._other_unit_follows(fig):
                fig = replace(fig, start=fig.num_start, currency=None)
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

    def _with_fraction(self, fig: Figure) -> Figure:
        """'$ 45 1/2', '$ 1 3/8': a price quoted in fractions, as stock tables once were.

        Without this the amount stops at the whole dollars and the fraction becomes a
        ratio claim of its own.
        """
        m = _MIXED_FRACTION_RE.match(self.view, fig.num_end)
        if m is None or fig.digits is None or "." in fig.digits:
            return fig
        num, den = int(m.group(1)), int(m.group(2))
        if not 0 < num < den <= 64:
            return fig
        value = abs(fig.value) + num / den
        return replace(
            fig,
            num_end=m.end(),
            value=-value if fig.value < 0 else value,
            digits=self.view[fig.num_start : m.end()],
        )

    def _other_unit_follows(self, fig: Figure) -> bool:
        """Whether a unit other than the prefix's currency follows the figure.

        A currency written as a word before a figure ("dollar 22.5 million", the old
        wire style "pounds 50m") is usually the subject of a market report instead:
        "left the dollar 2 percent lower", "the euro 10 years on". The figure's own unit
        wins then ("pound 1.5 cents higher": the cents).
        """
        _, pos = self.scale(fig, fig.num_end)
        unit = self.unit(pos, replace(fig, currency=None))
        if unit is None or unit.sense.unit == fig.currency:
            return False
        # "rmb 10 usd 20": a currency code after the figure opens the next amount
        return unit.sense.vocabulary != "currencies"

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
    ) -> Figure | None:
        """Parse the figure written at ``num_start`` (digits or number words)."""
        if text[:1].isdigit() or text[:1] in _FIGURE_STARTS:
            value = parse_digits(text)
            if value is None:
                return None
            end = num_start + len(text)
            if not self.digit_boundary(end, start):
                return None
            share = len(text) == 1 and text in _FIGURE_STARTS  # "⅔ of the cake"
            return Figure(
                start,
                num_start,
                end,
                -value if negative else value,
                currency,
                fraction=share,
                digits=None if share else text,
            )
        words = self._words(num_start, text)
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
        return Figure(
            start if currency else num_start_w,
            num_start_w,
            num_start + words.end,
            -words.value if negative else words.value,
            currency,
            fraction=words.fraction,
            needs_unit=words.needs_unit,
        )

    def _words(self, num_start: int, text: str) -> WordNumber | None:
        """Parse number words; 'at one point two officers' has no decimals (an idiom)."""
        words = parse_words(text, self.v)
        if words is None or not _AT_RE.search(self.view, max(0, num_start - 4), num_start):
            return words
        point = _POINT_RE.search(text, 0, words.end)
        if point is None or key(text[: point.start()]) != "one":
            return words
        return parse_words(text[: point.start()], self.v)

    def digit_boundary(self, end: int, start: int | None = None) -> bool:
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
        if ch in "/." and view[end + 1 : end + 2].isdigit():
            return False  # "1/2" (fractions are read whole), "1.2.3" (versions, addresses)
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

    def scale(self, fig: Figure, pos: int) -> tuple[float, int]:
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
        m = _NEXT_WORD_RE.match(self.view, pos)
        return bool(m and m.group(1).lower() in _METRE_WORDS)

    def unit(self, pos: int, fig: Figure) -> UnitReading | None:
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
            and _DIGIT_AHEAD_RE.match(view, m.end())
            and self.g.minor_at.match(view, m.end()) is None
        ):
            return None  # "$ 20,000.00 $ 37,305.97": the "$" opens the next amount
        if any(s.ambiguous for s in senses) and not self._precise(fig, pos):
            senses = tuple(s for s in senses if not s.ambiguous)  # "60 marks out of 100"
            if not senses:
                return None
        if fig.currency is not None:
            # "$5 million" is already money; only a matching currency name may follow
            senses = tuple(s for s in senses if s.unit == fig.currency)
            if not senses:
                return None
        sense = senses[0]
        if key(text) in ("pound", "pounds"):
            weight = [s for s in senses if s.vocabulary == "units"]
            if weight and self.weighs(fig.start, m.end()):
                sense = weight[0]
        return UnitReading(sense, m.end(), text)

    def _precise(self, fig: Figure, pos: int) -> bool:
        """A scale, decimals or a large figure: '2 billion marks', '1.8470 marks'.

        Exam marks and the like are small whole numbers ('60 marks out of 100').
        """
        return pos > fig.num_end or "." in (fig.digits or "") or abs(fig.value) >= 1000

    def weighs(self, start: int, end: int) -> bool:
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

    def reading(self, fig: Figure) -> tuple[Quantity | None, int]:
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
            value, end = self.minor(unit.sense.unit, value, end, named=unit.text[-1:].isalpha())
        elif unit is None and fig.currency is not None:  # "$5 and 50 cents"
            value, end = self.minor(fig.currency, value, end, named=False)
        qualifier = None
        q_start = fig.start
        kind = self.kind_of(fig, unit, left, rng is not None)
        if kind is None:
            return None, end
        if kind in ("count", "year") and unit is None and self._percent_first(left, fig, end):
            percent = self.v.after[left["percent-of"][0].rsplit(" ", 1)[0]][0]
            unit = UnitReading(percent, end, left["percent-of"][0])
            kind = "percent"
        if kind == "year":
            return dates.year_reading(self, fig, left, end)
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
        self,
        fig: Figure,
        unit: UnitReading | None,
        left: dict[str, tuple[str, int]],
        is_range: bool,
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
        if dates.is_year(fig.digits):
            return "year"
        return "count"

    def _deciding_rule(self, kind: str, unit: UnitReading | None, fig: Figure) -> str | None:
        """The file whose form decided the kind (a newsroom's own currency file)."""
        if unit is not None and unit.sense.kind == kind and unit.sense.rule:
            return unit.sense.rule
        if kind == "money" and fig.currency is not None:
            return self.v.currency_rules.get(fig.currency)
        return None

    def unit_name(self, kind: str, unit: UnitReading | None) -> str | None:
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

    def _percent_first(self, left: dict[str, tuple[str, int]], fig: Figure, end: int) -> bool:
        """'percent of 10', 'percents of twenty': no figure before, no noun after."""
        if "percent-of" not in left or fig.currency is not None:
            return False
        before = self.view[: left["percent-of"][1]].rstrip()
        if before[-1:].isdigit() or self._word_before(left["percent-of"][1]) in self.v.cardinals:
            return False
        return noun_after(self.view, end)[0] is None

    def _share_ok(self, fig: Figure, end: int, qualifier: Qualifier | None) -> bool:
        """'half' is a figure as a share: 'half of', 'half the', 'nearly half'."""
        word = key(self.view[fig.num_start : fig.num_end]).split()[-1]
        if word not in self.v.fractions_need_of:
            return True
        if qualifier is not None:
            return True
        return bool(_SHARE_OF_RE.match(self.view, end))

    def _apposition_age(self, fig: Figure) -> bool:
        """'Tom Smith, 52, said': a person's age in the news convention."""
        if fig.digits is None or not 1 <= fig.value < 120 or "." in fig.digits:
            return False
        view = self.view
        if view[fig.num_end : fig.num_end + 1] != ",":
            return False
        return bool(_APPOSITION_RE.search(view, max(0, fig.start - 30), fig.start))

    def range(
        self,
        fig: Figure,
        value: float,
        scaled: bool,
        unit: UnitReading | None,
        pos: int,
        left: dict[str, tuple[str, int]],
    ) -> tuple[float, float, UnitReading | None, int] | str | None:
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
        low, high = value, second.value * mult2
        if not scaled and mult2 != 1.0 and fig.value < second.value:
            low = fig.value * mult2  # "between 2 and 3 million", "£20-30m"
        if (
            fig.digits
            and dates.is_year(fig.digits)
            and second.digits
            and (dates.is_year(second.digits) or "year" in left)
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

    def minor(self, currency: str, value: float, end: int, *, named: bool) -> tuple[float, int]:
        """'3 dollars 50 cents', '10 $ 30 cent', '$5 and 50 cents': add the minor amount.

        ``named``: the currency is a word after the figure, so a bare number after
        "and" is its minor part ("15 dollars and 15."); after a symbol it is not.
        """
        words = self.v.minor.get(currency)
        if not words:
            return value, end
        m = self.g.minor_at.match(self.view, end)
        if m is None or key(m.group("m")) not in words:
            bare = _BARE_MINOR_RE.match(self.view, end)
            if bare is None or not named:
                return value, end
            m = bare  # "15 dollars and 15.": the cents without their name
        n = m.group("n")
        cents = parse_digits(n) if n[0].isdigit() else self.v.cardinals.get(key(n))
        if cents is None:
            return value, end
        return value + cents / 100, m.end()

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


__all__ = ["Quantity", "Reader", "anchors", "detect"]
