"""A data table split over a page break (issue 18): its header repeats at the top of each
page it continues on, never a second time on the same page, and no page starts with an empty
sliver of a row. Read back from rendered PDFs (pypdf) of tables drawn by hypothesis after text
of any length, so the break falls between rows and inside them, in every preset and paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlmg_packs import document as d
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template
from tests.pdf_layout import read_layout

TEMPLATE = load_template(Path("templates/default"))
HEADER = ("Number", "Item", "Letter", "Match")
SENTENCE = "Since each of us was copied at some point from a normal person there must be"
CASES = [(paper, preset) for paper in ("a4", "letter")
         for preset in ("standard", "large-print", "dyslexia")]


def _document(before: int, rows: list[int]) -> d.Document:
    text = " ".join([SENTENCE] * 4)
    blocks: list[d.Block] = [d.Paragraph(text) for _ in range(before)]
    body = tuple((d.Cell(f"{n}."), d.Cell(" ".join((SENTENCE.split() * 9)[:words])), d.Cell("____"),
                  d.Cell("A. Kathy"))
                 for n, words in enumerate(rows, start=1))
    blocks += [d.Heading("Matching", 2), d.Paragraph("Write the letter of the match."),
               d.Table(HEADER, body, widths=(1, 5, 1.5, 2))]
    return d.Document("Table", d.Metadata("Table", "A", "S"), tuple(blocks), header="H",
                      footer="F")


@pytest.mark.parametrize(("paper", "preset"), CASES)
@given(before=st.integers(0, 8), rows=st.lists(st.integers(3, 60), min_size=2, max_size=8))
def test_a_split_table_repeats_its_header_once_a_page(paper, preset, before, rows,
                                                       tmp_path_factory):
    options = TEMPLATE.render_options(paper=paper, preset=preset)
    path = tmp_path_factory.mktemp("table") / "table.pdf"
    path.write_bytes(render_pdf(_document(before, rows), options))
    for page in read_layout(path):
        lines = [i.text for i in page.items if i.kind != "rule"]
        headers = [n for n, text in enumerate(lines) if text.startswith(HEADER[0])]
        assert len(headers) <= 1, f"page {page.number}: the header {len(headers)} times"
        if headers and headers[0] + 1 < len(lines):
            # under a repeated header, a row's text (not an empty sliver of one)
            assert lines[headers[0] + 1].strip(), f"page {page.number}: an empty row"
