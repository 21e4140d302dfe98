"""Sides: the gazetteer of the ``sides`` rule files, user overrides, and assignment.

With no configuration a speaker's side comes from the gazetteer: a collective
speaker ("France", "Downing Street") is its own side; a person or body takes the side
of its affiliation ("French Interior Minister" -> France, "R-Texas" -> Republican
Party). The user can say better, in this order of precedence:

1. ``--side NAME=alias,alias`` (``Options.sides``),
2. a sides file (``--sides FILE``: YAML mapping each side name to its aliases),
3. front matter ``sides:`` (``DocumentMeta.sides``).

An override alias matches a speaker when it equals, ignoring case, the speaker's
name, one of its aliases or mentions, one word sequence of its name ("Darmanin" in
"Gerald Darmanin"), or its affiliation ("France", "French"). Speakers that neither
the overrides nor the gazetteer place keep ``side=None``: the balance report lists
them for the editor to assign.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError


@dataclass(frozen=True, slots=True)
class SideEntry:
    """One side of the gazetteer."""

    name: str
    kind: str  # country | bloc | party | institution | group
    rule: str
    within: str | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    aliases: Mapping[str, SideEntry]  # exact case: "France", "Downing Street"
    demonyms: Mapping[str, SideEntry]  # exact case: "French", "Republican"
    labels: Mapping[str, SideEntry]  # party letters: "R"
    max_words: int
    first_words: frozenset[str] = frozenset()  # first word of every alias

    def alias(self, text: str) -> SideEntry | None:
        text = " ".join(text.replace("’", "'").split())
        hit = self.aliases.get(text)
        if hit is None and text.startswith(("The ", "the ")):
            hit = self.aliases.get(text[4:])
        return hit

    def affiliation(self, word: str) -> SideEntry | None:
        """The side a word in front of a title names: a demonym, or a country used so."""
        word = word.replace("’", "'")
        if word.endswith(("'s", "s'")):
            word = word[:-2] if word.endswith("'s") else word[:-1]
        return self.demonyms.get(word) or self.aliases.get(word)


def build_gazetteer(rules: Iterable[Any]) -> Gazetteer:
    aliases: dict[str, SideEntry] = {}
    demonyms: dict[str, SideEntry] = {}
    labels: dict[str, SideEntry] = {}
    longest = 1
    for rule in rules:
        for raw in rule.body["entries"]:
            entry = SideEntry(str(raw["name"]), str(raw["kind"]), rule.id, raw.get("within"))
            for alias in raw["aliases"]:
                key = " ".join(str(alias).replace("’", "'").split())
                aliases.setdefault(key, entry)
                longest = max(longest, key.count(" ") + 1)
            for demonym in raw.get("demonyms", ()):
                demonyms.setdefault(str(demonym), entry)
            for label in raw.get("labels", ()):
                labels.setdefault(str(label), entry)
    first = frozenset(a.split(" ", 1)[0] for a in aliases)
    return Gazetteer(aliases, demonyms, labels, longest, first)


# ----------------------------------------------------------------------------- overrides


@dataclass(frozen=True, slots=True)
class Override:
    """A user's side: its name and the alias patterns that pick its speakers."""

    name: str
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, texts: Iterable[str]) -> bool:
        return any(p.search(t) for t in texts for p in self.patterns)


def compile_overrides(*layers: Mapping[str, Iterable[str]]) -> tuple[Override, ...]:
    """Overrides from the most to the least important layer (first match wins)."""
    out: list[Override] = []
    for layer in layers:
        for name, aliases in layer.items():
            words = [str(a).strip() for a in aliases if str(a).strip()] or [str(name)]
            patterns = tuple(
                re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])", re.IGNORECASE) for w in words
            )
            out.append(Override(str(name), patterns))
    return tuple(out)


def read_sides_file(path: Path) -> dict[str, tuple[str, ...]]:
    """A sides file: YAML mapping each side name to a list (or comma string) of aliases."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{shown}: sides file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read sides file: {exc}") from None
    import yaml  # here: only a sides file needs it

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}" if mark else shown
        raise ConfigError(
            f"{where}: sides file is not valid YAML",
            hint="write one side per line, e.g. 'France: [Darmanin, Macron, Paris]'",
        ) from None
    if not isinstance(data, dict) or not data:
        raise ConfigError(
            f"{shown}: a sides file must map each side name to its aliases",
            hint="write e.g. 'France: [Darmanin, Macron]' and 'United Kingdom: [Johnson, Patel]'",
        )
    sides: dict[str, tuple[str, ...]] = {}
    for name, value in data.items():
        if isinstance(value, str):
            aliases = [a.strip() for a in value.split(",")]
        elif isinstance(value, list) and all(isinstance(a, str | int | float) for a in value):
            aliases = [str(a).strip() for a in value]
        else:
            raise ConfigError(
                f"{shown}: side '{name}' must have a list of aliases",
                hint=f"write e.g. '{name}: [alias one, alias two]'",
            )
        aliases = [a for a in aliases if a]
        if not aliases:
            raise ConfigError(f"{shown}: side '{name}' has no aliases", hint="list at least one")
        sides[str(name)] = tuple(aliases)
    return sides
