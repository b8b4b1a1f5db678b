"""Paragraph styles from the shared Look, and document text turned into safe reportlab markup."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from nlmg_packs.bidi import has_rtl
from nlmg_packs.render.contrast import readable
from nlmg_packs.render.inline import parse_inline
from nlmg_packs.render.look import Look
from nlmg_packs.render.pdf_fonts import FontFamily, normalise
from nlmg_packs.render.pdf_spans import span_markup

MUTED = "#4D4D4D"
"""Secondary text: 8.4:1 on white, still AA on the cream page."""
RULE = "#8C96A3"
"""Ruled answer lines: visible to write on, quiet in print."""


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (WCAG 2.1 contrast ratio)."""
    from nlmg_packs.render.contrast import ink_on as ink

    return ink(HexColor(colour).hexval().replace("0x", "#"))


def lighter(colour: str, amount: float) -> Color:
    """`colour` mixed with white by `amount` (0 = unchanged, 1 = white)."""
    c = HexColor(colour)
    return Color(*(v + (1 - v) * amount for v in (c.red, c.green, c.blue)))


def literal(text: str) -> str:
    """Plain text as markup: every character prints as itself; newlines break lines."""
    return escape(normalise(text)).replace("\n", "<br/>")


def markup(text: str, italics: bool = True, in_italic: bool = False) -> str:
    """Text with the inline syntax as markup; italic becomes bold when `italics` is False, and
    a language span is tagged as a Span with /Lang (`pdf_spans`), except in text with
    right-to-left letters, whose lines are reordered whole.

    `in_italic`: the whole text is set in italic (a quotation), and emphasis inside it is set
    roman, as typographic convention has it (Chicago Manual of Style 7.50; Bringhurst 3.5.1).
    The paragraph's own face must then be the upright one.
    """
    parts = []
    # A line with right-to-left letters is reordered as one run, so no span can be marked in it.
    spans = not has_rtl(text)
    for lang, group in groupby(parse_inline(normalise(text)), key=attrgetter("lang")):
        chunks = []
        for run in group:
            chunk = literal(run.text)
            italic = (run.italic != (in_italic and italics)) and italics
            bold = run.bold or (run.italic and not italics)
            if italic:
                chunk = f"<i>{chunk}</i>"
            if bold:
                chunk = f"<b>{chunk}</b>"
            chunks.append(chunk)
        parts.append(span_markup(lang, "".join(chunks)) if lang and spans else "".join(chunks))
    return "".join(parts)


@dataclass(frozen=True)
class Styles:
    look: Look
    fonts: FontFamily
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    headings: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    quote: ParagraphStyle
    citation: ParagraphStyle
    question: ParagraphStyle
    number: ParagraphStyle
    meta: ParagraphStyle
    box_title: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    header_cell: ParagraphStyle
    header_cell_small: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    contents_entry: ParagraphStyle
    contents_page: ParagraphStyle
    label: ParagraphStyle


def build_styles(look: Look, fonts: FontFamily) -> Styles:
    """Every paragraph style the renderer uses, sized and coloured by `look`."""
    size = look.body_size
    page = look.page_tint or "#FFFFFF"
    text = HexColor(readable(look.text, page))
    # Coloured headings, numbers and labels stay in the theme's hue, darkened if need be
    # until they meet WCAG AA on the page (4.5:1; headings are large text, 3:1).
    primary = HexColor(readable(look.primary, page))
    body = ParagraphStyle(
        "body", fontName=fonts.regular, fontSize=size, leading=size * look.leading,
        textColor=text, alignment=TA_JUSTIFY if look.justify else TA_LEFT,
        spaceAfter=size * 0.6, allowWidows=0, allowOrphans=0)

    def like(name: str, parent: ParagraphStyle = body, **kw: object) -> ParagraphStyle:
        if "fontSize" in kw and "leading" not in kw:
            kw["leading"] = kw["fontSize"] * look.leading
        return ParagraphStyle(name, parent=parent, **kw)

    small = like("small", fontSize=look.small_size)
    h_sizes = look.heading_sizes
    headings = _headings(body, look, fonts.bold, primary, text)
    cell_size = look.cell_size
    return Styles(
        look=look, fonts=fonts, body=body,
        lead=like("lead", fontSize=size * 1.15, spaceAfter=size * 0.8),
        small=small,
        muted=like("muted", textColor=HexColor(MUTED)),
        headings=headings,
        quote=like("quote", fontName=fonts.regular, fontSize=size * 1.05, spaceAfter=size * 0.25,
                   alignment=TA_LEFT),
        citation=like("citation", fontSize=look.small_size, textColor=HexColor(MUTED),
                      spaceAfter=0, alignment=TA_LEFT),
        question=like("question", spaceAfter=size * 0.2, alignment=TA_LEFT),
        number=like("number", fontName=fonts.bold, textColor=primary, alignment=TA_LEFT),
        meta=like("meta", fontSize=look.small_size, textColor=HexColor(MUTED), spaceAfter=0,
                  alignment=TA_LEFT),
        box_title=like("box_title", fontName=fonts.bold, spaceAfter=size * 0.3,
                       alignment=TA_LEFT),
        cell=like("cell", fontSize=cell_size, spaceAfter=0, alignment=TA_LEFT),
        cell_small=like("cell_small", fontSize=look.small_size, leading=look.small_size * 1.2,
                        spaceAfter=0, alignment=TA_LEFT),
        header_cell=like("header_cell", fontName=fonts.bold, fontSize=cell_size,
                         textColor=HexColor(ink_on(look.primary)), spaceAfter=0, alignment=TA_LEFT),
        header_cell_small=like("header_cell_small", fontName=fonts.bold,
                               fontSize=look.small_size, leading=look.small_size * 1.2,
                               textColor=HexColor(ink_on(look.primary)), spaceAfter=0,
                               alignment=TA_CENTER),
        cover_title=like("cover_title", fontName=fonts.bold, fontSize=h_sizes[0] * 1.75,
                         leading=h_sizes[0] * 2.05, textColor=primary, spaceAfter=size * 0.6,
                         alignment=TA_LEFT),
        cover_subtitle=like("cover_subtitle", fontSize=h_sizes[1] * 1.15,
                            leading=h_sizes[1] * 1.5, textColor=text, spaceAfter=size * 1.2,
                            alignment=TA_LEFT),
        cover_line=like("cover_line", textColor=HexColor(MUTED), spaceAfter=size * 0.2,
                        alignment=TA_LEFT),
        contents_entry=like("contents_entry", spaceAfter=0, alignment=TA_LEFT),
        contents_page=like("contents_page", spaceAfter=0, alignment=TA_RIGHT),
        label=like("label", fontName=fonts.bold, spaceAfter=size * 0.2, alignment=TA_LEFT),
    )


def _headings(body: ParagraphStyle, look: Look, bold: str, primary: HexColor,
              text: HexColor) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """H1–H3: bold, kept with what follows; sizes in points from `look.heading_sizes`."""
    size, (h1, h2, h3) = look.body_size, look.heading_sizes

    def heading(name: str, points: float, leading: float, colour: HexColor, before: float,
                after: float) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, fontName=bold, fontSize=points,
                              leading=points * leading, textColor=colour,
                              spaceBefore=points * before, spaceAfter=size * after,
                              keepWithNext=1, alignment=TA_LEFT)

    return (heading("h1", h1, 1.2, primary, 0.9, 0.7), heading("h2", h2, 1.25, primary, 0.9, 0.5),
            heading("h3", h3, 1.25, text, 0.8, 0.4))
