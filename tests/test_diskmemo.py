"""Derived tables kept on disk: the value read back is the value built, and code changes rebuild."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from factcheck.context import Context
from factcheck.loaded.matcher import Condition, build_matcher, condition_source
from factcheck.textutil import diskmemo


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_built_once_then_read_back(cache_dir: Path) -> None:
    calls = []

    def build() -> dict[str, object]:
        calls.append(1)
        return {"forms": ["exploit", "exploits"], "n": 2, "set": frozenset({"a"})}

    first = diskmemo.cached("demo", "key-1", build, sources=(__name__,))
    second = diskmemo.cached("demo", "key-1", build, sources=(__name__,))
    assert first == second and len(calls) == 1
    diskmemo.cached("demo", "key-2", build, sources=(__name__,))  # new key: built again
    assert len(calls) == 2
    assert len(list(cache_dir.glob("demo-*.marshal"))) == 1  # the older file is replaced


def test_damaged_file_is_rebuilt(cache_dir: Path) -> None:
    diskmemo.cached("demo", "k", lambda: [1, 2, 3])
    for path in cache_dir.glob("demo-*.marshal"):
        path.write_bytes(b"\x00garbage")
    assert diskmemo.cached("demo", "k", lambda: [4]) == [4]


def test_off_when_caching_is_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    calls = []
    for _ in range(2):
        diskmemo.cached("demo", "k", lambda: calls.append(1) or 1)
    assert len(calls) == 2


def test_file_key_changes_with_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data.txt"
    data.write_text("one", encoding="utf-8")
    before = diskmemo.file_key(data, None)
    data.write_text("one two", encoding="utf-8")
    assert diskmemo.file_key(data, None) != before
    assert diskmemo.package_dir("yaml") is not None and diskmemo.package_dir("no_such_pkg") is None


def _flat(entry: object) -> tuple[object, ...]:
    return tuple(
        (v.kind, v.words) if isinstance(v, Condition) else v
        for v in (getattr(entry, f.name) for f in dataclasses.fields(entry))  # type: ignore[arg-type]
    )


def test_lexicon_matcher_read_back_is_the_one_built(cache_dir: Path, ctx: Context) -> None:
    rules = ctx.ruleset.of_kind("lexicon")
    fresh = build_matcher(rules)
    cold = build_matcher(rules, cache=True)
    assert list(cache_dir.glob("lexicon-*.marshal"))
    warm = build_matcher(rules, cache=True)
    for other in (cold, warm):
        assert other.pattern == fresh.pattern
        assert list(other.entries) == list(fresh.entries)
        for key, entries in fresh.entries.items():
            assert [_flat(e) for e in other.entries[key]] == [_flat(e) for e in entries]
    # Entries with the same word list share one Condition (compiled once per run).
    conditions = [
        c for es in warm.entries.values() for e in es if (c := e.requires_near) is not None
    ]
    assert conditions and len({id(c) for c in conditions}) == len(set(conditions))
    text = " the far-right thugs stormed the parliament, a brazen attack"
    view = text
    found = [(h.start, h.end) for h in warm.find(text, view, lambda s, e: (0, len(text)))]
    assert found and found == [
        (h.start, h.end) for h in fresh.find(text, view, lambda s, e: (0, len(text)))
    ]
    # Condition sources come from the disk too, and are the ones the words give.
    every = {c for es in warm.entries.values() for e in es for c in _conditions(e)}
    assert len(every) > 100
    for condition in every:
        assert condition._source is not None  # read back, not rebuilt on first use
        assert condition.pattern().pattern == condition_source(condition.kind, condition.words)


def _conditions(entry: object) -> list[Condition]:
    return [
        v for f in dataclasses.fields(entry) if isinstance(v := getattr(entry, f.name), Condition)
    ]  # type: ignore[arg-type]
