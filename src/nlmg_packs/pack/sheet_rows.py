"""Rows of a sheet into the entries of one YAML file's lists, each entry's cells recorded.

`RowReader.read(sheet, table, columns)` turns each non-empty row into an entry (a child row is
attached to the parent its link cell names), gathers numbered columns into their list (`option
1`, `option 2` → `options`), and records in the `SheetMap` which cell holds each field, so the
pack's validation names the cell of each problem. Cell values: `sheet_values`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nlmg_packs.errors import Problem, did_you_mean
from nlmg_packs.pack.sheet_cells import Table
from nlmg_packs.pack.sheet_layout import Column, ListSheet
from nlmg_packs.pack.sheet_map import RowPlace, SheetMap
from nlmg_packs.pack.sheet_values import blank, read_cell, text

Columns = dict[int, Column | str]
"""Column number (1-based) → the Column its header names, or "link"."""


@dataclass
class RowReader:
    """Reads the sheets of one YAML file into its plain data, recording each row's place."""

    lines: SheetMap
    data: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    ids: dict[str, dict[str, tuple[tuple[Any, ...], dict[str, Any]]]] = field(
        default_factory=dict)
    """Sheet name → entry id → (key path, entry), for linking children to parents."""
    problems: list[Problem] = field(default_factory=list)
    links: list[Problem] = field(default_factory=list)
    """Rows naming no known parent: reported, and left out of the data."""

    def read(self, sheet: ListSheet, table: Table, columns: Columns) -> None:
        """Every non-empty row of `table` as an entry of `sheet`'s list."""
        mine = self.ids.setdefault(sheet.name, {})
        if sheet.parent is None:
            self.data[sheet.key] = []
            self.lines.lists[(sheet.key,)] = table
        link = None
        for r, row in enumerate(table.rows[1:], start=2):
            if all(blank(v) is None for v in row):
                continue  # empty rows between entries are fine
            place = RowPlace(table, r)
            entry, given = self._entry(row, columns, place)
            link = given or link  # an empty link cell: the same parent as the row above
            path = self._attach(sheet, entry, link, place, columns)
            if path is None:
                continue
            self.lines.rows[path] = place
            if isinstance(entry.get(sheet.id_field), str):
                mine.setdefault(entry[sheet.id_field], (path, entry))

    def _entry(self, row: list[Any], columns: Columns,
               place: RowPlace) -> tuple[dict[str, Any], str | None]:
        entry: dict[str, Any] = {}
        link = None
        heads = place.table.rows[0]
        marks: list[tuple[Column, list[int], int]] = []
        for number, column in columns.items():
            cell = row[number - 1] if number <= len(row) else None
            raw = blank(cell)
            if isinstance(column, str):
                link = None if raw is None else text(raw)
                continue
            header = str(heads[number - 1]).strip()
            place.columns[column.path] = (number, header, column)
            if raw is None:
                continue

            def report(message: str, hint: str, at: int = number, head: str = header) -> None:
                self.problems.append(place.table.problem(place.row, at, message, hint,
                                                         header=head))

            value = read_cell(cell, column, report)
            if column.kind == "marks":
                marks.append((column, value or [], number))
            elif value is not None:
                _put(entry, column.path, value)
        for column, numbers, at in marks:
            self._mark(entry, column, numbers, place, at)
        _gather(entry, place)
        return entry, link

    def _mark(self, entry: dict[str, Any], column: Column, numbers: list[int],
              place: RowPlace, at: int) -> None:
        """`correct: true` on each option a `marks` cell names (`1; 3`)."""
        group = str(column.group)
        given = entry.get(group, {})
        for n in numbers:
            if n not in given:
                header = place.columns[column.path][1]
                self.problems.append(place.table.problem(
                    place.row, at, f"there is no option {n} in this row",
                    "write the numbers of the right options, e.g. 1 or 1; 3, and fill in "
                    f"`option {n}`" if n else "options are numbered from 1", header=header))
                continue
            given[n][column.path[-1]] = True

    def _attach(self, sheet: ListSheet, entry: dict[str, Any], link: str | None,
                place: RowPlace, columns: Columns) -> tuple[Any, ...] | None:
        if sheet.parent is None:
            self.data[sheet.key].append(entry)
            return (sheet.key, len(self.data[sheet.key]) - 1)
        parents = self.ids[sheet.parent]
        if link is None or link not in parents:
            number = next((n for n, c in columns.items() if c == "link"), None)
            what = "vocabulary word" if sheet.parent == "vocabulary" else sheet.parent[:-1]
            self.links.append(place.table.problem(
                place.row, number,
                f"no {what} `{link}` in the {sheet.parent} sheet" if link
                else f"the {sheet.link} is not given",
                did_you_mean(link, parents) if link
                else f"write the id of its {sheet.link} in the `{sheet.link}` column"
                if sheet.link != "word" else "write the word it belongs to in the `word` column",
                header=sheet.link))
            return None
        parent_path, parent = parents[link]
        *above, last = sheet.key.split(".")
        for key in above:
            parent = parent.setdefault(key, {})
        siblings = parent.setdefault(last, [])
        siblings.append(entry)
        return (*parent_path, *above, last, len(siblings) - 1)


def _put(entry: dict[Any, Any], path: tuple[str | int, ...], value: Any) -> None:
    for key in path[:-1]:
        entry = entry.setdefault(key, {})
    entry[path[-1]] = value


def _gather(entry: dict[str, Any], place: RowPlace) -> None:
    """Numbered cells (kept by number: {"options": {1: {...}, 3: {...}}}) into their list, in
    number order, gaps closed; the recorded cells follow each element to its list index."""
    for group, numbered in list(entry.items()):
        if not (isinstance(numbered, dict) and numbered
                and all(isinstance(n, int) for n in numbered)):
            continue
        order = {n: index for index, n in enumerate(sorted(numbered))}
        entry[group] = [numbered[n] for n in sorted(numbered)]
        for path, cell in list(place.columns.items()):
            if len(path) == 3 and path[0] == group and isinstance(path[1], int):
                del place.columns[path]
                if path[1] in order:
                    place.columns[(group, order[path[1]], path[2])] = cell
                    place.columns.setdefault((group, order[path[1]]), cell)
            elif len(path) == 3 and path[0] == group:  # a marks column: every element
                for index in order.values():
                    place.columns.setdefault((group, index, path[2]), cell)
                place.columns.setdefault((group,), cell)
