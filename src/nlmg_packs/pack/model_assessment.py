"""The schema of the teaching-apparatus files: front and back matter (`matter.yaml`), vocabulary
(`vocabulary.yaml`), objective items grouped into tests (`tests.yaml`), and essay or project
assignments with their rubrics (`rubrics.yaml`).

Shared types come from `pack.model`; cross-references (a matching item naming a character, a
fill-in blank that must stand in its quotation, rubric totals) are checked in
`pack.references_assessment`, where the whole pack is known.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from nlmg_packs.pack.model import (
    Chapter,
    ChapterRange,
    Id,
    Level,
    QuoteSource,
    ShortText,
    Standard,
    Strict,
    Text,
    UnitRange,
    UnitRef,
)

Points = Annotated[int, Field(ge=0, le=1000)]
"""Marks, in whole points."""


# ---- matter.yaml ---------------------------------------------------------------


class ContextSection(Strict):
    title: ShortText = Field(description='e.g. "Historical context", "Literary context".')
    text: Text


class PreReading(Strict):
    id: Id
    title: ShortText
    instructions: Text
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None


class ReadAlike(Strict):
    title: ShortText
    author: ShortText
    year: Annotated[int, Field(ge=0, le=3000)] | None = None
    why: Text = Field(description="One line on why a reader of this book would like it.")


class MatterFile(Strict):
    """matter.yaml: the introduction to the book, pre-reading and further reading."""

    about_author: Text | None = Field(None, description="About the author: confirmed facts only.")
    context: list[ContextSection] = Field(default_factory=list)
    note_to_teacher: Text | None = None
    pre_reading: list[PreReading] = Field(default_factory=list)
    further_reading: list[ReadAlike] = Field(default_factory=list)
    sources: list[ShortText] = Field(default_factory=list,
                                     description="Where the facts above were checked.")


# ---- vocabulary.yaml -------------------------------------------------------------

PartOfSpeech = Literal["noun", "verb", "adjective", "adverb", "phrase", "preposition",
                       "conjunction", "interjection"]


class Word(Strict):
    word: ShortText = Field(description="The headword, as a dictionary lists it.")
    form: ShortText | None = Field(None, description="The form in the sentence, when it differs "
                                   '("recurring" for "recur").')
    part_of_speech: PartOfSpeech
    definition: Text = Field(description="A learner's definition.")
    part: Id = Field(description="The part it belongs to.")
    chapter: Chapter | None = None
    unit: UnitRef | None = Field(None, description="Reading unit; instead of `chapter`.")
    from_quote: Id | None = Field(None, description="A quotation of quotes.yaml holding the "
                                  "word, used as its sentence (with that quotation's sources).")
    quote: Text | None = Field(None, description="The sentence it appears in, as a quotation "
                               "(needs `source:`).")
    source: QuoteSource | None = None
    example: Text | None = Field(None, description="A usage example that is not a quotation, "
                                 "when the wording of the novel's sentence is not confirmed.")
    note: Text | None = None


class VocabularyFile(Strict):
    words: list[Word] = Field(min_length=1)


# ---- tests.yaml --------------------------------------------------------------------

ItemType = Literal["multiple-choice", "true-false", "matching", "fill-in", "short-answer"]


class Option(Strict):
    text: Text
    correct: bool = False
    rationale: Text | None = Field(None, description="Why it is right or wrong (answer key).")


class Pair(Strict):
    """One row of a matching item: a quotation or text on the left, a character or text on the
    right. A quotation with no right side is matched to its speaker."""

    quote: Id | None = None
    text: Text | None = None
    character: Id | None = None
    match: Text | None = None


class Item(Strict):
    id: Id
    type: ItemType
    points: Annotated[int, Field(ge=1, le=100)] = 1
    question: Text | None = Field(None, description="The stem (all types but true-false and "
                                  "fill-in).")
    statement: Text | None = Field(None, description="For true-false.")
    answer: bool | None = Field(None, description="For true-false: true or false.")
    model_answer: Text | None = Field(None, description="For short-answer: what a full-mark "
                                      "answer says (answer key).")
    correction: Text | None = Field(None, description="For a false statement: what is true.")
    options: list[Option] = Field(default_factory=list, description="For multiple-choice.")
    pairs: list[Pair] = Field(default_factory=list, description="For matching.")
    quote: Id | None = Field(None, description="For fill-in: the quotation the blank is cut "
                             "from.")
    blank: ShortText | None = Field(None, description="For fill-in: the words blanked out, as "
                                    "they stand in the quotation.")
    lines: Annotated[int, Field(ge=0, le=40)] | None = None
    part: Id | None = Field(None, description="The part it covers.")
    chapters: ChapterRange | None = None
    units: UnitRange | None = Field(None, description="Reading units; instead of `chapters`.")
    themes: list[Id] = Field(default_factory=list)
    level: Level = "recall"
    standards: list[Standard] = Field(default_factory=list)

    @property
    def span(self) -> list[int | str]:
        """The units the item covers, whichever key gave them (as `Prompt.span`)."""
        return list(self.units or self.chapters or [])


class Test(Strict):
    __test__ = False  # not a pytest class

    id: Id
    title: ShortText
    part: Id | None = Field(None, description="The reading unit; leave out for the whole novel.")
    instructions: Text | None = None
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    items: list[Id] = Field(min_length=1)
    seed: ShortText | None = Field(None, description="Changes every version's order; the "
                                   "test id when left out.")


class TestsFile(Strict):
    __test__ = False

    items: list[Item] = Field(min_length=1)
    tests: list[Test] = Field(default_factory=list)


# ---- rubrics.yaml ------------------------------------------------------------------


class RubricLevel(Strict):
    name: ShortText
    points: Points


class Criterion(Strict):
    name: ShortText
    descriptors: list[Text] = Field(min_length=1, description="One per level, in level order.")


class Rubric(Strict):
    id: Id
    title: ShortText
    levels: list[RubricLevel] = Field(min_length=2, max_length=6,
                                      description="Best first, each with its points.")
    criteria: list[Criterion] = Field(min_length=1, max_length=12)
    total: Points | None = Field(None, description="The most a piece can score; checked "
                                 "against the levels and criteria when given.")


class Assignment(Strict):
    id: Id
    type: Literal["essay", "project"]
    title: ShortText
    prompt: Text
    guidance: list[Text] = Field(default_factory=list)
    length: ShortText | None = Field(None, description='e.g. "800–1,000 words".')
    rubric: Id
    part: Id | None = None
    themes: list[Id] = Field(default_factory=list)
    level: Level = "evaluate"
    standards: list[Standard] = Field(default_factory=list)


class RubricsFile(Strict):
    rubrics: list[Rubric] = Field(min_length=1)
    assignments: list[Assignment] = Field(default_factory=list)


FILES: dict[str, type[Strict]] = {
    "matter.yaml": MatterFile,
    "vocabulary.yaml": VocabularyFile,
    "tests.yaml": TestsFile,
    "rubrics.yaml": RubricsFile,
}
"""The apparatus files, all optional."""
