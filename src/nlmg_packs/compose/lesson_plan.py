"""Lesson plans and course overviews, the documents teachers edit most."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import (
    as_lesson_plan,
    document,
    origin,
    provenance_note,
    quote_block,
    tags,
)
from nlmg_packs.compose.coverage import assessment_materials, attached_rubrics, standards_table
from nlmg_packs.compose.naming import folder, worksheet_name
from nlmg_packs.compose.units import span_in_column, span_label
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model import Course, Lesson

NOTES_LINES = 8


def _find(pack: Pack, lesson_id: str) -> tuple[int, Course, int, Lesson]:
    for c_index, course in enumerate(pack.courses):
        for l_index, lesson in enumerate(course.lessons):
            if lesson.id == lesson_id:
                return c_index, course, l_index, lesson
    raise KeyError(lesson_id)


def compose_lesson_plan(pack: Pack, lesson_id: str, handout_ext: str = "pdf", *,
                        versions: int = 1) -> d.Document:
    """The full plan of one lesson, teacher edition; its materials name the files of each test
    in `versions` versions (A, B, …), as the build makes them."""
    c_index, course, l_index, lesson = _find(pack, lesson_id)
    path, w = ("courses", c_index, "lessons", l_index), labels.words(pack)
    facts = [course.name, w.plural("{count} minute", "{count} minutes", lesson.minutes),
             span_label(pack, lesson.span)]

    def at(*key: str | int, file: str = "courses.yaml") -> d.Origin:
        return origin(pack, file, (*path, *key) if file == "courses.yaml" else key)

    blocks: list[d.Block] = [
        d.Heading(w("Lesson {number}: {title}", number=l_index + 1, title=lesson.title), 1,
                  origin(pack, "courses.yaml", (*path, "title"))),
        d.Paragraph(" · ".join(f for f in facts if f), "muted",
                    origin(pack, "courses.yaml", ("courses", c_index, "name"))),
        d.Heading(w("Objectives"), 2),
        d.Paragraph(w("Students will be able to:")),
        d.BulletList(tuple(lesson.objectives), ordered=True),
    ]
    if lesson.standards:
        blocks += [d.Heading(w("Standards"), 2), d.BulletList(tuple(lesson.standards))]
    blocks += [d.Heading(w("Materials"), 2),
               d.BulletList(_materials(pack, lesson, handout_ext, versions))]
    blocks += [d.Heading(w("Sequence"), 2), _sequence_table(pack, lesson)]
    if lesson.prompts:
        blocks.append(d.Heading(w("Discussion prompts"), 2))
        for number, prompt_id in enumerate(lesson.prompts, 1):
            prompt = pack.prompt_by_id[prompt_id]
            p_index = pack.position("prompts", prompt_id)
            blocks.append(d.Question(number, prompt.text, 0, tags(pack, prompt.themes),
                                     span_label(pack, prompt.span),
                                     at("prompts", p_index, "text", file="discussion.yaml")))
            if prompt.teacher_notes:
                where = at("prompts", p_index, "teacher_notes", file="discussion.yaml")
                blocks.append(d.TeacherNote(w(labels.LESSON_NOTES),
                                            (d.Paragraph(prompt.teacher_notes, origin=where),)))
    if lesson.quotes:
        blocks.append(d.Heading(w("Quotations"), 2))
        for q in lesson.quotes:
            blocks += [quote_block(pack, q, "teacher"), *provenance_note(pack, q, "teacher")]
    blocks += [
        d.Heading(w("Differentiation"), 2),
        d.Heading(w("Support"), 3),
        d.Paragraph(lesson.differentiation.support,
                    origin=at("differentiation", "support")),
        d.Heading(w("Stretch"), 3),
        d.Paragraph(lesson.differentiation.stretch,
                    origin=at("differentiation", "stretch")),
        d.Heading(w("Assessment"), 2), d.Paragraph(lesson.assessment, origin=at("assessment")),
    ]
    if lesson.homework:
        blocks += [d.Heading(w("Homework"), 2),
                   d.Paragraph(lesson.homework, origin=at("homework"))]
    blocks += attached_rubrics(pack, lesson)
    blocks += [d.Heading(w("Teacher's notes"), 2), d.AnswerLines(NOTES_LINES)]
    title = w("{course}, lesson {number}: {title}", course=course.name, number=l_index + 1,
              title=lesson.title)
    return as_lesson_plan(pack, document(pack, title, w("Lesson plan: {title}",
                                                        title=lesson.title),
                                         blocks, "teacher", ("lesson plan", course.name)))


def _sequence_table(pack: Pack, lesson: Lesson) -> d.Table:
    rows, w = [], labels.words(pack)
    elapsed = 0
    for step in lesson.sequence:
        start = elapsed
        elapsed += step.minutes
        rows.append((d.Cell(f"{step.minutes}"), d.Cell(f"{start}–{elapsed}"),
                     d.Cell(step.activity, bold=True), d.Cell(step.teacher or ""),
                     d.Cell(step.students or "")))
    rows.append((d.Cell(f"{elapsed}", bold=True), d.Cell(""), d.Cell(w("Total"), bold=True),
                 d.Cell(""), d.Cell("")))
    return d.Table(tuple(map(w, ("Min", "Clock", "Activity", "Teacher", "Students"))),
                   tuple(rows), widths=(0.7, 1.0, 2.2, 3.3, 3.3))


def _materials(pack: Pack, lesson: Lesson, ext: str, versions: int) -> tuple[str, ...]:
    items, w = [], labels.words(pack)
    for ws_id in lesson.worksheets:
        sheet = pack.worksheet_by_id[ws_id]
        items.append(w("Worksheet *{title}*: {path} (answers in the teacher edition, {answers})",
                       title=sheet.title,
                       path=f"{folder(None, 'student')}/{worksheet_name(ws_id)}.{ext}",
                       answers=f"{folder(None, 'teacher')}/{worksheet_name(ws_id)}.{ext}"))
    if lesson.prompts:
        items.append(w("Discussion guide: {path} (prompts listed below)",
                       path=f"{folder(None, 'student')}/discussion-guide.{ext}"))
    items += assessment_materials(pack, lesson, ext, versions)
    items += lesson.materials
    reading = _reading(pack, lesson.span)
    if reading:
        items.append(w("Copies of the novel ({chapters})", chapters=reading))
    return tuple(items)


def _reading(pack: Pack, refs: list[int | str]) -> str:
    """What a lesson reads, inside a sentence: "chapters 3–5", or the units' labels."""
    span = pack.span(refs)
    if span is None or not pack.numbered_chapters:
        return span_label(pack, refs)
    w, (first, last) = labels.words(pack), span
    if first == last:
        return w("chapter {number}", number=first.number)
    return w("chapters {first}–{last}", first=first.number, last=last.number)


def compose_course_overview(pack: Pack, course_id: str) -> d.Document:
    """The unit at a glance, lesson by lesson."""
    c_index = pack.position("courses", course_id)
    course = pack.courses[c_index]
    total, w = sum(lesson.minutes for lesson in course.lessons), labels.words(pack)
    plain = pack.numbered_chapters
    facts = (w("*{book}* by {author}", book=pack.book.title, author=pack.book.author),
             w.plural("{count} lesson", "{count} lessons", len(course.lessons)),
             w.plural("{count} minute", "{count} minutes", total))
    blocks: list[d.Block] = [
        d.Heading(w("{course}: unit overview", course=course.name), 1,
                  origin(pack, "courses.yaml", ("courses", c_index, "name"))),
        d.Paragraph(" · ".join(facts), "muted", origin(pack, "pack.yaml", ("book", "title"))),
        d.Heading(w("Focus"), 2),
        d.Paragraph(course.focus, origin=origin(pack, "courses.yaml",
                                                ("courses", c_index, "focus"))),
        d.Heading(w("Themes"), 2),
        d.ThemeLegend(tags(pack, course.themes), w(labels.THEME_KEY)),
        d.Heading(w("Lessons at a glance"), 2),
        d.Table(("#", w("Lesson"), w("Chapters" if plain else labels.READING), w("Handouts")),
                tuple((d.Cell(str(n)), d.Cell(lesson.title, bold=True),
                       d.Cell(span_in_column(pack, lesson.span)),
                       d.Cell(", ".join(pack.worksheet_by_id[w].title
                                        for w in lesson.worksheets)))
                      for n, lesson in enumerate(course.lessons, 1)),
                widths=(0.5, 4.0, 1.6, 4.0) if plain else (0.5, 3.4, 2.8, 3.4)),
    ]
    for n, lesson in enumerate(course.lessons, 1):
        at = ("courses", c_index, "lessons", n - 1)
        blocks += [d.Heading(w("Lesson {number}: {title}", number=n, title=lesson.title), 2,
                             origin(pack, "courses.yaml", (*at, "title"))),
                   d.Paragraph(w("Students will be able to:")),
                   d.BulletList(tuple(lesson.objectives)),
                   d.Paragraph(w("**Assessment.** {text}", text=lesson.assessment),
                               origin=origin(pack, "courses.yaml", (*at, "assessment")))]
        if lesson.homework:
            blocks.append(d.Paragraph(w("**Homework.** {text}", text=lesson.homework),
                                      origin=origin(pack, "courses.yaml", (*at, "homework"))))
    blocks += standards_table(pack, course)
    blocks += [d.Heading(w("Notes"), 2), d.AnswerLines(NOTES_LINES)]
    return as_lesson_plan(pack, document(
        pack, w("{course}: unit overview", course=course.name),
        w("Course overview: {course}", course=course.name), blocks, "teacher",
        ("course overview", course.name)))
