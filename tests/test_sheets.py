"""Spreadsheets as a pack source: .xlsx from openpyxl and LibreOffice, CSV from European Excel."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nlmg_packs.pack import load_pack
from nlmg_packs.pack.sheet_layout import (
    SHEETS,
    TRANSLATIONS,
    column_for,
    headers,
    written_columns,
)
from tests.sheet_tools import (
    BUNDLED,
    LIST_FILES,
    as_sheet_pack,
    built_files,
    csv_pack,
    documents,
    libreoffice_workbooks,
    problems_of,
)
from tests.tools import require_tool


def test_bundled_pack_round_trips_through_a_workbook(tmp_path: Path) -> None:
    yaml_pack = load_pack(BUNDLED)
    sheet_pack = load_pack(as_sheet_pack(BUNDLED, tmp_path / "nlmg"))
    assert {name for name in LIST_FILES if (tmp_path / "nlmg" / name).exists()} == set()
    for name in ("prompts", "quotes", "worksheets", "courses", "words", "items", "tests",
                 "rubrics", "assignments"):
        assert getattr(yaml_pack, name), name  # the bundled pack has every kind of list
        assert getattr(sheet_pack, name) == getattr(yaml_pack, name), name
    assert documents(sheet_pack) == documents(yaml_pack)


def test_sheet_pack_builds_byte_identical_files(mini: Path, tmp_path: Path) -> None:
    sheet = as_sheet_pack(mini, tmp_path / "sheet" / "mini")
    from_yaml, from_sheet = built_files(mini, tmp_path / "a"), built_files(sheet, tmp_path / "b")
    assert len(from_yaml) > 10
    assert from_yaml == from_sheet


@pytest.mark.slow
def test_bundled_pack_from_a_workbook_builds_byte_identical_files(tmp_path: Path) -> None:
    sheet = as_sheet_pack(BUNDLED, tmp_path / "sheet" / BUNDLED.name)
    from_yaml = built_files(BUNDLED, tmp_path / "a")
    from_sheet = built_files(sheet, tmp_path / "b")
    assert len(from_yaml) > 50
    assert from_yaml == from_sheet


def _csv_pack(mini: Path, tmp_path: Path) -> Path:
    return csv_pack(mini, tmp_path / "csv")


def test_csv_with_bom_semicolons_and_crlf_reads_like_the_yaml(mini: Path, tmp_path: Path) -> None:
    folder = _csv_pack(mini, tmp_path)
    raw = (folder / "quotes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;text;") and b"\r\n" in raw
    assert documents(load_pack(folder)) == documents(load_pack(mini))


def test_libreoffice_workbook_from_csv_reads_like_the_yaml(mini: Path, tmp_path: Path) -> None:
    soffice = require_tool("soffice")
    folder = _csv_pack(mini, tmp_path)
    converted = tmp_path / "converted"
    quotes = folder / "quotes.csv"  # a formula: LibreOffice saves its result, which is read
    quotes.write_bytes(quotes.read_bytes().replace(b"\r\nq-lamp;The lamp does not ask who is "
                                                   b"out there.;mara;tobias;2;",
                                                   b"\r\nq-lamp;The lamp does not ask who is "
                                                   b"out there.;mara;tobias;=1+1;"))
    assert b"=1+1" in quotes.read_bytes()
    libreoffice_workbooks(soffice, folder, converted)
    from openpyxl import load_workbook

    assert load_workbook(folder / "quotes.xlsx")["quotes"]["E2"].value == "=1+1"
    assert documents(load_pack(folder)) == documents(load_pack(mini))


Edit = Callable[[Any], None]


def _set(sheet: str, cell: str, value: Any) -> Edit:
    def edit(book: Any) -> None:
        book[sheet][cell] = value
    return edit


def _merge(sheet: str, cells: str) -> Edit:
    return lambda book: book[sheet].merge_cells(cells)


MISTAKES: list[tuple[str, Edit, str]] = [
    ("not a whole number", _set("Quotes", "E2", "seven"),
     'lists.xlsx: sheet Quotes, cell E2 (chapter): must be a whole number, not "seven" — '
     "write the number in digits, e.g. 7"),
    ("unknown theme in a list cell", _set("Quotes", "F3", "duty; memry"),
     "lists.xlsx: sheet Quotes, cell F3 (themes): unknown theme `memry` — did you mean "
     "`memory`?"),
    ("required cell left empty", _set("Quotes", "G2", "   "),
     "lists.xlsx: sheet Quotes, cell G2 (context): empty — fill it in"),
    ("not true or false", _set("Quotes", "K2", "maybe"),
     "lists.xlsx: sheet Quotes, cell K2 (verified): must be true or false — write TRUE or FALSE"),
    ("a choice misspelt", _set("Prompts", "F2", "analyze"),
     "lists.xlsx: sheet Prompts, cell F2 (level): cannot be \"analyze\""),
    ("a date Excel made of 1-3", _set("Prompts", "D2", datetime.datetime(2026, 1, 3)),
     "lists.xlsx: sheet Prompts, cell D2 (chapters): the spreadsheet turned this cell into a "
     "date or time (3 January 2026) — if you typed 3-5, format the column as Text"),
    ("a formula never calculated", _set("Prompts", "B2", '="What"&" now?"'),
     'lists.xlsx: sheet Prompts, cell B2: the cell holds a formula (="What"&" now?") whose '
     "result was never saved"),
    ("merged across columns", _merge("Worksheets", "B2:C2"),
     "lists.xlsx: sheet Worksheets, cell B2: cells B2:C2 are merged across columns"),
    ("unknown column", _set("Quotes", "N1", "chaper"),
     "lists.xlsx: sheet Quotes, cell N1: unknown column `chaper`"),
    ("a child names no parent", _set("Activities", "A2", "light-and-dutty"),
     "lists.xlsx: sheet Activities, cell A2 (worksheet): no worksheet `light-and-dutty` in the "
     "worksheets sheet — did you mean `light-and-duty`?"),
    ("minutes do not add up", _set("Steps", "B2", "15"),
     "lists.xlsx: sheet Lessons, row 2: the sequence of lesson `lit-1` adds up to 55 minutes"),
    ("an id with capitals", _set("Quotes", "A2", "Q-Lamp"),
     "lists.xlsx: sheet Quotes, cell A2 (id): has an invalid value \"Q-Lamp\""),
]


@pytest.mark.parametrize(("edit", "expected"), [m[1:] for m in MISTAKES],
                         ids=[m[0] for m in MISTAKES])
def test_each_mistake_names_its_cell(edit: Edit, expected: str, mini: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    folder = as_sheet_pack(mini, tmp_path / "pack")
    book = load_workbook(folder / "lists.xlsx")
    edit(book)
    book.save(folder / "lists.xlsx")
    monkeypatch.chdir(folder)
    found = problems_of(Path("."))
    assert any(p.startswith(expected) for p in found), found


def test_cli_exits_1_with_the_cell(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    from nlmg_packs.cli import main

    folder = as_sheet_pack(mini, tmp_path / "pack")
    book = load_workbook(folder / "lists.xlsx")
    book["Quotes"]["E2"] = "seven"
    book.save(folder / "lists.xlsx")
    monkeypatch.chdir(folder)
    monkeypatch.setattr("sys.argv", ["nlmg-packs", "validate", "."])
    with pytest.raises(SystemExit) as caught:
        main()
    err = capsys.readouterr().err
    assert caught.value.code == 1
    assert "error: lists.xlsx: sheet Quotes, cell E2 (chapter): must be a whole number" in err
    assert "Traceback" not in err


def test_what_teachers_type_is_read_as_meant(mini: Path, tmp_path: Path) -> None:
    """Trailing spaces, numbers stored as text, whole numbers stored as decimals, empty rows,
    a link merged down its rows, `Yes` for true, ranges typed 1–2 and headers in French."""
    from openpyxl import load_workbook

    folder = as_sheet_pack(mini, tmp_path / "pack")
    book = load_workbook(folder / "lists.xlsx")
    quotes = book["Quotes"]
    quotes["A2"] = "  q-lamp  "
    quotes["E2"] = " 2 "
    quotes["E3"] = 5.0
    quotes["K2"] = "Yes"
    quotes["E1"] = "Chapitre"
    quotes.insert_rows(3, amount=2)
    activities = book["Activities"]
    activities["A3"] = activities["A4"] = None
    activities.merge_cells("A2:A4")
    book["Prompts"]["D3"] = "4 – 6"
    book.save(folder / "lists.xlsx")
    assert documents(load_pack(folder)) == documents(load_pack(mini))


def test_yaml_and_sheet_for_the_same_list_is_refused(mini: Path, tmp_path: Path) -> None:
    folder = as_sheet_pack(mini, tmp_path / "pack")
    shutil.copy(mini / "quotes.yaml", folder)
    found = problems_of(folder)
    assert any("quotes.yaml: the quotes are also in" in p for p in found), found


def test_excel_lock_files_and_notes_sheets_are_left_alone(mini: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = as_sheet_pack(mini, tmp_path / "pack")
    book = load_workbook(folder / "lists.xlsx")
    book.create_sheet("Notes")["A1"] = "Ask the librarian for the class set."
    book.save(folder / "lists.xlsx")
    (folder / "~$lists.xlsx").write_bytes(b"\0" * 165)
    assert len(load_pack(folder).quotes) == 2


@pytest.mark.parametrize("language", ["en", *sorted(TRANSLATIONS)])
def test_headers_are_unambiguous_in_every_language(language: str) -> None:
    for sheet in SHEETS:
        written = headers(sheet, language, {"options": 12, "pairs": 10, "levels": 6})
        assert len({h.casefold() for h in written}) == len(written), (language, sheet.name)
        read = [column_for(sheet, h) for h in written]
        expected = written_columns(sheet, {"options": 12, "pairs": 10, "levels": 6})
        assert read == expected, (language, sheet.name)


def test_a_cell_merged_down_its_column_fills_every_row(mini: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = as_sheet_pack(mini, tmp_path / "pack")
    book = load_workbook(folder / "lists.xlsx")
    quotes = book["Quotes"]
    quotes["F2"], quotes["F3"] = "memory; duty", None
    quotes.merge_cells("F2:F3")
    book.save(folder / "lists.xlsx")
    assert [q.themes for q in load_pack(folder).quotes] == [["memory", "duty"]] * 2


def test_no_header_means_two_columns_in_any_language() -> None:
    from nlmg_packs.pack.sheet_layout import _aliases

    names = [_aliases(s.name) for s in SHEETS]
    assert all(a.isdisjoint(b) for i, a in enumerate(names) for b in names[i + 1:])
    for sheet in SHEETS:
        fields = [c.header for c in sheet.columns] + ([sheet.link] if sheet.link else [])
        sets = [_aliases(f) for f in fields]
        for i, a in enumerate(sets):
            for j, b in enumerate(sets[i + 1:], start=i + 1):
                assert a.isdisjoint(b), (sheet.name, fields[i], fields[j], a & b)


def test_a_sheet_with_headers_only_leaves_its_list_out(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from nlmg_packs.scaffold import StarterOptions, new_pack

    folder = tmp_path / "pack"
    new_pack(folder, "T", "A", StarterOptions(spreadsheet=True))
    book = load_workbook(folder / "lists.xlsx")
    for name in ("Courses", "Lessons", "Steps"):
        book[name].delete_rows(2, book[name].max_row)
    book.save(folder / "lists.xlsx")
    pack = load_pack(folder)
    assert pack.courses == [] and len(pack.quotes) == 2
