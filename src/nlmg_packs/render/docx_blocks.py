"""DOCX drawing of every block type, on the styles of the reference document."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.render.docx_base import DocxDrawing
from nlmg_packs.render.units import introduces, leads_to_question

KEEP_TOGETHER = 4
"""Tables with at most this many body rows are kept on one page (keep-with-next on all but the
last row); a longer one keeps its header with the first `LEAD` rows and its last `LEAD` rows
together, and may break between the others (the header repeats), rather than leave a half-empty
page before it."""
LEAD = 2


class DocxBlocks(DocxDrawing):
    """`draw_<block>` for every block type."""

    def draw_heading(self, block: d.Heading) -> None:
        # Levels never skip (H1 then H3 is read as H1 then H2), as PDF/UA and WCAG 1.3.1 ask.
        level = min(max(block.level, 1), 3, getattr(self, "_last_heading", 0) + 1)
        self._last_heading = level
        self.para(f"Heading {level}", block.text)

    def draw_paragraph(self, block: d.Paragraph) -> None:
        style = {"body": self.body_style, "lead": "Lead", "small": "Small", "muted": "Muted"}
        paragraph = self.para(style[block.style], block.text)
        if leads_to_question(self.doc.blocks, self.index) or introduces(self.doc.blocks,
                                                                         self.index):
            from nlmg_packs.render.docx_xml import keep_with_next

            keep_with_next(paragraph._p, True)

    def draw_quote(self, block: d.Quote) -> None:
        from docx.shared import RGBColor

        from nlmg_packs.render.docx_xml import hex6, keep_with_next

        paragraph = self.para("Quote")
        self.runs(paragraph, block.text, in_italic=bool(self.styles["quote"].font.italic),
                  lang=block.language)
        self.chips(paragraph, block.themes)
        citation = self.para("Citation")
        self.plain(citation, f"— {block.citation}")
        if block.check_label:
            marker = self.plain(citation, f"  · {block.check_label}")
            marker.bold = True
            marker.font.color.rgb = RGBColor.from_string(hex6(self.look.accent))
        if leads_to_question(self.doc.blocks, self.index):
            keep_with_next(citation._p, True)

    def draw_question(self, block: d.Question) -> None:
        paragraph = self.para("Question")
        self.plain(paragraph, f"{block.number}.\t")
        self.runs(paragraph, block.text)
        self.chips(paragraph, block.themes)
        if block.meta:
            self.para("Question Meta", block.meta)
        self.lines(self.look.answer_lines(block.lines))

    def draw_answer_lines(self, block: d.AnswerLines) -> None:
        if block.label:
            self.para("Answer Label", block.label)
        self.lines(self.look.answer_lines(block.count))

    def draw_teacher_note(self, block: d.TeacherNote) -> None:
        """A shaded box with a rule down its left: bordered, shaded paragraphs, not a 1×1
        table (which a tagged export reads as a table without headers)."""
        from nlmg_packs.render.docx_access import box
        from nlmg_packs.render.docx_xml import qn

        body = self.word.element.body
        before = set(body)
        self.para("Teacher Note Title", block.title)
        outer = self.body_style
        self.body_style = "Teacher Note"
        try:
            for inner in block.blocks:
                self.block(inner)
        finally:
            self.body_style = outer
        added = [p for p in body if p not in before and p.tag == qn("w:p")]
        box(added, self.look.primary, self.look.teacher_tint)
        self.para(self.body_style).paragraph_format.space_after = 0

    def draw_callout(self, block: d.Callout) -> None:
        paragraph = self.para("Warning" if block.tone == "warning" else "Callout")
        self.plain(paragraph, block.title, "Strong")
        self.plain(paragraph, "\n")
        self.runs(paragraph, block.text)

    def draw_bullet_list(self, block: d.BulletList) -> None:
        from docx.shared import Pt

        from nlmg_packs.render import docx_xml as x

        style = "List Number" if block.ordered else "List Bullet"
        num_id = None
        if block.ordered:
            numbering = self.word.part.numbering_part.element
            list_style = self.styles[style.lower()]
            base = x.style_num_id(list_style)
            if base is None:
                base = numbering.add_num(
                    x.add_abstract_num(numbering, "decimal", list_style.style_id)).numId
            num_id = x.restarted_num(numbering, base)
        paragraph = None
        for item in block.items:
            paragraph = self.para(style, item)
            if num_id is not None:
                x.set_num(paragraph, num_id)
        if paragraph is not None:
            paragraph.paragraph_format.space_after = Pt(9)

    def draw_table(self, block: d.Table) -> None:
        from nlmg_packs.render import docx_xml as x

        columns = len(block.header)
        table = self.table(1 + len(block.rows), columns)
        table.autofit = False
        widths = self._column_widths(block)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        text_style = "Table Small" if block.compact else "Table Text"
        x.repeat_header(table.rows[0])
        for cell, text, width in zip(table.rows[0].cells, block.header, widths, strict=True):
            cell.width = width
            x.cell_shading(cell, self.look.primary)
            self.style(cell.paragraphs[0], "table heading")
            self.runs(cell.paragraphs[0], text)
        for row, cells in zip(table.rows[1:], block.rows, strict=True):
            x.cant_split(row)
            for cell, data, width in zip(row.cells, cells, widths, strict=True):
                cell.width = width
                self.cell(cell, data, text_style)
        rows = table.rows
        kept = rows[:-1] if len(block.rows) <= KEEP_TOGETHER else [
            *rows[:1 + LEAD], *rows[-LEAD:-1]]
        for row in kept:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    x.keep_with_next(paragraph._p, True)
        self.para(self.body_style).paragraph_format.space_after = 0

    def _column_widths(self, block: d.Table) -> list[int]:
        """Column widths in EMU, from the content at the table styles' sizes (points)."""
        from nlmg_packs.render.table_widths import column_widths

        measure, padding = self.cell_measure(block)
        total = self.text_width() / 12700  # EMU to points
        widths = column_widths(block, total, measure, padding, hyphen_breaks=True)
        return [int(w * 12700) for w in widths]

    def cell(self, cell, data: d.Cell, style: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from nlmg_packs.render.docx_xml import cell_shading

        paragraph = cell.paragraphs[0]
        self.style(paragraph, style)
        if data.tag is not None:
            cell_shading(cell, data.tag.colour)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.ink(self.plain(paragraph, data.tag.letter, "Theme Chip"), data.tag.colour)
            return
        start = len(paragraph.runs)
        self.runs(paragraph, data.text)
        if data.bold:
            for run in paragraph.runs[start:]:
                run.bold = True

    def draw_theme_legend(self, block: d.ThemeLegend) -> None:
        paragraph = self.para("Legend")
        if block.title:
            self.plain(paragraph, block.title, "Strong")
        for position, theme in enumerate(block.themes):
            self.chips(paragraph, (theme,))
            name = theme.name.replace(" ", "\u00a0", 1)  # the tag, and its name's first word
            self.plain(paragraph, f"\u00a0{name}" + ("   " if position < len(block.themes) - 1
                                                     else ""))

    def draw_name_lines(self, block: d.NameLines) -> None:
        self.plain(self.para("Name Lines"), "\t  ".join(block.labels) + "\t")

    def draw_cover(self, block: d.Cover) -> None:
        self.para("Title", block.title)
        if block.subtitle:
            self.para("Subtitle", block.subtitle)
        for line in block.lines:
            self.para("Cover Detail", line)

    def draw_contents(self, block: d.Contents) -> None:
        from nlmg_packs.render import docx_xml as x
        from nlmg_packs.render.docx_access import outside_outline

        outside_outline(self.para("TOC Heading", block.title))
        entries = [b.text for b in self.doc.blocks[self.index + 1:]
                   if isinstance(b, d.Heading) and b.level == 1]
        first = self.para("toc 1")
        x.field_char(first, "begin")
        x.field_instruction(first, 'TOC \\o "1-1" \\h \\z \\u')
        x.field_char(first, "separate")
        paragraphs = [first] + [self.para("toc 1") for _ in entries[1:]]
        for paragraph, text in zip(paragraphs, entries, strict=False):
            self.runs(paragraph, text)
        hint = self.para("Muted")
        self.plain(hint, block.update_hint)
        x.field_char(hint, "end")

    def draw_page_break(self, block: d.PageBreak) -> None:
        self.page_break = True
