"""`nlmg-packs new`: a starter pack that validates and builds, in every language, never
overwriting anything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlmg_packs.cli import app
from nlmg_packs.compose.units import unit_label
from nlmg_packs.errors import NlmgError
from nlmg_packs.i18n import LANGUAGES
from nlmg_packs.pack import load_pack
from nlmg_packs.scaffold import LIST_FILES, WORKBOOK, new_pack, paper_for, starter_files
from nlmg_packs.scaffold_units import UnitsError, parse_units

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    """Exit code and output, with known errors turned into exit code 1 as `main` does."""
    result = runner.invoke(app, list(args))
    if isinstance(result.exception, NlmgError):
        return 1, result.output + "\n".join(map(str, result.exception.problems))
    return result.exit_code, result.output


# --units value → the labels of the book's units, in order ("Chapter n" for a default run).
UNITS = {
    None: [f"Chapter {n}" for n in range(1, 11)],
    "23": [f"Chapter {n}" for n in range(1, 24)],
    "Prologue,1-20,Epilogue": ["Prologue", *(f"Chapter {n}" for n in range(1, 21)),
                               "Epilogue"],
    "Letter 1-4,1-24": [*(f"Letter {n}" for n in range(1, 5)),
                        *(f"Chapter {n}" for n in range(1, 25))],
    "Act 1, Act 2, Act 3": ["Act 1", "Act 2", "Act 3"],
    "Préface,Rozdział 1-2": ["Préface", "Rozdział 1", "Rozdział 2"],
}


def check_new_validate_build(folder: Path, language: str, units: str | None,
                             spreadsheet: bool) -> None:
    """`new` → `validate` → `build` (worksheets and lesson plans) succeed on the options."""
    args = ["new", str(folder), "--title", "Ænigma: a Novel", "--author", "Zoë Ó Brien",
            "--language", language] + (["--from-spreadsheet"] if spreadsheet else [])
    code, output = run(*args, *(["--units", units] if units is not None else []))
    assert code == 0, output
    names = sorted(p.name for p in folder.iterdir())
    assert names == (sorted(["pack.yaml", WORKBOOK]) if spreadsheet
                     else sorted(["pack.yaml", *LIST_FILES]))
    code, output = run("validate", str(folder))
    assert code == 0 and "valid — 3 prompts, 2 quotes, 1 worksheets" in output, output
    out = folder.parent / "out"
    code, output = run("build", str(folder), "--out", str(out), "--jobs", "1",
                       "--only", "worksheets", "--only", "plans")
    assert code == 0, output
    built = sorted(p.name for p in out.rglob("*.*") if p.suffix != ".json")
    assert "worksheet-memory-worksheet.pdf" in built and "lesson-lesson-1.docx" in built


@pytest.mark.parametrize("spreadsheet", [False, True], ids=["yaml", "spreadsheet"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_new_validate_build(language: str, spreadsheet: bool, tmp_path: Path) -> None:
    check_new_validate_build(tmp_path / "my-novel", language, None, spreadsheet)
    pack = load_pack(tmp_path / "my-novel")
    assert pack.book.title == "Ænigma: a Novel" and pack.book.language == language
    assert pack.meta.paper == ("letter" if language == "en-US" else "a4")
    if spreadsheet:
        from openpyxl import load_workbook

        sheets = load_workbook(tmp_path / "my-novel" / WORKBOOK).sheetnames
        assert sheets[0] == "Read me"
        assert {"en-GB": "Quotes", "fr": "Citations", "de": "Zitate", "es": "Citas",
                "pl": "Cytaty"}.get(language, "Quotes") in sheets, sheets


@pytest.mark.parametrize(("language", "units", "spreadsheet"), [
    *((language, units, False) for language in LANGUAGES for units in UNITS if units),
    *((language, units, True) for language in ("en-GB", "pl") for units in UNITS if units)])
def test_units_make_the_books_reading_units(language: str, units: str, spreadsheet: bool,
                                            tmp_path: Path) -> None:
    folder = tmp_path / "my-novel"
    if spreadsheet and not any(label.startswith("Chapter") for label in UNITS[units]):
        code, output = run("new", str(folder), "--title", "T", "--author", "A",
                           "--units", units, "--from-spreadsheet")
        assert code == 1 and "a workbook refers to chapters by number" in output, output
        assert list(tmp_path.iterdir()) == []
        return
    check_new_validate_build(folder, language, units, spreadsheet)
    pack = load_pack(folder)
    if language == "en-GB":
        assert [unit_label(pack, u) for u in pack.units] == UNITS[units]
    assert len(pack.units) == len(UNITS[units])
    parts = [pack.part_of(u) for u in pack.units]
    assert None not in parts and len({p.id for p in parts}) == 2  # type: ignore[union-attr]
    assert [q.where for q in pack.quotes if q.where is not None] or spreadsheet
    for where in [q.where for q in pack.quotes if q.where is not None]:
        assert pack.unit(where) is not None


def test_default_units_are_a_placeholder() -> None:
    assert "chapters: 10             # REPLACE" in starter_files("T", "A", "en-GB", "a4")[
        "pack.yaml"]
    assert "REPLACE" not in starter_files("T", "A", "en-GB", "a4", parse_units("12"))[
        "pack.yaml"].split("chapters: 12")[1].splitlines()[0]


def test_every_kind_of_entry_has_an_example(tmp_path: Path) -> None:
    new_pack(tmp_path / "p", "T", "A")
    pack = load_pack(tmp_path / "p")
    kinds = {a.type for w in pack.worksheets for a in w.activities}
    assert kinds == {"who-said-it", "context", "close-reading", "theme-link", "written-response"}
    assert {p.audience for p in pack.prompts} == {"class", "book-club"}
    assert {q.source.verified for q in pack.quotes} == {True, False}
    assert any(q.source.confirmed for q in pack.quotes)
    assert pack.courses[0].lessons[0].sequence and pack.meta.symbols and pack.book.parts


def test_every_field_is_explained_and_placeholders_say_so() -> None:
    for name, text in starter_files("T", "A", "en-GB", "a4").items():
        lines = text.splitlines()
        keys = {m.group(1) for m in re.finditer(r"^\s*(?:- )?(\w+):", text, flags=re.M)}
        for key in keys:
            explained = any(re.match(rf"^\s*(?:- )?{key}:", line) and
                            ("#" in line.split(":", 1)[1] or lines[i - 1].strip().startswith("#"))
                            for i, line in enumerate(lines))
            assert explained, f"{name}: `{key}` has no comment"
    pack = starter_files("T", "A", "en-GB", "a4")
    quotes = pack["quotes.yaml"]
    assert all(t.strip().startswith("REPLACE") for t in
               re.findall(r"^\s+(?:text|context|model_answer): (.*)$", quotes, flags=re.M))


def test_never_overwrites_and_bad_input_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "pack.yaml").write_text("mine", "utf-8")
    code, output = run("new", str(folder), "--title", "T", "--author", "A")
    assert code == 1 and "already exists and is not empty" in output
    assert (folder / "pack.yaml").read_text("utf-8") == "mine"
    code, output = run("new", str(tmp_path / "fresh"), "--title", "T", "--author", "A",
                       "--language", "French")
    assert code == 1 and '--language has an invalid value "French"' in output, output
    code, output = run("new", str(tmp_path / "fresh"), "--title", "x" * 301, "--author", "A")
    assert code == 1 and "--title is too long" in output, output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


@pytest.mark.parametrize(("language", "paper"), [
    ("en-GB", "a4"), ("en-US", "letter"), ("en-CA", "letter"), ("fr", "a4"), ("de-CH", "a4")])
def test_the_language_chooses_the_paper(language: str, paper: str) -> None:
    assert paper_for(language) == paper


@pytest.mark.parametrize(("option", "paper"), [("a4", "a4"), ("letter", "letter")])
def test_paper_option_overrides_the_region(option: str, paper: str, tmp_path: Path) -> None:
    assert run("new", str(tmp_path / "p"), "--title", "T", "--author", "A", "--language",
               "en-US" if paper == "a4" else "de", "--paper", option)[0] == 0
    assert load_pack(tmp_path / "p").meta.paper == paper


# A bad --units value: the words its message must hold.
BAD_UNITS = {
    "1-5,1-3": 'unit "1" comes twice',
    "Prologue,20": '"20" alone in a list is unclear — write 1-20',
    "5-1": '"5-1" runs backwards — write 1-5',
    "Letter 4-1": '"Letter 4-1" runs backwards — write Letter 1-4',
    "Prologue": "the book needs at least 2 units",
    "1": "1 is not a number of chapters the starter can use",
    "0": "0 is not a number",
    "a,,b": "an item is empty",
    "": "an item is empty",
    "x{n},y": 'cannot read "x{n}"',
    "Part 2 Chapter 1-5": 'cannot read "Part 2 Chapter 1-5"',
    "1-5000": "over 999 units",
    "metric": "the book needs at least 2 units",
}


@pytest.mark.parametrize(("value", "expected"), list(BAD_UNITS.items()))
def test_bad_units_exit_1_with_the_fix_and_write_nothing(value: str, expected: str,
                                                         tmp_path: Path) -> None:
    code, output = run("new", str(tmp_path / "p"), "--title", "T", "--author", "A",
                       "--units", value)
    assert code == 1, output
    line = output.strip()
    assert "\n" not in line and f'--units has an invalid value "{value}": ' in line, line
    assert expected in line and " — " in line, line
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(UnitsError):
        parse_units(value)


def test_bad_option_values_follow_the_cli_convention(tmp_path: Path) -> None:
    """A value outside a fixed choice is a usage error (exit 2), like `build --paper`."""
    result = runner.invoke(app, ["new", str(tmp_path / "p"), "--title", "T", "--author", "A",
                                 "--paper", "legal"])
    assert result.exit_code == 2 and "--paper" in result.output
    assert list(tmp_path.iterdir()) == []


def test_export_sheet_refuses_to_overwrite(tmp_path: Path, mini: Path) -> None:
    target = tmp_path / "lists.xlsx"
    assert run("export-sheet", str(mini), "--out", str(target))[0] == 0
    code, output = run("export-sheet", str(mini), "--out", str(target))
    assert code == 1 and "the file already exists" in output
    assert run("export-sheet", str(mini), "--out", str(target), "--force")[0] == 0
