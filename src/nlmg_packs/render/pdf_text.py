"""PDF drawing of the text blocks: headings, paragraphs, quotations, questions, boxes, lists."""

from __future__ import annotations

import re

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import Flowable, ListItem
from reportlab.platypus import PageBreak as PageBreakFlowable

from nlmg_packs import document as d
from nlmg_packs.bidi import is_rtl
from nlmg_packs.render.contrast import readable
from nlmg_packs.render.inline import plain_text
from nlmg_packs.render.pdf_base import PdfDrawing
from nlmg_packs.render.pdf_flowables import Boxed, Gap, NameLines, Para, RuledLines
from nlmg_packs.render.pdf_keep import group
from nlmg_packs.render.pdf_marks import InlineMarks, Pill, Words
from nlmg_packs.render.pdf_styles import RULE, lighter, literal, markup
from nlmg_packs.render.pdf_table_tags import TableTags
from nlmg_packs.render.pdf_tagged_flowables import TaggedList


class TextBlocks(PdfDrawing):
    """`draw_<block>` for the blocks that are mostly text."""

    def draw_heading(self, block: d.Heading) -> list[Flowable]:
        level = min(max(block.level, 1), 3)
        key = self.keys.get(id(block))
        if key is None:  # inside a teacher note: styled, not bookmarked
            para = self._text(block.text, self.styles.headings[level - 1])
            para.tag = f"H{level}"
            return [para]
        para = Para(f'<a name="{key}"/>' + markup(block.text, self.look.italics),
                    self.styles.headings[level - 1])
        para.outline = (key, level - 1, plain_text(block.text))
        para.tag, para.starts_section = f"H{level}", level == 1
        return [para]

    def draw_paragraph(self, block: d.Paragraph) -> list[Flowable]:
        return [self._text(block.text, getattr(self.styles, block.style))]

    def draw_quote(self, block: d.Quote) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        # set in italic through the markup, so emphasis inside it can be set roman
        quotation = Para(markup(block.text, self.look.italics, in_italic=True), s.quote)
        if block.language:
            quotation.tag_attrs = {"Lang": block.language}
        inner: list[Flowable] = [quotation]
        if block.citation:
            inner.append(Para("— " + markup(block.citation, self.look.italics), s.citation))
        if block.themes:
            inner.append(self._marks(block.themes, space_before=size * 0.3))
        if block.check_label:
            # the accent darkened, if need be, to meet WCAG AA on the page (4.5:1)
            accent = readable(self.look.accent, self.look.page_tint or "#FFFFFF")
            inner.append(InlineMarks([Pill("!", self.look.accent), Words(block.check_label,
                                                                         accent, True)],
                                     s.fonts.regular, s.fonts.bold, self.look.small_size,
                                     space_before=size * 0.3))
        indent = size * 1.5
        table = Boxed([[inner]], colWidths=[self.width - indent], hAlign="RIGHT",
                      splitInRow=self._min_piece(), spaceBefore=size * 0.3, spaceAfter=size * 0.9,
                      renderCB=TableTags(role="BlockQuote", key=f"b{self._position}"))
        table.setStyle(self._style([
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, HexColor(self.look.primary), "butt"),
            ("LEFTPADDING", (0, 0), (-1, -1), size * 1.0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.15),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.25),
        ]))
        return self._keep(table)

    def draw_question(self, block: d.Question) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        number_w = size * 2.4
        cell: list[Flowable] = [self._text(block.text, s.question)]
        if block.themes or block.meta:
            cell.append(self._marks(block.themes, block.meta))
        number = Para(f"{block.number}.", s.number)
        number.tag = None  # the label's own text
        key = self.question_key(block)  # its LBody; a quotation before it may open its LI
        tags = TableTags(role="LI", outer="L", key=f"{key}/LI", cells=("Lbl", "LBody"),
                         cell_keys=(f"{key}/Lbl", key))
        row = Boxed([[number, cell]], colWidths=[number_w, self.width - number_w], hAlign="LEFT",
                    splitInRow=self._min_piece(), renderCB=tags)
        if is_rtl(plain_text(block.text)):  # the number stands at the start: on the right
            number = Para(f"{block.number}.", s.number.clone("number_rtl", alignment=TA_RIGHT))
            number.tag = None
            tags = TableTags(role="LI", outer="L", key=f"{key}/LI", cells=("LBody", "Lbl"),
                             cell_keys=(key, f"{key}/Lbl"))
            row = Boxed([[cell, number]], colWidths=[self.width - number_w, number_w],
                        hAlign="LEFT", splitInRow=self._min_piece(), renderCB=tags)
        row.setStyle(self._style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        gap = Gap(size * (1.4 if block.lines else 0.9))
        if not block.lines:
            return [*self._keep(row), gap]
        lines = RuledLines(self.look.answer_lines(block.lines), self.look.answer_line_gap, RULE,
                           self._field(f"q{block.number}_answer"), min(size, 14), number_w,
                           minimum=block.lines, grows=not block.marked)
        lines.tooltip, lines.tag_key = f"Question {block.number}: your answer", key
        return [*self._keep(lines, head=[row]), gap]

    def draw_answer_lines(self, block: d.AnswerLines) -> list[Flowable]:
        head = [self._text(block.label, self.styles.label)] if block.label else []
        slug = re.sub(r"[^a-z0-9]+", "_", plain_text(block.label).lower()).strip("_")
        lines = RuledLines(self.look.answer_lines(block.count), self.look.answer_line_gap, RULE,
                           self._field(slug or "answer"), min(self.look.body_size, 14),
                           minimum=block.count)
        label = plain_text(block.label).strip().rstrip(":")
        lines.tooltip = f"{label}: your answer" if label else "Your answer"
        return [*self._keep(lines, head=head), Gap(self.look.body_size)]

    def draw_teacher_note(self, block: d.TeacherNote) -> list[Flowable]:
        size = self.look.body_size
        pad, rule = size * 1.0, 4
        title = Para(literal(block.title), self.styles.box_title)
        rows = [[title]]
        with self.narrower(2 * pad + rule):
            rows += [[group(self.render(inner), in_cell=True)] for inner in block.blocks]
        # split inside a row first, so the box's title keeps the first lines of its text
        table = Boxed(rows, colWidths=[self.width], splitByRow=0, splitInRow=self._min_piece(),
                      spaceBefore=size * 0.3, spaceAfter=size * 1.2,
                      renderCB=TableTags(role="Div", key=f"b{self._position}"))
        table.setStyle(self._style([
            ("BACKGROUND", (0, 0), (-1, -1), HexColor(self.look.teacher_tint)),
            ("LINEBEFORE", (0, 0), (0, -1), rule, HexColor(self.look.primary), "butt"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.45),
            ("TOPPADDING", (0, 0), (-1, 0), pad * 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, 0), size * 0.1),
            ("BOTTOMPADDING", (0, -1), (-1, -1), pad * 0.6),
        ]))
        return self._keep(table)

    def draw_callout(self, block: d.Callout) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        warning = block.tone == "warning"
        colour = self.look.accent if warning else self.look.primary
        items: list[Pill | Words] = [Words(block.title, self.look.text, True)]
        if warning:
            items.insert(0, Pill("!", colour))
        heading = InlineMarks(items, s.fonts.regular, s.fonts.bold, size, space_after=size * 0.2)
        text = self._text(block.text, s.body.clone("callout", spaceAfter=0))
        table = Boxed([[[heading, text]]], colWidths=[self.width],
                      splitInRow=self._min_piece(), spaceBefore=size * 0.3, spaceAfter=size * 1.0,
                      renderCB=TableTags(role="Div", key=f"b{self._position}"))
        table.setStyle(self._style([
            ("BACKGROUND", (0, 0), (-1, -1), lighter(colour, 0.9)),
            ("BOX", (0, 0), (-1, -1), 0.75, HexColor(colour)),
            ("LINEBEFORE", (0, 0), (0, -1), 4, HexColor(colour), "butt"),
            ("LEFTPADDING", (0, 0), (-1, -1), size),
            ("RIGHTPADDING", (0, 0), (-1, -1), size),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.8),
        ]))
        return self._keep(table)

    def draw_bullet_list(self, block: d.BulletList) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        item_style = s.body.clone("item", spaceAfter=size * 0.25)
        items = [ListItem(self._text(text, item_style)) for text in block.items]
        common = dict(bulletFontName=s.fonts.regular, bulletFontSize=size,
                      leftIndent=size * 1.8, spaceBefore=size * 0.2, spaceAfter=size * 0.9)
        if block.ordered:
            return [TaggedList(items, bulletType="1", start=1, bulletFormat="%s.", **common)]
        return [TaggedList(items, bulletType="bullet", start="•", **common)]

    def draw_name_lines(self, block: d.NameLines) -> list[Flowable]:
        fields = {label: self._field(label.lower()) for label in block.labels}
        return [NameLines(block.labels, self.styles.fonts.bold, self.look.body_size,
                          self.look.text, RULE, fields=fields),
                Gap(self.look.body_size * 1.2)]

    def draw_page_break(self, block: d.PageBreak) -> list[Flowable]:
        return [PageBreakFlowable()]
