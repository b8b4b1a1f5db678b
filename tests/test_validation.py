"""Pack validation: every problem, located, in one run; the build writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_packs.errors import PackError
from nlmg_packs.pack import load_pack
from tests.conftest import edit


def problems(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [str(p) for p in caught.value.problems]


def test_mini_pack_is_valid(mini: Path) -> None:
    pack = load_pack(mini)
    assert pack.id == "mini"
    assert [p.id for p in pack.prompts] == ["first-light", "keeping-on", "club-one"]


def test_three_mistakes_three_located_errors(mini: Path) -> None:
    edit(mini / "discussion.yaml", "themes: [duty, memory]", "themes: [duty, memry]")
    edit(mini / "worksheets.yaml", "    theme: duty\n", "    theme: duty\n    theme: memory\n")
    edit(mini / "quotes.yaml", "chapter: 5", "chapter: five")
    found = problems(mini)
    assert len(found) == 3, found
    joined = "\n".join(found)
    assert "discussion.yaml:12:20: unknown theme `memry` — did you mean `memory`?" in joined
    assert "worksheets.yaml:5:5: duplicate key `theme`" in joined
    assert "quotes.yaml:17:5: `chapter` must be a whole number" in joined


def test_unknown_key_suggests_the_right_one(mini: Path) -> None:
    edit(mini / "quotes.yaml", "    context: Tobias", "    contxt: Tobias")
    joined = "\n".join(problems(mini))
    assert "unknown key `contxt` — did you mean `context`?" in joined
    assert "missing `context`" in joined


def test_yaml_boolean_in_text_field_says_quote_it(mini: Path) -> None:
    edit(mini / "pack.yaml", "name: Duty,", "name: no,")
    assert any("`name` must be text, not `no`/`false`/`off`" in p and "put the value in quotes"
               in p for p in problems(mini))


def test_sequence_must_add_up(mini: Path) -> None:
    edit(mini / "courses.yaml", "{minutes: 15, activity: Discussion", "{minutes: 10, "
         "activity: Discussion")
    found = problems(mini)
    assert any("courses.yaml:" in p and "adds up to 45 minutes, but the lesson is 50" in p
               and "add 5 minutes" in p for p in found)


def test_chapter_must_lie_in_its_part(mini: Path) -> None:
    edit(mini / "discussion.yaml", "chapters: [4, 6]", "chapters: [2, 6]")
    assert any("chapter 2 is not in Part Two (chapters 4–6)" in p for p in problems(mini))


def test_chapter_past_the_end(mini: Path) -> None:
    edit(mini / "quotes.yaml", "chapter: 5", "chapter: 9")
    assert any("chapter 9 is past the end of the book" in p for p in problems(mini))


def test_duplicate_ids(mini: Path) -> None:
    edit(mini / "quotes.yaml", "id: q-tide", "id: q-lamp")
    assert any("duplicate quote id `q-lamp`" in p for p in problems(mini))


def test_dangling_quote_reference(mini: Path) -> None:
    edit(mini / "worksheets.yaml", "quotes: [q-lamp], lines: 5", "quotes: [q-lump], lines: 5")
    assert any("unknown quote `q-lump` — did you mean `q-lamp`?" in p for p in problems(mini))


def test_unknown_file_and_missing_pack_file(mini: Path, tmp_path: Path) -> None:
    (mini / "quote.yaml").write_text("quotes: []\n")
    assert any("quote.yaml: unknown file in the pack" in p and "did you mean `quotes.yaml`"
               in p for p in problems(mini))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no pack.yaml in this folder" in problems(empty)[0]
    assert "no such pack folder" in problems(tmp_path / "nowhere")[0]


def test_top_level_list_instead_of_mapping(mini: Path) -> None:
    (mini / "quotes.yaml").write_text("- id: a\n")
    assert any("quotes.yaml:1:1: expected a mapping of keys at the top" in p
               for p in problems(mini))
