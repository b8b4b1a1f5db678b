"""Text in the world's languages: the bundled DejaVu fonts draw it, Unicode is settled on load
the same way for the glyph check and both renderers, and right-to-left text reads in order."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document as WordDocument

from nlmg_packs.builder.run import BuildRequest, run_build
from nlmg_packs.errors import PackError
from nlmg_packs.pack import load_pack
from tests.conftest import edit
from tests.tools import require_tool

PROMPT = "text: Which moment of the book stayed with you longest?"

WORLD = {
    "polish": "Zażółć gęślą jaźń — co pamięta Mara?",
    "czech": "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "welsh": "Ŵyr y ŷd a’r dŵr: beth mae Mara’n ei gofio?",
    "vietnamese": "Tiếng Việt: Mara nhớ gì về đêm đầu tiên thắp đèn?",
    "greek": "Τι θυμάται η Μάρα από την πρώτη νύχτα;",
    "russian": "Что Мара помнит о первой ночи у маяка?",
    "romanian": "Ce își amintește Mara? Știință și țară.",
    "hungarian": "Árvíztűrő tükörfúrógép: mire emlékszik Mara?",
    "latvian": "Ko Māra atceras par pirmo nakti pie bākas? Ģērbies, ķēniņ!",
}

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_text(path: Path) -> str:
    """The PDF's text as poppler reads it, with Arabic presentation forms folded back to
    letters (NFKC) and the direction marks poppler adds removed."""
    out = subprocess.run([require_tool("pdftotext"), str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return unicodedata.normalize("NFKC", _BIDI_MARKS.sub("", out))


def build_guide(mini: Path, out: Path, formats: str = "pdf") -> Path:
    run_build(BuildRequest(packs=(mini,), out=out, formats=formats,
                           kinds=frozenset({"guide"})))
    return out / "mini" / "common" / "student"


@pytest.mark.parametrize("language", sorted(WORLD))
def test_world_prompts_build_and_read_back(language: str, mini: Path, tmp_path: Path) -> None:
    text = WORLD[language]
    decomposed = unicodedata.normalize("NFD", text)  # as pasted from a Mac
    edit(mini / "discussion.yaml", PROMPT, f'text: "{decomposed}"')
    folder = build_guide(mini, tmp_path / "out")
    read = " ".join(pdf_text(folder / "book-club-guide.pdf").split())
    assert unicodedata.normalize("NFC", text) in read


def test_decomposed_text_is_composed_on_load(mini: Path) -> None:
    edit(mini / "discussion.yaml", PROMPT, "text: Cafe\u0301 and Vie\u0323\u0302t")
    prompt = next(p for p in load_pack(mini).prompts if p.id == "club-one")
    assert prompt.text == "Café and Việt"


@pytest.mark.parametrize("pasted, settled", [
    ("soft\u00adhyphen", "softhyphen"),
    ("zero\u200bwidth", "zerowidth"),
    ("word\u2060joiner", "wordjoiner"),
    ("byte\ufefforder", "byteorder"),
    ("thin\u2009space", "thin space"),
    ("hair\u200aspace", "hair space"),
    ("em\u2003space", "em space"),
    ("Bonjour\u202f!", "Bonjour\u00a0!"),
    ("12\u2007345", "12\u00a0345"),
])
def test_pasted_invisibles_are_settled_alike_everywhere(pasted: str, settled: str, mini: Path,
                                                        tmp_path: Path) -> None:
    edit(mini / "discussion.yaml", PROMPT, f"text: Say {pasted} now")
    prompt = next(p for p in load_pack(mini).prompts if p.id == "club-one")
    assert prompt.text == f"Say {settled} now"
    folder = build_guide(mini, tmp_path / "out", formats="all")
    assert f"Say {settled} now".replace("\u00a0", " ") in pdf_text(
        folder / "book-club-guide.pdf").replace("\u00a0", " ")
    word = WordDocument(str(folder / "book-club-guide.docx"))
    assert any(f"Say {settled} now" in p.text for p in word.paragraphs)


@pytest.mark.parametrize("char", ["\u2061", "\u206a", "\ufe0f", "\U000e0041", "\u180e"])
def test_an_invisible_character_that_cannot_print_is_located(char: str, mini: Path) -> None:
    edit(mini / "discussion.yaml", PROMPT, f"text: Which moment{char} stayed with you?")
    with pytest.raises(PackError) as caught:
        load_pack(mini)
    messages = [str(p) for p in caught.value.problems]
    assert any(m.endswith(f"discussion.yaml:18:23: invisible character U+{ord(char):04X} "
                          f"({unicodedata.name(char)}) — delete it (it usually comes with text "
                          "pasted from a word processor)") for m in messages), messages


@pytest.mark.parametrize("text", [
    "שלום עולם, מה זוכרת מרה על הלילה הראשון?",
    "ماذا تتذكر مارا عن الليلة الأولى؟ لا شيء.",
    "She wrote שלום עולם in the log, then ماذا تتذكر in Arabic.",
    "מרה כתבה ביומן את המילה Hello ואת המספר 123 בספר שלה.",
])
def test_right_to_left_text_reads_back_in_logical_order(text: str, mini: Path,
                                                        tmp_path: Path) -> None:
    # Poppler reads a line in the page's main direction: a right-to-left page needs more
    # right-to-left letters on it than the English furniture has.
    text = " ".join([text] * 12)
    edit(mini / "discussion.yaml", PROMPT, f'text: "{text}"')
    folder = build_guide(mini, tmp_path / "out", formats="all")
    # Poppler moves a space next to punctuation it sets apart as a left-to-right run, so the
    # order of every other character is compared.
    assert "".join(text.split()) in "".join(pdf_text(folder / "book-club-guide.pdf").split())
    word = WordDocument(str(folder / "book-club-guide.docx"))
    paragraph = next(p for p in word.paragraphs if text in p.text)
    rtl = text[0] not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    assert (paragraph._p.pPr is not None and paragraph._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None) == rtl
    runs = [r for r in paragraph.runs if r.text.strip()]
    assert any(r._r.rPr is not None and r._r.rPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rtl") is not None
        for r in runs) == rtl


def test_right_to_left_lines_break_in_reading_order(mini: Path, tmp_path: Path) -> None:
    """A long Hebrew paragraph: its first words are on the first line (reordering the whole
    paragraph before breaking it would put them last)."""
    words = [f"מילה{n}" for n in "אבגדהוזחטיכלמנסעפצקרשת" * 3]
    edit(mini / "discussion.yaml", PROMPT, "text: " + " ".join(words))
    folder = build_guide(mini, tmp_path / "out")
    lines = [line for line in pdf_text(folder / "book-club-guide.pdf").splitlines()
             if "מילה" in line]
    assert len(lines) > 1
    assert lines[0].split()[0] == words[0]
    assert " ".join(" ".join(lines).split()) == " ".join(words)


@pytest.mark.parametrize("text, message", [
    ("שָׁלוֹם עולם", "the mark U+05B8 (HEBREW POINT QAMATS) cannot be placed on its letter"),
    ("مرحبا *بالعالم* اليوم", "bold or italic inside right-to-left text cannot be drawn"),
    ("नमस्ते दुनिया", "needs a text shaping engine"),
])
def test_what_cannot_be_drawn_right_is_refused_at_its_line(text: str, message: str,
                                                           mini: Path, tmp_path: Path) -> None:
    edit(mini / "discussion.yaml", PROMPT, f'text: "{text}"')
    with pytest.raises(PackError) as caught:
        build_guide(mini, tmp_path / "out")
    found = [str(p) for p in caught.value.problems]
    assert any("discussion.yaml:18:5:" in m and message in m for m in found), found
    assert not list((tmp_path / "out").rglob("*.pdf"))
