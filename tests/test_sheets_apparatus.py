"""Spreadsheets for every list a pack has: vocabulary, test items of every type, tests, rubrics
and assignments, and the quotations' units, pages and narrative frame. Workbooks from openpyxl
and LibreOffice, CSV from European Excel; valid data builds what the YAML builds, byte for byte,
and each kind of mistake is named at its cell."""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nlmg_packs.pack import load_pack
from tests.conftest import FIXTURES
from tests.sheet_tools import (
    BUNDLED,
    as_sheet_pack,
    built_files,
    csv_pack,
    documents,
    libreoffice_workbooks,
    problems_of,
)
from tests.tools import require_tool

FRANKENSTEIN = FIXTURES / "frankenstein"
LISTS = ("prompts", "quotes", "worksheets", "courses", "words", "items", "tests", "rubrics",
         "assignments")


@pytest.fixture
def full(mini: Path) -> Path:
    """The mini pack with vocabulary (and its sources), a test with an item of every type,
    rubrics and assignments."""
    for source in (FIXTURES / "apparatus").iterdir():
        shutil.copy(source, mini / source.name)
    return mini


def same_lists(a: Path, b: Path) -> None:
    first, second = load_pack(a), load_pack(b)
    for name in LISTS:
        assert getattr(first, name) == getattr(second, name), name


def test_every_list_from_a_workbook_builds_byte_identical_files(full: Path,
                                                                 tmp_path: Path) -> None:
    sheet = as_sheet_pack(full, tmp_path / "sheet" / "mini")
    assert sorted(p.name for p in sheet.iterdir()) == ["lists.xlsx", "matter.yaml", "pack.yaml"]
    same_lists(full, sheet)
    from_yaml, from_sheet = built_files(full, tmp_path / "a"), built_files(sheet, tmp_path / "b")
    for kind in ("vocabulary-", "test-", "assignment-", "quotation-bank"):
        assert any(kind in name for name in from_yaml), kind
    assert from_yaml == from_sheet


def test_units_pages_and_frame_come_back(tmp_path: Path) -> None:
    sheet = as_sheet_pack(FRANKENSTEIN, tmp_path / "frankenstein")
    quotes = load_pack(sheet).quotes
    assert any(q.frame for q in quotes) and any(len(q.pages) > 1 for q in quotes)
    same_lists(FRANKENSTEIN, sheet)
    assert documents(load_pack(sheet)) == documents(load_pack(FRANKENSTEIN))


def test_the_bundled_pack_exports_every_list(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from nlmg_packs.cli import app

    result = CliRunner().invoke(app, ["export-sheet", str(BUNDLED), "--out",
                                      str(tmp_path / "lists.xlsx")])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ words, \d+ items, \d+ tests, \d+ rubrics, \d+ assignments",
                     result.output), result.output
    assert "in place of discussion.yaml, quotes.yaml, worksheets.yaml, courses.yaml, " \
           "vocabulary.yaml, tests.yaml, rubrics.yaml" in result.output
    book = load_workbook(tmp_path / "lists.xlsx")
    assert book.worksheets[0].title == "Prompts"
    assert {"Vocabulary", "Items", "Tests", "Rubrics", "Criteria", "Assignments"} <= set(
        book.sheetnames)
    items = book["Items"]
    heads = [c.value for c in items[1]]
    assert heads[:13] == ["id", "type", "points", "question", "statement", "answer",
                          "correction", "model answer", "option 1", "rationale 1", "option 2",
                          "rationale 2", "option 3"]
    song = next(row for row in items.iter_rows(values_only=True) if row[0] == "p1-song")
    assert song[heads.index("correct")] == "1; 2"  # two right options, by number
    assert song[heads.index("standards")] == "Common Core ELA: RL.11-12.1"


@pytest.mark.parametrize("source", ["full", "frankenstein"])
def test_csv_from_european_excel_reads_like_the_yaml(source: str, full: Path,
                                                     tmp_path: Path) -> None:
    pack = full if source == "full" else FRANKENSTEIN
    folder = csv_pack(pack, tmp_path / "csv")
    name = "items.csv" if source == "full" else "frame.csv"
    raw = (folder / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw and raw.endswith(b"\r\n")
    same_lists(pack, folder)
    assert documents(load_pack(folder)) == documents(load_pack(pack))


def test_libreoffice_workbooks_of_every_list_read_like_the_yaml(full: Path,
                                                               tmp_path: Path) -> None:
    soffice = require_tool("soffice")
    folder = csv_pack(full, tmp_path / "csv")
    libreoffice_workbooks(soffice, folder, tmp_path / "converted")
    assert (folder / "items.xlsx").is_file() and (folder / "criteria.xlsx").is_file()
    same_lists(full, folder)
    assert documents(load_pack(folder)) == documents(load_pack(full))


def test_an_item_typed_as_in_a_quiz_template(full: Path, tmp_path: Path) -> None:
    """Options without rationales, a gap between option columns, a column added at the end
    (`Option 7`), `correct` written `3, 7`, an answer written `No`."""
    from openpyxl import load_workbook

    folder = as_sheet_pack(full, tmp_path / "pack")
    book = load_workbook(folder / "lists.xlsx")
    items = book["Items"]
    items["AQ1"] = "Option 7"
    for cell in ("I3", "J3", "N3"):  # mc-both: options 2 and 3 are left, 3 without rationale
        items[cell] = None
    items["AQ3"], items["Q3"] = "The keeper", "3, 7"
    items["F4"] = "No"
    book.save(folder / "lists.xlsx")
    item = next(i for i in load_pack(folder).items if i.id == "mc-both")
    assert [(o.text, o.correct, o.rationale) for o in item.options] == [
        ("Tobias", False, "He fishes from the harbour."), ("The mayor", True, None),
        ("The keeper", True, None)]
    assert next(i for i in load_pack(folder).items if i.id == "tf-tide").answer is False


Edit = Callable[[Any], None]


def _set(sheet: str, cell: str, value: Any) -> Edit:
    def edit(book: Any) -> None:
        book[sheet][cell] = value
    return edit


MISTAKES: list[tuple[str, Edit, str]] = [
    ("correct names a missing option", _set("Items", "Q2", "5"),
     "sheet Items, cell Q2 (correct): there is no option 5 in this row — write the numbers"),
    ("correct is not numbers", _set("Items", "Q2", "A"),
     "sheet Items, cell Q2 (correct): `A` is not a list of option numbers — write the number"),
    ("no option marked correct", _set("Items", "Q2", None),
     "sheet Items, cell Q2 (correct): multiple-choice item `mc-lamp` needs two options or more"),
    ("an option left empty beside its rationale", _set("Items", "K2", None),
     "sheet Items, cell K2 (option 2): empty — fill it in"),
    ("true or false misspelt", _set("Items", "F4", "maybe"),
     "sheet Items, cell F4 (answer): must be true or false — write TRUE or FALSE"),
    ("a false statement without its correction", _set("Items", "G4", None),
     "sheet Items, cell F4 (answer): the false statement of item `tf-tide` has no"),
    ("a pair names an unknown quotation", _set("Items", "T6", "q-lamb"),
     "sheet Items, cell T6 (left quote 1): unknown quote `q-lamb` — did you mean `q-lamp`?"),
    ("a pair with two left sides", _set("Items", "U6", "The lamp"),
     "sheet Items, cell T6 (left quote 1): a pair needs one left side"),
    ("a blank not in its quotation", _set("Items", "S7", "nowhere"),
     "sheet Items, cell S7 (blank): the blank \u201cnowhere\u201d is not in"),
    ("a standard without its framework", _set("Items", "AP2", "RL.9-10.1"),
     "sheet Items, cell AP2 (standards): `RL.9-10.1` names no framework and code"),
    ("an unknown item type", _set("Items", "B8", "essay"),
     "sheet Items, cell B8 (type): cannot be \"essay\""),
    ("a part of speech misspelt", _set("Vocabulary", "C3", "nown"),
     "sheet Vocabulary, cell C3 (part of speech): cannot be \"nown\""),
    ("a word's quotation unknown", _set("Vocabulary", "H6", "q-lump"),
     "sheet Vocabulary, cell H6 (from quote): unknown quote `q-lump`"),
    ("a word source names no word", _set("Word sources", "A2", "lamb"),
     "sheet Word sources, cell A2 (word): no vocabulary word `lamb` in the vocabulary sheet — "
     "did you mean `lamp`?"),
    ("a test names an unknown item", _set("Tests", "F2", "mc-lamp; mc-lamb"),
     "sheet Tests, cell F2 (items): unknown item `mc-lamb`"),
    ("a level's points in words", _set("Rubrics", "D2", "four"),
     "sheet Rubrics, cell D2 (points 1): must be a whole number, not \"four\""),
    ("a level without its name", _set("Rubrics", "C2", None),
     "sheet Rubrics, cell C2 (level 1): empty — fill it in"),
    ("descriptors fewer than levels", _set("Criteria", "C2", "Clear.; Unclear."),
     "sheet Criteria, cell C2 (descriptors):"),
    ("an assignment's rubric unknown", _set("Assignments", "G2", "essay-rubrik"),
     "sheet Assignments, cell G2 (rubric): unknown rubric `essay-rubrik`"),
    ("a date made of a unit range", _set("Prompts", "I2", datetime.datetime(2026, 3, 5)),
     "sheet Prompts, cell I2 (units): the spreadsheet turned this cell into a date or time "
     "(5 March 2026) — if you typed 3-5"),
]


@pytest.mark.parametrize(("edit", "expected"), [m[1:] for m in MISTAKES],
                         ids=[m[0] for m in MISTAKES])
def test_each_mistake_in_the_new_lists_names_its_cell(edit: Edit, expected: str, full: Path,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    folder = as_sheet_pack(full, tmp_path / "pack")
    book = load_workbook(folder / "lists.xlsx")
    edit(book)
    book.save(folder / "lists.xlsx")
    monkeypatch.chdir(folder)
    found = problems_of(Path("."))
    assert any(p.startswith(f"lists.xlsx: {expected}") for p in found), found


FRAME_MISTAKES: list[tuple[str, Edit, str]] = [
    ("a unit the book lacks", _set("Quotes", "P2", "letter-9"),
     "sheet Quotes, cell P2 (unit): "),
    ("a range of units the book lacks", _set("Prompts", "I2", "letter-1 - letter-9"),
     "sheet Prompts, cell I2 (units): "),
    ("a frame's mode misspelt", _set("Frame", "D2", "shouted"),
     "sheet Frame, cell D2 (mode): cannot be \"shouted\""),
    ("a page in an unknown edition", _set("Pages", "B4", "big-print"),
     "sheet Pages, cell B4 (edition): unknown edition `big-print`"),
    ("a page range Excel made a date", _set("Pages", "C2", datetime.datetime(2026, 5, 3)),
     "sheet Pages, cell C2 (page): the spreadsheet turned this cell into a date or time (3 May "
     "2026) — if you typed 3-5"),
    ("a page that is no page number", _set("Pages", "C3", "p. 5"),
     "sheet Pages, cell C3 (page): "),
]


@pytest.mark.parametrize(("edit", "expected"), [m[1:] for m in FRAME_MISTAKES],
                         ids=[m[0] for m in FRAME_MISTAKES])
def test_each_mistake_in_units_pages_and_frames_names_its_cell(
        edit: Edit, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    folder = as_sheet_pack(FRANKENSTEIN, tmp_path / "pack")
    book = load_workbook(folder / "lists.xlsx")
    edit(book)
    book.save(folder / "lists.xlsx")
    monkeypatch.chdir(folder)
    found = problems_of(Path("."))
    assert any(p.startswith(f"lists.xlsx: {expected}") for p in found), found


def _models_in(annotation: Any) -> list[type]:
    """The pydantic models an annotation names, through Optional, unions, lists, Annotated."""
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


def _is_list(annotation: Any) -> bool:
    from typing import get_args, get_origin

    return get_origin(annotation) is list or any(_is_list(a) for a in get_args(annotation))


def _entry_model(sheet: Any) -> type:
    """The model of one row of `sheet`: a list's item model, found from the file's schema."""
    from nlmg_packs.pack.model import FILES
    from nlmg_packs.pack.sheet_layout import BY_NAME

    model = FILES[sheet.file] if sheet.parent is None else _entry_model(BY_NAME[sheet.parent])
    for key in sheet.key.split("."):
        (model,) = _models_in(model.model_fields[key].annotation)
    return model


def _fields(model: type, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every field path of `model`, into nested single models (`source.wording`)."""
    found = []
    for name, info in model.model_fields.items():
        inner = _models_in(info.annotation)
        if inner and not _is_list(info.annotation):
            found += _fields(inner[0], (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


def test_every_field_of_every_list_has_a_column() -> None:
    """A field added to the pack format must get a column (or a sheet) here too, or export-sheet
    would refuse every pack that uses it."""
    from nlmg_packs.pack.sheet_layout import SHEETS

    for sheet in SHEETS:
        model = _entry_model(sheet)
        plain = {c.path for c in sheet.columns if c.group is None}
        children = {tuple(s.key.split(".")) for s in SHEETS if s.parent == sheet.name}
        groups = {str(c.group) for c in sheet.columns if c.group is not None}
        for path in _fields(model):
            if path[:1] in {(g,) for g in groups}:
                element = _models_in(model.model_fields[path[0]].annotation)[0]
                held = {c.path[-1] for c in sheet.columns if c.group == path[0]}
                assert set(element.model_fields) <= held, (sheet.name, path)
                continue
            assert path in plain | children, (sheet.name, ".".join(path))
