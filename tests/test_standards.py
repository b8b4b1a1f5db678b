"""Standards on discussion prompts, read back from the course overview as teachers get it: the
DOCX's standards table, and the text of its PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from nlmg_packs.compose.lesson_plan import compose_course_overview
from nlmg_packs.pack import Pack, load_pack
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template
from tests.conftest import ROOT, edit

OPTIONS = load_template(ROOT / "templates" / "default").render_options("a4", "standard")


def docx_rows(pack: Pack, course: str) -> dict[str, str]:
    """Standard → what covers it, from the overview DOCX's "Standard | Covered by" table."""
    word = docx.Document(io.BytesIO(render_docx(compose_course_overview(pack, course), OPTIONS)))
    tables = [t for t in word.tables if t.rows[0].cells[0].text == "Standard"]
    if not tables:
        return {}
    return {row.cells[0].text: row.cells[1].text for row in tables[0].rows[1:]}


def pdf_text(pack: Pack, course: str) -> str:
    data = render_pdf(compose_course_overview(pack, course), OPTIONS)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


def _standards(*pairs: str) -> str:
    lines = "".join(f"\n      - {{framework: {f}, code: {c}}}"
                    for f, c in (p.split("|") for p in pairs))
    return f"    standards:{lines}\n"


CASES = [
    pytest.param({"first-light": ["IB DP Language A|Criterion B"]},
                 {"IB DP Language A Criterion B": "Lesson 1, prompt 1", "RL.11-12.1": "Lesson 1"},
                 id="a prompt's standard, with its framework"),
    pytest.param({"first-light": ["Common Core ELA|RL.11-12.1"]},
                 {"Common Core ELA RL.11-12.1": "Lesson 1; Lesson 1, prompt 1"},
                 id="a lesson's bare code joins the one framework that names it"),
    pytest.param({"first-light": ["Common Core ELA|RL.11-12.1"],
                  "keeping-on": ["Another board|RL.11-12.1"]},
                 {"Common Core ELA RL.11-12.1": "Lesson 1, prompt 1", "RL.11-12.1": "Lesson 1"},
                 id="a code two frameworks name stays as the lesson wrote it"),
    pytest.param({"keeping-on": ["AQA 8702|AO3"]}, {"RL.11-12.1": "Lesson 1"},
                 id="a prompt no lesson of the course uses is not listed"),
]


@pytest.mark.parametrize(("given", "rows"), CASES)
def test_the_overview_lists_what_covers_each_standard(mini: Path, given: dict[str, list[str]],
                                                      rows: dict[str, str]) -> None:
    for prompt, pairs in given.items():
        text = (mini / "discussion.yaml").read_text("utf-8")
        start = text.index(f"  - id: {prompt}\n")
        level = text.index("    level:", start)
        line_end = text.index("\n", level) + 1
        edit(mini / "discussion.yaml", text[start:line_end],
             text[start:line_end] + _standards(*pairs))
    pack = load_pack(mini)
    assert docx_rows(pack, "literature") == rows
    shown = pdf_text(pack, "literature")
    for standard, covered in rows.items():
        assert f"{standard} {covered}" in shown


def test_the_bundled_overviews_list_every_prompt_standard_of_their_lessons() -> None:
    """Each standard a lesson's prompt names is in its course's overview (DOCX table and PDF),
    covered by "Lesson n, prompt m" as the lesson plan numbers that prompt."""
    pack = load_pack(ROOT / "packs" / "never-let-me-go")
    seen = 0
    for course in pack.courses:
        rows, shown = docx_rows(pack, course.id), pdf_text(pack, course.id)
        for n, lesson in enumerate(course.lessons, 1):
            for m, ref in enumerate(lesson.prompts, 1):
                for standard in pack.prompt_by_id[ref].standards:
                    key = f"{standard.framework} {standard.code}"
                    covered = f"Lesson {n}, prompt {m}"
                    assert covered in rows[key].split("; "), (course.id, key)
                    assert covered in shown and key in shown
                    seen += 1
    assert seen >= 20
