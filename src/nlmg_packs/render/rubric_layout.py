"""How a rubric is set, decided once for both renderers: a criteria × levels grid on the page,
the grid on a landscape page of its own, or one criterion at a time.

The rule, from the rubric, the paper, the margins and the preset alone, so the PDF and the DOCX
of a document always agree:

1. A rubric whose grid cannot hold every column's longest word even across a landscape page
   (large print, narrow paper) is **stacked**: one small table per criterion, level | descriptor,
   on the upright page, so no word breaks inside a cell.
2. Otherwise a rubric the document marks `landscape` (many levels), or whose grid cannot hold
   its words across the upright page, gets a **landscape** page.
3. Otherwise it is a **grid** on the upright page.

Words are measured in Bitstream Vera Sans Bold (`table_widths.wide_bold`: as wide as DejaVu Sans
and wider than Word's usual faces) at the preset's table size, with the PDF's cell padding, the
wider of the two renderers'.
"""

from __future__ import annotations

from typing import Literal

from nlmg_packs import document as d
from nlmg_packs.render.look import look_for
from nlmg_packs.render.options import RenderOptions
from nlmg_packs.render.table_widths import wide_bold, widest_words

Layout = Literal["grid", "landscape", "stacked"]

PAPER_POINTS = {"a4": (595.2756, 841.8898), "letter": (612.0, 792.0)}
"""Paper width and height, upright, in points (ISO 216 A4: 210 × 297 mm; US Letter: 8.5 × 11 in)."""
POINTS_PER_MM = 72 / 25.4
STACKED_WIDTHS = (1.0, 2.4)
"""Relative widths of a stacked criterion's columns: level, descriptor."""


def rubric_layout(block: d.Rubric, options: RenderOptions) -> Layout:
    """The layout of `block` printed with `options` (see the module doc)."""
    look, margins = look_for(options), options.margins_mm
    side = (margins.left + margins.right) * POINTS_PER_MM
    upright, sideways = (length - side for length in PAPER_POINTS[options.paper])
    padding = look.small_size * 0.6 * 2.8 + 1  # as the PDF's cells: 0.6 small sizes × 1.4 a side
    need = widest_words(block.table, wide_bold(look.cell_size), padding)
    if need > sideways:
        return "stacked"
    return "landscape" if block.landscape or need > upright else "grid"


def stacked(table: d.Table) -> tuple[d.Table, ...]:
    """The rubric grid `table` as one table per criterion: its name over the header's level
    names (with their points) beside that criterion's descriptors."""
    return tuple(
        d.Table((row[0].text, ""),
                tuple((d.Cell(level, bold=True), cell)
                      for level, cell in zip(table.header[1:], row[1:], strict=False)),
                widths=STACKED_WIDTHS)
        for row in table.rows)
