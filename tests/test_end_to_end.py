"""The bundled pack, built end to end, read back as a teacher would see it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from nlmg_packs.builder.run import BuildRequest, run_build
from nlmg_packs.pack import load_pack
from nlmg_packs.paths import default_pack
from nlmg_packs.render.inline import plain_text
from tests.tools import require_tool

PACK = default_pack()


def squash(text: str) -> str:
    """Text with all whitespace runs folded to one space, for comparing extracted PDF text."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    report = run_build(BuildRequest(packs=(PACK,), out=out, jobs=2))
    assert report.count("built") == len(report.files) > 0
    return out / "never-let-me-go"


def test_build_makes_every_document(built: Path) -> None:
    pack = load_pack(PACK)
    common = built / "common"
    for edition in ("student", "teacher"):
        assert (common / edition / "discussion-guide.pdf").is_file()
        for sheet in pack.worksheets:
            assert (common / edition / f"worksheet-{sheet.id}.pdf").is_file()
    assert (common / "teacher" / "themes-by-course.pdf").is_file()
    assert (common / "student" / "book-club-guide.pdf").is_file()
    for course in pack.courses:
        assert (built / course.id / "teacher" / "course-overview.docx").is_file()
        for lesson in course.lessons:
            assert (built / course.id / "teacher" / f"lesson-{lesson.id}.docx").is_file()


def test_guide_holds_title_and_every_prompt(built: Path) -> None:
    pack = load_pack(PACK)
    text = pdf_text(built / "common" / "student" / "discussion-guide.pdf")
    assert pack.book.title in text
    for prompt in pack.prompts:
        if prompt.audience == "class":
            assert squash(plain_text(prompt.text)) in text, prompt.id


def test_model_answers_only_in_teacher_worksheets(built: Path) -> None:
    pack = load_pack(PACK)
    for sheet in pack.worksheets:
        student = pdf_text(built / "common" / "student" / f"worksheet-{sheet.id}.pdf")
        teacher = pdf_text(built / "common" / "teacher" / f"worksheet-{sheet.id}.pdf")
        quote_ids = {q for a in sheet.activities for q in a.quotes
                     if a.type == "close-reading"}
        for quote_id in quote_ids:
            answer = squash(plain_text(pack.quote_by_id[quote_id].model_answer))
            assert answer in teacher, (sheet.id, quote_id)
            assert answer not in student, (sheet.id, quote_id)
        assert "Name" in student and "Model answer" not in student


def test_every_docx_opens_and_converts(built: Path, tmp_path: Path) -> None:
    files = sorted(built.rglob("*.docx"))
    assert files
    for path in files:
        document = docx.Document(str(path))
        assert any(p.style.name.startswith("Heading") for p in document.paragraphs), path
    soffice = require_tool("soffice")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                   check=True, capture_output=True, timeout=600)
    for path in files:
        converted = tmp_path / (path.stem + ".pdf")
        if path.stem == "course-overview":
            continue  # one name per course folder; the loop below checks each course
        assert converted.is_file(), path
        assert len(PdfReader(converted).pages) >= 1


def test_course_overviews_convert(built: Path, tmp_path: Path) -> None:
    soffice = require_tool("soffice")
    for path in sorted(built.rglob("course-overview.docx")):
        outdir = tmp_path / path.parent.parent.name
        profile = (tmp_path / "profile").as_uri()
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile}",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
                       check=True, capture_output=True, timeout=300)
        text = pdf_text(outdir / "course-overview.pdf")
        assert "unit overview" in text
