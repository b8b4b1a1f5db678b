"""The pack schema: one pydantic model per YAML file, every field documented.

Cross-references (a theme id used by a prompt, a quote used by a worksheet...) are
checked afterwards by `pack.references`, where the whole pack is known.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

MAX_TEXT = 20_000
"""Longest free-text field, in characters: longer is almost certainly a paste accident."""



def _no_control_characters(value: str) -> str:
    """Refuse invisible characters that only reach a pack by accident (or a YAML escape)."""
    for char in value:
        code = ord(char)
        if (code < 32 and char not in "\n\t") or 0x7F <= code < 0xA0 or code in (0xFFFE, 0xFFFF):
            raise PydanticCustomError("control_character", "contains the control character "
                                      "{code}", {"code": f"U+{code:04X}"})
    return value


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT),
                 AfterValidator(_no_control_characters)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300),
                      AfterValidator(_no_control_characters)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Chapter = Annotated[int, Field(ge=1, le=999)]
ChapterRange = Annotated[list[Chapter], Field(min_length=1, max_length=2)]
"""`[7]` is one chapter, `[3, 5]` is chapters 3 to 5."""
UnitRef = Annotated[int, Field(ge=1, le=9999)] | Id
"""A reading unit by its id (`letter-2`, `act-1-scene-2`); a whole number n is the unit `"n"`."""
UnitRange = Annotated[list[UnitRef], Field(min_length=1, max_length=2)]
"""`[letter-1]` is one unit; `[letter-1, v1-ch2]` runs from the first to the second."""
PageNumber = Annotated[int, Field(ge=1, le=99_999)] | Annotated[
    str, StringConstraints(pattern=r"^[0-9A-Za-z]{1,12}$")]
"""A printed page number: digits, or a page number such as `xii` in a preface."""
Mode = Literal["said", "thought", "narrated", "written", "sung"]
PartKind = Literal["part", "volume", "book", "act", "section", "stave"]
Level = Literal["recall", "understand", "apply", "analyse", "evaluate", "create"]
Audience = Literal["class", "book-club"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


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
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")] = "en-GB"
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

    @property
    def span(self) -> list[int | str]:
        return list(self.units or self.chapters or [])


class DiscussionFile(Strict):
    prompts: list[Prompt] = Field(min_length=1)


# ---- quotes.yaml -------------------------------------------------------------


CONFIRMING_SOURCES = 2
"""Independent public sources that must print a quotation's words before it counts as confirmed."""

Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2000)]


class Provenance(Strict):
    """One public source that prints the quotation's words: a study guide, a review, an
    article or a publisher's excerpt (never an unofficial copy of the whole book)."""

    source: ShortText = Field(description='Who publishes it, e.g. "Shmoop" or "The Washington '
                              'Post".')
    title: ShortText = Field(description="The title of the page.")
    url: Url = Field(description="The address of the page.")
    chapter: Chapter | None = Field(None, description="The chapter the source gives, if any.")


class QuoteSource(Strict):
    """Where a quotation's words come from, and who confirms them."""

    wording: Literal["novel", "review", "memory"] = Field(
        description="Where the wording was taken from: the novel itself, a review quoting it, "
        "or recalled from memory.")
    verified: bool = Field(description="True once checked word for word against an edition.")
    edition: ShortText | None = Field(None, description="Edition checked against.")
    provenance: list[Provenance] = Field(
        default_factory=list, description="Public sources that print these exact words; two "
        "independent ones confirm the quotation.")
    note: Text | None = None

    @property
    def confirmed(self) -> bool:
        """True when at least `CONFIRMING_SOURCES` public sources print these words."""
        return len(self.provenance) >= CONFIRMING_SOURCES


class PageRef(Strict):
    """Where a quotation stands in one printed edition."""

    edition: Id | None = Field(None, description="Edition id from book.editions; the first "
                               "edition when left out.")
    page: PageNumber | Annotated[list[PageNumber], Field(min_length=1, max_length=2)] | None = (
        Field(None, description="Page, or first and last page, e.g. 81 or [81, 82]."))
    line: Annotated[int, Field(ge=1, le=99_999)] | ChapterRange | None = Field(
        None, description="Line, or first and last line, for verse and plays.")


class Telling(Strict):
    """One layer of a narrative frame: who passes the words on, to whom, and how."""

    speaker: Id = Field(description="Character id of who tells or writes it on.")
    addressees: list[Id] = Field(default_factory=list,
                                 description="Character or group ids it is told to.")
    mode: Mode = Field("narrated", description="How it is passed on.")


class Quote(Strict):
    id: Id
    text: Text
    speaker: Id = Field(description="Character id of who says or writes it.")
    addressee: Id | None = Field(None, description="Character id of who it is said to.")
    addressees: list[Id] = Field(default_factory=list, description="Character or group ids "
                                 "of who it is said to; none for narration or thought.")
    mode: Mode | None = Field(None, description="How the words come: said (when left out), "
                              "thought, narrated, written or sung.")
    frame: list[Telling] = Field(default_factory=list, description="The narrative frame, "
                                 "innermost first: who tells the speaker's words, to whom.")
    chapter: Chapter | None = None
    unit: UnitRef | None = Field(None, description="Reading unit; instead of `chapter`.")
    pages: list[PageRef] = Field(default_factory=list,
                                 description="Page and line references, by edition.")
    themes: list[Id] = Field(min_length=1)
    context: Text
    questions: list[Text] = Field(min_length=2)
    model_answer: Text
    source: QuoteSource

    @property
    def how(self) -> Mode:
        """The quotation's mode; "said" when the pack leaves it out."""
        return self.mode or "said"

    @property
    def where(self) -> int | str | None:
        """The quotation's unit, whichever key gave it."""
        return self.unit if self.unit is not None else self.chapter

    @property
    def to(self) -> list[str]:
        """Who it is said to, whichever key gave them."""
        return [self.addressee] if self.addressee else list(self.addressees)


class QuotesFile(Strict):
    quotes: list[Quote] = Field(min_length=1)


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
