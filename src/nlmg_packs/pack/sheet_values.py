"""One field's value as a spreadsheet cell holds it, read (`read_cell`) and written (`cell_value`).

Each `Column.kind` has its two directions here, so what `export-sheet` writes `read_sheets`
reads back to the same YAML value: `int`, `bool`, `list` (items separated by `;` or line
breaks), `range` (a chapter `7` or chapters `3-5`), `unit` (a reading unit, `7` or
`letter-1`), `units` (one unit or a first and last, `letter-1 – v1-ch7`), `span` (a page or a
line, `81`, `xii`, or a first and last, `81-82`), `standards` (`Framework: code` items) and
`marks` (the numbers of the correct options, `1; 3`). What a cell cannot mean is handed to the
pack's validation unchanged (it reports it at the cell), except what only a spreadsheet makes:
dates, and a standard or a mark that cannot be read. Standard library only.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from nlmg_packs.pack.sheet_layout import Column

Report = Callable[[str, str], None]
"""Reports a problem at the cell being read: (message, hint)."""

_TRUE = {"true", "yes", "y", "1", "vrai", "oui", "ja", "wahr", "sí", "si", "verdadero", "tak",
         "prawda"}
_FALSE = {"false", "no", "n", "0", "faux", "non", "nein", "falsch", "falso", "nie", "fałsz"}
_RANGE = re.compile(r"^(\d+)\s*(?:-|–|—|;|,|to|à|bis|a|do)\s*(\d+)$")
_UNIT_SPLIT = re.compile(r"\s*[–—;,]\s*|\s+(?:-|to|à|bis|a|do)\s+")
_SPAN = re.compile(r"^([0-9A-Za-z]+)\s*[-–—]\s*([0-9A-Za-z]+)$")
_MARKS = re.compile(r"^\d+(?:\s*[;, ]\s*\d+)*$")
UNIT_DASH = " – "
"""Between the first and last unit of a range whose ends are ids (`letter-1 – letter-4`)."""


class CellError(ValueError):
    """A value no cell can give back as it is: `args` are (message, hint)."""


def blank(value: Any) -> Any:
    """None for an empty cell (or one holding only spaces), else the value (text trimmed)."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def read_cell(cell: Any, column: Column, report: Report) -> Any:
    """The value of a non-empty cell as its YAML would hold it (see the module doc). Text is
    read trimmed; a list cell with a line break anywhere, even last, is split at line breaks."""
    raw = blank(cell)
    if column.kind in ("list", "standards") and isinstance(cell, str) and "\n" in cell:
        raw = cell
    if isinstance(raw, datetime.date | datetime.time):
        report(f"the spreadsheet turned this cell into a date or time ({_show_date(raw)})",
               _date_hint(column))
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    reader = _READERS.get(column.kind)
    return reader(raw, report) if reader else text(raw)


def _int(raw: Any, report: Report) -> Any:
    return int(raw) if isinstance(raw, str) and re.fullmatch(r"[+-]?\d+", raw) else raw


def _bool(raw: Any, report: Report) -> Any:
    if isinstance(raw, str) and raw.casefold() in _TRUE | _FALSE:
        return raw.casefold() in _TRUE
    return bool(raw) if isinstance(raw, int) and raw in (0, 1) else raw


def _items(raw: Any) -> list[str]:
    value = text(raw)
    items = value.split("\n") if "\n" in value else value.split(";")
    return [item.strip() for item in items if item.strip()]


def _list(raw: Any, report: Report) -> Any:
    return _items(raw)


def _range(raw: Any, report: Report) -> Any:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return [raw]
    value = text(raw)
    if value.isdigit():
        return [int(value)]
    found = _RANGE.match(value)
    return [int(found.group(1)), int(found.group(2))] if found else value


def _unit(raw: Any, report: Report = lambda m, h: None) -> Any:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    value = text(raw)
    return int(value) if value.isdigit() else value


def _units(raw: Any, report: Report) -> Any:
    value = _range(raw, report)
    if not isinstance(value, str):
        return value
    parts = [p for p in _UNIT_SPLIT.split(value) if p]
    return [_unit(p) for p in parts] if 1 <= len(parts) <= 2 else value


def _span(raw: Any, report: Report) -> Any:
    value = _unit(raw)
    if isinstance(value, int):
        return value
    found = _SPAN.match(value)
    return [_unit(found.group(1)), _unit(found.group(2))] if found else value


def _standards(raw: Any, report: Report) -> Any:
    found = []
    for item in _items(raw):
        framework, colon, code = item.partition(":")  # codes may hold one ("Criterion A: ...")
        if not colon or not framework.strip() or not code.strip():
            report(f"`{item}` names no framework and code",
                   "write the framework, a colon and the code, e.g. Common Core ELA: "
                   "RL.11-12.2; separate standards with `;`")
            return None
        found.append({"framework": framework.strip(), "code": code.strip()})
    return found


def _marks(raw: Any, report: Report) -> Any:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return [raw]
    value = text(raw)
    if not _MARKS.match(value):
        report(f"`{value}` is not a list of option numbers",
               "write the number of the right option, e.g. 2, or of each right option, "
               "e.g. 1; 3")
        return None
    return [int(n) for n in re.findall(r"\d+", value)]


_READERS: dict[str, Callable[[Any, Report], Any]] = {
    "int": _int, "bool": _bool, "list": _list, "range": _range, "unit": _unit,
    "units": _units, "span": _span, "standards": _standards, "marks": _marks}


def text(raw: Any) -> str:
    """A cell's value as text; booleans as TRUE or FALSE, as spreadsheets show them."""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    return str(raw)


def cell_value(value: Any, column: Column) -> Any:
    """One field's value as its cell holds it (None: an empty cell); raises CellError for a
    value no cell could give back unchanged."""
    if value is None or value == []:
        return None
    if column.kind in ("unit", "units", "span"):
        _no_digit_ids(value if isinstance(value, list) else [value])
    if column.kind == "range":
        return str(value[0]) if len(value) == 1 else f"{value[0]}-{value[-1]}"
    if column.kind == "units":
        if len(value) == 1 and _RANGE.match(str(value[0])):
            raise CellError(f"the unit id \"{value[0]}\" would read back as a range of "
                            "chapters", "give the unit an id with a letter in it to export it")
        joiner = "-" if all(isinstance(v, int) for v in value) else UNIT_DASH
        return joiner.join(str(v) for v in value)
    if column.kind == "span" and isinstance(value, list):
        if len(value) == 1:
            raise CellError(f"the range [{value[0]}] has one end only",
                            f"write {value[0]} instead of [{value[0]}] to export it")
        return f"{value[0]}-{value[1]}"
    if column.kind == "standards":
        value = [_standard(s) for s in value]
    if column.kind in ("list", "standards"):
        items = [str(v) for v in value]
        if any("\n" in item for item in items):
            raise CellError("a list item holds a line break",
                            "join the item's lines into one to export it")
        if any(";" in item for item in items):  # one item alone ends with a line break
            return "\n".join(items) + ("\n" if len(items) == 1 else "")
        return "; ".join(items)
    return value


def _no_digit_ids(values: list[Any]) -> None:
    """Refuse a unit id or page written as a string of digits, which a cell gives back as a
    number."""
    for value in values:
        if isinstance(value, str) and value.isdigit():
            raise CellError(f"\"{value}\" would read back as the number {value}",
                            f"write {value} without quotes to export it")


def _standard(standard: dict[str, str]) -> str:
    framework, code = standard["framework"], standard["code"]
    if ":" in framework or any(c in framework + code for c in ";\n"):
        raise CellError(f"the standard `{framework}` `{code}` holds a `;` or a line break, or "
                        "its framework a `:`", "remove them to export it")
    return f"{framework}: {code}"


def _show_date(value: datetime.date | datetime.time) -> str:
    if isinstance(value, datetime.datetime) and value.time() != datetime.time():
        return value.strftime("%d %B %Y %H:%M").lstrip("0")
    if isinstance(value, datetime.date):
        return value.strftime("%d %B %Y").lstrip("0")
    return value.strftime("%H:%M")


def _date_hint(column: Column) -> str:
    typed = "3-5" if column.kind in ("range", "units", "span") else "the text"
    return (f"if you typed {typed}, format the column as Text (Format Cells, Text) and type it "
            f"again, or start it with an apostrophe: '{typed}")
