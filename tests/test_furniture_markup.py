"""Inline markup in the running header and footer (issue 18): the footer's citation keeps its
book title in italics (bold in the presets that set no italics, as in their body text), in
the PDF (the face of the title's glyphs, read back with pypdf) and the DOCX (the footer's
runs, read back with python-docx)."""

from __future__ import annotations

import dataclasses
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from nlmg_packs import document as d
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template
from tests.sample_documents import every_block

TEMPLATE = load_template(Path("templates/default"))
FOOTER = "Kazuo Ishiguro, *Never Let Me Go* (London: Faber and Faber, 2005)"
HEADER = "*Never Let Me Go* · Worksheet"
EMPHASIS = {"standard": "italic", "large-print": "bold", "dyslexia": "bold"}
"""How each preset sets emphasis (`Look.italics`)."""
PRESETS = list(EMPHASIS)


def _document() -> d.Document:
    return dataclasses.replace(every_block("student"), footer=FOOTER, header=HEADER)


def _face(font: str) -> str:
    font = font.split("+")[-1]
    if "Oblique" in font or "Italic" in font:
        return "bold italic" if "Bold" in font else "italic"
    return "bold" if "Bold" in font else "regular"


def _furniture_faces(data: bytes, page: int = 0) -> tuple[dict[str, str], dict[str, str]]:
    """Word → face of the running header's and the footer's text on `page`."""
    reader = PdfReader(BytesIO(data))
    height = float(reader.pages[page].mediabox.height)
    header: dict[str, str] = {}
    footer: dict[str, str] = {}

    def visit(text, cm, tm, font_dict, size):
        y = tm[5] * cm[3] + cm[5]
        if font_dict is None or not text.strip():
            return
        target = footer if y < height * 0.15 else header if y > height * 0.9 else None
        if target is not None:
            for word in text.split():
                target[word] = _face(str(font_dict.get("/BaseFont", "")))

    reader.pages[page].extract_text(visitor_text=visit)
    return header, footer


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_footer_sets_the_book_title_as_emphasis(preset, paper):
    data = render_pdf(_document(), TEMPLATE.render_options(paper=paper, preset=preset))
    for page in (1, 2):  # the first page is a cover, without running header
        header, footer = _furniture_faces(data, page)
        assert {footer[w] for w in ("Never", "Let", "Me", "Go")} == {EMPHASIS[preset]}
        assert {footer[w] for w in ("Kazuo", "Ishiguro,", "(London:", "2005)")} == {"regular"}
        assert {header[w] for w in ("Never", "Let", "Me", "Go")} == {EMPHASIS[preset]}
        assert header["Worksheet"] == "regular"


def test_a_long_pdf_header_is_cut_with_an_ellipsis_in_its_faces():
    long = dataclasses.replace(_document(), header=HEADER + " and more" * 40)
    data = render_pdf(long, TEMPLATE.render_options(paper="a4"))
    header, _ = _furniture_faces(data, 1)
    assert header["Never"] == "italic"
    text = PdfReader(BytesIO(data)).pages[1].extract_text()
    assert "..." in text and "more" in text


@pytest.mark.parametrize("preset", PRESETS)
def test_the_docx_footer_sets_the_book_title_as_emphasis(preset):
    import docx

    data = render_docx(_document(), TEMPLATE.render_options(paper="a4", preset=preset))
    runs = [r for p in docx.Document(BytesIO(data)).sections[0].footer.paragraphs
            for r in p.runs]
    title = [r for r in runs if r.text == "Never Let Me Go"]
    assert len(title) == 1
    assert bool(title[0].italic) == (EMPHASIS[preset] == "italic")
    assert bool(title[0].bold) == (EMPHASIS[preset] == "bold")
    text = "".join(r.text for r in runs)
    assert text.startswith("Kazuo Ishiguro, Never Let Me Go (London: Faber and Faber, 2005)")
    assert "*" not in text
    others = [r for r in runs if r.text.strip() and r is not title[0]]
    assert not any(r.italic or r.bold for r in others)
