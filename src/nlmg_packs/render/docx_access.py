"""What makes a lesson plan accessible once exported or read aloud, beyond its styles.

A tagged export (Word's or LibreOffice's "Save as PDF" with tags) reads a 1×1 table as a table
without headers, a heading style in the outline as a heading, and the language of each run
from `w:lang`; a logo needs alternative text (`wp:docPr/@descr`); the package's extended
properties and thumbnail come from python-docx's own template ("Microsoft Macintosh Word", a
blank picture) unless replaced. ECMA-376 Part 1: §17.3.1.24 (pBdr), §17.3.1.31 (shd),
§17.3.1.20 (outlineLvl), §17.3.2.20 (lang), §20.4.2.5 (docPr); Part 2 §11.1 (thumbnail).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from nlmg_packs.render.docx_xml import element, hex6, qn

BODY_LEVEL = "9"
"""`w:outlineLvl` 9: body text, outside the document outline."""
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    'docPropsVTypes"><Application>nlmg-packs</Application><DocSecurity>0</DocSecurity>'
    '<ScaleCrop>false</ScaleCrop>{company}<LinksUpToDate>false</LinksUpToDate>'
    '<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>')


def box(paragraphs: list, colour: str, fill: str, keep: bool = True) -> None:
    """Frame consecutive paragraphs as one shaded box with a thick left rule (a teacher note),
    instead of a 1×1 table. `colour` and `fill` are "#RRGGBB"; with `keep`, the box stays on
    one page (keep-with-next on all but the last paragraph)."""
    from nlmg_packs.render.docx_xml import keep_with_next

    for position, paragraph in enumerate(paragraphs):
        pPr = paragraph.get_or_add_pPr()
        borders = pPr.find(qn("w:pBdr"))
        if borders is None:
            borders = element("w:pBdr")
            _insert_pPr(pPr, borders, "w:pBdr")
        for side in ("left",):
            old = borders.find(qn(f"w:{side}"))
            if old is not None:
                borders.remove(old)
            borders.insert(0, element(f"w:{side}", w_val="single", w_sz="24", w_space="8",
                                      w_color=hex6(colour)))
        shading = pPr.find(qn("w:shd"))
        if shading is not None:
            pPr.remove(shading)
        _insert_pPr(pPr, element("w:shd", w_val="clear", w_color="auto", w_fill=hex6(fill)),
                    "w:shd")
        if keep and position < len(paragraphs) - 1:
            keep_with_next(paragraph, True)


_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
              "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _insert_pPr(pPr, node, tag: str) -> None:
    """Insert `node` into `pPr` where the schema's sequence puts `tag`."""
    later = {qn(t) for t in _PPR_ORDER[_PPR_ORDER.index(tag) + 1:]}
    for child in pPr:
        if child.tag in later:
            child.addprevious(node)
            return
    pPr.append(node)


def outside_outline(paragraph) -> None:
    """Keep a heading-looking paragraph ("Contents") out of the outline and the tag tree's
    headings, whatever its style inherits."""
    pPr = paragraph._p.get_or_add_pPr()
    old = pPr.find(qn("w:outlineLvl"))
    if old is not None:
        pPr.remove(old)
    _insert_pPr(pPr, element("w:outlineLvl", w_val=BODY_LEVEL), "w:outlineLvl")


def style_languages(document, language: str) -> None:
    """Every style that names a language names the document's (a reference document made in
    another locale says en-US in its styles, which would override the defaults)."""
    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)


def run_languages(document, language: str) -> None:
    """`w:lang` on every run of the body, headers and footers, so an export or a screen reader
    never has to guess it from defaults a reference document may not have."""
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for run in part.iter(qn("w:r")):
            rPr = run.find(qn("w:rPr"))
            if rPr is None:
                rPr = element("w:rPr")
                run.insert(0, rPr)
            if rPr.find(qn("w:lang")) is None:
                # w:lang comes after every property this renderer writes (ECMA-376 §17.3.2.28)
                rPr.append(element("w:lang", w_val=language))


def run_language(run, tag: str) -> None:
    """Mark `run` (a python-docx Run) as written in the language `tag` (BCP 47): `w:val` for
    its Latin, Greek, Cyrillic... text, and `w:bidi` too for a right-to-left language, whose
    text Word and LibreOffice take as complex script (ECMA-376 Part 1 §17.3.2.20).
    `run_languages` then leaves it as it is."""
    from nlmg_packs.spans import is_rtl_language

    rPr = run._r.get_or_add_rPr()
    attrs = {"w_val": tag, "w_bidi": tag} if is_rtl_language(tag) else {"w_val": tag}
    rPr.append(element("w:lang", **attrs))


def header_logo(paragraph, logo: Path, alt: str, height_pt: float) -> None:
    """Append the school's logo to a header paragraph, `height_pt` points high, described by
    `alt` for screen readers."""
    from docx.shared import Pt

    shape = paragraph.add_run().add_picture(str(logo), height=Pt(height_pt))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("title", alt)


def tidy_package(document, company: str) -> None:
    """Extended properties that name this tool (and the school as company), and no thumbnail.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            named = f"<Company>{escape(company)}</Company>" if company else ""
            rel.target_part._blob = APP_XML.format(company=named).encode("utf-8")
