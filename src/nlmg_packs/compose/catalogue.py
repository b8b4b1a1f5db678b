"""Every document a pack produces, with its kind, place and composer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Literal

from nlmg_packs.document import Document
from nlmg_packs.pack import Pack

Kind = Literal["guide", "worksheets", "bank", "map", "plans", "introduction", "vocabulary",
               "tests", "rubrics"]
KINDS: tuple[Kind, ...] = ("guide", "worksheets", "bank", "map", "plans", "introduction",
                           "vocabulary", "tests", "rubrics")
EDITIONS = ("student", "teacher")


@dataclass(frozen=True)
class DocSpec:
    """One document of one edition: where it goes and how to compose it."""

    kind: Kind
    name: str
    """File stem, from validated ids only."""
    course: str | None
    """Course id, or None for documents common to every course."""
    edition: str
    native: str
    """The format it is made in by default: "pdf" or "docx"."""
    compose: Callable[[str], Document]
    """Composes the document; takes the format handouts are referred to in ("pdf"/"docx")."""

    def relpath(self, fmt: str) -> str:
        from nlmg_packs.compose.naming import folder

        return f"{folder(self.course, self.edition)}/{self.name}.{fmt}"


def catalogue(pack: Pack, versions: int = 1) -> list[DocSpec]:
    """All documents of `pack`, in a stable order; each test in `versions` versions."""
    from nlmg_packs.compose.guide import compose_guide
    from nlmg_packs.compose.lesson_plan import compose_course_overview, compose_lesson_plan
    from nlmg_packs.compose.naming import lesson_name, worksheet_name
    from nlmg_packs.compose.quotation_bank import compose_quotation_bank
    from nlmg_packs.compose.themes import compose_course_map, compose_theme_tracker
    from nlmg_packs.compose.worksheet import compose_worksheet

    def fixed(fn: Callable[..., Document], *args: object) -> Callable[[str], Document]:
        return lambda _ext: fn(pack, *args)

    specs: list[DocSpec] = []
    if any(p.audience == "class" for p in pack.prompts):
        for edition in EDITIONS:
            specs.append(DocSpec("guide", "discussion-guide", None, edition, "pdf",
                                 fixed(compose_guide, edition, "class")))
    if any(p.audience == "book-club" for p in pack.prompts):
        specs.append(DocSpec("guide", "book-club-guide", None, "student", "pdf",
                             fixed(compose_guide, "student", "book-club")))
    for sheet in pack.worksheets:
        for edition in EDITIONS:
            specs.append(DocSpec("worksheets", worksheet_name(sheet.id), None, edition, "pdf",
                                 fixed(compose_worksheet, sheet.id, edition)))
    if pack.quotes:
        for edition in EDITIONS:
            specs.append(DocSpec("bank", "quotation-bank", None, edition, "pdf",
                                 fixed(compose_quotation_bank, edition)))
    for edition in EDITIONS:
        specs.append(DocSpec("map", "theme-tracker", None, edition, "pdf",
                             fixed(compose_theme_tracker, edition)))
    if pack.courses:
        specs.append(DocSpec("map", "themes-by-course", None, "teacher", "pdf",
                             fixed(compose_course_map, "teacher")))
    specs += apparatus(pack, versions)
    for course in pack.courses:
        if not course.lessons:
            continue
        specs.append(DocSpec("plans", "course-overview", course.id, "teacher", "docx",
                             fixed(compose_course_overview, course.id)))
        for lesson in course.lessons:
            specs.append(DocSpec("plans", lesson_name(lesson.id), course.id, "teacher", "docx",
                                 partial(compose_lesson_plan, pack, lesson.id,
                                         versions=versions)))
    return specs


def apparatus(pack: Pack, versions: int = 1) -> list[DocSpec]:
    """The introduction, vocabulary, tests (each version) and assignments of `pack`."""
    from nlmg_packs.compose import naming as n
    from nlmg_packs.compose.assignments import compose_assignment
    from nlmg_packs.compose.introduction import compose_introduction, has_matter
    from nlmg_packs.compose.quiz import compose_test
    from nlmg_packs.compose.vocabulary import (
        compose_vocabulary_activities,
        compose_vocabulary_list,
    )

    def spec(kind: Kind, name: str, edition: str, fn: Callable[..., Document],
             *args: object) -> DocSpec:
        return DocSpec(kind, name, None, edition, "pdf", lambda _ext: fn(pack, *args))

    specs: list[DocSpec] = []
    if has_matter(pack):
        specs += [spec("introduction", "introduction", e, compose_introduction, e)
                  for e in EDITIONS]
    for part in pack.book.parts:
        if any(w.part == part.id for w in pack.words):
            specs.append(spec("vocabulary", n.vocabulary_name(part.id), "student",
                              compose_vocabulary_list, part.id))
            specs += [spec("vocabulary", n.vocabulary_name(part.id, True), e,
                           compose_vocabulary_activities, part.id, e) for e in EDITIONS]
    for test in pack.tests:
        for version in range(versions):
            specs += [spec("tests", n.test_name(test.id, version, versions), e, compose_test,
                           test.id, e, version, versions) for e in EDITIONS]
    for task in pack.assignments:
        specs += [spec("rubrics", n.assignment_name(task.id), e, compose_assignment, task.id, e)
                  for e in EDITIONS]
    return specs
