"""Branding templates: a folder with template.yaml (school, colours, fonts, paper) and assets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationError

from nlmg_packs.errors import PackError, Problem
from nlmg_packs.pack.loader import display_path, load_yaml
from nlmg_packs.pack.model import Colour, Strict
from nlmg_packs.pack.schema_errors import problems_from
from nlmg_packs.paths import resolve_inside

Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Colours(Strict):
    primary: Colour = Field("#1F3A5F", description="Headings, rules, table headers.")
    accent: Colour = Field("#B5562C", description="Spoiler warnings, highlights.")
    teacher: Colour = Field("#EEF3F8", description="Tint of teacher-only boxes.")
    text: Colour = Field("#1A1A1A", description="Body text.")


class Fonts(Strict):
    """TrueType files, relative to the template folder; the built-in Vera family when omitted."""

    regular: Name | None = None
    bold: Name | None = None
    italic: Name | None = None
    bold_italic: Name | None = None
    docx_body: Name = Field("Georgia", description="Font name DOCX styles ask for.")
    docx_headings: Name = Field("Calibri", description="Font name of DOCX headings.")


class Margins(Strict):
    top: Annotated[float, Field(ge=5, le=60)] = 18
    bottom: Annotated[float, Field(ge=5, le=60)] = 18
    left: Annotated[float, Field(ge=5, le=60)] = 20
    right: Annotated[float, Field(ge=5, le=60)] = 20


class TemplateFile(Strict):
    """template.yaml."""

    school: Annotated[str, StringConstraints(max_length=200)] = ""
    logo: Name | None = Field(None, description="PNG or JPEG, relative to the template folder.")
    paper: Literal["a4", "letter"] = "a4"
    margins_mm: Margins = Margins()
    colours: Colours = Colours()
    fonts: Fonts = Fonts()
    reference_doc: Name | None = Field(
        None, description="A .docx whose styles, margins, header and footer lesson plans use.")


@dataclass(frozen=True)
class Template:
    """A loaded template with its asset paths resolved inside its folder."""

    folder: Path
    settings: TemplateFile
    logo: Path | None
    font_files: dict[str, Path]
    reference_doc: Path | None


def load_template(folder: Path) -> Template:
    """Read `folder`/template.yaml and resolve its assets."""
    folder = Path(folder)
    path = folder / "template.yaml"
    if not path.is_file():
        raise PackError([Problem(display_path(folder), None, None, "no template.yaml here",
                                 "pass a template folder, such as templates/default")])
    loaded = load_yaml(path)
    if not isinstance(loaded.data, dict):
        raise PackError([loaded.lines.problem((), "expected a mapping of keys at the top",
                                              "start with `school:`")])
    try:
        settings = TemplateFile.model_validate(loaded.data)
    except ValidationError as exc:
        raise PackError(problems_from(exc, TemplateFile, loaded.lines)) from None

    def resolve(value: str | None, *key: str) -> Path | None:
        if value is None:
            return None
        return resolve_inside(folder, value, loaded.lines.problem(key, ""))

    fonts = {face: resolve(getattr(settings.fonts, face), "fonts", face)
             for face in ("regular", "bold", "italic", "bold_italic")}
    return Template(
        folder=folder,
        settings=settings,
        logo=resolve(settings.logo, "logo"),
        font_files={face: p for face, p in fonts.items() if p is not None},
        reference_doc=resolve(settings.reference_doc, "reference_doc"),
    )
