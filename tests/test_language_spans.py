"""Words in another language: `[Je ne sais quoi]{lang=fr}` in pack text, and a quotation's
`language:`, read back from every output (PDF structure, DOCX runs, HTML); right-to-left
lines carry their reading order; a malformed span is refused at its line."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import unicodedata
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from nlmg_packs import document as d
from nlmg_packs.builder.run import BuildRequest, run_build
from nlmg_packs.errors import PackError
from nlmg_packs.render import pdf_spans
from nlmg_packs.render.docx import render_docx
from nlmg_packs.render.html import render_html
from nlmg_packs.render.inline import Run, parse_inline, plain_text
from nlmg_packs.render.pdf import render_pdf
from nlmg_packs.template import load_template
from tests import pdfua_checks
from tests.conftest import edit
from tests.sample_documents import every_block
from tests.tools import require_tool

ROOT = Path(__file__).resolve().parent.parent
PROMPT = "text: Which moment of the book stayed with you longest?"
FRENCH = "Mara calls it [un *je ne sais* quoi]{lang=fr}, and [x] stays as typed."
HEBREW_QUOTE = "שלום עולם, מה זוכרת מרה על הלילה הראשון? לא כלום, אמרה."


@pytest.mark.parametrize("text, runs", [
    ("a [mots]{lang=fr} b", (Run("a "), Run("mots", lang="fr"), Run(" b"))),
    ("[Grüezi]{lang=de-CH}", (Run("Grüezi", lang="de-CH"),)),
    ("[*Je* ne]{lang=fr}", (Run("Je", italic=True, lang="fr"), Run(" ne", lang="fr"))),
    ("*a [b]{lang=de} c*", (Run("a ", italic=True), Run("b", italic=True, lang="de"),
                            Run(" c", italic=True))),
    ("**[x]{lang=es}**", (Run("x", bold=True, lang="es"),)),
    # text stays data: nothing but a well-formed span is markup
    ("[x] and [y](z)", (Run("[x] and [y](z)"),)),
    ("[x]{.smallcaps} [y]{#id}", (Run("[x]{.smallcaps} [y]{#id}"),)),
    ("[a [b]{lang=fr}", (Run("[a "), Run("b", lang="fr"))),
])
def test_spans_parse_into_runs_with_their_language(text: str, runs: tuple[Run, ...]) -> None:
    assert parse_inline(text) == runs


@given(st.text(alphabet=st.characters(blacklist_characters="*{", blacklist_categories=("Cs",))))
def test_text_without_span_or_emphasis_is_one_literal_run(text: str) -> None:
    assert plain_text(text) == text
    assert all(run.lang is None for run in parse_inline(text))


@given(st.text(alphabet=st.characters(blacklist_characters="*[]", blacklist_categories=("Cs",)),
               min_size=1), st.sampled_from(["fr", "de-CH", "he", "haw"]))
def test_any_words_in_a_span_keep_their_text_and_language(words: str, lang: str) -> None:
    assert parse_inline(f"[{words}]{{lang={lang}}}") == (Run(words, lang=lang),)


@pytest.mark.parametrize("text, message", [
    ("[Je ne sais quoi]{lang=French}", "`French` is not a language tag"),
    ("[Je ne sais quoi]{lang=FR}", "`FR` is not a language tag"),
    ("[Je ne sais quoi]{lang=}", "`` is not a language tag"),
    ("[Je ne sais quoi]{lang=fr", "a language span is not closed or has no `[` before it"),
    ("Je ne sais quoi]{lang=fr}", "a language span is not closed or has no `[` before it"),
    ("[Je ne sais quoi{lang=fr}", "a language span is not closed or has no `[` before it"),
])
def test_a_malformed_span_is_refused_at_its_line(text: str, message: str, mini: Path,
                                                 tmp_path: Path) -> None:
    edit(mini / "discussion.yaml", PROMPT, f'text: "{text}"')
    with pytest.raises(PackError) as caught:
        run_build(BuildRequest(packs=(mini,), out=tmp_path / "out"))
    found = [str(p) for p in caught.value.problems]
    assert any(m.startswith(str(mini / "discussion.yaml") + ":18:5: `text`: " + message)
               or f"discussion.yaml:18:5: `text`: {message}" in m for m in found), found
    assert " — " in found[0]
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_a_bad_quotation_language_is_refused(mini: Path, tmp_path: Path) -> None:
    edit(mini / "quotes.yaml", "    chapter: 2\n", "    chapter: 2\n    language: French\n")
    with pytest.raises(PackError) as caught:
        run_build(BuildRequest(packs=(mini,), out=tmp_path / "out"))
    assert any("quotes.yaml:7:5: `language` has an invalid value" in str(p)
               for p in caught.value.problems), caught.value.problems


# --- outputs ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def options():
    template = load_template(ROOT / "templates" / "default")
    return template.render_options("a4", "standard", False, 0, None)


def sample() -> d.Document:
    return dataclasses.replace(every_block("student"), blocks=(
        d.Heading("Languages", 1),
        d.Paragraph(FRENCH),
        d.Quote("Der Leuchtturm fragt nicht, wer draußen ist.", "Mara, Chapter 2",
                language="de"),
        d.Question(1, "Was heißt [Leuchtturm]{lang=de}?", lines=2),
        d.Quote(HEBREW_QUOTE, "Mara, Chapter 3", language="he"),
    ))


_OPEN: list[pikepdf.Pdf] = []
"""Files whose objects a test still reads."""


def _elements(data: bytes):
    """(structure element, its parent's type) in reading order."""
    _OPEN.append(pdf := pikepdf.open(BytesIO(data)))
    return [(e, str(e.P.get("/S", ""))) for e in pdfua_checks.elements(pdf)]


def test_pdf_spans_are_span_elements_with_lang(options, tmp_path: Path) -> None:
    data = render_pdf(sample(), options)
    spans = [(str(e.Lang), parent) for e, parent in _elements(data)
             if e.S == "/Span" and "/Lang" in e]
    assert spans == [("fr", "/P"), ("de", "/P")]  # the paragraph's words, the question's
    quotes = [str(e.get("/Lang")) for e, parent in _elements(data)
              if e.S == "/P" and parent == "/BlockQuote"]
    assert quotes == ["de", "None", "he", "None"]  # each quotation, then its citation
    path = tmp_path / "spans.pdf"
    path.write_bytes(data)
    struct = subprocess.run([require_tool("pdfinfo"), "-struct-text", str(path)],
                            capture_output=True, text=True, check=True).stdout
    assert re.search(r'"Mara calls it "\n\s+Span \(inline\)\n\s+"un je ne sais quoi"\n'
                     r'\s+", and \[x\] stays as', struct), struct
    assert pdfua_checks.check_all(data) == []
    assert pdfua_checks.pdfua_findings(data, path) == []


def test_pdf_right_to_left_lines_carry_their_reading_order(options) -> None:
    actual = [str(e.ActualText) for e, parent in _elements(render_pdf(sample(), options))
              if e.S == "/Span" and "/ActualText" in e]
    assert actual and " ".join(actual) == HEBREW_QUOTE


def test_docx_runs_name_their_language(options) -> None:
    word = WordDocument(BytesIO(render_docx(sample(), options)))
    langs = {}
    for paragraph in word.paragraphs:
        for run in paragraph.runs:
            lang = run._r.rPr.find(qn("w:lang")) if run._r.rPr is not None else None
            langs[run.text] = (lang.get(qn("w:val")), lang.get(qn("w:bidi")))
    assert langs["je ne sais"] == ("fr", None)
    assert langs["un "] == ("fr", None) and langs[" quoi"] == ("fr", None)
    assert langs["Mara calls it "][0] == "en-GB"
    assert langs["Leuchtturm"] == ("de", None)
    assert langs["Der Leuchtturm fragt nicht, wer draußen ist."] == ("de", None)
    assert langs[HEBREW_QUOTE] == ("he", "he")


def test_html_spans_and_quotations_have_lang(options) -> None:
    tree = lxml_html.document_fromstring(render_html(sample(), options))
    assert [(s.get("lang"), s.text_content()) for s in tree.xpath("//span[@lang]")] == [
        ("fr", "un je ne sais quoi"), ("de", "Leuchtturm")]
    assert tree.xpath("//span[@lang='fr']/em")[0].text == "je ne sais"
    assert [(q.get("lang"), q.get("dir")) for q in tree.xpath("//blockquote")] == [
        ("de", None), ("he", "rtl")]
    assert "[x] stays as typed" in tree.text_content()


MIXED = "שלום עולם, מה זוכרת מרה? ماذا تتذكر مارا عن الليلة الأولى؟ She wrote (Hello) 123 לא כלום."


def _rtl_doc() -> d.Document:
    return dataclasses.replace(every_block("student"), blocks=(
        d.Heading("Languages", 1),
        d.Paragraph(" ".join([HEBREW_QUOTE, MIXED] * 3)),
        d.Question(1, "She wrote שלום עולם in the log, then ماذا تتذكر in Arabic.", lines=1),
    ))


def _struct_text(data: bytes, path: Path) -> str:
    path.write_bytes(data)
    out = subprocess.run([require_tool("pdfinfo"), "-struct-text", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)


def test_pdf_right_to_left_content_is_in_reading_order(options, tmp_path: Path) -> None:
    """The structure's text (as assistive technology reads the marked content) is in reading
    order, each line's glyphs shown in logical order at their visual places."""
    data = render_pdf(_rtl_doc(), options)
    lines = [line.strip().strip('"') for line in _struct_text(data, tmp_path / "a.pdf")
             .splitlines() if re.search("[\u0590-\u06ff]", line)]
    assert " ".join(lines) == " ".join([HEBREW_QUOTE, MIXED] * 3) + " " + \
        "She wrote שלום עולם in the log, then ماذا تتذكر in Arabic."
    assert pdfua_checks.check_all(data) == []


def test_pdf_reading_order_changes_nothing_on_the_page(options, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ordered = render_pdf(_rtl_doc(), options)
    monkeypatch.setattr(pdf_spans, "show_in_reading_order", lambda *args: False)
    drawn = render_pdf(_rtl_doc(), options)
    assert drawn != ordered
    pictures = []
    for name, data in (("ordered", ordered), ("drawn", drawn)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run([require_tool("pdftoppm"), "-r", "150", "-png", "-f", "1", "-l", "1",
                        str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
        pictures.append(next(tmp_path.glob(f"{name}-*.png")).read_bytes())
    assert pictures[0] == pictures[1]


def test_a_span_over_a_page_break_is_a_span_on_each_page(options) -> None:
    words = " ".join(["le phare ne demande pas qui est dehors"] * 80)
    doc = dataclasses.replace(every_block("student"), blocks=(
        d.Heading("Split", 1), *[d.Paragraph("A line to push the text down the page.")] * 20,
        d.Paragraph(f"Before [{words}]{{lang=fr}} after.")))
    data = render_pdf(doc, options)
    spans = [e for e, parent in _elements(data) if e.S == "/Span"]
    assert [(str(s.Lang), s.P.objgen) for s in spans] == [("fr", spans[0].P.objgen)] * 2
    assert spans[0].Pg.objgen != spans[1].Pg.objgen  # one on each page
    assert pdfua_checks.check_all(data) == []
    assert render_pdf(doc, options) == data  # reproducible
