"""A character the PDF font lacks is refused before rendering, at its YAML line, wherever it
would print (tables, covers and lists included), and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_packs.builder.manifest import MANIFEST_NAME
from nlmg_packs.builder.run import BuildRequest, run_build
from nlmg_packs.errors import PackError
from tests.conftest import edit


def test_emoji_in_a_theme_name_is_located(mini: Path, tmp_path: Path) -> None:
    edit(mini / "pack.yaml", "name: Duty,", "name: Duty 📚,")
    out = tmp_path / "out"
    with pytest.raises(PackError) as caught:
        run_build(BuildRequest(packs=(mini,), out=out, formats="pdf"))
    messages = [str(p) for p in caught.value.problems]
    assert any("pack.yaml:17:16:" in m and "U+1F4DA" in m and "not in font" in m
               for m in messages), messages
    assert not [p for p in out.rglob("*.pdf")]


def test_docx_only_build_is_not_held_up_by_pdf_fonts(mini: Path, tmp_path: Path) -> None:
    edit(mini / "courses.yaml", "name: English Literature", "name: English Literature 📚")
    report = run_build(BuildRequest(packs=(mini,), out=tmp_path / "out", formats="docx",
                                    kinds=frozenset({"plans"})))
    assert report.count("built") == 2


def test_manifest_that_is_not_an_object_is_ignored(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_text("[]")
    report = run_build(BuildRequest(packs=(mini,), out=out, kinds=frozenset({"map"})))
    assert report.count("built") == 3
