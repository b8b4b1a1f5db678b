"""The introduction to the novel (about the author, context, pre-reading, projects, further
reading), and the pieces of it the discussion guides print."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import document, origin
from nlmg_packs.pack import Pack


def has_matter(pack: Pack) -> bool:
    """Whether the pack has anything for an introduction."""
    m = pack.matter
    return bool(m.about_author or m.context or m.pre_reading or m.further_reading)


def about_author_blocks(pack: Pack) -> list[d.Block]:
    """"About the author" as a level-2 section; [] when the pack has none."""
    if not pack.matter.about_author:
        return []
    return [d.Heading(labels.words(pack)(labels.ABOUT_AUTHOR), 2),
            d.Paragraph(pack.matter.about_author,
                        origin=origin(pack, "matter.yaml", ("about_author",)))]


def further_reading_blocks(pack: Pack, level: int = 2) -> list[d.Block]:
    """Further reading and read-alikes as a table (title, author, why); [] when none."""
    books = pack.matter.further_reading
    if not books:
        return []
    rows = tuple((d.Cell(f"*{b.title}*" + (f" ({b.year})" if b.year else ""), bold=True),
                  d.Cell(b.author), d.Cell(b.why)) for b in books)
    w = labels.words(pack)
    return [d.Heading(w(labels.FURTHER_READING), level),
            d.Table(tuple(w(h) for h in labels.FURTHER_READING_HEADER), rows,
                    widths=(2.6, 1.8, 5.0))]


def compose_introduction(pack: Pack, edition: str) -> d.Document:
    """The introduction; the teacher edition adds the note to the teacher and the sources."""
    m, book, w = pack.matter, pack.book, labels.words(pack)
    title = w(labels.INTRODUCTION)
    blocks: list[d.Block] = [
        d.Cover(book.title, title, (w("by {author}", author=book.author), str(book.year))),
        d.Contents(w(labels.CONTENTS), w(labels.UPDATE_CONTENTS)), d.PageBreak()]
    if m.about_author:
        blocks += [d.Heading(w(labels.ABOUT_AUTHOR), 1),
                   d.Paragraph(m.about_author, origin=origin(pack, "matter.yaml",
                                                             ("about_author",)))]
    if m.context:
        blocks.append(d.Heading(w(labels.BOOK_CONTEXT), 1))
        for i, section in enumerate(m.context):
            at = ("context", i)
            blocks += [d.Heading(section.title, 2, origin(pack, "matter.yaml", (*at, "title"))),
                       d.Paragraph(section.text, origin=origin(pack, "matter.yaml",
                                                               (*at, "text")))]
    if edition == "teacher" and m.note_to_teacher:
        blocks.append(d.TeacherNote(w(labels.NOTE_TO_TEACHER), (d.Paragraph(
            m.note_to_teacher, origin=origin(pack, "matter.yaml", ("note_to_teacher",))),)))
    if m.pre_reading:
        blocks.append(d.Heading(w(labels.PRE_READING), 1))
        for i, activity in enumerate(m.pre_reading):
            blocks.append(d.Heading(activity.title, 2, origin(pack, "matter.yaml",
                                                              ("pre_reading", i, "title"))))
            if activity.minutes:
                blocks.append(d.Paragraph(w(labels.MINUTES, n=activity.minutes), "muted"))
            blocks.append(d.Paragraph(activity.instructions, origin=origin(
                pack, "matter.yaml", ("pre_reading", i, "instructions"))))
    projects = [t for t in pack.assignments if t.type == "project"]
    if projects:
        blocks.append(d.Heading(w(labels.PROJECTS), 1))
        for task in projects:
            blocks += [d.Heading(task.title, 2), d.Paragraph(task.prompt)]
    blocks += further_reading_blocks(pack, 1)
    if edition == "teacher" and m.sources:
        blocks += [d.Heading(w(labels.SOURCES), 2), d.BulletList(tuple(m.sources))]
    return document(pack, title, f"{title}: {book.title}", blocks,
                    edition, ("introduction", "context", "further reading"))
