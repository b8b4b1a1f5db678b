"""PDF fonts: register the body family (template TTFs or bundled DejaVu) and check glyphs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from nlmg_packs import document as d
from nlmg_packs.errors import PackError, Problem
from nlmg_packs.fonts import Coverage, missing_glyphs, normalise
from nlmg_packs.render.options import FontFiles

FACES = ("regular", "bold", "italic", "bold_italic")
FONT_FOLDER = Path(__file__).resolve().parents[1] / "font_files"
"""The bundled DejaVu fonts (version 2.37, Bitstream Vera licence: see LICENSE there)."""
BUILTIN = {
    "sans": ("DejaVu Sans", ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                             "DejaVuSans-BoldOblique.ttf")),
    "serif": ("DejaVu Serif", ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
                               "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf")),
}
"""The bundled families by `fonts.builtin` value: the name shown, and the four faces' files."""

UPRIGHT: dict[str, str] = {}
"""Registered font name → the upright face of its family. Right-to-left text is set upright:
Hebrew and Arabic have no italic tradition, and DejaVu Sans's obliques have no Arabic."""

__all__ = ["FontFamily", "block_texts", "check_coverage", "normalise", "register_family"]


@dataclass(frozen=True)
class FontFamily:
    """The four registered faces of the body family, by reportlab font name."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    coverage: Coverage
    """What the four faces can draw, and the family's name as a teacher knows it."""


def register_family(fonts: FontFiles) -> FontFamily:
    """Register the template's TTFs (else the bundled DejaVu family `fonts.builtin` names) as
    one family, so <b> and <i> work. Registered once per process and set of files."""
    if fonts.regular is None:
        display, names = BUILTIN[fonts.builtin]
        return _family(display, tuple((FONT_FOLDER / name, 0) for name in names))
    regular = (fonts.regular, fonts.indexes[0])
    sources = tuple((path, index) if path is not None else regular
                    for path, index in zip((getattr(fonts, f) for f in FACES), fonts.indexes,
                                           strict=True))
    return _family(Path(fonts.regular).stem, sources)


@lru_cache(maxsize=8)
def _family(display: str, sources: tuple[tuple[Path, int], ...]) -> FontFamily:
    names = dict(zip(FACES, (_register(path, index) for path, index in sources), strict=True))
    pdfmetrics.registerFontFamily(names["regular"], normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    UPRIGHT.update({names["italic"]: names["regular"], names["bold_italic"]: names["bold"]})
    cmaps = tuple(frozenset(pdfmetrics.getFont(names[f]).face.charToGlyph) for f in FACES)
    return FontFamily(coverage=Coverage(display, cmaps), **names)


def _register(path: Path, index: int = 0) -> str:
    path = Path(path)
    if path.parent == FONT_FOLDER:
        name = path.stem
    else:
        digest = hashlib.sha1(f"{path.resolve()}#{index}".encode()).hexdigest()[:8]
        name = f"{path.stem}-{digest}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    return name


def check_coverage(doc: d.Document, family: FontFamily, extra: Iterable[str] = ()) -> None:
    """Raise PackError naming every character in `doc` (and `extra`, the renderer's own
    furniture) that the family cannot draw, at the origin of its block where it has one."""
    fallback = d.Origin(doc.title)
    texts: list[tuple[d.Block | None, str]] = [(None, doc.header), (None, doc.footer),
                                               (None, doc.title)]
    texts += [(None, t) for t in extra]
    texts += [(b, t) for block in doc.blocks for b, t in block_texts(block)]

    def locate(block: d.Block | None, message: str, hint: str) -> Problem:
        origin = getattr(block, "origin", None) or fallback
        return Problem(origin.file, origin.line, origin.col, message, hint)

    problems = missing_glyphs(texts, family.coverage, locate)
    if problems:
        raise PackError(problems)


def block_texts(block: d.Block) -> Iterator[tuple[d.Block, str]]:
    """Every string a block prints, paired with the block that carries its origin."""
    match block:
        case d.TeacherNote():
            yield block, block.title
            for inner in block.blocks:
                yield from block_texts(inner)
            return
        case d.Table():
            yield from ((block, h) for h in block.header)
            for row in block.rows:
                for cell in row:
                    yield block, cell.text
                    if cell.tag:
                        yield block, cell.tag.letter
            return
    for name in ("text", "title", "subtitle", "citation", "meta", "label", "check_label"):
        value = getattr(block, name, None)
        if isinstance(value, str):
            yield block, value
    for name in ("items", "lines", "labels"):
        value = getattr(block, name, None)
        if isinstance(value, tuple):
            yield from ((block, v) for v in value)
    for tag in getattr(block, "themes", ()):
        yield block, tag.name
        yield block, tag.letter
