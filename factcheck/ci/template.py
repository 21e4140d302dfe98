"""The commented starter configuration that ``factcheck init`` writes."""

from __future__ import annotations

STARTER_CONFIG = """\
# factcheck configuration (see docs/ci.md). `factcheck check` finds this file by walking
# up from the checked path; `--config FILE` overrides it, and command-line options win
# over it. Paths and globs here are relative to this file's folder. Unknown keys and bad
# values are errors, so a typo never silently turns a check off.

# Exit with code 1 when a finding is at or above this severity: error, warning, info, never.
fail_on = "error"

# Extra rule directories (YAML rule files). A rule with the id of a bundled rule replaces it.
rules = []

# Turn rules off, or back on, by id or id prefix ("LL" is every loaded-language rule).
# `factcheck rules list` shows every id.
disable = []
enable = []

# Which drafts to check, as globs ("**" crosses folders, a trailing "/" means a folder).
include = ["**/*.md", "**/*.markdown", "**/*.txt", "**/*.html", "**/*.htm", "**/*.docx"]
exclude = ["node_modules/", "vendor/"]

# Findings accepted earlier (written by `factcheck baseline PATH... -o FILE`): only new
# findings are reported, and entries no longer found are listed as stale.
# baseline = ".factcheck-baseline.json"

# Change a rule's severity by id or prefix: error, warning or info.
[severity]
# LL003 = "error"

# Document-level limits that raise findings.
[thresholds]
# Lowest balance score (0..1) accepted when a story involves two or more sides.
balance_min = 0.35
# Most unsourced statistics, reporter-voice loaded terms and reading grade accepted.
# max_unsourced = 3
# max_reporter_loaded = 2
# max_grade = 12

# Sides of the stories you cover, when the automatic grouping needs help:
# a side's name, then the names, demonyms and institutions that belong to it.
[sides]
# "France" = ["Darmanin", "French government", "Paris"]
# "United Kingdom" = ["Johnson", "Patel", "British government", "London"]
"""
