"""The bundled *Never Let Me Go* pack loads and holds everything a teacher is promised."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nlmg_packs.pack import Pack, load_pack

PACK_DIR = Path(__file__).parents[1] / "packs" / "never-let-me-go"

PARTS = {"part-one": (1, 9), "part-two": (10, 17), "part-three": (18, 23)}
CHARACTERS = {"kathy", "ruth", "tommy", "miss-emily", "madame", "miss-lucy",
              "miss-geraldine", "chrissie", "rodney", "keffers"}
SYMBOLS = {"hailsham", "gallery", "tape", "norfolk", "boat"}
COURSES = {"bioethics", "posthuman", "social-studies", "english-literature"}
QUOTES_PER_PART = {"part-one": 12, "part-two": 6, "part-three": 10}
"""The counts the pack had before its quotations were checked; corrections must not lower them."""
CLASS_PROMPTS_PER_PART = {"part-one": 16, "part-two": 15, "part-three": 14}
LONGEST_UNATTRIBUTED_QUOTE = 8
"""Words a double-quoted passage may have without being one of the pack's quotations."""


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_DIR)


def class_prompts(pack: Pack):
    return [p for p in pack.prompts if p.audience == "class"]


def test_book(pack: Pack) -> None:
    book = pack.book
    assert book.title == "Never Let Me Go"
    assert book.author == "Kazuo Ishiguro"
    assert book.year == 2005
    assert book.publisher == "Faber and Faber"
    assert book.chapters == 23
    assert book.language == "en-GB"
    assert pack.meta.paper == "a4"
    assert book.edition_note and "chapter" in book.edition_note
    assert book.blurb and book.citation
    assert {p.id: tuple(p.chapters) for p in book.parts} == PARTS


def test_characters_themes_symbols(pack: Pack) -> None:
    assert set(pack.characters) >= CHARACTERS
    assert len(pack.themes) >= 8
    colours = [t.colour.lower() for t in pack.themes.values()]
    letters = [t.letter or t.name[0] for t in pack.themes.values()]
    assert len(set(colours)) == len(colours)
    assert len(set(letters)) == len(letters)
    assert {s.id for s in pack.meta.symbols} >= SYMBOLS


@pytest.mark.parametrize("part", sorted(PARTS))
def test_class_prompts_per_part(pack: Pack, part: str) -> None:
    assert len([p for p in class_prompts(pack) if p.part == part]) >= CLASS_PROMPTS_PER_PART[part]


def test_whole_novel_and_book_club_prompts(pack: Pack) -> None:
    assert len([p for p in class_prompts(pack) if p.part is None]) >= 8
    club = [p for p in pack.prompts if p.audience == "book-club"]
    assert len(club) >= 10


def test_prompt_levels_and_notes(pack: Pack) -> None:
    prompts = class_prompts(pack)
    levels = Counter(p.level for p in prompts)
    assert set(levels) == {"recall", "understand", "apply", "analyse", "evaluate", "create"}
    assert sum(1 for p in pack.prompts if p.teacher_notes) * 2 >= len(pack.prompts)
    for p in pack.prompts:
        assert p.themes and p.chapters, p.id


def test_quotes(pack: Pack) -> None:
    assert len(pack.quotes) >= 24
    per_part = Counter(pack.part_of_chapter(q.chapter).id for q in pack.quotes)
    for part in PARTS:
        assert per_part[part] >= QUOTES_PER_PART[part], part
    for q in pack.quotes:
        assert len(q.questions) >= 2, q.id
        assert q.speaker in pack.characters, q.id
        assert len(q.model_answer.split()) >= 40, q.id
        assert not (q.source.verified and not q.source.edition), q.id


def test_no_quote_claims_verification(pack: Pack) -> None:
    # Nobody has checked these against a printed edition yet.
    assert all(not q.source.verified for q in pack.quotes)


def test_worksheets(pack: Pack) -> None:
    assert len(pack.worksheets) >= 5
    for ws in pack.worksheets:
        assert (ws.theme is None) != (ws.part is None), ws.id
        assert len({a.type for a in ws.activities}) >= 3, ws.id
        for act in ws.activities:
            if act.type == "written-response":
                assert act.prompt and act.model_answer, ws.id


def test_part_worksheets_do_not_spoil(pack: Pack) -> None:
    for ws in pack.worksheets:
        if ws.part is None:
            continue
        last = PARTS[ws.part][1]
        for act in ws.activities:
            for qid in act.quotes:
                assert pack.quote_by_id[qid].chapter <= last, (ws.id, qid)


def test_courses(pack: Pack) -> None:
    assert {c.id for c in pack.courses} == COURSES
    for course in pack.courses:
        assert course.focus and course.themes
        assert len(course.lessons) >= 3, course.id
        for lesson in course.lessons:
            assert lesson.minutes == 50, lesson.id
            assert sum(s.minutes for s in lesson.sequence) == 50, lesson.id
            assert lesson.objectives and lesson.assessment, lesson.id
            assert lesson.differentiation.support and lesson.differentiation.stretch
            assert lesson.homework, lesson.id


def _chapter_ranges(pack: Pack):
    for c in pack.meta.characters:
        yield f"character {c.id}", c.chapters, None
    for s in pack.meta.symbols:
        yield f"symbol {s.id}", s.chapters, None
    for p in pack.prompts:
        yield f"prompt {p.id}", p.chapters or [], p.part
    for q in pack.quotes:
        yield f"quote {q.id}", [q.chapter], None
    for course in pack.courses:
        for lesson in course.lessons:
            yield f"lesson {lesson.id}", lesson.chapters or [], None


def test_chapters_in_range_and_in_part(pack: Pack) -> None:
    for where, chapters, part in _chapter_ranges(pack):
        for chapter in chapters:
            assert 1 <= chapter <= 23, where
            if part is not None:
                first, last = PARTS[part]
                assert first <= chapter <= last, where


# ---- quotations confirmed, and no unconfirmed words inside quotation marks ----------------

def test_every_quotation_confirmed_by_two_independent_sources(pack: Pack) -> None:
    for q in pack.quotes:
        sources = q.source.provenance
        assert len(sources) >= 2, q.id
        assert len({s.source.casefold() for s in sources}) == len(sources), q.id
        assert len({s.url for s in sources}) == len(sources), q.id
        assert all(s.chapter in (None, q.chapter) for s in sources), q.id
        assert q.source.confirmed, q.id


def _texts(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every string inside a dumped model, with a readable path to it."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            label = item.get("id", index) if isinstance(item, dict) else index
            yield from _texts(item, f"{where}[{label}]")


def _pack_texts() -> list[tuple[str, str]]:
    """Every text field of the bundled pack except the quotations' own words and sources.

    A quotation's `source` block records sources and variant wordings on purpose and is never
    printed as text, so it is left out.
    """
    pack = load_pack(PACK_DIR)
    found = list(_texts(pack.meta.model_dump(), "pack"))
    for prompt in pack.prompts:
        found += _texts(prompt.model_dump(), f"prompt[{prompt.id}]")
    for quote in pack.quotes:
        found += _texts(quote.model_dump(exclude={"text", "source"}), f"quote[{quote.id}]")
    for worksheet in pack.worksheets:
        found += _texts(worksheet.model_dump(), f"worksheet[{worksheet.id}]")
    for course in pack.courses:
        found += _texts(course.model_dump(), f"course[{course.id}]")
    return [(where, text) for where, text in found if '"' in text or "“" in text]


def _normal(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").casefold()
    return re.sub(r"\s+", " ", text).strip()


def _quoted_passages(text: str) -> list[str]:
    return re.findall(r"“([^”]*)”", text) + re.findall(r'"([^"]*)"', text)


def _is_quotation(passage: str, quotations: list[str]) -> bool:
    """Every part of `passage` between ellipses is in one of the pack's quotations."""
    parts = [p.strip(" ,.;:!?") for p in re.split(r"…|\.\.\.|\. \. \.", _normal(passage))]
    return all(any(part in q for q in quotations) for part in parts if part)


@pytest.mark.parametrize(("where", "text"), _pack_texts(), ids=lambda v: v[:60])
def test_no_unattributed_long_quotation(pack: Pack, where: str, text: str) -> None:
    quotations = [_normal(q.text) for q in pack.quotes]
    for passage in _quoted_passages(text):
        words = re.sub(r"…|\.\.\.", " ", passage).split()
        if len(words) > LONGEST_UNATTRIBUTED_QUOTE:
            assert _is_quotation(passage, quotations), (
                f"{where}: “{passage}” is not one of the pack's quotations")


# ---- each part's material keeps to its own part ------------------------------------------

LATER_NAMES = {"part-one": ("deferral", "Chrissie", "Rodney", "Kingsfield", "Littlehampton"),
               "part-two": ("Kingsfield", "Littlehampton", "Dover", "Marie-Claude")}
"""Names a reader first meets in a later part: a part's prompts and worksheets must not use them."""


def _part_texts() -> list[tuple[str, str, str]]:
    pack = load_pack(PACK_DIR)
    found = []
    for prompt in pack.prompts:
        if prompt.part:
            found += [(prompt.part, where, text)
                      for where, text in _texts(prompt.model_dump(), f"prompt[{prompt.id}]")]
    for sheet in pack.worksheets:
        if sheet.part:
            found += [(sheet.part, where, text)
                      for where, text in _texts(sheet.model_dump(), f"worksheet[{sheet.id}]")]
    return found


@pytest.mark.parametrize(("part", "where", "text"), _part_texts(), ids=lambda v: v[:50])
def test_part_material_does_not_reach_later_parts(part: str, where: str, text: str) -> None:
    last = PARTS[part][1]
    for number in re.findall(r"[Cc]hapters? (\d+)", text):
        assert int(number) <= last, f"{where} mentions chapter {number}"
    for name in LATER_NAMES.get(part, ()):
        assert name.casefold() not in text.casefold(), f"{where} mentions {name}"
