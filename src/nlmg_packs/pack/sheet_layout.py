"""How a pack's lists are laid out as spreadsheet sheets: one sheet per list, one column per field.

Every list-shaped file can live in sheets: prompts, quotations (with their public sources, page
references and narrative frame), worksheets and their activities, courses, their lessons and
the lessons' steps, vocabulary, test items and tests, rubrics (with their criteria) and
assignments. `pack.yaml` and `matter.yaml` stay YAML. A child list (activities, lessons,
steps, a quotation's pages...) names its parent in a link column (`worksheet`, `course`,
`lesson`, `quote`).

A test item is one row: its options in numbered columns `option 1`, `option 2`... with
`rationale 1`... beside them and the numbers of the right ones in `correct` (`1; 3`), as
Kahoot's question template and the Moodle and Canvas spreadsheet imports lay them out; a
matching item's pairs in `left quote 1` or `left text 1` against `right character 1` or
`right text 1`. A rubric's levels are `level 1`, `points 1`...

Headers are matched without regard to case, spaces, dots, hyphens or underscores, in English or
in one of the languages of `sheet_words`, so `Teacher notes`, `teacher_notes` and `Notes pour
l'enseignant` all name the same column. Standard library only: imported by the pack loader on
every load.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from nlmg_packs.pack.sheet_words import TRANSLATIONS

Kind = str
"""How a cell is read: `text`, `int` (whole number), `bool`, `list` (items separated by `;` or
line breaks), `range` (a chapter, `7`, or a chapter range, `3-5`), `unit`, `units`, `span`,
`standards` or `marks`: see `sheet_values`."""

NUMBER = "#"
"""In a numbered column's path, where the column's number goes: ("options", "#", "text")."""


@dataclass(frozen=True)
class Column:
    """One field of a list as a spreadsheet column."""

    header: str
    """The English header, as `export-sheet` writes it (a numbered column adds ` 1`, ` 2`...)."""
    path: tuple[str | int, ...]
    """Where the value goes inside one entry, e.g. ("source", "wording"); a numbered column's
    path holds NUMBER, then (once read from a header) that number, 1 for `option 1`."""
    kind: Kind = "text"
    numbered: bool = False
    """One column per list element: `option 1`, `option 2`..."""

    @property
    def group(self) -> str | None:
        """The list a numbered column (or a `marks` column) fills, e.g. "options"."""
        return str(self.path[0]) if NUMBER in self.path or self.numbered else None

    def number(self, n: int) -> Column:
        """This numbered column for element `n` (1-based)."""
        return dataclasses.replace(self, path=tuple(n if p == NUMBER else p for p in self.path))


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
    id_field: str = "id"
    """The field children name this sheet's entries by (`word` for vocabulary)."""

    @property
    def title(self) -> str:
        """The sheet's name as written in a workbook: `Quotes`."""
        return self.name.capitalize()


def _cols(*specs: str) -> tuple[Column, ...]:
    """`header` or `header:kind` or `header=dotted.path:kind`; a header ending in `#` is a
    numbered column (`option#=options.#.text`)."""
    columns = []
    for spec in specs:
        head, _, kind = spec.partition(":")
        header, _, dotted = head.partition("=")
        numbered = header.endswith(NUMBER)
        header = header.rstrip(NUMBER)
        path = tuple((dotted or header).split("."))
        columns.append(Column(header.replace("_", " "), path, kind or "text", numbered))
    return tuple(columns)


_SOURCE = ("wording=source.wording", "verified=source.verified:bool", "edition=source.edition",
           "source_note=source.note")
_PROVENANCE = ("source", "title", "url", "chapter:int")

SHEETS: tuple[ListSheet, ...] = (
    ListSheet("prompts", "discussion.yaml", "prompts", _cols(
        "id", "text", "part", "chapters:range", "themes:list", "level", "audience",
        "teacher_notes", "units:units")),
    ListSheet("prompt standards", "discussion.yaml", "standards", _cols(
        "framework", "code"), parent="prompts", link="prompt"),
    ListSheet("quotes", "quotes.yaml", "quotes", _cols(
        "id", "text", "speaker", "addressee", "chapter:int", "themes:list", "context",
        "questions:list", "model_answer", *_SOURCE, "addressees:list", "mode", "unit:unit",
        "language")),
    ListSheet("provenance", "quotes.yaml", "source.provenance", _cols(*_PROVENANCE),
              parent="quotes", link="quote"),
    ListSheet("pages", "quotes.yaml", "pages", _cols("edition", "page:span", "line:span"),
              parent="quotes", link="quote"),
    ListSheet("frame", "quotes.yaml", "frame", _cols("speaker", "addressees:list", "mode"),
              parent="quotes", link="quote"),
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
        "support=differentiation.support", "stretch=differentiation.stretch", "homework",
        "units:units"),
        parent="courses", link="course"),
    ListSheet("steps", "courses.yaml", "sequence", _cols(
        "minutes:int", "activity", "teacher", "students"), parent="lessons", link="lesson"),
    ListSheet("vocabulary", "vocabulary.yaml", "words", _cols(
        "word", "form", "part_of_speech", "definition", "part", "chapter:int", "unit:unit",
        "from_quote", "quote", *_SOURCE, "example", "note"), id_field="word"),
    ListSheet("word sources", "vocabulary.yaml", "source.provenance", _cols(*_PROVENANCE),
              parent="vocabulary", link="word"),
    ListSheet("items", "tests.yaml", "items", _cols(
        "id", "type", "points:int", "question", "statement", "answer:bool", "correction",
        "model_answer", "option#=options.#.text", "rationale#=options.#.rationale",
        "correct=options.#.correct:marks", "quote", "blank",
        "left_quote#=pairs.#.quote", "left_text#=pairs.#.text",
        "right_character#=pairs.#.character", "right_text#=pairs.#.match",
        "lines:int", "part", "chapters:range", "units:units", "themes:list", "level",
        "standards:standards")),
    ListSheet("tests", "tests.yaml", "tests", _cols(
        "id", "title", "part", "instructions", "minutes:int", "items:list", "seed")),
    ListSheet("rubrics", "rubrics.yaml", "rubrics", _cols(
        "id", "title", "level#=levels.#.name", "points#=levels.#.points:int", "total:int")),
    ListSheet("criteria", "rubrics.yaml", "criteria", _cols("name", "descriptors:list"),
              parent="rubrics", link="rubric"),
    ListSheet("assignments", "rubrics.yaml", "assignments", _cols(
        "id", "type", "title", "prompt", "guidance:list", "length", "rubric", "part",
        "themes:list", "level", "standards:standards")),
)
"""Every list a spreadsheet may hold, parents before their children."""

BY_NAME = {sheet.name: sheet for sheet in SHEETS}

NUMBERED_COUNT = 4
"""Numbered columns a starter workbook writes per list (four options, four pairs, levels)."""


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
    """The column a header names; the link column's header comes back as the string "link",
    a numbered column's (`Option 3`) as that column for its number (`Column.number(3)`)."""
    wanted = normalise(header)
    if sheet.link and wanted in _aliases(sheet.link):
        return "link"
    found = next((c for c in sheet.columns if not c.numbered and wanted in _aliases(c.header)),
                 None)
    numbered = re.fullmatch(r"(.*?)0*([1-9]\d{0,2})", wanted)
    if found is None and numbered:
        return next((c.number(int(numbered.group(2))) for c in sheet.columns
                     if c.numbered and numbered.group(1) in _aliases(c.header)), None)
    return found


def written_columns(sheet: ListSheet, counts: dict[str, int] | None = None
                    ) -> list[Column | str]:
    """The columns a workbook of `sheet` has, in order: "link" (when the sheet has a parent),
    then each column; the numbered columns of one list side by side (`option 1`, `rationale
    1`, `option 2`...), from 1 to `counts[list]` (default NUMBERED_COUNT)."""
    result: list[Column | str] = ["link"] if sheet.link else []
    for column in sheet.columns:
        if not column.numbered:
            result.append(column)
        elif column == next(c for c in sheet.columns if c.numbered and c.group == column.group):
            members = [c for c in sheet.columns if c.numbered and c.group == column.group]
            count = (counts or {}).get(str(column.group), NUMBERED_COUNT)
            result += [m.number(n) for n in range(1, count + 1) for m in members]
    return result


def header(sheet: ListSheet, column: Column | str, language: str = "en") -> str:
    """The header of one of `written_columns`, in `language` when there is a translation (a
    BCP 47 tag such as `fr-FR`; its first subtag picks the table)."""
    table = TRANSLATIONS.get(language.split("-")[0].lower(), {})
    if isinstance(column, str):
        return table.get(str(sheet.link), str(sheet.link))
    name = table.get(column.header, column.header)
    if column.numbered:
        name += " " + str(next(p for p in column.path if isinstance(p, int)))
    return name


def headers(sheet: ListSheet, language: str = "en", counts: dict[str, int] | None = None
            ) -> list[str]:
    """The header row `export-sheet` and `new --from-spreadsheet` write (see `header`)."""
    return [header(sheet, c, language) for c in written_columns(sheet, counts)]


def sheet_title(sheet: ListSheet, language: str = "en") -> str:
    """The sheet's name in `language` (or English), capitalised, at most 31 characters (Excel)."""
    table = TRANSLATIONS.get(language.split("-")[0].lower(), {})
    return table.get(sheet.name, sheet.name).capitalize()[:31]
