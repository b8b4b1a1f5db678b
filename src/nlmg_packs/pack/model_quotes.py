"""The schema of quotes.yaml: quotations, who speaks to whom, pages and their public sources."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from nlmg_packs.pack.model_types import (
    Chapter,
    ChapterRange,
    Id,
    Language,
    Mode,
    PageNumber,
    ShortText,
    Strict,
    Text,
    UnitRef,
)

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
    language: Language | None = Field(
        None, description="The quotation's language when it is quoted in another language than "
        "the pack's (the original of a translated novel): a tag such as fr or de-CH.")
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
