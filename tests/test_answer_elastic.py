"""Elastic answer space (issue 18): answer lines shrink to the page down to the pack's own
count rather than send a few lines on, and run on to the foot of a page whose next block moves
to the next page, instead of leaving the foot blank. Checked on the flowable (a property over
counts and heights) and read back from rendered PDFs (pypdf) of documents built to force
page breaks everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from nlmg_packs import document as d
from nlmg_packs.render.look import look_for
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.render.pdf_flowables import RuledLines
from nlmg_packs.template import load_template
from tests.pdf_layout import broken_units, read_layout

TEMPLATE = load_template(Path("templates/default"))


@given(count=st.integers(1, 24), least=st.integers(1, 24), gap=st.sampled_from([22.0, 30.0, 34.0]),
       room=st.floats(0, 900), lift=st.floats(0, 30))
def test_answer_space_shrinks_to_the_page_or_splits_into_two_line_pieces(count, least, gap, room,
                                                                          lift):
    lines = RuledLines(count, gap, "#8C96A3", minimum=least, lift=lift)
    assume(lines.wrap(500, room)[1] > room)  # split is asked only of what does not fit
    least, fits = min(least, count), int((room + lift) // gap)
    pieces = lines.split(500, room)
    if len(pieces) == 1:  # shrunk: the pack's lines at least, and it fits
        assert least <= pieces[0].count < count
        assert pieces[0].wrap(500, room)[1] <= room + 1e-6
    elif len(pieces) == 2:  # split: nothing lost, no lone line on either page
        assert pieces[0].count + pieces[1].count == count
        assert min(p.count for p in pieces) >= RuledLines.MIN_PIECE
        assert pieces[0].wrap(500, room)[1] <= room + 1e-6
        assert pieces[0].count < least  # a shrink would have kept the answer on one page
    else:  # refused: too little room for the pack's lines, and for a two-line piece
        assert pieces == []
        assert fits < least and (fits < RuledLines.MIN_PIECE or count < 2 * RuledLines.MIN_PIECE)


@given(gap=st.sampled_from([22.0, 30.0, 34.0]), room=st.floats(0, 900), lift=st.floats(0, 30))
def test_run_on_lines_fill_the_room_at_the_same_pitch(gap, room, lift):
    more = RuledLines(3, gap, "#8C96A3", field="q1_answer").more(room, lift)
    if more is None:
        assert room + lift < gap
        return
    height = more.wrap(500, room)[1]
    assert height <= room + 1e-6  # it fits where it is set
    assert room - height < gap  # and leaves less than one line blank
    assert more.field == "q1_answer_more" and more.lift == lift


QUOTE = ("It was one of those moments when you realise something you have been told all along "
         "and never quite heard. ")


def _worksheet(lengths: list[int], lines: list[int], marked: bool = False) -> d.Document:
    """Quotations of `lengths` sentences, each with a question asking for `lines` lines (test
    questions when `marked`), under two activity headings: page breaks fall everywhere in
    some preset and paper."""
    blocks: list[d.Block] = [d.Heading("Worksheet", 1)]
    for n, (length, asked) in enumerate(zip(lengths, lines, strict=True), start=1):
        if n in (1, len(lengths) // 2 + 1):
            blocks += [d.Heading(f"{n}. Activity", 2), d.Paragraph("Answer each question.")]
        blocks += [d.Quote(QUOTE * length, f"Chapter {n}"),
                   d.Question(n, "Who says this, to whom, and when?", lines=asked,
                              marked=marked)]
    return d.Document("Worksheet", d.Metadata("Worksheet", "A", "S"), tuple(blocks),
                      header="H", footer="F")


def _questions(pages) -> list[tuple[int, int, int]]:
    """(page, rules on the question's page, rules in all) for each question, in order."""
    found: list[list[int]] = []
    for page in pages:
        for item in page.items:
            if item.kind == "question" and item.text.split("\n")[0].endswith("."):
                found.append([page.number, 0, 0])
            elif item.kind == "rule" and found:
                found[-1][2] += 1
                found[-1][1] += found[-1][0] == page.number
            elif item.kind not in ("rule", "question", "small") and found:
                found.append([0, 0, 0])  # a new unit: rules after it belong to no question
    return [tuple(q) for q in found if q[0]]


CASES = [(paper, preset) for paper in ("a4", "letter")
         for preset in ("standard", "large-print", "dyslexia")]


@pytest.mark.parametrize(("paper", "preset"), CASES)
@given(lengths=st.lists(st.integers(1, 3), min_size=6, max_size=10),
       asked=st.integers(2, 8), marked=st.booleans())
def test_answer_space_read_back_is_elastic(paper, preset, lengths, asked, marked,
                                            tmp_path_factory):
    options = TEMPLATE.render_options(paper=paper, preset=preset)
    look = look_for(options)
    path = tmp_path_factory.mktemp("elastic") / "worksheet.pdf"
    path.write_bytes(render_pdf(_worksheet(lengths, [asked] * len(lengths), marked), options))
    pages = read_layout(path)
    assert broken_units(pages) == []
    for number, here, total in _questions(pages):
        # never fewer lines than the pack asks for, never a lone line under the question
        assert total >= asked, f"question on page {number}: {total} lines of {asked}"
        assert here >= min(2, asked)
        if marked:  # a test's answer space tells the marks: it never grows
            assert total <= look.answer_lines(asked), f"question on page {number}: {total}"
    # no page opens with blank space: pages that start with the same kind of line start it at
    # the same height (the space after an answer falls away at a page break)
    tops: dict[str, set[int]] = {}
    for page in pages[1:]:
        if page.items:
            tops.setdefault(page.items[0].kind, set()).add(round(page.area_top - page.items[0].top))
    assert all(max(t) - min(t) <= 1 for t in tops.values()), tops
    # a page whose last block is answer space, with the next block moved on, is ruled to its
    # foot: less than one line's pitch above the frame, whose foot is the footer's band above
    # the footer rule (pdf_page: 0.3 of the footer size and 1.2 of the body size)
    foot = look.footer_size * 0.3 + look.body_size * 1.2 + look.answer_line_gap + 1
    for page, after in zip(pages, pages[1:], strict=False):
        first = after.content()[0] if after.content() else None
        if (not marked and page.items and page.items[-1].kind == "rule" and first
                and first.kind != "rule"):
            assert page.items[-1].bottom - page.area_bottom <= foot, (
                f"page {page.number} ends {page.items[-1].bottom - page.area_bottom:.0f} pt "
                f"above the text area's foot, with {first.text[:30]!r} moved on")


@pytest.mark.parametrize("label", ["Answer more", "Answer cont", "Answer", "Answer 2"])
def test_every_answer_field_has_a_name_of_its_own(label, tmp_path):
    """Run-on and split answers make fields at layout (`<name>_more`, `<name>_cont`): a
    labelled answer space whose name reads the same must not share its field (a shared name
    merges two answers into one field)."""
    from pypdf import PdfReader

    blocks: list[d.Block] = []
    for n in range(1, 7):
        blocks += [d.Quote(QUOTE * 3, f"Chapter {n}"), d.AnswerLines(9, label if n % 2 else "")]
    doc = d.Document("Fields", d.Metadata("Fields", "A", "S"), tuple(blocks), header="H",
                     footer="F")
    options = TEMPLATE.render_options(paper="letter", preset="large-print", fillable=True)
    path = tmp_path / "fields.pdf"
    path.write_bytes(render_pdf(doc, options))
    names = [str(a.get_object()["/T"]) for page in PdfReader(path).pages
             for a in page.get("/Annots", []) if a.get_object().get("/FT") == "/Tx"]
    assert any(n.endswith(("_more", "_cont")) for n in names)  # the case arises
    assert len(names) == len(set(names)), sorted(names)
