"""The discussion guide (class) and the book-club guide: prompts grouped by part, as a booklet."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import (
    all_tags,
    cast_list,
    document,
    edition_note,
    origin,
    tags,
)
from nlmg_packs.compose.introduction import about_author_blocks, further_reading_blocks
from nlmg_packs.compose.units import in_sentence, span_label
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model import Part, Prompt

NOTES_LINES = 26


def compose_guide(pack: Pack, edition: str, audience: str = "class") -> d.Document:
    """A booklet of the pack's prompts for `audience`, part by part with spoiler warnings."""
    book_club, w = audience == "book-club", labels.words(pack)
    title = w("Book-club guide" if book_club else "Discussion guide")
    blocks: list[d.Block] = [
        d.Cover(pack.book.title, title, (w("by {author}", author=pack.book.author),
                                         str(pack.book.year))),
        d.Contents(w(labels.CONTENTS), w(labels.UPDATE_CONTENTS)),
        d.PageBreak(),
        d.Heading(w("About this guide"), 1),
    ]
    if pack.book.blurb:
        blocks.append(d.Paragraph(pack.book.blurb, "lead",
                                  origin(pack, "pack.yaml", ("book", "blurb"))))
    blocks.append(d.Paragraph(w(_how_to_use(pack, book_club))))
    blocks += edition_note(pack, edition)
    blocks += about_author_blocks(pack)
    blocks += [d.Heading(w("Themes to look out for"), 2),
               d.ThemeLegend(all_tags(pack), w(labels.THEME_KEY))]
    blocks += cast_list(pack)
    number = 0
    for part_id, heading, warning in _sections(pack):
        chosen = [(i, p) for i, p in enumerate(pack.prompts)
                  if p.audience == audience and p.part == part_id]
        if not chosen:
            continue
        part_at = next((("book", "parts", i, "title") for i, p in enumerate(pack.book.parts)
                        if p.id == part_id), ("book", "title"))
        blocks += [d.PageBreak(), d.Heading(heading, 1, origin(pack, "pack.yaml", part_at)),
                   d.Callout(w(labels.SPOILER_WARNING), warning, "warning")]
        for index, prompt in chosen:
            number += 1
            blocks.append(d.Question(number, prompt.text, 0, tags(pack, prompt.themes),
                                     _meta(pack, prompt, book_club),
                                     origin(pack, "discussion.yaml", ("prompts", index, "text"))))
            if edition == "teacher" and prompt.teacher_notes:
                where = origin(pack, "discussion.yaml", ("prompts", index, "teacher_notes"))
                blocks.append(d.TeacherNote(w(labels.TEACHER_NOTES),
                                            (d.Paragraph(prompt.teacher_notes, origin=where),)))
    reading = further_reading_blocks(pack, 1)
    blocks += [d.PageBreak(), *reading] if reading else []
    blocks += [d.PageBreak(), d.Heading(w("Notes"), 1),
               d.AnswerLines(NOTES_LINES, w("Your notes, questions and favourite lines"))]
    keywords = ("book club",) if book_club else ("discussion", "classroom")
    return document(pack, title, w("{title} for {book}", title=title, book=pack.book.title),
                    blocks, edition, keywords)


def _sections(pack: Pack) -> list[tuple[str | None, str, str]]:
    sections: list[tuple[str | None, str, str]] = []
    w = labels.words(pack)
    for part in pack.book.parts:
        heading = (w("{part}: {setting}", part=part.title, setting=part.setting)
                   if part.setting else part.title)
        sections.append((part.id, heading, _part_end(pack, part)))
    sections.append((None, w("The whole novel"),
                     w("These questions discuss the whole book, including its ending. "
                       "Read them after you have finished the novel.")))
    return sections


def _part_end(pack: Pack, part: Part) -> str:
    """The spoiler warning of a part: up to its last chapter or unit."""
    w, span = labels.words(pack), pack.part_span(part)
    if pack.numbered_chapters and span:
        return w("These questions discuss events up to the end of {part} (chapter {chapter}). "
                 "Read them after you have finished chapter {chapter}.",
                 part=part.title, chapter=span[1].number)
    last = in_sentence(pack, span[1]) if span else part.title
    return w(labels.PART_END, part=part.title, unit=last)


def _how_to_use(pack: Pack, book_club: bool) -> str:
    """The guide's advice (an English message); sentences that name no "part" when the book's
    parts are volumes, acts or books (`book.part_kind`)."""
    if pack.book.part_kind == "part":
        return _BOOK_CLUB_USE if book_club else _CLASS_USE
    return labels.ORDER_BOOK_CLUB_USE if book_club else labels.ORDER_CLASS_USE


def _meta(pack: Pack, prompt: Prompt, book_club: bool) -> str:
    where = span_label(pack, prompt.span)
    if book_club:
        return where
    level = labels.words(pack)(prompt.level.capitalize())
    return " · ".join(x for x in (where, level) if x)


_BOOK_CLUB_USE = ("The questions follow the book part by part, so you can meet before everyone "
                  "has finished it. Each part opens with a spoiler warning. Pick the questions "
                  "that catch your group's interest; there are no right answers.")
_CLASS_USE = ("The questions follow the novel part by part and run from recalling what happens "
              "to judging why it matters. Each part opens with a spoiler warning. The coloured "
              "tags show the themes a question touches; the letters read in black-and-white "
              "print.")
