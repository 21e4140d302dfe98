"""The document model: one source text, and layers of character-offset annotations.

Every stage of the pipeline (ingest, segment, loaded, claims, attribution, scoring,
findings) reads an :class:`Analysis` and returns a new one with its own layer filled
in. Nothing here does I/O, and no stage ever rewrites ``Document.text``: all offsets
are Python ``str`` indices into that text, end exclusive. Line and column numbers are
computed only at the edge, by :class:`LineIndex`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Voice = Literal["reporter", "quoted", "paraphrased"]
ClaimKind = Literal[
    "count", "money", "percent", "duration", "date", "range", "ratio", "age", "measure", "rank"
]
InputFormat = Literal["text", "markdown", "html", "docx"]

SEVERITY_ORDER: Mapping[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code-point offsets into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` (or the single offset ``start``) lies inside this span."""
        end = start if end is None else end
        return self.start <= start and end <= self.end

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


class LineIndex:
    """Converts offsets into 1-based (line, column) pairs: the only such conversion.

    A column counts code points from the start of the line, so an em dash or a curly
    quote is one column, as editors and SARIF's ``unicodeCodePoints`` expect. ``\\r\\n``
    ends a line like ``\\n``.
    """

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`line_col`."""
        return self._starts[line - 1] + column - 1

    @property
    def line_count(self) -> int:
        return len(self._starts)


@dataclass(frozen=True, slots=True)
class Excluded:
    """A stretch kept in the text but left out of scoring (boilerplate, bylines, credits)."""

    start: int
    end: int
    reason: str
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """Anchor text that carries a hyperlink (Markdown or HTML): a claim inside it is sourced."""

    start: int
    end: int
    url: str


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline ``factcheck-disable`` region: findings of ``rules`` (all if empty) are dropped."""

    start: int
    end: int
    rules: tuple[str, ...]
    line: int
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What the document says about itself: front matter, HTML metadata, or the file name."""

    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    sides: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its source.

    ``text`` is what every offset points into. For plain text and Markdown it is the
    file exactly as the user has it; for HTML and .docx it is the extracted article
    text (``text_is_source`` is then False, and ``source_lines`` maps each line of
    ``text`` back to a line of the original file where that could be worked out).

    ``view`` has the same length as ``text`` with markup, code, URLs and front matter
    replaced by spaces: detectors search ``view`` so that offsets stay valid.
    """

    path: str
    format: InputFormat
    text: str
    view: str
    masked: tuple[Span, ...] = ()
    excluded: tuple[Excluded, ...] = ()
    links: tuple[Link, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    text_is_source: bool = True
    source_lines: tuple[int, ...] | None = None
    # The page itself (HTML), so that positions can be given in it, line and column.
    source: str | None = field(default=None, repr=False, compare=False)
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    # Paragraph-level blocks and headings the source format marks (Markdown blocks, HTML
    # <p>/<h2>, .docx paragraphs); empty means the segmenter finds them in plain text.
    blocks: tuple[Span, ...] = ()
    headings: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if len(self.view) != len(self.text):
            raise ValueError("Document.view must have the same length as Document.text")

    def is_excluded(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(e.start < end and start < e.end for e in self.excluded)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    excluded: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    excluded: bool = False
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: ``start``/``end`` include the quote marks, ``inner_*`` exclude them.

    A quotation that a paragraph opens without closing continues into the next
    paragraph (news convention); ``parts`` then lists each paragraph's piece.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    parts: tuple[Span, ...] = ()

    def contains(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        if self.parts:
            return any(p.start <= start and end <= p.end for p in self.parts)
        return self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
class Segments:
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    _sentence_starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sentence_starts", tuple(s.start for s in self.sentences))

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset`` (or the last one before it), or None.

        An offset in the whitespace between two sentences belongs to the earlier one.
        """
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return i if i >= 0 else None

    def quote_at(self, start: int, end: int | None = None) -> Quote | None:
        for q in self.quotes:
            if q.contains(start, end):
                return q
        return None


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure a fact-checker would check, normalised."""

    id: str
    start: int
    end: int
    text: str
    kind: ClaimKind
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    noun: str | None = None
    qualifier: str | None = None
    status: Literal["sourced", "unsourced"] = "unsourced"
    source: str | None = None  # how it is sourced: "speaker", "link", "cue"
    speaker: str | None = None
    link: str | None = None
    voice: Voice = "reporter"
    rule: str = ""
    sentence: int | None = None
    date: str | None = None  # ISO form for kind == "date", when it can be resolved
    verb: str | None = None  # the verb of the counted thing: "27 people *died*"


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A word or phrase that carries a judgement, with whose voice it is."""

    id: str
    start: int
    end: int
    text: str
    term: str
    category: str
    severity: Severity
    suggestion: str | None
    why: str | None
    rule: str
    voice: Voice = "reporter"
    speaker: str | None = None
    sentence: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: Literal["name", "pronoun", "role", "collective"] = "name"
    rule: str | None = None  # the roles rule that recognised its title or description


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    side: str | None = None
    kind: Literal["person", "organisation", "collective", "anonymous"] = "person"
    role: str | None = None
    mentions: tuple[Mention, ...] = ()
    statements: int = 0
    side_rule: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """Something a speaker says: a direct quotation or reported speech."""

    id: str
    start: int  # content span
    end: int
    text: str
    speaker: str | None  # Speaker.id
    side: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    direct: bool
    words: int
    cue_neutral: bool = True
    anonymous: bool = False
    speaker_start: int | None = None
    speaker_end: int | None = None
    rule: str | None = None
    parts: tuple[Span, ...] = ()
    targets: tuple[str, ...] = ()  # speaker ids this statement accuses or criticises
    accusation: bool = False  # the cue accuses or blames ("accused X of", "blamed")


@dataclass(frozen=True, slots=True)
class SideBalance:
    name: str
    speakers: tuple[str, ...] = ()
    statements: int = 0
    direct: int = 0
    words: int = 0
    share: float = 0.0
    first: bool = False
    last: bool = False
    mentions: int = 0
    loaded_about: int = 0
    accused: bool = False
    replied: bool | None = None


@dataclass(frozen=True, slots=True)
class Balance:
    score: float | None
    formula: str
    sides: tuple[SideBalance, ...] = ()
    unassigned: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    name: str = ""
    voice: Voice | None = None
    context: str = ""  # normalised sentence context, for fingerprints


@dataclass(frozen=True, slots=True)
class Analysis:
    """The one result object: everything the renderers (JSON, text, SARIF, PDF...) need.

    Stages fill it in turn with :meth:`evolve`; a renderer never recomputes anything.
    """

    document: Document
    segments: Segments = field(default_factory=Segments)
    claims: tuple[Claim, ...] = ()
    loaded: tuple[LoadedTerm, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    statements: tuple[Statement, ...] = ()
    balance: Balance | None = None
    sentiment: Mapping[str, Any] | None = None
    readability: Mapping[str, Any] | None = None
    findings: tuple[Finding, ...] = ()
    rules_fired: tuple[str, ...] = ()
    ruleset_digest: str = ""
    versions: Mapping[str, str] = field(default_factory=dict)

    def evolve(self, **changes: Any) -> Analysis:
        return replace(self, **changes)

    def speaker_name(self, speaker_id: str | None) -> str | None:
        """The display name of a speaker id (ids are internal; people read names)."""
        if speaker_id is None:
            return None
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker.name
        return speaker_id

    def words(self) -> int:
        """Words in the scored text (boilerplate and masked markup left out)."""
        from factcheck.segment import count_words  # local: keeps the model free of stage code

        view = self.document.view
        # One regex pass: a line break ends a word, so no word runs across two sentences.
        return count_words(
            "\n".join(view[s.start : s.end] for s in self.segments.sentences if not s.excluded)
        )


def sorted_by_position(items: Iterable[Any]) -> tuple[Any, ...]:
    """Sort annotations by (start, end): deterministic output everywhere."""
    return tuple(sorted(items, key=lambda a: (a.start, a.end)))
