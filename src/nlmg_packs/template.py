"""Branding templates: a folder with template.yaml (school, colours, fonts, paper) and assets."""

from __future__ import annotations

from dataclasses import dataclass, field
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


class FontFace(Strict):
    """One face of a TrueType collection (.ttc): the file and the face's index in it."""

    file: Name
    index: Annotated[int, Field(ge=0, le=255)] = Field(
        0, description="The face's position in the collection, counting from 0.")


FontSource = Name | FontFace
"""A .ttf file, or a face of a .ttc collection, relative to the template folder."""


class Fonts(Strict):
    """PDF fonts: TrueType files relative to the template folder, or a bundled DejaVu family."""

    builtin: Literal["sans", "serif"] = Field(
        "sans", description="The bundled family used when `regular` is not set: DejaVu Sans "
                            "or DejaVu Serif.")
    regular: FontSource | None = None
    bold: FontSource | None = None
    italic: FontSource | None = None
    bold_italic: FontSource | None = None
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
    logo_alt: Annotated[str, StringConstraints(max_length=200)] = Field(
        "", description="What the logo shows, read aloud by screen readers (default: "
                        "'<school> logo').")
    paper: Literal["a4", "letter"] = "a4"
    margins_mm: Margins = Margins()
    colours: Colours = Colours()
    fonts: Fonts = Fonts()
    reference_doc: Name | None = Field(
        None, description="A .docx whose styles, margins, header and footer lesson plans use.")
    labels: dict[Name, Annotated[str, StringConstraints(min_length=1, max_length=2000)]] = Field(
        default_factory=dict,
        description="The tool's own words to print differently: each key is the English "
                    "message (such as `Name` or `Page {page} of {total}`), each value the text "
                    "to print instead, whatever the pack's language.")


@dataclass(frozen=True)
class Template:
    """A loaded template with its asset paths resolved inside its folder."""

    folder: Path
    settings: TemplateFile
    logo: Path | None
    font_files: dict[str, Path]
    reference_doc: Path | None
    font_indexes: dict[str, int] = field(default_factory=dict)
    """The face index of each font file that is a .ttc collection (0 when absent)."""

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
            logo_alt=s.logo_alt,
            colours=Palette(**s.colours.model_dump()),
            fonts=FontFiles(**self.font_files, builtin=s.fonts.builtin,
                            indexes=tuple(self.font_indexes.get(face, 0) for face in
                                          ("regular", "bold", "italic", "bold_italic"))),
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

    def resolve(value: str | FontFace | None, kind: str, *key: str) -> Path | None:
        if value is None:
            return None
        index = value.index if isinstance(value, FontFace) else 0
        value = value.file if isinstance(value, FontFace) else value
        where = loaded.lines.problem(key, "")
        try:
            path = resolve_inside(folder, value, where)
            _check_asset(path, kind, value, where, index)
        except PackError as exc:
            problems.extend(exc.problems)
            return None
        return path

    fonts = {face: resolve(getattr(settings.fonts, face), "font", "fonts", face)
             for face in ("regular", "bold", "italic", "bold_italic")}
    logo = resolve(settings.logo, "logo", "logo")
    reference_doc = resolve(settings.reference_doc, "reference_doc", "reference_doc")
    problems += _label_problems(settings.labels, loaded.lines)
    if problems:
        raise PackError(problems)
    return Template(
        folder=folder,
        settings=settings,
        logo=logo,
        font_files={face: p for face, p in fonts.items() if p is not None},
        reference_doc=reference_doc,
        font_indexes={face: spec.index for face in fonts
                      if isinstance(spec := getattr(settings.fonts, face), FontFace)},
    )


def _label_problems(labels: dict[str, str], lines) -> list[Problem]:
    """A problem for each `labels:` key that is not a message the tool prints, and for each
    replacement that drops or invents a `{placeholder}` of its message."""
    import re

    from nlmg_packs.errors import did_you_mean
    from nlmg_packs.i18n import known_messages

    known, problems = known_messages(), []
    for message, text in labels.items():
        if message not in known:
            problems.append(lines.problem(("labels", message),
                                          f"`{message}` is not a message nlmg-packs prints",
                                          did_you_mean(message, known)))
        elif set(re.findall(r"\{(\w+)\}", text)) != set(re.findall(r"\{(\w+)\}", message)):
            fields = ", ".join(f"{{{f}}}" for f in re.findall(r"\{(\w+)\}", message))
            problems.append(lines.problem(("labels", message),
                                          f"the label for `{message}` must keep "
                                          f"{fields or 'no {placeholders}'}",
                                          "write each {name} of the message once in the label"))
    return problems


MAX_ASSET_BYTES = 20 * 1024 * 1024
"""A logo, font or reference document larger than this is refused."""

_SIGNATURES = {
    "logo": ((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"), "a PNG or JPEG image",
             "export the logo as PNG or JPEG"),
    "font": ((b"\x00\x01\x00\x00", b"true", b"ttcf"),
             "a TrueType font (.ttf) or collection (.ttc)",
             "use a .ttf file, or a .ttc with `{file: ..., index: N}` (OpenType .otf with "
             "PostScript outlines does not work)"),
    "reference_doc": ((b"PK\x03\x04",), "a Word document (.docx)",
                      "save it from Word or LibreOffice as .docx (not .doc or .dotx)"),
}


def _check_asset(path: Path, kind: str, value: str, where: Problem, index: int = 0) -> None:
    """Refuse an asset that is not what its key says, before a renderer trips over it;
    `index` is the face wanted from a font collection."""
    signatures, what, hint = _SIGNATURES[kind]

    def refuse(message: str) -> PackError:
        return PackError([Problem(where.file, where.line, where.col, message, hint)])

    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError as exc:
        raise refuse(f"cannot read `{value}` ({exc.strerror})") from None
    if size > MAX_ASSET_BYTES:
        raise refuse(f"`{value}` is {size / 1_048_576:.1f} MB, over the "
                     f"{MAX_ASSET_BYTES // 1_048_576} MB limit")
    if not head.startswith(signatures):
        raise refuse(f"`{value}` is not {what}")
    if kind == "reference_doc" and path.suffix.lower() != ".docx":
        raise refuse(f"`{value}` is not {what}")
    if kind == "logo":
        detail = _image_problem(path)
        if detail is not None:
            raise refuse(f"`{value}` is not a usable image ({detail})")
    if kind == "font":
        from nlmg_packs.fonts import truetype_problem

        faces = int.from_bytes(head[8:12], "big") if head.startswith(b"ttcf") else 1
        if index >= faces:
            raise PackError([Problem(
                where.file, where.line, where.col,
                f"`{value}` has {faces} face{'s' if faces > 1 else ''}, so no face {index}",
                f"use an index from 0 to {faces - 1}" if faces > 1 else "leave out `index`")])
        detail = truetype_problem(path, index)
        if detail is not None:
            detail = " ".join(detail.replace(str(path), value).split())[:120]
            raise refuse(f"`{value}` is not a usable TrueType font ({detail})")


MAX_LOGO_PIXELS = 25_000_000
"""A logo of more pixels than this (5000 × 5000) is refused before it is decoded: a small file
can claim a picture that fills gigabytes once decoded."""


def _image_problem(path: Path) -> str | None:
    """Why the image at `path` cannot be drawn (damaged, empty, too many pixels), or None.
    Pillow reads it as reportlab will, so a file that passes here draws."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_LOGO_PIXELS or not width or not height:
                return f"{width} × {height} pixels, more than the {MAX_LOGO_PIXELS:,} drawn"
            image.load()  # decodes every row: a cut or damaged file fails here
    except Image.DecompressionBombError:
        return f"more than {MAX_LOGO_PIXELS:,} pixels, the most that are drawn"
    except (OSError, ValueError, SyntaxError) as exc:
        return " ".join(str(exc).replace(str(path), path.name).split())[:120] or "damaged"
    return None
