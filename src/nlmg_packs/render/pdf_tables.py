"""PDF drawing of grids: tables (with column widths that never break a word) and theme keys."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from nlmg_packs import document as d
from nlmg_packs.fonts import normalise
from nlmg_packs.render.pdf_base import PdfDrawing
from nlmg_packs.render.pdf_flowables import Boxed, Para
from nlmg_packs.render.pdf_marks import InlineMarks, Pill, Swatch
from nlmg_packs.render.pdf_styles import lighter, markup
from nlmg_packs.render.pdf_table_tags import PairTags, data_table
from nlmg_packs.render.table_widths import column_widths, fitting

GRID = "#C5CCD6"
"""Colour of table rules, in both tables and the contents list."""


class TableBlocks(PdfDrawing):
    """`draw_<block>` for tables and theme keys."""

    def draw_table(self, block: d.Table) -> list[Flowable]:
        s, look = self.styles, self.look
        columns = max([len(block.header)] + [len(r) for r in block.rows])
        cell, head, pad, widths = self._fit(block)
        header = [Para(markup(h, look.italics), head if i else head.clone("h0", alignment=0))
                  for i, h in enumerate(block.header)]
        rows: list[list] = [header] if block.header else []
        style = [("GRID", (0, 0), (-1, -1), 0.5, HexColor(GRID)),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if block.compact else "TOP")]
        style += [("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                  ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.4),
                  ("RIGHTPADDING", (0, 0), (-1, -1), pad * 1.4)]
        first = 1 if block.header else 0
        if block.header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), HexColor(look.primary)))
        style.append(("ROWBACKGROUNDS", (0, first), (-1, -1),
                      [None, lighter(look.primary, 0.94)]))
        for r, source in enumerate(block.rows, start=first):
            row = []
            for c, item in enumerate(source):
                if item.tag:
                    row.append(Swatch(item.tag.letter, item.tag.colour, s.fonts.bold,
                                      cell.fontSize))
                    style.append(("BACKGROUND", (c, r), (c, r), HexColor(item.tag.colour)))
                    continue
                text = markup(item.text, look.italics)
                row.append(Para(f"<b>{text}</b>" if item.bold and text else text, cell))
            rows.append(row + [""] * (columns - len(row)))
        if not rows:
            return []
        # A row taller than the space left (large print) may split inside, three lines or more
        # a side; otherwise rows stay whole.
        table = Boxed(rows, colWidths=widths, repeatRows=first, hAlign="LEFT",
                      splitInRow=int(cell.leading * 3 + pad * 2),
                      spaceBefore=look.body_size * 0.3, spaceAfter=look.body_size * 1.0,
                      renderCB=data_table(f"b{self._position}", first))
        table.setStyle(self._style(style))
        return self._keep(table, split_taller=0)

    def _fit(self, block: d.Table) -> tuple[ParagraphStyle, ParagraphStyle, float, list[float]]:
        """Cell and header styles, padding and column widths (points) at which every word
        fits its column: the table's own size and padding, else tighter padding, else the
        preset's small size (still its minimum: 16 pt in large print)."""
        s, look = self.styles, self.look
        cell = s.cell_small if block.compact else s.cell
        head = s.header_cell_small if block.compact else s.header_cell
        pad = look.small_size * (0.35 if block.compact else 0.6)
        small = min(cell.fontSize, look.small_size)
        tries = [(cell.fontSize, pad), (cell.fontSize, pad * 0.5), (small, pad * 0.5),
                 (small, pad * 0.25)]

        def measure(size: float):
            return lambda word: stringWidth(normalise(word), s.fonts.bold, size)

        size, pad = tries[fitting(block, self.width,
                                  [(measure(z), p * 2.8 + 1) for z, p in tries])]
        if size != cell.fontSize:
            cell = cell.clone(f"{cell.name}_fit", fontSize=size, leading=size * look.leading)
            head = head.clone(f"{head.name}_fit", fontSize=size, leading=size * look.leading)
        return cell, head, pad, column_widths(block, self.width, measure(size), pad * 2.8 + 1)

    def draw_theme_legend(self, block: d.ThemeLegend) -> list[Flowable]:
        """A key laid out as a grid of tag + name cells, so no tag is parted from its name."""
        s, size = self.styles, self.look.body_size
        if not block.themes:
            return []
        pill_w = max(Pill(t.letter, t.colour).width(s.fonts.bold, size) for t in block.themes)
        pill_col = pill_w + size * 0.5
        name_w = max(stringWidth(normalise(t.name), s.fonts.regular, size) for t in block.themes)
        gutter = size * 1.2
        across = 1
        for n in (3, 2):
            if n * (pill_col + name_w) + (n - 1) * gutter <= self.width:
                across = n
                break
        across = min(across, len(block.themes))
        name_col = (self.width - across * pill_col - (across - 1) * gutter) / across
        name_style = s.body.clone("legend_name", spaceAfter=0, alignment=0,
                                  leading=size * 1.2)
        cells: list[list] = []
        for tag in block.themes:
            pill = InlineMarks([Pill(tag.letter, tag.colour)], s.fonts.regular, s.fonts.bold,
                               size)
            pill.tag = None  # the letters are the Lbl's own text
            cells += [pill, self._text(tag.name, name_style)]
        rows = []
        per_row = 2 * across
        for start in range(0, len(cells), per_row):
            row = cells[start:start + per_row]
            rows.append(row + [""] * (per_row - len(row)))
        widths = []
        for i in range(across):
            widths += [pill_col, name_col + (gutter if i < across - 1 else 0)]
        grid = Table(rows, colWidths=widths, hAlign="LEFT", spaceAfter=size * 0.8,
                     renderCB=PairTags())
        grid.setStyle(self._style([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.1),
            *[("RIGHTPADDING", (c, 0), (c, -1), gutter) for c in range(1, per_row - 1, 2)],
        ]))
        grid.keepWithNext = 1
        grid.parts_from_next = True  # see pdf_keep.Keep: a key may end a page
        if not block.title:
            return [grid]
        label = self._text(block.title, s.label.clone("legend_key", keepWithNext=1,
                                                      spaceAfter=size * 0.15))
        return [label, grid]


