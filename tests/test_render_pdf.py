"""The PDF renderer, read back with pypdf."""

from __future__ import annotations

import dataclasses
import re
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from nlmg_packs import document as d
from nlmg_packs.errors import PackError
from nlmg_packs.render import pdf
from nlmg_packs.render.options import RenderOptions
from nlmg_packs.template import load_template
from tests.sample_documents import ORIGIN, every_block

TEMPLATE = load_template(Path("templates/default"))


def options(**kw) -> RenderOptions:
    return TEMPLATE.render_options(**{"paper": "a4", **kw})


def read(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(data).pages)


def with_blocks(*blocks: d.Block) -> d.Document:
    return dataclasses.replace(every_block("student"), blocks=blocks)


@pytest.fixture(scope="module")
def teacher() -> bytes:
    return pdf.render_pdf(every_block("teacher"), options())


@pytest.fixture(scope="module")
def student() -> bytes:
    return pdf.render_pdf(every_block("student"), options())


def test_an_unknown_block_type_raises():
    @dataclasses.dataclass(frozen=True)
    class Mystery:
        text: str = "?"

    renderer = pdf.PdfRenderer.__new__(pdf.PdfRenderer)
    with pytest.raises(TypeError, match="Mystery"):
        renderer.render(Mystery())


def test_footer_numbers_pages_with_the_total(teacher):
    pages = read(teacher).pages
    assert f"Page 1 of {len(pages)}" in pages[0].extract_text()
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1].extract_text()
    assert "A. N. Author, The Lantern Keeper (1999)" in pages[0].extract_text()


def test_without_a_contents_list_the_document_is_laid_out_once(monkeypatch):
    # The total in "Page X of Y" is a form defined after the last page, so one pass knows it.
    calls = []
    build = pdf._build
    monkeypatch.setattr(pdf, "_build", lambda *a, **kw: calls.append(1) or build(*a, **kw))
    lines = tuple(d.Paragraph(f"Line {i}") for i in range(150))
    pages = read(pdf.render_pdf(with_blocks(*lines), options())).pages
    assert len(calls) == 1
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page.extract_text()


def test_contents_page_numbers_are_the_pages_of_the_headings(teacher):
    reader = read(teacher)
    found = {item.title: reader.get_destination_page_number(item) + 1
             for item in reader.outline if not isinstance(item, list)}
    text = reader.pages[0].extract_text()
    for title in ("Before you read", "Themes"):
        assert re.search(rf"{title}\n\s*{found[title]}\n", text)


def test_teacher_edition_has_the_model_answer_and_the_student_edition_does_not(teacher, student):
    assert "The lamp stands for care given without conditions." in text_of(teacher)
    assert "Teacher: Model answer" in text_of(teacher)
    assert "care given without conditions" not in text_of(student)
    assert "Teacher:" not in text_of(student)


def test_unchecked_quote_wording_is_marked(teacher):
    assert "Check the wording against your edition" in text_of(teacher)


def test_metadata_title_language_and_display_title(teacher):
    reader = read(teacher)
    assert reader.metadata.title == "The Lantern Keeper — Discussion guide"
    # the novelist did not write the handout: the author is the template's school (none here)
    assert reader.metadata.author is None
    assert reader.metadata.subject == "Discussion guide"
    assert "lantern" in reader.metadata["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


def test_outline_has_one_entry_per_heading_nested_by_level(teacher):
    def flatten(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item, depth + 1)
            else:
                yield item.title, depth

    headings = [b for b in every_block("teacher").blocks if isinstance(b, d.Heading)]
    entries = list(flatten(read(teacher).outline))
    assert [t for t, _ in entries] == [h.text for h in headings]
    # "Lesson sequence" is level 3 under a level 1: clamped to one level deeper.
    assert entries == [("Before you read", 0), ("Close reading", 1), ("Themes", 0),
                       ("Lesson sequence", 1)]


def test_outline_entries_point_at_the_pages_of_their_headings(teacher):
    reader = read(teacher)
    for item in reader.outline:
        if isinstance(item, list):
            continue
        page = reader.get_destination_page_number(item)
        assert item.title in reader.pages[page].extract_text()


def test_contents_links_to_level_one_headings(teacher):
    reader = read(teacher)
    first = reader.pages[0]
    links = [a.get_object() for a in first.get("/Annots", [])
             if a.get_object()["/Subtype"] == "/Link"]
    assert len(links) >= 2
    text = first.extract_text()
    assert "Before you read" in text and "Themes" in text
    assert "Close reading" not in text  # level 2: not in the contents


def test_fillable_answer_spaces_are_fields_a_student_can_fill():
    data = pdf.render_pdf(every_block("student"), options(fillable=True))
    reader = read(data)
    fields = reader.get_fields()
    assert {"name", "date", "class", "q1_answer", "notes"} <= set(fields)
    assert fields["q1_answer"]["/Ff"] & (1 << 12)  # multiline
    writer = PdfWriter(clone_from=reader)
    page = next(p for p in writer.pages
                if any(a.get_object().get("/T") == "q1_answer" for a in p.get("/Annots", [])))
    writer.update_page_form_field_values(page, {"q1_answer": "It stands for duty."},
                                         auto_regenerate=False)
    out = BytesIO()
    writer.write(out)
    assert read(out.getvalue()).get_fields()["q1_answer"]["/V"] == "It stands for duty."


def test_not_fillable_by_default(student):
    assert not read(student).get_fields()


def font_sizes(page) -> list[float]:
    sizes: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(font_size * abs(tm[0]) * abs(cm[0] or 1))

    page.extract_text(visitor_text=visit)
    return sizes


def test_large_print_text_is_at_least_16_pt():
    data = pdf.render_pdf(every_block("teacher"), options(preset="large-print"))
    sizes = [s for page in read(data).pages for s in font_sizes(page)]
    assert sizes and min(sizes) >= 16


def test_standard_body_is_smaller_than_large_print(teacher):
    assert min(font_sizes(read(teacher).pages[1])) < 16


def test_large_print_has_no_italic_font():
    data = pdf.render_pdf(every_block("teacher"), options(preset="large-print"))
    fonts = {str(f.get_object()["/BaseFont"]) for page in read(data).pages
             for f in page["/Resources"]["/Font"].values()}
    assert not any("Oblique" in f or "Italic" in f for f in fonts)


def test_dyslexia_pages_are_tinted():
    data = pdf.render_pdf(every_block("student"), options(preset="dyslexia"))
    for page in read(data).pages:
        assert b"re f" in page.get_contents().get_data().split(b"BT")[0]


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a4", (595, 842))])
def test_paper_size(paper, size):
    data = pdf.render_pdf(every_block("student"), options(paper=paper))
    box = read(data).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_two_renders_are_byte_identical(teacher):
    assert pdf.render_pdf(every_block("teacher"), options()) == teacher


def test_timestamp_sets_the_recorded_date():
    data = pdf.render_pdf(every_block("student"), options(timestamp=1_700_000_000))
    assert read(data).metadata["/CreationDate"].startswith("D:20231114")


def test_markup_in_text_prints_literally(student):
    text = text_of(student)
    assert "Tom & Ruth <b>argue</b> & that's fine." in text
    assert "a literal <img src='x'/>." in text


def test_markup_in_a_paragraph_prints_literally():
    data = pdf.render_pdf(with_blocks(d.Paragraph("Fish <b>& chips</b> <font size=40>x</font>")),
                          options())
    assert "Fish <b>& chips</b> <font size=40>x</font>" in text_of(data)


def test_newlines_break_lines():
    data = pdf.render_pdf(with_blocks(d.Paragraph("first line\nsecond line")), options())
    # (a line that wraps ends with a space, so the words stay apart for a screen reader)
    assert "first line \nsecond line" in text_of(data)


def test_a_character_outside_the_font_is_reported_at_its_origin():
    block = d.Paragraph("生活", origin=ORIGIN)
    with pytest.raises(PackError) as caught:
        pdf.render_pdf(with_blocks(block), options())
    message = str(caught.value)
    assert "packs/sample/quotes.yaml:12:5" in message
    assert "'生' (U+751F) is not in font DejaVu Sans" in message


def test_a_missing_character_without_origin_names_the_document():
    with pytest.raises(PackError, match=r"^Discussion guide: character '📚'"):
        pdf.render_pdf(with_blocks(d.Callout("Next", "turn over 📚")), options())


def test_punctuation_renders_with_the_default_font():
    text = "“Curly” ‘quotes’ – en — em … ellipsis · £5 café"
    data = pdf.render_pdf(with_blocks(d.Paragraph(text)), options())
    assert text in text_of(data)


def test_ordered_lists_restart_at_one(teacher):
    text = text_of(teacher)
    assert re.search(r"1\.\s+First objective\s+2\.\s+Second objective\s+1\.\s+Another list", text)


def test_long_table_repeats_its_header_on_the_next_page():
    rows = tuple((d.Cell(str(i)), d.Cell(f"Activity {i}")) for i in range(120))
    data = pdf.render_pdf(with_blocks(d.Table(("Min", "Activity"), rows)), options())
    pages = read(data).pages
    assert len(pages) > 1
    assert all("Min" in p.extract_text() and "Activity" in p.extract_text() for p in pages)


@pytest.mark.parametrize("filler", range(30, 46, 3))
def test_question_is_kept_with_its_answer_space(filler):
    # Somewhere in this range the question falls at the foot of page 1.
    lines = tuple(d.Paragraph(f"Line {i}") for i in range(filler))
    doc = with_blocks(*lines, d.Question(9, "Where does the answer go?", lines=8))
    reader = read(pdf.render_pdf(doc, options(fillable=True)))
    assert set(reader.get_fields()) == {"q9_answer"}
    page = next(p for p in reader.pages if "Where does the answer go?" in p.extract_text())
    assert [a.get_object()["/T"] for a in page.get("/Annots", [])] == ["q9_answer"]


def test_answer_space_taller_than_a_page_splits_into_two_fields():
    doc = with_blocks(d.AnswerLines(60, "Essay"))
    reader = read(pdf.render_pdf(doc, options(fillable=True)))
    assert set(reader.get_fields()) == {"essay", "essay_cont"}


def test_only_embedded_fonts(teacher):
    for page in read(teacher).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            described = descendant[0].get_object() if descendant else font
            assert "/FontDescriptor" in described, font["/BaseFont"]


def test_cover_page_has_no_running_header(teacher):
    pages = read(teacher).pages
    assert "The Lantern Keeper · Discussion guide" not in pages[0].extract_text()
    assert "The Lantern Keeper · Discussion guide" in pages[1].extract_text()
    assert "The Lantern Keeper" in pages[0].extract_text()


@pytest.mark.parametrize(("preset", "across"), [("standard", 3), ("large-print", 2)])
def test_theme_key_is_a_grid_of_tag_and_name_cells(preset, across):
    from reportlab.platypus import Table

    from nlmg_packs.render.look import look_for
    from nlmg_packs.render.pdf_fonts import register_family
    from nlmg_packs.render.pdf_styles import build_styles

    opts = options(preset=preset)
    styles = build_styles(look_for(opts), register_family(opts.fonts))
    renderer = pdf.PdfRenderer(every_block("student"), opts, styles, 480, {})
    themes = tuple(d.ThemeTag(f"t{i}", f"Theme {i} at length", "#4C6A92", f"T{i}")
                   for i in range(7))
    grid = next(f for f in renderer.render(d.ThemeLegend(themes)) if isinstance(f, Table))
    cells = [c for row in grid._cellvalues for c in row if c != ""]
    assert len(grid._cellvalues[0]) == 2 * across
    # each tag's pill sits in the cell just before its name, on the same row
    pairs = [(cells[i].items[0].text, cells[i + 1].getPlainText())
             for i in range(0, len(cells), 2)]
    assert pairs == [(t.letter, t.name) for t in themes]


def pages_with(data: bytes, text: str) -> list[int]:
    return [i for i, page in enumerate(read(data).pages) if text in page.extract_text()]


def test_a_long_table_after_half_a_page_splits_rather_than_leaving_a_gap():
    filler = tuple(d.Paragraph(f"Line {i}") for i in range(16))
    rows = tuple((d.Cell(str(i)), d.Cell(f"Activity number {i}")) for i in range(40))
    data = pdf.render_pdf(with_blocks(*filler, d.Heading("Sequence", 2),
                                      d.Table(("Min", "Activity"), rows)), options())
    # The heading and the first rows share the filler's page; the header repeats after.
    assert pages_with(data, "Sequence") == pages_with(data, "Line 15") == [0]
    assert pages_with(data, "Activity number 0") == [0]
    assert pages_with(data, "Activity number 39") != [0]


def test_a_short_table_moves_whole_when_little_room_is_left():
    filler = tuple(d.Paragraph(f"Line {i}") for i in range(36))
    rows = tuple((d.Cell(str(i)), d.Cell(f"Activity number {i}")) for i in range(6))
    data = pdf.render_pdf(with_blocks(*filler, d.Table(("Min", "Activity"), rows)), options())
    assert pages_with(data, "Activity number 0") == pages_with(data, "Activity number 5")


@pytest.mark.parametrize("filler", range(30, 46, 3))
def test_a_heading_never_ends_a_page(filler):
    lines = tuple(d.Paragraph(f"Line {i}") for i in range(filler))
    note = d.Callout("Boxed note", "A note in a box, kept below its heading. " * 4)
    data = pdf.render_pdf(with_blocks(*lines, d.Heading("Heading above a box", 2), note),
                          options())
    assert pages_with(data, "Heading above a box") == pages_with(data, "Boxed note")


def test_answer_lines_taller_than_half_a_page_split_and_keep_the_question_with_them():
    filler = tuple(d.Paragraph(f"Line {i}") for i in range(14))
    doc = with_blocks(*filler, d.Question(3, "Write at length.", lines=24))
    reader = read(pdf.render_pdf(doc, options(fillable=True)))
    assert set(reader.get_fields()) == {"q3_answer", "q3_answer_cont"}
    first = reader.pages[0]
    assert "Write at length." in first.extract_text()
    assert [a.get_object()["/T"] for a in first.get("/Annots", [])] == ["q3_answer"]


@pytest.mark.parametrize("preset", ["standard", "large-print"])
def test_a_long_line_of_marks_wraps_inside_the_margin(tmp_path: Path, preset: str) -> None:
    """A question's small line (points, part, level, standards) wider than the text column
    goes on over more rows instead of running past the right margin (large-print keys)."""
    import subprocess

    from tests.tools import require_tool

    meta = " · ".join(["3 points", "Part One", "Chapters 2–3", "Analyse",
                       "Common Core ELA RL.11-12.1; Common Core ELA RL.11-12.4; AQA 8702 AO2"])
    tag = d.ThemeTag("memory", "Memory and narration", "#2E5E8C", "ME")
    doc = with_blocks(d.Question(1, "Why?", 2, (tag,), meta))
    path = tmp_path / "q.pdf"
    path.write_bytes(pdf.render_pdf(doc, options(preset=preset)))
    boxes = subprocess.run([require_tool("pdftotext"), "-bbox", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes))
    assert right <= 595.28 - 20 * 72 / 25.4 + 1  # A4, 20 mm right margin
    assert "AO2" in boxes
