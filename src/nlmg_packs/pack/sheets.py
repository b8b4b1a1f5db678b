"""Spreadsheets as a pack source: the pack's lists read from .xlsx sheets or CSV files.

`read_sheets(folder)` turns every list it finds into the same plain data a YAML file would give
(`{"quotes": [{...}, ...]}`) plus a `SheetMap`, so `load_pack` validates it exactly as it
validates YAML and every problem names its cell. Layout: `pack.sheet_layout`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlmg_packs.errors import PackError, Problem, did_you_mean
from nlmg_packs.pack.loader import LoadedFile, display_path
from nlmg_packs.pack.sheet_cells import Table, read_csv, read_workbook
from nlmg_packs.pack.sheet_layout import SHEETS, Column, ListSheet, column_for, sheet_for
from nlmg_packs.pack.sheet_map import RowPlace, SheetMap

IGNORED_SHEETS = {"readme", "notes", "lisezmoi", "hinweise"}
"""Sheets a workbook may hold besides the lists (the starter workbook has a `Read me`)."""

_TRUE = {"true", "yes", "y", "1", "vrai", "oui", "ja", "wahr", "sí", "si", "verdadero", "tak",
         "prawda"}
_FALSE = {"false", "no", "n", "0", "faux", "non", "nein", "falsch", "falso", "nie", "fałsz"}
_RANGE = re.compile(r"^(\d+)\s*(?:-|–|—|;|,|to|à|bis|a|do)\s*(\d+)$")


def is_sheet_source(name: str) -> bool:
    """True for the file names `read_sheets` looks at (or ignores on purpose, as Excel's
    `~$name.xlsx` lock files), which the pack's unknown-file check must leave alone."""
    return name.lower().endswith((".xlsx", ".csv"))


@dataclass
class SheetSources:
    """What the spreadsheets of a pack folder hold, by the YAML file they stand for."""

    files: dict[str, LoadedFile] = field(default_factory=dict)
    """Readable lists, by YAML file name ("quotes.yaml")."""
    names: set[str] = field(default_factory=set)
    """Every YAML file some spreadsheet stands for, readable or not."""
    problems: list[Problem] = field(default_factory=list)


def read_sheets(folder: Path) -> SheetSources:
    """Read every `.xlsx` and `.csv` file of the pack folder `folder` (see the module doc)."""
    sources = SheetSources()
    tables: dict[str, Table] = {}
    for path in sorted(folder.iterdir()):
        if not is_sheet_source(path.name) or path.name.startswith("~$"):
            continue
        for name, table in _tables_of(path, sources.problems):
            if not table.problems and not _has_data(Table(table.file, table.sheet,
                                                          table.rows[1:])):
                continue  # headers only: the list is left out, as a missing YAML file is
            if name in tables:
                sources.problems.append(Problem(
                    table.file, None, None, f"a second {name} list (the first is in "
                    f"{_where(tables[name])})", "keep one of the two"))
            else:
                tables[name] = table
    for file in dict.fromkeys(s.file for s in SHEETS if s.name in tables):
        sources.names.add(file)
        group = [s for s in SHEETS if s.file == file and s.name in tables]
        if (folder / file).exists():
            sources.problems.append(Problem(
                display_path(folder / file), None, None, f"the {group[0].name} are also in "
                f"{_where(tables[group[0].name])}", f"keep either {file} or the spreadsheet"))
            continue
        loaded, reader = _assemble(group, tables)
        # A cell that could not be read (a formula, a date, an unknown column...) stops the
        # file's validation, which would report the same cell again as empty; a row naming an
        # unknown parent does not, since the parent's own mistake is often the cause.
        blocking = [p for s in group for p in tables[s.name].problems] + reader.problems
        sources.problems.extend(blocking + reader.links)
        if not blocking:
            sources.files[file] = loaded
    return sources


def _where(table: Table) -> str:
    name = Path(table.file).name  # the other file sits in the same pack folder
    return f"{name}, sheet {table.sheet}" if table.sheet else name


def _tables_of(path: Path, problems: list[Problem]) -> list[tuple[str, Table]]:
    shown = display_path(path)
    if not path.resolve().is_relative_to(path.parent.resolve()) or not path.is_file():
        problems.append(Problem(shown, None, None, "not a spreadsheet file inside the pack "
                                "folder (a link, a folder or a device)",
                                "copy the spreadsheet itself into the pack folder"))
        return []
    try:
        if path.suffix.lower() == ".csv":
            found = [(path.stem, read_csv(path, shown))]
        else:
            found = [(t.sheet or "", t) for t in read_workbook(path, shown)]
    except PackError as exc:
        problems.extend(exc.problems)
        return []
    result = []
    for title, table in found:
        sheet = sheet_for(title)
        if sheet is None:
            if table.sheet is None or (title.casefold().replace(" ", "") not in IGNORED_SHEETS
                                       and _has_data(table)):
                what = "sheet" if table.sheet else "file"
                problems.append(Problem(shown, None, None, f"unknown {what} `{title}`",
                                        did_you_mean(title, [s.name for s in SHEETS])
                                        + " (a sheet named Notes is left alone)"))
            continue
        result.append((sheet.name, table))
    return result


def _has_data(table: Table) -> bool:
    return any(_blank(v) is not None for row in table.rows for v in row)


def _blank(value: Any) -> Any:
    """None for an empty cell (or one holding only spaces), else the value."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _assemble(group: list[ListSheet], tables: dict[str, Table]) -> tuple[LoadedFile, _Reader]:
    """One YAML file's data, from its sheets (parents first), and its SheetMap."""
    reader = _Reader(SheetMap(tables[group[0].name].file))
    for sheet in group:
        table = tables[sheet.name]
        columns = _header(sheet, table, reader.problems)
        if sheet.parent is not None and sheet.parent not in reader.ids:
            reader.problems.append(table.problem(
                1, None, f"the {sheet.name} need a {sheet.parent} sheet to belong to",
                f"add a {sheet.parent.capitalize()} sheet listing each {sheet.link}"))
            continue
        reader.read(sheet, table, columns)
    return LoadedFile(reader.data, reader.lines), reader


def _header(sheet: ListSheet, table: Table, problems: list[Problem]) -> dict[int, Any]:
    """Column number → Column (or "link") for each header in row 1."""
    columns: dict[int, Any] = {}
    seen: dict[Any, int] = {}
    row = table.rows[0] if table.rows else []
    for number, header in enumerate(row, start=1):
        text = _blank(header)
        if text is None:
            continue
        column = column_for(sheet, str(text))
        if column is None:
            known = ([sheet.link] if sheet.link else []) + [c.header for c in sheet.columns]
            problems.append(table.problem(1, number, f"unknown column `{text}`",
                                          did_you_mean(str(text), known)))
        elif column in seen:
            problems.append(table.problem(1, number, f"a second `{text}` column",
                                          "keep one of the two"))
        else:
            seen[column] = number
            columns[number] = column
    return columns


@dataclass
class _Reader:
    """Reads the sheets of one YAML file into its plain data, recording each row's place."""

    lines: SheetMap
    data: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    ids: dict[str, dict[str, tuple[tuple[Any, ...], dict[str, Any]]]] = field(
        default_factory=dict)
    """Sheet name → entry id → (key path, entry), for linking children to parents."""
    problems: list[Problem] = field(default_factory=list)
    links: list[Problem] = field(default_factory=list)
    """Rows naming no known parent: reported, and left out of the data."""

    def read(self, sheet: ListSheet, table: Table, columns: dict[int, Any]) -> None:
        """Every non-empty row of `table` as an entry of `sheet`'s list."""
        mine = self.ids.setdefault(sheet.name, {})
        if sheet.parent is None:
            self.data[sheet.key] = []
            self.lines.lists[(sheet.key,)] = table
        link = None
        for r, row in enumerate(table.rows[1:], start=2):
            if all(_blank(v) is None for v in row):
                continue  # empty rows between entries are fine
            place = RowPlace(table, r)
            entry, given = self._entry(row, columns, place)
            link = given or link  # an empty link cell: the same parent as the row above
            path = self._attach(sheet, entry, link, place, columns)
            if path is None:
                continue
            self.lines.rows[path] = place
            if isinstance(entry.get("id"), str):
                mine.setdefault(entry["id"], (path, entry))

    def _entry(self, row: list[Any], columns: dict[int, Any],
               place: RowPlace) -> tuple[dict[str, Any], str | None]:
        entry: dict[str, Any] = {}
        link = None
        heads = place.table.rows[0]
        for number, column in columns.items():
            raw = _blank(row[number - 1]) if number <= len(row) else None
            if column == "link":
                link = None if raw is None else _text(raw)
                continue
            header = str(heads[number - 1]).strip()
            place.columns[column.path] = (number, header, column)
            if raw is not None:
                _put(entry, column.path, _coerce(raw, column, place.table,
                                                 (place.row, number, header), self.problems))
        return entry, link

    def _attach(self, sheet: ListSheet, entry: dict[str, Any], link: str | None,
                place: RowPlace, columns: dict[int, Any]) -> tuple[Any, ...] | None:
        if sheet.parent is None:
            self.data[sheet.key].append(entry)
            return (sheet.key, len(self.data[sheet.key]) - 1)
        parents = self.ids[sheet.parent]
        if link is None or link not in parents:
            number = next((n for n, c in columns.items() if c == "link"), None)
            what = sheet.parent[:-1]
            self.links.append(place.table.problem(
                place.row, number,
                f"no {what} `{link}` in the {sheet.parent} sheet" if link
                else f"the {sheet.link} is not given",
                did_you_mean(link, parents) if link
                else f"write the id of its {sheet.link} in the `{sheet.link}` column",
                header=sheet.link))
            return None
        parent_path, parent = parents[link]
        *above, last = sheet.key.split(".")
        for key in above:
            parent = parent.setdefault(key, {})
        siblings = parent.setdefault(last, [])
        siblings.append(entry)
        return (*parent_path, *above, last, len(siblings) - 1)


def _put(entry: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        entry = entry.setdefault(key, {})
    entry[path[-1]] = value


def _coerce(raw: Any, column: Column, table: Table, at: tuple[int, int, str],
            problems: list[Problem]) -> Any:
    """The cell's value as the YAML would hold it; what cannot be read is left for the
    validation to report, except dates, which only a spreadsheet invents."""
    if isinstance(raw, datetime.date | datetime.time):
        problems.append(table.problem(at[0], at[1], f"the spreadsheet turned this cell into a "
                                      f"date or time ({_show_date(raw)})", _date_hint(column),
                                      header=at[2]))
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if column.kind == "int":
        return int(raw) if isinstance(raw, str) and re.fullmatch(r"[+-]?\d+", raw) else raw
    if column.kind == "bool":
        if isinstance(raw, str) and raw.casefold() in _TRUE | _FALSE:
            return raw.casefold() in _TRUE
        return bool(raw) if isinstance(raw, int) and raw in (0, 1) else raw
    if column.kind == "range":
        return _chapter_range(raw)
    if column.kind == "list":
        text = _text(raw)
        items = text.split("\n") if "\n" in text else text.split(";")
        return [item.strip() for item in items if item.strip()]
    return _text(raw)


def _chapter_range(raw: Any) -> Any:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return [raw]
    text = _text(raw)
    if text.isdigit():
        return [int(text)]
    found = _RANGE.match(text)
    return [int(found.group(1)), int(found.group(2))] if found else text


def _text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    return str(raw)


def _show_date(value: datetime.date | datetime.time) -> str:
    if isinstance(value, datetime.datetime) and value.time() != datetime.time():
        return value.strftime("%d %B %Y %H:%M").lstrip("0")
    if isinstance(value, datetime.date):
        return value.strftime("%d %B %Y").lstrip("0")
    return value.strftime("%H:%M")


def _date_hint(column: Column) -> str:
    typed = "3-5" if column.kind == "range" else "the text"
    return (f"if you typed {typed}, format the column as Text (Format Cells, Text) and type it "
            f"again, or start it with an apostrophe: '{typed}")
