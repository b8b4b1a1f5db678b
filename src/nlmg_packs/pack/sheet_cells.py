"""Read the cells of a CSV file or of an .xlsx workbook's sheets, each with its coordinate.

CSV: UTF-8 with or without a byte-order mark, `,` `;` or tab separators (the separator of the
header row wins), CRLF or LF line ends. XLSX: read with openpyxl (imported here, lazily); a
formula gives its cached value (the result Excel or LibreOffice saved), a formula without one is
refused; a merged range down one column gives its value to every row it covers, a range across
columns is refused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlmg_packs.errors import Problem

MAX_SHEET_FILE_BYTES = 10 * 1024 * 1024
"""A CSV file or workbook larger than this is refused before it is opened."""

MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""A workbook whose parts unpack to more than this is refused before openpyxl parses it (a zip
bomb would otherwise fill the memory)."""

MAX_ROWS = 5000
"""Rows read per sheet; a pack's longest list has a few hundred entries."""


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem in a spreadsheet cell: prints as `file: sheet S, cell D12 (field): message`.

    `line` and `col` hold the row and column numbers (1-based), so problems still sort and
    de-duplicate like those of a YAML file; `place` is what the user reads.
    """

    place: str = ""

    def __str__(self) -> str:
        where = f"{self.file}: {self.place}" if self.place else self.file
        text = f"{where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


@dataclass
class Table:
    """One sheet's rows: `rows[r][c]` is the value of the cell at row r+1, column c+1."""

    file: str
    """The file's name as shown to the user."""
    sheet: str | None
    """The sheet's name in a workbook; None for a CSV file."""
    rows: list[list[Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def place(self, row: int, col: int | None = None, header: str | None = None) -> str:
        """`sheet Quotes, cell D12 (chapter)`, `sheet Quotes, row 12` or `cell D12` for CSV."""
        parts = [f"sheet {self.sheet}"] if self.sheet else []
        if col is None:
            parts.append(f"row {row}")
        else:
            parts.append(f"cell {letter(col)}{row}" + (f" ({header})" if header else ""))
        return ", ".join(parts)

    def problem(self, row: int, col: int | None, message: str, hint: str,
                header: str | None = None) -> CellProblem:
        """A problem at a cell (or a whole row when `col` is None)."""
        return CellProblem(self.file, row, col, message, hint,
                           place=self.place(row, col, header))


def letter(col: int) -> str:
    """Column number (1-based) to its letters: 1 → A, 27 → AA."""
    name = ""
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def _file_problem(shown: str, message: str, hint: str) -> Problem:
    return Problem(shown, None, None, message, hint)


def _read_bytes(path: Path, shown: str) -> bytes:
    from nlmg_packs.errors import PackError

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SHEET_FILE_BYTES + 1)
    except OSError as exc:
        raise PackError([_file_problem(shown, f"cannot read the file ({exc.strerror})",
                                       "check that it exists and you may read it")]) from None
    if len(raw) > MAX_SHEET_FILE_BYTES:
        raise PackError([_file_problem(
            shown, f"the file is over the {MAX_SHEET_FILE_BYTES // 1_048_576} MB limit for a "
            "spreadsheet", "keep only the pack's lists in it")])
    return raw


def read_csv(path: Path, shown: str) -> Table:
    """The rows of a CSV file; raises PackError when it cannot be read as UTF-8 text."""
    from nlmg_packs.errors import PackError

    raw = _read_bytes(path, shown)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PackError([Problem(shown, line, None, f"the file is not UTF-8 (byte 0x"
                                 f"{raw[exc.start]:02x})", "in Excel, save it with Save As, "
                                 "type \"CSV UTF-8\"; in LibreOffice, choose the character set "
                                 "Unicode (UTF-8)")]) from None
    first = text.split("\n", 1)[0]
    separator = max(";,\t", key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    table = Table(shown, None)
    _keep_rows(table, [[cell.replace("\r\n", "\n") for cell in row] for row in rows])
    return table


def read_workbook(path: Path, shown: str) -> list[Table]:
    """Every sheet of an .xlsx workbook, with formulas and merged cells dealt with."""
    import zipfile

    from nlmg_packs.errors import PackError

    raw = _read_bytes(path, shown)
    try:
        import openpyxl

        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise PackError([_file_problem(
                shown, f"the workbook unpacks to {unpacked // 1_048_576} MB, over the "
                f"{MAX_UNPACKED_BYTES // 1_048_576} MB limit", "keep only the pack's lists in "
                "it")])

        values = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(raw), data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PackError([_file_problem(shown, f"cannot read the workbook ({type(exc).__name__})",
                                       "save it again as an Excel workbook (.xlsx)")]) from None
    tables = []
    for sheet in values.worksheets:
        table = Table(shown, sheet.title)
        _keep_rows(table, sheet.iter_rows(values_only=True))
        _check_formulas(table, formulas[sheet.title])
        _spread_merged(table, sheet)
        tables.append(table)
    return tables


def _keep_rows(table: Table, rows: Iterable[Sequence[Any]]) -> None:
    """The first MAX_ROWS rows below the headers; a problem if any later row holds a value."""
    for number, row in enumerate(rows, start=1):
        if number <= MAX_ROWS + 1:
            table.rows.append(list(row))
        elif any(v is not None and str(v).strip() for v in row):
            table.problems.append(table.problem(
                number, None, f"more than {MAX_ROWS} entries in one list",
                "split the list into several, or delete what is below it"))
            return


def _check_formulas(table: Table, sheet: Any) -> None:
    """A formula whose result was never saved has no value to read: say so at its cell."""
    for r, row in enumerate(table.rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                continue
            formula = sheet.cell(r, c).value
            if isinstance(formula, str) and formula.startswith("="):
                table.problems.append(table.problem(
                    r, c, f"the cell holds a formula ({formula[:40]}) whose result was never "
                    "saved", "open the workbook in Excel or LibreOffice and save it, or replace "
                    "the formula by its value (Copy, then Paste Special, Values only)"))


def _spread_merged(table: Table, sheet: Any) -> None:
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row, merged.min_col
        if merged.max_col != left:
            table.problems.append(table.problem(
                top, left, f"cells {merged.coord} are merged across columns",
                "unmerge them: each field needs its own column"))
            continue
        if top > len(table.rows):
            continue
        value = table.rows[top - 1][left - 1]
        for r in range(top + 1, min(merged.max_row, len(table.rows)) + 1):
            table.rows[r - 1][left - 1] = value
