"""The compiled-regex store: the same Pattern as re.compile, read back from disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.textutil import regexcache
from factcheck.textutil.regexcache import RegexStore

PATTERNS = [
    (r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?P<u>per ?cent|%)", re.I),
    (r"(?<![\w.'’-])(?:said|says|told(?:[ \t]+reporters)?)(?![\w'’-]|\.\w)", 0),
    (r"^(?:---|\.\.\.)[ \t]*\r?$", re.M),
    (r"[“\"]([^”\"\n]{1,200})[”\"]", 0),
]
TEXT = "“We will not pay,” he said on Monday. Prices rose 3.5 per cent to 1,200 (12%).\n---\n"


def store_at(tmp_path: Path) -> RegexStore:
    return RegexStore(tmp_path / "regex.marshal")


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_same_pattern_as_re_compile(tmp_path: Path, pattern: str, flags: int) -> None:
    first = store_at(tmp_path).compile(pattern, flags)
    expected = re.compile(pattern, flags)
    assert first == expected
    assert first.groupindex == expected.groupindex and first.groups == expected.groups
    found = [m.groups() for m in first.finditer(TEXT)]
    assert found == [m.groups() for m in expected.finditer(TEXT)]


def test_written_once_and_read_back(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    for pattern, flags in PATTERNS:
        store.compile(pattern, flags)
    store.save()
    path = tmp_path / "regex.marshal"
    written = path.read_bytes()
    again = store_at(tmp_path)
    for pattern, flags in PATTERNS:
        assert again.compile(pattern, flags) == re.compile(pattern, flags)
    again.save()  # nothing new: the file is left alone
    assert path.read_bytes() == written
    assert again._state.used and not again._state.new


def test_saved_when_the_store_goes_away(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    store.compile(r"\bfar[\s\-]+right\b")
    del store
    assert (tmp_path / "regex.marshal").exists()


def test_damaged_file_falls_back_to_compiling(tmp_path: Path) -> None:
    (tmp_path / "regex.marshal").write_bytes(b"\x00not marshal data")
    pattern, flags = PATTERNS[0]
    assert store_at(tmp_path).compile(pattern, flags) == re.compile(pattern, flags)


def test_damaged_entry_is_recompiled(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    pattern, flags = PATTERNS[1]
    store.compile(pattern, flags)
    key = next(iter(store._state.entries))
    entry = store._state.entries[key]
    store._state.entries[key] = (entry[0], b"\x01\x02\x03\x04", *entry[2:])  # invalid SRE code
    assert store.compile(pattern, flags) == re.compile(pattern, flags)


def test_bad_pattern_raises_like_re(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        store_at(tmp_path).compile(r"(unclosed")


def test_turned_off_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    store = regexcache.open_store()
    assert store._state.path is None
    assert store.compile(r"\d+") == re.compile(r"\d+")
