"""PDF drawing of the assessment blocks: multiple-choice options, the score box, rubrics (laid
out as `render.rubric_layout` decides)."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, NextPageTemplate, Table
from reportlab.platypus import PageBreak as PageBreakFlowable

from nlmg_packs import document as d
from nlmg_packs.render.pdf_base import PdfDrawing
from nlmg_packs.render.pdf_flowables import Para
from nlmg_packs.render.pdf_keep import Keep
from nlmg_packs.render.pdf_page import LANDSCAPE, PAPER, PORTRAIT
from nlmg_packs.render.pdf_styles import RULE, markup
from nlmg_packs.render.pdf_table_tags import TableTags
from nlmg_packs.render.rubric_layout import rubric_layout, stacked


class AssessmentBlocks(PdfDrawing):
    """`draw_<block>` for choices, score boxes and rubrics; and a question stays on the page of
    the options or matching grid that follow it."""

    def draw_question(self, block: d.Question) -> list[Flowable]:
        """A question with no answer lines that leads into options or a grid is drawn with
        them (see `_with_question`); any other question as usual."""
        if self._leads(self._position) and self.doc.blocks[self._position] is block:
            return []
        return super().draw_question(block)  # type: ignore[misc]

    def draw_table(self, block: d.Table) -> list[Flowable]:
        return self._with_question(super().draw_table(block))  # type: ignore[misc]

    def _leads(self, position: int) -> bool:
        """Whether the block at `position` is a question without lines followed by options
        or a grid."""
        blocks = self.doc.blocks
        return (0 <= position < len(blocks) - 1 and isinstance(blocks[position], d.Question)
                and not blocks[position].lines  # type: ignore[union-attr]
                and isinstance(blocks[position + 1], (d.Choices, d.Table)))

    def _with_question(self, drawn: list[Flowable]) -> list[Flowable]:
        """`drawn` (options or a grid) with the question before it as the head of its Keep,
        so a question never ends a page without them."""
        if not drawn or not self._leads(self._position - 1):
            return drawn
        question = self.doc.blocks[self._position - 1]
        row = super().draw_question(question)[0]  # type: ignore[misc]
        first = drawn[0]
        if isinstance(first, Keep) and not first.head and first.body is not None:
            first.head = [row.body if isinstance(row, Keep) else row]
            return drawn
        return [Keep([row], first), *drawn[1:]]

    def draw_choices(self, block: d.Choices) -> list[Flowable]:
        """Each option as a row: a square holding its letter (to tick or circle), then its
        text; indented to the question's text (2.4 em, as `draw_question`)."""
        s, size = self.styles, self.look.body_size
        indent, box = size * 2.4, size * 1.7
        rows = [[Para(letter, s.number.clone("choice_letter", alignment=1)),
                 self._text(text, s.body.clone("choice", spaceAfter=0))]
                for letter, text in zip(block.letters, block.options, strict=True)]
        if not rows:
            return []
        table = Table(rows, colWidths=[box, self.width - indent - box - size * 0.6],
                      hAlign="RIGHT", spaceAfter=size * (0.3 if block.note else 1.0),
                      renderCB=TableTags())  # in its question's list item (`list_item_of`)
        style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("LEFTPADDING", (0, 0), (-1, -1), size * 0.6),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                 ("TOPPADDING", (0, 0), (-1, -1), size * 0.25),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.25),
                 ("LEFTPADDING", (0, 0), (0, -1), 0)]
        style += [("BOX", (0, r), (0, r), 0.9, HexColor(RULE)) for r in range(len(rows))]
        table.setStyle(self._style(style))
        out: list[Flowable] = self._keep(table)
        if block.note:
            out.append(self._text(block.note, s.muted.clone("choice_note",
                                                            leftIndent=indent)))
        return self._with_question(out)

    def draw_score_box(self, block: d.ScoreBox) -> list[Flowable]:
        """A boxed "Score ___ / 40" at the right margin."""
        s, size = self.styles, self.look.body_size
        label = Para(f"<b>{markup(block.label, self.look.italics)}</b>", s.body)
        total = Para(markup(block.total, self.look.italics), s.body.clone("score_total",
                                                                           alignment=2))
        table = Table([[label, "", total]], colWidths=[size * 5, size * 5, size * 4],
                      rowHeights=[size * 2.6], hAlign="RIGHT", spaceAfter=size * 0.8)
        table.setStyle(self._style([
            ("BOX", (0, 0), (-1, -1), 1.2, HexColor(self.look.primary)),
            ("LINEBELOW", (1, 0), (1, 0), 0.75, HexColor(RULE)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOTTOMPADDING", (1, 0), (1, 0), size * 0.6),
        ]))
        return [table]

    def draw_rubric(self, block: d.Rubric) -> list[Flowable]:
        """The rubric as `rubric_layout` decides: a grid, a grid on a landscape page of its
        own (the page template `LANDSCAPE`, the page after it upright again), or stacked one
        criterion at a time; then its total line."""
        s, size = self.styles, self.look.body_size
        total = self._text(block.total, s.body.clone("rubric_total", alignment=2,
                                                     spaceBefore=size * 0.4))
        title = [self._text(block.title, s.headings[1].clone("rubric_title", keepWithNext=1))
                 ] if block.title else []
        layout = rubric_layout(block, self.options)
        if layout == "stacked":
            return [*title, *(f for t in stacked(block.table) for f in self.draw_table(t)),
                    total]
        if layout == "grid":
            return [*title, *self.draw_table(block.table), total]
        with self.narrower(self.width - self._landscape_width()):
            grid = [*title, *self.draw_table(replace(block.table, compact=False))]
        after = self.doc.blocks[self._position + 1:self._position + 2]
        turn_back: list[Flowable] = [NextPageTemplate(PORTRAIT)]
        if after and not isinstance(after[0], d.PageBreak):
            turn_back.append(PageBreakFlowable())
        return [NextPageTemplate(LANDSCAPE), PageBreakFlowable(), *grid, total, *turn_back]

    def _landscape_width(self) -> float:
        """The text width of a landscape page, in points: the portrait width plus the
        difference between the paper's height and width."""
        width, height = PAPER[self.options.paper]
        return self.width + (height - width)
