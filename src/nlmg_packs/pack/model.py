"""The pack schema: one pydantic model per YAML file, every field documented.

Cross-references (a theme id used by a prompt, a quote used by a worksheet...) are
checked afterwards by `pack.references`, where the whole pack is known.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from nlmg_packs.pack.model_quotes import (  # noqa: F401 (re-exported: the schema's one name space)
    CONFIRMING_SOURCES,
    PageRef,
    Provenance,
    Quote,
    QuotesFile,
    QuoteSource,
    Telling,
    Url,
)
from nlmg_packs.pack.model_types import (  # noqa: F401 (re-exported: the schema's one name space)
    MAX_TEXT,
    Audience,
    Chapter,
    ChapterRange,
    Colour,
    Id,
    Language,
    Level,
    Mode,
    PageNumber,
    PartKind,
    ShortText,
    Standard,
    Strict,
    Text,
    UnitRange,
    UnitRef,
)

# ---- pack.yaml ---------------------------------------------------------------


class Part(Strict):
    id: Id
    title: ShortText = Field(description='How the part is named, e.g. "Part One".')
    setting: ShortText | None = Field(None, description="Where it takes place, e.g. Hailsham.")
    chapters: ChapterRange | None = Field(None, description="First and last chapter, e.g. [1, 9].")
    units: UnitRange | None = Field(None, description="First and last reading unit, e.g. "
                                    "[letter-1, v1-ch7]; instead of `chapters`.")

    @property
    def span(self) -> list[int | str]:
        """The part's first and last unit, whichever key gave them."""
        return list(self.units or self.chapters or [])


class Unit(Strict):
    """One reading unit (`id` and `label`), or a numbered run of them (`numbered`)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9{}]+(-[a-z0-9{}]+)*$",
                                         max_length=60)] | None = Field(
        None, description='The unit\'s id, e.g. "letter-1"; in a numbered run, a pattern with '
        '`{n}` such as "v1-ch{n}" (default "{n}").')
    label: ShortText | None = Field(
        None, description='What documents print, e.g. "Letter 1", "Act 1, Scene 2"; in a '
        'numbered run, a pattern with `{n}` (default "Chapter {n}").')
    numbered: ChapterRange | None = Field(
        None, description="A run of numbered units, first and last number, e.g. [1, 24].")
    range_label: ShortText | None = Field(
        None, description='How a range inside a numbered run prints, with `{first}` and '
        '`{last}`, e.g. "Volume I, Chapters {first}–{last}" (default "Chapters {first}–{last}").')


class Edition(Strict):
    """A printed edition that page and line references follow."""

    id: Id
    name: ShortText = Field(description='As it reads after "in", e.g. "the Penguin Classics '
                            '2003 paperback".')


class Group(Strict):
    """People spoken to together, e.g. the crew or the class."""

    id: Id
    name: ShortText = Field(description='As it reads after "to", e.g. "the crew".')


class Book(Strict):
    title: ShortText
    author: ShortText
    year: Annotated[int, Field(ge=0, le=3000)]
    publisher: ShortText | None = None
    citation: ShortText | None = Field(
        None, description="How handouts cite the book in their footer; built from title, author "
        "and year when left out.")
    edition_note: Text | None = Field(
        None, description="Which edition references follow, or why they are by chapter.")
    blurb: Text | None = Field(None, description="A short spoiler-free description.")
    language: Language = "en-GB"
    chapters: Annotated[int, Field(ge=1, le=999)] | None = Field(
        None, description="Number of chapters, for a book of chapters 1 to N; or give `units`.")
    units: list[Unit] | None = Field(
        None, description="The reading units in book order (letters, prologue, chapters, "
        "scenes...); instead of `chapters`.")
    parts: list[Part] = Field(default_factory=list)
    part_kind: PartKind = Field("part", description="What the book's parts are called, for "
                                "the sentences documents print about them.")
    editions: list[Edition] = Field(default_factory=list, description="Editions that page "
                                    "references follow; the first is the one handouts cite.")


class Character(Strict):
    id: Id
    name: ShortText
    description: Text
    chapters: list[Chapter] = Field(default_factory=list,
                                    description="Chapters where the character matters.")
    units: list[UnitRef] = Field(default_factory=list,
                                 description="Reading units where the character matters.")


class Theme(Strict):
    id: Id
    name: ShortText
    colour: Colour = Field(description='Hex colour such as "#4C6A92".')
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,2}$")] | None = Field(
        None, description="Tag letter for greyscale print; the name's first letter when omitted.")
    summary: Text


class Symbol(Strict):
    id: Id
    name: ShortText
    description: Text
    chapters: list[Chapter] = Field(default_factory=list)
    units: list[UnitRef] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list)


class PackFile(Strict):
    """pack.yaml: the book and what every other file refers to."""

    format: Literal[1] = Field(1, description="Pack format version; always 1 for now.")
    book: Book
    paper: Literal["a4", "letter"] | None = Field(None, description="Default paper size.")
    characters: list[Character] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list,
                                description="Groups a quotation can be addressed to.")
    themes: list[Theme] = Field(min_length=1)
    symbols: list[Symbol] = Field(default_factory=list)


# ---- discussion.yaml --------------------------------------------------------


class Prompt(Strict):
    id: Id
    text: Text
    part: Id | None = Field(None, description="Part id; leave out for the whole novel.")
    chapters: ChapterRange | None = None
    units: UnitRange | None = Field(None, description="Reading units; instead of `chapters`.")
    themes: list[Id] = Field(default_factory=list)
    level: Level = "understand"
    audience: Audience = "class"
    teacher_notes: Text | None = None
    standards: list[Standard] = Field(
        default_factory=list, description="What discussing it covers, each with its framework "
        "named, as items and assignments carry them: `{framework: Common Core ELA, code: "
        "SL.11-12.1}`.")

    @property
    def span(self) -> list[int | str]:
        return list(self.units or self.chapters or [])


class DiscussionFile(Strict):
    prompts: list[Prompt] = Field(min_length=1)


# ---- worksheets.yaml ---------------------------------------------------------

ActivityType = Literal["who-said-it", "context", "close-reading", "theme-link",
                       "written-response"]


class Activity(Strict):
    type: ActivityType
    title: ShortText | None = None
    instructions: Text | None = None
    quotes: list[Id] = Field(default_factory=list,
                             description="Quotes the activity works on (not for written-response).")
    prompt: Text | None = Field(None, description="The task, for written-response.")
    model_answer: Text | None = Field(None, description="For written-response.")
    lines: Annotated[int, Field(ge=0, le=40)] | None = Field(
        None, description="Ruled answer lines per question; a default suits each type.")


class Worksheet(Strict):
    id: Id
    title: ShortText
    theme: Id | None = Field(None, description="The theme it is built around, or")
    part: Id | None = Field(None, description="the part it is built around.")
    intro: Text | None = None
    activities: list[Activity] = Field(min_length=1)


class WorksheetsFile(Strict):
    worksheets: list[Worksheet] = Field(min_length=1)


# ---- courses.yaml ------------------------------------------------------------


class Step(Strict):
    minutes: Annotated[int, Field(ge=1, le=600)]
    activity: ShortText
    teacher: Text | None = Field(None, description="What the teacher does.")
    students: Text | None = Field(None, description="What students do.")


class Differentiation(Strict):
    support: Text
    stretch: Text


class Lesson(Strict):
    id: Id
    title: ShortText
    minutes: Annotated[int, Field(ge=5, le=600)] = 50
    objectives: list[Text] = Field(min_length=1,
                                   description='Each completes "Students will be able to…".')
    standards: list[ShortText] = Field(default_factory=list)
    chapters: ChapterRange | None = None
    units: UnitRange | None = Field(None, description="Reading units; instead of `chapters`.")
    worksheets: list[Id] = Field(default_factory=list)
    prompts: list[Id] = Field(default_factory=list)
    quotes: list[Id] = Field(default_factory=list)
    materials: list[ShortText] = Field(default_factory=list,
                                       description="Other materials, as free text.")
    assessments: list[Id] = Field(default_factory=list,
                                  description="Ids of tests and assignments (tests.yaml, "
                                  "rubrics.yaml) the lesson uses; listed with its materials.")
    sequence: list[Step] = Field(min_length=1)
    assessment: Text
    differentiation: Differentiation
    homework: Text | None = None

    @property
    def span(self) -> list[int | str]:
        return list(self.units or self.chapters or [])


class Course(Strict):
    id: Id
    name: ShortText
    audience: Audience = "class"
    focus: Text
    themes: list[Id] = Field(min_length=1)
    lessons: list[Lesson] = Field(default_factory=list)


class CoursesFile(Strict):
    courses: list[Course] = Field(min_length=1)


FILES: dict[str, type[Strict]] = {
    "pack.yaml": PackFile,
    "discussion.yaml": DiscussionFile,
    "quotes.yaml": QuotesFile,
    "worksheets.yaml": WorksheetsFile,
    "courses.yaml": CoursesFile,
}
"""Every file a pack may hold; only pack.yaml is required."""


def _add_apparatus_files() -> None:
    # The apparatus schema builds on the types above, so it is imported once they exist.
    from nlmg_packs.pack.model_assessment import FILES as APPARATUS

    FILES.update(APPARATUS)


_add_apparatus_files()
