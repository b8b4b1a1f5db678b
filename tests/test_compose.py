"""Composers: the right content in the right edition, no format knowledge needed to check."""

from __future__ import annotations

from pathlib import Path

from nlmg_packs import document as d
from nlmg_packs.compose.catalogue import catalogue
from nlmg_packs.compose.guide import compose_guide
from nlmg_packs.compose.lesson_plan import compose_course_overview, compose_lesson_plan
from nlmg_packs.compose.themes import compose_course_map, compose_theme_tracker
from nlmg_packs.compose.worksheet import compose_worksheet
from nlmg_packs.pack import load_pack


def texts(doc: d.Document) -> str:
    """Every string in the document, flattened."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                walk(getattr(value, name))

    walk(doc.blocks)
    return "\n".join(out)


def test_guide_holds_every_class_prompt_grouped_by_part(mini: Path) -> None:
    pack = load_pack(mini)
    guide = compose_guide(pack, "student")
    questions = [b for b in guide.blocks if isinstance(b, d.Question)]
    assert [q.text for q in questions] == [p.text for p in pack.prompts if p.audience == "class"]
    headings = [b.text for b in guide.blocks if isinstance(b, d.Heading) and b.level == 1]
    assert headings.index("Part One: The harbour") < headings.index("Part Two: The island")
    warnings = [b for b in guide.blocks if isinstance(b, d.Callout) and b.tone == "warning"]
    assert len(warnings) == 2
    assert "end of Part One (chapter 3)" in warnings[0].text


def test_teacher_notes_only_in_teacher_edition(mini: Path) -> None:
    pack = load_pack(mini)
    note = "Look for the detail of the **cold** glass."
    assert note not in texts(compose_guide(pack, "student"))
    assert note in texts(compose_guide(pack, "teacher"))


def test_book_club_guide_has_only_book_club_prompts(mini: Path) -> None:
    pack = load_pack(mini)
    guide = compose_guide(pack, "student", "book-club")
    questions = [b.text for b in guide.blocks if isinstance(b, d.Question)]
    assert questions == ["Which moment of the book stayed with you longest?"]
    assert "The whole novel" in texts(guide)


def test_worksheet_editions(mini: Path) -> None:
    pack = load_pack(mini)
    student = compose_worksheet(pack, "light-and-duty", "student")
    teacher = compose_worksheet(pack, "light-and-duty", "teacher")
    assert isinstance(student.blocks[0], d.NameLines)
    assert not any(isinstance(b, d.TeacherNote) for b in student.blocks)
    answers = texts(teacher)
    for quote in pack.quotes:
        assert quote.model_answer in answers or quote.context in answers
    assert "A strong answer weighs" in answers and "A strong answer weighs" not in texts(student)
    numbers = [b.number for b in student.blocks if isinstance(b, d.Question)]
    assert numbers == list(range(1, len(numbers) + 1))
    response = [b for b in student.blocks if isinstance(b, d.Question)][-1]
    assert response.lines == 8


def test_unchecked_quote_marked_only_for_teachers(mini: Path) -> None:
    pack = load_pack(mini)
    for edition, expected in (("student", set()), ("teacher", {"Every tide"})):
        sheet = compose_worksheet(pack, "light-and-duty", edition)
        marked = {b.text[:10] for b in sheet.blocks if isinstance(b, d.Quote) and b.check_label}
        assert marked == expected


def test_lesson_plan_sequence_and_materials(mini: Path) -> None:
    pack = load_pack(mini)
    plan = compose_lesson_plan(pack, "lit-1")
    table = next(b for b in plan.blocks if isinstance(b, d.Table))
    minutes = [int(row[0].text) for row in table.rows[:-1]]
    assert sum(minutes) == 50 and table.rows[-1][0].text == "50"
    everything = texts(plan)
    assert "common/student/worksheet-light-and-duty.pdf" in everything
    assert "Students will be able to:" in everything
    headings = [b.text for b in plan.blocks if isinstance(b, d.Heading)]
    for expected in ("Objectives", "Standards", "Materials", "Sequence", "Differentiation",
                     "Assessment", "Homework", "Teacher's notes"):
        assert expected in headings


def test_course_overview_and_maps(mini: Path) -> None:
    pack = load_pack(mini)
    overview = compose_course_overview(pack, "literature")
    assert "The first light" in texts(overview)
    matrix = next(b for b in compose_course_map(pack, "teacher").blocks
                  if isinstance(b, d.Table))
    filled = [c.tag.id for c in matrix.rows[0] if c.tag]
    assert filled == ["memory", "duty"]
    tracker = next(b for b in compose_theme_tracker(pack, "student").blocks
                   if isinstance(b, d.Table))
    assert len(tracker.rows) == pack.book.chapters
    chapter_2 = tracker.rows[1]
    assert [c.tag.id for c in chapter_2 if c.tag] == ["duty"]


def test_catalogue_names_are_stable(mini: Path) -> None:
    pack = load_pack(mini)
    paths = [s.relpath(s.native) for s in catalogue(pack)]
    assert "common/student/discussion-guide.pdf" in paths
    assert "literature/teacher/lesson-lit-1.docx" in paths
    assert len(paths) == len(set(paths))
