"""Keep-together and typographic rules, each read back from the rendered file (issue 18)."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from nlmg_packs import document as d
from nlmg_packs.render import pdf
from nlmg_packs.render.docx import render_docx
from tests.test_render_docx import options as docx_options
from tests.test_render_docx import (
    small_doc,
    template,  # noqa: F401  (a fixture)
)
from tests.test_render_pdf import options, pages_with, with_blocks

QUOTE = d.Quote("It was even *you* who turned away.", "Kathy, Chapter 3")
QUESTION = d.Question(4, "Why is the word stressed?", lines=3)


def _faces(data: bytes, words: tuple[str, ...]) -> dict[str, str]:
    """The font each of `words` is drawn in."""
    found: dict[str, str] = {}

    def visit(text, cm, tm, font, size):
        for word in words:
            if word in text and font is not None:
                found.setdefault(word, str(font.get("/BaseFont", "")))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_emphasis_inside_an_italic_quotation_is_set_roman_in_pdf():
    faces = _faces(pdf.render_pdf(with_blocks(QUOTE), options()), ("even", "you", "turned"))
    assert "Oblique" in faces["even"] and "Oblique" in faces["turned"]
    assert "Oblique" not in faces["you"] and "Bold" not in faces["you"]


def test_emphasis_in_large_print_quotation_is_bold_upright():
    faces = _faces(pdf.render_pdf(with_blocks(QUOTE), options(preset="large-print")),
                   ("even", "you"))
    assert "Oblique" not in faces["even"] and "Bold" not in faces["even"]
    assert "Bold" in faces["you"] and "Oblique" not in faces["you"]


def _quote_runs(template, preset: str = "standard"):  # noqa: F811
    word = docx.Document(io.BytesIO(render_docx(small_doc(QUOTE), docx_options(
        template, preset=preset))))
    paragraph = next(p for p in word.paragraphs if "turned" in p.text)
    return paragraph, {r.text.strip(): r for r in paragraph.runs if r.text.strip()}


def test_emphasis_inside_an_italic_quotation_is_set_roman_in_docx(template):  # noqa: F811
    paragraph, runs = _quote_runs(template)
    assert paragraph.style.font.italic is True
    assert runs["you"].italic is False  # <w:i w:val="0"/>: roman inside the italic style
    assert runs["It was even"].italic is None


def test_emphasis_in_large_print_docx_quotation_is_bold(template):  # noqa: F811
    paragraph, runs = _quote_runs(template, "large-print")
    assert not paragraph.style.font.italic
    assert runs["you"].bold is True and not runs["you"].italic


@pytest.mark.parametrize("filler", range(28, 44, 2))
def test_a_quotation_is_never_parted_from_its_question(filler):
    lines = tuple(d.Paragraph(f"Line {i}") for i in range(filler))
    data = pdf.render_pdf(with_blocks(*lines, QUOTE, QUESTION), options())
    assert pages_with(data, "who turned away") == pages_with(data, "Why is the word stressed")


def test_a_quotation_taller_than_a_page_splits_and_still_builds():
    long = d.Quote("Kathy remembers the pavilion. " * 400, "Kathy, Chapter 3")
    data = pdf.render_pdf(with_blocks(long, QUESTION), options(preset="large-print"))
    assert len(pages_with(data, "pavilion")) > 2
    assert "Why is the word stressed" in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("filler", range(18, 52))
def test_answer_space_split_across_pages_keeps_two_lines_a_side(filler):
    lines = tuple(d.Paragraph(f"Line {i}") for i in range(filler))
    doc = with_blocks(*lines, d.Question(3, "Write at length.", lines=14))
    reader = PdfReader(io.BytesIO(pdf.render_pdf(doc, options(fillable=True))))
    fields = reader.get_fields() or {}
    heights = [float(f["/Rect"][3]) - float(f["/Rect"][1])
               for page in reader.pages for a in page.get("/Annots", [])
               for f in [a.get_object()] if str(f.get("/T", "")).startswith("q3_answer")]
    assert set(fields) <= {"q3_answer", "q3_answer_cont"}
    assert all(h >= 2 * 22 - 0.5 for h in heights), heights


def _keep_next(paragraph) -> bool:
    return bool(paragraph.paragraph_format.keep_with_next or (
        paragraph.paragraph_format.keep_with_next is None
        and paragraph.style.paragraph_format.keep_with_next))


def test_docx_citation_keeps_with_its_question_but_not_with_the_next_quotation(template):  # noqa: F811,E501
    doc = small_doc(QUOTE, QUESTION, d.Quote("A second line.", "Ruth, Chapter 9"),
                    d.Quote("A third line.", "Tommy, Chapter 12"))
    word = docx.Document(io.BytesIO(render_docx(doc, docx_options(template))))
    citations = [p for p in word.paragraphs if p.style.name == "Citation"]
    assert [_keep_next(p) for p in citations] == [True, False, False]


def test_docx_answer_lines_may_break_between_the_third_and_the_last_two(template):  # noqa: F811
    word = docx.Document(io.BytesIO(render_docx(small_doc(d.AnswerLines(8)),
                                                docx_options(template))))
    lines = [p for p in word.paragraphs if p.style.name == "Answer Line"]
    assert [_keep_next(p) for p in lines] == [True, True, False, False, False, False, True,
                                              False]


def test_docx_long_table_breaks_between_rows_short_table_stays_whole(template):  # noqa: F811
    def kept(rows: int) -> list[bool]:
        table = d.Table(("Min", "Activity"), tuple((d.Cell(str(i)), d.Cell(f"Step {i}"))
                                                   for i in range(rows)))
        word = docx.Document(io.BytesIO(render_docx(small_doc(table), docx_options(template))))
        return [_keep_next(row.cells[0].paragraphs[0]) for row in word.tables[0].rows]

    assert kept(3) == [True, True, True, False]
    assert kept(8) == [True, True, True, False, False, False, False, True, False]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_docx_right_tab_stops_sit_at_the_right_margin(template, paper):  # noqa: F811
    word = docx.Document(io.BytesIO(render_docx(small_doc(d.Paragraph("x")),
                                                docx_options(template, paper=paper))))
    section = word.sections[0]
    margin = (section.page_width - section.left_margin - section.right_margin) / 635
    for name in ("Header", "Footer", "toc 1"):
        stops = word.styles[name].element.iter(qn("w:tab"))
        assert [abs(int(t.get(qn("w:pos"))) - margin) < 2 for t in stops
                if t.get(qn("w:val")) == "right"] == [True], name


def test_docx_theme_tag_never_wraps_apart_from_its_name(template):  # noqa: F811
    tags = tuple(d.ThemeTag(f"t{i}", f"Theme number {i}", "#336699", chr(65 + i))
                 for i in range(6))
    word = docx.Document(io.BytesIO(render_docx(small_doc(d.ThemeLegend(tags)),
                                                docx_options(template))))
    text = next(p.text for p in word.paragraphs if "Theme" in p.text)
    for tag in tags:
        assert f"\u00a0{tag.letter}\u00a0\u00a0Theme\u00a0number" in text


@pytest.mark.parametrize("preset", ["standard", "large-print"])
def test_docx_running_header_fits_one_line(template, preset):  # noqa: F811
    from nlmg_packs.render.table_widths import wide_bold

    header = "Never Let Me Go · Posthuman Literature, lesson 2: Originals, copies and performance"
    doc = small_doc(d.Paragraph("x"))
    doc = type(doc)(doc.title, doc.metadata, doc.blocks, header=header, footer="Foot")
    word = docx.Document(io.BytesIO(render_docx(doc, docx_options(template, paper="letter",
                                                                  preset=preset))))
    section = word.sections[0]
    text = next(p.text for p in section.header.paragraphs if p.text)
    size = word.styles["Header"].font.size.pt
    width = (section.page_width - section.left_margin - section.right_margin) / 12700
    assert wide_bold(size, bold=False)(text.split("\t")[0]) <= width
    assert text.startswith("Never Let Me Go · Posthuman Literature")
    assert text.endswith("…") == (preset == "large-print")


@pytest.mark.parametrize("block", [
    d.Quote("It was even *you* who turned away. " * 12, "Kathy, Chapter 3"),
    d.Question(4, "Why is the word stressed? " * 15, lines=3),
    d.TeacherNote("Teacher: Notes", (d.Paragraph("A note. " * 40),)),
    d.Callout("Spoilers", "Part Three. " * 30, tone="warning")], ids=lambda b: type(b).__name__)
@pytest.mark.parametrize("preset", ["standard", "large-print"])
def test_a_boxed_row_never_splits_into_a_sliver(block, preset):
    """A box split over a page break leaves at least two body lines on each side: asked to
    split into the last point or two of a frame it refuses (an empty piece there came back
    page after page, and a large-print lesson plan never finished)."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Table

    from nlmg_packs.render.look import look_for
    from nlmg_packs.render.pdf_fonts import register_family
    from nlmg_packs.render.pdf_styles import build_styles

    opts = options(preset=preset)
    look = look_for(opts)
    styles = build_styles(look, register_family(opts.fonts))
    renderer = pdf.PdfRenderer(with_blocks(block), opts, styles, 400, {})
    canvas = Canvas(io.BytesIO())
    two_lines = look.body_size * look.leading * 2
    tables = [f for f in _flat(renderer.render(block)) if isinstance(f, Table)]
    assert len(tables) == 1
    for table in tables:
        table.canv = canvas
        assert table.wrap(400, 10_000)[1] > 3 * two_lines  # tall enough to split
        for room in (1, 3, two_lines - 1):
            assert table.split(400, room) == []
        for piece in table.split(400, table._height - 1):
            assert piece.wrap(400, 10_000)[1] >= two_lines - 1


def _flat(flowables: list) -> list:
    """Flowables with kept groups opened."""
    out = []
    for f in flowables:
        out += _flat(f._content) if hasattr(f, "head") else [f]
    return out
