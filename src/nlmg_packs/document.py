"""The format-neutral document model: what composers produce and renderers draw.

Text fields hold plain text with the small inline syntax (`*italic*`, `**bold**`);
everything else in them is literal. Blocks that carry text from the pack also carry
its `Origin`, so a renderer can point at the YAML line of a character it cannot draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


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
    check_wording: bool = False
    """Teacher edition only: the wording is unchecked and must be marked so."""
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


@dataclass(frozen=True)
class AnswerLines:
    """Free ruled space (a notes page, a response box)."""

    count: int
    label: str = ""


@dataclass(frozen=True)
class TeacherNote:
    """Teacher-only material, set visibly apart from the student's text."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Callout:
    """A boxed notice, e.g. a spoiler warning."""

    title: str
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


@dataclass(frozen=True)
class NameLines:
    """Name / Date / Class lines at the top of a student sheet."""


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str = ""
    lines: tuple[str, ...] = ()
    """Smaller lines under the title (author, edition, school)."""


@dataclass(frozen=True)
class Contents:
    """A contents list built by the renderer from the level-1 headings that follow."""

    title: str = "Contents"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (Heading | Paragraph | Quote | Question | AnswerLines | TeacherNote | Callout | BulletList
         | Table | ThemeLegend | NameLines | Cover | Contents | PageBreak)

BLOCK_TYPES: tuple[type, ...] = (Heading, Paragraph, Quote, Question, AnswerLines, TeacherNote,
                                 Callout, BulletList, Table, ThemeLegend, NameLines, Cover,
                                 Contents, PageBreak)
"""Every block type; each renderer must handle all of them (a test checks)."""


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()
    language: str = "en-GB"


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
