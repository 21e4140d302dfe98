"""From cue hits to statements: who speaks, where the content is, direct or reported.

Each cue hit is read in its sentence against the frames news writing uses:

- forward: ``X said (that) CONTENT`` / ``X told Britain that CONTENT`` /
  ``X said: "QUOTE"``; long subjects with party labels and appositions
  (``Rep. Cummings (D-Md.), chair of ..., said``) are read by :mod:`.subjects`;
- final: ``CONTENT, X said.`` and, inverted, ``CONTENT, said X.``; with a quotation
  before the comma (``"QUOTE," X told reporters``) the statement is direct;
- parenthetical: ``CONTENT, X said, CONTENT``;
- participle: ``..., saying CONTENT``, ``"...," saying``, ``— asserting``,
  ``before noting that`` (the speaker is the clause's subject) and a fronted
  ``Citing CONTENT, X said`` (the main clause's subject);
- coordinated: ``X praised ... and criticised CONTENT``, ``X continued to attack``;
- relative: ``X, who said CONTENT``;
- source: ``according to X, CONTENT`` / ``CONTENT, according to X``;
- adjunct: ``In a statement, X welcomed CONTENT`` when no other cue does the job;
- noun: ``Trump's claim that CONTENT``, ``his criticism of CONTENT``; with no
  possessor, ``the speculation that CONTENT`` has no named speaker;
- clause: an evidential or passive cue whose own clause is the content, with no
  speaker (``[[the race seemed to be his to lose]]``, see :mod:`.clauses`);
- question: ``Asked whether CONTENT, X said``, ``X was asked by Y whether CONTENT``.

A cue inside the reported content of an earlier statement of the same sentence
("Clinton said she wanted to move forward") is part of that statement, not a second
one, unless it closes the sentence (``..., officials said.``) or its subject opens a
clause of its own (``..., but Sen. Murphy says``): then the earlier content ends
there. Content stops where the reporter's own words resume: a later frame (``,
saying``), a non-restrictive relative clause (``, which ...``), a semicolon, a
clause with its own subject after ``, and`` / ``, but``.

A quotation split by its cue (``"A," he said. "B."``) is one statement with one part
per piece; so is a quotation continued in the next paragraph (see
:mod:`factcheck.attribution.direct`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from factcheck.attribution.clauses import clause_start
from factcheck.attribution.cues import CueEntry, CueHit
from factcheck.attribution.np import Subject, np_after, np_start, subject_before
from factcheck.attribution.quotes import QuoteIndex, inner_parts
from factcheck.attribution.subjects import comma_subject, parenthesised_subject
from factcheck.attribution.text import (
    BE_FORMS,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DAYS,
    DETERMINERS,
    MONTHS,
    OBJECT_PRONOUNS,
    POSSESSIVES,
    PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    SUBJECT_PRONOUNS,
    Token,
)
from factcheck.model import Quote, Sentence

_ADJUNCT_PREPS = frozenset({"on", "in", "at", "to", "during", "after", "before", "via", "through",
                            "from", "with", "over", "last", "this", "earlier", "late"})  # fmt: skip
_TIME_SOLO = DAYS | frozenset({"today", "yesterday", "tonight", "recently", "again", "also",
                               "repeatedly", "publicly", "privately", "separately"})  # fmt: skip
_CONTENT_END = ".!?;"
_FINITE = frozenset({"is", "are", "was", "were", "will", "would", "has", "have", "had", "can",
                     "could", "should", "must", "may", "might", "did", "does", "do", "won't",
                     "isn't", "wasn't", "aren't", "weren't", "didn't", "doesn't",
                     "don't"})  # fmt: skip
_MODAL_LEADS = frozenset({"will", "would", "can", "could", "should", "must", "may", "might",
                          "won't", "wouldn't", "can't", "cannot", "is", "are"})  # fmt: skip
_SUBORDINATORS = frozenset({"while", "although", "though", "if", "when", "because", "since",
                            "as", "after", "before", "whereas", "unless", "until"})  # fmt: skip
_RELATIVE_BREAKS = frozenset({"which", "who", "whom", "whose", "where"})
_COORD_SKIP = frozenset({"has", "have", "had", "also", "later", "then", "is", "was", "would",
                         "will", "repeatedly", "even", "again"})  # fmt: skip
# A clause after ", X said," that is narration, not the rest of the statement.
_NO_TAIL = frozenset({"as", "while", "when", "before", "after", "then", "so", "until",
                      "because", "who", "which", "where", "adding", "saying"})  # fmt: skip
# Words that may end reported content without a comma before them (besides a cue).
_ANYWHERE_ENDS = frozenset({"and", "but", ";", "—", "–", "--"})
# -s forms that are never a plural noun: after a possessor they are still the verb
# ("Clinton's campaign says", "Trump's team thinks"), unlike "Trump's claims".
_VERB_ONLY_S = frozenset({"says", "thinks", "believes", "argues", "insists", "warns", "tells",
                          "writes", "explains", "wants", "expects", "suggests", "predicts",
                          "contends", "maintains", "asserts", "acknowledges", "announces",
                          "adds", "urges", "accuses"})  # fmt: skip
# "... in a statement [this month] that": a that-clause within a few words of a setting.
_THAT_SOON = re.compile(r"[ \t,]*(?:[\w'’.-]+[ \t]+){0,4}?that\b")
_NOUN_ONLY = frozenset({"noun"})  # a form's frames (CueTraits.frames): nominal only
_VERB_ONLY = frozenset({"verb"})
_NEXT_KEEP = frozenset({"that", "to"}) | _ADJUNCT_PREPS | _TIME_SOLO | MONTHS
_NOUN_BEFORE = DETERMINERS - {"that", "one", "all", "both", "some", "many", "most"}
# Adjectives that make a cue's base form a noun: "the earlier claim", "a new call".
_NOUN_MODIFIERS = frozenset({"earlier", "later", "new", "recent", "latest", "first", "last",
                             "previous", "strong", "such", "same", "false", "bold", "direct",
                             "repeated", "frequent", "final", "initial", "urgent", "growing",
                             "wild", "unfounded", "baseless", "dubious"})  # fmt: skip
_ADDRESSEE_PREPS = frozenset({"of", "at", "in", "from"})
# After a final frame ("..., Darmanin told reporters after meeting ..."): adjuncts only.
_FINAL_TAIL = frozenset({"after", "during", "before", "at", "in", "on", "while", "when", "as",
                         "last", "this", "earlier", "later", "via", "through", "from",
                         "following", "ahead", "outside", "inside", "near", "to", "of", "about",
                         "over", "amid", "by"})  # fmt: skip
# "Asked whether ...", "When asked about ...": the question's opening word.
_QUESTION_LEADS = frozenset({"when", "if", "after", "once", "before", "as", "while"})
_QUESTION_OPENERS = frozenset({"whether", "if", "what", "why", "how", "who", "when", "where",
                               "which", "to", "about", "on"})  # fmt: skip
_WH = frozenset({"what", "why", "how", "who", "where", "whether", "which", "when"})
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
# Words that open a clause of its own inside reported content ("..., while X said ...").
_CLAUSE_BREAKS = frozenset({"but", "while", "whereas", "though", "although"})
_VERBISH = frozenset({"has", "have", "had", "helped", "led", "made", "came"})
_PAST_OF = frozenset({"said", "wrote", "spoke", "told", "says", "writes", "speaks"})
# Verbs whose to-infinitive is the subject's own act: "continued to attack".
_CATENATIVES = frozenset({"continue", "continues", "continued", "continuing", "began", "begin",
                          "begins", "started", "start", "starts", "tried", "try", "tries",
                          "went", "proceeded", "moved", "rushed", "sought", "seeks",
                          "appeared", "seemed", "used"})  # fmt: skip
_PARTICIPLE_LEADS = frozenset({"before", "after", "while", "by", "when", "without", "—", "–",
                               "--", "-"})  # fmt: skip
_NUMBERS = frozenset({"five", "twelve", "several"})  # "one in five say": not adjectives
_CLAUSE_STOPS = frozenset({":", "(", "—", "–", "--", "-"})
_SETTINGS = frozenset({"twitter", "facebook", "television", "camera", "air", "radio"})
# Inside an accused target's noun phrase: "the leader of the opposition", not "X of lying".
_TARGET_PREPS = frozenset({"at", "in", "from"})


@dataclass
class Raw:
    """A statement before speakers are resolved."""

    parts: list[tuple[int, int]]
    direct: bool
    hit: CueHit | None
    entry: CueEntry | None
    sentence: int
    speaker: tuple[int, int] | None = None  # text span of the speaker phrase
    speaker_ref: str = "np"  # np | same (the clause's subject) | last (previous speaker)
    targets: list[tuple[int, int]] = field(default_factory=list)
    quote: Quote | None = None
    final: bool = False  # the cue closes the sentence ("..., he said.")
    enclosed: bool = False  # cut short by a closing frame that reports it ("..., X said.")

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def cue_span(self) -> tuple[int, int] | None:
        return (self.hit.start, self.hit.end) if self.hit else None


@dataclass
class Sentences:
    """Sentence bounds and lazily built token lists."""

    view: str
    items: Sequence[Sentence]
    tokenize: Callable[[str, int, int], list[Token]]
    _cache: dict[int, list[Token]] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.items]

    def index(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < max(self.items[i].end, self.items[i].start + 1):
            return i
        return None

    def tokens(self, i: int) -> list[Token]:
        toks = self._cache.get(i)
        if toks is None:
            s = self.items[i]
            toks = self._cache[i] = self.tokenize(self.view, s.start, s.end)
        return toks


@dataclass
class Frames:
    """Turns the cue hits of one document into :class:`Raw` statements."""

    view: str
    sentences: Sentences
    quotes: QuoteIndex
    hits: list[CueHit]
    excluded: Callable[[int, int], bool]
    speakerish: Callable[[str], bool] = lambda text: True
    out: list[Raw] = field(default_factory=list)
    _hit_at: dict[int, CueHit] = field(default_factory=dict)  # the last hit at each start

    def run(self) -> list[Raw]:
        hit_starts = self._hit_at = {h.start: h for h in self.hits}
        for found in self.hits:
            if self.excluded(found.start, found.end) or self.quotes.containing(
                found.start, found.end
            ):
                continue
            if self._cheap_reject(found):
                continue
            si = self.sentences.index(found.start)
            if si is None:
                continue
            toks = self.sentences.tokens(si)
            k = _first_at(toks, found.start)
            m = _first_at(toks, found.end)
            if k is None or k >= len(toks):
                continue
            hit = _frame_entries(found, toks, k)
            if (hit is None or hit.entries[0].frame != "noun") and self._bare_noun(
                found, si, toks, k, m
            ):
                continue
            if hit is None:
                continue
            entry = hit.entries[0]
            if entry.frame == "noun":
                self._noun(hit, si, toks, k, m)
                continue
            if entry.frame == "clause":
                self._clause(hit, entry, si, toks, k, m)
                continue
            if hit.form == "asked" and self._question(hit, si, toks, k, m):
                continue
            if not self._plausible(hit, entry, toks, k, m, hit_starts):
                continue
            if entry.frame == "source":
                self._source(hit, entry, si, toks, k, m)
            elif entry.frame == "verb":
                self._verb(hit, si, toks, k, m)
        for hit in self.hits:
            if hit.entries[0].frame == "adjunct" and not self.excluded(hit.start, hit.end):
                self._adjunct(hit)
        return self.out

    # ------------------------------------------------------------------ filters

    def _cheap_reject(self, hit: CueHit) -> bool:
        """What the words next to a hit rule out, before its sentence is tokenised."""
        traits = hit.traits
        if traits.frames == _NOUN_ONLY:
            return not self._possessor_before(hit.start) and not self._that_after(hit.end)
        if traits.frames != _VERB_ONLY:
            return False
        prev = self._word_before(hit.start)
        if not traits.phrase and (
            (prev == "to" and not self._catenative_before(hit.start)) or prev in _NOUN_BEFORE
        ):
            return True
        if traits.open_needs:
            return False
        view = self.view
        i = hit.end
        while i < len(view) and view[i] == " ":
            i += 1
        if i >= len(view) or not view[i].isalpha():
            return False  # punctuation, a quotation mark: decided later
        j = i
        while j < len(view) and view[j].isalpha():
            j += 1
        nxt = view[i:j].lower()
        return nxt not in _NEXT_KEEP

    def _word_before(self, pos: int) -> str:
        view = self.view
        end = pos
        while end > 0 and view[end - 1] == " ":
            end -= 1
        begin = end
        while begin > 0 and (view[begin - 1].isalpha() or view[begin - 1] in "'’"):
            begin -= 1
        return view[begin:end].lower()

    def _catenative_before(self, pos: int) -> bool:
        """``continued to attack``, ``began to question``: the cue is the subject's act."""
        before = pos
        while before > 0 and self.view[before - 1] == " ":
            before -= 1
        return self._word_before(before - 2) in _CATENATIVES

    def _that_after(self, pos: int) -> bool:
        """``the claim that ...``: a complement clause may follow a nominal cue."""
        view = self.view
        while pos < len(view) and view[pos] == " ":
            pos += 1
        return view[pos : pos + 5].lower() == "that "

    def _possessor_before(self, pos: int) -> bool:
        """``Trump's claim``, ``his earlier claim``: a possessor one or two words back."""
        prev = self._word_before(pos)
        if prev in POSSESSIVES or prev.endswith(("'s", "’s")):
            return True
        before = self._word_before(pos - len(prev) - 1) if prev else ""
        return before in POSSESSIVES or before.endswith(("'s", "’s"))

    def _plausible(
        self,
        hit: CueHit,
        entry: CueEntry,
        toks: list[Token],
        k: int,
        m: int,
        hit_starts: set[int],
    ) -> bool:
        """Context checks every verb cue must pass (capitals, infinitives, nouns, passives)."""
        if entry.frame in ("source", "adjunct"):
            return True
        first_char = self.view[hit.start]
        if (
            first_char.isupper()
            and k > 0
            and toks[k - 1].text not in QUOTE_OPEN
            and not _title_case(toks)
        ):
            return False
        prev = toks[k - 1].lower if k > 0 else ""
        if prev == "to" and not entry.phrase and not (k > 1 and toks[k - 2].lower in _CATENATIVES):
            return False
        form = hit.form
        if (
            form == entry.cue
            and not entry.phrase
            and (
                prev in _NOUN_MODIFIERS
                or (prev.endswith(("al", "ous", "ive", "ful", "ic")) and prev not in _NUMBERS)
            )
        ):
            return False  # "the earlier claim that", "a formal request": a noun
        if prev in _NOUN_BEFORE:
            return False
        if k > 0 and toks[k - 1].text.endswith(("'s", "’s")) and toks[k - 1].text[0].isupper():
            return False
        if prev in BE_FORMS and not form.split()[0].endswith("ing") and not entry.phrase:
            return False
        if prev in entry.unless_preceded_by:
            return False
        if entry.unless_followed_by and _followed_by(toks, m, entry.unless_followed_by):
            return False
        # "news reports said", "late-night calls came in": a noun, not a verb. A past
        # form is no noun: in "an aide said comments from Rice were ..." the next cue
        # word opens the content.
        if m < len(toks) and (
            (
                toks[m].start in hit_starts
                and not self._opens_content(form, toks[m].start, _quote_in(toks, k))
            )
            or (toks[m].lower in _FINITE and not entry.phrase and form[-1] == "s")
        ):
            return False
        return not (
            m < len(toks)
            and toks[m].lower == "of"
            and entry.type != "accusation"
            and form not in _PAST_OF  # "Crane said of Johnson", not "reports of"
        )

    # ------------------------------------------------------------------ frames

    def _opens_content(self, form: str, pos: int, after_quote: bool) -> bool:
        """Whether a past form is still the verb before the cue word at ``pos``.

        ``an aide said comments from Rice were ...``: the cue word opens the content.
        A setting (``wrote in a letter``) is left to the adjunct frame, unless a
        that-clause follows it (``announced in a statement this month that ...``) or
        the verb closes a quotation (``"...," Baker wrote in a letter``).
        """
        nxt = self._hit_at.get(pos)
        if not _past(form) or nxt is None or nxt.entries[0].frame in ("source", "label"):
            return False
        return (
            nxt.entries[0].frame != "adjunct"
            or after_quote
            or bool(_THAT_SOON.match(self.view, nxt.end))
        )

    def _verb(self, hit: CueHit, si: int, toks: list[Token], k: int, m: int) -> None:
        participle = hit.form.split()[0].endswith("ing")
        if participle and self._absorbed(hit, si, toks, k):
            return
        if (
            self._nested(hit, si)
            and not self._closing_frame(hit, si, toks, k, m)
            and not self._new_clause(si, toks, k)
        ):
            return  # "Clinton said she wanted to move forward": part of the statement
        if k > 1 and toks[k - 1].lower == "to" and toks[k - 2].lower in _CATENATIVES:
            k -= 2  # "Trump continued to attack ...": the subject of "continued"
        subject = subject_before(toks, k)
        if subject.kind == "none":
            subject = parenthesised_subject(toks, k) or subject
        if (
            participle
            and subject.kind == "none"
            and k > 0
            and toks[k - 1].lower in _PARTICIPLE_LEADS
        ):
            if m < len(toks) and toks[m].is_word:  # "..., before noting that ...", "— asserting"
                self._forward(hit, si, toks, m, None, "same")
            return
        if participle and k == 0 and hit.text[0].isupper():
            self._fronted_participle(hit, si, toks, m)  # "Citing the attack, Bush said ..."
            return
        if subject.kind == "pronoun" and toks[subject.start].lower == "you":
            return  # "Do you support...?": the reader, not a speaker
        if (
            subject.kind == "np"
            and (hit.form == hit.entries[0].cue or subject.start >= subject.end - 1)
            and _participle_in_pp(toks, subject.end)
        ):
            # "under siege from rising demand, X said", "Amid growing calls for ...":
            # a noun after its modifier, not a verb after its subject
            return
        if subject.kind == "none" and k == 0 and not participle:
            quote = self._quote_just_before(toks[0].start)
            np = np_after(toks, m) if quote is not None else None
            if quote is not None and np is not None:  # '"...?" | said Mr. King.'
                self._direct(hit, si, quote, _span(toks, *np), "np", toks, np[1] + 1)
            return
        if (
            subject.kind == "np"
            and hit.form.endswith("s")
            and hit.form not in _VERB_ONLY_S
            and _possessed(toks, subject)
        ):
            return  # "his early-morning tweets", "Trump's claims": a noun
        if subject.kind in ("np", "pronoun"):
            if (
                participle
                and toks[subject.end].lower not in SUBJECT_PRONOUNS
                and not _aux_before(toks, k)
            ):
                if m < len(toks) and toks[m].is_word:
                    self._forward(hit, si, toks, m, None, "same")
                return
            self._with_subject(hit, si, toks, subject, m)
        elif subject.kind == "comma":
            if participle:
                self._forward(hit, si, toks, m, None, "same")
                return
            found = _appositive_subject(toks, subject.start)
            if found is not None:
                self._forward(hit, si, toks, m, _span(toks, *found), "np")
                return
            if self._inverted(hit, si, toks, subject.start, m):
                return
            long = comma_subject(toks, subject.start)
            if long is not None:
                self._with_subject(hit, si, toks, long.head, m, lead=long.lead)
        elif subject.kind == "quote":
            if participle:  # '... of "New York values," saying the city ...'
                if m < len(toks) and toks[m].is_word:
                    self._forward(hit, si, toks, m, None, "same")
                return
            self._inverted(hit, si, toks, subject.start, m)
        elif subject.kind == "coord":
            if hit.form.endswith("s") and hit.form not in _VERB_ONLY_S:
                return  # "speeches and promises": a plural noun, not a verb
            self._forward(hit, si, toks, m, None, "same")
        elif subject.kind == "relative":
            j = subject.start - 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            start = np_start(toks, j) if j >= 0 else None
            if start is not None:
                self._forward(hit, si, toks, m, _span(toks, start, j), "np")

    def _with_subject(
        self,
        hit: CueHit,
        si: int,
        toks: list[Token],
        subject: Subject,
        m: int,
        lead: int | None = None,
    ) -> None:
        """``lead``: the token before the subject with its descriptions (default: just before)."""
        speaker = _span(toks, subject.start, subject.end)
        p = subject.start - 1 if lead is None else lead
        if p < 0 and not self._clausal(toks, m, hit):
            quote = self._quote_just_before(toks[0].start)
            if quote is not None:  # '"...bribe?" | Trump asked.' split after the quote
                self._direct(hit, si, quote, speaker, "np", toks, m)
                return
        if p >= 0 and toks[p].text == "," and self._parenthetical(hit, si, toks, p, speaker, m):
            return
        if p >= 0 and (self._quote_content(toks, p, m, hit) or (
            toks[p].text == "," and not self._clausal(toks, m, hit)
        )) and self._content_before(hit, si, toks, p, speaker, m):  # fmt: skip
            return
        self._forward(hit, si, toks, m, speaker, "np")

    def _quote_content(self, toks: list[Token], p: int, m: int, hit: CueHit) -> bool:
        """Whether the quotation closing at ``toks[p]`` is the content.

        Not when a title in quotes sits inside an adjunct and a clause follows the cue
        (``In an interview on "Face the Nation," Ryan said the ...``).
        """
        q = _quote_before(toks, p)
        if q is None:
            return False
        quote = self.quotes.ending_at(toks[q].end)
        if quote is None or not self._clausal(toks, m, hit):
            return True
        i = _first_at(toks, quote.start) or 0
        return not any(t.is_word for t in toks[:i]) and not self._opens_mid_sentence(quote)

    def _opens_mid_sentence(self, quote: Quote) -> bool:
        """Whether words precede the quotation in the sentence where it opens.

        The splitter breaks inside a quotation after ``!`` or ``?`` (``to chants of
        "Marco! | Marco!," the senator said his ...``), so the cue's sentence can start
        inside the quotation: the words before it are in the sentence before.
        """
        si = self.sentences.index(quote.start)
        if si is None:
            return False
        toks = self.sentences.tokens(si)
        i = _first_at(toks, quote.start)
        return i is not None and any(t.is_word for t in toks[:i])

    def _parenthetical(
        self,
        hit: CueHit,
        si: int,
        toks: list[Token],
        p: int,
        speaker: tuple[int, int],
        m: int,
    ) -> bool:
        """``CONTENT, X said, CONTENT``: the statement is the sentence around the frame."""
        j = _skip_adjuncts(toks, m)
        if j + 2 >= len(toks) or toks[j].text != ",":
            return False
        nxt = toks[j + 1]
        if nxt.text in QUOTE_OPEN or nxt.text == "'" or nxt.lower in _NO_TAIL:
            return False
        if nxt.lower.endswith("ing") and not nxt.is_cap:
            return False
        if not any(t.is_word for t in toks[:p]) or sum(1 for t in toks[j + 1 :] if t.is_word) < 2:
            return False
        start = self._content_start(si, toks)
        parts = [
            (start, _trim_end(self.view, start, toks[p].start)),
            (nxt.start, self._content_end(si, toks, nxt.start)),
        ]
        parts = [(s, e) for s, e in parts if e > s]
        if not parts:
            return False
        self._add(Raw(parts, False, hit, None, si, speaker), toks, m, final=True)
        return True

    def _content_before(
        self,
        hit: CueHit,
        si: int,
        toks: list[Token],
        p: int,
        speaker: tuple[int, int],
        after: int,
    ) -> bool:
        """``CONTENT, X said`` / ``"QUOTE," X said``: the content ends at ``toks[p]``."""
        start = self._content_start(si, toks)
        q = _quote_before(toks, p)
        if q is not None:
            quote = self.quotes.ending_at(toks[q].end)
            if quote is not None:
                lead = self.view[start : quote.start].strip()
                if quote.start <= start or not lead or lead.endswith(":"):
                    self._direct(hit, si, quote, speaker, "np", toks, after)
                    return True
                end = _trim_end(self.view, start, toks[q].end)
                self._add(
                    Raw([(start, end)], False, hit, None, si, speaker), toks, after, final=True
                )
                return True
        if toks[p].text != "," and q is None:
            return False
        if sum(1 for t in toks[:p] if t.is_word) < 3 or _fronted_adjunct(toks, p):
            return False
        parts = [(start, _trim_end(self.view, start, toks[p].start))]
        tail = _after_frame(toks, after)
        if tail is not None:
            parts.append((tail, self._content_end(si, toks, tail)))
        if parts[0][1] <= parts[0][0]:
            return False
        self._add(Raw(parts, False, hit, None, si, speaker), toks, after, final=True)
        return True

    def _inverted(self, hit: CueHit, si: int, toks: list[Token], p: int, m: int) -> bool:
        """``CONTENT, said X.`` / ``"QUOTE," said X``: the speaker follows the cue."""
        if hit.form in ("told", "tells", "tell", "telling"):
            return False  # "..., tells Breitbart News": an addressee, never the speaker
        np = np_after(toks, m)
        if np is None:
            return False
        i, j = np
        after = toks[j + 1].text if j + 1 < len(toks) else "."
        if after not in (",", ".", "!", "?", ";", "(", ":") and after not in QUOTE_OPEN:
            # '"...," said Phil Musser of digital consulting firm IMGE.': after a quotation
            # the name before the post-modifier is the speaker.
            cut = next((x for x in range(i + 1, j + 1) if toks[x].lower in PREPOSITIONS), None)
            if _quote_before(toks, p) is None or cut is None or not toks[i].is_cap:
                return False
            j = cut - 1
        first = toks[i]
        if first.lower in POSSESSIVES or first.lower in PREPOSITIONS:
            return False
        if first.lower in SUBJECT_PRONOUNS and j > i:
            return False  # "..., said he." but not "said he cannot comment on the letter"
        # "said spokesman John Kirby", "said former tech executive Carly Fiorina": a name.
        if not (
            first.is_cap
            or first.lower in DETERMINERS
            or first.lower in SUBJECT_PRONOUNS
            or any(t.is_cap and t.lower not in DAYS | MONTHS for t in toks[i + 1 : j + 1])
        ):
            return False
        speaker = _span(toks, i, j)
        return self._content_before(hit, si, toks, p, speaker, _after_apposition(toks, j + 1))

    def _forward(
        self,
        hit: CueHit,
        si: int,
        toks: list[Token],
        m: int,
        speaker: tuple[int, int] | None,
        ref: str,
    ) -> None:
        """``X said (that) CONTENT``: the content follows the cue (and its addressee)."""
        entry = hit.entries[0]
        i = m
        targets: list[tuple[int, int]] = []
        if i + 1 < len(toks) and toks[i].lower == "of" and hit.form in _PAST_OF:
            np = np_after(toks, i + 1)  # "said of the plan that ...": the topic
            if np is not None:
                i = np[1] + 1
        elif i + 1 < len(toks) and toks[i].lower == "to" and _addressee_word(toks[i + 1]):
            np = np_after(toks, i + 1)
            if np is not None and toks[np[0]].lower not in CLAUSE_WORDS:
                i = np[1] + 1
        elif entry.object == "addressee" and i < len(toks) and not _content_opener(toks[i]):
            np = np_after(toks, i, preps=_ADDRESSEE_PREPS)
            if np is not None:
                wh = next((j for j in range(np[0] + 1, np[1] + 1) if toks[j].lower in _WH), None)
                if wh is not None:  # "asked Richards what impact she's seen"
                    np = (np[0], wh - 1)
                after = np[1] + 1
                infinitive = after < len(toks) and toks[after].lower in ("to", "not")
                i = i if infinitive else after
        elif entry.object == "target" and i < len(toks):
            np = np_after(toks, i, preps=_TARGET_PREPS)
            if np is not None:
                targets.append(_span(toks, *np))
        i = _skip_adjuncts(toks, i)
        if not self._needs_ok(entry, toks, i, final=False):
            return
        if i < len(toks) and toks[i].lower == "that":
            i += 1
        while i < len(toks) and toks[i].text in (":", ",", "—", "–", "-"):
            i += 1
            if i + 1 < len(toks) and toks[i].lower == "that" and toks[i - 1].text == ",":
                i += 1  # "reported on March 3, 2015, that ..."
        if i >= len(toks):
            if toks and toks[-1].text == ":":
                quote = self.quotes.after(toks[-1].end)
                if quote is not None and not self.view[toks[-1].end : quote.start].strip():
                    self._direct(hit, si, quote, speaker, ref, toks, None, targets)
            return
        if toks[i].text in QUOTE_OPEN or toks[i].text in ("'", "`"):
            quote = self.quotes.starting_at(toks[i].start)
            if quote is not None and self._quote_ends_clause(toks, quote):
                self._direct(hit, si, quote, speaker, ref, toks, None, targets)
                return
        i = self._skip_setting(toks, i)
        i = _skip_place_tail(toks, i)
        start = toks[i].start
        end = self._content_end(
            si,
            toks,
            start,
            noun_content=entry.object == "target",
            participle=hit.form.split()[0].endswith("ing"),
        )
        if i > 0 and toks[i - 1].lower == "that":
            start = toks[i - 1].start  # the that-clause whole, as PolNeAR and PARC mark it
        if end <= start:
            return
        raw = Raw([(start, end)], False, hit, None, si, speaker, ref, targets)
        self._add(raw, toks, m, final=False)

    def _fronted_participle(self, hit: CueHit, si: int, toks: list[Token], m: int) -> None:
        """A fronted participle clause: its content runs to the comma before the main clause.

        ``Citing the attack as a wake-up call, Bush said ...``: the main clause's subject
        speaks.
        """
        entry = hit.entries[0]
        if m >= len(toks) or not self._needs_ok(entry, toks, m, final=False):
            return
        i = m + 1 if toks[m].lower == "that" else m
        comma = next((c for c in range(i + 1, len(toks)) if toks[c].text == ","), None)
        if comma is None or i >= len(toks) or not toks[i].is_word:
            return
        start = toks[i].start
        end = _trim_end(self.view, start, toks[comma].start)
        np = np_after(toks, comma + 1)
        if end > start and np is not None:
            raw = Raw([(start, end)], False, hit, None, si, _span(toks, *np))
            self._add(raw, toks, m, final=False)

    def _quote_just_before(self, pos: int) -> Quote | None:
        """A quotation closing just before ``pos`` on the same line (a split sentence)."""
        i = pos
        while i > 0 and self.view[i - 1] in " \t":
            i -= 1
        if i == 0 or self.view[i - 1] not in "\"”'’»":
            return None
        return self.quotes.ending_at(i, slack=0)

    def _quote_ends_clause(self, toks: list[Token], quote: Quote) -> bool:
        """A quotation is the content itself when little but punctuation follows it."""
        k = _first_at(toks, quote.end)
        if k is None or k >= len(toks):
            return True
        words = 0
        for tok in toks[k:]:
            if tok.start in self._hit_at:
                break
            words += tok.is_word
        return words <= 2

    def _skip_setting(self, toks: list[Token], i: int) -> int:
        """``said Thursday during a taping in Buffalo, New York, that ...``: start after that."""
        if toks[i].lower not in _ADJUNCT_PREPS:
            return i
        for j in range(i + 1, min(len(toks), i + 30)):
            tok = toks[j]
            if tok.lower in _FINITE or tok.start in self._hit_at:
                return i
            if tok.lower == "that" and j + 1 < len(toks):
                return j + 1
        return i

    def _direct(
        self,
        hit: CueHit,
        si: int,
        quote: Quote,
        speaker: tuple[int, int] | None,
        ref: str,
        toks: list[Token],
        after: int | None,
        targets: list[tuple[int, int]] | None = None,
    ) -> None:
        parts = inner_parts(self.view, quote)
        if not parts:
            return
        raw = Raw(parts, True, hit, None, si, speaker, ref, targets or [], quote)
        raw.entry = self._subject_entry(raw)
        if raw.entry is None:
            return
        if after is not None:
            self._continue_split(raw, toks, after)
        if raw.entry.type != "accusation":
            raw.targets = []
        self.out.append(raw)

    def _subject_entry(self, raw: Raw) -> CueEntry | None:
        """The first entry of the hit whose ``subjects`` (if any) the speaker phrase meets."""
        assert raw.hit is not None
        words = set()
        if raw.speaker is not None:
            words = {w.strip(".,'’").lower() for w in self.view[slice(*raw.speaker)].split()}
        for entry in raw.hit.entries:
            if not entry.subjects or entry.subjects & words:
                return entry
        return None

    def _continue_split(self, raw: Raw, toks: list[Token], after: int) -> None:
        """``"A," he said, "B."`` / ``"A," he said. "B."``: the next quotation is a part too."""
        i = after
        while i < len(toks) and toks[i].is_word and toks[i].lower in _TIME_SOLO | _ADJUNCT_PREPS:
            i += 1
        pos = toks[i - 1].end if i > 0 else raw.end
        nxt = self.quotes.after(max(pos, raw.end))
        if nxt is None:
            return
        gap = self.view[pos : nxt.start]
        if len(gap) > 3 or any(c not in " ,.:;\t" for c in gap):
            nxt = self._next_sentence_quote(toks, pos)
            if nxt is None:
                return
        elif self._framed(nxt):
            return
        raw.parts.extend(inner_parts(self.view, nxt))
        raw.quote = nxt

    def _next_sentence_quote(self, toks: list[Token], pos: int) -> Quote | None:
        """``"A," Clinton said on ABC's "This Week." "B."``: the quotation B.

        However long the frame, a quotation that opens the next sentence of the same
        paragraph goes on with the first (PolNeAR joins 96% of them into one
        attribution), unless it has a frame of its own (``"C," he added.``). Quotations
        inside the frame must be short titles ("This Week"), not words of their own.
        """
        end = toks[-1].end
        if end < pos:
            return None
        quote = self.quotes.after(pos)
        while quote is not None and quote.start < end:
            if quote.end > end or len(self.view[quote.inner_start : quote.inner_end].split()) > 4:
                return None
            quote = self.quotes.after(quote.end)
        if quote is None:
            return None
        between = self.view[end : quote.start]
        if between.strip() or "\n" in between or self._framed(quote):
            return None
        return quote

    def _framed(self, quote: Quote) -> bool:
        """``"B," he continued.``: a quotation with a cue of its own right after it."""
        tail = self.view[quote.end : quote.end + 30]
        stop = next((i for i, c in enumerate(tail) if c in ".!?\n"), len(tail))
        return any(quote.end + i in self._hit_at for i in range(stop))

    def _source(
        self, hit: CueHit, entry: CueEntry, si: int, toks: list[Token], k: int, m: int
    ) -> None:
        """``according to X, CONTENT`` / ``CONTENT, according to X``."""
        np = np_after(toks, m, max_len=16)
        if np is None:
            return
        i, j = np
        speaker = _span(toks, i, j)
        if not self.speakerish(self.view[speaker[0] : speaker[1]]):
            return
        words_before = [t for t in toks[:k] if t.is_word]
        parts: list[tuple[int, int]] = []
        if words_before:
            # The whole clause: "Americans say they prefer ..., according to a poll."
            start = toks[0].start
            while start < len(self.view) and self.view[start] in QUOTE_OPEN:
                start += 1
            end = toks[k - 1].start if toks[k - 1].text == "," else toks[k].start
            if end > start:
                parts.append((start, _trim_end(self.view, start, end)))
        comma = next((c for c in range(j + 1, min(len(toks), j + 30)) if toks[c].text == ","),
                     None) if not words_before else (j + 1 if j + 1 < len(toks) and toks[j + 1].text
                                                     == "," else None)  # fmt: skip
        if comma is not None:
            after = comma + 1
            if (
                after < len(toks)
                and toks[after].is_word
                and not (words_before and _narration(toks[after]))
            ):
                start = toks[after].start
                end = self._content_end(si, toks, start, whole_clause=not words_before)
                if end > start:
                    parts.append((start, end))
        if parts:
            self.out.append(Raw(parts, False, hit, entry, si, speaker))

    def _noun(self, hit: CueHit, si: int, toks: list[Token], k: int, m: int) -> None:
        """``Trump's claim that CONTENT``, ``his criticism of CONTENT``."""
        entry = hit.entries[0]
        if self._nested(hit, si):
            return
        j = k - 1
        if (
            j >= 0
            and toks[j].is_word
            and not toks[j].is_cap
            and toks[j].lower not in POSSESSIVES
            and not toks[j].text.endswith(("'s", "’s"))
        ):
            j -= 1  # one adjective: "his earlier claim"
        if j < 0:
            return
        if toks[j].lower in POSSESSIVES:
            speaker = _span(toks, j, j)
        elif toks[j].text.endswith(("'s", "’s")):
            start = np_start(toks, j)
            if start is None:
                return
            speaker = (toks[start].start, toks[j].end - 2)
        else:
            return
        i = m
        if entry.object is None:
            if not self._needs_ok(entry, toks, i, final=False):
                return
            if toks[i].lower == "that":
                i += 1
        if i >= len(toks) or not toks[i].is_word:
            return
        start = toks[i].start
        end = self._content_end(si, toks, start, noun_content=entry.object == "target")
        clause = "that" if i > 0 and toks[i - 1].lower == "that" else toks[i].lower
        if clause in ("that", "to") and _sentence_initial(toks, _first_at(toks, speaker[0]) or 0):
            end = min(end, _before_main_verb(toks, i + (clause == "to"), end, clause))
        if clause == "that":
            start = toks[i - 1].start  # the that-clause whole, as PolNeAR and PARC mark it
        if end <= start:
            return
        raw = Raw([(start, end)], False, hit, entry, si, speaker)
        if entry.type == "accusation" and entry.object == "target":
            np = np_after(toks, i, preps=_TARGET_PREPS)
            if np is not None:
                raw.targets.append(_span(toks, *np))
        self.out.append(raw)

    def _bare_noun(self, found: CueHit, si: int, toks: list[Token], k: int, m: int) -> bool:
        """A nominal cue with a complement clause and no possessor: no named speaker.

        ``the claim that CONTENT``, ``accusations that CONTENT``.
        """
        nouns = found.traits.that_nouns
        if not nouns or m + 1 >= len(toks) or toks[m].lower != "that" or self._nested(found, si):
            return False
        nxt = toks[m + 1]
        if not nxt.is_word or nxt.lower in _FINITE or nxt.lower in _VERBISH:
            return False  # "the claims that were made": a relative clause
        if not self._needs_ok(nouns[0], toks, m, final=False):
            return False
        if not (nxt.lower in SUBJECT_PRONOUNS or nxt.is_cap or _clause_after_det(toks, m + 1)):
            return False
        start = nxt.start
        end = self._content_end(si, toks, start)
        start = toks[m].start  # "the claim [[that ...]]"
        if end <= start:
            return False
        hit = CueHit(found.start, found.end, found.text, nouns)
        self.out.append(Raw([(start, end)], False, hit, nouns[0], si, None))
        return True

    def _clause(
        self, hit: CueHit, entry: CueEntry, si: int, toks: list[Token], k: int, m: int
    ) -> None:
        """A cue that qualifies its own clause: the clause is the content, with no speaker.

        ``[[The race seemed to be Sanders's to lose]]``, ``[[Obama is expected to join
        Clinton]]`` (see :mod:`.clauses`). Expletive ``it seems (that) X``: the content
        is X.
        """
        if self._nested(hit, si) or not self._needs_ok(entry, toks, m, final=False):
            return
        if entry.unless_followed_by and _followed_by(toks, m, entry.unless_followed_by):
            return
        if k > 0 and toks[k - 1].lower in entry.unless_preceded_by:
            return
        first = clause_start(toks, k)
        if first is None:
            return
        if (
            first == k - 1
            and toks[first].lower == "it"
            and not (m < len(toks) and toks[m].lower == "to")
        ):
            first = m + 1 if m < len(toks) and toks[m].lower == "that" else m
            if first >= len(toks) or not toks[first].is_word:
                return
        end = self._content_end(si, toks, toks[max(m, first)].start) if m < len(toks) else 0
        start = toks[first].start
        stop = next((t for t in toks[m:] if t.text in _CLAUSE_STOPS), None)
        if stop is not None:  # "... seems too risky (or ...)", "-- let's focus ...", ": He ..."
            end = min(end, _trim_end(self.view, start, stop.start))
        if toks[first].lower in ("which", "who") and first > 0 and toks[first - 1].text == ",":
            comma = next((t for t in toks[m:] if t.text == ","), None)  # the relative clause
            if comma is not None:
                end = min(end, _trim_end(self.view, start, comma.start))
        if end <= start:
            return
        self.out.append(Raw([(start, end)], False, hit, entry, si, None))

    def _question(self, hit: CueHit, si: int, toks: list[Token], k: int, m: int) -> bool:
        """A question put to the subject: the question is the content, the asker speaks.

        ``Asked whether he would support Trump, Rubio gave a roundabout answer``,
        ``When asked by a reporter whether ...``, ``Sanders was asked by host John
        Dickerson whether ...``: the asker is the by-phrase (or no one named); the
        question runs to the comma before the main clause (or the clause's end).
        """
        prev = toks[k - 1].lower if k > 0 else ""
        passive = prev in BE_FORMS
        if not (k == 0 or prev in _QUESTION_LEADS or passive) or self._nested(hit, si):
            return False
        i = m
        speaker = None
        if i + 1 < len(toks) and toks[i].lower == "by":
            np = np_after(toks, i + 1)
            if np is None:
                return False
            speaker = _span(toks, *np)
            i = np[1] + 1
        for j in range(i, min(len(toks), i + 7)):  # "asked in Iowa recently whether"
            if toks[j].lower in _QUESTION_OPENERS or not toks[j].is_word:
                i = j
                break
        if i >= len(toks) or toks[i].lower not in _QUESTION_OPENERS:
            return False
        if toks[i].lower in ("about", "on"):
            i += 1
        if i >= len(toks) or not toks[i].is_word:
            return False
        start = toks[i].start
        end = self._content_end(si, toks, start)
        if not passive or k == 0:
            # the main clause follows the comma (or dash)
            comma = next((t for t in toks[i:] if t.text in (",", "—", "–", "--", "-")), None)
            if comma is None:
                return False
            end = min(end, _trim_end(self.view, start, comma.start))
        if end <= start:
            return False
        raw = Raw([(start, end)], False, hit, hit.entries[0], si, speaker)
        self.out.append(raw)
        return True

    def _adjunct(self, hit: CueHit) -> None:
        """``In a statement, X welcomed CONTENT``, when no verb cue covers the clause."""
        si = self.sentences.index(hit.start)
        if si is None or any(r.sentence == si for r in self.out):
            return
        toks = self.sentences.tokens(si)
        m = _first_at(toks, hit.end)
        if m is None or m >= len(toks) or toks[m].text != ",":
            return
        np = np_after(toks, m + 1)
        if np is None:
            return
        i, j = np
        verb = j + 1
        if verb >= len(toks) or not toks[verb].is_word or toks[verb].is_cap:
            return
        start_tok = verb + 1
        if start_tok >= len(toks):
            return
        start = toks[start_tok].start
        end = self._content_end(si, toks, start)
        if end > start:
            self.out.append(Raw([(start, end)], False, hit, hit.entries[0], si, _span(toks, i, j)))

    # ------------------------------------------------------------------ helpers

    def _add(self, raw: Raw, toks: list[Token], m: int, *, final: bool) -> None:
        entry = self._choose_entry(raw, toks, m, final)
        if entry is None:
            return
        raw.entry = entry
        raw.final = final
        if entry.type != "accusation":
            raw.targets = []
        self.out.append(raw)

    def _choose_entry(self, raw: Raw, toks: list[Token], m: int, final: bool) -> CueEntry | None:
        """The first entry of the hit whose ``needs`` and ``subjects`` the context meets."""
        assert raw.hit is not None
        subject_words = set()
        if raw.speaker is not None:
            subject_words = {
                w.strip(".,'’").lower() for w in self.view[slice(*raw.speaker)].split()
            }
        i = _skip_adjuncts(toks, m)
        for entry in raw.hit.entries:
            if entry.subjects and not (entry.subjects & subject_words):
                continue
            if not self._needs_ok(entry, toks, i, final=final):
                continue
            return entry
        return None

    def _needs_ok(self, entry: CueEntry, toks: list[Token], i: int, *, final: bool) -> bool:
        """Whether the words at ``toks[i]`` meet one of the entry's ``needs``.

        Only the entry's own needs are tested (most entries have one or two; the
        object, clause and complement tests scan ahead).
        """
        needs = entry.needs
        if not needs:
            return True
        if final and "end" in needs:
            return True
        if i >= len(toks):
            return "end" in needs
        for need in needs:
            check = _NEEDS.get(need)
            if check is not None and check(toks, i):
                return True
        return False

    def _clausal(self, toks: list[Token], m: int, hit: CueHit) -> bool:
        """Whether a clause (content) follows the cue, so it is not a final frame."""
        i = m
        entry = hit.entries[0]
        if i < len(toks) and entry.object == "addressee" and not _content_opener(toks[i]):
            np = np_after(toks, i)
            if np is not None:
                i = np[1] + 1
        i = _skip_adjuncts(toks, i)
        comma = False
        while i < len(toks) and toks[i].text in (",", ":"):
            if toks[i].text == ":":
                return True
            comma = True
            i += 1
        if i >= len(toks):
            return False
        tok = toks[i]
        if comma and _narration(tok) and tok.lower not in ("and", "but"):
            return False  # "..., a Chinese official said, adding that ..."
        if tok.lower in ("that", "yes", "no") or tok.text in QUOTE_OPEN:
            return True
        if not tok.is_word:
            return False
        if tok.lower == "to" and i + 1 < len(toks):
            nxt = toks[i + 1]
            return not (nxt.is_cap or nxt.lower in DETERMINERS or nxt.lower in OBJECT_PRONOUNS)
        if tok.lower in _FINAL_TAIL or tok.lower in CONJUNCTIONS:
            return False
        return sum(1 for t in toks[i:] if t.is_word) >= 3

    def _content_start(self, si: int, toks: list[Token]) -> int:
        """Where content before a final frame starts: the sentence, after earlier frames."""
        start = toks[0].start
        while start < len(self.view) and self.view[start] in QUOTE_OPEN:
            start += 1
        for raw in reversed(self.out):
            if raw.sentence != si:
                break
            if raw.enclosed:
                continue
            if raw.hit is not None and raw.hit.end > start:
                start = raw.hit.end
                i = _first_at(toks, start)
                while i is not None and i < len(toks) and not toks[i].is_word:
                    i += 1
                if i is not None and i < len(toks):
                    start = toks[i].start
                break
        return start

    def _content_end(
        self,
        si: int,
        toks: list[Token],
        start: int,
        *,
        noun_content: bool = False,
        participle: bool = False,
        whole_clause: bool = False,
    ) -> int:
        """End of reported content from ``start``.

        The sentence end, or the first of: a later frame (``, saying``, ``, according
        to``, ``and has called for``), a non-restrictive relative clause (``, which``,
        ``, who``) or a participle clause (``, using an expletive``), which are the
        reporter's additions, not the speaker's words. After a participle cue a
        predicate with a modal (``saying France is ready ..., but will not be held
        hostage``) is the content's own: the participle cannot be coordinated with it.
        With ``whole_clause`` (``according to X, CONTENT``) no reporting verb precedes
        the content, so a bare predicate after ``, but`` (``he was once part of the
        establishment, but is now ...``) can only share the content's subject.
        """
        end = toks[-1].end
        first = _first_at(toks, start) or 0
        if toks[0].lower in _SUBORDINATORS:
            # "While only 7 percent said they are undecided, 27 percent ...": the
            # fronted clause ends at its comma.
            comma = next((t for t in toks[first:] if t.text == ","), None)
            if comma is not None:
                end = comma.start
        hit_at = self._hit_at
        for k in range(first + 1, len(toks)):
            tok = toks[k]
            hit = hit_at.get(tok.start)
            prev = toks[k - 1].text
            if hit is None and prev != "," and tok.lower not in _ANYWHERE_ENDS:
                continue  # most words: none of the tests below can end the content here
            if prev == "," and _thousands(toks, k):
                continue  # "about $200,000": a number, not a clause break
            if hit is not None:
                if prev == "," and (hit.form.split()[0].endswith("ing") or hit.entries[0].frame
                                    == "source"):  # fmt: skip
                    end = toks[k - 1].start
                    break
                j = k - 1
                while j > first and toks[j].lower in _COORD_SKIP:
                    j -= 1
                if (
                    j > first
                    and toks[j].lower in ("and", "but")
                    and (toks[j - 1].text != "," or not hit.form.endswith("ing"))
                    and self._needs_ok(hit.entries[0], toks, _first_at(toks, hit.end) or k + 1,
                                       final=False)
                ):  # fmt: skip
                    end = toks[j].start  # "said A, but said B": a second statement
                    break
                if (
                    toks[j].lower in ("before", "after", "while", "by")
                    and hit.form.endswith("ing")
                    and j > first
                ):
                    end = toks[j].start  # "..., before noting that ...": narration
                    break
            after_comma = toks[k - 1].text == "," or (
                k > 1 and toks[k - 1].text in QUOTE_CLOSE and toks[k - 2].text == ","
            )  # '... "unpatriotic," and his administration ...'
            if (
                (noun_content or after_comma)
                and tok.lower in ("and", "but")
                and k + 1 < len(toks)
                and (
                    (
                        _predicate_start(toks, k + 1)
                        and not whole_clause
                        and not (participle and _modal_predicate(toks, k + 1))
                    )
                    or (after_comma and _clause_start_at(toks, k + 1))
                )
            ):  # "... to block the deal, but Democrats weren't the only ones ..."
                end = toks[k - 1].start if toks[k - 1].text in QUOTE_CLOSE else tok.start
                break
            if tok.text == ";" or (
                tok.text in ("—", "–", "--")
                and k + 1 < len(toks)
                and toks[k + 1].lower.endswith("ing")
            ):
                end = tok.start
                break
            if (
                noun_content
                and prev == ","
                and k > first + 1
                and tok.is_word
                and not (tok.is_cap and k + 1 < len(toks) and toks[k + 1].text == ",")
            ):
                end = toks[k - 1].start  # "wrote a lashing dissent, rooted in ...": the object
                break
            if (
                prev == ","
                and k > first + 2
                and tok.lower in _RELATIVE_BREAKS
                and not _embedded(toks, k)
            ):
                end = toks[k - 1].start
                break
        return _trim_end(self.view, start, end)

    def _nested(self, hit: CueHit, si: int) -> bool:
        """A cue inside an earlier statement's reported content in the same sentence."""
        at = hit.start
        for r in reversed(self.out):  # as _in_sentence, without building the list
            if r.sentence != si:
                return False
            if not r.direct and r.start <= at < r.end:
                return True
        return False

    def _closing_frame(self, hit: CueHit, si: int, toks: list[Token], k: int, m: int) -> bool:
        """Whether the cue is a frame that closes the sentence (``..., officials said.``).

        Such a frame holds everything before it (``..., and cited a list of concerns,
        officials said.``), so the statements it would be nested in end before its comma.
        """
        subject = subject_before(toks, k)
        if subject.kind not in ("np", "pronoun") or subject.start < 2:
            return False
        comma = subject.start - 1
        if toks[comma].text != ",":
            return False
        i = _skip_adjuncts(toks, m)
        # "..., a Chinese official said, adding that ...": narration may follow.
        narrated = i + 1 < len(toks) and toks[i].text == "," and _narration(toks[i + 1])
        if not narrated and (self._clausal(toks, m, hit) or any(t.is_word for t in toks[i:])):
            return False
        self._cut(si, toks[comma].start, enclosed=True)
        return True

    def _new_clause(self, si: int, toks: list[Token], k: int) -> bool:
        """Whether the cue's own subject opens a new clause.

        Such a clause ends the statements the cue would be nested in: ``... admit this,
        but Sen. Murphy says ...``, ``..., while Republicans argued ...``; and ``Trump,
        who questioned whether ..., said``, where the earlier cue sits in the subject's
        relative clause.
        """
        subject = subject_before(toks, k)
        if subject.kind == "comma":
            long = comma_subject(toks, subject.start)
            if long is None:
                return False
            first = long.head.start
            inside = [r for r in self._in_sentence(si) if r.hit and r.hit.start > toks[first].start]
            if not inside:
                return False
            self._cut(si, toks[subject.start].start, enclosed=False)
            return True
        if subject.kind not in ("np", "pronoun") or subject.start < 1:
            return False
        b = subject.start - 1
        w = toks[b].lower
        if (
            w in _CLAUSE_BREAKS
            or toks[b].text == ";"
            or (w in ("and", "but") and b > 0 and toks[b - 1].text == ",")
        ):
            cut = (
                toks[b - 1].start
                if w in ("and", "but") and toks[b - 1].text == ","
                else toks[b].start
            )
            self._cut(si, cut, enclosed=False)
            return True
        return False

    def _cut(self, si: int, cut: int, *, enclosed: bool) -> None:
        """End the reported statements of sentence ``si`` that run past ``cut`` there."""
        for raw in self._in_sentence(si):
            if raw.direct or not raw.start < cut < raw.end:
                continue
            raw.enclosed = raw.enclosed or enclosed
            last = raw.parts[-1]
            end = _trim_end(self.view, last[0], min(last[1], cut))
            if end > last[0]:
                raw.parts[-1] = (last[0], end)
            else:
                raw.parts.pop()
            if not raw.parts:
                self.out.remove(raw)

    def _in_sentence(self, si: int) -> list[Raw]:
        """The statements found so far in sentence ``si`` (hits come in text order)."""
        found = []
        for r in reversed(self.out):
            if r.sentence != si:
                break
            found.append(r)
        return found

    def _absorbed(self, hit: CueHit, si: int, toks: list[Token], k: int) -> bool:
        """An -ing cue inside an earlier statement's content, with no comma before it."""
        if k > 0 and toks[k - 1].text == ",":
            return False
        return any(r.start <= hit.start < r.end and not r.direct for r in self._in_sentence(si))


def _followed_by(toks: list[Token], m: int, phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` (lower case) is the next words from ``toks[m]`` on."""
    nxt = " ".join(t.lower for t in toks[m : m + 3])
    return any(nxt == p or nxt.startswith(p + " ") for p in phrases)


def _narration(tok: Token) -> bool:
    """A clause the reporter adds after a frame: ", which ...", ", adding ...", ", and ..."."""
    return (
        tok.lower in _NO_TAIL
        or (tok.lower.endswith("ing") and not tok.is_cap)
        or (tok.lower in ("and", "but"))
    )


def _embedded(toks: list[Token], k: int) -> bool:
    """``Mrs. Clinton, who had ..., did better``: a relative clause inside the content."""
    for j in range(k + 1, len(toks) - 2):
        if toks[j].text == ",":
            nxt = toks[j + 1]
            return (
                nxt.is_word
                and not nxt.is_cap
                and (nxt.lower in _FINITE or (nxt.lower.endswith("ed") and len(nxt.lower) > 4))
            )
    return False


_LEADING_LINKS = frozenset({"but", "and", "yet", "so", "still", "however", "now"})
# Verb forms with no "-ed" that often follow a subject clause as the sentence's main verb:
# irregular pasts and linking verbs ("Trump's pledge to build a wall won votes").
_MAIN_VERB_FORMS = frozenset({"won", "lost", "grew", "drew", "made", "came", "went", "became",
                             "left", "fell", "rose", "led", "broke", "took", "gave", "began",
                             "met", "found", "got", "held", "kept", "set", "put", "hit",
                             "seems", "remains", "appears", "looks", "sounds"})  # fmt: skip
_VERB_GROUP_GLUE = frozenset({"not", "n't", "never", "also", "already", "still", "just", "been",
                              "be", "being"})  # fmt: skip


def _sentence_initial(toks: list[Token], index: int) -> bool:
    """Only punctuation and a linking word ("But", "And") before token ``index``."""
    return all(not t.is_word or t.lower in _LEADING_LINKS for t in toks[:index])


def _before_main_verb(toks: list[Token], first: int, end: int, clause: str) -> int:
    """Where a subject's complement ends: before the sentence's main verb.

    ``His promise [to cut taxes] was broken``, ``Trump's claim [that thousands had
    celebrated] was false``: with the nominal cue in subject position, the first verb
    group after a to-infinitive, or the second after a that-clause (the clause has its
    own), is the main verb. A group after "and", "or" or a comma continues the clause.
    """
    groups = 1 if clause == "to" else 0  # the infinitive is the to-clause's own verb
    in_group = after_main = False  # inside a verb group; its main verb already seen
    for k in range(first, len(toks)):
        tok = toks[k]
        if tok.start >= end:
            break
        auxiliary = tok.lower in _FINITE
        verbish = (
            auxiliary
            or tok.lower in _MAIN_VERB_FORMS
            or (tok.lower.endswith("ed") and len(tok.lower) > 4)
        )
        if verbish:
            if not in_group or (auxiliary and after_main):  # "had celebrated | was false"
                if k > first and toks[k - 1].lower in ("and", "or", ","):
                    in_group, after_main = True, not auxiliary
                    continue  # "had lied and cheated": the same clause
                groups += 1
                if groups == 2:
                    return toks[k - 1].end
            in_group, after_main = True, not auxiliary
        elif not (tok.lower in _VERB_GROUP_GLUE or tok.lower.endswith("ly")):
            in_group = after_main = False
    return end


def _participle_in_pp(toks: list[Token], last: int) -> bool:
    """Whether a subject ends in an -ing word right after a preposition: "from rising".

    Such a word modifies the noun after it ("from rising demand", "amid growing
    calls"); it is not the end of a subject whose verb follows.
    """
    word = toks[last].lower
    return (
        last > 0
        and not toks[last].is_cap
        and word.endswith("ing")
        and len(word) > 5
        and toks[last - 1].lower in PREPOSITIONS
    )


def _possessor(tok: Token) -> bool:
    return tok.lower in POSSESSIVES or tok.text.endswith(("'s", "’s"))


def _frame_entries(hit: CueHit, toks: list[Token], k: int) -> CueHit | None:
    """Keep the nominal entries after a possessor ("Trump's claim"), the others elsewhere."""
    traits = hit.traits
    nouns = traits.nouns
    if not nouns:
        return hit
    possessed = k > 0 and (
        _possessor(toks[k - 1])
        or (k > 1 and toks[k - 1].is_word and not toks[k - 1].is_cap and _possessor(toks[k - 2]))
    )
    chosen = nouns if possessed else traits.others
    if not chosen:
        return None
    return CueHit(hit.start, hit.end, hit.text, chosen)


def _addressee_word(tok: Token) -> bool:
    """``said to reporters``, ``wrote to Macron``: not ``wants to build``."""
    return (
        tok.is_cap
        or tok.lower in DETERMINERS
        or tok.lower in OBJECT_PRONOUNS
        or tok.lower
        in ("reporters", "journalists", "supporters", "voters", "students", "members", "lawmakers")
    )


def _predicate_start(toks: list[Token], i: int) -> bool:
    """``... and refused to back``, ``but also had to``: a new predicate of the speaker."""
    while i < len(toks) and toks[i].lower in ("also", "then", "later", "even", "still", "not"):
        i += 1
    if i >= len(toks) or toks[i].is_cap or not toks[i].is_word:
        return False
    w = toks[i].lower
    return w in _FINITE or (w.endswith("ed") and len(w) > 4)


def _thousands(toks: list[Token], k: int) -> bool:
    """Whether the comma before ``toks[k]`` separates the digits of one number."""
    comma, before = toks[k - 1], toks[k - 2] if k > 1 else None
    return (
        before is not None
        and before.end == comma.start
        and comma.end == toks[k].start
        and before.text[-1:].isdigit()
        and toks[k].text[:1].isdigit()
    )


def _modal_predicate(toks: list[Token], i: int) -> bool:
    """``but will not be held hostage``: a predicate opened by a modal or is/are."""
    while i < len(toks) and toks[i].lower in ("also", "then", "still", "not"):
        i += 1
    return i < len(toks) and toks[i].lower in _MODAL_LEADS


def _clause_start_at(toks: list[Token], i: int) -> bool:
    """``, but Democrats weren't ...``: a new clause with its own subject and verb."""
    tok = toks[i]
    if not tok.is_word or tok.lower in ("that", "whether", "if"):
        return False
    if not (tok.is_cap or tok.lower in SUBJECT_PRONOUNS or tok.lower in DETERMINERS):
        return False
    for t in toks[i + 1 : i + 10]:
        if not t.is_word:
            return False
        if t.lower in _FINITE or t.lower in ("has", "says", "said"):
            return True
    return False


def _title_case(toks: list[Token]) -> bool:
    """A headline in title case ("Trump Says He Is Unlikely To Win"): capitals are not names."""
    words = [t for t in toks if t.is_word and len(t.text) > 3]
    return len(words) >= 3 and sum(t.is_cap for t in words) >= 0.8 * len(words)


def _quote_before(toks: list[Token], p: int) -> int | None:
    """Index of a closing quotation mark at ``toks[p]`` or just before a comma there."""
    if toks[p].text in QUOTE_CLOSE or toks[p].text == "'":
        return p
    if toks[p].text == "," and p >= 1 and (toks[p - 1].text in QUOTE_CLOSE or toks[p - 1].text
                                           == "'"):  # fmt: skip
        return p - 1
    return None


_IRREGULAR_PASTS = frozenset({"said", "told", "wrote", "thought", "felt", "knew", "found",
                              "heard", "saw", "spoke", "sought", "meant",
                              "understood"})  # fmt: skip


def _quote_in(toks: list[Token], k: int) -> bool:
    """Whether a quotation closes before ``toks[k]`` in its sentence."""
    return any(t.text in QUOTE_CLOSE or t.text == "''" for t in toks[:k])


def _past(form: str) -> bool:
    """``said``, ``argued``, ``told reporters``: a past form, which is never a noun."""
    head = form.split(maxsplit=1)[0]
    return head.endswith("ed") or head in _IRREGULAR_PASTS


def _possessed(toks: list[Token], subject: Subject) -> bool:
    first = toks[subject.start]
    if first.lower in POSSESSIVES:
        return True
    return any(t.text.endswith(("'s", "’s")) for t in toks[subject.start : subject.end + 1])


def _complement(toks: list[Token], i: int) -> bool:
    """``called it "a disaster"``, ``called him a liar``: an object, then what it is called.

    Also ``called it one of the ...`` and ``called it the worst ...`` (a superlative).
    """
    for j in range(i + 1, min(len(toks), i + 10)):
        tok = toks[j]
        if tok.text in QUOTE_OPEN or tok.lower in ("a", "an"):
            return True
        nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
        if (tok.lower == "one" and nxt == "of") or (tok.lower == "the" and _superlative(nxt)):
            return True  # "calling it potentially one of the biggest", "the worst deal"
        if tok.text in (",", ".", ";", ":", "!", "?"):
            return False
    return False


def _superlative(word: str) -> bool:
    """``biggest``, ``worst``, ``most``: not ``first``, ``last``, ``interest``."""
    return word in ("best", "worst", "most", "least") or (
        len(word) > 5 and word.endswith("est") and word not in ("interest", "protest", "request")
    )


def _need_as(toks: list[Token], i: int) -> bool:
    """``portraying Sanders as hypocritical``: an object, then ``as`` and what it is."""
    if not _need_object(toks, i):
        return False
    for j in range(i + 1, min(len(toks), i + 8)):
        if toks[j].lower == "as":
            return True
        if not toks[j].is_word:
            return False
    return False


def _need_that(toks: list[Token], i: int) -> bool:
    return toks[i].lower == "that"


def _need_quote(toks: list[Token], i: int) -> bool:
    text = toks[i].text
    return text in QUOTE_OPEN or (
        text in (",", ":") and i + 1 < len(toks) and toks[i + 1].text in QUOTE_OPEN
    )


def _need_colon(toks: list[Token], i: int) -> bool:
    return toks[i].text == ":"


def _need_comma(toks: list[Token], i: int) -> bool:
    return toks[i].text == ","


def _need_end(toks: list[Token], i: int) -> bool:
    return toks[i].text in (".", "!", "?") and i + 1 >= len(toks)


def _need_object(toks: list[Token], i: int) -> bool:
    tok = toks[i]
    w = tok.lower
    return tok.is_word and (
        tok.is_cap
        or w in DETERMINERS
        or w in POSSESSIVES
        or w in ("him", "her", "them", "it", "us")
        or tok.text[0].isdigit()
    )


def _need_clause(toks: list[Token], i: int) -> bool:
    tok = toks[i]
    w = tok.lower
    return tok.is_word and (
        w in CLAUSE_WORDS or w in SUBJECT_PRONOUNS or tok.is_cap or _clause_after_det(toks, i)
    )


def _need_to(toks: list[Token], i: int) -> bool:
    return (
        toks[i].lower == "to"
        and i + 1 < len(toks)
        and toks[i + 1].is_word
        and not toks[i + 1].is_cap
        and toks[i + 1].lower not in DETERMINERS
    )


# What each ``needs`` word of a cue entry asks of the token after the cue (and its
# addressee or adjuncts); an unknown need is never met.
_NEEDS: dict[str, Callable[[list[Token], int], bool]] = {
    "that": _need_that,
    "quote": _need_quote,
    "colon": _need_colon,
    "comma": _need_comma,
    "end": _need_end,
    "object": _need_object,
    "clause": _need_clause,
    "complement": _complement,
    "as": _need_as,
    "to": _need_to,
}


def _clause_after_det(toks: list[Token], i: int) -> bool:
    """A noun phrase opening a clause: a finite verb follows within a few words.

    ``the election was stolen``, ``meaningful debt relief is possible`` (no punctuation
    between). Ten words leave room for a modified subject (``his latest celebrity
    endorsement before the New Hampshire primary will``).
    """
    w = toks[i].lower
    if w in PREPOSITIONS or w in CONJUNCTIONS or w in ("to", "not", "so", "too", "very"):
        return False
    if w not in DETERMINERS and (w.endswith(("ly", "ing")) or w in _FINITE):
        return False
    for tok in toks[i + 1 : i + 11]:
        if tok.lower in _FINITE:
            return True
        if not tok.is_word:
            return False
    return False


def _first_at(toks: list[Token], offset: int) -> int | None:
    """Index of the first token starting at or after ``offset``."""
    starts = getattr(toks, "starts", None)
    if starts is None:
        starts = [t.start for t in toks]
    return bisect.bisect_left(starts, offset)


def _span(toks: list[Token], i: int, j: int) -> tuple[int, int]:
    return toks[i].start, toks[j].end


def _aux_before(toks: list[Token], k: int) -> bool:
    j = k - 1
    while j >= 0 and toks[j].lower in ("also", "not", "never", "still", "now", "just", "again"):
        j -= 1
    return j >= 0 and toks[j].lower in BE_FORMS


def _content_opener(tok: Token) -> bool:
    return tok.lower == "that" or tok.text in (":", ",") or tok.text in QUOTE_OPEN


def _skip_adjuncts(toks: list[Token], i: int) -> int:
    """Skip time and setting adjuncts after a cue: "on Friday", "in a statement", "Tuesday"."""
    n = len(toks)
    while i < n:
        w = toks[i].lower
        if w == "," and i + 1 < n and _date_word(toks[i + 1]) and toks[i + 1].text[0].isdigit():
            i += 2  # "on March 3, 2015"
            continue
        if w in _TIME_SOLO or w in MONTHS:
            i += 1
            if i < n and w in DAYS and toks[i].lower in _DAY_PARTS:
                i += 1  # "Friday afternoon"
            continue
        if w in _ADJUNCT_PREPS and i + 1 < n:
            j = i + 1
            limit = min(n, i + 7)
            while j < limit and toks[j].is_word and toks[j].lower not in ("that",):
                j += 1
            if (
                j < n
                and (toks[j].lower == "that" or toks[j].text in (",", ":"))
                and j > i + 1
                and (
                    toks[i + 1].lower in DETERMINERS
                    or toks[i + 1].is_cap
                    or toks[i + 1].lower in DAYS | _SETTINGS
                )
            ):
                i = j
                continue
            if w in ("in", "on", "since") and _date_word(toks[i + 1]):
                i += 2  # "reported in 2014", "said in March"
                while i < n and (toks[i].text[0].isdigit() or toks[i].text == ","):
                    if toks[i].text == "," and not (i + 1 < n and toks[i + 1].text[0].isdigit()):
                        break
                    i += 1
                continue
            if w in ("on", "last", "this", "earlier") and toks[i + 1].lower in DAYS | {
                "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend",
            }:  # fmt: skip
                i += 2
                continue
        break
    return i


def _fronted_adjunct(toks: list[Token], p: int) -> bool:
    """Whether the words before the comma are a setting, not content before a frame.

    ``In the same debate, X asked ...``: a prepositional phrase with no finite verb.
    """
    i = 0
    while i < p and not toks[i].is_word:
        i += 1
    if i >= p or toks[i].lower not in PREPOSITIONS:
        return False
    return not any(t.lower in _FINITE for t in toks[i:p])


def _after_apposition(toks: list[Token], i: int) -> int:
    """Skip an apposition after an inverted speaker.

    ``..., said Mindy Romero, director of ...``: not content resuming (``, would fail``).
    """
    n = len(toks)
    while i + 1 < n and toks[i].text == ",":
        nxt = toks[i + 1]
        if not nxt.is_word or nxt.lower in _FINITE or _narration(nxt) or nxt.lower == "that":
            break
        c = next((x for x in range(i + 2, n) if toks[x].text == ","), None)
        i = c if c is not None else n
    return i


def _date_word(tok: Token) -> bool:
    """A month or a year: "March", "2014"."""
    t = tok.text
    return tok.lower in MONTHS or (len(t) == 4 and t.isdigit() and t[:2] in ("19", "20"))


def _skip_place_tail(toks: list[Token], i: int) -> int:
    """``said in Madison, Wisconsin, that ...``: the rest of a place name before "that"."""
    if i == 0 or toks[i - 1].text != "," or not toks[i].is_cap:
        return i
    for j in range(i + 1, min(len(toks) - 1, i + 5)):
        if toks[j].lower == "that" and toks[j - 1].text == ",":
            return j + 1
        if not (toks[j].is_cap or toks[j].text in (",", ".")):
            break
    return i


def _after_frame(toks: list[Token], m: int) -> int | None:
    """Start of content that resumes after ``, X said,`` (a parenthetical frame)."""
    i = _skip_adjuncts(toks, m)
    if i + 1 < len(toks) and toks[i].text == ",":
        nxt = toks[i + 1]
        if nxt.lower in _NO_TAIL or nxt.lower.endswith("ing") or nxt.text in QUOTE_OPEN:
            return None
        rest = [t for t in toks[i + 1 :] if t.is_word]
        if len(rest) >= 2:
            return toks[i + 1].start
    return None


def _appositive_subject(toks: list[Token], comma: int) -> tuple[int, int] | None:
    """``Clinton, 35, the daughter of ..., said``: the name before the appositions."""
    idx = comma
    skipped = 0
    while skipped < 3:
        prev = idx - 1
        while prev >= 0 and toks[prev].text != ",":
            prev -= 1
        chunk = toks[prev + 1 : idx]
        if not chunk:
            return None
        if _looks_appositive(chunk) and prev >= 0:
            idx = prev
            skipped += 1
            continue
        if not skipped or len(chunk) > 7:
            return None
        first = chunk[0]
        if not (first.is_cap or first.lower in DETERMINERS):
            return None
        start = np_start(toks, idx - 1, limit=prev + 1)
        if start is None:
            return None
        return start, idx - 1
    return None


def _looks_appositive(chunk: list[Token]) -> bool:
    first = chunk[0]
    w = first.lower
    if len(chunk) > 18:
        return False
    if w in DETERMINERS or w in ("who", "which", "whose", "former", "then", "now"):
        return True
    if w in PREPOSITIONS or first.text.endswith(("'s", "’s")):
        return True  # "Clinton, during a town hall in Columbus, said"; "China, Pyongyang's ally,"
    if first.text[0].isdigit():
        return True
    if len(chunk) <= 3 and first.is_cap and any("-" in t.text for t in chunk):
        return True  # party label: R-Texas
    return not first.is_cap and first.is_word


def _trim_end(view: str, start: int, end: int) -> int:
    """Drop final punctuation and spaces, and a closing mark whose opening one is outside."""
    stops = _CONTENT_END + ",:—–-"
    while True:
        while end > start and (view[end - 1].isspace() or view[end - 1] in stops):
            end -= 1
        if end <= start or view[end - 1] not in "”’\"'":
            return end
        inside = view[start : end - 1]
        mark = view[end - 1]
        if (
            (mark == "”" and "“" in inside)
            or (mark == '"' and inside.count('"') % 2 == 1)
            or (mark == "’" and "‘" in inside)
            or (mark == "'" and "''" in inside)
        ):
            return end
        end -= 1
