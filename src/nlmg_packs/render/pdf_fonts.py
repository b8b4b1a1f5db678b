"""PDF fonts: register the body family (template TTFs or bundled Vera) and check glyph coverage."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from nlmg_packs import document as d
from nlmg_packs.errors import PackError, Problem
from nlmg_packs.fonts import Coverage, missing_glyphs, normalise
from nlmg_packs.render.options import FontFiles

FACES = ("regular", "bold", "italic", "bold_italic")
_VERA = {"regular": "Vera.ttf", "bold": "VeraBd.ttf", "italic": "VeraIt.ttf",
         "bold_italic": "VeraBI.ttf"}

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
    """Register the template's TTFs (else Vera) as one family so <b> and <i> work."""
    folder = Path(reportlab.__file__).parent / "fonts"
    files = {face: getattr(fonts, face) for face in FACES}
    if files["regular"] is None:
        files = {face: folder / _VERA[face] for face in FACES}
    else:
        files = {face: path or files["regular"] for face, path in files.items()}
    names = {face: _register(path) for face, path in files.items()}
    pdfmetrics.registerFontFamily(names["regular"], normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    cmaps = tuple(frozenset(pdfmetrics.getFont(names[f]).face.charToGlyph) for f in FACES)
    return FontFamily(coverage=Coverage(Path(files["regular"]).stem, cmaps), **names)


def _register(path: Path) -> str:
    path = Path(path)
    bundled = path.parent == Path(reportlab.__file__).parent / "fonts"
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    name = path.stem if bundled else f"{path.stem}-{digest}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
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
