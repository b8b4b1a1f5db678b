"""Write a pack's lists as an .xlsx workbook that `read_sheets` reads back to the same data.

One sheet per list in `sheet_layout.SHEETS` order, headers in row 1 (bold, frozen), one entry a
row; lists joined with `; ` (or with line breaks when an item itself holds a `;`), chapter
ranges as text such as `3-5` so no spreadsheet turns them into dates. Uses openpyxl.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from nlmg_packs.errors import PackError, Problem
from nlmg_packs.pack.sheet_layout import SHEETS, Column, ListSheet, headers, sheet_title

_WIDTHS = {"text": 40, "list": 30, "int": 9, "bool": 9, "range": 10}
"""Column widths, in characters, by kind of cell; ids and short fields use 18."""


READ_ME = (
    "One sheet per list; row 1 holds the column headers, each row below is one entry.",
    "Text starting with REPLACE is a placeholder: write your own in its place.",
    "Lists in a cell (themes, questions, quote ids...) are separated by ;",
    "Ids are lower-case words joined by hyphens (opening-line); other sheets refer to entries "
    "by id.",
    "Activities, Lessons and Steps name their worksheet, course or lesson in the first column; "
    "an empty cell there means the same as the row above.",
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
    parent = next(s for s in SHEETS if s.name == sheet.parent)
    for _, owner in entries(data, parent):
        for entry in _field(owner, tuple(sheet.key.split("."))) or []:
            yield owner["id"], entry


def cell_value(value: Any, column: Column) -> Any:
    """One field's value as its cell holds it; raises ValueError for a list item with a line
    break, which no cell could give back."""
    if value is None:
        return None
    if column.kind == "range":
        return str(value[0]) if len(value) == 1 else f"{value[0]}-{value[-1]}"
    if column.kind == "list":
        if not value:
            return None
        items = [str(v) for v in value]
        if any("\n" in item for item in items):
            raise ValueError("a list item holds a line break")
        return ("\n" if any(";" in item for item in items) else "; ").join(items)
    return value


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
        ws = book.create_sheet(sheet_title(sheet, language))
        ws.append(headers(sheet, language))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for parent_id, entry in entries(data or {}, sheet):
            ws.append(_row(sheet, parent_id, entry))
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, not a formula
        kinds = (["text"] if sheet.link else []) + [c.kind for c in sheet.columns]
        for number, kind in enumerate(kinds, start=1):
            wide = kind in ("list", "text") and number > 1 + bool(sheet.link)
            ws.column_dimensions[ws.cell(1, number).column_letter].width = (
                _WIDTHS[kind] if wide or kind not in ("list", "text") else 18)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(sheet: ListSheet, parent_id: str | None, entry: dict[str, Any]) -> list[Any]:
    missing = _uncovered(sheet, entry)
    if missing:
        raise PackError([Problem(sheet.file, None, None, f"{sheet.name[:-1]} "
                                 f"`{entry.get('id', '')}` has `{missing[0]}`, which no "
                                 f"column of the {sheet.title} sheet holds",
                                 "keep this list in YAML: a workbook would lose it")])
    row: list[Any] = [parent_id] if sheet.link else []
    for column in sheet.columns:
        try:
            row.append(cell_value(_field(entry, column.path), column))
        except ValueError as exc:
            raise PackError([Problem(sheet.file, None, None, f"{sheet.name[:-1]} "
                                     f"`{entry.get('id', '')}`, column `{column.header}`: {exc}",
                                     "join the item's lines into one to export it")]) from None
    return row


def _uncovered(sheet: ListSheet, entry: dict[str, Any]) -> list[str]:
    """Dotted keys of `entry` with a value that neither a column nor a child sheet holds (a
    field added to the pack format but not yet to `sheet_layout`)."""
    covered = {c.path for c in sheet.columns}
    covered |= {tuple(s.key.split(".")) for s in SHEETS if s.parent == sheet.name}
    found: list[str] = []

    def walk(value: Any, path: tuple[str, ...]) -> None:
        if path in covered or value is None or value == []:
            return
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, (*path, key))
        else:
            found.append(".".join(path))

    walk(entry, ())
    return found


def pack_lists(pack: Any) -> dict[str, dict[str, Any]]:
    """The plain data of a loaded pack's list files, as their YAML would hold it."""
    dumps = {"discussion.yaml": ("prompts", pack.prompts), "quotes.yaml": ("quotes", pack.quotes),
             "worksheets.yaml": ("worksheets", pack.worksheets),
             "courses.yaml": ("courses", pack.courses)}
    return {file: {key: [item.model_dump(exclude_none=True) for item in items]}
            for file, (key, items) in dumps.items() if items}
