"""One compiled matcher for every lexicon entry of a run.

All surface forms of all entries go into a single character trie, emitted as one
regular expression (``exploit(?:ing|ed|s)?``...) and run over the folded text (lower
case, curly apostrophes made straight, same length as the source). A plain
alternation of thousands of phrases with ``re.I`` backtracks through every
alternative at every position; the trie shares prefixes, so each position costs a
few character tests.

Matching is leftmost-longest on word boundaries. The words of a phrase are separated
by any run of whitespace or hyphens, so a phrase broken over a line (or written
``far right`` for ``far-right``) still matches. Each candidate is then checked
against its entry's context conditions (``requires_near``, ``unless_near``,
``unless_followed_by``...); when the longest form is rejected, a shorter form at the
same place is tried. Overlapping hits are resolved longest first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from factcheck.loaded.inflect import inflections, noun_forms, verb_forms
from factcheck.model import Severity
from factcheck.segment.sentences import TITLES
from factcheck.textutil.trie import trie_regex

# Same-length folding: apostrophes and Unicode hyphens to their ASCII forms.
_FOLD_CHARS = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("‐", "-"), ("‑", "-"))
_SEP_RE = re.compile(r"[\s\-]+")
_BRACES_RE = re.compile(r"\{([^{}]*)\}")
_WORD_END_RE = re.compile(r"\w(?!\w)")
_SEP = r"[\s\-]+"
# Between a hit and the word that follows or precedes it: spaces and quote marks.
_GAP = r"[\s\"'“”‘’(]*"
# Between a hit and the word before it, a hyphen too: a prefix joined to the hit
# ("non-partisan", "counter-propaganda") is the word before it. Condition words are
# folded to phrase keys, which drop a trailing hyphen, so without this a listed
# ``non-`` could never match.
_PRE_GAP = r"[\s\"'“”‘’(\-]*"

Window = Callable[[int, int], tuple[int, int]]
Compile = Callable[[str], "re.Pattern[str]"]
_CONDITIONS = (
    "requires_near",
    "unless_near",
    "requires_followed_by",
    "unless_followed_by",
    "requires_preceded_by",
    "unless_preceded_by",
)


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # 'İ' is the one code point whose lower case is two
        lowered = text.replace("İ", "I").lower()
    for char, ascii_char in _FOLD_CHARS:  # str.replace is a C loop; translate is not
        if char in lowered:
            lowered = lowered.replace(char, ascii_char)
    return lowered


def phrase_key(text: str) -> str:
    """The lookup key of a folded form or matched stretch: words joined by single spaces."""
    return text if text.isalpha() else _SEP_RE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry, compiled: what to report and when a match counts."""

    rule: str
    category: str
    term: str
    severity: Severity
    suggestion: str | None
    why: str | None
    case_forms: frozenset[str] | None = None  # exact-case keys when case_sensitive
    # Context conditions; each compiles its regex on first use (most entries never
    # match in a run, and compiling hundreds of patterns up front is slow).
    requires_near: Condition | None = None
    unless_near: Condition | None = None
    requires_followed_by: Condition | None = None
    unless_followed_by: Condition | None = None
    requires_preceded_by: Condition | None = None
    unless_preceded_by: Condition | None = None

    plain: bool = True  # no case or context conditions: any match counts

    def accepts(self, folded: str, view: str, start: int, end: int, window: Window) -> bool:
        """Whether a match of this entry at ``[start, end)`` survives its context conditions."""
        if (
            self.case_forms is not None
            and phrase_key(_unfold_case(view[start:end])) not in self.case_forms
        ):
            return False
        cond = self.requires_followed_by
        if cond is not None and not cond.pattern().match(folded, end):
            return False
        cond = self.unless_followed_by
        if cond is not None and cond.pattern().match(folded, end):
            return False
        lo = max(0, start - 80)
        cond = self.requires_preceded_by
        if cond is not None and not cond.pattern().search(folded, lo, start):
            return False
        cond = self.unless_preceded_by
        if cond is not None and cond.pattern().search(folded, lo, start):
            return False
        if self.requires_near is None and self.unless_near is None:
            return True
        s0, s1 = window(start, end)
        if self.requires_near is not None and not self.requires_near.near(
            folded, s0, s1, start, end
        ):
            return False
        return not (
            self.unless_near is not None and self.unless_near.near(folded, s0, s1, start, end)
        )


class Condition:
    """The word list of one context condition, with its regex built on first use.

    Entries with the same word list share one Condition (see :func:`build_matcher`),
    so each list is compiled once, by ``compile`` (``re.compile``, or the run's
    :class:`~factcheck.textutil.regexcache.RegexStore`).
    """

    __slots__ = ("_compile", "_pattern", "_source", "kind", "words")

    def __init__(
        self,
        kind: str,
        words: tuple[str, ...],
        compile: Compile = re.compile,
        source: str | None = None,
    ) -> None:
        self.kind = kind
        self.words = words
        self._compile = compile
        self._source = source  # condition_source(kind, words), when known in advance
        self._pattern: re.Pattern[str] | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Condition) and (self.kind, self.words) == (
            other.kind,
            other.words,
        )

    def __hash__(self) -> int:
        return hash((self.kind, self.words))

    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            source = self._source or condition_source(self.kind, self.words)
            self._pattern = self._compile(source)
        return self._pattern

    def near(self, folded: str, s0: int, s1: int, start: int, end: int) -> bool:
        """One of the words in the sentence ``[s0, s1)``, outside the hit itself."""
        pattern = self.pattern()
        return bool(pattern.search(folded, s0, max(s0, start)) or pattern.search(folded, end, s1))


class Hit(NamedTuple):
    """One accepted match (a tuple: cheap to make for every candidate)."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class Matcher:
    """The compiled lexicon: one trie regex plus the entries behind each form."""

    pattern: re.Pattern[str] | None
    entries: Mapping[str, tuple[Entry, ...]] = field(default_factory=dict)

    def find(self, folded: str, view: str, window: Window) -> list[Hit]:
        """Every accepted hit in ``folded`` (see :func:`fold`), overlaps resolved."""
        if self.pattern is None:
            return []
        # The pattern consumes the character before a word (a cheap way to start matches
        # only at word starts), so pad the text: padded index p is original word start p.
        padded = " " + folded
        search = self.pattern.search
        candidates: list[Hit] = []
        pos = 0
        while (m := search(padded, pos)) is not None:
            start, end = m.start(), m.end() - 1
            pos = start + 1
            if start and folded[start - 1].isalnum():  # a non-ASCII letter before it
                continue
            if view[start].isupper() and inside_name(view, start):
                continue
            hit = self._first_accepted(folded, view, start, end, window)
            if hit is not None:
                candidates.append(hit)
        return _resolve(candidates)

    def _first_accepted(
        self, folded: str, view: str, start: int, end: int, window: Window
    ) -> Hit | None:
        """The longest form starting at ``start`` whose entry accepts its context."""
        entries = self.entries.get(phrase_key(folded[start:end]), ())
        for entry in entries:
            if entry.plain or entry.accepts(folded, view, start, end, window):
                return Hit(start, end, entry)
        # The longest form was rejected: try the shorter forms that end on a word end.
        inner = [m.end() for m in _WORD_END_RE.finditer(folded, start, end)][:-1]
        for stop in reversed(inner):
            for entry in self.entries.get(phrase_key(folded[start:stop]), ()):
                if entry.plain or entry.accepts(folded, view, start, stop, window):
                    return Hit(start, stop, entry)
        return None


# An initial ("Louise M. Slaughter") or a title ("Rep. Slaughter", "Mr. Grim") right
# before a capitalised match makes it a surname. A capitalised word alone says too little:
# "the Rigged Witch Hunt", "the Great Satan" and "Angry Democrat Thugs" are loaded.
_NAME_PART_BEFORE_RE = re.compile(r"(?:\b[A-Z][a-z]+[ \t][A-Z]|\b([A-Z][A-Za-z-]*))\.[ \t]+$")


def inside_name(view: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` is a surname after an initial or a title.

    "Rep. Louise M. Slaughter" and "Mr. Grim" are people, not loaded words. The titles
    are the sentence splitter's (a title's full stop never ends a sentence either).
    """
    m = _NAME_PART_BEFORE_RE.search(view, max(0, start - 24), start)
    return m is not None and (m.group(1) is None or m.group(1).lower() in TITLES)


def _resolve(candidates: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (the earlier one on a tie), in text order.

    Candidates arrive in text order; only clusters of mutually overlapping ones (a
    phrase and a word inside it) need choosing, and those are tiny.
    """
    out: list[Hit] = []
    cluster: list[Hit] = []
    reach = -1
    for hit in candidates:
        if cluster and hit.start >= reach:
            out.extend(_longest_first(cluster))
            cluster = []
        cluster.append(hit)
        reach = max(reach, hit.end) if len(cluster) > 1 else hit.end
    out.extend(_longest_first(cluster))
    return out


def _longest_first(cluster: list[Hit]) -> list[Hit]:
    if len(cluster) == 1:
        return cluster
    kept: list[Hit] = []
    for hit in sorted(cluster, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


# ---------------------------------------------------------------------------- building


def build_matcher(
    rules: Iterable[Any], compile: Compile = re.compile, *, cache: bool = False
) -> Matcher:
    """Compile every entry of every lexicon rule (``Rule`` objects) into one matcher.

    ``compile`` compiles the trie and, on first use, each condition's word list
    (pass the run's regex store to reuse code compiled by earlier runs). With
    ``cache``, the inflected forms, the trie source (0.1 s to build) and the source of
    every condition (0.2 s: each word's inflections; the workers of a large run would
    each build most of them again) are kept on disk between runs, keyed by the rules
    and by this module's code (:mod:`factcheck.textutil.diskmemo`).
    """
    rules = list(rules)
    if cache:
        from factcheck.textutil.diskmemo import cached

        data = cached(
            "lexicon",
            _rules_key(rules),
            lambda: _with_condition_sources(_matcher_data(rules)),
            sources=(__name__, "factcheck.loaded.inflect", "factcheck.textutil.trie"),
        )
    else:
        data = _matcher_data(rules)
    return _matcher_from_data(data, compile)


def _matcher_data(rules: Sequence[Any]) -> dict[str, Any]:
    """The matcher as plain data: entry records, form key -> entry indexes, trie source."""
    buckets: dict[str, list[Entry]] = {}
    for rule in rules:
        category = str(rule.body["category"])
        for raw in rule.body["entries"]:
            for entry, keys in compile_entry(rule.id, category, rule.severity, raw):
                for key in keys:
                    bucket = buckets.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)
    index: dict[Entry, int] = {}
    for bucket in buckets.values():
        for entry in bucket:
            index.setdefault(entry, len(index))
    return {
        "entries": [_record(entry) for entry in index],
        "keys": {key: [index[e] for e in bucket] for key, bucket in buckets.items()},
        "trie": _trie_regex(buckets) if buckets else None,
    }


def _with_condition_sources(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` plus the regex source of each distinct condition, as [kind, words, source]."""
    specs = {(c[0], tuple(c[1])) for record in data["entries"] for c in record[7] if c}
    return {
        **data,
        "conditions": [
            [kind, words, condition_source(kind, words)] for kind, words in sorted(specs)
        ],
    }


def _record(entry: Entry) -> tuple[Any, ...]:
    conditions = tuple(
        None if (c := getattr(entry, name)) is None else (c.kind, c.words) for name in _CONDITIONS
    )
    return (
        entry.rule,
        entry.category,
        entry.term,
        entry.severity,
        entry.suggestion,
        entry.why,
        entry.case_forms,
        conditions,
        entry.plain,
    )


def _matcher_from_data(data: Mapping[str, Any], compile: Compile) -> Matcher:
    """The Matcher of :func:`_matcher_data`; entries with the same word list share a Condition."""
    if data["trie"] is None:
        return Matcher(None, {})
    shared: dict[tuple[str, tuple[str, ...]], Condition] = {
        (kind, tuple(words)): Condition(kind, tuple(words), compile, source)
        for kind, words, source in data.get("conditions", ())
    }

    def condition(spec: tuple[str, tuple[str, ...]] | None) -> Condition | None:
        if spec is None:
            return None
        kind, words = spec[0], tuple(spec[1])
        return shared.setdefault((kind, words), Condition(kind, words, compile))

    entries = []
    for rule, category, term, severity, suggestion, why, case_forms, conds, plain in data[
        "entries"
    ]:
        entries.append(
            Entry(
                rule=rule,
                category=category,
                term=term,
                severity=severity,
                suggestion=suggestion,
                why=why,
                case_forms=case_forms,
                plain=plain,
                **{name: condition(c) for name, c in zip(_CONDITIONS, conds, strict=True)},
            )
        )
    pattern = compile(rf"[^a-z0-9](?:{data['trie']})(?!\w)")
    return Matcher(pattern, {k: tuple(entries[i] for i in ids) for k, ids in data["keys"].items()})


def _rules_key(rules: Sequence[Any]) -> str:
    """What the matcher is built from: each lexicon rule's id, severity and body."""
    import hashlib

    # repr, not marshal: marshal's bytes depend on how objects are shared in memory.
    return hashlib.sha256(repr([(r.id, r.severity, r.body) for r in rules]).encode()).hexdigest()


def expand_braces(text: str) -> list[str]:
    """``{critics|detractors} {say|argue}`` -> the four phrases, in order."""
    parts = _BRACES_RE.split(text)
    options = [p.split("|") if i % 2 else [p] for i, p in enumerate(parts)]
    return [" ".join("".join(combo).split()) for combo in itertools.product(*options)]


def compile_entry(
    rule_id: str, category: str, rule_severity: Severity, raw: Mapping[str, Any]
) -> list[tuple[Entry, list[str]]]:
    """The compiled entry (one per brace alternative of its term) and its form keys."""
    how = str(raw.get("inflect", "none"))
    head = raw.get("head")
    conditions = {
        key: Condition(key.split("_", 1)[1], tuple(str(w) for w in raw[key]))
        if raw.get(key)
        else None
        for key in _CONDITIONS
    }
    extra = [f for form in raw.get("forms", ()) for f in expand_braces(str(form))]
    out = []
    for i, term in enumerate(expand_braces(str(raw["term"]))):
        surface = [*inflections(term, how, head), *(extra if i == 0 else ())]
        keys = list(dict.fromkeys(k for k in (phrase_key(fold(f)) for f in surface) if k))
        case_forms = None
        if raw.get("case_sensitive"):
            exact = [*_case_inflections(term, how, head), *(extra if i == 0 else ())]
            case_forms = frozenset(phrase_key(_unfold_case(f)) for f in exact)
        plain = case_forms is None and all(c is None for c in conditions.values())
        entry = Entry(
            plain=plain,
            rule=rule_id,
            category=category,
            term=term,
            severity=raw.get("severity", rule_severity),
            suggestion=raw.get("suggestion"),
            why=raw.get("why"),
            case_forms=case_forms,
            **conditions,
        )
        out.append((entry, keys))
    return out


def _unfold_case(text: str) -> str:
    """Fold apostrophes and hyphens but keep capitals (for case-sensitive entries)."""
    for char, ascii_char in _FOLD_CHARS:
        text = text.replace(char, ascii_char)
    return text


def _case_inflections(term: str, how: str, head: int | None) -> list[str]:
    """Inflections that keep the term's capitals (``Trumpism`` -> ``Trumpisms``)."""
    out = []
    for form in inflections(term, how, head):
        # Inflection only touches word endings: restore each word's original prefix case.
        words = form.split(" ")
        originals = term.split()
        fixed = [
            o + w[len(o) :] if w.startswith(o.lower()) and len(w) >= len(o) else w
            for o, w in zip(originals, words, strict=False)
        ]
        out.append(" ".join(fixed))
    return out


def _word_alternatives(words: Sequence[str]) -> str:
    """A regex for ``words`` with their noun and verb inflections, on word boundaries.

    Word forms go into a trie (a near-word list can hold hundreds of forms); a form
    that starts or ends with punctuation keeps its own boundaries, so a condition
    word may be a clitic: ``'s`` in ``requires_preceded_by`` matches ``Trump's claim``.
    """
    forms: set[str] = set()
    for word in words:
        key = phrase_key(fold(str(word)))
        if not key:
            continue
        parts = key.split(" ")
        last = parts[-1]
        if last.isalpha():
            for variant in {*noun_forms(last), *verb_forms(last)}:
                forms.add(" ".join([*parts[:-1], variant]))
        forms.add(key)
    plain = [f for f in forms if f[0].isalnum() and f[-1].isalnum()]
    odd = sorted((f for f in forms if f not in plain), key=lambda f: (-len(f), f))
    branches = [rf"(?<!\w)(?:{_trie_regex(plain)})(?!\w)"] if plain else []
    branches += [_bounded(f) for f in odd]
    return "|".join(branches) or "(?!)"


def _bounded(form: str) -> str:
    body = re.escape(form).replace(r"\ ", _SEP)
    before = r"(?<!\w)" if form[0].isalnum() else ""
    after = r"(?!\w)" if form[-1].isalnum() else ""
    return before + body + after


def condition_source(kind: str, words: tuple[str, ...]) -> str:
    """The regex of a ``near``, ``followed_by`` or ``preceded_by`` condition's words."""
    alternatives = _word_alternatives(words)
    if kind == "followed_by":
        return rf"{_GAP}(?:{alternatives})"
    if kind == "preceded_by":
        return rf"(?:{alternatives}){_PRE_GAP}$"
    return alternatives


def _trie_regex(keys: Iterable[str]) -> str:
    """A regex matching exactly ``keys`` (folded forms), longest first; a space is _SEP."""
    return trie_regex(keys, char=_trie_char, classes=True)


def _trie_char(ch: str) -> str:
    return _SEP if ch == " " else re.escape(ch)
