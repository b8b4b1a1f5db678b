"""A book declared by reading units (Frankenstein: letters, three volumes, a frame narrative),
built into every kind of document and read back: each document prints the units' own labels,
page references in the edition named, and who speaks to whom through the frame."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from nlmg_packs.builder.run import BuildRequest, run_build
from nlmg_packs.compose.catalogue import KINDS, catalogue
from nlmg_packs.pack import load_pack
from nlmg_packs.render.inline import plain_text
from tests.conftest import FIXTURES

PACK = FIXTURES / "frankenstein"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return squash(" ".join([p.text for p in document.paragraphs] + cells))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    report = run_build(BuildRequest(packs=(PACK,), out=out, jobs=1))
    assert report.count("built") == len(report.files) > 0
    return out / "frankenstein"


def test_every_kind_of_document_is_built(built: Path) -> None:
    specs = catalogue(load_pack(PACK))
    # the teaching apparatus needs files (matter, vocabulary, tests, rubrics) this pack lacks
    apparatus = {"introduction", "vocabulary", "tests", "rubrics"}
    assert {spec.kind for spec in specs} == set(KINDS) - apparatus
    for spec in specs:
        assert (built / spec.relpath(spec.native)).is_file(), spec.relpath(spec.native)


# (document, text that must be in it): unit labels, ranges, page references, the frame.
PRINTED = [
    ("common/student/worksheet-voices.pdf",
     "— Volume I, Chapter 2, p. 37 in the class-set paperback"),
    ("common/student/worksheet-voices.pdf", "— Walton, in continuation, p. 214 in the class-set"),
    ("common/student/worksheet-voices.pdf", "— Volume II, Chapter 7 "),
    ("common/student/worksheet-voices.pdf",
     "Who says this, to whom, and when? Who passes the words on to us, and to whom?"),
    ("common/teacher/worksheet-voices.pdf", "Page references are to the class-set paperback."),
    ("common/teacher/worksheet-voices.pdf",
     "Caroline Frankenstein, to Victor Frankenstein and Elizabeth Lavenza, as Victor "
     "Frankenstein tells it to Robert Walton, as Robert Walton writes it to Margaret Saville."),
    ("common/teacher/worksheet-voices.pdf", "Victor Frankenstein, to the crew, as Robert Walton "
     "writes it to Margaret Saville."),
    ("common/student/theme-tracker.pdf", "through the novel, section by section"),
    ("common/student/theme-tracker.pdf", "Section"),
    ("common/student/theme-tracker.pdf", "Letter 1 (Volume I)"),
    ("common/student/theme-tracker.pdf", "Volume II, Chapter 1 (Volume II)"),
    ("common/student/theme-tracker.pdf", "Walton, in continuation"),
    ("common/student/discussion-guide.pdf", "The questions follow the order of the novel"),
    ("common/student/discussion-guide.pdf",
     "Each section of questions opens with a spoiler warning"),
    ("common/student/discussion-guide.pdf",
     "Read them after you have finished Volume I, Chapter 7."),
    ("common/student/discussion-guide.pdf", "Letter 1 – Letter 4 · Analyse"),
    ("common/student/discussion-guide.pdf", "Volume I, Chapters 3–4 · Understand"),
    ("common/student/discussion-guide.pdf", "Characters Robert Walton. An explorer"),
    ("common/teacher/discussion-guide.pdf", "Page references are to the class-set paperback. "
     "Some quotations also give pages in the large-print copy."),
    ("common/student/book-club-guide.pdf", "The questions follow the order of the book"),
    ("common/teacher/quotation-bank.pdf", "Robert Walton to Margaret Saville, Letter 1, p. 1 "
     "in the class-set paperback"),
    ("common/student/quotation-bank.pdf", "— Letter 1, p. 1 in the class-set paperback"),
    ("common/student/quotation-bank.pdf", "Characters Robert Walton."),
    ("common/teacher/quotation-bank.pdf", "Some quotations also give pages in the large-print"),
    ("gothic/teacher/lesson-gothic-2.docx", "The Gothic novel · 50 minutes · Volume II, "
     "Chapters 2–8"),
    ("gothic/teacher/lesson-gothic-2.docx", "Copies of the novel (Volume II, Chapters 2–8)"),
    ("gothic/teacher/lesson-gothic-2.docx", "Victor Frankenstein to Robert Walton, Volume I, "
     "Chapter 4, p. 55 in the class-set paperback"),
    ("gothic/teacher/course-overview.docx", "Reading"),
    ("gothic/teacher/course-overview.docx", "Letter 1 – Letter 4"),
]


@pytest.mark.parametrize(("document", "expected"), PRINTED)
def test_labels_print_where_they_belong(built: Path, document: str, expected: str) -> None:
    path = built / document
    text = docx_text(path) if path.suffix == ".docx" else pdf_text(path)
    assert squash(expected) in text


NOT_PRINTED = [
    ("common/student/worksheet-voices.pdf", "Page references are to"),
    ("common/student/worksheet-voices.pdf", "Chapter 1 —"),
    ("common/student/discussion-guide.pdf", "part by part"),
    ("common/student/theme-tracker.pdf", "Chapter Letter"),
]


@pytest.mark.parametrize(("document", "unexpected"), NOT_PRINTED)
def test_no_part_or_chapter_is_assumed(built: Path, document: str, unexpected: str) -> None:
    assert unexpected not in pdf_text(built / document)


def test_quotation_bank_prints_every_question_and_answer(built: Path) -> None:
    pack = load_pack(PACK)
    student = pdf_text(built / "common" / "student" / "quotation-bank.pdf")
    teacher = pdf_text(built / "common" / "teacher" / "quotation-bank.pdf")
    for quote in pack.quotes:
        for question in quote.questions:
            assert squash(plain_text(question)) in student, quote.id
            assert squash(plain_text(question)) in teacher, quote.id
        assert squash(plain_text(quote.model_answer)) in teacher, quote.id
        assert squash(plain_text(quote.model_answer)) not in student, quote.id
