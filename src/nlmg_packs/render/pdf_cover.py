"""PDF drawing of a booklet's front matter: the cover band and the contents list."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer, Table

from nlmg_packs import document as d
from nlmg_packs.render.contrast import readable
from nlmg_packs.render.inline import plain_text
from nlmg_packs.render.pdf_base import PdfDrawing
from nlmg_packs.render.pdf_flowables import Para
from nlmg_packs.render.pdf_styles import ink_on, lighter, literal, markup
from nlmg_packs.render.pdf_table_tags import TableTags
from nlmg_packs.render.pdf_tables import GRID
from nlmg_packs.render.pdf_tagged_flowables import Figure


class CoverBlocks(PdfDrawing):
    """`draw_<block>` for the cover and the contents list."""

    def draw_cover(self, block: d.Cover) -> list[Flowable]:
        """A booklet cover: a band of the primary colour carrying the title, then the school."""
        s, look, size = self.styles, self.look, self.look.body_size
        pad = min(size * 2, 24)
        # The band fills about half the page, less whatever the school line and a contents list
        # that follows on this page need.
        room = self.height - self._cover_follows(size)
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
        school, logo = self.options.school, self.options.logo
        if school or logo:
            cells: list = []
            widths: list[float] = []
            if logo:
                image = Image(str(logo))
                height = 18 * mm
                width = height * image.imageWidth / image.imageHeight
                cells.append(Figure(str(logo), width, height, self._logo_alt()))
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
        """The band's contents: kicker, accent bar, title (at `title_size` points), details."""
        s, look, size = self.styles, self.look, self.look.body_size
        ink = ink_on(look.primary)
        soft = lighter(ink, 0.25) if ink == "#000000" else lighter(look.primary, 0.8)
        soft = readable(soft.hexval().replace("0x", "#"), look.primary)  # WCAG AA on the band
        parts: list[Flowable] = []
        if block.subtitle:
            parts.append(self._text(block.subtitle, s.cover_subtitle.clone(
                "cover_kicker", textColor=soft, spaceAfter=size * 0.5)))
        title = self._text(block.title, s.cover_title.clone(
            "cover_band_title", textColor=HexColor(ink), fontSize=title_size,
            leading=title_size * 1.17))
        title.tag = "H1"
        parts += [_Bar(look.accent, size * 4, size * 0.35), Spacer(1, size * 0.9), title]
        for i, line in enumerate(block.lines):
            style = s.cover_line.clone(f"cover_band_line{i}", textColor=soft,
                                       spaceBefore=size * (0.6 if i == 0 else 0),
                                       fontSize=size * 1.15, leading=size * 1.15 * 1.35)
            parts.append(self._text(line, style))
        return parts

    def _logo_alt(self) -> str:
        """The logo's alternative text: the template's, else the school's name."""
        school = self.options.school
        return self.options.logo_alt or (f"{school} logo" if school else "School logo")

    def _cover_follows(self, size: float) -> float:
        """The height of the school line and contents list set under the cover."""
        following = self.doc.blocks[self._position + 1:self._position + 2]
        height = size * 1.6  # the band's space after
        if self.options.school or self.options.logo:
            height += 18 * mm + size * 1.4
        if following and isinstance(following[0], d.Contents):
            for f in self.draw_contents(following[0]):
                height += f.wrap(self.width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        return height + size * 2

    def draw_contents(self, block: d.Contents) -> list[Flowable]:
        s, size = self.styles, self.look.body_size
        following = self.doc.blocks[self._position + 1:]
        entries = [b for b in following if isinstance(b, d.Heading) and b.level == 1]
        title = s.headings[0].clone("contents_title", keepWithNext=1)
        parts: list[Flowable] = [self._text(block.title, title)]
        parts[0].tag = "H1"
        if not entries:
            return parts
        link = self.look.primary
        rows = []
        for heading in entries:
            key = self.keys[id(heading)]
            text = markup(heading.text, self.look.italics)
            row = [Para(f'<a href="#{key}" color="{link}">{text}</a>', s.contents_entry),
                   Para(f'<a href="#{key}">{self.pages.get(key, "")}</a>', s.contents_page)]
            for para in row:
                para.tag = "Link"
                para.tag_attrs = {"Contents": f"Go to {plain_text(heading.text)}"}
            rows.append(row)
        page_w = size * 3
        table = Table(rows, colWidths=[self.width - page_w, page_w], hAlign="LEFT",
                      spaceAfter=size,
                      renderCB=TableTags(role="TOC", row="TOCI", cells="Reference",
                                         key=f"b{self._position}"))
        table.setStyle(self._style([
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(GRID)),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.35),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.35)]))
        return [*parts, table]


class _Bar(Flowable):
    """A short thick rule in a colour (the cover's accent)."""

    def __init__(self, colour: str, width: float, height: float) -> None:
        super().__init__()
        self.colour, self.width, self.height = colour, width, height

    def draw(self) -> None:
        self.canv.setFillColor(HexColor(self.colour))
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
