"""Build the reference document lesson plans start from: styles, page, header and footer.

Run it as `python -m nlmg_packs.reference_doc OUT.docx [--template FOLDER]`. The result is the
default `templates/default/reference.docx`; a school can open it in Word or LibreOffice, change
the styles, save, and name it as `reference_doc:` in its template.
"""

from __future__ import annotations

import io

from nlmg_packs.render.options import RenderOptions

REFERENCE_TIMESTAMP = 1704067200
"""2024-01-01: the fixed date the reference document records, so rebuilding it is a no-op."""


def build_reference_doc(options: RenderOptions, timestamp: int = REFERENCE_TIMESTAMP) -> bytes:
    """The reference .docx for a template's `options` (fonts, colours, margins; A4, standard
    preset), from python-docx's default document."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    from nlmg_packs.render import docx_styles as st
    from nlmg_packs.render import docx_xml as x
    from nlmg_packs.render.docx_zip import reproducible, when
    from nlmg_packs.render.look import look_for

    look = look_for(options)
    document = docx.Document()
    styles = document.styles
    fonts = {"body": options.docx_body_font, "headings": options.docx_heading_font}
    margins = options.margins_mm
    text_width = (210 - margins.left - margins.right) / 25.4 * 72

    _defaults(document, fonts["body"])
    colours = (look.primary, look.accent, look.teacher_tint, look.text)
    sizes = (look.body_size, look.heading_sizes, look.small_size)
    for name, spec in st.paragraph_specs(colours, sizes, text_width).items():
        style = st.ensure_paragraph_style(styles, name, spec.base)
        st.apply_spec(style, spec, fonts)
    _character_styles(styles)
    _table_style(styles, WD_STYLE_TYPE.TABLE)
    _numbering(document)

    _page(document, options)

    body = document.element.body
    for item in list(body):
        if item.tag != x.qn("w:sectPr"):
            body.remove(item)

    props = document.core_properties
    props.title = "Lesson plan reference document"
    props.author = props.last_modified_by = "nlmg-packs"
    props.subject = "Styles, page, header and footer of nlmg-packs lesson plans"
    props.keywords = "nlmg-packs, reference document"
    props.comments = "Change the styles here; keep their names."
    props.language = "en-GB"
    props.created = props.modified = when(timestamp)
    props.last_printed = when(timestamp)
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    from nlmg_packs.render.docx_clean import clean_reference

    cleaned, _ = clean_reference(out.getvalue(), "reference.docx")  # no parts it would drop
    return reproducible(cleaned, timestamp)


def _page(document, options: RenderOptions) -> None:
    """A4 portrait with the template's margins, and the footer's "Page X of Y" fields."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    from nlmg_packs.render import docx_xml as x

    styles, margins = document.styles, options.margins_mm
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    section.header_distance = section.footer_distance = Mm(9)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].style = styles["Header"]
    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.add_run("\tPage ")
    x.simple_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    x.simple_field(footer, "NUMPAGES", "1")



def _defaults(document, body_font: str) -> None:
    """Document defaults: the body font everywhere and British English."""
    from nlmg_packs.render.docx_xml import element, qn

    rPr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr"))
    fonts = rPr.find(qn("w:rFonts"))
    fonts.attrib.clear()
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), body_font)
    lang = rPr.find(qn("w:lang"))
    if lang is None:
        lang = element("w:lang")
        rPr.append(lang)
    lang.attrib.clear()
    lang.set(qn("w:val"), "en-GB")


def _character_styles(styles) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import RGBColor

    chip = styles.add_style("Theme Chip", WD_STYLE_TYPE.CHARACTER)
    chip.font.bold = True
    chip.font.italic = False
    chip.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    chip.quick_style = True
    styles["Strong"].font.bold = True


def _table_style(styles, table_type) -> None:
    """"Pack Table": light rules all round, comfortable cell padding."""
    from nlmg_packs.render.docx_styles import RULE
    from nlmg_packs.render.docx_xml import cell_margins, element, hex6

    style = styles.add_style("Pack Table", table_type)
    style.base_style = styles["Normal Table"]
    style.quick_style = True
    tblPr = element("w:tblPr")
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", w_val="single", w_sz="4", w_space="0",
                               w_color=hex6(RULE)))
    tblPr.append(borders)
    tblPr.append(cell_margins("w:tblCellMar", 60, 100, 60, 100))
    style.element.append(tblPr)


def _numbering(document) -> None:
    """Clean one-level definitions for List Bullet and List Number."""
    from nlmg_packs.render.docx_xml import add_abstract_num

    numbering = document.part.numbering_part.element
    for name, kind in (("List Bullet", "bullet"), ("List Number", "decimal")):
        style = document.styles[name]
        abstract = add_abstract_num(numbering, kind, style.style_id)
        num_id = numbering.add_num(abstract).numId
        numPr = style.element.get_or_add_pPr().get_or_add_numPr()
        numPr.get_or_add_numId().val = num_id
