"""Catalogue cases for the lists a workbook holds beside prompts and quotations (test items,
vocabulary, units and pages) and for the placeholders `new` leaves (registered into
tests/test_error_catalogue.py, which imports this module)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from nlmg_packs.errors import Problem
from nlmg_packs.pack import load_pack
from nlmg_packs.pack.placeholders import placeholders
from nlmg_packs.pack.sheet_export import pack_lists, workbook_bytes
from tests.conftest import FIXTURES, edit
from tests.error_cases_sheets import sheet_pack
from tests.test_error_catalogue import case, problems


def _with_items(mini: Path, cell: str, value: Any) -> list[Problem]:
    """The mini pack with a test, vocabulary and rubrics, all in lists.xlsx; sheet Items,
    `cell` set to `value` (row 2 is a multiple-choice item with four options)."""
    for source in (FIXTURES / "apparatus").iterdir():
        shutil.copy(source, mini / source.name)

    def change(book: Any) -> None:
        book["Items"][cell] = value
    return sheet_pack(mini, change)


@case("sheet-option-missing", "there is no option 5 in this row",
      "write the numbers of the right options, e.g. 1 or 1; 3, and fill in `option 5`")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return _with_items(mini, "Q2", "5")


@case("sheet-option-numbers", "`A` is not a list of option numbers",
      "write the number of the right option, e.g. 2")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return _with_items(mini, "Q2", "A")


@case("sheet-standard-unreadable", "`RL.9-10.1` names no framework and code",
      "write the framework, a colon and the code")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return _with_items(mini, "AP2", "RL.9-10.1")


def _export_after(mini: Path, change: Any) -> list[Problem]:
    data = pack_lists(load_pack(mini))
    change(data)
    return problems(lambda: workbook_bytes(data))


@case("export-range-one-end",
      "page reference of quote `q-lamp`, column `page`: the range [81] has one end only",
      "write 81 instead of [81]")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return _export_after(mini, lambda d: d["quotes.yaml"]["quotes"][0].update(
        pages=[{"page": [81]}]))


@case("export-number-like-id",
      'quote `q-lamp`, column `unit`: "7" would read back as the number 7',
      "write 7 without quotes")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return _export_after(mini, lambda d: d["quotes.yaml"]["quotes"][0].update(unit="7"))


@case("export-unit-like-range",
      'prompt `first-light`, column `units`: the unit id "7-3" would read back as a range of '
      "chapters", "give the unit an id with a letter in it")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return _export_after(mini, lambda d: d["discussion.yaml"]["prompts"][0].update(
        units=["7-3"]))


@case("export-standard-separator",
      "item `sa`, column `standards`: the standard `AQA: 8702` `AO1` holds a `;` or a line "
      "break, or its framework a `:`", "remove them")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return _export_after(mini, lambda d: d.update({"tests.yaml": {"items": [
        {"id": "sa", "type": "short-answer",
         "standards": [{"framework": "AQA: 8702", "code": "AO1"}]}]}}))


@case("export-same-key-twice",
      "two words `lamp` have rows in a sheet below, which names them by word and could not "
      "tell them apart", "make each word different")
def _(mini: Path, tmp: Path) -> list[Problem]:
    shutil.copy(FIXTURES / "apparatus" / "vocabulary.yaml", mini)
    data = pack_lists(load_pack(mini))
    words = data["vocabulary.yaml"]["words"]
    words.append(dict(words[0]))
    return problems(lambda: workbook_bytes(data))


@case("placeholder-left", "placeholder left: \u201cREPLACE with what is happening.\u201d",
      "write your own text in its place", "quotes.yaml:8:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    edit(mini / "quotes.yaml", "Mara explains why she keeps the light burning.",
         "REPLACE with what is happening.")
    return placeholders(load_pack(mini))


@case("placeholder-comment-left",
      "placeholder left: the comment says \u201cREPLACE: the year the book was first "
      "published\u201d", "write your own value on this line, then delete the comment",
      "pack.yaml:5:15")
def _(mini: Path, tmp: Path) -> list[Problem]:
    edit(mini / "pack.yaml", "  year: 1999", "  year: 1999  # REPLACE: the year the book was "
         "first published")
    return placeholders(load_pack(mini))
