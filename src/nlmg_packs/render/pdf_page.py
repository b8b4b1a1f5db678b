"""The page: size, margins, running header and footer, page tint, outline and fixed dates."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from nlmg_packs.render.look import Look
from nlmg_packs.render.pdf_flowables import drawn
from nlmg_packs.render.pdf_fonts import FontFamily, normalise
from nlmg_packs.render.pdf_furniture_text import Line, draw_line, lay_out, one_line
from nlmg_packs.render.pdf_styles import MUTED
from nlmg_packs.render.pdf_tags import artifact

PAPER = {"a4": A4, "letter": LETTER}


@dataclass(frozen=True)
class Furniture:
    """What every page carries around the text."""

    header: str
    school: str
    footer: str
    logo: Path | None
    look: Look
    fonts: FontFamily
    cover: bool = False
    """The first page is a cover: it carries its own title, so no running header."""
    page_label: str = "Page {page} of {total}"
    """"Page X of Y" in the document's language."""


def fixed_canvas(timestamp: int, font: str, kind: type[Canvas] = Canvas):
    """A canvas maker recording `timestamp` as the file's dates, starting in `font`; the
    canvas is a `kind` (a tagging canvas)."""

    def make(*args, **kwargs) -> Canvas:
        # The default initial font (Helvetica) would be listed, unembedded, on every page.
        kwargs.update(invariant=1, initialFontName=font)
        canv = kind(*args, **kwargs)
        stamp = TimeStamp(invariant=1)
        stamp.t = timestamp
        stamp.lt = time.gmtime(timestamp)
        stamp.YMDhms = tuple(stamp.lt)[:6]
        canv._doc._timeStamp = stamp
        return canv

    return make


PORTRAIT, LANDSCAPE = "page", "landscape"
"""Page template ids: the paper upright, and turned sideways for a wide table (a rubric)."""


class HandoutTemplate(BaseDocTemplate):
    """One page template; headings flagged with `outline` become bookmarks and page records.

    "Page X of Y" is drawn on each page as a form defined only once the last page is laid out
    (PDF lets a page use a form defined later), so one layout pass knows the total. `save=False`
    lays the document out without writing it (a pass that only finds page numbers).
    """

    def __init__(self, buffer, *, paper: str, margins, furniture: Furniture, save: bool = True,
                 **metadata) -> None:
        self.furniture, self.save = furniture, save
        self.heading_pages: dict[str, int] = {}
        self._last_level = -1
        look = furniture.look
        left, right, top, bottom = (m * mm for m in margins)
        width, height = PAPER[paper]
        self._footer_lines = self._footer_text(width - left - right)
        self.header_band = self._header_height() + look.body_size * 1.2
        self.footer_band = (len(self._footer_lines) * look.footer_size * 1.25
                            + look.footer_size * 0.8 + look.body_size * 1.2)
        super().__init__(buffer, pagesize=(width, height), leftMargin=left, rightMargin=right,
                         topMargin=top, bottomMargin=bottom, displayDocTitle=1, **metadata)
        self.frame_height = height - top - bottom - self.header_band - self.footer_band
        frame = Frame(left, bottom + self.footer_band, width - left - right, self.frame_height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        side = Frame(left, bottom + self.footer_band, height - left - right,
                     width - top - bottom - self.header_band - self.footer_band,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="side")
        self.landscape_pages: set[int] = set()
        self.addPageTemplates([PageTemplate(PORTRAIT, [frame], onPage=self._furnish),
                               PageTemplate(LANDSCAPE, [side], onPage=self._furnish,
                                            pagesize=(height, width))])

    def _header_height(self) -> float:
        size = self.furniture.look.footer_size
        return max(size * 1.3, self._logo_height()) + size * 0.5

    def _logo_height(self) -> float:
        return self.furniture.look.footer_size * 2.6 if self.furniture.logo else 0

    def _page_label(self, page: int | str, total: int | str) -> str:
        return drawn(normalise(self.furniture.page_label.format(page=page, total=total)))

    def _footer_text(self, width: float) -> list[Line]:
        f = self.furniture
        room = width - stringWidth(self._page_label(888, 888), f.fonts.regular,
                                   f.look.footer_size) - f.look.footer_size * 2
        return lay_out(f.footer, f.fonts, f.look.footer_size, f.look.italics, room, 3)

    def _endBuild(self) -> None:
        self._doSave = 0  # BaseDocTemplate's own save: the labels must be defined first
        super()._endBuild()
        if self.save:
            self._page_labels(self.canv, self.page)
            self.canv.save()

    def afterFlowable(self, flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        key, level, text = outline
        level = max(0, min(level, self._last_level + 1))
        self._last_level = level
        self.canv.addOutlineEntry(text, key, level=level, closed=False)
        self.heading_pages[key] = self.page

    def _furnish(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        f, look = self.furniture, self.furniture.look
        width, height = canv._pagesize
        if width > height:
            self.landscape_pages.add(doc.page)
        left, right = self.leftMargin, width - self.rightMargin
        canv.saveState()
        if look.page_tint:
            canv.setFillColor(HexColor(look.page_tint))
            canv.rect(0, 0, width, height, stroke=0, fill=1)
        if not (f.cover and doc.page == 1):
            with artifact(canv, "Header"):
                self._header(canv, height - self.topMargin, left, right)
        with artifact(canv, "Footer"):
            self._footer(canv, doc, left, right)
        canv.restoreState()

    def _header(self, canv: Canvas, top: float, left: float, right: float) -> None:
        f, look = self.furniture, self.furniture.look
        size = look.footer_size
        band = self._header_height()
        canv.setFillColor(HexColor(MUTED))
        canv.setFont(f.fonts.regular, size)
        baseline = top - band + size * 0.75
        text_right = right
        if f.logo:
            logo = ImageReader(str(f.logo))
            w, h = logo.getSize()
            logo_h = self._logo_height()
            logo_w = logo_h * w / h
            canv.drawImage(logo, right - logo_w, top - logo_h, logo_w, logo_h, mask="auto")
            text_right = right - logo_w - size
        if f.school:
            canv.setFont(f.fonts.bold, size)
            canv.drawRightString(text_right, baseline, drawn(normalise(f.school)))
            text_right -= stringWidth(normalise(f.school), f.fonts.bold, size) + size * 1.5
        draw_line(canv, left, baseline,
                  one_line(f.header, f.fonts, size, look.italics, text_right - left), size)
        canv.setStrokeColor(HexColor(look.primary))
        canv.setLineWidth(0.75)
        canv.line(left, top - band, right, top - band)

    def _footer(self, canv: Canvas, doc: BaseDocTemplate, left: float, right: float) -> None:
        size = self.furniture.look.footer_size
        rule_y = self._footer_rule()
        canv.setStrokeColor(HexColor("#B8C0CC"))
        canv.setLineWidth(0.5)
        canv.line(left, rule_y, right, rule_y)
        canv.setFillColor(HexColor(MUTED))
        for i, line in enumerate(self._footer_lines):
            draw_line(canv, left, rule_y - size * 1.25 * (i + 1), line, size)
        canv.doForm(_label_form(doc.page))

    def _footer_rule(self) -> float:
        """The height of the footer's rule above the page's bottom edge."""
        size = self.furniture.look.footer_size
        return self.bottomMargin + len(self._footer_lines) * size * 1.25 + size * 0.5

    def _page_labels(self, canv: Canvas, total: int) -> None:
        """Define each page's "Page X of Y" form, now that Y is known. A form per page keeps
        the whole label right-aligned, however wide the total is."""
        f, look = self.furniture, self.furniture.look
        size = look.footer_size
        baseline = self._footer_rule() - size * 1.25
        for page in range(1, total + 1):
            right = self.pagesize[page in self.landscape_pages] - self.rightMargin
            canv.beginForm(_label_form(page), 0, 0, *[max(self.pagesize)] * 2)
            canv.setFillColor(HexColor(look.text))
            canv.setFont(f.fonts.bold, size)
            canv.drawRightString(right, baseline, self._page_label(page, total))
            canv.endForm()


def _label_form(page: int) -> str:
    return f"pageLabel{page}"
