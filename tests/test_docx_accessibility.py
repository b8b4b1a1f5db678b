"""Lesson plans a tagged export reads well: no layout tables, languages, logo alt text, package
metadata naming the school and this tool; LibreOffice's tagged PDF of ours checked like ours."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.docx_xml import qn
from nlmg_packs.template import load_template
from tests import pdfua_checks
from tests.sample_documents import every_block
from tests.tools import require_tool

ROOT = Path(__file__).resolve().parent.parent
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763"
    "f8cfc0000003010100c9fe92ef0000000049454e44ae426082")


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> object:
    folder = tmp_path_factory.mktemp("template")
    shutil.copytree(ROOT / "templates" / "default", folder, dirs_exist_ok=True)
    (folder / "logo.png").write_bytes(PNG)
    yaml = (folder / "template.yaml").read_text("utf-8").replace(
        'school: ""', 'school: "Hailsham High"\nlogo: logo.png\nlogo_alt: "Hailsham crest"')
    (folder / "template.yaml").write_text(yaml, "utf-8")
    return load_template(folder)


@pytest.fixture(scope="module")
def data(branded) -> bytes:
    return render_docx(every_block("teacher"), branded.render_options(timestamp=1_700_000_000))


def test_package_names_this_tool_and_the_school_and_has_no_thumbnail(data):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        rels = package.read("_rels/.rels").decode()
    assert not [n for n in names if "thumbnail" in n] and "thumbnail" not in rels
    assert "<Application>nlmg-packs</Application>" in app and "Microsoft" not in app
    assert "<Company>Hailsham High</Company>" in app
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.author == "Hailsham High"


def test_teacher_notes_are_boxed_paragraphs_not_one_cell_tables(data):
    word = docx.Document(io.BytesIO(data))
    assert all(len(t.rows) * len(t.columns) > 1 for t in word.tables)
    boxed = [p for p in word.paragraphs if p._p.pPr is not None
             and p._p.pPr.find(qn("w:pBdr")) is not None
             and p._p.pPr.find(qn("w:shd")) is not None]
    assert any("Teacher" in p.style.name for p in boxed)


def test_contents_heading_is_not_an_outline_level_and_styles_speak_the_language(data):
    word = docx.Document(io.BytesIO(data))
    contents = [p for p in word.paragraphs if p.style.name == "TOC Heading"]
    assert contents
    for p in contents:
        assert p._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "9"
    langs = {lang.get(qn("w:val")) for lang in word.styles.element.iter(qn("w:lang"))}
    assert langs == {"en-GB"}


def test_every_run_names_its_language(data):
    word = docx.Document(io.BytesIO(data))
    runs = list(word.element.body.iter(qn("w:r")))
    runs += list(word.sections[0].header._element.iter(qn("w:r")))
    assert runs
    for run in runs:
        rPr = run.find(qn("w:rPr"))
        assert rPr is not None and rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_logo_in_the_header_with_alt_text(data):
    word = docx.Document(io.BytesIO(data))
    header = word.sections[0].header._element
    described = [e.get("descr") for e in header.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert described == ["Hailsham crest"]


def _tagged_export(docx_path: Path, out: Path) -> bytes:
    soffice = require_tool("soffice")
    filter_ = ('pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
               '"PDFUACompliance":{"type":"boolean","value":"true"}}')
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{out}/profile",
                    "--convert-to", filter_, "--outdir", str(out), str(docx_path)],
                   check=True, capture_output=True, timeout=120)
    return (out / (docx_path.stem + ".pdf")).read_bytes()


def test_ours_passes_every_check_libreoffices_tagged_export_passes(data, tmp_path):
    """The same lesson plan as LibreOffice's tagged PDF/UA export and as ours: LibreOffice's
    passes every check, and each check it passes ours passes too."""
    from nlmg_packs.render.pdf import render_pdf

    options = load_template(ROOT / "templates" / "default").render_options()
    source = tmp_path / "plan.docx"
    source.write_bytes(render_docx(every_block("teacher"), options))
    theirs = pdfua_checks.open_pdf(_tagged_export(source, tmp_path))
    ours = pdfua_checks.open_pdf(render_pdf(every_block("teacher"), options))
    checks = [pdfua_checks.check_catalog, pdfua_checks.check_content,
              pdfua_checks.check_parent_tree, pdfua_checks.check_elements,
              pdfua_checks.check_annotations, pdfua_checks.check_fonts]
    passed_by_them = [c.__name__ for c in checks if not c(theirs)]
    # exported with tags and PDF/UA on, the lesson plan passes every check, as ours does
    assert passed_by_them == [c.__name__ for c in checks]
    assert {c.__name__: c(ours) for c in checks if c.__name__ in passed_by_them} == {
        name: [] for name in passed_by_them}
