"""Importing WeasyPrint fast, and three fixes to its run-time costs; nothing else.

WeasyPrint's import (about 0.4-0.6 s) sits on every report's critical path, and
some of its per-document work is avoidable overhead, not layout. Each adjustment
here keeps WeasyPrint's output identical; each is tested in tests/test_report.py:

- the import skips ctypes' library search and two rarely used fontTools modules;
- its font subsetter allocates arrays without a C parse per array size;
- its HTML parser's regular-expression cache actually caches;
- its PDF writer compresses at zlib's default level, not the slowest one.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any


def import_weasyprint() -> ModuleType:
    """Import WeasyPrint without ctypes' library search: a third faster to import.

    WeasyPrint opens Pango, HarfBuzz and fontconfig by trying several names per
    library; each name that does not open directly makes cffi call
    ``ctypes.util.find_library``, which on Linux runs ``ldconfig`` and ``gcc``
    (about 0.2 s in all). The sonames it also tries open directly, so the import
    first runs with that search switched off, then, if some library was not found
    that way (an unusual install), again with it on; two fontTools modules it rarely
    needs are deferred meanwhile (:func:`_fonttools_deferred`). Its font module then
    gets an :class:`OpenArrayFFI`, its HTML parser a :class:`ParserRegexes` and its
    PDF writer a :class:`DefaultLevelZlib`.
    """
    if "weasyprint" not in sys.modules:
        _import_without_library_search()
    _allocate_open_arrays(sys.modules["weasyprint.pdf.fonts"])
    _cache_parser_regexes(sys.modules.get("tinyhtml5.inputstream"))
    _compress_at_default_level(sys.modules["pydyf"])
    return sys.modules["weasyprint"]


def _import_without_library_search() -> None:
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = _no_search
    try:
        with contextlib.redirect_stdout(io.StringIO()), _fonttools_deferred():
            import weasyprint  # (the redirect catches its error message, if it fails)
    except OSError:
        for name in [m for m in sys.modules if m.partition(".")[0] == "weasyprint"]:
            del sys.modules[name]
        ctypes.util.find_library = search
        import weasyprint  # noqa: F401  (imported for sys.modules)
    finally:
        ctypes.util.find_library = search


def _no_search(name: str) -> None:
    return None


# fontTools modules WeasyPrint imports up front but needs only for variable fonts and
# when HarfBuzz's subsetter is missing, with the names it takes from them.
DEFERRED_FONTTOOLS = {
    "fontTools.subset": (),
    "fontTools.varLib.instancer": ("instantiateVariableFont",),
}


@contextlib.contextmanager
def _fonttools_deferred() -> Iterator[None]:
    """While WeasyPrint imports, stand-ins for :data:`DEFERRED_FONTTOOLS` (0.1-0.15 s).

    Importing ``fontTools.subset`` and ``fontTools.varLib.instancer`` is about a fifth
    of WeasyPrint's import, and every report waits for it, yet a report with
    HarfBuzz's subsetter and no variable font never calls them. Each stand-in
    loads the real module on first use: an attribute of the module, or a call of a
    name WeasyPrint imported from it. The stand-ins leave ``sys.modules`` when the
    import ends, so any later import gets the real modules.
    """
    placed: dict[str, ModuleType] = {}
    for name, functions in DEFERRED_FONTTOOLS.items():
        if name in sys.modules:
            continue
        stand_in = ModuleType(name)
        stand_in.__getattr__ = functools.partial(_real_attribute, name)  # type: ignore[method-assign]
        stand_in.factcheck_stand_in = True
        for function in functions:
            setattr(stand_in, function, _deferred_call(name, function))
        placed[name] = sys.modules[name] = stand_in
    try:
        yield
    finally:
        for name, stand_in in placed.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]


def _real_attribute(module: str, attribute: str) -> Any:
    """``attribute`` of the real ``module``, imported now (a stand-in steps aside first).

    Dunder lookups (``__path__``, ``__spec__``: the import system's own questions)
    are answered "no" rather than loading anything.
    """
    if attribute.startswith("__"):
        raise AttributeError(attribute)
    import importlib

    if getattr(sys.modules.get(module), "factcheck_stand_in", False):
        del sys.modules[module]  # the stand-in itself: import the real module instead
    return getattr(importlib.import_module(module), attribute)


def _deferred_call(module: str, name: str) -> Callable[..., Any]:
    """A function that imports ``module`` on its first call and calls its ``name``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return _real_attribute(module, name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


_SIZED_ARRAY = r"([A-Za-z_][\w ]*)\[(\d+)\]"


class OpenArrayFFI:
    """A cffi FFI that allocates ``T[n]`` arrays as ``T[]``: one C parse, not one per size.

    WeasyPrint's font subsetter asks for ``ffi.new(f"hb_codepoint_t[{n}]", values)``
    with a new ``n`` for nearly every font of every document. cffi parses each new
    type string with pycparser (10-30 ms apiece), so the parses cost a report about
    0.1-0.2 s. ``T[]`` filled from the same values gives the same array, and that
    type is parsed once per process. Anything else goes to the real FFI unchanged.
    """

    def __init__(self, ffi: Any) -> None:
        self._ffi = ffi
        self._sized = re.compile(_SIZED_ARRAY)

    def new(self, cdecl: Any, init: Any = None) -> Any:
        if isinstance(cdecl, str) and isinstance(init, list | tuple):
            sized = self._sized.fullmatch(cdecl)
            if sized and int(sized.group(2)) == len(init):
                return self._ffi.new(f"{sized.group(1).rstrip()}[]", init)
        return self._ffi.new(cdecl, init)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ffi, name)


def _allocate_open_arrays(fonts_module: ModuleType) -> None:
    """Give WeasyPrint's font module an :class:`OpenArrayFFI` (once per process)."""
    if not isinstance(fonts_module.ffi, OpenArrayFFI):
        fonts_module.ffi = OpenArrayFFI(fonts_module.ffi)


class ParserRegexes(dict[tuple[Any, bool], "re.Pattern[str]"]):
    """tinyhtml5's cache of "characters until" patterns, filled under the right key.

    ``HTMLUnicodeInputStream.chars_until`` (tinyhtml5 2.x, WeasyPrint's HTML parser)
    looks a pattern up by ``(characters, opposite)`` but, through a chained
    assignment, stores it under ``(pattern, opposite)``: every call misses and
    rebuilds the pattern's source, about a third of the time it takes to parse a
    report page (some 10 ms a report). Filling a miss here, under the key looked
    up, makes the lookup succeed; the pattern is the one tinyhtml5 builds.
    """

    def __missing__(self, key: tuple[Any, bool]) -> re.Pattern[str]:
        characters, opposite = key
        listed = "".join(f"\\x{ord(character):02x}" for character in characters)
        pattern = self[key] = re.compile(f"[{'' if opposite else '^'}{listed}]+")
        return pattern


def _cache_parser_regexes(inputstream: ModuleType | None) -> None:
    """Give tinyhtml5's input stream a :class:`ParserRegexes` (once per process).

    A tinyhtml5 without that module-level cache (another version) is left alone.
    """
    cache = getattr(inputstream, "characters_until_regex", None)
    if isinstance(cache, dict) and not isinstance(cache, ParserRegexes):
        inputstream.characters_until_regex = ParserRegexes()


class DefaultLevelZlib:
    """zlib as pydyf (WeasyPrint's PDF writer) sees it: streams at zlib's default level.

    pydyf compresses every page, font and attachment stream at level 9, the slowest.
    On report PDFs, level 6 (zlib's default) writes files 2% larger in a third of the
    time: about 25 ms less per report, some 3% of it. Everything but ``compressobj``
    is the real module.
    """

    def __init__(self, zlib: ModuleType) -> None:
        self._zlib = zlib

    def compressobj(self, level: int = -1, *args: Any, **kwargs: Any) -> Any:
        return self._zlib.compressobj(self._zlib.Z_DEFAULT_COMPRESSION, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._zlib, name)


def _compress_at_default_level(pydyf: ModuleType) -> None:
    """Give pydyf a :class:`DefaultLevelZlib` (once per process)."""
    if not isinstance(pydyf.zlib, DefaultLevelZlib):
        pydyf.zlib = DefaultLevelZlib(pydyf.zlib)
