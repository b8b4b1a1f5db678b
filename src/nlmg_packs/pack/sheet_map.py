"""The spreadsheet counterpart of a YAML file's line map: key path → sheet, row and cell.

The pack's validation (pydantic models, `pack.references`, the glyph check) locates problems
through `LineMap.problem(path, message, hint)`; a `SheetMap` answers the same call with a
`CellProblem` naming the cell, and words the hint for a spreadsheet instead of YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlmg_packs.errors import Problem
from nlmg_packs.pack.loader import KeyPath, LineMap
from nlmg_packs.pack.sheet_cells import Table
from nlmg_packs.pack.sheet_layout import Column


@dataclass
class RowPlace:
    """Where one entry of a list was read: its table, row and the columns it has."""

    table: Table
    row: int
    columns: dict[tuple[str | int, ...], tuple[int, str, Column]] = field(default_factory=dict)
    """Field path within the entry → (column number, header as written, column)."""


_SHEET_HINTS = {
    "put the value in quotes": "write it as text",
    "write digits only, without quotes": "write the number in digits, e.g. 7",
    "write `true` or `false`": "write TRUE or FALSE",
    "write `key: value` lines indented under it": "fill in the columns of this entry",
    "list the options and mark the right one(s) `correct: true`":
        "fill in `option 1`, `option 2`... and write the number of each right option in "
        "`correct`, e.g. 1 or 1; 3",
    "add `pairs:`": "fill in `left quote 1` (or `left text 1`) and `right character 1` (or "
                    "`right text 1`), and so on for each pair",
}
_LIST_HINTS = {"list": "separate the items with `;`",
               "range": "write one chapter, 7, or a range, 3-5"}
_FIELD_PREFIX = re.compile(r"^`[\w.]+`:? ")
_YAML_KEY = re.compile(r"`(\w+):(?: true| false)?`")
"""A key as YAML writes it (`correction:`, `correct: true`): a column's name in a sheet."""
_MISSING = re.compile(r"^missing `([\w.]+)`$")


@dataclass
class SheetMap(LineMap):
    """A LineMap whose problems point at spreadsheet cells (`file` is the first source)."""

    rows: dict[KeyPath, RowPlace] = field(default_factory=dict)
    """The entry at each key path, e.g. ("quotes", 3) → row 5 of sheet Quotes."""
    lists: dict[KeyPath, Table] = field(default_factory=dict)
    """The table each list was read from, e.g. ("quotes",) → sheet Quotes."""

    def locate(self, path: KeyPath) -> tuple[int | None, int | None]:
        """(row, column) of `path`'s cell, or of the nearest entry or sheet above it."""
        found = self._find(path)
        if found is None:
            return None, None
        place, rest = found
        cell = _column(place, rest)
        return place.row, cell[0] if cell else None

    def problem(self, path: KeyPath, message: str, hint: str = "") -> Problem:
        """A problem at the cell `path` was read from, worded for a spreadsheet."""
        found = self._find(path)
        if found is None:
            for key, table in sorted(self.lists.items(), key=lambda kv: -len(kv[0])):
                if tuple(path[: len(key)]) == key:
                    return table.problem(1, None, message, hint)
            return Problem(self.file, None, None, message, hint)
        place, rest = found
        missing = _MISSING.match(message)
        if missing:
            rest = (*rest, *missing.group(1).split("."))
            cell = _column(place, rest, prefix=True)
            if cell is None:
                named = str(rest[-1]).replace("_", " ")
                return place.table.problem(place.row, None, message,
                                           f"add a column headed `{named}` and fill it in")
            return place.table.problem(place.row, cell[0], "empty", "fill it in",
                                       header=cell[1])
        cell = _column(place, rest)
        message = _YAML_KEY.sub(r"`\1`", message)
        if cell is None:
            return place.table.problem(place.row, None, message, _sheet_hint(hint, None))
        number, header, column = cell
        return place.table.problem(place.row, number, _FIELD_PREFIX.sub("", message),
                                   _sheet_hint(hint, column), header=header)

    def _find(self, path: KeyPath) -> tuple[RowPlace, tuple[str | int, ...]] | None:
        for end in range(len(path), -1, -1):
            place = self.rows.get(tuple(path[:end]))
            if place is not None:
                return place, tuple(path[end:])
        return None


def _column(place: RowPlace, rest: tuple[str | int, ...],
            prefix: bool = False) -> tuple[int, str, Column] | None:
    """The column holding `rest` (or, with `prefix`, the first one under it)."""
    for end in range(len(rest), 0, -1):
        if rest[:end] in place.columns:
            return place.columns[rest[:end]]
    if prefix:
        under = [cell for key, cell in place.columns.items() if key[: len(rest)] == rest]
        if under:
            return min(under)
    return None


def _sheet_hint(hint: str, column: Column | None) -> str:
    if column is not None and column.kind in _LIST_HINTS and (
            "`[a, b]`" in hint or hint == "add more"):
        return _LIST_HINTS[column.kind]
    return _YAML_KEY.sub(r"`\1`", _SHEET_HINTS.get(hint, hint))
