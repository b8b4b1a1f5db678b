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
from nlmg_packs.template import Template

FACES = ("regular", "bold", "italic", "bold_italic")
_VERA = {"regular": "Vera.ttf", "bold": "VeraBd.ttf", "italic": "VeraIt.ttf",
         "bold_italic": "VeraBI.ttf"}

# Spacing characters many fonts lack; they print as the space the writer meant.
_SPACES = str.maketrans({"\u2007": "\u00a0", "\u2008": " ", "\u2009": " ", "\u200a": " ",
                         "\u202f": "\u00a0", "\u2002": " ", "\u2003": " ", "\u200b": ""})


def normalise(text: str) -> str:
    """`text` with exotic spaces replaced by ones every font has."""
    return text.translate(_SPACES)


@dataclass(frozen=True)
class FontFamily:
    """The four registered faces of the body family, by reportlab font name."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    display: str
    """The name a teacher knows the font by (the file's stem)."""
    cmaps: tuple[frozenset[int], ...]
    """The characters each face can draw."""
    drawable: frozenset[str] = frozenset()
    """The characters every face can draw, and the control characters (never drawn)."""


def register_family(template: Template) -> FontFamily:
    """Register the template's TTFs (else Vera) as one family so <b> and <i> work."""
    folder = Path(reportlab.__file__).parent / "fonts"
    files = {face: template.font_files.get(face) for face in FACES}
    if files["regular"] is None:
        files = {face: folder / _VERA[face] for face in FACES}
    else:
        files = {face: path or files["regular"] for face, path in files.items()}
    names = {face: _register(path) for face, path in files.items()}
    pdfmetrics.registerFontFamily(names["regular"], normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    cmaps = tuple(frozenset(pdfmetrics.getFont(names[f]).face.charToGlyph) for f in FACES)
    drawable = frozenset(chr(c) for c in frozenset.intersection(*cmaps).union(range(32)))
    return FontFamily(display=Path(files["regular"]).stem, cmaps=cmaps, drawable=drawable,
                      **names)


def _register(path: Path) -> str:
    path = Path(path)
    bundled = path.parent == Path(reportlab.__file__).parent / "fonts"
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    name = path.stem if bundled else f"{path.stem}-{digest}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def check_coverage(doc: d.Document, family: FontFamily, extra: Iterable[str] = ()) -> None:
    """Raise PackError naming every character in `doc` that the family cannot draw."""
    problems: list[Problem] = []
    seen: set[tuple[str, Problem]] = set()
    fallback = d.Origin(doc.title)
    texts = [(None, doc.header), (None, doc.footer), (None, doc.title)]
    texts += [(None, t) for t in extra]
    located = [(b, t) for block in doc.blocks for b, t in block_texts(block)]
    for block, text in texts + located:
        text = normalise(text)
        if family.drawable.issuperset(text):  # the usual case, checked at C speed
            continue
        origin = getattr(block, "origin", None) or fallback
        for char in text:
            if ord(char) < 32 or all(ord(char) in cmap for cmap in family.cmaps):
                continue
            problem = Problem(origin.file, origin.line, origin.col,
                              f"character {char!r} (U+{ord(char):04X}) is not in font "
                              f"{family.display}",
                              "use a template font that has it (set `fonts:` in template.yaml)")
            if (char, problem) not in seen:
                seen.add((char, problem))
                problems.append(problem)
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
    for name in ("text", "title", "subtitle", "citation", "meta", "label"):
        value = getattr(block, name, None)
        if isinstance(value, str):
            yield block, value
    for name in ("items", "lines"):
        value = getattr(block, name, None)
        if isinstance(value, tuple):
            yield from ((block, v) for v in value)
    for tag in getattr(block, "themes", ()):
        yield block, tag.name
        yield block, tag.letter
