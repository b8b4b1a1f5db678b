"""Catalogue cases for spreadsheets, `new` and `export-sheet` (registered into
tests/test_error_catalogue.py, which imports this module)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

from nlmg_packs.errors import Problem
from nlmg_packs.pack import load_pack
from nlmg_packs.pack.sheet_cells import MAX_SHEET_FILE_BYTES
from nlmg_packs.pack.sheet_export import pack_lists, workbook_bytes
from tests.test_error_catalogue import case, problems

LISTS = ("discussion.yaml", "quotes.yaml", "worksheets.yaml", "courses.yaml", "vocabulary.yaml",
         "tests.yaml", "rubrics.yaml")


def sheet_pack(mini: Path, change: Any = None) -> list[Problem]:
    """The mini pack with its lists in lists.xlsx, `change(book)` applied, then loaded."""
    from openpyxl import load_workbook

    (mini / "lists.xlsx").write_bytes(workbook_bytes(pack_lists(load_pack(mini))))
    for name in LISTS:
        if (mini / name).exists():
            (mini / name).unlink()
    if change is not None:
        book = load_workbook(mini / "lists.xlsx")
        change(book)
        book.save(mini / "lists.xlsx")
        return problems(lambda: load_pack(mini))
    return []


def _set(sheet: str, cell: str, value: Any) -> Any:
    def change(book: Any) -> None:
        book[sheet][cell] = value
    return change


@case("sheet-unknown", "unknown file `quote`", "did you mean `quotes`?")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "quote.csv").write_text("id;text\n", "utf-8")
    return problems(lambda: load_pack(mini))


@case("sheet-not-a-file", "not a spreadsheet file inside the pack folder (a link, a folder or "
      "a device)", "copy the spreadsheet itself")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "quotes.csv").write_text("id\n", "utf-8")
    os.symlink(tmp / "quotes.csv", mini / "quotes.csv")
    return problems(lambda: load_pack(mini))


@case("sheet-too-big", "the file is over the 10 MB limit for a spreadsheet", "keep only")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "quotes.csv").write_bytes(b"id\n" + b"x" * MAX_SHEET_FILE_BYTES)
    return problems(lambda: load_pack(mini))


@case("sheet-not-utf8", "the file is not UTF-8 (byte 0xe9)", "CSV UTF-8")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "quotes.csv").write_bytes(b"id;text\nq;caf\xe9\n")
    return problems(lambda: load_pack(mini))


@case("sheet-not-a-workbook", "cannot read the workbook (BadZipFile)", "save it again")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "lists.xlsx").write_bytes(b"not a zip")
    return problems(lambda: load_pack(mini))


@case("sheet-and-yaml", "the quotes are also in lists.xlsx, sheet Quotes",
      "keep either quotes.yaml or the spreadsheet")
def _(mini: Path, tmp: Path) -> list[Problem]:
    keep = (mini / "quotes.yaml").read_bytes()
    sheet_pack(mini)
    (mini / "quotes.yaml").write_bytes(keep)
    return problems(lambda: load_pack(mini))


@case("sheet-second-list", "a second quotes list (the first is in lists.xlsx, sheet Quotes)",
      "keep one")
def _(mini: Path, tmp: Path) -> list[Problem]:
    sheet_pack(mini)
    (mini / "quotes.csv").write_text("id\nq-x\n", "utf-8")
    return problems(lambda: load_pack(mini))


@case("sheet-formula", "the cell holds a formula (=1+1) whose result was never saved",
      "Paste Special, Values only")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, _set("Quotes", "E2", "=1+1"))


@case("sheet-merged-across", "cells B2:C2 are merged across columns", "unmerge them")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, lambda book: book["Quotes"].merge_cells("B2:C2"))


@case("sheet-date", "the spreadsheet turned this cell into a date or time (3 January 2026)",
      "format the column as Text")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, _set("Prompts", "D2", datetime.datetime(2026, 1, 3)))


@case("sheet-unknown-column", "unknown column `chaper`", "did you mean `chapter`?")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, _set("Quotes", "N1", "chaper"))


@case("sheet-second-column", "a second `Chapter` column", "keep one of the two")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, _set("Quotes", "N1", "Chapter"))


@case("sheet-empty-cell", "empty", "fill it in")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, _set("Quotes", "G2", None))


@case("sheet-missing-column", "missing `context`", "add a column headed `context`")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, lambda book: book["Quotes"].delete_cols(7))


@case("sheet-without-parent", "the activities need a worksheets sheet to belong to",
      "add a Worksheets sheet")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, lambda book: book.remove(book["Worksheets"]))


@case("sheet-unknown-parent", "no worksheet `light-and-dutty` in the worksheets sheet",
      "did you mean `light-and-duty`?")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, _set("Activities", "A2", "light-and-dutty"))


@case("sheet-parent-not-given", "the worksheet is not given", "write the id of its worksheet")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return sheet_pack(mini, _set("Activities", "A2", None))


@case("new-folder-not-empty", "this folder already exists and is not empty",
      "`new` never overwrites")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from nlmg_packs.scaffold import new_pack

    return problems(lambda: new_pack(mini, "T", "A"))


@case("new-cannot-create", "cannot create the pack (Permission denied)", "you may write there")
def _(mini: Path, tmp: Path) -> list[Problem]:
    import pytest

    from nlmg_packs import scaffold

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    mp = pytest.MonkeyPatch()
    mp.setattr(scaffold.os, "replace", refuse)
    try:
        return problems(lambda: scaffold.new_pack(tmp / "p", "T", "A"))
    finally:
        mp.undo()


@case("new-units-invalid", '--units has an invalid value "Prologue,20": "20" alone in a list is '
      "unclear", "write 1-20 for chapters 1 to 20")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from nlmg_packs.scaffold import StarterOptions, new_pack

    return problems(lambda: new_pack(tmp / "p", "T", "A", StarterOptions(units="Prologue,20")))


@case("export-file-exists", "the file already exists", "pass --force")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from typer.testing import CliRunner

    from nlmg_packs.cli import app

    (tmp / "lists.xlsx").write_bytes(b"")
    result = CliRunner().invoke(app, ["export-sheet", str(mini), "--out",
                                      str(tmp / "lists.xlsx")])
    return result.exception.problems  # type: ignore[union-attr]


@case("export-line-break-in-list",
      "quote `q-lamp`, column `questions`: a list item holds a line break",
      "join the item's lines")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from nlmg_packs.pack.sheet_export import workbook_bytes

    data = pack_lists(load_pack(mini))
    data["quotes.yaml"]["quotes"][0]["questions"][0] = "two\nlines"
    return problems(lambda: workbook_bytes(data))



@case("sheet-unpacks-too-big", "the workbook unpacks to 100 MB, over the 100 MB limit",
      "keep only")
def _(mini: Path, tmp: Path) -> list[Problem]:
    import zipfile

    with zipfile.ZipFile(mini / "lists.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (100 * 1024 * 1024 + 1))
    return problems(lambda: load_pack(mini))


@case("sheet-too-many-rows", "more than 5000 entries in one list", "split the list")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "quotes.csv").write_text("id\n" + "q\n" * 5001, "utf-8")
    (mini / "quotes.yaml").unlink()
    return problems(lambda: load_pack(mini))


@case("export-field-without-column",
      "quote `q-lamp` has `source.page`, which no column of the Quotes sheet holds",
      "keep this list in YAML")
def _(mini: Path, tmp: Path) -> list[Problem]:
    data = pack_lists(load_pack(mini))
    data["quotes.yaml"]["quotes"][0]["source"]["page"] = 12
    return problems(lambda: workbook_bytes(data))
