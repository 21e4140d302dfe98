"""Titles, institutions, honorifics and anonymous sources from the ``roles`` rule files.

Compiled into plain dictionaries keyed by the lower-cased form ("interior minister",
"sen.", "officials"): the name finder looks titles up word by word around a name,
and the speaker finder looks up the head of a noun phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Words that may stand between an affiliation and a title ("French former...", "the
# acting interior minister"): a closed class, not a lexicon.
MODIFIERS = frozenset(
    {
        "former", "then", "acting", "deputy", "vice", "shadow", "outgoing", "incoming",
        "interim", "senior", "junior", "top", "chief", "assistant", "associate", "longtime",
        "fellow", "ex", "presumptive", "presidential", "party", "newly", "elected", "lead",
        "state", "federal", "national", "regional", "local", "house", "senate", "majority",
        "minority", "foreign", "interior", "home", "defence", "defense", "finance",
        "justice", "health", "economy", "trade", "immigration", "migration", "education",
        "environment", "energy", "transport", "agriculture", "labour", "labor", "culture",
        "brexit", "treasury", "commerce", "economic", "military", "security", "campaign",
        "white", "press", "communications", "policy", "political", "legal", "general",
        "principal", "special", "second", "first", "retired", "veteran", "executive",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RoleInfo:
    role: str
    type: str  # person | organisation | anonymous | honorific
    rule: str
    gender: str | None = None
    generic: bool = False
    plural_only: bool = False
    plural: bool = False  # this form is a plural ("officials")


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    """Every role form, lower case, with what it means (a form may be in several files)."""

    forms: Mapping[str, tuple[RoleInfo, ...]]
    max_words: int
    last_words: frozenset[str] = frozenset()  # last word of every person title and honorific
    first_words: frozenset[str] = frozenset()  # first word of every form
    organisations: frozenset[str] = frozenset()  # every form with an organisation reading

    def lookup(self, phrase: str, kind: str | None = None) -> RoleInfo | None:
        """The role of ``phrase`` (lower case, single spaces), optionally of one type."""
        for info in self.forms.get(phrase, ()):
            if kind is None or info.type == kind:
                return info
        return None

    def longest_suffix(
        self, words: Sequence[str], kinds: tuple[str, ...]
    ) -> tuple[int, RoleInfo] | None:
        """The longest role (of one of ``kinds``) that ``words`` ends with: (length, info)."""
        for n in range(min(self.max_words, len(words)), 0, -1):
            key = " ".join(words[-n:]).lower().replace("’", "'")
            for info in self.forms.get(key, ()):
                if info.type in kinds:
                    return n, info
        return None

    def longest_prefix(
        self, words: Sequence[str], kinds: tuple[str, ...]
    ) -> tuple[int, RoleInfo] | None:
        """The longest role (of one of ``kinds``) that ``words`` starts with."""
        for n in range(min(self.max_words, len(words)), 0, -1):
            key = " ".join(words[:n]).lower().replace("’", "'")
            for info in self.forms.get(key, ()):
                if info.type in kinds:
                    return n, info
        return None


def _plural(form: str) -> str:
    if form.endswith(("man", "woman")):
        return form[:-2] + "en"
    if form.endswith(("s", "sh", "ch", "x")):
        return form + "es"
    if form.endswith("y") and len(form) > 1 and form[-2] not in "aeiou":
        return form[:-1] + "ies"
    if form.endswith("person"):
        return form[:-6] + "people"
    return form + "s"


def build_roles(rules: Iterable[Any]) -> RoleLexicon:
    """Compile every enabled ``roles`` rule file."""
    forms: dict[str, list[RoleInfo]] = {}
    longest = 1

    def add(form: str, info: RoleInfo) -> None:
        nonlocal longest
        key = " ".join(form.lower().replace("’", "'").split())
        bucket = forms.setdefault(key, [])
        if info not in bucket:
            bucket.append(info)
        longest = max(longest, key.count(" ") + 1)

    for rule in rules:
        kind = str(rule.body["type"])
        for raw in rule.body["entries"]:
            info = RoleInfo(
                role=str(raw["role"]).lower(),
                type=kind,
                rule=rule.id,
                gender=raw.get("gender"),
                generic=bool(raw.get("generic")),
                plural_only=bool(raw.get("plural_only")),
            )
            plural = RoleInfo(**{**_fields(info), "plural": True})
            for form in [str(raw["role"]), *(str(f) for f in raw.get("forms", ()))]:
                add(form, info)
                if kind != "honorific" and not form.endswith("."):
                    add(_plural(form.lower()), plural)
            if kind == "honorific":
                for form in list(raw.get("forms", ())):
                    add(str(form).rstrip("."), info)
    last_words = frozenset(
        key.rsplit(" ", 1)[-1]
        for key, infos in forms.items()
        if any(i.type in ("person", "honorific") for i in infos)
    )
    first_words = frozenset(key.split(" ", 1)[0] for key in forms)
    organisations = frozenset(
        key for key, infos in forms.items() if any(i.type == "organisation" for i in infos)
    )
    return RoleLexicon(
        {k: tuple(v) for k, v in forms.items()}, longest, last_words, first_words, organisations
    )


def _fields(info: RoleInfo) -> dict[str, Any]:
    return {name: getattr(info, name) for name in RoleInfo.__slots__}
