"""Answer space per preset (issue 18): ruled lines the preset's pitch apart, as many as the
answer needs in handwriting of that size, the same in PDF (read back with pypdf) and DOCX (read
back with python-docx): large print gives more lines, not the same lines further apart."""

from __future__ import annotations

import dataclasses
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlmg_packs import document as d
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.look import STANDARD_PITCH, look_for
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template
from tests.pdf_layout import read_layout

TEMPLATE = load_template(Path("templates/default"))
PRESETS = ["standard", "large-print", "dyslexia"]
ASKED = (2, 3, 4)
"""Lines the pack asks for: two and three under questions, four in a labelled box."""


def _document() -> d.Document:
    meta = d.Metadata("Answer space", "A", "S")
    blocks = (d.Question(1, "Who says this?", lines=ASKED[0]),
              d.Question(2, "Why does it matter?", lines=ASKED[1]),
              d.AnswerLines(ASKED[2], "Notes"))
    return d.Document("Answer space", meta, blocks, header="H", footer="F")


def _pdf_rules(data: bytes, tmp_path: Path) -> list[list[float]]:
    """The ruled answer lines' heights on each page, top to bottom, in points."""
    path = tmp_path / "answers.pdf"
    path.write_bytes(data)
    return [[i.top for i in page.items if i.kind == "rule"] for page in read_layout(path)]


def _groups(rules: list[float], pitch: float) -> list[int]:
    """Runs of rules exactly `pitch` apart: one run per answer space."""
    runs: list[int] = []
    for i, y in enumerate(rules):
        if i and abs(rules[i - 1] - y - pitch) < 0.01:
            runs[-1] += 1
        else:
            runs.append(1)
    return runs


@pytest.mark.parametrize("preset", PRESETS)
def test_pdf_and_docx_give_the_same_lines_at_the_preset_pitch(preset, tmp_path):
    options = TEMPLATE.render_options(paper="a4", preset=preset)
    look = look_for(options)
    wanted = [look.answer_lines(n) for n in ASKED]
    # PDF: the rules on the page, grouped by their pitch
    pages = _pdf_rules(render_pdf(_document(), options), tmp_path)
    assert len(pages) == 1
    assert _groups(pages[0], look.answer_line_gap) == wanted
    # DOCX: one "Answer Line" paragraph per line, its style's exact line height the pitch
    import docx
    from docx.enum.text import WD_LINE_SPACING

    word = docx.Document(BytesIO(render_docx(_document(), options)))
    lines = [p for p in word.paragraphs if p.style.name == "Answer Line"]
    assert len(lines) == sum(wanted)
    style = word.styles["Answer Line"].paragraph_format
    assert style.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert style.line_spacing.pt == pytest.approx(look.answer_line_gap)
    assert all(p.paragraph_format.line_spacing is None for p in lines)  # no local override


def test_large_print_gives_more_lines_not_the_same_lines_further_apart():
    standard, large = (look_for(TEMPLATE.render_options(paper="a4", preset=p))
                       for p in ("standard", "large-print"))
    assert large.answer_line_gap > standard.answer_line_gap
    assert [standard.answer_lines(n) for n in ASKED] == list(ASKED)
    assert [large.answer_lines(n) for n in ASKED] == [3, 5, 6]


@given(expected=st.integers(min_value=0, max_value=40),
       preset=st.sampled_from(PRESETS))
def test_the_lines_hold_the_expected_answer_in_handwriting_of_the_preset_size(expected,
                                                                             preset):
    look = look_for(TEMPLATE.render_options(paper="a4", preset=preset))
    count = look.answer_lines(expected)
    needed = expected * look.answer_line_gap / STANDARD_PITCH
    assert count >= expected
    assert abs(count - needed) <= 0.5 or count == expected
    assert (count == 0) == (expected == 0)


def test_a_question_without_lines_gets_none():
    look = look_for(TEMPLATE.render_options(paper="a4", preset="large-print"))
    doc = dataclasses.replace(_document(), blocks=(d.Question(1, "Discuss.", lines=0),))
    import docx

    word = docx.Document(BytesIO(render_docx(doc, TEMPLATE.render_options(
        paper="a4", preset="large-print"))))
    assert not [p for p in word.paragraphs if p.style.name == "Answer Line"]
    assert look.answer_lines(0) == 0
