"""How to render: paper, accessibility preset, form fields, branding, dates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from nlmg_packs.template import Template

Paper = Literal["a4", "letter"]
Preset = Literal["standard", "large-print", "dyslexia"]


@dataclass(frozen=True)
class RenderOptions:
    template: Template
    paper: Paper = "a4"
    preset: Preset = "standard"
    fillable: bool = False
    """PDF only: answer spaces become multi-line form fields."""
    timestamp: int = 0
    """Seconds since the epoch for every date the file records (from SOURCE_DATE_EPOCH)."""
    reference_doc: Path | None = None
    """DOCX only: styles, margins, header and footer come from this .docx (else the template's)."""
