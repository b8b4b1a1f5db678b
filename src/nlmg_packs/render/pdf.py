"""The PDF renderer: a Document drawn as a printable handout with reportlab."""

from __future__ import annotations

import re
from contextlib import contextmanager
from io import BytesIO

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as PageBreakFlowable

from nlmg_packs import document as d
from nlmg_packs.render._inline import plain_text
from nlmg_packs.render._pdf_flowables import (
    InlineMarks,
    NameLines,
    Para,
    Pill,
    RuledLines,
    Swatch,
    Words,
)
from nlmg_packs.render._pdf_fonts import check_coverage, normalise, register_family
from nlmg_packs.render._pdf_keep import SPLIT_TALLER, Keep, group, lead_in
from nlmg_packs.render._pdf_page import PAPER, Furniture, HandoutTemplate, fixed_canvas
from nlmg_packs.render._pdf_styles import (
    MUTED,
    RULE,
    Styles,
    build_styles,
    ink_on,
    lighter,
    literal,
    markup,
)
from nlmg_packs.render._theme import look_for
from nlmg_packs.render.options import RenderOptions

CHECK_WORDING = "Check the wording against your edition"
TEACHER = "Teacher: "
GRID = "#C5CCD6"
_BUILD_PASSES = 3


def render_pdf(doc: d.Document, options: RenderOptions) -> bytes:
    """The document as PDF bytes; the same inputs always give the same bytes."""
    rl_config.invariant = 1
    # Streams are compressed binary, not also ASCII85-encoded: reportlab's pure-Python encoder
    # took about 8% of the render time (and the files come out about 4% smaller).
    rl_config.useA85 = 0
    look = look_for(options)
    fonts = register_family(options.template)
    school = options.template.settings.school
    check_coverage(doc, fonts, extra=(school, CHECK_WORDING, TEACHER, "Page 0123456789 of",
                                      "Name Date Class Warning: !", "•"))
    styles = build_styles(look, fonts)
    # "Page X of Y" needs no second pass (the page template draws the total as a form defined
    # at the end), but a contents list needs the page numbers of a finished layout: lay the
    # document out until they settle (normally twice), writing the file only when they may have.
    if not any(isinstance(block, d.Contents) for block in doc.blocks):
        return _build(doc, options, styles, {})[0]
    pages: dict[str, int] = {}
    data = b""
    for attempt in range(_BUILD_PASSES):
        # The first pass has no page numbers to print, so it only finds them.
        save = attempt > 0
        data, found = _build(doc, options, styles, pages, save=save)
        if save and found == pages:
            break
        pages = found
    return data


def _build(doc: d.Document, options: RenderOptions, styles: Styles, pages: dict[str, int],
           save: bool = True) -> tuple[bytes, dict[str, int]]:
    settings = options.template.settings
    margins = settings.margins_mm
    furniture = Furniture(header=doc.header, school=settings.school, footer=doc.footer,
                          logo=options.template.logo, look=styles.look, fonts=styles.fonts,
                          cover=bool(doc.blocks) and isinstance(doc.blocks[0], d.Cover))
    buffer = BytesIO()
    meta = doc.metadata
    template = HandoutTemplate(
        buffer, paper=options.paper, margins=(margins.left, margins.right, margins.top,
                                              margins.bottom),
        furniture=furniture, save=save, title=meta.title, author=meta.author,
        subject=meta.subject, keywords=list(meta.keywords), lang=meta.language,
        creator="nlmg-packs", producer="nlmg-packs (ReportLab)")
    renderer = PdfRenderer(doc, options, styles, template.width, pages, template.frame_height)
    template.build(renderer.story(),
                   canvasmaker=fixed_canvas(options.timestamp, styles.fonts.regular))
    return buffer.getvalue(), dict(template.heading_pages)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class PdfRenderer:
    """Turns blocks into reportlab flowables; one `_render_<block>` method per block type."""

    def __init__(self, doc: d.Document, options: RenderOptions, styles: Styles, width: float,
                 pages: dict[str, int], height: float = 0) -> None:
        self.doc, self.options, self.styles, self.width = doc, options, styles, width
        self.height = height or PAPER[options.paper][1] * 0.75
        """The text area's height on a page."""
        self.look = styles.look
        self.pages = pages
        self.fields: set[str] = set()
        self.keys = {id(b): f"h{i}" for i, b in enumerate(doc.blocks) if isinstance(b, d.Heading)}
        self._position = 0

    def story(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        blocks = self.doc.blocks
        for position, block in enumerate(blocks):
            self._position = position
            rendered = self.render(block)
            following = blocks[position + 1] if position + 1 < len(blocks) else None
            if isinstance(block, d.Quote) and isinstance(following, d.Question):
                # a quotation, its citation, its question and the first answer lines: one unit
                rendered = lead_in(rendered)
            flowables.extend(rendered)
        return group(flowables)

    def render(self, block: d.Block) -> list[Flowable]:
        handler = _DISPATCH.get(type(block))
        if handler is None:
            raise TypeError(f"the PDF renderer cannot draw a {type(block).__name__} block")
        return handler(self, block)

    @contextmanager
    def narrower(self, by: float):
        self.width -= by
        try:
            yield
        finally:
            self.width += by

    def _text(self, text: str, style) -> Para:
        return Para(markup(text, self.look.italics), style)

    def _style(self, commands: list) -> TableStyle:
        # Tables otherwise set Helvetica, which would then be listed (unembedded) in the file.
        font = ("FONT", (0, 0), (-1, -1), self.styles.fonts.regular, self.look.body_size)
        return TableStyle([font, *commands])

    def _keep(self, box: Flowable, head: list[Flowable] | None = None,
              split_taller: float = SPLIT_TALLER) -> list[Flowable]:
        """Keep a box whole unless it is tall, so short notes never straddle a page break."""
        lines = self.look.body_size * self.look.leading * 3
        return [Keep(head or [], box, split_taller=split_taller, min_lead=lines)]

    def _field(self, base: str) -> str | None:
        if not self.options.fillable:
            return None
        name, n = base, 2
        while name in self.fields:
            name, n = f"{base}_{n}", n + 1
        self.fields.add(name)
        return name

    def _marks(self, themes: tuple[d.ThemeTag, ...], tail: str = "", names: bool = True,
               **space: float) -> InlineMarks:
        items: list[Pill | Words] = []
        for tag in themes:
            items.append(Pill(tag.letter, tag.colour))
            if names:
                items.append(Words(tag.name, MUTED))
        if tail:
            items.append(Words(tail, MUTED))
        return InlineMarks(items, self.styles.fonts.regular, self.styles.fonts.bold,
                           self.look.small_size, **space)

    # One method per block type, in document.BLOCK_TYPES order.

    def _render_heading(self, block: d.Heading) -> list[Flowable]:
        level = min(max(block.level, 1), 3)
        key = self.keys.get(id(block))
        if key is None:  # inside a teacher note: styled, not bookmarked
            return [self._text(block.text, self.styles.headings[level - 1])]
        para = Para(f'<a name="{key}"/>' + markup(block.text, self.look.italics),
                    self.styles.headings[level - 1])
        para.outline = (key, level - 1, plain_text(block.text))
        return [para]

    def _render_paragraph(self, block: d.Paragraph) -> list[Flowable]:
        return [self._text(block.text, getattr(self.styles, block.style))]

    def _render_quote(self, block: d.Quote) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        inner: list[Flowable] = [self._text(block.text, s.quote)]
        if block.citation:
            inner.append(Para("— " + markup(block.citation, self.look.italics), s.citation))
        if block.themes:
            inner.append(self._marks(block.themes, space_before=size * 0.3))
        if block.check_wording:
            inner.append(InlineMarks([Pill("!", self.look.accent), Words(CHECK_WORDING,
                                                                         self.look.accent, True)],
                                     s.fonts.regular, s.fonts.bold, self.look.small_size,
                                     space_before=size * 0.3))
        indent = size * 1.5
        table = Table([[inner]], colWidths=[self.width - indent], hAlign="RIGHT", splitInRow=1,
                      spaceBefore=size * 0.3, spaceAfter=size * 0.9)
        table.setStyle(self._style([
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, HexColor(self.look.primary), "butt"),
            ("LEFTPADDING", (0, 0), (-1, -1), size * 1.0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.15),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.25),
        ]))
        return self._keep(table)

    def _render_question(self, block: d.Question) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        number_w = size * 2.4
        cell: list[Flowable] = [self._text(block.text, s.question)]
        if block.themes or block.meta:
            cell.append(self._marks(block.themes, block.meta))
        row = Table([[Para(f"{block.number}.", s.number), cell]],
                    colWidths=[number_w, self.width - number_w], hAlign="LEFT", splitInRow=1)
        row.setStyle(self._style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        gap = Spacer(1, size * (1.4 if block.lines else 0.9))
        if not block.lines:
            return [*self._keep(row), gap]
        lines = RuledLines(block.lines, self.look.answer_line_gap, RULE,
                           self._field(f"q{block.number}_answer"), min(size, 14), number_w)
        return [*self._keep(lines, head=[row]), gap]

    def _render_answer_lines(self, block: d.AnswerLines) -> list[Flowable]:
        head = [self._text(block.label, self.styles.label)] if block.label else []
        slug = re.sub(r"[^a-z0-9]+", "_", plain_text(block.label).lower()).strip("_")
        lines = RuledLines(block.count, self.look.answer_line_gap, RULE,
                           self._field(slug or "answer"), min(self.look.body_size, 14))
        return [*self._keep(lines, head=head), Spacer(1, self.look.body_size)]

    def _render_teacher_note(self, block: d.TeacherNote) -> list[Flowable]:
        size = self.look.body_size
        pad, rule = size * 1.0, 4
        title = Para(literal(TEACHER + block.title), self.styles.box_title)
        rows = [[title]]
        with self.narrower(2 * pad + rule):
            rows += [[group(self.render(inner), in_cell=True)] for inner in block.blocks]
        # split inside a row first, so the box's title keeps the first lines of its text
        table = Table(rows, colWidths=[self.width], splitByRow=0, splitInRow=1,
                      spaceBefore=size * 0.3, spaceAfter=size * 1.2)
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

    def _render_callout(self, block: d.Callout) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        warning = block.tone == "warning"
        colour = self.look.accent if warning else self.look.primary
        title = block.title
        if warning and "warning" not in title.lower():
            title = f"Warning: {title}"
        items: list[Pill | Words] = [Words(title, self.look.text, True)]
        if warning:
            items.insert(0, Pill("!", colour))
        heading = InlineMarks(items, s.fonts.regular, s.fonts.bold, size, space_after=size * 0.2)
        text = self._text(block.text, s.body.clone("callout", spaceAfter=0))
        table = Table([[[heading, text]]], colWidths=[self.width],
                      splitInRow=1, spaceBefore=size * 0.3, spaceAfter=size * 1.0)
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

    def _render_bullet_list(self, block: d.BulletList) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        item_style = s.body.clone("item", spaceAfter=size * 0.25)
        items = [ListItem(self._text(text, item_style)) for text in block.items]
        common = dict(bulletFontName=s.fonts.regular, bulletFontSize=size,
                      leftIndent=size * 1.8, spaceBefore=size * 0.2, spaceAfter=size * 0.9)
        if block.ordered:
            return [ListFlowable(items, bulletType="1", start=1, bulletFormat="%s.",
                                 **common)]
        return [ListFlowable(items, bulletType="bullet", start="•", **common)]

    def _render_table(self, block: d.Table) -> list[Flowable]:
        s, look = self.styles, self.look
        cell = s.cell_small if block.compact else s.cell
        head = s.header_cell_small if block.compact else s.header_cell
        columns = max([len(block.header)] + [len(r) for r in block.rows])
        pad = look.small_size * (0.35 if block.compact else 0.6)
        widths = _column_widths(block, columns, self.width, cell.fontName, s.fonts.bold,
                                cell.fontSize, pad * 2.8 + 1)
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
        table = Table(rows, colWidths=widths, repeatRows=first, hAlign="LEFT",
                      splitInRow=int(cell.leading * 3 + pad * 2),
                      spaceBefore=look.body_size * 0.3, spaceAfter=look.body_size * 1.0)
        table.setStyle(self._style(style))
        return self._keep(table, split_taller=0)

    def _render_theme_legend(self, block: d.ThemeLegend) -> list[Flowable]:
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
            cells += [InlineMarks([Pill(tag.letter, tag.colour)], s.fonts.regular,
                                  s.fonts.bold, size), self._text(tag.name, name_style)]
        rows = []
        per_row = 2 * across
        for start in range(0, len(cells), per_row):
            row = cells[start:start + per_row]
            rows.append(row + [""] * (per_row - len(row)))
        widths = []
        for i in range(across):
            widths += [pill_col, name_col + (gutter if i < across - 1 else 0)]
        grid = Table(rows, colWidths=widths, hAlign="LEFT", spaceAfter=size * 0.8)
        grid.setStyle(self._style([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.1),
            *[("RIGHTPADDING", (c, 0), (c, -1), gutter) for c in range(1, per_row - 1, 2)],
        ]))
        grid.keepWithNext = 1
        label = Para("Key", s.label.clone("legend_key", keepWithNext=1, spaceAfter=size * 0.15))
        return [label, grid]

    def _render_name_lines(self, block: d.NameLines) -> list[Flowable]:
        fields = {label: self._field(label.lower()) for label, _ in NameLines.SHARES}
        return [NameLines(self.styles.fonts.bold, self.look.body_size, self.look.text, RULE,
                          fields=fields),
                Spacer(1, self.look.body_size * 1.2)]

    def _render_cover(self, block: d.Cover) -> list[Flowable]:
        """A booklet cover: a band of the primary colour carrying the title, then the school."""
        s, look, size = self.styles, self.look, self.look.body_size
        pad = min(size * 2, 24)
        # The band fills about half the page, less whatever the school line and a contents list
        # that follows on this page need.
        after = self._cover_follows(size)
        room = self.height - after
        # large print: big, yet on one line; a title too long for the band is set smaller
        title_size = min(s.cover_title.fontSize, 36)
        while True:
            parts = self._cover_parts(block, title_size)
            content_h = sum(f.wrap(self.width - 2 * pad, 10_000)[1] + f.getSpaceBefore()
                            + f.getSpaceAfter() for f in parts)
            if content_h + 2 * pad <= max(room, self.height * 0.5) or title_size <= size:
                break
            title_size = max(size, title_size * 0.85)
        band_h = max(content_h + 2 * pad, min(self.height * 0.5, room))
        # Longer than a page even so (every cover line at its longest): the band may split.
        fixed = band_h < self.height
        band = Table([[parts]], colWidths=[self.width], rowHeights=[band_h if fixed else None],
                     hAlign="LEFT", splitInRow=0 if fixed else 1, spaceAfter=size * 1.6)
        band.setStyle(self._style([
            ("BACKGROUND", (0, 0), (-1, -1), HexColor(look.primary)),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LINEBELOW", (0, 0), (-1, -1), size * 0.35, HexColor(look.accent), "butt"),
        ]))
        story: list[Flowable] = [band]
        school, logo = self.options.template.settings.school, self.options.template.logo
        if school or logo:
            cells: list = []
            widths: list[float] = []
            if logo:
                image = Image(str(logo))
                height = 18 * mm
                width = height * image.imageWidth / image.imageHeight
                cells.append(Image(str(logo), width=width, height=height))
                widths.append(width + size)
            cells.append(Para(literal(school), s.label.clone(
                "cover_school", fontSize=size * 1.15, leading=size * 1.5,
                textColor=HexColor(look.primary))) if school else "")
            widths.append(self.width - sum(widths))
            row = Table([cells], colWidths=widths, hAlign="LEFT", spaceAfter=size * 1.4)
            row.setStyle(self._style([
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            story.append(row)
        return story

    def _cover_parts(self, block: d.Cover, title_size: float) -> list[Flowable]:
        """The band's contents: kicker, accent bar, title (at `title_size`), detail lines."""
        s, look, size = self.styles, self.look, self.look.body_size
        ink = ink_on(look.primary)
        soft = lighter(ink, 0.25) if ink == "#000000" else lighter(look.primary, 0.8)
        parts: list[Flowable] = []
        if block.subtitle:
            parts.append(self._text(block.subtitle, s.cover_subtitle.clone(
                "cover_kicker", textColor=soft, spaceAfter=size * 0.5)))
        parts += [_Bar(look.accent, size * 4, size * 0.35), Spacer(1, size * 0.9),
                  self._text(block.title, s.cover_title.clone(
                      "cover_band_title", textColor=HexColor(ink), fontSize=title_size,
                      leading=title_size * 1.17))]
        for i, line in enumerate(block.lines):
            style = s.cover_line.clone(f"cover_band_line{i}", textColor=soft,
                                       spaceBefore=size * (0.6 if i == 0 else 0),
                                       fontSize=size * 1.15, leading=size * 1.15 * 1.35)
            parts.append(self._text(line, style))
        return parts

    def _cover_follows(self, size: float) -> float:
        """The height of the school line and contents list set under the cover."""
        following = self.doc.blocks[self._position + 1:self._position + 2]
        height = size * 1.6  # the band's space after
        if self.options.template.settings.school or self.options.template.logo:
            height += 18 * mm + size * 1.4
        if following and isinstance(following[0], d.Contents):
            for f in self._render_contents(following[0]):
                height += f.wrap(self.width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        return height + size * 2

    def _render_contents(self, block: d.Contents) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        following = self.doc.blocks[self._position + 1:]
        entries = [b for b in following if isinstance(b, d.Heading) and b.level == 1]
        title = s.headings[0].clone("contents_title", keepWithNext=1)
        parts: list[Flowable] = [self._text(block.title, title)]
        if not entries:
            return parts
        link = self.look.primary
        rows = []
        for heading in entries:
            key = self.keys[id(heading)]
            text = markup(heading.text, self.look.italics)
            rows.append([Para(f'<a href="#{key}" color="{link}">{text}</a>', s.contents_entry),
                         Para(f'<a href="#{key}">{self.pages.get(key, "")}</a>',
                              s.contents_page)])
        page_w = size * 3
        table = Table(rows, colWidths=[self.width - page_w, page_w], hAlign="LEFT",
                      spaceAfter=size)
        table.setStyle(self._style([
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(GRID)),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.35),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.35)]))
        return [*parts, table]

    def _render_page_break(self, block: d.PageBreak) -> list[Flowable]:
        return [PageBreakFlowable()]


def _column_widths(block: d.Table, columns: int, total: float, font: str, bold: str,
                   size: float, padding: float) -> list[float]:
    """Relative widths scaled to `total`, widened so no column breaks inside a word."""
    weights = (list(block.widths or ()) + [1.0] * columns)[:columns]
    widths = [total * w / sum(weights) for w in weights]
    texts = [[h] for h in block.header] + [[] for _ in range(columns - len(block.header))]
    for row in block.rows:
        for c, item in enumerate(row):
            texts[c].append(plain_text(item.text))
    # A word wider than this (a file path) is split rather than starving the other columns.
    cap = max(total * 0.3, total / columns)
    floor = [min(cap, max((stringWidth(word, bold, size) + padding for t in column
                           for word in t.split()), default=padding)) for column in texts]
    if sum(floor) > total:  # too many long words: share the width by the longest words
        return [total * f / sum(floor) for f in floor]
    for _ in range(columns):
        short = [c for c in range(columns) if widths[c] < floor[c] - 0.01]
        if not short:
            break
        need = sum(floor[c] - widths[c] for c in short)
        spare = [c for c in range(columns) if c not in short and widths[c] > floor[c]]
        room = sum(widths[c] - floor[c] for c in spare)
        for c in short:
            widths[c] = floor[c]
        for c in spare:
            widths[c] -= need * (widths[c] - floor[c]) / room
    return widths


class _Bar(Flowable):
    """A short thick rule in a colour (the cover's accent)."""

    def __init__(self, colour: str, width: float, height: float) -> None:
        super().__init__()
        self.colour, self.width, self.height = colour, width, height

    def draw(self) -> None:
        self.canv.setFillColor(HexColor(self.colour))
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)


_DISPATCH = {kind: getattr(PdfRenderer, f"_render_{_snake(kind.__name__)}")
             for kind in d.BLOCK_TYPES}
"""Block type → renderer method, built once; a block type without a method fails at import."""

__all__ = ["render_pdf"]
