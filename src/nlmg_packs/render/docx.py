"""DOCX renderer: a lesson plan built on a reference document's styles, page and footer."""

from __future__ import annotations

import zipfile
from pathlib import Path

from nlmg_packs import document as d
from nlmg_packs.errors import PackError, Problem
from nlmg_packs.paths import default_template
from nlmg_packs.render._inline import parse_inline, plain_text
from nlmg_packs.render._theme import look_for
from nlmg_packs.render.options import RenderOptions

_KEEP_TOGETHER = 12
"""Tables with at most this many rows are kept on one page (keep-with-next on all but the last)."""

_CELL_PADDING = 100
"""Left and right cell padding of tables, in twentieths of a point (as in Pack Table)."""

_REBUILD = ("start from templates/default/reference.docx, or rebuild it with "
            "`python -m nlmg_packs.render.reference_doc OUT.docx`")


def render_docx(doc: d.Document, options: RenderOptions) -> bytes:
    """The lesson plan `doc` as .docx bytes, identical for identical input."""
    return _Renderer(doc, options).render()


def reference_path(options: RenderOptions) -> Path:
    """The reference document to build on: the option's, the template's, else the default."""
    return (options.reference_doc or options.template.reference_doc
            or default_template() / "reference.docx")


def _open_reference(path: Path):
    """The reference document, checked, and its styles by lower-case name."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from nlmg_packs.pack.loader import display_path
    from nlmg_packs.render._docx_styles import NEEDED, style_map

    name = display_path(Path(path))
    if not Path(path).is_file():
        raise PackError([Problem(name, None, None, "reference document not found", _REBUILD)])
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, ValueError, KeyError) as exc:
        raise PackError([Problem(name, None, None, f"cannot be read as a .docx ({exc})",
                                 "save it from Word or LibreOffice as Word Document (.docx), "
                                 "not as a template (.dotx)")]) from None
    present = style_map(document)
    missing = [style for style in NEEDED if style.lower() not in present]
    if missing:
        raise PackError([Problem(name, None, None,
                                 f"reference document has no style `{style}`",
                                 f"add a style named `{style}` in Word or LibreOffice, or "
                                 + _REBUILD) for style in missing])
    return document, present


class _Renderer:
    def __init__(self, doc: d.Document, options: RenderOptions) -> None:
        from nlmg_packs.render._docx_xml import qn

        self.doc, self.options, self.look = doc, options, look_for(options)
        from nlmg_packs.render._docx_styles import style_ids

        self.word, self.styles = _open_reference(reference_path(options))
        self.ids = style_ids(self.word, self.styles)
        body = self.word.element.body
        for item in list(body):
            if item.tag != qn("w:sectPr"):
                body.remove(item)
        self.target = self.word
        self.body_style = "Normal"
        self.page_break = False
        self.index = 0

    def render(self) -> bytes:
        from nlmg_packs.render import _docx_look as look
        from nlmg_packs.render._docx_zip import save_reproducible

        look.apply_preset(self.word, self.styles, self.options.preset, self.look)
        look.set_paper(self.word, self.options.paper)
        look.set_language(self.word, self.doc.metadata.language)
        self._header_footer()
        for index, block in enumerate(self.doc.blocks):
            self.index = index
            self.block(block)
        self._properties()
        return save_reproducible(self.word, self.options.timestamp)

    def block(self, block: d.Block) -> None:
        method = _DISPATCH.get(type(block))
        if method is None:
            raise TypeError(f"the DOCX renderer cannot draw a {type(block).__name__} block")
        method(self, block)

    # -- building pieces ---------------------------------------------------------------------

    def para(self, style: str, text: str = ""):
        paragraph = self.target.add_paragraph()
        self.style(paragraph, style)
        if self.page_break:
            paragraph.paragraph_format.page_break_before = True
            self.page_break = False
        if text:
            self.runs(paragraph, text)
        return paragraph

    def style(self, paragraph, name: str) -> None:
        """Give `paragraph` the style `name` by its id. python-docx's own setter (given a name
        or a style object) walks every style of the document on each call to find the default
        one: most of the renderer's time, before."""
        from nlmg_packs.render._docx_xml import paragraph_style

        paragraph_style(paragraph._p, self.ids[name.lower()])

    def runs(self, paragraph, text: str) -> None:
        """Text with `*italic*` / `**bold**`; everything else literal."""
        from nlmg_packs.render._docx_xml import add_run, clean, format_new_run

        for run in parse_inline(clean(text)):
            added = add_run(paragraph, run.text)
            bold = run.bold or (run.italic and not self.look.italics)
            italic = run.italic and self.look.italics
            if bold or italic:
                format_new_run(added, bold=bold, italic=italic)

    def plain(self, paragraph, text: str, style: str | None = None):
        from nlmg_packs.render._docx_xml import add_run, clean, format_new_run

        run = add_run(paragraph, clean(text))
        if style:
            style_id = self.ids[style.lower()]
            if style_id is None:  # the default character style: python-docx leaves an empty rPr
                run._r.get_or_add_rPr()
            else:
                format_new_run(run, style_id)
        return run

    def chips(self, paragraph, themes: tuple[d.ThemeTag, ...]) -> None:
        from nlmg_packs.render._docx_xml import run_shading

        for theme in themes:
            self.plain(paragraph, " ")
            chip = self.plain(paragraph, f" {theme.letter} ", "Theme Chip")
            run_shading(chip, theme.colour)

    def table(self, rows: int, cols: int):
        if self.page_break:
            self.para(self.body_style)
        from nlmg_packs.render._docx_xml import element, insert, qn

        table = self.target.add_table(rows, cols)
        table._tbl.tblStyle_val = self.ids["pack table"]
        # Without an indent, Word (before 2013 layout) and LibreOffice hang the borders out
        # into the margin by the cell padding; this lines them up with the text.
        tblPr = table._tbl.tblPr
        old = tblPr.find(qn("w:tblInd"))
        if old is not None:
            tblPr.remove(old)
        insert(tblPr, element("w:tblInd", w_w=str(_CELL_PADDING), w_type="dxa"),
               before=("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"))
        return table

    def text_width(self) -> int:
        section = self.word.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    # -- blocks --------------------------------------------------------------------------------

    def heading(self, block: d.Heading) -> None:
        self.para(f"Heading {min(max(block.level, 1), 3)}", block.text)

    def paragraph(self, block: d.Paragraph) -> None:
        style = {"body": self.body_style, "lead": "Lead", "small": "Small", "muted": "Muted"}
        self.para(style[block.style], block.text)

    def quote(self, block: d.Quote) -> None:
        from docx.shared import RGBColor

        from nlmg_packs.render._docx_xml import hex6

        paragraph = self.para("Quote", block.text)
        self.chips(paragraph, block.themes)
        citation = self.para("Citation")
        self.plain(citation, f"— {block.citation}")
        if block.check_wording and self.doc.edition == "teacher":
            marker = self.plain(citation, "  · check the wording against the book")
            marker.bold = True
            marker.font.color.rgb = RGBColor.from_string(hex6(self.look.accent))

    def question(self, block: d.Question) -> None:
        paragraph = self.para("Question")
        self.plain(paragraph, f"{block.number}.\t")
        self.runs(paragraph, block.text)
        self.chips(paragraph, block.themes)
        if block.meta:
            self.para("Question Meta", block.meta)
        self.lines(block.lines)

    def lines(self, count: int) -> None:
        from nlmg_packs.render._docx_xml import keep_with_next

        last = None
        for _ in range(count):
            last = self.para("Answer Line")
        if last is not None:
            keep_with_next(last._p, False)

    def answer_lines(self, block: d.AnswerLines) -> None:
        if block.label:
            self.para("Answer Label", block.label)
        self.lines(block.count)

    def teacher_note(self, block: d.TeacherNote) -> None:
        from nlmg_packs.render import _docx_xml as x

        table = self.table(1, 1)
        table.autofit = False
        x.cant_split(table.rows[0])
        cell = table.cell(0, 0)
        cell.width = self.text_width()
        x.cell_shading(cell, self.look.teacher_tint)
        x.cell_borders(cell, self.look.primary, {"left": 24, "top": 0, "right": 0, "bottom": 0})
        tcPr = cell._tc.get_or_add_tcPr()
        x.insert(tcPr, x.cell_margins("w:tcMar", 100, 160, 60, 160), before=("w:vAlign",))
        title = cell.paragraphs[0]
        self.style(title, "teacher note title")
        self.plain(title, "Teacher · ")
        self.runs(title, block.title)
        outer = self.target, self.body_style
        self.target, self.body_style = cell, "Teacher Note"
        try:
            for inner in block.blocks:
                self.block(inner)
        finally:
            self.target, self.body_style = outer
        self.para(self.body_style).paragraph_format.space_after = 0

    def callout(self, block: d.Callout) -> None:
        paragraph = self.para("Warning" if block.tone == "warning" else "Callout")
        self.plain(paragraph, block.title, "Strong")
        self.plain(paragraph, "\n")
        self.runs(paragraph, block.text)

    def bullet_list(self, block: d.BulletList) -> None:
        from docx.shared import Pt

        from nlmg_packs.render import _docx_xml as x

        style = "List Number" if block.ordered else "List Bullet"
        num_id = None
        if block.ordered:
            numbering = self.word.part.numbering_part.element
            list_style = self.styles[style.lower()]
            base = x.style_num_id(list_style)
            if base is None:
                base = numbering.add_num(
                    x.add_abstract_num(numbering, "decimal", list_style.style_id)).numId
            num_id = x.restarted_num(numbering, base)
        paragraph = None
        for item in block.items:
            paragraph = self.para(style, item)
            if num_id is not None:
                x.set_num(paragraph, num_id)
        if paragraph is not None:
            paragraph.paragraph_format.space_after = Pt(9)

    def table_block(self, block: d.Table) -> None:
        from nlmg_packs.render import _docx_xml as x

        columns = len(block.header)
        table = self.table(1 + len(block.rows), columns)
        table.autofit = False
        weights = block.widths or (1,) * columns
        widths = [int(self.text_width() * w / sum(weights)) for w in weights]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        text_style = "Table Small" if block.compact else "Table Text"
        x.repeat_header(table.rows[0])
        for cell, text, width in zip(table.rows[0].cells, block.header, widths, strict=True):
            cell.width = width
            x.cell_shading(cell, self.look.primary)
            self.style(cell.paragraphs[0], "table heading")
            self.runs(cell.paragraphs[0], text)
        for row, cells in zip(table.rows[1:], block.rows, strict=True):
            x.cant_split(row)
            for cell, data, width in zip(row.cells, cells, widths, strict=True):
                cell.width = width
                self.cell(cell, data, text_style)
        if len(block.rows) <= _KEEP_TOGETHER:
            for row in table.rows[:-1]:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        x.keep_with_next(paragraph._p, True)
        self.para(self.body_style).paragraph_format.space_after = 0

    def cell(self, cell, data: d.Cell, style: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from nlmg_packs.render._docx_xml import cell_shading

        paragraph = cell.paragraphs[0]
        self.style(paragraph, style)
        if data.tag is not None:
            cell_shading(cell, data.tag.colour)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.plain(paragraph, data.tag.letter, "Theme Chip")
            return
        start = len(paragraph.runs)
        self.runs(paragraph, data.text)
        if data.bold:
            for run in paragraph.runs[start:]:
                run.bold = True

    def theme_legend(self, block: d.ThemeLegend) -> None:
        paragraph = self.para("Legend")
        for position, theme in enumerate(block.themes):
            self.chips(paragraph, (theme,))
            self.plain(paragraph, f" {theme.name}" + ("   " if position < len(block.themes) - 1
                                                      else ""))

    def name_lines(self, block: d.NameLines) -> None:
        self.plain(self.para("Name Lines"), "Name\t  Date\t  Class\t")

    def cover(self, block: d.Cover) -> None:
        self.para("Title", block.title)
        if block.subtitle:
            self.para("Subtitle", block.subtitle)
        for line in block.lines:
            self.para("Cover Detail", line)

    def contents(self, block: d.Contents) -> None:
        from nlmg_packs.render import _docx_xml as x

        self.para("TOC Heading", block.title)
        entries = [b.text for b in self.doc.blocks[self.index + 1:]
                   if isinstance(b, d.Heading) and b.level == 1]
        first = self.para("toc 1")
        x.field_char(first, "begin")
        x.field_instruction(first, 'TOC \\o "1-1" \\h \\z \\u')
        x.field_char(first, "separate")
        paragraphs = [first] + [self.para("toc 1") for _ in entries[1:]]
        for paragraph, text in zip(paragraphs, entries, strict=False):
            self.runs(paragraph, text)
        hint = self.para("Muted")
        self.plain(hint, "Page numbers appear when the contents are updated: in Word, "
                         "right-click here and choose Update Field; in LibreOffice, "
                         "Tools ▸ Update ▸ Update All.")
        x.field_char(hint, "end")

    def page_break_block(self, block: d.PageBreak) -> None:
        self.page_break = True

    # -- document-wide -------------------------------------------------------------------------

    def _header_footer(self) -> None:
        from nlmg_packs.render._docx_xml import clean, element, qn

        section = self.word.sections[0]
        school = self.options.template.settings.school
        header_text = plain_text(self.doc.header) + (f"\t{school}" if school else "")
        if header_text:
            paragraphs = section.header.paragraphs
            if paragraphs and not paragraphs[0].text:
                paragraph = paragraphs[0]
            else:
                paragraph = section.header.add_paragraph()
                self.style(paragraph, "header")
            paragraph.add_run(clean(header_text))
        if self.doc.footer:
            paragraphs = section.footer.paragraphs
            first = paragraphs[0] if paragraphs else None
            starts_with_tab = first is not None and first.runs and \
                first.runs[0]._r.find(qn("w:tab")) is not None
            if starts_with_tab:
                run = element("w:r")
                text = element("w:t")
                text.set(qn("xml:space"), "preserve")
                text.text = clean(plain_text(self.doc.footer))
                run.append(text)
                first.runs[0]._r.addprevious(run)
            else:
                paragraph = section.footer.add_paragraph()
                self.style(paragraph, "footer")
                paragraph.add_run(clean(plain_text(self.doc.footer)))

    def _properties(self) -> None:
        from nlmg_packs.render._docx_xml import clean
        from nlmg_packs.render._docx_zip import when

        meta = self.doc.metadata
        props = self.word.core_properties
        props.title = _property(meta.title)
        props.author = _property(meta.author)
        props.subject = _property(meta.subject)
        props.keywords = _property(", ".join(meta.keywords))
        props.language = meta.language
        props.category = "Lesson plan" if self.doc.edition == "teacher" else "Student handout"
        props.comments = ""
        props.last_modified_by = "nlmg-packs"
        props.created = props.modified = props.last_printed = when(self.options.timestamp)
        props.revision = 1


CORE_PROPERTY_LIMIT = 255
"""Characters a DOCX core property (title, subject...) may hold: python-docx refuses more."""


def _property(text: str) -> str:
    """`text` for a core property, cut at a word with an ellipsis if it is over the limit."""
    from nlmg_packs.render._docx_xml import clean

    text = clean(text)
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    cut = text[:CORE_PROPERTY_LIMIT - 1]
    if " " in cut[CORE_PROPERTY_LIMIT // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


_DISPATCH = {
    d.Heading: _Renderer.heading,
    d.Paragraph: _Renderer.paragraph,
    d.Quote: _Renderer.quote,
    d.Question: _Renderer.question,
    d.AnswerLines: _Renderer.answer_lines,
    d.TeacherNote: _Renderer.teacher_note,
    d.Callout: _Renderer.callout,
    d.BulletList: _Renderer.bullet_list,
    d.Table: _Renderer.table_block,
    d.ThemeLegend: _Renderer.theme_legend,
    d.NameLines: _Renderer.name_lines,
    d.Cover: _Renderer.cover,
    d.Contents: _Renderer.contents,
    d.PageBreak: _Renderer.page_break_block,
}
"""Block type → drawing method; built once, and a test checks it covers BLOCK_TYPES."""
