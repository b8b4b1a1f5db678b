"""Every word the tool adds comes from the composed document, so PDF and DOCX print the same.

Renders the teacher edition of every document of the small pack in both formats and reads the
text back: each label a composer put into a block (teacher box titles, the unchecked-quote mark,
the theme key, the name lines) must appear in both files, and no label is printed twice over.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose.catalogue import catalogue
from nlmg_packs.pack import load_pack
from nlmg_packs.paths import default_template
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


def _labels(blocks: tuple[d.Block, ...]) -> set[str]:
    found: set[str] = set()
    for block in blocks:
        match block:
            case d.TeacherNote():
                found.add(block.title)
                found |= _labels(block.blocks)
            case d.Quote() if block.check_label:
                found.add(block.check_label)
            case d.ThemeLegend() if block.title:
                found.add(block.title)
            case d.NameLines():
                found.update(block.labels)
    return found


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pdf_text(data: bytes) -> str:
    return _flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def _docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    cells = [p.text for t in word.tables for row in t.rows for c in row.cells
             for p in c.paragraphs]
    return _flat(" ".join([p.text for p in word.paragraphs] + cells))


SPECS = [spec for spec in catalogue(load_pack(FIXTURE))]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.edition}-{s.name}")
def test_labels_print_the_same_in_pdf_and_docx(spec) -> None:  # type: ignore[no-untyped-def]
    doc = spec.compose("pdf")
    options = load_template(default_template()).render_options("a4")
    seen = {"PDF": _pdf_text(render_pdf(doc, options)),
            "DOCX": _docx_text(render_docx(doc, options))}
    for fmt, text in seen.items():
        for label in _labels(doc.blocks):
            assert label in text, (fmt, label)
        assert "Teacher: Teacher" not in text, fmt


def test_the_teacher_editions_use_every_teacher_label() -> None:
    used = set().union(*(_labels(spec.compose("pdf").blocks) for spec in SPECS))
    assert {labels.TEACHER_NOTES, labels.MODEL_ANSWER, labels.LESSON_NOTES,
            labels.CHECK_WORDING, labels.THEME_KEY, *labels.NAME_LINES} <= used
