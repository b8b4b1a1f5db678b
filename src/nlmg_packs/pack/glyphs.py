"""Find characters a font cannot draw in every text of a pack, located at their YAML line.

The PDF renderer checks glyphs per document block and can only name the line of blocks that
carry an `Origin` (tables and lists do not). Checking the validated pack itself names the exact
line of every text, whichever document it ends up in. Both use `fonts.missing_glyphs`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from nlmg_packs.errors import Problem
from nlmg_packs.fonts import Coverage, missing_glyphs
from nlmg_packs.pack.loader import KeyPath, LineMap
from nlmg_packs.pack.pack import Pack

_SOURCES = (("pack.yaml", "meta", ()), ("discussion.yaml", "prompts", ("prompts",)),
            ("quotes.yaml", "quotes", ("quotes",)),
            ("worksheets.yaml", "worksheets", ("worksheets",)),
            ("courses.yaml", "courses", ("courses",)),
            ("matter.yaml", "matter", ()), ("vocabulary.yaml", "words", ("words",)),
            ("tests.yaml", "items", ("items",)), ("tests.yaml", "tests", ("tests",)),
            ("rubrics.yaml", "rubrics", ("rubrics",)),
            ("rubrics.yaml", "assignments", ("assignments",)))


def uncovered_characters(pack: Pack, coverage: Coverage) -> list[Problem]:
    """One problem per (character, line) of the pack's text that `coverage` cannot draw."""
    def texts() -> Iterator[tuple[tuple[LineMap, KeyPath], str]]:
        for file, path, text in pack_texts(pack):
            yield (pack.lines.get(file) or LineMap(file), path), text

    def locate(where: tuple[LineMap, KeyPath], message: str, hint: str) -> Problem:
        return where[0].problem(where[1], message, hint)

    return missing_glyphs(texts(), coverage, locate)


def pack_texts(pack: Pack) -> Iterator[tuple[str, KeyPath, str]]:
    """Every string of the pack's files: (file name, key path in it, text)."""
    for file, attribute, prefix in _SOURCES:
        for path, text in _strings(getattr(pack, attribute), prefix):
            yield file, path, text


def _strings(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
