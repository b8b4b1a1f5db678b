"""Accessibility presets and paper size, applied to a rendered document's styles and section."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from nlmg_packs.render.docx_styles import set_font, set_line, set_size
from nlmg_packs.render.docx_xml import element, hex6
from nlmg_packs.render.look import Look

PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Pt(8.5 * 72), Pt(11 * 72))}
SANS = {"large-print": "Arial", "dyslexia": "Verdana"}
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")


def set_paper(document, paper: str) -> None:
    """Page size of every section; tab stops laid out across the text width move with it."""
    width, height = PAPER[paper]
    for section in document.sections:
        before = _text_width(section)
        section.page_width, section.page_height = width, height
        after = _text_width(section)
        if before != after:
            parts = [document.styles.element]
            parts += [p._element for p in (section.header, section.footer)
                      if not p.is_linked_to_previous]
            for part in parts:
                _move_tabs(part, before, after)


def _text_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


TWIPS_PER_EMU = 1 / 635


def _move_tabs(root, before: int, after: int) -> None:
    """Tab stops in the right half of a text `before` EMU wide, scaled to one `after` EMU wide:
    a right tab at the margin stays at the margin (a reference document made for A4 and used
    on Letter), a stop at 55% of the width stays at 55%. Stops near the left (a hanging
    indent's) stay where they are."""
    old = before * TWIPS_PER_EMU
    for tab in root.iter(qn("w:tab")):
        position = tab.get(qn("w:pos"))
        if position is None or tab.getparent().tag != qn("w:tabs"):
            continue
        if int(position) >= old / 2:
            tab.set(qn("w:pos"), str(round(int(position) * after / before)))


def set_language(document, language: str) -> None:
    """Proofing language of the document defaults."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rPr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rPr is None:
        return
    lang = rPr.find(qn("w:lang"))
    if lang is None:
        lang = rPr.makeelement(qn("w:lang"), {})
        rPr.append(lang)
    lang.set(qn("w:val"), language)


def apply_preset(document, named: dict, preset: str, look: Look) -> None:
    """Adjust the styles themselves, so the document stays editable through its styles."""
    if preset == "standard":
        return
    styles = [s for s in document.styles
              if s.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER)]
    normal = named["normal"]
    scale = look.body_size / (normal.font.size.pt if normal.font.size else 11)
    sans = SANS.get(preset)
    if sans:
        _default_font(document, sans)
    for style in styles:
        if sans and style.element.rPr is not None and \
                style.element.rPr.find(qn("w:rFonts")) is not None:
            set_font(style, sans)
        if style.font.italic:
            style.font.italic = False
        if style.font.size is not None and style.name not in HEADINGS:
            set_size(style, max(look.small_size, round(style.font.size.pt * scale * 2) / 2))
        if style.type == WD_STYLE_TYPE.PARAGRAPH and \
                style.paragraph_format.alignment in _unaligned(preset, look):
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    set_size(normal, look.body_size)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    set_line(normal, 1.5 if look.leading >= 1.5 else 1.15)
    for name, size in zip(HEADINGS, look.heading_sizes, strict=True):
        set_size(named[name.lower()], size)
    set_line(named["answer line"], look.answer_line_gap, exact=True)
    for name in ("header", "footer"):
        set_size(named[name], look.footer_size)
    if look.page_tint:
        page_colour(document, look.page_tint)


def _unaligned(preset: str, look: Look) -> tuple:
    """Alignments the preset turns into plain left alignment."""
    if preset == "large-print":
        return (WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER,
                WD_ALIGN_PARAGRAPH.DISTRIBUTE)
    return () if look.justify else (WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.DISTRIBUTE)


def _default_font(document, name: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = None if defaults is None else defaults.find(
        qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:rFonts"))
    if fonts is not None:
        fonts.attrib.clear()
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{slot}"), name)


def page_colour(document, colour: str) -> None:
    """A coloured page (`w:background`), shown by Word only with displayBackgroundShape."""
    root = document.element
    old = root.find(qn("w:background"))
    if old is not None:
        root.remove(old)
    root.insert(0, element("w:background", w_color=hex6(colour)))
    settings = document.settings.element
    if settings.find(qn("w:displayBackgroundShape")) is not None:
        return
    position = 0
    for index, item in enumerate(settings):
        if item.tag in _BEFORE_BACKGROUND:
            position = index + 1
    settings.insert(position, element("w:displayBackgroundShape"))


_BEFORE_BACKGROUND = {qn(f"w:{name}") for name in (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries")}
"""Settings that come before displayBackgroundShape in the schema's order."""
