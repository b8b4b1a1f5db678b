"""The field types every pack file shares: ids, texts with their limits, chapters and units.

Limits are in characters (texts) or whole numbers (chapters, pages); `Strict` is the base of
every file's model: unknown keys refused, no type coercion, frozen.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from nlmg_packs.spans import LANGUAGE_TAG, faults

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


def _language_spans(value: str) -> str:
    """Refuse a malformed language span (`[words]{lang=fr}`, `spans.faults`)."""
    for offset, message, hint in faults(value):
        raise PydanticCustomError("language_span", "{problem}",
                                  {"problem": message, "hint": hint, "offset": offset})
    return value


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT),
                 AfterValidator(_no_control_characters), AfterValidator(_language_spans)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300),
                      AfterValidator(_no_control_characters), AfterValidator(_language_spans)]
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


Language = Annotated[str, StringConstraints(pattern=rf"^{LANGUAGE_TAG}$")]
"""A BCP 47 language tag as packs write them: en-GB, fr, pt-BR."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Standard(Strict):
    """A curriculum code with the framework it belongs to, as free text (on prompts, items and
    assignments)."""

    framework: ShortText = Field(description='e.g. "Common Core ELA", "AQA 8702", "IB DP '
                                 'Language A".')
    code: ShortText = Field(description='e.g. "RL.11-12.2", "AO1".')
