"""The format-neutral document model: what composers produce and renderers draw.

Text fields hold plain text with the small inline syntax (`*italic*`, `**bold**`);
everything else in them is literal. Blocks that carry text from the pack also carry
its `Origin`, so a renderer can point at the YAML line of a character it cannot draw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args


@dataclass(frozen=True)
class Origin:
    """Where a piece of text came from in the pack."""

    file: str
    line: int | None = None
    col: int | None = None


@dataclass(frozen=True)
class ThemeTag:
    """A theme as a mark beside a prompt or quote: its colour plus a letter for greyscale."""

    id: str
    name: str
    colour: str
    """Hex colour, "#RRGGBB"."""
    letter: str


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    """1 (document section) to 3; level 1 headings appear in the contents and outline."""
    origin: Origin | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "lead", "small", "muted"] = "body"
    origin: Origin | None = None


@dataclass(frozen=True)
class Quote:
    """A quotation set as a block quote, with its citation ("Kathy, Chapter 1")."""

    text: str
    citation: str
    themes: tuple[ThemeTag, ...] = ()
    check_label: str = ""
    """A mark saying the wording is unchecked ("" for none; the teacher edition sets it)."""
    language: str = ""
    """The quotation's language (a BCP 47 tag) when it is not the document's; "" for the same."""
    origin: Origin | None = None


@dataclass(frozen=True)
class Question:
    """A numbered question, optionally followed by ruled answer space kept on the same page."""

    number: int
    text: str
    lines: int = 0
    """Ruled answer lines; 0 for none (discussion prompts)."""
    themes: tuple[ThemeTag, ...] = ()
    meta: str = ""
    """A small line such as "Chapters 3–5 · Analyse"."""
    origin: Origin | None = None
    marked: bool = False
    """A test question: its answer space tells the marks, as an exam paper's lines do, so a
    page layout never lengthens it to fill a page (it may still shrink to the pack's count)."""


@dataclass(frozen=True)
class AnswerLines:
    """Free ruled space (a notes page, a response box)."""

    count: int
    label: str = ""


@dataclass(frozen=True)
class TeacherNote:
    """Teacher-only material, set visibly apart from the student's text."""

    title: str
    """The box's full label, printed as it is ("Teacher: Model answer")."""
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Callout:
    """A boxed notice, e.g. a spoiler warning."""

    title: str
    """Printed as it is; a warning's title says it is one ("Spoiler warning")."""
    text: str
    tone: Literal["info", "warning"] = "info"


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    ordered: bool = False
    """Numbered from 1; every list restarts its numbering."""


@dataclass(frozen=True)
class Cell:
    """A table cell: text, or a theme mark (filled with the theme's colour and letter)."""

    text: str = ""
    tag: ThemeTag | None = None
    bold: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...] | None = None
    """Relative column widths; equal when None."""
    compact: bool = False
    """Small type and tight cells (matrices and grids)."""


@dataclass(frozen=True)
class ThemeLegend:
    themes: tuple[ThemeTag, ...]
    title: str = ""
    """A label above the key ("Key"); "" for none."""


@dataclass(frozen=True)
class NameLines:
    """Name / Date / Class lines at the top of a student sheet; the first gets half the width."""

    labels: tuple[str, ...]


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str = ""
    lines: tuple[str, ...] = ()
    """Smaller lines under the title (author, edition, school)."""


@dataclass(frozen=True)
class Contents:
    """A contents list built by the renderer from the level-1 headings that follow."""

    title: str
    update_hint: str = ("Page numbers appear when the contents are updated: in Word, "
                        "right-click here and choose Update Field; in LibreOffice, "
                        "Tools ▸ Update ▸ Update All.")
    """Under a contents field a word processor fills in (DOCX): how to fill it in."""


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Choices:
    """The lettered options of a multiple-choice question, each with a box to tick."""

    options: tuple[str, ...]
    letters: tuple[str, ...]
    """One label per option ("A", "B", …), in the order printed."""
    note: str = ""
    """A line under the options ("Tick two."), "" for none."""
    origin: Origin | None = None


@dataclass(frozen=True)
class ScoreBox:
    """A box for the mark at the top of a test: its label and what it is out of."""

    label: str
    """"Score"."""
    total: str
    """"/ 40"."""


@dataclass(frozen=True)
class Rubric:
    """A marking rubric: criteria (rows) by levels (columns), a descriptor in each cell."""

    table: Table
    """The grid: a header of level names with their points, then one row per criterion."""
    total: str
    """The line under the grid ("Total: ___ / 16")."""
    landscape: bool = False
    """Set on a page turned sideways, because its levels need the width."""
    title: str = ""
    """A heading drawn with the grid (on its landscape page, when it has one); "" for none."""


Block = (Heading | Paragraph | Quote | Question | AnswerLines | TeacherNote | Callout | BulletList
         | Table | ThemeLegend | NameLines | Cover | Contents | PageBreak | Choices | ScoreBox
         | Rubric)

BLOCK_TYPES: tuple[type, ...] = get_args(Block)
"""Every block type, read from the `Block` union: the one registry each renderer's dispatch
table is built from (`render.dispatch`), so a type added to the union without a drawing method
in every renderer fails at import and in tests/test_block_registry.py."""


def block_name(kind: type) -> str:
    """The snake-case name of a block type ("TeacherNote" → "teacher_note")."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind.__name__).lower()


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()
    language: str = "en-GB"
    category: str = ""
    """What kind of document it is ("Lesson plan", "Student handout"), where a format records
    it (DOCX core properties)."""


@dataclass(frozen=True)
class Document:
    """One output document, ready for any renderer."""

    title: str
    metadata: Metadata
    blocks: tuple[Block, ...]
    header: str = ""
    """Running header: pack and document title."""
    footer: str = ""
    """Running footer text beside "Page X of Y": the book's citation."""
    edition: Literal["student", "teacher"] = "student"
    page_label: str = "Page {page} of {total}"
    """Page furniture in the document's language: `{page}` and `{total}` are filled in."""
