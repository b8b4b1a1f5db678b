"""Write a pack's lists as an .xlsx workbook that `read_sheets` reads back to the same data.

One sheet per list in `sheet_layout.SHEETS` order, headers in row 1 (bold, frozen), one entry a
row; values written by `sheet_values.cell_value` (lists joined with `; `, or with line breaks
when an item itself holds a `;`; chapter ranges as text such as `3-5`, so no spreadsheet turns
them into dates); a test item's options and pairs, and a rubric's levels, in numbered columns.
Uses openpyxl.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from nlmg_packs.errors import PackError, Problem
from nlmg_packs.pack.sheet_layout import (
    BY_NAME,
    NUMBERED_COUNT,
    SHEETS,
    Column,
    ListSheet,
    header,
    sheet_title,
    written_columns,
)
from nlmg_packs.pack.sheet_values import CellError, cell_value

_WIDTHS = {"text": 40, "list": 30, "standards": 30, "int": 9, "bool": 9, "range": 10,
           "span": 10, "marks": 9}
"""Column widths, in characters, by kind of cell; ids and short fields use 18."""


READ_ME = (
    "One sheet per list; row 1 holds the column headers, each row below is one entry.",
    "Text starting with REPLACE is a placeholder: write your own in its place.",
    "Lists in a cell (themes, questions, quote ids...) are separated by ;",
    "Ids are lower-case words joined by hyphens (opening-line); other sheets refer to entries "
    "by id.",
    "Activities, Lessons, Steps, Provenance, Pages, Frame, Word sources and Criteria name the "
    "entry they belong to in the first column; an empty cell there means the same as the row "
    "above.",
    "Test items: one row each; options in option 1, option 2... with rationale 1, 2... beside "
    "them, and the numbers of the right ones in correct (1 or 1; 3).",
    "Chapters: 7, or a range 3-5. If the spreadsheet turns 3-5 into a date, format the column "
    "as Text.",
    "Check and build: nlmg-packs build PACK --watch (every mistake names its cell).",
    "This sheet is not read; the full description is docs/pack-format.md, Spreadsheets.",
)
"""The `Read me` sheet of the starter workbook (`new --from-spreadsheet`)."""


def entries(data: dict[str, Any], sheet: ListSheet) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """(parent id, entry) for each entry of `sheet` in `data`, a YAML file's plain data."""
    if sheet.parent is None:
        for entry in data.get(sheet.key, []):
            yield None, entry
        return
    parent = BY_NAME[sheet.parent]
    for _, owner in entries(data, parent):
        for entry in _field(owner, tuple(sheet.key.split("."))) or []:
            yield owner[parent.id_field], entry


def _field(entry: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(entry, dict):
            return None
        entry = entry.get(key)  # type: ignore[assignment]
    return entry


def workbook_bytes(files: dict[str, dict[str, Any]], language: str = "en",
                   template: bool = False) -> bytes:
    """An .xlsx workbook of the lists in `files` (YAML file name → its plain data).

    With `template`, sheets are written for every list even when empty (for a starter pack).
    Raises PackError when a value cannot be written to a cell.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    if template:
        notes = book.create_sheet("Read me")
        for line in READ_ME:
            notes.append([line])
        notes.column_dimensions["A"].width = 100
    for sheet in SHEETS:
        data = files.get(sheet.file)
        if data is None and not template:
            continue
        rows = list(entries(data or {}, sheet))
        _check_links(sheet, rows)
        columns = written_columns(sheet, _counts(sheet, [entry for _, entry in rows]))
        ws = book.create_sheet(sheet_title(sheet, language))
        ws.append([header(sheet, c, language) for c in columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for parent_id, entry in rows:
            ws.append(_row(sheet, columns, parent_id, entry))
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, not a formula
        for number, column in enumerate(columns, start=1):
            ws.column_dimensions[ws.cell(1, number).column_letter].width = _width(column)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _check_links(sheet: ListSheet, rows: list[tuple[str | None, dict[str, Any]]]) -> None:
    """Raise PackError when two entries that have child rows share the key their children
    name them by (two vocabulary words `lamp`, both with sources): no cell could tell them
    apart."""
    children = [tuple(c.key.split(".")) for c in SHEETS if c.parent == sheet.name]
    seen: set[Any] = set()
    for _, entry in rows:
        if not any(_field(entry, key) for key in children):
            continue
        key = entry.get(sheet.id_field)
        if key in seen:
            what = _SINGULAR.get(sheet.name, sheet.name[:-1])
            raise PackError([Problem(sheet.file, None, None, f"two {what}s `{key}` have rows in "
                                     "a sheet below, which names them by "
                                     f"{sheet.id_field} and could not tell them apart",
                                     f"make each {sheet.id_field} different, or keep this list "
                                     "in YAML")])
        seen.add(key)


def _width(column: Column | str) -> int:
    """A column's width in characters: 18 for links, ids and short fields."""
    if isinstance(column, str) or column.path[-1] in ("id", "type", "part", "word"):
        return 18
    return _WIDTHS.get(column.kind, 18)


def _counts(sheet: ListSheet, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Numbered columns to write per list: as many as the longest entry needs, at least
    NUMBERED_COUNT, so a teacher finds room for a fourth option."""
    groups = {str(c.group) for c in sheet.columns if c.numbered}
    return {g: max([NUMBERED_COUNT] + [len(_field(r, (g,)) or []) for r in rows])
            for g in groups}


def _row(sheet: ListSheet, columns: list[Column | str], parent_id: str | None,
         entry: dict[str, Any]) -> list[Any]:
    missing = _uncovered(sheet, entry)
    if missing:
        raise PackError([Problem(sheet.file, None, None, f"{_label(sheet, parent_id, entry)} "
                                 f"has `{missing[0]}`, which no column of the "
                                 f"{sheet.title} sheet holds",
                                 "keep this list in YAML: a workbook would lose it")])
    row: list[Any] = []
    for column in columns:
        if isinstance(column, str):
            row.append(parent_id)
            continue
        try:
            row.append(_cell(column, entry))
        except CellError as exc:
            raise PackError([Problem(sheet.file, None, None, f"{_label(sheet, parent_id, entry)}"
                                     f", column `{header(sheet, column)}`: {exc.args[0]}",
                                     exc.args[1])]) from None
    return row


def _cell(column: Column, entry: dict[str, Any]) -> Any:
    """What `column`'s cell holds for `entry`."""
    if column.kind == "marks":
        elements = _field(entry, (str(column.group),)) or []
        return "; ".join(str(n) for n, e in enumerate(elements, 1) if e.get(column.path[-1]))
    if column.numbered:
        group, number, name = column.path
        elements = _field(entry, (str(group),)) or []
        assert isinstance(number, int)
        value = elements[number - 1].get(name) if number <= len(elements) else None
        return cell_value(value, column)
    return cell_value(_field(entry, column.path), column)


_SINGULAR = {"vocabulary": "word", "word sources": "word source", "criteria": "criterion",
             "pages": "page reference", "frame": "frame layer", "provenance": "source",
             "activities": "activity"}


def _label(sheet: ListSheet, parent_id: str | None, entry: dict[str, Any]) -> str:
    """How an error names an entry: "quote `q-lamp`", "activity of worksheet `w`"."""
    what = _SINGULAR.get(sheet.name, sheet.name[:-1])
    if sheet.id_field in entry:
        return f"{what} `{entry[sheet.id_field]}`"
    parent = BY_NAME[str(sheet.parent)]
    return f"{what} of {_SINGULAR.get(parent.name, parent.name[:-1])} `{parent_id}`"


def _uncovered(sheet: ListSheet, entry: dict[str, Any]) -> list[str]:
    """Dotted keys of `entry` with a value that neither a column nor a child sheet holds (a
    field added to the pack format but not yet to `sheet_layout`)."""
    covered = {c.path for c in sheet.columns if c.group is None}
    covered |= {tuple(s.key.split(".")) for s in SHEETS if s.parent == sheet.name}
    numbered = {(str(c.group), c.path[-1]) for c in sheet.columns if c.group is not None}
    groups = {group for group, _ in numbered}
    found: list[str] = []

    def walk(value: Any, path: tuple[str, ...]) -> None:
        if path in covered or value is None or value == []:
            return
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, (*path, key))
        elif len(path) == 1 and path[0] in groups and isinstance(value, list):
            found.extend(f"{path[0]}.{key}" for element in value for key, inner in
                         element.items() if (path[0], key) not in numbered and inner is not None)
        else:
            found.append(".".join(path))

    walk(entry, ())
    return found


_LISTS = {"discussion.yaml": ("prompts",), "quotes.yaml": ("quotes",),
          "worksheets.yaml": ("worksheets",), "courses.yaml": ("courses",),
          "vocabulary.yaml": ("words",), "tests.yaml": ("items", "tests"),
          "rubrics.yaml": ("rubrics", "assignments")}
"""The files a workbook can hold, with their lists as `Pack` attributes of the same names."""


def pack_lists(pack: Any) -> dict[str, dict[str, Any]]:
    """The plain data of a loaded pack's list files, as their YAML would hold it."""
    found = {}
    for file, keys in _LISTS.items():
        data = {key: [item.model_dump(exclude_none=True) for item in getattr(pack, key)]
                for key in keys}
        if any(data.values()):
            found[file] = data
    return found
