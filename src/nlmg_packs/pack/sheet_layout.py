"""How a pack's lists are laid out as spreadsheet sheets: one sheet per list, one column per field.

Only the list-shaped data lives in sheets (prompts, quotations, worksheets and their activities,
courses, their lessons and the lessons' steps); `pack.yaml` stays YAML. A child list (activities,
lessons, steps) names its parent in a link column (`worksheet`, `course`, `lesson`).

Headers are matched without regard to case, spaces, dots, hyphens or underscores, in English or
in one of the languages below, so `Teacher notes`, `teacher_notes` and `Notes pour l'enseignant`
all name the same column. Standard library only: imported by the pack loader on every load.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

Kind = str
"""How a cell is read: `text`, `int` (whole number), `bool`, `list` (items separated by `;` or
line breaks) or `range` (a chapter, `7`, or a chapter range, `3-5`)."""


@dataclass(frozen=True)
class Column:
    """One field of a list as a spreadsheet column."""

    header: str
    """The English header, as `export-sheet` writes it."""
    path: tuple[str, ...]
    """Where the value goes inside one entry, e.g. ("source", "wording")."""
    kind: Kind = "text"


@dataclass(frozen=True)
class ListSheet:
    """One list of the pack as one sheet (or one CSV file)."""

    name: str
    """The sheet's English name in lower case; also the CSV file's stem (`quotes.csv`)."""
    file: str
    """The YAML file the list otherwise lives in."""
    key: str
    """The list's key in its file (top level) or in its parent entry; dotted when it sits
    deeper in the parent ("source.provenance")."""
    columns: tuple[Column, ...]
    parent: str | None = None
    """The sheet holding the entries this list belongs to."""
    link: str | None = None
    """The header of the column naming the parent entry's id."""

    @property
    def title(self) -> str:
        """The sheet's name as written in a workbook: `Quotes`."""
        return self.name.capitalize()


def _cols(*specs: str) -> tuple[Column, ...]:
    """`header` or `header:kind` or `header=dotted.path:kind`."""
    columns = []
    for spec in specs:
        head, _, kind = spec.partition(":")
        header, _, dotted = head.partition("=")
        path = tuple((dotted or header).split("."))
        columns.append(Column(header.replace("_", " "), path, kind or "text"))
    return tuple(columns)


SHEETS: tuple[ListSheet, ...] = (
    ListSheet("prompts", "discussion.yaml", "prompts", _cols(
        "id", "text", "part", "chapters:range", "themes:list", "level", "audience",
        "teacher_notes")),
    ListSheet("prompt standards", "discussion.yaml", "standards", _cols(
        "framework", "code"), parent="prompts", link="prompt"),
    ListSheet("quotes", "quotes.yaml", "quotes", _cols(
        "id", "text", "speaker", "addressee", "chapter:int", "themes:list", "context",
        "questions:list", "model_answer", "wording=source.wording", "verified=source.verified:bool",
        "edition=source.edition", "source_note=source.note")),
    ListSheet("provenance", "quotes.yaml", "source.provenance", _cols(
        "source", "title", "url", "chapter:int"), parent="quotes", link="quote"),
    ListSheet("worksheets", "worksheets.yaml", "worksheets", _cols(
        "id", "title", "theme", "part", "intro")),
    ListSheet("activities", "worksheets.yaml", "activities", _cols(
        "type", "title", "instructions", "quotes:list", "prompt", "model_answer", "lines:int"),
        parent="worksheets", link="worksheet"),
    ListSheet("courses", "courses.yaml", "courses", _cols(
        "id", "name", "audience", "focus", "themes:list")),
    ListSheet("lessons", "courses.yaml", "lessons", _cols(
        "id", "title", "minutes:int", "objectives:list", "standards:list", "chapters:range",
        "worksheets:list", "prompts:list", "quotes:list", "materials:list",
        "assessments:list", "assessment",
        "support=differentiation.support", "stretch=differentiation.stretch", "homework"),
        parent="courses", link="course"),
    ListSheet("steps", "courses.yaml", "sequence", _cols(
        "minutes:int", "activity", "teacher", "students"), parent="lessons", link="lesson"),
)
"""Every list a spreadsheet may hold, parents before their children."""

BY_NAME = {sheet.name: sheet for sheet in SHEETS}

TRANSLATIONS: dict[str, dict[str, str]] = {
    "fr": {"prompt standards": "programmes des questions",
           "framework": "référentiel", "code": "code",
           "provenance": "sources publiques", "quote": "citation", "source": "source",
           "url": "adresse", "prompts": "questions de discussion", "quotes": "citations",
           "worksheets": "fiches",
           "activities": "activités", "courses": "cours", "lessons": "leçons",
           "steps": "étapes", "text": "texte", "part": "partie", "chapters": "chapitres",
           "themes": "thèmes", "level": "niveau", "audience": "public",
           "teacher notes": "notes pour l'enseignant", "speaker": "locuteur",
           "addressee": "destinataire", "chapter": "chapitre", "context": "contexte",
           "questions": "questions", "model answer": "réponse modèle", "wording": "source du texte",
           "verified": "vérifiée", "edition": "édition", "source note": "note sur la source",
           "title": "titre", "theme": "thème", "intro": "introduction", "type": "type",
           "instructions": "consignes", "prompt": "sujet", "lines": "lignes",
           "name": "nom", "focus": "objectif", "minutes": "minutes",
           "objectives": "objectifs", "standards": "programmes", "materials": "matériel",
           "assessments": "contrôles et devoirs", "assessment": "évaluation",
           "support": "soutien", "stretch": "approfondissement",
           "homework": "devoirs", "worksheet": "fiche", "course": "cours", "lesson": "leçon",
           "activity": "activité", "teacher": "enseignant", "students": "élèves"},
    "de": {"prompt standards": "lehrplanbezug der fragen",
           "framework": "rahmenlehrplan", "code": "kennung",
           "provenance": "belege", "quote": "zitat", "source": "quelle", "url": "adresse",
           "prompts": "diskussionsfragen", "quotes": "zitate", "worksheets": "arbeitsblätter",
           "activities": "aufgaben", "courses": "kurse", "lessons": "stunden",
           "steps": "phasen", "text": "text", "part": "teil", "chapters": "kapitel",
           "themes": "themen", "level": "niveau", "audience": "zielgruppe",
           "teacher notes": "hinweise für lehrkräfte", "speaker": "sprecher",
           "addressee": "adressat", "chapter": "kapitelnummer", "context": "kontext",
           "questions": "fragen", "model answer": "musterlösung", "wording": "quelle des wortlauts",
           "verified": "geprüft", "edition": "ausgabe", "source note": "anmerkung zur quelle",
           "title": "titel", "theme": "thema", "intro": "einleitung", "type": "art",
           "instructions": "arbeitsanweisung", "prompt": "aufgabenstellung", "lines": "zeilen",
           "name": "name", "focus": "schwerpunkt", "minutes": "minuten", "objectives": "lernziele",
           "standards": "lehrplanbezug", "materials": "material",
           "assessments": "klassenarbeiten und aufsätze", "assessment": "lernkontrolle",
           "support": "unterstützung", "stretch": "vertiefung", "homework": "hausaufgabe",
           "worksheet": "arbeitsblatt", "course": "kurs", "lesson": "stunde",
           "activity": "phase", "teacher": "lehrkraft", "students": "schüler"},
    "es": {"prompt standards": "estándares de las preguntas",
           "framework": "marco", "code": "código",
           "provenance": "procedencia", "quote": "cita", "source": "fuente",
           "url": "dirección", "prompts": "preguntas de debate", "quotes": "citas",
           "worksheets": "fichas",
           "activities": "actividades", "courses": "cursos", "lessons": "clases",
           "steps": "pasos", "text": "texto", "part": "parte", "chapters": "capítulos",
           "themes": "temas", "level": "nivel", "audience": "público",
           "teacher notes": "notas para el docente", "speaker": "hablante",
           "addressee": "destinatario", "chapter": "capítulo", "context": "contexto",
           "questions": "preguntas", "model answer": "respuesta modelo",
           "wording": "origen del texto", "verified": "verificada", "edition": "edición",
           "source note": "nota sobre la fuente", "title": "título", "theme": "tema",
           "intro": "introducción", "type": "tipo", "instructions": "instrucciones",
           "prompt": "consigna", "lines": "líneas", "name": "nombre", "focus": "enfoque",
           "minutes": "minutos", "objectives": "objetivos", "standards": "estándares",
           "materials": "materiales", "assessments": "pruebas y trabajos",
           "assessment": "evaluación", "support": "apoyo",
           "stretch": "ampliación", "homework": "deberes", "worksheet": "ficha",
           "course": "curso", "lesson": "clase", "activity": "actividad",
           "teacher": "docente", "students": "alumnos"},
    "pl": {"prompt standards": "wymagania pytań",
           "framework": "podstawa", "code": "kod",
           "provenance": "pochodzenie", "quote": "cytat", "source": "źródło", "url": "adres",
           "prompts": "pytania do dyskusji", "quotes": "cytaty", "worksheets": "karty pracy",
           "activities": "zadania", "courses": "kursy", "lessons": "lekcje",
           "steps": "etapy", "text": "tekst", "part": "część", "chapters": "rozdziały",
           "themes": "motywy", "level": "poziom", "audience": "odbiorcy",
           "teacher notes": "uwagi dla nauczyciela", "speaker": "mówiący",
           "addressee": "adresat", "chapter": "rozdział", "context": "kontekst",
           "questions": "pytania", "model answer": "wzorcowa odpowiedź",
           "wording": "źródło brzmienia", "verified": "sprawdzony", "edition": "wydanie",
           "source note": "uwaga o źródle", "title": "tytuł", "theme": "motyw",
           "intro": "wstęp", "type": "rodzaj", "instructions": "polecenie",
           "prompt": "temat wypowiedzi", "lines": "linie", "name": "nazwa",
           "focus": "cel kursu", "minutes": "minuty", "objectives": "cele",
           "standards": "wymagania", "materials": "materiały",
           "assessments": "sprawdziany i prace", "assessment": "ocenianie",
           "support": "wsparcie", "stretch": "rozszerzenie", "homework": "praca domowa",
           "worksheet": "karta pracy", "course": "kurs", "lesson": "lekcja",
           "activity": "etap lekcji", "teacher": "nauczyciel", "students": "uczniowie"},
}
"""Sheet names and headers in French, German, Spanish and Polish, by language subtag; English
always works too. Only words: the languages' catalogues for printed labels live elsewhere."""


def normalise(header: str) -> str:
    """A header reduced for matching: NFC, lower case, no spaces, dots, hyphens, underscores."""
    text = unicodedata.normalize("NFC", header).casefold()
    return re.sub(r"[\s._\-’']+", "", text)


def _aliases(english: str) -> set[str]:
    found = {normalise(english)}
    for table in TRANSLATIONS.values():
        if english in table:
            found.add(normalise(table[english]))
    return found


def sheet_for(title: str) -> ListSheet | None:
    """The list a sheet (or CSV file stem) of this name holds, in any known language."""
    wanted = normalise(title)
    return next((s for s in SHEETS if wanted in _aliases(s.name)), None)


def column_for(sheet: ListSheet, header: str) -> Column | str | None:
    """The column a header names; the link column's header comes back as the string "link"."""
    wanted = normalise(header)
    if sheet.link and wanted in _aliases(sheet.link):
        return "link"
    return next((c for c in sheet.columns if wanted in _aliases(c.header)), None)


def headers(sheet: ListSheet, language: str = "en") -> list[str]:
    """The header row `export-sheet` and `new --from-spreadsheet` write, in `language` when
    there is a translation (a BCP 47 tag such as `fr-FR`; its first subtag picks the table)."""
    table = TRANSLATIONS.get(language.split("-")[0].lower(), {})
    names = ([sheet.link] if sheet.link else []) + [c.header for c in sheet.columns]
    return [table.get(name, name) for name in names]


def sheet_title(sheet: ListSheet, language: str = "en") -> str:
    """The sheet's name in `language` (or English), capitalised, at most 31 characters (Excel)."""
    table = TRANSLATIONS.get(language.split("-")[0].lower(), {})
    return table.get(sheet.name, sheet.name).capitalize()[:31]
