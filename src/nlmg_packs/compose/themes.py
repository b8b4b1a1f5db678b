"""The themes-by-course map and the theme tracker (chapters × themes)."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import all_tags, document, origin, tag
from nlmg_packs.compose.units import unit_label
from nlmg_packs.pack import Pack


def compose_course_map(pack: Pack, edition: str) -> d.Document:
    """The matrix of themes against courses, then each course's focus and lessons."""
    themes = all_tags(pack)
    blocks: list[d.Block] = [
        d.Heading("Themes by course", 1),
        d.Paragraph(f"Which themes of *{pack.book.title}* each course follows. A filled cell "
                    "marks a theme the course studies; its letter reads in black-and-white "
                    "print.", "lead", origin(pack, "pack.yaml", ("book", "title"))),
        d.ThemeLegend(themes, labels.THEME_KEY),
        d.Table(("Course", *(t.letter for t in themes)),
                tuple((d.Cell(course.name, bold=True),
                       *(d.Cell(tag=t) if t.id in course.themes else d.Cell() for t in themes))
                      for course in pack.courses),
                widths=(4.0, *(1.0 for _ in themes)), compact=True),
        d.Heading("The themes", 2),
    ]
    blocks += [d.Paragraph(f"**{t.name}** ({tag(pack, t.id).letter}). {t.summary}",
                           origin=origin(pack, "pack.yaml", ("themes", i, "summary")))
               for i, t in enumerate(pack.meta.themes)]
    blocks.append(d.Heading("The courses", 1))
    for c_index, course in enumerate(pack.courses):
        blocks += [d.Heading(course.name, 2,
                             origin(pack, "courses.yaml", ("courses", c_index, "name"))),
                   d.Paragraph(course.focus,
                               origin=origin(pack, "courses.yaml", ("courses", c_index, "focus")))]
        if course.lessons:
            blocks.append(d.BulletList(tuple(f"Lesson {n}: {lesson.title} ({lesson.minutes} min)"
                                             for n, lesson in enumerate(course.lessons, 1)),
                                       ordered=False))
    if pack.meta.symbols:
        blocks.append(d.Heading("Key symbols", 1))
        for s_index, symbol in enumerate(pack.meta.symbols):
            names = ", ".join(pack.themes[t].name for t in symbol.themes)
            blocks.append(d.Paragraph(f"**{symbol.name}.** {symbol.description}"
                                      + (f" *Themes: {names}.*" if names else ""),
                                      origin=origin(pack, "pack.yaml",
                                                    ("symbols", s_index, "description"))))
    return document(pack, "Themes by course", f"Themes-by-course map for {pack.book.title}",
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
    themes = all_tags(pack)
    found = theme_units(pack)
    rows = []
    for unit in pack.units:
        part = pack.part_of(unit)
        span = pack.part_span(part) if part else None
        opens = bool(part and span and span[0].index == unit.index)
        label = str(unit.number) if pack.numbered_chapters else unit_label(unit)
        label += f"  ({part.title})" if part and opens else ""
        rows.append((d.Cell(label, bold=opens),
                     *(d.Cell(tag=t) if unit.index in found[t.id] else d.Cell()
                       for t in themes)))
    unit = "chapter" if pack.numbered_chapters else labels.UNIT_COLUMN.lower()
    blocks: list[d.Block] = [
        d.Heading("Theme tracker", 1),
        d.Paragraph(f"Where each theme runs through the novel, {unit} by {unit}, as tagged in "
                    f"this pack's quotations and its questions on one to three {unit}s. Add your "
                    "own marks as you read.", "lead"),
        d.ThemeLegend(themes, labels.THEME_KEY),
        d.Table(("Chapter" if pack.numbered_chapters else labels.UNIT_COLUMN,
                 *(t.letter for t in themes)), tuple(rows),
                widths=(3.0, *(1.0 for _ in themes)), compact=True),
    ]
    return document(pack, "Theme tracker", f"Theme tracker for {pack.book.title}", blocks,
                    edition, ("themes", "tracker"))
