"""Every PDF is a tagged PDF/UA-1 file: our Matterhorn checks, `pdfua`, and poppler's reading."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from nlmg_packs.compose.catalogue import catalogue
from nlmg_packs.pack import load_pack
from nlmg_packs.render.inline import plain_text
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template
from tests import pdfua_checks
from tests.tools import require_tool

PACK = Path("packs/never-let-me-go")
TEMPLATE = load_template(Path("templates/default"))
PRESETS = ("standard", "large-print", "dyslexia")
PAPERS = ("a4", "letter")


@cache
def _specs():
    pack = load_pack(PACK)
    return {f"{s.edition}/{s.name}": s for s in catalogue(pack) if s.native == "pdf"}


@cache
def rendered(name: str, preset: str = "standard", paper: str = "a4",
             fillable: bool = False) -> tuple[bytes, object]:
    doc = _specs()[name].compose("pdf")
    options = TEMPLATE.render_options(paper=paper, preset=preset, fillable=fillable)
    return render_pdf(doc, options), doc


def every_case():
    for name in _specs():
        for preset in PRESETS:
            for paper in PAPERS:
                for fillable in (False, True):
                    form = "fill" if fillable else "print"
                    yield pytest.param(name, preset, paper, fillable,
                                       id=f"{name}-{preset}-{paper}-{form}")


REPRESENTATIVE = [
    ("teacher/discussion-guide", "standard", "a4", False),
    ("student/worksheet-art-and-the-soul", "large-print", "letter", True),
    ("teacher/worksheet-endings-part-three", "dyslexia", "a4", True),
    ("student/theme-tracker", "standard", "letter", False),
    ("teacher/themes-by-course", "large-print", "a4", False),
    ("student/book-club-guide", "dyslexia", "letter", False),
]


def _check(name, preset, paper, fillable, tmp_path):
    data, _ = rendered(name, preset, paper, fillable)
    assert pdfua_checks.check_all(data) == []
    assert pdfua_checks.pdfua_findings(data, tmp_path / "f.pdf") == []


@pytest.mark.parametrize(("name", "preset", "paper", "fillable"), REPRESENTATIVE)
def test_representative_pdfs_pass_the_pdfua_checks(name, preset, paper, fillable, tmp_path):
    _check(name, preset, paper, fillable, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "preset", "paper", "fillable"), list(every_case()))
def test_every_pdf_passes_the_pdfua_checks(name, preset, paper, fillable, tmp_path):
    _check(name, preset, paper, fillable, tmp_path)


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


@pytest.mark.parametrize(("name", "preset", "paper", "fillable"), REPRESENTATIVE[:4])
def test_structure_text_holds_every_word_in_reading_order(name, preset, paper, fillable,
                                                           tmp_path):
    """What a screen reader reads (poppler's structure text) holds every line pdftotext reads
    on the page, outside the running header and footer, each line's words in order; a
    question's number is read first in its list item, before the quotation that introduces
    the question, so it may stand apart from the question's first line."""
    pdfinfo, pdftotext = require_tool("pdfinfo"), require_tool("pdftotext")
    data, doc = rendered(name, preset, paper, fillable)
    path = tmp_path / "f.pdf"
    path.write_bytes(data)
    tree = subprocess.run([pdfinfo, "-struct-text", str(path)], capture_output=True,
                          text=True, check=True).stdout
    spoken = "".join(re.findall(r'^\s*"(.*)"$', tree, flags=re.M)).replace(" ", "")
    page_text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True,
                               check=True).stdout
    furniture = {"".join(_words(plain_text(text))) for text in (doc.header, doc.footer)}
    missing, read = [], {}
    for line in page_text.splitlines():
        line = "".join(_words(line))
        page_label = re.fullmatch(r"(Page)?\d+(of\d+)?", line)
        if not line or page_label or any(line in f for f in furniture):
            continue
        label = re.match(r"\d+\.", line)
        if line not in spoken and not (label and label[0] in spoken
                                       and line[label.end():] in spoken):
            missing.append(line)
        read[line] = None
    # every character, too (a lone letter in a table cell is a substring of anything); each
    # distinct line once, as a table header repeated on a new page is an artifact
    assert Counter("".join(read)) - Counter(spoken) == Counter()
    assert missing == []


@pytest.mark.parametrize(("name", "preset", "paper", "fillable"), [
    *REPRESENTATIVE[:4], *(pytest.param(*c.values, id=c.id, marks=pytest.mark.slow)
                           for c in every_case() if c.values not in REPRESENTATIVE[:4])])
def test_structure_text_keeps_the_space_between_words_at_line_ends(name, preset, paper,
                                                                  fillable, tmp_path):
    """Every word a screen reader reads from the structure tree is a word printed on the page:
    no two words run together where a line was broken ("as" + "typed" read as "astyped")."""
    pdfinfo, pdftotext = require_tool("pdfinfo"), require_tool("pdftotext")
    data, _ = rendered(name, preset, paper, fillable)
    path = tmp_path / "f.pdf"
    path.write_bytes(data)
    tree = subprocess.run([pdfinfo, "-struct-text", str(path)], capture_output=True,
                          text=True, check=True).stdout
    spoken = _words(" ".join(re.findall(r'^\s*"(.*)"$', tree, flags=re.M)))
    printed = set(_words(subprocess.run([pdftotext, str(path), "-"], capture_output=True,
                                        text=True, check=True).stdout))
    assert len(spoken) > 100
    joined = [w for w in spoken if w not in printed]
    assert joined == [], " ".join(joined)


def test_logo_is_a_figure_with_the_templates_alt_text_and_the_school_is_the_author(tmp_path):
    import shutil
    import zlib

    template_dir = tmp_path / "template"
    shutil.copytree("templates/default", template_dir)
    raw = b"".join(b"\x00" + b"\x1f\x3a\x5f" * 8 for _ in range(8))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes.fromhex("0000000800000008") +
                                        b"\x08\x02\x00\x00\x00")
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    (template_dir / "logo.png").write_bytes(png)
    yaml = (template_dir / "template.yaml").read_text("utf-8")
    yaml = yaml.replace('school: ""', 'school: "Hailsham High"\nlogo: logo.png\n'
                                      'logo_alt: "Hailsham High crest"')
    (template_dir / "template.yaml").write_text(yaml, "utf-8")
    template = load_template(template_dir)
    doc = _specs()["student/discussion-guide"].compose("pdf")
    data = render_pdf(doc, template.render_options())
    assert pdfua_checks.check_all(data) == []
    pdf = pdfua_checks.open_pdf(data)
    figures = [e for e in pdfua_checks.elements(pdf) if e.S == "/Figure"]
    assert [str(f.Alt) for f in figures] == ["Hailsham High crest"]
    assert str(pdf.docinfo.Author) == "Hailsham High"
    assert "Ishiguro" not in str(pdf.docinfo.get("/Author", ""))


def test_a_paragraph_split_over_a_page_break_is_one_element():
    import pikepdf

    data, _ = rendered("student/discussion-guide", "large-print", "a4", False)
    pdf = pdfua_checks.open_pdf(data)
    spanning = [e for e in pdfua_checks.elements(pdf) if e.S == "/P" and any(
        isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR"
        for k in pdfua_checks._kids(e))]
    assert spanning  # its second part is a marked-content reference on the next page
    assert pdfua_checks.check_all(data) == []


def _line_ops(pdf, streams) -> int:
    import pikepdf

    return sum(1 for s in streams for _, op in pikepdf.parse_content_stream(s) if str(op) == "l")


def test_answer_rules_of_a_field_are_in_its_appearance_so_typing_never_crosses_them():
    """A viewer replaces a field's appearance with what is typed: rules drawn there (not on
    the page) cannot run through a typed answer, and still print on a blank sheet."""
    name = "student/worksheet-art-and-the-soul"
    printed = pdfua_checks.open_pdf(rendered(name)[0])
    fillable = pdfua_checks.open_pdf(rendered(name, fillable=True)[0])
    widgets = [a for page in fillable.pages for a in page.obj.get("/Annots", [])
               if a.get("/Subtype") == "/Widget" and int(a.get("/Ff", 0)) & (1 << 12)]
    in_fields = _line_ops(fillable, [w.AP.N for w in widgets])
    assert widgets and in_fields >= len(widgets)
    on_pages = [_line_ops(pdf, [p for p in pdf.pages]) for pdf in (printed, fillable)]
    assert on_pages[0] - on_pages[1] == in_fields
