"""What every DOCX drawing method shares: the document being built and its small helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from nlmg_packs import document as d
from nlmg_packs.render.docx_reference import open_reference
from nlmg_packs.render.inline import parse_inline
from nlmg_packs.render.look import look_for
from nlmg_packs.render.options import RenderOptions

CELL_PADDING = 100
"""Left and right cell padding of tables, in twentieths of a point (as in Pack Table)."""


class DocxDrawing:
    """Adds blocks to a python-docx document through `DISPATCH` (block type → `draw_<block>`),
    which the concrete renderer fills from `document.BLOCK_TYPES`."""

    DISPATCH: ClassVar[dict[type, Callable[..., None]]] = {}

    def __init__(self, doc: d.Document, options: RenderOptions) -> None:
        from nlmg_packs.render.docx_xml import qn

        self.doc, self.options, self.look = doc, options, look_for(options)
        from nlmg_packs.render.docx_styles import style_ids

        self.word, self.styles = open_reference(options.reference_doc)
        self.ids = style_ids(self.word, self.styles)
        body = self.word.element.body
        for item in list(body):
            if item.tag != qn("w:sectPr"):
                body.remove(item)
        self.target = self.word
        self.body_style = "Normal"
        self.page_break = False
        self.index = 0

    def block(self, block: d.Block) -> None:
        method = self.DISPATCH.get(type(block))
        if method is None:
            raise TypeError(f"the DOCX renderer cannot draw a {type(block).__name__} block")
        method(self, block)

    def para(self, style: str, text: str = ""):
        paragraph = self.target.add_paragraph()
        self.style(paragraph, style)
        if self.page_break:
            paragraph.paragraph_format.page_break_before = True
            self.page_break = False
        if text:
            self.runs(paragraph, text)
        return paragraph

    def style(self, paragraph, name: str) -> None:
        """Give `paragraph` the style `name` by its id. python-docx's own setter (given a name
        or a style object) walks every style of the document on each call to find the default
        one: most of the renderer's time, before."""
        from nlmg_packs.render.docx_xml import paragraph_style

        paragraph_style(paragraph._p, self.ids[name.lower()])

    def runs(self, paragraph, text: str, in_italic: bool = False, lang: str = "") -> None:
        """Text with `*italic*` / `**bold**` and language spans (`w:lang`); everything else
        literal. `lang`: the whole text's language, if not the document's. `in_italic`: the
        paragraph's style is italic, so emphasis is set roman (typographic convention)."""
        from nlmg_packs.render.docx_access import run_language
        from nlmg_packs.render.docx_xml import add_run, clean, format_new_run

        for run in parse_inline(clean(text)):
            added = add_run(paragraph, run.text)
            bold = run.bold or (run.italic and not self.look.italics)
            italic: bool | None = run.italic and self.look.italics or None
            if italic and in_italic:
                italic = False
            if bold or italic is not None:
                format_new_run(added, bold=bold, italic=italic)
            if run.lang or lang:
                run_language(added, run.lang or lang)

    def plain(self, paragraph, text: str, style: str | None = None):
        from nlmg_packs.render.docx_xml import add_run, clean, format_new_run

        run = add_run(paragraph, clean(text))
        if style:
            style_id = self.ids[style.lower()]
            if style_id is None:  # the default character style: python-docx leaves an empty rPr
                run._r.get_or_add_rPr()
            else:
                format_new_run(run, style_id)
        return run

    def chips(self, paragraph, themes: tuple[d.ThemeTag, ...]) -> None:
        from nlmg_packs.render.docx_xml import run_shading

        for theme in themes:
            self.plain(paragraph, " ")
            # no-break spaces: a chip never wraps apart from itself or from a name after it
            chip = self.plain(paragraph, f"\u00a0{theme.letter}\u00a0", "Theme Chip")
            run_shading(chip, theme.colour)
            self.ink(chip, theme.colour)

    def ink(self, run, fill: str):
        """Black or white text, whichever meets WCAG AA on `fill` (the style says white)."""
        from docx.shared import RGBColor

        from nlmg_packs.render.contrast import ink_on

        run.font.color.rgb = RGBColor.from_string(ink_on(fill)[1:])
        return run

    def table(self, rows: int, cols: int):
        if self.page_break:
            self.para(self.body_style)
        from nlmg_packs.render.docx_xml import element, insert, qn

        table = self.target.add_table(rows, cols)
        table._tbl.tblStyle_val = self.ids["pack table"]
        # Without an indent, Word (before 2013 layout) and LibreOffice hang the borders out
        # into the margin by the cell padding; this lines them up with the text.
        tblPr = table._tbl.tblPr
        old = tblPr.find(qn("w:tblInd"))
        if old is not None:
            tblPr.remove(old)
        insert(tblPr, element("w:tblInd", w_w=str(CELL_PADDING), w_type="dxa"),
               before=("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"))
        return table

    def cell_measure(self, block: d.Table) -> tuple[Callable[[str], float], float]:
        """How wide a word is in `block`'s cells (bold, at the larger of the table styles'
        sizes), and a cell's left plus right padding with its borders, in points."""
        from nlmg_packs.render.table_widths import wide_bold

        names = ("table heading", "table small" if block.compact else "table text")
        sizes = [self.styles[n].font.size for n in names if n in self.styles]
        size = max((s.pt for s in sizes if s is not None), default=self.look.body_size)
        return wide_bold(size), 2 * CELL_PADDING / 20 + 2

    def text_width(self) -> int:
        section = self.word.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def lines(self, count: int) -> None:
        """`count` ruled answer lines: the first three stay with what asks the question, the
        last two together; Word may break between the others rather than move them all."""
        from nlmg_packs.render.docx_xml import keep_with_next

        for i in range(count):
            line = self.para("Answer Line")
            keep_with_next(line._p, (i < 2 or i == count - 2) and i < count - 1)
