"""The DOCX renderer and the reference document it builds on."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import uuid
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader

from nlmg_packs import document as d
from nlmg_packs.errors import PackError
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.options import RenderOptions
from nlmg_packs.render.reference_doc import build_reference_doc
from nlmg_packs.template import load_template
from tests.sample_documents import MEMORY, every_block
from tests.tools import require_tool

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "templates" / "default" / "reference.docx"


@pytest.fixture(scope="module")
def template():
    loaded = load_template(ROOT / "templates" / "default")
    return dataclasses.replace(loaded, reference_doc=REFERENCE)


def options(template, **changes) -> RenderOptions:
    return template.render_options(**{"paper": "a4", "timestamp": 1_700_000_000, **changes})


def render(template, document=None, **changes) -> docx.document.Document:
    data = render_docx(document or every_block("teacher"), options(template, **changes))
    return docx.Document(io.BytesIO(data))


def small_doc(*blocks: d.Block) -> d.Document:
    meta = d.Metadata("Title", "Author", "Subject", ("one", "two"))
    return d.Document("Title", meta, tuple(blocks), header="Head", footer="Foot")


def body_text(word) -> str:
    return "\n".join(t.text or "" for t in word.element.body.iter(qn("w:t")))


# -- structure ---------------------------------------------------------------------------------

def test_an_unknown_block_type_raises(template):
    @dataclasses.dataclass(frozen=True)
    class Mystery:
        pass

    with pytest.raises(TypeError, match="Mystery"):
        render_docx(small_doc(Mystery()), options(template))


def test_headings_use_heading_styles(template):
    word = render(template)
    found = {(p.text, p.style.name) for p in word.paragraphs}
    assert ("Before you read", "Heading 1") in found
    assert ("Close reading", "Heading 2") in found
    # level 3 right under a level 1: one level deeper, as in the PDF outline (no skipped level)
    assert ("Lesson sequence", "Heading 2") in found
    heading = next(p for p in word.paragraphs if p.text == "Before you read")
    assert [child.tag for child in heading._p.pPr] == [qn("w:pStyle")]
    assert all(r.font.size is None and r.font.name is None for r in heading.runs)


def test_each_ordered_list_restarts_at_one(template):
    lists = (d.BulletList(("a", "b"), ordered=True), d.Paragraph("between"),
             d.BulletList(("c", "d"), ordered=True))
    word = render(template, small_doc(*lists))
    ids = []
    for paragraph in word.paragraphs:
        if paragraph.style.name == "List Number":
            ids.append(paragraph._p.pPr.numPr.numId.val)
    assert len(ids) == 4 and ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    numbering = word.part.numbering_part.element
    for num_id in {ids[0], ids[2]}:
        num = numbering.num_having_numId(num_id)
        start = num.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
        assert start.get(qn("w:val")) == "1"


def test_table_header_row_repeats_and_tags_are_shaded(template):
    word = render(template)
    # (teacher notes are shaded paragraphs now, so every table is a table of data)
    themes = next(t for t in word.tables if len(t.rows) > 1 and t.cell(1, 1).text == MEMORY.letter)
    assert themes.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert themes.rows[1]._tr.trPr is None or \
        themes.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert themes.style.name == "Pack Table"
    tagged = themes.cell(1, 1)
    assert tagged.text == MEMORY.letter
    shading = tagged._tc.tcPr.find(qn("w:shd"))
    assert shading.get(qn("w:fill")) == MEMORY.colour.lstrip("#").upper()


def test_teacher_edition_has_model_answer_student_does_not(template):
    teacher = body_text(render(template, every_block("teacher")))
    student = body_text(render(template, every_block("student")))
    assert "care given without conditions" in teacher
    assert "care given without conditions" not in student
    assert "What does the lamp stand for?" in student


def test_core_properties_are_set(template):
    props = render(template).core_properties
    assert props.title == "The Lantern Keeper — Discussion guide"
    assert props.author == ""  # the template's school (none here), never the novelist
    assert props.keywords == "lantern, discussion"
    assert props.language == "en-GB"
    assert props.created.year == 2023 and props.modified == props.created
    assert props.revision == 1


def test_two_renders_are_byte_identical(template):
    first = render_docx(every_block(), options(template))
    second = render_docx(every_block(), options(template))
    assert first == second
    later = render_docx(every_block(), options(template, timestamp=1_800_000_000))
    assert later != first


def test_text_is_data_not_markup(template):
    text = "Tom <b>& Ruth</b> { PAGE } \x00\x07end"
    word = render(template, small_doc(d.Paragraph(text), d.Heading("{ NUMPAGES }", 1)))
    assert "Tom <b>& Ruth</b> { PAGE } end" in body_text(word)
    assert "{ NUMPAGES }" in body_text(word)
    body = word.element.body
    assert body.find(".//" + qn("w:fldSimple")) is None
    assert body.find(".//" + qn("w:instrText")) is None


def test_header_and_footer(template):
    word = render(template)
    section = word.sections[0]
    assert "The Lantern Keeper · Discussion guide" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("A. N. Author, The Lantern Keeper (1999)")
    instructions = [f.get(qn("w:instr")).strip() for f in footer._p.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_contents_is_a_toc_field(template):
    word = render(template)
    instructions = [t.text for t in word.element.body.iter(qn("w:instrText"))]
    assert len(instructions) == 1 and instructions[0].strip().startswith("TOC ")
    entries = [p.text for p in word.paragraphs if p.style.name.lower() == "toc 1"]
    assert entries == ["Before you read", "Themes"]


# -- the reference document --------------------------------------------------------------------

def test_committed_reference_doc_is_what_the_builder_makes(template):
    assert REFERENCE.read_bytes() == build_reference_doc(template.render_options())


def test_reference_doc_footer_has_page_fields():
    word = docx.Document(str(REFERENCE))
    footer = word.sections[0].footer._element
    instructions = [f.get(qn("w:instr")).strip() for f in footer.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert round(word.sections[0].page_width.mm) == 210


def test_a_changed_reference_doc_styles_the_output(template, tmp_path):
    custom = docx.Document(str(REFERENCE))
    custom.styles["Heading 1"].font.name = "Comic Neue"
    path = tmp_path / "custom.docx"
    custom.save(str(path))
    word = render(template, reference_doc=path)
    assert word.styles["Heading 1"].font.name == "Comic Neue"


def test_a_reference_doc_missing_a_style_is_refused(template, tmp_path):
    custom = docx.Document(str(REFERENCE))
    custom.styles["Teacher Note"].element.getparent().remove(custom.styles["Teacher Note"].element)
    path = tmp_path / "thin.docx"
    custom.save(str(path))
    with pytest.raises(PackError, match="no style `Teacher Note`") as caught:
        render(template, reference_doc=path)
    assert "thin.docx" in str(caught.value)
    assert "add a style named `Teacher Note`" in str(caught.value)


def test_a_reference_doc_that_is_not_a_docx_is_refused(template, tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("not a zip")
    with pytest.raises(PackError, match="cannot be read as a .docx"):
        render(template, reference_doc=path)


# -- presets and paper -------------------------------------------------------------------------

def test_large_print_is_large_and_has_no_italics(template):
    word = render(template, preset="large-print")
    assert word.styles["Normal"].font.size >= Pt(16)
    assert word.styles["Small"].font.size >= Pt(16)
    assert word.styles["Heading 1"].font.size > word.styles["Normal"].font.size
    assert not word.styles["Quote"].font.italic
    italic_runs = [r for p in word.paragraphs for r in p.runs if r.italic]
    assert italic_runs == []


def test_dyslexia_preset_is_sans_spaced_and_cream(template):
    word = render(template, preset="dyslexia")
    normal = word.styles["Normal"]
    assert normal.font.name == "Verdana"
    assert 12 <= normal.font.size.pt <= 14
    assert normal.paragraph_format.line_spacing == 1.5
    background = word.element.find(qn("w:background"))
    assert background is not None and background.get(qn("w:color")) == "FBF6E6"
    assert word.settings.element.find(qn("w:displayBackgroundShape")) is not None


def test_standard_preset_keeps_the_reference_styles(template):
    word = render(template)
    assert word.styles["Normal"].font.name == "Georgia"
    assert word.styles["Heading 1"].font.name == "Calibri"
    assert word.element.find(qn("w:background")) is None


def test_letter_paper(template):
    section = render(template, paper="letter").sections[0]
    assert abs(section.page_width.inches - 8.5) < 0.01
    assert abs(section.page_height.inches - 11) < 0.01


# -- what LibreOffice makes of it --------------------------------------------------------------

def to_pdf(docx_bytes: bytes, folder: Path) -> str:
    soffice = require_tool("soffice")
    source = folder / "plan.docx"
    source.write_bytes(docx_bytes)
    profile = folder / f"lo-profile-{uuid.uuid4().hex}"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    reader = PdfReader(str(folder / "plan.pdf"))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("preset", ["standard", "large-print", "dyslexia"])
def test_libreoffice_shows_headings_and_table_rows(template, tmp_path, preset):
    text = " ".join(to_pdf(render_docx(every_block(), options(template, preset=preset)),
                           tmp_path).split())
    for heading in ("The Lantern Keeper", "Before you read", "Close reading", "Themes",
                    "Lesson sequence"):
        assert heading in text
    for row in ("English Literature", "Reads aloud.", "Circulates.", "Worksheet"):
        assert row in text
    assert "Page 1 of" in text
    assert "<b>argue</b>" in text


def test_a_reference_doc_saved_by_libreoffice_still_works(template, tmp_path):
    soffice = require_tool("soffice")
    profile = tmp_path / f"lo-profile-{uuid.uuid4().hex}"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"),
                    str(REFERENCE)], check=True, capture_output=True, timeout=180)
    word = render(template, reference_doc=tmp_path / "lo" / "reference.docx")
    names = {p.style.name for p in word.paragraphs}
    assert {"Heading 1", "Heading 2"} <= names
    assert "Heading 3" in {style.name for style in word.styles}
    assert any(p.style.name.lower() == "toc 1" for p in word.paragraphs)


def test_a_missing_tool_skips_or_fails_when_required(monkeypatch):
    monkeypatch.delenv("NLMG_REQUIRE_TOOLS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        require_tool("no-such-tool-for-nlmg")
    monkeypatch.setenv("NLMG_REQUIRE_TOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match="must be"):
        require_tool("no-such-tool-for-nlmg")


@pytest.mark.parametrize("kind", ["vocabulary", "tests"])
def test_an_activitys_instructions_stay_with_what_they_introduce(template, kind):
    """A heading's short introduction (an activity's instructions) keeps with the next
    paragraph, as the heading keeps with it: Word never ends a page between them and the first
    question (the large-print Letter key ended a page with "True or false" and its line)."""
    from nlmg_packs.compose.catalogue import catalogue
    from nlmg_packs.pack import load_pack

    pack = load_pack(ROOT / "packs" / "never-let-me-go")
    spec = next(s for s in catalogue(pack) if s.kind == kind and s.edition == "student"
                and (kind != "vocabulary" or "activities" in s.name))
    word = docx.Document(io.BytesIO(render_docx(spec.compose("docx"), options(template))))
    paragraphs = word.paragraphs
    intros = [p for before, p in zip(paragraphs, paragraphs[1:], strict=False)
              if before.style.name.startswith("Heading") and p.style.name == "Muted"]
    assert len(intros) >= 2
    assert all(p.paragraph_format.keep_with_next for p in intros)
