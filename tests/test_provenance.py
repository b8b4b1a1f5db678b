"""A quotation is confirmed by two independent public sources; teacher editions say which.

The small example pack has one confirmed quotation (`q-lamp`, two sources) and one that no
source confirms (`q-tide`).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from nlmg_packs import document as d
from nlmg_packs.compose.lesson_plan import compose_lesson_plan
from nlmg_packs.compose.worksheet import compose_worksheet
from nlmg_packs.pack import load_pack
from nlmg_packs.pack.strict import unverified_quotes
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template
from tests.conftest import ROOT, edit

CONFIRMED_LINE = "Wording confirmed in: Lamp Notes; Harbour Review."
OPTIONS = load_template(ROOT / "templates" / "default").render_options(paper="a4")
ONE_SOURCE = ", {source: Harbour Review, title: The Keeper reviewed, url: 'https://example.com/review'}"


def test_two_sources_confirm_and_one_does_not(mini: Path) -> None:
    pack = load_pack(mini)
    assert pack.quote_by_id["q-lamp"].source.confirmed
    assert not pack.quote_by_id["q-tide"].source.confirmed
    assert [p.message.split("`")[1] for p in unverified_quotes(pack)] == ["q-tide"]

    edit(mini / "quotes.yaml", ONE_SOURCE, "")
    pack = load_pack(mini)
    assert not pack.quote_by_id["q-lamp"].source.confirmed
    flagged = {p.message.split("`")[1]: p.message for p in unverified_quotes(pack)}
    assert set(flagged) == {"q-lamp", "q-tide"}
    assert "confirmed by 1 of the 2" in flagged["q-lamp"]


def test_a_verified_edition_alone_does_not_confirm(mini: Path) -> None:
    path = mini / "quotes.yaml"
    lines = path.read_text("utf-8").splitlines()
    assert lines[12].startswith("    source: {wording: novel, verified: true, provenance:")
    lines[12] = "    source: {wording: novel, verified: true, edition: Example Press 1999}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    pack = load_pack(mini)
    assert pack.quote_by_id["q-lamp"].source.verified
    assert "q-lamp" in {p.message.split("`")[1] for p in unverified_quotes(pack)}


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_worksheet_marks_and_names_sources_by_edition(mini: Path, edition: str) -> None:
    pack = load_pack(mini)
    blocks = compose_worksheet(pack, "light-and-duty", edition).blocks
    quotes = [b for b in blocks if isinstance(b, d.Quote)]
    marked = {b.text[:5] for b in quotes if b.check_label}
    notes = [(i, b) for i, b in enumerate(blocks)
             if isinstance(b, d.Paragraph) and b.text.startswith("Wording confirmed")]
    if edition == "student":
        assert marked == set() and notes == []
        return
    assert marked == {"Every"}
    assert notes, "the teacher edition names the sources of a confirmed quotation"
    for index, note in notes:
        assert note.text == CONFIRMED_LINE and note.style == "small"
        before = blocks[index - 1]
        assert isinstance(before, d.Quote) and before.text.startswith("The lamp")


def test_lesson_plan_names_the_sources_of_its_quotations(mini: Path) -> None:
    blocks = compose_lesson_plan(load_pack(mini), "lit-1").blocks
    index = next(i for i, b in enumerate(blocks) if isinstance(b, d.Quote))
    assert not blocks[index].check_label
    assert isinstance(blocks[index + 1], d.Paragraph)
    assert blocks[index + 1].text == CONFIRMED_LINE


def test_rendered_teacher_edition_shows_the_line_and_marks_only_the_unconfirmed(
        mini: Path) -> None:
    pack = load_pack(mini)
    teacher = compose_worksheet(pack, "light-and-duty", "teacher")
    student = compose_worksheet(pack, "light-and-duty", "student")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        render_pdf(teacher, OPTIONS))).pages)
    flat = " ".join(text.split())
    assert CONFIRMED_LINE in flat
    assert flat.count("Check the wording against your edition") == sum(
        1 for b in teacher.blocks if isinstance(b, d.Quote) and b.check_label)
    student_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        render_pdf(student, OPTIONS))).pages)
    assert "Wording confirmed" not in student_text and "Check the wording" not in student_text
    plan = docx.Document(io.BytesIO(render_docx(compose_lesson_plan(pack, "lit-1"), OPTIONS)))
    assert CONFIRMED_LINE in [p.text for p in plan.paragraphs]


def test_bundled_pack_passes_strict_validation() -> None:
    pack = load_pack(ROOT / "packs" / "never-let-me-go")
    assert unverified_quotes(pack) == []
