"""The themes-by-course map and the theme tracker (chapters × themes)."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import all_tags, document, origin, tag
from nlmg_packs.compose.units import unit_label
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


def theme_units(pack: Pack) -> dict[str, set[int]]:
    """For each theme, the indexes of the units where the pack's quotes and focused prompts
    tag it."""
    found: dict[str, set[int]] = {t: set() for t in pack.themes}
    for quote in pack.quotes:
        unit = pack.unit(quote.where)
        for theme in quote.themes if unit else ():
            found[theme].add(unit.index)  # type: ignore[union-attr]
    for prompt in pack.prompts:
        span = pack.span(prompt.span)
        if span is None or span[1].index - span[0].index >= TRACKED_SPAN:
            continue
        for theme in prompt.themes:
            found[theme].update(range(span[0].index, span[1].index + 1))
    return found


def compose_theme_tracker(pack: Pack, edition: str) -> d.Document:
    """A chapters × themes grid showing where each theme runs through the book."""
    themes, w = all_tags(pack), labels.words(pack)
    found, plain = theme_units(pack), pack.numbered_chapters
    rows = []
    for unit in pack.units:
        part = pack.part_of(unit)
        span = pack.part_span(part) if part else None
        opens = bool(part and span and span[0].index == unit.index)
        label = str(unit.number) if plain else unit_label(pack, unit)
        label += f"  ({part.title})" if part and opens else ""
        rows.append((d.Cell(label, bold=opens),
                     *(d.Cell(tag=t) if unit.index in found[t.id] else d.Cell()
                       for t in themes)))
    blocks: list[d.Block] = [
        d.Heading(w("Theme tracker"), 1),
        d.Paragraph(w("Where each theme runs through the novel, chapter by chapter, as tagged in "
                      "this pack's quotations and its questions on one to three chapters. Add "
                      "your own marks as you read.") if plain else w(labels.TRACKER_UNITS),
                    "lead"),
        d.ThemeLegend(themes, w(labels.THEME_KEY)),
        d.Table((w("Chapter" if plain else labels.UNIT_COLUMN), *(t.letter for t in themes)),
                tuple(rows),
                widths=(3.0, *(1.0 for _ in themes)), compact=True),
    ]
    return document(pack, w("Theme tracker"), w("Theme tracker for {book}", book=pack.book.title),
                    blocks, edition, ("themes", "tracker"))
