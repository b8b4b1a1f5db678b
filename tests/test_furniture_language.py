"""The tool's own words follow `book.language`: a French and a Polish pack print their
furniture in French and Polish, in PDF and DOCX; a template's labels replace single words."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document as WordDocument

from nlmg_packs.builder.run import BuildRequest, run_build
from nlmg_packs.errors import PackError
from nlmg_packs.template import load_template
from tests.conftest import ROOT, edit
from tests.tools import require_tool

# language → words that must print, by document (each from the catalogue, none from the pack)
EXPECTED = {
    "fr": {"worksheet": ["Nom", "Date", "Classe", "Page 1 sur"],
           "teacher-worksheet": ["Enseignant\u00a0: réponse type", "Qui l’a dit, et à qui\u00a0?"],
           "guide": ["Sommaire", "À propos de ce guide", "Attention, révélations",
                     "Thèmes à repérer", "Légende"],
           "plan": ["Objectifs", "Les élèves sauront\u00a0:", "Déroulement", "Activité",
                    "Devoirs", "Notes de l’enseignant", "Page "]},
    "pl": {"worksheet": ["Imię i nazwisko", "Data", "Klasa", "Strona 1 z"],
           "teacher-worksheet": ["Nauczyciel: przykładowa odpowiedź",
                                 "Kto to powiedział i do kogo?"],
           "guide": ["Spis treści", "O tym przewodniku", "Uwaga, spoilery",
                     "Motywy, na które warto zwrócić uwagę", "Legenda"],
           "plan": ["Cele", "Uczniowie potrafią:", "Przebieg", "Działanie", "Praca domowa",
                    "Notatki nauczyciela", "Strona "]},
}
ENGLISH = ["Name", "Contents", "Spoiler warning", "Objectives", "Teacher: Model answer",
           "About this guide"]


def pdf_text(path: Path) -> str:
    return subprocess.run([require_tool("pdftotext"), str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def docx_text(path: Path) -> str:
    word = WordDocument(str(path))
    parts = [p.text for p in word.paragraphs]
    parts += [c.text for t in word.tables for row in t.rows for c in row.cells]
    for section in word.sections:
        parts += [p.text for p in section.footer.paragraphs]
        parts += [t.text for t in section.footer._element.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")]
    return "\n".join(parts)


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    import shutil

    from tests.conftest import FIXTURES

    language = request.param
    folder = tmp_path_factory.mktemp(language) / "mini"
    shutil.copytree(FIXTURES / "mini", folder)
    edit(folder / "pack.yaml", "  year: 1999\n", f"  year: 1999\n  language: {language}\n")
    out = folder.parent / "out"
    run_build(BuildRequest(packs=(folder,), out=out, formats="all"))
    return language, out / "mini"


def texts(root: Path, kind: str, fmt: str) -> str:
    where = {"worksheet": "common/student/worksheet-light-and-duty",
             "teacher-worksheet": "common/teacher/worksheet-light-and-duty",
             "guide": "common/student/discussion-guide",
             "plan": "literature/teacher/lesson-lit-1"}[kind]
    path = root / f"{where}.{fmt}"
    return pdf_text(path) if fmt == "pdf" else docx_text(path)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("kind", ["worksheet", "teacher-worksheet", "guide", "plan"])
def test_furniture_prints_in_the_pack_language(built, kind: str, fmt: str) -> None:
    language, root = built
    text = " ".join(texts(root, kind, fmt).split())
    for word in EXPECTED[language][kind]:
        assert " ".join(word.split()) in text, (language, kind, fmt, word)
    for english in ENGLISH:
        assert english not in text, (language, kind, fmt, english)


def test_a_template_label_replaces_a_word(mini: Path, tmp_path: Path) -> None:
    import shutil

    template = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates" / "default", template)
    with (template / "template.yaml").open("a", encoding="utf-8") as handle:
        handle.write('labels:\n  Name: "Pupil"\n  "Page {page} of {total}": "p. {page}/{total}"\n')
    out = tmp_path / "out"
    run_build(BuildRequest(packs=(mini,), out=out, formats="pdf",
                           kinds=frozenset({"worksheets"}), template=template))
    text = pdf_text(out / "mini" / "common" / "student" / "worksheet-light-and-duty.pdf")
    assert "Pupil" in text and "p. 1/" in text and "Name" not in text


@pytest.mark.parametrize("line, message", [
    ('labels:\n  Nmae: "Pupil"\n', "template.yaml:2:3: `Nmae` is not a message nlmg-packs "
                                    "prints — did you mean `Name`?"),
    ('labels:\n  "Page {page} of {total}": "Page {page}"\n',
     "template.yaml:2:3: the label for `Page {page} of {total}` must keep {page}, {total}"),
])
def test_a_bad_template_label_is_located(line: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "template.yaml").write_text(line, "utf-8")
    with pytest.raises(PackError) as caught:
        load_template(tmp_path)
    assert any(str(p).endswith(message) or message in str(p)
               for p in caught.value.problems), [str(p) for p in caught.value.problems]


def _document_texts(doc) -> list[str]:
    from dataclasses import fields, is_dataclass

    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif is_dataclass(value):
            for f in fields(value):
                walk(getattr(value, f.name))

    walk(doc)
    return out


@pytest.mark.parametrize("language", ["fr", "de", "es", "pl"])
def test_no_english_furniture_is_left_in_any_document(language: str, mini: Path) -> None:
    """Every document of the bundled pack, composed in `language`: no message of the catalogue
    whose translation differs from the English prints in English."""
    import re

    from nlmg_packs.compose.catalogue import catalogue
    from nlmg_packs.i18n import known_messages, words_for
    from nlmg_packs.pack import load_pack
    from nlmg_packs.pack.glyphs import pack_texts

    pack = load_pack(ROOT / "packs" / "never-let-me-go")
    book = pack.meta.book.model_copy(update={"language": language})
    pack.meta = pack.meta.model_copy(update={"book": book})
    words = words_for(language)
    # the fixed part of each message that a translation changes, at least 8 characters long
    english = {piece for m in known_messages() if words(m) != m
               for piece in re.split(r"\{\w+\}|\*", m) if len(piece.strip()) >= 8}
    leaks: set[str] = set()
    for spec in catalogue(pack):
        text = "\n".join(_document_texts(spec.compose("pdf")))
        leaks |= {piece for piece in english if piece in text}
    pack_text = "\n".join(t for _, _, t in pack_texts(pack))
    assert not {piece for piece in leaks if piece not in pack_text}, sorted(leaks)


# ---- the teaching apparatus: introduction, vocabulary, tests, rubrics ---------------------------

def _apparatus_labels() -> dict[str, list[str]]:
    from nlmg_packs.compose import labels as lb

    return {
        "introduction": [lb.INTRODUCTION, lb.ABOUT_AUTHOR, lb.FURTHER_READING,
                         *lb.FURTHER_READING_HEADER],
        "vocabulary": [*lb.VOCABULARY_HEADER, lb.MATCH_WORDS, lb.MATCH_WORDS_HOW, lb.USE_IT,
                       lb.IN_CONTEXT, *lb.MATCH_HEADER, lb.KEY],
        "tests": [lb.SCORE, lb.SECTIONS["multiple-choice"], lb.SECTIONS["true-false"],
                  lb.HOW_TO_ANSWER["multiple-choice"], lb.TRUE, lb.KEY,
                  lb.ANSWER_KEY, "Recall"],
        "rubrics": [lb.GUIDANCE, lb.RUBRIC_CRITERION, lb.LENGTH, lb.ASSIGNMENT["essay"]],
    }


@pytest.fixture(scope="module")
def bundled():
    from nlmg_packs.pack import load_pack
    from nlmg_packs.pack.glyphs import pack_texts

    pack = load_pack(ROOT / "packs" / "never-let-me-go")
    return pack, {t for _, _, t in pack_texts(pack)}


def _fixed(message: str) -> str:
    """The fixed text of a message before its first placeholder."""
    import re

    return re.split(r"\{\w+\}|\*\*", message)[0].strip()


@pytest.mark.parametrize("kind", ["introduction", "vocabulary", "tests", "rubrics"])
@pytest.mark.parametrize("language", ["fr", "de", "es", "pl"])
def test_apparatus_furniture_prints_in_the_pack_language(bundled, language: str,
                                                         kind: str) -> None:
    """Every document of `kind` of the bundled pack composed in `language`: its labels print
    translated, and no text of the document is an English message the catalogue translates
    (short headers like "Score" or "Word" included, which the piece check above passes over)."""
    from nlmg_packs.compose.catalogue import catalogue
    from nlmg_packs.i18n import known_messages, words_for

    pack, pack_text = bundled
    book = pack.meta.book.model_copy(update={"language": language})
    import copy

    localised = copy.copy(pack)
    localised.meta = pack.meta.model_copy(update={"book": book})
    words = words_for(language)
    specs = [spec for spec in catalogue(localised) if spec.kind == kind]
    assert specs, kind
    texts = [t for spec in specs for t in _document_texts(spec.compose("pdf"))]
    joined = "\n".join(texts)
    for message in _apparatus_labels()[kind]:
        assert words(message) != message, (language, message)
        assert _fixed(words(message)) in joined, (language, kind, message)
    english = {m for m in known_messages() if words(m) != m and m not in pack_text}
    assert not english & set(texts), sorted(english & set(texts))
    fixed = {_fixed(m) for m in english
             if "{" in m and len(_fixed(m)) >= 4 and _fixed(m) != _fixed(words(m))}
    assert not {t for f in fixed for t in texts if t.startswith(f) and t not in pack_text}
