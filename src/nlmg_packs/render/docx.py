"""DOCX renderer: a lesson plan built on a reference document's styles, page and footer."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.render.dispatch import dispatch_table
from nlmg_packs.render.docx_assessment import DocxAssessment
from nlmg_packs.render.docx_blocks import DocxBlocks
from nlmg_packs.render.inline import plain_text
from nlmg_packs.render.options import RenderOptions


def render_docx(doc: d.Document, options: RenderOptions) -> bytes:
    """The lesson plan `doc` as .docx bytes, identical for identical input."""
    return DocxRenderer(doc, options).render()


class DocxRenderer(DocxBlocks, DocxAssessment):
    """Builds one .docx from a document, block by block, on a reference document."""

    def render(self) -> bytes:
        from nlmg_packs.render import docx_access as access
        from nlmg_packs.render import docx_look as look
        from nlmg_packs.render.docx_zip import save_reproducible

        look.apply_preset(self.word, self.styles, self.options.preset, self.look)
        look.set_paper(self.word, self.options.paper)
        look.set_language(self.word, self.doc.metadata.language)
        access.style_languages(self.word, self.doc.metadata.language)
        self._header_footer()
        for index, block in enumerate(self.doc.blocks):
            self.index = index
            self.block(block)
        self._directions()
        self._properties()
        access.run_languages(self.word, self.doc.metadata.language)
        access.tidy_package(self.word, self.options.school)
        return save_reproducible(self.word, self.options.timestamp)

    def _one_line(self, header: str, school: str) -> str:
        """The running header, cut with an ellipsis so that it and the school fit one line
        (a header that wraps takes a second line from every page)."""
        from nlmg_packs.render.table_widths import shorten, wide_bold

        size = self.styles["header"].font.size  # a style every reference document has
        size = size.pt if size is not None else self.look.footer_size
        measure = wide_bold(size, bold=False)
        room = self.text_width() / 12700 - (measure(school) + size * 2 if school else 0)
        return shorten(header, room, measure)

    def _directions(self) -> None:
        """Mark right-to-left paragraphs and runs, in the body, headers and footers."""
        from nlmg_packs.render.docx_bidi import mark_right_to_left

        mark_right_to_left(self.word.element.body)
        for section in self.word.sections:
            for part in (section.header, section.footer):
                if not part.is_linked_to_previous:
                    mark_right_to_left(part._element)

    def _header_footer(self) -> None:
        from nlmg_packs.render.docx_xml import clean, qn

        section = self.word.sections[0]
        school = self.options.school
        header_text = self._one_line(plain_text(self.doc.header), school)
        header_text += f"\t{school}" if school else ""
        if header_text:
            paragraphs = section.header.paragraphs
            if paragraphs and not paragraphs[0].text:
                paragraph = paragraphs[0]
            else:
                paragraph = section.header.add_paragraph()
                self.style(paragraph, "header")
            paragraph.add_run(clean(header_text))
            if self.options.logo:
                from nlmg_packs.render.docx_access import header_logo

                alt = self.options.logo_alt or (f"{school} logo" if school else "School logo")
                paragraph.add_run("  ")
                header_logo(paragraph, self.options.logo, alt, 18)
        self._page_label(section.footer._element)
        if self.doc.footer:
            paragraphs = section.footer.paragraphs
            first = paragraphs[0] if paragraphs else None
            starts_with_tab = first is not None and first.runs and \
                first.runs[0]._r.find(qn("w:tab")) is not None
            if starts_with_tab:
                # the citation's runs (a book title in italics) before the tab to the page label
                tab_run = first.runs[0]._r
                before = len(first.runs)
                self.runs(first, self.doc.footer)
                for added in first.runs[before:]:
                    tab_run.addprevious(added._r)
            else:
                paragraph = section.footer.add_paragraph()
                self.style(paragraph, "footer")
                self.runs(paragraph, self.doc.footer)

    def _page_label(self, footer) -> None:
        """Put the document's "Page X of Y" words around the reference footer's PAGE and
        NUMPAGES fields, where the footer says "Page " and " of " (a restyled footer with other
        words is left as it is)."""
        from nlmg_packs.render.docx_xml import clean, qn

        label = clean(self.doc.page_label)
        if "{page}" not in label or "{total}" not in label:
            return
        before, rest = label.split("{page}", 1)
        between, _after = rest.split("{total}", 1)
        words = {"Page ": before, " of ": between}
        for text in footer.iter(qn("w:t")):
            if text.text in words:
                text.text = words[text.text]
                text.set(qn("xml:space"), "preserve")

    def _properties(self) -> None:
        from nlmg_packs.render.docx_xml import clean
        from nlmg_packs.render.docx_zip import when

        meta = self.doc.metadata
        props = self.word.core_properties
        props.title = _core(clean(meta.title))
        props.author = _core(clean(self.options.school))  # who hands it out, never the novelist
        props.subject = _core(clean(meta.subject))
        props.keywords = _core(clean(", ".join(meta.keywords)))
        props.language = meta.language
        props.category = meta.category
        props.comments = ""
        props.last_modified_by = "nlmg-packs"
        props.created = props.modified = props.last_printed = when(self.options.timestamp)
        props.revision = 1


CORE_PROPERTY_CHARS = 255
"""The longest text python-docx writes into a core property (title, subject, keywords...);
longer values raise ValueError there."""


def _core(text: str) -> str:
    """`text` shortened to fit a core property, ending in "…" when cut (the full text stays in
    the document itself)."""
    if len(text) <= CORE_PROPERTY_CHARS:
        return text
    return text[: CORE_PROPERTY_CHARS - 1].rstrip() + "…"


DocxRenderer.DISPATCH = dispatch_table(DocxRenderer, "DOCX")

__all__ = ["DocxRenderer", "render_docx"]
