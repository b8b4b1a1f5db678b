"""How to render: plain, typed settings the input stage derives from the template and the CLI.

Renderers get nothing else besides the `Document`: no template object, no YAML, no pydantic.
Paths are already resolved and checked (`template.load_template`), colours are "#RRGGBB".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Paper = Literal["a4", "letter"]
Preset = Literal["standard", "large-print", "dyslexia"]


@dataclass(frozen=True)
class Palette:
    """The template's colours, each "#RRGGBB"."""

    primary: str = "#1F3A5F"
    """Headings, rules, table headers."""
    accent: str = "#B5562C"
    """Spoiler warnings, highlights."""
    teacher: str = "#EEF3F8"
    """Tint of teacher-only boxes."""
    text: str = "#1A1A1A"
    """Body text."""


@dataclass(frozen=True)
class FontFiles:
    """TrueType files of the PDF body family; None: that face falls back to the regular one,
    and no regular face means the bundled DejaVu family named by `builtin`."""

    regular: Path | None = None
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None
    builtin: Literal["sans", "serif"] = "sans"
    """The bundled family used without a regular face: DejaVu Sans or DejaVu Serif."""
    indexes: tuple[int, int, int, int] = (0, 0, 0, 0)
    """Each face's index in its file when that is a .ttc collection (regular, bold, italic,
    bold italic)."""


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 18
    bottom: float = 18
    left: float = 20
    right: float = 20


@dataclass(frozen=True)
class RenderOptions:
    """Everything besides the document that shapes a rendered file."""

    reference_doc: Path
    """DOCX only: the .docx whose styles, margins, header and footer the file builds on."""
    paper: Paper = "a4"
    preset: Preset = "standard"
    fillable: bool = False
    """PDF only: answer spaces become multi-line form fields."""
    timestamp: int = 0
    """Seconds since the epoch for every date the file records (from SOURCE_DATE_EPOCH)."""
    school: str = ""
    """School name for the running header and the cover; "" for none."""
    logo: Path | None = None
    """PNG or JPEG for the cover and header; None for none."""
    logo_alt: str = ""
    """What the logo shows, as screen readers read it; "" for "<school> logo"."""
    colours: Palette = Palette()
    fonts: FontFiles = FontFiles()
    docx_body_font: str = "Georgia"
    """Font name DOCX body styles ask for (the reference document builder uses it)."""
    docx_heading_font: str = "Calibri"
    margins_mm: Margins = Margins()
