"""`nlmg-packs new`: a starter pack that validates and builds, in every language, never
overwriting anything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlmg_packs.cli import app
from nlmg_packs.errors import NlmgError
from nlmg_packs.i18n import LANGUAGES
from nlmg_packs.pack import load_pack
from nlmg_packs.scaffold import LIST_FILES, WORKBOOK, new_pack, paper_for, starter_files

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    """Exit code and output, with known errors turned into exit code 1 as `main` does."""
    result = runner.invoke(app, list(args))
    if isinstance(result.exception, NlmgError):
        return 1, result.output + "\n".join(map(str, result.exception.problems))
    return result.exit_code, result.output


@pytest.mark.parametrize("spreadsheet", [False, True], ids=["yaml", "spreadsheet"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_new_validate_build(language: str, spreadsheet: bool, tmp_path: Path) -> None:
    folder = tmp_path / "my-novel"
    args = ["new", str(folder), "--title", "Ænigma: a Novel", "--author", "Zoë Ó Brien",
            "--language", language] + (["--from-spreadsheet"] if spreadsheet else [])
    code, output = run(*args)
    assert code == 0, output
    names = sorted(p.name for p in folder.iterdir())
    assert names == (sorted(["pack.yaml", WORKBOOK]) if spreadsheet
                     else sorted(["pack.yaml", *LIST_FILES]))
    code, output = run("validate", str(folder))
    assert code == 0 and "valid — 3 prompts, 2 quotes, 1 worksheets" in output, output
    code, output = run("build", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1",
                       "--only", "worksheets", "--only", "plans")
    assert code == 0, output
    pack = load_pack(folder)
    assert pack.book.title == "Ænigma: a Novel" and pack.book.language == language
    assert pack.meta.paper == ("letter" if language == "en-US" else "a4")
    if spreadsheet:
        from openpyxl import load_workbook

        sheets = load_workbook(folder / WORKBOOK).sheetnames
        assert sheets[0] == "Read me"
        assert {"en-GB": "Quotes", "fr": "Citations", "de": "Zitate", "es": "Citas",
                "pl": "Cytaty"}.get(language, "Quotes") in sheets, sheets
    built = sorted(p.name for p in (tmp_path / "out").rglob("*.*") if p.suffix != ".json")
    assert "worksheet-memory-worksheet.pdf" in built and "lesson-lesson-1.docx" in built


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


@pytest.mark.parametrize(("language", "units", "paper"), [
    ("en-GB", None, "a4"), ("en-US", None, "letter"), ("en-CA", None, "letter"),
    ("fr", None, "a4"), ("en-US", "metric", "a4"), ("de", "imperial", "letter")])
def test_units_choose_the_paper(language: str, units: str | None, paper: str) -> None:
    assert paper_for(language, units) == paper


def test_export_sheet_refuses_to_overwrite(tmp_path: Path, mini: Path) -> None:
    target = tmp_path / "lists.xlsx"
    assert run("export-sheet", str(mini), "--out", str(target))[0] == 0
    code, output = run("export-sheet", str(mini), "--out", str(target))
    assert code == 1 and "the file already exists" in output
    assert run("export-sheet", str(mini), "--out", str(target), "--force")[0] == 0
