"""The themes-by-course map and the theme tracker (chapters × themes)."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import all_tags, document, origin, tag
from nlmg_packs.pack import Pack


def compose_course_map(pack: Pack, edition: str) -> d.Document:
    """The matrix of themes against courses, then each course's focus and lessons."""
    themes, w = all_tags(pack), labels.words(pack)
    blocks: list[d.Block] = [
        d.Heading(w("Themes by course"), 1),
        d.Paragraph(w("Which themes of *{book}* each course follows. A filled cell marks a theme "
                      "the course studies; its letter reads in black-and-white print.",
                      book=pack.book.title), "lead", origin(pack, "pack.yaml", ("book", "title"))),
        d.ThemeLegend(themes, w(labels.THEME_KEY)),
        d.Table((w("Course"), *(t.letter for t in themes)),
                tuple((d.Cell(course.name, bold=True),
                       *(d.Cell(tag=t) if t.id in course.themes else d.Cell() for t in themes))
                      for course in pack.courses),
                widths=(4.0, *(1.0 for _ in themes)), compact=True),
        d.Heading(w("The themes"), 2),
    ]
    blocks += [d.Paragraph(f"**{t.name}** ({tag(pack, t.id).letter}). {t.summary}",
                           origin=origin(pack, "pack.yaml", ("themes", i, "summary")))
               for i, t in enumerate(pack.meta.themes)]
    blocks.append(d.Heading(w("The courses"), 1))
    for c_index, course in enumerate(pack.courses):
        blocks += [d.Heading(course.name, 2,
                             origin(pack, "courses.yaml", ("courses", c_index, "name"))),
                   d.Paragraph(course.focus,
                               origin=origin(pack, "courses.yaml", ("courses", c_index, "focus")))]
        if course.lessons:
            blocks.append(d.BulletList(tuple(
                w("Lesson {number}: {title} ({minutes} min)", number=n, title=lesson.title,
                  minutes=w.number(lesson.minutes))
                for n, lesson in enumerate(course.lessons, 1)), ordered=False))
    if pack.meta.symbols:
        blocks.append(d.Heading(w("Key symbols"), 1))
        for s_index, symbol in enumerate(pack.meta.symbols):
            names = ", ".join(pack.themes[t].name for t in symbol.themes)
            themes_note = f" *{w('Themes: {names}.', names=names)}*" if names else ""
            blocks.append(d.Paragraph(f"**{symbol.name}.** {symbol.description}" + themes_note,
                                      origin=origin(pack, "pack.yaml",
                                                    ("symbols", s_index, "description"))))
    return document(pack, w("Themes by course"),
                    w("Themes-by-course map for {book}", book=pack.book.title),
                    blocks, edition, ("themes", "courses", "curriculum"))


TRACKED_SPAN = 3
"""Prompts about more chapters than this say little about where a theme runs: left out."""


def theme_chapters(pack: Pack) -> dict[str, set[int]]:
    """For each theme, the chapters where the pack's quotes and focused prompts tag it."""
    found: dict[str, set[int]] = {t: set() for t in pack.themes}
    for quote in pack.quotes:
        for theme in quote.themes:
            found[theme].add(quote.chapter)
    for prompt in pack.prompts:
        if not prompt.chapters or prompt.chapters[-1] - prompt.chapters[0] >= TRACKED_SPAN:
            continue
        span = range(prompt.chapters[0], prompt.chapters[-1] + 1)
        for theme in prompt.themes:
            found[theme].update(span)
    return found


def compose_theme_tracker(pack: Pack, edition: str) -> d.Document:
    """A chapters × themes grid showing where each theme runs through the book."""
    themes, w = all_tags(pack), labels.words(pack)
    found = theme_chapters(pack)
    rows = []
    for chapter in range(1, pack.book.chapters + 1):
        part = pack.part_of_chapter(chapter)
        label = f"{chapter}" + (f"  ({part.title})" if part and part.chapters[0] == chapter
                                else "")
        rows.append((d.Cell(label, bold=bool(part and part.chapters[0] == chapter)),
                     *(d.Cell(tag=t) if chapter in found[t.id] else d.Cell() for t in themes)))
    blocks: list[d.Block] = [
        d.Heading(w("Theme tracker"), 1),
        d.Paragraph(w("Where each theme runs through the novel, chapter by chapter, as tagged in "
                      "this pack's quotations and its questions on one to three chapters. Add "
                      "your own marks as you read."), "lead"),
        d.ThemeLegend(themes, w(labels.THEME_KEY)),
        d.Table((w("Chapter"), *(t.letter for t in themes)), tuple(rows),
                widths=(3.0, *(1.0 for _ in themes)), compact=True),
    ]
    return document(pack, w("Theme tracker"), w("Theme tracker for {book}", book=pack.book.title),
                    blocks, edition, ("themes", "tracker"))
