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
from nlmg_packs.render import _bidi
from nlmg_packs.template import Template
from nlmg_packs.text import BIDI_CONTROLS, clean

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


def normalise(text: str) -> str:
    """`text` as the renderers draw it: NFC with invisible characters settled (`text.clean`).
    Text read from YAML is already clean; this settles the tool's own strings the same way."""
    return clean(text)


@dataclass(frozen=True)
class FontFamily:
    """The four registered faces of the body family, by reportlab font name."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    display: str
    """The name a teacher knows the font by (the family's name, or the file's stem)."""
    cmaps: tuple[frozenset[int], ...]
    """The characters each face can draw, in FACES order."""
    drawable: frozenset[str] = frozenset()
    """The characters every face can draw, and the control characters (never drawn)."""

    def faults(self, text: str) -> Iterator[tuple[str, str, str]]:
        """(character, message, hint) for each character of `text` the PDF cannot draw, as
        drawn: Arabic joined, right-to-left text in the upright faces only."""
        if self.drawable.issuperset(text):  # the usual case, checked at C speed
            return
        yield from _bidi.faults(text)
        rtl = _bidi.has_rtl(text)
        cmaps = self.cmaps[:2] if rtl else self.cmaps
        drawn = _bidi.shape(text) if rtl else text
        for char in dict.fromkeys(text + drawn):
            if ord(char) < 32 or char in BIDI_CONTROLS or all(ord(char) in m for m in cmaps):
                continue
            yield (char, f"character {char!r} (U+{ord(char):04X}) is not in font {self.display}",
                   "use a template font that has it (set `fonts:` in template.yaml)")


def register_family(template: Template) -> FontFamily:
    """Register the template's TTFs (else the bundled DejaVu family the template names) as one
    family, so <b> and <i> work. Registered once per process and set of files."""
    files = {face: template.font_files.get(face) for face in FACES}
    indexes = {face: template.font_indexes.get(face, 0) for face in FACES}
    if files["regular"] is None:
        display, names = BUILTIN[template.settings.fonts.builtin]
        return _family(display, tuple((FONT_FOLDER / name, 0) for name in names))
    for face in FACES[1:]:
        if files[face] is None:
            files[face], indexes[face] = files["regular"], indexes["regular"]
    return _family(Path(files["regular"]).stem,
                   tuple((Path(files[face]), indexes[face]) for face in FACES))


@lru_cache(maxsize=8)
def _family(display: str, sources: tuple[tuple[Path, int], ...]) -> FontFamily:
    names = dict(zip(FACES, (_register(path, index) for path, index in sources), strict=True))
    pdfmetrics.registerFontFamily(names["regular"], normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    UPRIGHT.update({names["italic"]: names["regular"], names["bold_italic"]: names["bold"]})
    cmaps = tuple(frozenset(pdfmetrics.getFont(names[f]).face.charToGlyph) for f in FACES)
    common = "".join(map(chr, frozenset.intersection(*cmaps).union(range(32))))
    # Right-to-left letters always take the slower path of `faults`, which shapes them.
    drawable = frozenset(_bidi.without_rtl(common))
    return FontFamily(display=display, cmaps=cmaps, drawable=drawable, **names)


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
        for char, message, hint in family.faults(text):
            problem = Problem(origin.file, origin.line, origin.col, message, hint)
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
