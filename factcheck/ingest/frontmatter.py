"""YAML front matter of a Markdown draft: where it is, and the metadata it gives.

Drafts kept in git (Jekyll, Hugo, Eleventy, Astro) start with a ``---`` block of
YAML. Its keys name the story (title, date, outlet, url, author) and, for the
balance score, the sides of the story with their aliases. Unknown keys are ignored:
front matter belongs to the site generator as much as to factcheck. Broken YAML or
``sides`` that factcheck cannot use are input errors (they would change the
analysis); an impossible date (``2024-02-30``) is only shown, so it is dropped with
a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from factcheck.errors import InputError
from factcheck.model import DocumentMeta

_OPEN_RE = re.compile(r"---[ \t]*\r?\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_ALIASES = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate"),
    "outlet": ("outlet", "publisher", "publication", "site", "source"),
    "url": ("url", "link", "canonical_url", "permalink"),
    "author": ("author", "authors", "byline"),
}


@dataclass(frozen=True, slots=True)
class FrontMatter:
    end: int  # offset just past the closing --- line (newline included)
    meta: DocumentMeta
    warnings: tuple[str, ...] = ()  # problems that did not stop the reading (a bad date)


class InvalidDate(str):
    """A YAML date that names no calendar day (``2024-02-30``), kept as its text.

    PyYAML raises ValueError for it, which is no YAMLError and would escape as a bug.
    The date is only shown in reports, so the draft is still read: the date is
    dropped with a warning, as for other metadata factcheck cannot use.
    """


def find_front_matter(text: str, shown: str) -> FrontMatter | None:
    """Parse a leading ``---`` ... ``---`` block; None when the text has none.

    Malformed YAML is an InputError naming the file line, so the writer can fix it.
    """
    opening = _OPEN_RE.match(text)
    if opening is None:
        return None
    closing = _CLOSE_RE.search(text, opening.end())
    if closing is None:
        return None
    end = closing.end()
    if text.startswith("\n", end):
        end += 1
    body = text[opening.end() : closing.start()]
    import yaml  # here: most articles have no front matter

    try:
        data = _load_yaml(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is None or mark.line >= body.count("\n"):
            # Noticed only at the end (an unclosed bracket or quote): point at its start.
            mark = getattr(exc, "context_mark", None) or mark
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(
            f"{shown}:{line}: front matter is not valid YAML: {problem}",
            hint="fix the YAML between the --- lines",
        ) from None
    if data is None:
        return FrontMatter(end, DocumentMeta())
    if not isinstance(data, Mapping):
        # Prose between two thematic breaks, not front matter: leave it to Markdown.
        return None
    meta = meta_from_mapping(data, shown, body)
    warnings = ()
    if isinstance(meta.date, InvalidDate):
        warnings = (
            f"{shown}:{_date_line(data, body)}: front matter date '{meta.date}' is not a "
            "real date; it is ignored",
        )
        meta = replace(meta, date=None)
    return FrontMatter(end, meta, warnings)


def _load_yaml(body: str) -> Any:
    """``yaml.safe_load``, through libyaml when PyYAML has it (ten times faster).

    Same constructor, same values; on any error the pure-Python loader parses again,
    so the message (and its line) is the one ``safe_load`` gives.
    """
    import yaml

    fast, slow = _loaders()
    if fast is not None:
        try:
            return yaml.load(body, Loader=fast)  # CSafeLoader: the safe loader in C
        except yaml.YAMLError:
            pass
    return yaml.load(body, Loader=slow)


@cache
def _loaders() -> tuple[type | None, type]:
    """The C and pure-Python safe loaders, each reading an impossible date as InvalidDate."""
    import yaml

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return loader.construct_yaml_timestamp(node)
        except ValueError:  # 2024-02-30, 2024-13-45: the pattern of a date, not a date
            return InvalidDate(loader.construct_scalar(node))

    made: list[type | None] = []
    for base in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader):
        if base is None:
            made.append(None)
            continue
        loader = type(f"FrontMatter{base.__name__}", (base,), {})
        loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
        made.append(loader)
    return made[0], made[1]  # type: ignore[return-value]


def meta_from_mapping(data: Mapping[str, Any], shown: str, body: str = "") -> DocumentMeta:
    """Build DocumentMeta from front-matter keys (a few common synonyms accepted)."""
    lowered = {str(k).lower(): v for k, v in data.items()}
    values: dict[str, str | None] = {}
    for field, keys in _ALIASES.items():
        for key in keys:
            if lowered.get(key) is not None:
                values[field] = _as_text(lowered[key])
                break
    return DocumentMeta(
        title=values.get("title"),
        date=values.get("date"),
        outlet=values.get("outlet"),
        url=values.get("url"),
        author=values.get("author"),
        sides=_sides(lowered.get("sides"), shown, body),
    )


def _date_line(data: Mapping[str, Any], body: str) -> int:
    """File line of the date key that gave the date (``date``, ``published``...)."""
    lowered = {str(k).lower(): str(k) for k in data}
    for key in _ALIASES["date"]:
        if key in lowered and data[lowered[key]] is not None:
            return _key_line(body, lowered[key])
    return 1


def _as_text(value: Any) -> str:
    if isinstance(value, InvalidDate):
        return value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_as_text(v) for v in value)
    return str(value).strip()


def _sides(value: Any, shown: str, body: str) -> dict[str, tuple[str, ...]]:
    """``sides: {france: [Darmanin, Macron], uk: [Johnson]}`` -> name -> aliases."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError(
            f"{shown}:{_key_line(body, 'sides')}: front matter 'sides' must map each side "
            "to its aliases",
            hint="write e.g. 'sides: {france: [Darmanin, Macron], uk: [Johnson, Patel]}'",
        )
    sides: dict[str, tuple[str, ...]] = {}
    for name, given in value.items():
        aliases = given
        if aliases is None:
            aliases = []
        elif isinstance(aliases, str):
            aliases = [a for a in re.split(r"\s*,\s*", aliases) if a]
        if not isinstance(aliases, list | tuple) or not all(
            isinstance(a, str | int | float) for a in aliases
        ):
            raise InputError(
                f"{shown}:{_key_line(body, str(name))}: front matter side '{name}' must be "
                "a list of names",
                hint=f"write e.g. '{name}: [Name One, Name Two]'",
            )
        sides[str(name)] = tuple(str(a).strip() for a in aliases if str(a).strip())
    return sides


def _key_line(body: str, key: str) -> int:
    """File line of ``key:`` in the front matter (the opening --- is line 1)."""
    m = re.search(rf"^[ \t]*['\"]?{re.escape(key)}['\"]?[ \t]*:", body, re.M)
    return body.count("\n", 0, m.start()) + 2 if m else 1
