"""The PDF renderer: a Document drawn as a printable handout with reportlab."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab import rl_config

from nlmg_packs import document as d
from nlmg_packs.render.dispatch import dispatch_table
from nlmg_packs.render.look import look_for
from nlmg_packs.render.options import RenderOptions
from nlmg_packs.render.pdf_assessment import AssessmentBlocks
from nlmg_packs.render.pdf_cover import CoverBlocks
from nlmg_packs.render.pdf_fonts import check_coverage, register_family
from nlmg_packs.render.pdf_page import Furniture, HandoutTemplate, fixed_canvas
from nlmg_packs.render.pdf_structure import DocInfo, TaggedCanvas
from nlmg_packs.render.pdf_styles import Styles, build_styles
from nlmg_packs.render.pdf_tables import TableBlocks
from nlmg_packs.render.pdf_text import TextBlocks

FURNITURE_TEXT = ("0123456789", "!", "•")
"""Characters the renderer draws itself (page numbers, the warning pill, bullets): checked
against the font with the document's own text and its page label."""
_BUILD_PASSES = 3


def render_pdf(doc: d.Document, options: RenderOptions) -> bytes:
    """The document as PDF bytes; the same inputs always give the same bytes."""
    rl_config.invariant = 1
    # Streams are compressed binary, not also ASCII85-encoded: reportlab's pure-Python encoder
    # took about 8% of the render time (and the files come out about 4% smaller).
    rl_config.useA85 = 0
    look = look_for(options)
    fonts = register_family(options.fonts)
    school = options.school
    check_coverage(doc, fonts, extra=(school, doc.page_label, *FURNITURE_TEXT))
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
    margins = options.margins_mm
    furniture = Furniture(header=doc.header, school=options.school, footer=doc.footer,
                          logo=options.logo, look=styles.look, fonts=styles.fonts,
                          cover=bool(doc.blocks) and isinstance(doc.blocks[0], d.Cover),
                          page_label=doc.page_label)
    buffer = BytesIO()
    meta = doc.metadata
    # The file's author is whoever hands it out (the school), never the novelist.
    author = options.school
    template = HandoutTemplate(
        buffer, paper=options.paper, margins=(margins.left, margins.right, margins.top,
                                              margins.bottom),
        furniture=furniture, save=save, title=meta.title, author=author,
        subject=meta.subject, keywords=list(meta.keywords), lang=meta.language,
        creator="nlmg-packs", producer="nlmg-packs (ReportLab)")
    renderer = PdfRenderer(doc, options, styles, template.width, pages, template.frame_height)
    # The structure recorded while drawing goes into the file as reportlab writes it.
    info = DocInfo(meta.title, author, meta.subject, tuple(meta.keywords), meta.language,
                   options.timestamp)
    font = _font_file(styles.fonts.regular) if options.fillable else None
    make = fixed_canvas(options.timestamp, styles.fonts.regular, TaggedCanvas)

    def canvasmaker(*args, **kwargs) -> TaggedCanvas:
        canv = make(*args, **kwargs)
        canv.doc_info, canv.field_font = info, font
        return canv

    template.build(renderer.story(), canvasmaker=canvasmaker)
    return buffer.getvalue(), dict(template.heading_pages)


def _font_file(name: str) -> Path:
    """The TrueType file of a registered font."""
    from reportlab.pdfbase.pdfmetrics import getFont

    return Path(getFont(name).face.filename)


class PdfRenderer(AssessmentBlocks, TextBlocks, TableBlocks, CoverBlocks):
    """Turns blocks into reportlab flowables; one `draw_<block>` method per block type."""


PdfRenderer.DISPATCH = dispatch_table(PdfRenderer, "PDF")

__all__ = ["PdfRenderer", "render_pdf"]
