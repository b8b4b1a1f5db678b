"""What each course's cartridges hold: a module per lesson, its handouts as pages and printable
files, its discussion prompts as topics and its tests as QTI assessments (student cartridge);
lesson plans, teacher editions and answer keys (teacher cartridge).

Composing is cheap and rendering is not, so a cartridge is first described (`Part`s, from
which its key is computed) and only rendered (`assemble`) when that key has changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlmg_packs.document import Document
from nlmg_packs.lms import labels
from nlmg_packs.lms.bank import BankItem, bank_of_test
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model import Course, Lesson
from nlmg_packs.render.inline import plain_text
from nlmg_packs.render.options import RenderOptions


@dataclass(frozen=True)
class Part:
    """One resource of a cartridge, before rendering."""

    module: str
    kind: str
    """"page" (HTML), "file" (PDF or DOCX), "topic" or "assessment"."""
    title: str
    path: str
    """Inside the package for pages and files; the resource's name for topics and tests."""
    doc: Document | None = None
    text: str = ""
    items: tuple[BankItem, ...] = ()
    intended_use: str | None = None


def course_parts(pack: Pack, course: Course, edition: str) -> list[Part]:
    """Every resource of `course`'s student or teacher cartridge, in module order."""
    from nlmg_packs.compose.lesson_plan import compose_course_overview

    parts: list[Part] = []
    if edition == "teacher":
        overview = compose_course_overview(pack, course.id)
        parts += _document(labels.OVERVIEW, "overview/course-overview", overview, "docx")
    for lesson in course.lessons:
        parts += _lesson(pack, lesson, edition)
    return parts


def _document(module: str, stem: str, doc: Document, fmt: str = "pdf",
              intended_use: str | None = None) -> list[Part]:
    title = plain_text(doc.title)
    if doc.edition == "teacher" and fmt == "pdf":
        title = labels.TEACHER_COPY.format(title=title)
    printable = labels.EDITABLE if fmt == "docx" else labels.PRINTABLE
    return [Part(module, "page", title, f"{stem}.html", doc, intended_use=intended_use),
            Part(module, "file", printable.format(title=title), f"{stem}.{fmt}", doc)]


def _lesson(pack: Pack, lesson: Lesson, edition: str) -> list[Part]:
    from nlmg_packs.compose.assignments import compose_assignment
    from nlmg_packs.compose.lesson_plan import compose_lesson_plan
    from nlmg_packs.compose.quiz import compose_test
    from nlmg_packs.compose.worksheet import compose_worksheet

    module, folder = lesson.title, f"{lesson.id}/{edition}"
    parts: list[Part] = []
    if edition == "teacher":
        parts += _document(module, f"{folder}/lesson-{lesson.id}",
                           compose_lesson_plan(pack, lesson.id, "pdf"), "docx", "lessonplan")
    for sheet in lesson.worksheets:
        parts += _document(module, f"{folder}/worksheet-{sheet}",
                           compose_worksheet(pack, sheet, edition))
    if edition == "student":
        for prompt_id in lesson.prompts:
            text = pack.prompt_by_id[prompt_id].text
            parts.append(Part(module, "topic", labels.DISCUSSION.format(text=_short(text)),
                              f"dt-{lesson.id}-{prompt_id}", text=text))
    for ident in lesson.assessments:
        if ident in pack.test_by_id:
            if edition == "student":
                parts.append(Part(module, "assessment", pack.test_by_id[ident].title,
                                  f"qti-{lesson.id}-{ident}",
                                  items=tuple(bank_of_test(pack, ident))))
            else:
                parts += _document(module, f"{folder}/test-{ident}",
                                   compose_test(pack, ident, "teacher"))
        elif ident in pack.assignment_by_id:
            parts += _document(module, f"{folder}/assignment-{ident}",
                               compose_assignment(pack, ident, edition))
    return parts


def _short(text: str) -> str:
    plain = " ".join(plain_text(text).split())
    if len(plain) <= labels.TOPIC_TITLE_LENGTH:
        return plain
    return plain[:labels.TOPIC_TITLE_LENGTH].rsplit(" ", 1)[0] + "\u2026"


def assemble(parts: list[Part], title: str, language: str, version: str,
             options: RenderOptions) -> bytes:
    """Render every part and package them: the `.imscc` bytes."""
    from nlmg_packs.lms.cartridge import Cartridge
    from nlmg_packs.lms.qti import qti_assessment
    from nlmg_packs.render.html import render_html

    cartridge = Cartridge(title, language, version)
    modules = {}
    for part in parts:
        if part.module not in modules:
            modules[part.module] = cartridge.module(part.module)
        module = modules[part.module]
        if part.kind == "page" and part.doc is not None:
            cartridge.page(module, part.title, part.path, render_html(part.doc, options),
                           part.intended_use)
        elif part.kind == "file" and part.doc is not None:
            cartridge.page(module, part.title, part.path, _printable(part.doc, part.path, options))
        elif part.kind == "topic":
            cartridge.topic(module, part.title, part.path, part.text)
        else:
            cartridge.assessment(module, part.title, part.path,
                                 qti_assessment(part.path, part.title, list(part.items)))
    return cartridge.package(options.timestamp)


def _printable(doc: Document, path: str, options: RenderOptions) -> bytes:
    """The PDF (or, for a `.docx` path, DOCX) of `doc`, as the build renders it."""
    if path.endswith(".docx"):
        from nlmg_packs.render.docx import render_docx

        return render_docx(doc, options)
    from nlmg_packs.render.pdf import render_pdf

    return render_pdf(doc, options)
