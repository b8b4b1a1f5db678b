"""`validate` warns about each placeholder a starter pack still holds, at its line and column
(or cell); `validate --strict` refuses them; a starter pack validates and builds as it stands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlmg_packs.pack import load_pack
from nlmg_packs.pack.placeholders import PLACEHOLDER, placeholders
from nlmg_packs.scaffold import StarterOptions, new_pack
from tests.conftest import edit
from tests.test_build_safety import cli

WARNING = re.compile(r"^warning: (?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): placeholder left",
                     flags=re.M)


def marked_lines(folder: Path) -> set[tuple[str, int]]:
    """(file, line) of every line of the pack's YAML files that holds the marker outside a
    comment line of its own."""
    return {(path.name, number) for path in folder.glob("*.yaml")
            for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
            if PLACEHOLDER in line and not line.lstrip().startswith("#")}


def test_each_placeholder_left_is_a_located_warning(tmp_path: Path) -> None:
    folder = tmp_path / "my-novel"
    new_pack(folder, "The Lantern Keeper", "A. N. Author")
    result = cli("validate", str(folder))
    assert result.returncode == 0, result.stderr
    found = {(Path(m["file"]).name, int(m["line"])) for m in WARNING.finditer(result.stderr)}
    assert len(found) > 30 and found == marked_lines(folder)
    for m in WARNING.finditer(result.stderr):  # the column points at the marker's value or #
        line = (folder / Path(m["file"]).name).read_text("utf-8").splitlines()[int(m["line"]) - 1]
        assert PLACEHOLDER in line[int(m["col"]) - 1:], line
    assert "starts a YAML comment" not in result.stderr  # the starter's own comments are meant

    strict = cli("validate", "--strict", str(folder))
    assert strict.returncode == 1
    assert strict.stderr.count("placeholder left") == len(found)
    assert "Traceback" not in strict.stderr


def test_placeholders_replaced_leave_no_warning(tmp_path: Path) -> None:
    folder = tmp_path / "my-novel"
    new_pack(folder, "T", "A")
    for path in folder.glob("*.yaml"):
        text = path.read_text("utf-8")
        text = re.sub(r"(\S)\s+#\s*REPLACE\b.*$", r"\1", text, flags=re.M)  # marker comments
        path.write_text(text.replace("REPLACE-with", "my").replace(PLACEHOLDER, "Mine"), "utf-8")
    assert placeholders(load_pack(folder)) == []


def test_placeholders_in_a_starter_workbook_name_their_cells(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "my-novel"
    new_pack(folder, "T", "A", StarterOptions(spreadsheet=True))
    book = load_workbook(folder / "lists.xlsx")
    cells = {f"sheet {ws.title}, cell {c.coordinate}" for ws in book.worksheets[1:]
             for row in ws.iter_rows(min_row=2) for c in row
             if isinstance(c.value, str) and PLACEHOLDER in c.value}
    found = [str(p) for p in placeholders(load_pack(folder)) if "lists.xlsx" in p.file]
    assert len(cells) > 10
    assert {re.search(r"sheet [^,]+, cell [A-Z]+\d+", p).group() for p in found} == cells


@pytest.mark.parametrize(("text", "count"), [("REPLACE with the night's events", 1),
                                             ("It is IRREPLACEABLE.", 0),
                                             ("replace the lamp", 0),
                                             ("See https://example.org/REPLACE-me", 1)])
def test_only_the_marker_word_is_a_placeholder(text: str, count: int, mini: Path) -> None:
    edit(mini / "quotes.yaml", "Mara explains why she keeps the light burning.", text)
    assert len(placeholders(load_pack(mini))) == count


def test_a_comment_marker_names_its_column(mini: Path) -> None:
    edit(mini / "pack.yaml", "  year: 1999", "  year: 1999        # REPLACE: the year")
    found = placeholders(load_pack(mini))
    assert [(p.line, p.col) for p in found] == [
        (next(i for i, line in enumerate((mini / "pack.yaml").read_text().splitlines(), 1)
              if "# REPLACE" in line), len("  year: 1999        ") + 1)]
    assert found[0].message == "placeholder left: the comment says \u201cREPLACE: the year\u201d"
