"""A rubric is set the same way in the PDF and the DOCX of a document, as `rubric_layout` decides
for the paper and preset: a grid, a grid on a landscape page, or one table per criterion (read
back from both files)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from nlmg_packs import document as d
from nlmg_packs.compose.assignments import compose_assignment
from nlmg_packs.pack import load_pack
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.render.rubric_layout import rubric_layout
from nlmg_packs.template import load_template
from tests.conftest import ROOT

PACK = load_pack(ROOT / "packs" / "never-let-me-go")
TEMPLATE = load_template(ROOT / "templates" / "default")
COMBOS = [(paper, preset) for paper in ("a4", "letter")
          for preset in ("standard", "large-print", "dyslexia")]
TASKS = ("told-not-told-essay", "hailsham-archive-project")  # four levels, three levels


def _pdf_layout(data: bytes, criteria: list[str]) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    if any(float(p.mediabox.width) > float(p.mediabox.height) for p in pages):
        return "landscape"
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))
    return "grid" if "Criterion" in text else "stacked" if all(c in text for c in criteria) else "?"


def _docx_layout(data: bytes, criteria: list[str]) -> str:
    word = docx.Document(io.BytesIO(data))
    if any(s.page_width > s.page_height for s in word.sections):
        return "landscape"
    heads = [t.rows[0].cells[0].text for t in word.tables]
    return "grid" if heads == ["Criterion"] else "stacked" if heads == criteria else "?"


@pytest.mark.parametrize(("paper", "preset"), COMBOS)
@pytest.mark.parametrize("task", TASKS)
def test_pdf_and_docx_set_a_rubric_as_decided(paper: str, preset: str, task: str) -> None:
    doc = compose_assignment(PACK, task, "student")
    options = TEMPLATE.render_options(paper, preset)
    block = next(b for b in doc.blocks if isinstance(b, d.Rubric))
    rubric = PACK.rubric_by_id[PACK.assignment_by_id[task].rubric]
    criteria = [c.name for c in rubric.criteria]
    expected = rubric_layout(block, options)
    assert _pdf_layout(render_pdf(doc, options), criteria) == expected
    assert _docx_layout(render_docx(doc, options), criteria) == expected


def test_large_print_stacks_a_wide_rubric_and_standard_turns_it_sideways() -> None:
    """The decision itself, on the bundled essay rubric: the cases the test above compares."""
    block = next(b for b in compose_assignment(PACK, "told-not-told-essay", "student").blocks
                 if isinstance(b, d.Rubric))
    layouts = {(paper, preset): rubric_layout(block, TEMPLATE.render_options(paper, preset))
               for paper, preset in COMBOS}
    assert layouts[("a4", "standard")] == layouts[("letter", "standard")] == "landscape"
    assert layouts[("a4", "large-print")] == layouts[("letter", "large-print")] == "stacked"


def test_a_rubric_without_room_upright_goes_sideways(tmp_path: Path) -> None:
    """Three levels (not marked landscape) whose longest words overrun the upright page but
    fit sideways: a landscape page, not a grid that breaks words."""
    long = "Extraordinarily"
    table = d.Table(("Criterion", *(f"{long} ({n})" for n in (3, 2, 1))),
                    ((d.Cell("Argument", bold=True), *(d.Cell(long) for _ in range(3))),))
    options = TEMPLATE.render_options("a4", "large-print")
    assert rubric_layout(d.Rubric(table, "Total"), options) == "landscape"
    short = d.Table(("Criterion", "Good (2)", "Weak (1)"),
                    ((d.Cell("Argument"), d.Cell("Clear."), d.Cell("Unclear.")),))
    assert rubric_layout(d.Rubric(short, "Total"), options) == "grid"
