"""Branding templates: a folder with template.yaml (school, colours, fonts, paper) and assets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints, ValidationError

from nlmg_packs.errors import PackError, Problem
from nlmg_packs.pack.loader import display_path, load_yaml
from nlmg_packs.pack.model import Colour, Strict
from nlmg_packs.pack.schema_errors import problems_from
from nlmg_packs.paths import resolve_inside

if TYPE_CHECKING:
    from nlmg_packs.render.options import RenderOptions

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

    def render_options(self, paper: str | None = None, preset: str = "standard",
                       fillable: bool = False, timestamp: int = 0,
                       reference_doc: Path | None = None) -> RenderOptions:
        """The plain settings renderers take: this template's branding with the given paper
        (None: the template's), preset, form fields, date (seconds since the epoch) and
        reference document (None: the template's, else the bundled one)."""
        from nlmg_packs.paths import default_template
        from nlmg_packs.render.options import FontFiles, Margins, Palette, RenderOptions

        s = self.settings
        return RenderOptions(
            reference_doc=(reference_doc or self.reference_doc
                           or default_template() / "reference.docx"),
            paper=paper or s.paper,  # type: ignore[arg-type]
            preset=preset,  # type: ignore[arg-type]
            fillable=fillable, timestamp=timestamp, school=s.school, logo=self.logo,
            colours=Palette(**s.colours.model_dump()),
            fonts=FontFiles(**self.font_files),
            docx_body_font=s.fonts.docx_body, docx_heading_font=s.fonts.docx_headings,
            margins_mm=Margins(**s.margins_mm.model_dump()))


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

    problems: list[Problem] = []

    def resolve(value: str | None, kind: str, *key: str) -> Path | None:
        if value is None:
            return None
        where = loaded.lines.problem(key, "")
        try:
            path = resolve_inside(folder, value, where)
            _check_asset(path, kind, value, where)
        except PackError as exc:
            problems.extend(exc.problems)
            return None
        return path

    fonts = {face: resolve(getattr(settings.fonts, face), "font", "fonts", face)
             for face in ("regular", "bold", "italic", "bold_italic")}
    logo = resolve(settings.logo, "logo", "logo")
    reference_doc = resolve(settings.reference_doc, "reference_doc", "reference_doc")
    if problems:
        raise PackError(problems)
    return Template(
        folder=folder,
        settings=settings,
        logo=logo,
        font_files={face: p for face, p in fonts.items() if p is not None},
        reference_doc=reference_doc,
    )


MAX_ASSET_BYTES = 20 * 1024 * 1024
"""A logo, font or reference document larger than this is refused."""

_SIGNATURES = {
    "logo": ((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"), "a PNG or JPEG image",
             "export the logo as PNG or JPEG"),
    "font": ((b"\x00\x01\x00\x00", b"true"), "a TrueType font (.ttf)",
             "use a .ttf file (OpenType .otf with PostScript outlines and .ttc collections "
             "do not work)"),
    "reference_doc": ((b"PK\x03\x04",), "a Word document (.docx)",
                      "save it from Word or LibreOffice as .docx (not .doc or .dotx)"),
}


def _check_asset(path: Path, kind: str, value: str, where: Problem) -> None:
    """Refuse an asset that is not what its key says, before a renderer trips over it."""
    signatures, what, hint = _SIGNATURES[kind]

    def refuse(message: str) -> PackError:
        return PackError([Problem(where.file, where.line, where.col, message, hint)])

    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise refuse(f"cannot read `{value}` ({exc.strerror})") from None
    if size > MAX_ASSET_BYTES:
        raise refuse(f"`{value}` is {size / 1_048_576:.1f} MB, over the "
                     f"{MAX_ASSET_BYTES // 1_048_576} MB limit")
    if not head.startswith(signatures):
        raise refuse(f"`{value}` is not {what}")
    if kind == "reference_doc" and path.suffix.lower() != ".docx":
        raise refuse(f"`{value}` is not {what}")
    if kind == "font":
        from nlmg_packs.fonts import truetype_problem

        detail = truetype_problem(path)
        if detail is not None:
            detail = " ".join(detail.replace(str(path), value).split())[:120]
            raise refuse(f"`{value}` is not a usable TrueType font ({detail})")
