"""DOCX drawing of the assessment blocks: multiple-choice options, the score box, rubrics (laid
out as `render.rubric_layout` decides)."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.render.docx_base import DocxDrawing

BOX = "\u2610"
"""The empty ballot box printed before each option's letter (Word's symbol fonts carry it)."""


class DocxAssessment(DocxDrawing):
    """`draw_<block>` for choices, score boxes and rubrics."""

    def draw_choices(self, block: d.Choices) -> None:
        """One paragraph per option, indented under the question: "☐ A  text"."""
        from docx.shared import Pt

        from nlmg_packs.render.docx_xml import keep_with_next

        for position, (letter, text) in enumerate(zip(block.letters, block.options,
                                                      strict=True)):
            paragraph = self.para(self.body_style)
            paragraph.paragraph_format.left_indent = Pt(20)
            paragraph.paragraph_format.space_after = Pt(3)
            keep_with_next(paragraph._p, position < len(block.options) - 1 or bool(block.note))
            self.plain(paragraph, f"{BOX} {letter}\u2002", "Strong")
            self.runs(paragraph, text)
        if block.note:
            note = self.para("Muted", block.note)
            note.paragraph_format.left_indent = Pt(20)

    def draw_score_box(self, block: d.ScoreBox) -> None:
        """A boxed "Score ______ / 40" paragraph at the right margin (a bordered paragraph,
        not a one-cell layout table, so assistive technology reads it as text)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        from nlmg_packs.render.docx_xml import paragraph_borders

        paragraph = self.para(self.body_style)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt = paragraph.paragraph_format
        fmt.left_indent = max(self.text_width() - Pt(190), 0)
        fmt.space_before, fmt.space_after = Pt(4), Pt(10)
        paragraph_borders(paragraph._p.get_or_add_pPr(), self.look.primary,
                          {"top": 12, "left": 12, "bottom": 12, "right": 12}, space=6)
        self.plain(paragraph, block.label, "Strong")
        self.plain(paragraph, f"  ____________  {block.total}")

    def draw_rubric(self, block: d.Rubric) -> None:
        """The rubric as `rubric_layout` decides for the PDF too: a grid, a grid in a landscape
        section of its own, or stacked one criterion at a time; then its total."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from nlmg_packs.render.rubric_layout import rubric_layout, stacked

        layout = rubric_layout(block, self.options)
        if layout == "landscape":
            self._turn(landscape=True)
        if block.title:
            self.para("Heading 2", block.title)
        for table in stacked(block.table) if layout == "stacked" else (block.table,):
            self.draw_table(table)
        total = self.para(self.body_style, block.total)
        total.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if layout == "landscape" and self.index < len(self.doc.blocks) - 1:
            self._turn(landscape=False)

    def _turn(self, landscape: bool) -> None:
        """Start a new section on a new page, sideways or upright (WD_ORIENT)."""
        from docx.enum.section import WD_ORIENT, WD_SECTION

        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        short, long = sorted((section.page_width, section.page_height))
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        self.page_break = False
