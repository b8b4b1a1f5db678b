"""Reading units, page references and who speaks to whom: how they resolve, print and fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlmg_packs.compose.speakers import citation, who_answer, who_question
from nlmg_packs.compose.units import page_reference, span_in_column, span_label
from nlmg_packs.errors import PackError
from nlmg_packs.pack import load_pack
from nlmg_packs.pack.model import PageRef
from nlmg_packs.pack.usage import unused
from tests.conftest import FIXTURES, edit


@pytest.fixture(scope="module")
def frankenstein():
    return load_pack(FIXTURES / "frankenstein")


@pytest.fixture
def fk(tmp_path: Path) -> Path:
    """A fresh copy of the Frankenstein pack to break."""
    target = tmp_path / "frankenstein"
    shutil.copytree(FIXTURES / "frankenstein", target)
    return target


def test_units_expand_in_book_order(frankenstein) -> None:
    ids = [u.id for u in frankenstein.units]
    assert ids[:6] == ["letter-1", "letter-2", "letter-3", "letter-4", "v1-ch1", "v1-ch2"]
    assert ids[-1] == "walton-in-continuation"
    assert len(ids) == 4 + 7 + 9 + 7 + 1
    assert [u.index for u in frankenstein.units] == list(range(len(ids)))
    assert frankenstein.part_of(frankenstein.unit("letter-2")).id == "volume-1"
    assert frankenstein.part_of(frankenstein.unit("walton-in-continuation")).id == "volume-3"


@pytest.mark.parametrize(("refs", "label"), [
    (["letter-2"], "Letter 2"),
    (["letter-1", "letter-4"], "Letter 1 – Letter 4"),
    (["v1-ch3"], "Volume I, Chapter 3"),
    (["v1-ch3", "v1-ch3"], "Volume I, Chapter 3"),
    (["v2-ch2", "v2-ch8"], "Volume II, Chapters 2–8"),
    (["v1-ch7", "v2-ch1"], "Volume I, Chapter 7 – Volume II, Chapter 1"),
    (["v3-ch7", "walton-in-continuation"], "Volume III, Chapter 7 – Walton, in continuation"),
    ([], ""),
])
def test_span_labels_of_a_book_of_units(frankenstein, refs: list, label: str) -> None:
    assert span_label(frankenstein, refs) == label
    assert span_in_column(frankenstein, refs) == label


@pytest.mark.parametrize(("refs", "label", "column"), [
    ([6], "Chapter 6", "6"), ([3, 5], "Chapters 3–5", "3–5"), ([2, 2], "Chapter 2", "2"),
    (["4"], "Chapter 4", "4"), (None, "", ""),
])
def test_a_plain_numbered_book_prints_as_before(mini: Path, refs, label: str,
                                                column: str) -> None:
    pack = load_pack(mini)
    assert span_label(pack, refs) == label
    assert span_in_column(pack, refs) == column


@pytest.mark.parametrize(("ref", "printed"), [
    ({"page": 81}, "p. 81 in the class-set paperback"),
    ({"page": [81, 82]}, "pp. 81–82 in the class-set paperback"),
    ({"page": [81, 81]}, "p. 81 in the class-set paperback"),
    ({"page": "xii"}, "p. xii in the class-set paperback"),
    ({"edition": "large-print", "page": 98, "line": [3, 4]},
     "p. 98, ll. 3–4 in the large-print copy"),
    ({"line": 12}, "l. 12 in the class-set paperback"),
])
def test_page_references(frankenstein, ref: dict, printed: str) -> None:
    assert page_reference(frankenstein, PageRef.model_validate(ref)) == printed


@pytest.mark.parametrize(("quote_id", "cited"), [
    ("no-friend", "Robert Walton to Margaret Saville, Letter 2, p. 5 in the class-set paperback"),
    ("my-children", "Caroline Frankenstein to Victor Frankenstein and Elizabeth Lavenza, "
                    "Volume I, Chapter 2, p. 37 in the class-set paperback"),
    ("be-men", "Victor Frankenstein to the crew, Walton, in continuation, p. 214 in the "
               "class-set paperback"),
    ("accursed-creator", "The Creature, Volume II, Chapter 7"),
])
def test_citations(frankenstein, quote_id: str, cited: str) -> None:
    assert citation(frankenstein, frankenstein.quote_by_id[quote_id]) == cited


@pytest.mark.parametrize(("quote_id", "question", "answer"), [
    ("no-friend", "Who writes this, to whom, and when?",
     "Robert Walton, writing to Margaret Saville"),
    ("learn-from-me", "Who narrates this, and when? Who passes the words on to us, and to whom?",
     "Victor Frankenstein, narrating to Robert Walton, as Robert Walton writes it to "
     "Margaret Saville"),
    ("thy-adam", "Who says this, to whom, and when? Who passes the words on to us, and to whom?",
     "The Creature, to Victor Frankenstein, as Victor Frankenstein tells it to Robert Walton, "
     "as Robert Walton writes it to Margaret Saville"),
])
def test_who_said_it_follows_from_speaker_addressees_and_frame(
        frankenstein, quote_id: str, question: str, answer: str) -> None:
    quote = frankenstein.quote_by_id[quote_id]
    assert who_question(frankenstein, quote) == question
    assert who_answer(frankenstein, quote) == answer


@pytest.mark.parametrize(("mode", "question", "answer"), [
    ("said", "Who says this, to whom, and when?", "The Creature, to Victor Frankenstein"),
    ("thought", "Who thinks this, and when?", "The Creature, thinking of Victor Frankenstein"),
    ("sung", "Who sings this, to whom, and when?", "The Creature, singing to Victor Frankenstein"),
])
def test_every_mode_asks_and_answers(frankenstein, mode: str, question: str,
                                     answer: str) -> None:
    quote = frankenstein.quote_by_id["wedding-night"].model_copy(
        update={"mode": mode, "frame": []})
    assert who_question(frankenstein, quote) == question
    assert who_answer(frankenstein, quote) == answer


# ---- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize(("file", "old", "new", "where", "message"), [
    ("quotes.yaml", "unit: letter-2", "unit: letter-9", "quotes.yaml:26:5",
     "unknown unit `letter-9`"),
    ("quotes.yaml", "unit: letter-2", "unit: letter-2\n    chapter: 2", "quotes.yaml:27:5",
     "`chapter` and `unit` are both given"),
    ("quotes.yaml", "    unit: letter-2\n", "", "quotes.yaml:21:5",
     "a quotation needs `unit:` or `chapter:`"),
    ("quotes.yaml", "addressees: [victor, elizabeth]", "addressees: [victor, crowd]",
     "quotes.yaml:41:26", "unknown character or group `crowd`"),
    ("quotes.yaml", "{edition: large-print, page: 9}", "{edition: large, page: 9}",
     "quotes.yaml:27:25", "unknown edition `large`"),
    ("quotes.yaml", "pages: [{page: 1}]", "pages: [{edition: class-set}]", "quotes.yaml:10:13",
     "a page reference needs a `page:` or a `line:`"),
    ("discussion.yaml", "units: [letter-1, letter-4]", "units: [letter-4, letter-1]",
     "discussion.yaml:4:5", "unit range [letter-4, letter-1] runs backwards"),
    ("discussion.yaml", "units: [v1-ch3, v1-ch4]", "units: [v1-ch3, v2-ch4]",
     "discussion.yaml:11:5", "unit v2-ch4 is not in Volume I (units letter-1 to v1-ch7)"),
    ("pack.yaml", 'id: "v2-ch{n}"', 'id: "v2-ch"', "pack.yaml:36:7",
     "a numbered run needs `{n}` in its `id` and `label`"),
    ("pack.yaml", "numbered: [1, 9]", "numbered: [9, 1]", "pack.yaml:35:7",
     "numbered run [9, 1] runs backwards"),
    ("pack.yaml", "- {id: letter-3, label: Letter 3}", "- {id: letter-3}", "pack.yaml:29:7",
     "a unit needs an `id` and a `label`, or `numbered:` for a run"),
    ("pack.yaml", "- {id: letter-4, label: Letter 4}",
     "- {id: letter-4, label: Letter 4, range_label: x}", "pack.yaml:30:39",
     "`range_label` is only for a numbered run"),
    ("pack.yaml", "  part_kind: volume", "  part_kind: volume\n  chapters: 3", "pack.yaml:15:3",
     "`chapters` and `units` are both given"),
    ("pack.yaml", "units: [v2-ch1, v2-ch9]", "units: [v1-ch7, v2-ch9]", "pack.yaml:46:40",
     "Volume II overlaps the part before it"),
    ("pack.yaml", "  - id: crew", "  - id: victor", "pack.yaml:82:5",
     "duplicate group id `victor`"),
])
def test_bad_units_are_located(fk: Path, monkeypatch: pytest.MonkeyPatch, file: str, old: str,
                               new: str, where: str, message: str) -> None:
    monkeypatch.chdir(fk.parent)
    edit(fk / file, old, new)
    with pytest.raises(PackError) as caught:
        load_pack(fk)
    shown = [str(p) for p in caught.value.problems]
    assert any(line.startswith(f"frankenstein/{where}: {message}") for line in shown), shown


def test_a_book_needs_chapters_or_units(mini: Path) -> None:
    edit(mini / "pack.yaml", "  chapters: 6\n", "")
    edit(mini / "pack.yaml", "chapters: [1, 3]", "units: [1, 3]")
    with pytest.raises(PackError) as caught:
        load_pack(mini)
    assert "the book needs `chapters:` or `units:`" in str(caught.value)


def test_page_references_need_an_edition(mini: Path) -> None:
    edit(mini / "quotes.yaml", "    chapter: 2\n", "    chapter: 2\n    pages: [{page: 4}]\n")
    with pytest.raises(PackError) as caught:
        load_pack(mini)
    assert "a page reference needs an edition to follow" in str(caught.value)


def test_old_and_new_keys_mean_the_same(mini: Path) -> None:
    before = load_pack(mini)
    edit(mini / "quotes.yaml", "chapter: 2", "unit: 2")
    edit(mini / "discussion.yaml", "chapters: [4, 6]", "units: [4, 6]")
    edit(mini / "quotes.yaml", "addressee: tobias", "addressees: [tobias]")
    after = load_pack(mini)
    for old, new in zip(before.quotes, after.quotes, strict=True):
        assert citation(before, old) == citation(after, new)
    assert [p.span for p in before.prompts] == [p.span for p in after.prompts]


def test_unused_quotes_prompts_and_worksheets_are_warned(frankenstein, mini: Path) -> None:
    found = {p.message for p in unused(frankenstein)}
    assert found == {"prompt `making-life` is in no lesson",
                     "prompt `turning-back` is in no lesson"}
    edit(mini / "courses.yaml", "worksheets: [light-and-duty]", "worksheets: []")
    edit(mini / "worksheets.yaml", "{type: who-said-it, quotes: [q-lamp, q-tide]}",
         "{type: who-said-it, quotes: [q-lamp]}")
    warned = [str(p) for p in unused(load_pack(mini))]
    assert any("quotes.yaml:14:5: quotation `q-tide` is in no worksheet or lesson" in w
               for w in warned), warned
    assert any("worksheets.yaml:2:5: worksheet `light-and-duty` is in no lesson" in w
               for w in warned), warned
    assert not any("club-one" in w for w in warned), "book-club prompts have no lessons"


def test_the_documented_book_with_letters_and_volumes_is_valid(tmp_path: Path) -> None:
    import re

    from tests.conftest import ROOT

    text = (ROOT / "docs" / "pack-format.md").read_text("utf-8")
    section = text.split("## A book with letters and volumes", 1)[1].split("\n## ", 1)[0]
    pack_yaml, quotes_yaml = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
    (tmp_path / "pack.yaml").write_text(pack_yaml, "utf-8")
    (tmp_path / "quotes.yaml").write_text(quotes_yaml, "utf-8")
    pack = load_pack(tmp_path)
    assert citation(pack, pack.quotes[0]) == ("The Creature to Victor Frankenstein, Volume II, "
                                              "Chapter 2, p. 97 in the class-set paperback")


def test_the_schema_describes_units_pages_and_frames() -> None:
    from nlmg_packs.pack.json_schema import pack_json_schema

    defs = pack_json_schema()["$defs"]
    book = defs["pack.yaml"]["$defs"]["Book"]["properties"]
    quote = defs["quotes.yaml"]["$defs"]["Quote"]["properties"]
    assert {"units", "editions", "part_kind"} <= set(book)
    assert {"unit", "addressees", "mode", "frame", "pages"} <= set(quote)
    for model in ("Unit", "Edition", "Group"):
        assert defs["pack.yaml"]["$defs"][model]["properties"]
    for field in ("units", "editions"):
        assert book[field]["description"]


def _pack_of(entries: list[dict]) -> object:
    from nlmg_packs.pack.model import PackFile
    from nlmg_packs.pack.pack import Pack

    meta = PackFile.model_validate({
        "book": {"title": "T", "author": "A", "year": 2000, "units": entries},
        "themes": [{"id": "t", "name": "T", "colour": "#000000", "summary": "s"}]})
    return Pack("p", Path("."), meta)


@given(st.lists(st.one_of(st.tuples(st.just("one"), st.integers(1, 3)),
                          st.tuples(st.just("run"), st.integers(1, 30), st.integers(0, 12))),
                min_size=1, max_size=8))
def test_units_expand_to_one_ordered_sequence_and_ranges_read_back(shapes: list) -> None:
    """Any mix of single units and numbered runs expands in order, each unit resolvable by id,
    and every forward range prints a non-empty label naming its ends."""
    entries = []
    for k, shape in enumerate(shapes):
        if shape[0] == "one":
            entries.append({"id": f"u{k}", "label": f"Scene {k}"})
        else:
            first = shape[1]
            entries.append({"numbered": [first, first + shape[2]], "id": f"r{k}-{{n}}"}
                           | ({"label": f"Book {k}, Chapter {{n}}"} if k % 2 else {}))
    pack = _pack_of(entries)
    units = pack.units
    expected = sum(1 if s[0] == "one" else s[2] + 1 for s in shapes)
    assert [u.index for u in units] == list(range(expected))
    assert all(pack.unit(u.id) == u for u in units)
    for a, b in zip(units, units[1:], strict=False):
        label = span_label(pack, [a.id, b.id])
        assert label and "–" in label
        if a.run == b.run and a.label is None:
            assert label == f"Chapters {a.number}–{b.number}"
        else:
            assert span_label(pack, [a.id]) in label or a.run == b.run


def test_validate_prints_warnings_and_still_succeeds(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "nlmg_packs", "validate",
                           str(FIXTURES / "frankenstein")], capture_output=True, text=True,
                          cwd=FIXTURES, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "frankenstein: valid" in done.stdout
    warnings = done.stderr.splitlines()
    assert warnings == [
        "warning: frankenstein/discussion.yaml:9:5: prompt `making-life` is in no lesson — it "
        "prints only in the discussion guide; add it to a lesson's `prompts:`",
        "warning: frankenstein/discussion.yaml:20:5: prompt `turning-back` is in no lesson — it "
        "prints only in the discussion guide; add it to a lesson's `prompts:`"]


@pytest.mark.parametrize(("language", "answer", "cited"), [
    ("fr", "Caroline Frankenstein, à Victor Frankenstein et Elizabeth Lavenza, tel que Victor "
           "Frankenstein le raconte à Robert Walton, tel que Robert Walton l’écrit à Margaret "
           "Saville", "Volume I, Chapter 2, p. 37 dans the class-set paperback"),
    ("de", "Caroline Frankenstein, zu Victor Frankenstein und Elizabeth Lavenza, wie Victor "
           "Frankenstein es Robert Walton erzählt, wie Robert Walton es an Margaret Saville "
           "schreibt", "Volume I, Chapter 2, S. 37 in the class-set paperback"),
])
def test_who_said_it_and_pages_in_the_packs_language(frankenstein, language: str, answer: str,
                                                     cited: str) -> None:
    from nlmg_packs.compose.units import where_cited

    book = frankenstein.meta.book.model_copy(update={"language": language})
    pack = load_pack(FIXTURES / "frankenstein")
    pack.meta = pack.meta.model_copy(update={"book": book})
    quote = pack.quote_by_id["my-children"]
    assert who_answer(pack, quote) == answer
    assert where_cited(pack, quote) == cited
