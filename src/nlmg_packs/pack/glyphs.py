"""Find characters a font cannot draw in every text of a pack, located at their YAML line.

The PDF renderer checks glyphs per document block and can only name the line of blocks that
carry an `Origin` (tables and lists do not). Checking the validated pack itself names the exact
line of every text, whichever document it ends up in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from nlmg_packs.errors import Problem
from nlmg_packs.pack.loader import KeyPath, LineMap
from nlmg_packs.pack.pack import Pack

_SOURCES = (("pack.yaml", "meta", ()), ("discussion.yaml", "prompts", ("prompts",)),
            ("quotes.yaml", "quotes", ("quotes",)),
            ("worksheets.yaml", "worksheets", ("worksheets",)),
            ("courses.yaml", "courses", ("courses",)))


Faults = Callable[[str], Iterable[tuple[str, str, str]]]
"""A text → (character, message, hint) for each character that cannot be drawn."""


def uncovered_characters(pack: Pack, faults: Faults) -> list[Problem]:
    """One problem per (character, line) that `faults` finds in a text of the pack."""
    problems: list[Problem] = []
    seen: set[tuple[str, str, int | None]] = set()
    for file, attribute, prefix in _SOURCES:
        lines = pack.lines.get(file) or LineMap(file)
        for path, text in _strings(getattr(pack, attribute), prefix):
            for char, message, hint in faults(text):
                problem = lines.problem(path, message, hint)
                key = (char, problem.file, problem.line)
                if key not in seen:
                    seen.add(key)
                    problems.append(problem)
    return problems


def _strings(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
