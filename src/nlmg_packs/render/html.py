"""HTML renderer: one self-contained, semantic HTML5 page per document.

The page has no script, loads nothing (its one stylesheet is inline, fonts are the reader's),
and aims at WCAG 2.1 AA: `lang` on the page, headings in order (h1 is the document's title),
quotations as `<blockquote>` with a `<cite>`, questions as an ordered list, tables with
`<th scope>`, theme letters named for screen readers, and text colours checked for contrast.
"""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.render.dispatch import dispatch_table
from nlmg_packs.render.html_base import HtmlDrawing, chip, language, runs, text
from nlmg_packs.render.html_style import stylesheet
from nlmg_packs.render.inline import plain_text
from nlmg_packs.render.options import RenderOptions

BOX = "\u2610"
"""The empty ballot box before each multiple-choice letter, as in the PDF and DOCX."""


def render_html(doc: d.Document, options: RenderOptions) -> bytes:
    """The document `doc` as a UTF-8 HTML5 page, identical for identical input."""
    return HtmlRenderer(doc, options).render()


class HtmlRenderer(HtmlDrawing):
    """Writes one page from a document, block by block."""

    def render(self) -> bytes:
        meta = self.doc.metadata
        head = ['<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{text(plain_text(meta.title))}</title>",
                f'<meta name="author" content="{text(meta.author)}">',
                f'<meta name="description" content="{text(meta.subject)}">',
                f'<meta name="keywords" content="{text(", ".join(meta.keywords))}">',
                f"<style>\n{stylesheet(self.look)}</style>"]
        if self.title_at is None and not any(isinstance(b, d.Cover) for b in self.doc.blocks):
            self.out.append(f"<h1>{runs(self.doc.title)}</h1>\n")
        for index, block in enumerate(self.doc.blocks):
            self.index = index
            self.block(block)
        self.close_questions()
        banner = self._running(self.doc.header, self.options.school)
        page = (f'<!DOCTYPE html>\n<html lang="{text(meta.language)}">\n<head>\n'
                + "\n".join(head) + "\n</head>\n"
                f'<body class="preset-{self.options.preset} edition-{self.doc.edition}">\n'
                + (f"<header>{banner}</header>\n" if banner else "")
                + "<main>\n" + "".join(self.out) + "</main>\n"
                + (f'<footer><p class="running">{runs(self.doc.footer)}</p></footer>\n'
                   if self.doc.footer else "")
                + "</body>\n</html>\n")
        return page.encode("utf-8")

    @staticmethod
    def _running(header: str, school: str) -> str:
        parts = [runs(p) for p in (header, school) if p]
        return f'<p class="running">{" · ".join(parts)}</p>' if parts else ""

    def draw_heading(self, block: d.Heading) -> None:
        ident = self.section_ids.get(self.index, "")
        if self.index == self.title_at:
            anchor = f' id="{ident}"' if ident else ""
            self.out.append(f"<h1{anchor}>{runs(block.text)}</h1>\n")
            return
        self.heading(block.level + 1, runs(block.text), ident)

    def draw_paragraph(self, block: d.Paragraph) -> None:
        css = "" if block.style == "body" else f' class="{block.style}"'
        self.out.append(f"<p{css}>{runs(block.text)}</p>\n")

    def draw_quote(self, block: d.Quote) -> None:
        marks = "".join(" " + chip(t) for t in block.themes)
        check = f' <strong class="check">{text(block.check_label)}</strong>' \
            if block.check_label else ""
        self.out.append(f'<figure class="quotation"><blockquote{language(block.language)}>'
                        f'<p>{runs(block.text)}</p>'
                        f"</blockquote><figcaption>— <cite>{runs(block.citation)}</cite>{marks}"
                        f"{check}</figcaption></figure>\n")

    def draw_question(self, block: d.Question) -> None:
        if self.in_questions:
            self.out.append("</li>\n")
        else:
            self.out.append('<ol class="questions">\n')
            self.in_questions = True
        marks = "".join(" " + chip(t) for t in block.themes)
        meta = f'<p class="meta">{runs(block.meta)}{marks}</p>' if block.meta or marks else ""
        self.out.append(f'<li value="{block.number}"><p>{runs(block.text)}</p>{meta}')
        if block.lines:
            self._space(self.look.answer_lines(block.lines))

    def _space(self, lines: int) -> None:
        self.out.append(f'<div class="answer-space" style="--lines:{lines}"></div>')

    def draw_answer_lines(self, block: d.AnswerLines) -> None:
        if block.label:
            self.out.append(f'<p class="answer-label"><strong>{runs(block.label)}</strong></p>')
        self._space(self.look.answer_lines(block.count))
        self.out.append("\n")

    def draw_teacher_note(self, block: d.TeacherNote) -> None:
        self.out.append(f'<div class="teacher-note" role="note" '
                        f'aria-label="{text(plain_text(block.title))}">'
                        f"<p><strong>{runs(block.title)}</strong></p>\n")
        outer = self.in_questions
        self.in_questions = False  # what a note holds stays inside it
        for inner in block.blocks:
            self.block(inner)
        self.close_questions()
        self.in_questions = outer
        self.out.append("</div>\n")

    def draw_callout(self, block: d.Callout) -> None:
        self.out.append(f'<div class="callout {block.tone}" role="note">'
                        f"<p><strong>{runs(block.title)}</strong></p>"
                        f"<p>{runs(block.text)}</p></div>\n")

    def draw_bullet_list(self, block: d.BulletList) -> None:
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{runs(item)}</li>" for item in block.items)
        self.out.append(f"<{tag}>{items}</{tag}>\n")

    def draw_table(self, block: d.Table) -> None:
        css = ' class="compact"' if block.compact else ""
        # an empty header cell names nothing: a plain cell (axe: empty-table-header)
        head = "".join(f'<th scope="col">{runs(h)}</th>' if h.strip() else "<td></td>"
                       for h in block.header)
        body = []
        for row in block.rows:
            cells = [self._cell(cell, "th" if n == 0 and cell.tag is None and cell.text.strip()
                                else "td")
                     for n, cell in enumerate(row)]
            body.append(f"<tr>{''.join(cells)}</tr>")
        self.out.append(f"<table{css}><thead><tr>{head}</tr></thead>"
                        f"<tbody>{''.join(body)}</tbody></table>\n")

    @staticmethod
    def _cell(cell: d.Cell, tag: str) -> str:
        scope = ' scope="row"' if tag == "th" else ""
        if cell.tag is not None:
            return f"<{tag}{scope}>{chip(cell.tag)}</{tag}>"
        content = runs(cell.text)
        if cell.bold and tag == "td":
            content = f"<strong>{content}</strong>"
        return f"<{tag}{scope}>{content}</{tag}>"

    def draw_theme_legend(self, block: d.ThemeLegend) -> None:
        title = f"<p><strong>{runs(block.title)}</strong></p>" if block.title else ""
        items = "".join(f"<li>{chip(t, named=False)} {runs(t.name)}</li>" for t in block.themes)
        self.out.append(f'<div class="legend">{title}<ul>{items}</ul></div>\n')

    def draw_name_lines(self, block: d.NameLines) -> None:
        spans = "".join(f"<span>{runs(label)}:</span>" for label in block.labels)
        self.out.append(f'<p class="name-lines">{spans}</p>\n')

    def draw_cover(self, block: d.Cover) -> None:
        self.out.append(f'<div class="cover"><h1>{runs(block.title)}</h1>')
        if block.subtitle:
            self.out.append(f'<p class="subtitle">{runs(block.subtitle)}</p>')
        self.out.extend(f"<p>{runs(line)}</p>" for line in block.lines)
        self.out.append("</div>\n")

    def draw_contents(self, block: d.Contents) -> None:
        entries = "".join(f'<li><a href="#{ident}">{runs(self.doc.blocks[i].text)}</a></li>'
                          for i, ident in self.section_ids.items() if i > self.index)
        self.out.append(f'<nav class="contents" aria-labelledby="contents-{self.index}">')
        self.heading(2, runs(block.title), f"contents-{self.index}")
        self.out.append(f"<ol>{entries}</ol></nav>\n")

    def draw_page_break(self, block: d.PageBreak) -> None:
        self.out.append('<div class="page-break"></div>\n')

    def draw_choices(self, block: d.Choices) -> None:
        items = "".join(f'<li><span aria-hidden="true">{BOX}</span> <strong>{text(letter)}'
                        f"</strong> {runs(option)}</li>"
                        for letter, option in zip(block.letters, block.options, strict=True))
        self.out.append(f'<ul class="choices">{items}</ul>')
        if block.note:
            self.out.append(f'<p class="muted">{runs(block.note)}</p>')

    def draw_score_box(self, block: d.ScoreBox) -> None:
        self.out.append(f'<p class="score"><strong>{runs(block.label)}</strong> '
                        f"______ {text(block.total)}</p>\n")

    def draw_rubric(self, block: d.Rubric) -> None:
        if block.title:
            self.heading(self.last_level + 1 if self.last_level < 3 else self.last_level,
                         runs(block.title))
        self.draw_table(block.table)
        self.out.append(f"<p><strong>{runs(block.total)}</strong></p>\n")


HtmlRenderer.DISPATCH = dispatch_table(HtmlRenderer, "HTML")

__all__ = ["HtmlRenderer", "render_html"]
