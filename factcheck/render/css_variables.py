"""Substitute a stylesheet's ``:root`` custom properties before WeasyPrint sees it.

The template keeps its colours as custom properties (``--ink``, ``--side-0``), so a
newsroom restyles the report in one place. WeasyPrint, though, resolves each
``var()`` again for every element that uses it: it re-validates the property's tokens
per element, about 2-3% of a report's layout work. When a property is declared
once, in a top-level ``:root`` rule, and nowhere else, each ``var(--name)`` has one
possible value everywhere, so writing that value in its place lays out the same page.
Anything less certain (a property declared twice or inside ``@media``, a ``var()``
with a fallback, a value that itself uses ``var()``) is left for WeasyPrint to resolve.
The ``:root`` declarations stay, so nothing that reads them changes.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)\s*\)")
# A custom property declared in a style attribute: the page then overrides the sheet.
_DECLARATION = re.compile(r"--[A-Za-z0-9_-]+\s*:")


def inline_variables(css: str, values: dict[str, str]) -> str:
    """``css`` with each ``var(--name)`` whose name is in ``values`` written out."""
    if not values or "var(" not in css:
        return css
    return _VAR.sub(lambda m: values.get(m.group(1), m.group(0)), css)


def root_values(*sheets: str) -> dict[str, str]:
    """Custom properties the sheets declare once in all, in a top-level ``:root`` rule.

    All the stylesheets of one page count together: a second sheet that declares
    the same property again (and so may win the cascade) keeps it unresolved.
    Values that use ``var()`` themselves, or are empty, are left out.
    """
    import tinycss2

    declared: Counter[str] = Counter()
    at_root: dict[str, str] = {}
    for css in sheets:
        for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
            for name, value in _custom_declarations(rule, tinycss2):
                declared[name] += 1
                if rule.type == "qualified-rule" and _is_root(rule, tinycss2):
                    at_root[name] = value
    return {
        name: value
        for name, value in at_root.items()
        if declared[name] == 1 and value and "var(" not in value
    }


def page_declares_variables(html_body: str) -> bool:
    """Whether the page sets a custom property itself (in a ``style`` attribute or element)."""
    return _DECLARATION.search(html_body) is not None


def _custom_declarations(rule: Any, tinycss2: Any) -> list[tuple[str, str]]:
    """``(name, value)`` of every custom property a rule declares, nested rules included."""
    if rule.type not in ("qualified-rule", "at-rule") or rule.content is None:
        return []
    found = []
    for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
        if item.type == "declaration" and item.name.startswith("--"):
            found.append((item.name, tinycss2.serialize(item.value).strip()))
        elif item.type in ("qualified-rule", "at-rule"):
            found.extend(_custom_declarations(item, tinycss2))
    return found


def _is_root(rule: Any, tinycss2: Any) -> bool:
    return tinycss2.serialize(rule.prelude).strip() == ":root"
