"""The discussion guide (class) and the book-club guide: prompts grouped by part, as a booklet."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import all_tags, cast_list, document, edition_note, origin, tags
from nlmg_packs.compose.units import in_sentence, span_label
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model import Prompt

NOTES_LINES = 26


def compose_guide(pack: Pack, edition: str, audience: str = "class") -> d.Document:
    """A booklet of the pack's prompts for `audience`, part by part with spoiler warnings."""
    book_club = audience == "book-club"
    title = "Book-club guide" if book_club else "Discussion guide"
    blocks: list[d.Block] = [
        d.Cover(pack.book.title, title, (f"by {pack.book.author}", str(pack.book.year))),
        d.Contents(labels.CONTENTS),
        d.PageBreak(),
        d.Heading("About this guide", 1),
    ]
    if pack.book.blurb:
        blocks.append(d.Paragraph(pack.book.blurb, "lead",
                                  origin(pack, "pack.yaml", ("book", "blurb"))))
    blocks.append(d.Paragraph(_how_to_use(book_club, labels.PART_KINDS[pack.book.part_kind])))
    blocks += edition_note(pack, edition)
    blocks += [d.Heading("Themes to look out for", 2),
               d.ThemeLegend(all_tags(pack), labels.THEME_KEY)]
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
                   d.Callout(labels.SPOILER_WARNING, warning, "warning")]
        for index, prompt in chosen:
            number += 1
            blocks.append(d.Question(number, prompt.text, 0, tags(pack, prompt.themes),
                                     _meta(pack, prompt, book_club),
                                     origin(pack, "discussion.yaml", ("prompts", index, "text"))))
            if edition == "teacher" and prompt.teacher_notes:
                where = origin(pack, "discussion.yaml", ("prompts", index, "teacher_notes"))
                blocks.append(d.TeacherNote(labels.TEACHER_NOTES,
                                            (d.Paragraph(prompt.teacher_notes, origin=where),)))
    blocks += [d.PageBreak(), d.Heading("Notes", 1),
               d.AnswerLines(NOTES_LINES, "Your notes, questions and favourite lines")]
    keywords = ("book club",) if book_club else ("discussion", "classroom")
    return document(pack, title, f"{title} for {pack.book.title}", blocks, edition, keywords)


def _sections(pack: Pack) -> list[tuple[str | None, str, str]]:
    sections: list[tuple[str | None, str, str]] = []
    for part in pack.book.parts:
        span = pack.part_span(part)
        last = in_sentence(span[1]) if span else part.title
        heading = f"{part.title}: {part.setting}" if part.setting else part.title
        sections.append((part.id, heading,
                         f"These questions discuss events up to the end of {part.title} "
                         f"({last}). Read them after you have finished {last}."))
    sections.append((None, "The whole novel",
                     "These questions discuss the whole book, including its ending. "
                     "Read them after you have finished the novel."))
    return sections


def _meta(pack: Pack, prompt: Prompt, book_club: bool) -> str:
    where = span_label(pack, prompt.span)
    if book_club:
        return where
    return " · ".join(x for x in (where, prompt.level.capitalize()) if x)


def _how_to_use(book_club: bool, part: str) -> str:
    """The guide's opening advice; `part` is what the book's parts are called ("volume")."""
    if book_club:
        return (f"The questions follow the book {part} by {part}, so you can meet before "
                f"everyone has finished it. Each {part} opens with a spoiler warning. Pick the "
                "questions that catch your group's interest; there are no right answers.")
    return (f"The questions follow the novel {part} by {part} and run from recalling what "
            f"happens to judging why it matters. Each {part} opens with a spoiler warning. The "
            "coloured tags show the themes a question touches; the letters read in "
            "black-and-white print.")
