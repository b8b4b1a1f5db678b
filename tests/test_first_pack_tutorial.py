"""docs/first-pack.md says what the tool does: its commands work and its printed lines match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlmg_packs.errors import PackError
from nlmg_packs.pack import load_pack
from nlmg_packs.scaffold import StarterOptions, new_pack
from tests.conftest import ROOT

TUTORIAL = (ROOT / "docs" / "first-pack.md").read_text("utf-8")


def test_the_tutorials_mistake_prints_as_shown(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    folder = Path("packs/lantern")
    new_pack(folder, "The Lantern Keeper", "A. N. Author", StarterOptions(spreadsheet=True))
    book = load_workbook(folder / "lists.xlsx")
    book["Quotes"]["E2"] = "seven"
    book.save(folder / "lists.xlsx")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    shown = re.search(r"^error: (.*)$", TUTORIAL, flags=re.M)
    assert shown is not None
    assert [str(p) for p in caught.value.problems] == [shown.group(1)]


def test_the_pictures_it_shows_exist_and_are_small() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", TUTORIAL)
    assert len(pictures) >= 3
    for name in pictures:
        path = ROOT / "docs" / name
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
        assert path.stat().st_size < 100_000, name
