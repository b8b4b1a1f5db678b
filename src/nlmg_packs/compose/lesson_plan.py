"""Lesson plans and course overviews, the documents teachers edit most."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import (
    as_lesson_plan,
    chapters_label,
    document,
    origin,
    provenance_note,
    quote_block,
    tags,
)
from nlmg_packs.compose.naming import folder, worksheet_name
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model import Course, Lesson

NOTES_LINES = 8


def _find(pack: Pack, lesson_id: str) -> tuple[int, Course, int, Lesson]:
    for c_index, course in enumerate(pack.courses):
        for l_index, lesson in enumerate(course.lessons):
            if lesson.id == lesson_id:
                return c_index, course, l_index, lesson
    raise KeyError(lesson_id)


def compose_lesson_plan(pack: Pack, lesson_id: str, handout_ext: str = "pdf") -> d.Document:
    """The full plan of one lesson, teacher edition."""
    c_index, course, l_index, lesson = _find(pack, lesson_id)
    path = ("courses", c_index, "lessons", l_index)
    facts = [course.name, f"{lesson.minutes} minutes", chapters_label(lesson.chapters)]

    def at(*key: str | int, file: str = "courses.yaml") -> d.Origin:
        return origin(pack, file, (*path, *key) if file == "courses.yaml" else key)

    blocks: list[d.Block] = [
        d.Heading(f"Lesson {l_index + 1}: {lesson.title}", 1,
                  origin(pack, "courses.yaml", (*path, "title"))),
        d.Paragraph(" · ".join(f for f in facts if f), "muted",
                    origin(pack, "courses.yaml", ("courses", c_index, "name"))),
        d.Heading("Objectives", 2),
        d.Paragraph("Students will be able to:"),
        d.BulletList(tuple(lesson.objectives), ordered=True),
    ]
    if lesson.standards:
        blocks += [d.Heading("Standards", 2), d.BulletList(tuple(lesson.standards))]
    blocks += [d.Heading("Materials", 2), d.BulletList(_materials(pack, lesson, handout_ext))]
    blocks += [d.Heading("Sequence", 2), _sequence_table(lesson)]
    if lesson.prompts:
        blocks.append(d.Heading("Discussion prompts", 2))
        for number, prompt_id in enumerate(lesson.prompts, 1):
            prompt = pack.prompt_by_id[prompt_id]
            p_index = pack.position("prompts", prompt_id)
            blocks.append(d.Question(number, prompt.text, 0, tags(pack, prompt.themes),
                                     chapters_label(prompt.chapters),
                                     at("prompts", p_index, "text", file="discussion.yaml")))
            if prompt.teacher_notes:
                where = at("prompts", p_index, "teacher_notes", file="discussion.yaml")
                blocks.append(d.TeacherNote(labels.LESSON_NOTES,
                                            (d.Paragraph(prompt.teacher_notes, origin=where),)))
    if lesson.quotes:
        blocks.append(d.Heading("Quotations", 2))
        for q in lesson.quotes:
            blocks += [quote_block(pack, q, "teacher"), *provenance_note(pack, q, "teacher")]
    blocks += [
        d.Heading("Differentiation", 2),
        d.Heading("Support", 3),
        d.Paragraph(lesson.differentiation.support,
                    origin=at("differentiation", "support")),
        d.Heading("Stretch", 3),
        d.Paragraph(lesson.differentiation.stretch,
                    origin=at("differentiation", "stretch")),
        d.Heading("Assessment", 2), d.Paragraph(lesson.assessment, origin=at("assessment")),
    ]
    if lesson.homework:
        blocks += [d.Heading("Homework", 2),
                   d.Paragraph(lesson.homework, origin=at("homework"))]
    blocks += [d.Heading("Teacher's notes", 2), d.AnswerLines(NOTES_LINES)]
    return as_lesson_plan(document(pack, f"{course.name}, lesson {l_index + 1}: {lesson.title}",
                                   f"Lesson plan: {lesson.title}", blocks, "teacher",
                                   ("lesson plan", course.name)))


def _sequence_table(lesson: Lesson) -> d.Table:
    rows = []
    elapsed = 0
    for step in lesson.sequence:
        start = elapsed
        elapsed += step.minutes
        rows.append((d.Cell(f"{step.minutes}"), d.Cell(f"{start}–{elapsed}"),
                     d.Cell(step.activity, bold=True), d.Cell(step.teacher or ""),
                     d.Cell(step.students or "")))
    rows.append((d.Cell(f"{elapsed}", bold=True), d.Cell(""), d.Cell("Total", bold=True),
                 d.Cell(""), d.Cell("")))
    return d.Table(("Min", "Clock", "Activity", "Teacher", "Students"), tuple(rows),
                   widths=(0.7, 1.0, 2.2, 3.3, 3.3))


def _materials(pack: Pack, lesson: Lesson, ext: str) -> tuple[str, ...]:
    items = []
    for ws_id in lesson.worksheets:
        sheet = pack.worksheet_by_id[ws_id]
        items.append(f"Worksheet *{sheet.title}*: {folder(None, 'student')}/"
                     f"{worksheet_name(ws_id)}.{ext} (answers in the teacher edition, "
                     f"{folder(None, 'teacher')}/{worksheet_name(ws_id)}.{ext})")
    if lesson.prompts:
        items.append(f"Discussion guide: {folder(None, 'student')}/discussion-guide.{ext} "
                     f"(prompts listed below)")
    items += lesson.materials
    if lesson.chapters:
        items.append(f"Copies of the novel ({chapters_label(lesson.chapters).lower()})")
    return tuple(items)


def compose_course_overview(pack: Pack, course_id: str) -> d.Document:
    """The unit at a glance, lesson by lesson."""
    c_index = pack.position("courses", course_id)
    course = pack.courses[c_index]
    total = sum(lesson.minutes for lesson in course.lessons)
    blocks: list[d.Block] = [
        d.Heading(f"{course.name}: unit overview", 1,
                  origin(pack, "courses.yaml", ("courses", c_index, "name"))),
        d.Paragraph(f"*{pack.book.title}* by {pack.book.author} · {len(course.lessons)} lessons "
                    f"· {total} minutes", "muted", origin(pack, "pack.yaml", ("book", "title"))),
        d.Heading("Focus", 2),
        d.Paragraph(course.focus, origin=origin(pack, "courses.yaml",
                                                ("courses", c_index, "focus"))),
        d.Heading("Themes", 2),
        d.ThemeLegend(tags(pack, course.themes), labels.THEME_KEY),
        d.Heading("Lessons at a glance", 2),
        d.Table(("#", "Lesson", "Chapters", "Handouts"),
                tuple((d.Cell(str(n)), d.Cell(lesson.title, bold=True),
                       d.Cell(chapters_label(lesson.chapters).replace("Chapters ", "")
                              .replace("Chapter ", "")),
                       d.Cell(", ".join(pack.worksheet_by_id[w].title
                                        for w in lesson.worksheets)))
                      for n, lesson in enumerate(course.lessons, 1)),
                widths=(0.5, 4.0, 1.6, 4.0)),
    ]
    for n, lesson in enumerate(course.lessons, 1):
        at = ("courses", c_index, "lessons", n - 1)
        blocks += [d.Heading(f"Lesson {n}: {lesson.title}", 2,
                             origin(pack, "courses.yaml", (*at, "title"))),
                   d.Paragraph("Students will be able to:"),
                   d.BulletList(tuple(lesson.objectives)),
                   d.Paragraph(f"**Assessment.** {lesson.assessment}",
                               origin=origin(pack, "courses.yaml", (*at, "assessment")))]
        if lesson.homework:
            blocks.append(d.Paragraph(f"**Homework.** {lesson.homework}",
                                      origin=origin(pack, "courses.yaml", (*at, "homework"))))
    blocks += [d.Heading("Notes", 2), d.AnswerLines(NOTES_LINES)]
    return as_lesson_plan(document(pack, f"{course.name}: unit overview",
                                   f"Course overview: {course.name}", blocks, "teacher",
                                   ("course overview", course.name)))
