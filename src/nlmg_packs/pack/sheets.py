"""Spreadsheets as a pack source: the pack's lists read from .xlsx sheets or CSV files.

`read_sheets(folder)` turns every list it finds into the same plain data a YAML file would give
(`{"quotes": [{...}, ...]}`) plus a `SheetMap`, so `load_pack` validates it exactly as it
validates YAML and every problem names its cell. Layout: `pack.sheet_layout`; rows into
entries: `pack.sheet_rows`; cell values: `pack.sheet_values`; cells: `pack.sheet_cells`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlmg_packs.errors import PackError, Problem, did_you_mean
from nlmg_packs.pack.loader import LoadedFile, display_path
from nlmg_packs.pack.sheet_cells import Table, read_csv, read_workbook
from nlmg_packs.pack.sheet_layout import SHEETS, ListSheet, column_for, sheet_for
from nlmg_packs.pack.sheet_map import SheetMap
from nlmg_packs.pack.sheet_rows import Columns, RowReader
from nlmg_packs.pack.sheet_values import blank

IGNORED_SHEETS = {"readme", "notes", "lisezmoi", "hinweise"}
"""Sheets a workbook may hold besides the lists (the starter workbook has a `Read me`)."""


_PLURAL = {"vocabulary": "vocabulary words", "items": "test items"}


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
                display_path(folder / file), None, None,
                f"the {_PLURAL.get(group[0].name, group[0].name)} are also in "
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
    return any(blank(v) is not None for row in table.rows for v in row)


def _assemble(group: list[ListSheet], tables: dict[str, Table]) -> tuple[LoadedFile, RowReader]:
    """One YAML file's data, from its sheets (parents first), and its SheetMap."""
    reader = RowReader(SheetMap(tables[group[0].name].file))
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


def _header(sheet: ListSheet, table: Table, problems: list[Problem]) -> Columns:
    """Column number → Column (or "link") for each header in row 1."""
    columns: Columns = {}
    seen: dict[Any, int] = {}
    row = table.rows[0] if table.rows else []
    for number, header in enumerate(row, start=1):
        text = blank(header)
        if text is None:
            continue
        column = column_for(sheet, str(text))
        if column is None:
            known = ([sheet.link] if sheet.link else []) + [
                c.header + (" 1" if c.numbered else "") for c in sheet.columns]
            problems.append(table.problem(1, number, f"unknown column `{text}`",
                                          did_you_mean(str(text), known)))
        elif column in seen:
            problems.append(table.problem(1, number, f"a second `{text}` column",
                                          "keep one of the two"))
        else:
            seen[column] = number
            columns[number] = column
    return columns
