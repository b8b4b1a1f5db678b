"""Running header and footer text with its inline markup: a book title in the footer's
citation stays in italics (or bold, in a preset without italics), as in the body."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from nlmg_packs import bidi
from nlmg_packs.render.inline import parse_inline, plain_text
from nlmg_packs.render.pdf_flowables import drawn
from nlmg_packs.render.pdf_fonts import FontFamily, normalise

ELLIPSIS = "..."


@dataclass(frozen=True)
class Piece:
    """A stretch of one line in one face: its text and reportlab font name."""

    text: str
    font: str


Line = tuple[Piece, ...]


def _face(fonts: FontFamily, bold: bool, italic: bool) -> str:
    if bold:
        return fonts.bold_italic if italic else fonts.bold
    return fonts.italic if italic else fonts.regular


def _words(text: str, fonts: FontFamily, italics: bool) -> list[list[Piece]]:
    """`text`'s words, each a list of pieces (a word may change face inside: "*Go*,").
    Emphasis follows the body's rule (`pdf_styles.markup`): italic, or bold when the preset
    sets no italics."""
    words: list[list[Piece]] = [[]]
    for run in parse_inline(normalise(text)):
        font = _face(fonts, run.bold or (run.italic and not italics), run.italic and italics)
        for i, chunk in enumerate(run.text.split(" ")):
            if i:
                words.append([])
            if chunk:
                words[-1].append(Piece(chunk, font))
    return [w for w in words if w]


def width(line: Line, size: float) -> float:
    """The drawn width of `line` at `size` points, in points."""
    return sum(stringWidth(p.text, p.font, size) for p in line)


def lay_out(text: str, fonts: FontFamily, size: float, italics: bool, room: float,
            max_lines: int) -> list[Line]:
    """`text` (inline markup) broken into at most `max_lines` lines of `room` points at
    `size` points (more is left out, as before). Text with right-to-left letters is set
    upright, a line in one piece (those scripts have no italics, and each line is reordered
    whole when drawn)."""
    if bidi.has_rtl(text):
        from reportlab.lib.utils import simpleSplit

        lines = simpleSplit(normalise(plain_text(text)), fonts.regular, size, room)
        return [(Piece(line, fonts.regular),) for line in lines[:max_lines]]
    space = Piece(" ", fonts.regular)
    lines: list[list[Piece]] = []
    for word in _words(text, fonts, italics):
        current = lines[-1] if lines else None
        if current is not None and width((*current, space, *word), size) <= room:
            current += [space, *word]
        else:
            lines.append(list(word))
    return [_merged(line) for line in lines[:max_lines]]


def one_line(text: str, fonts: FontFamily, size: float, italics: bool, room: float) -> Line:
    """`text` on one line of `room` points, cut letter by letter with an ellipsis if it is
    wider."""
    if bidi.has_rtl(text):
        return (Piece(_fit(normalise(plain_text(text)), fonts.regular, size, room),
                      fonts.regular),)
    space = Piece(" ", fonts.regular)
    pieces: list[Piece] = []
    for word in _words(text, fonts, italics):
        pieces += [space, *word] if pieces else word
    if width(tuple(pieces), size) <= room:
        return _merged(pieces)
    ellipsis = Piece(ELLIPSIS, fonts.regular)
    while pieces and width((*pieces, ellipsis), size) > room:
        last = pieces.pop()
        if len(last.text) > 1:
            pieces.append(Piece(last.text[:-1], last.font))
    while pieces and not pieces[-1].text.rstrip():
        pieces.pop()
    if pieces:
        pieces[-1] = Piece(pieces[-1].text.rstrip(), pieces[-1].font)
    return _merged([*pieces, ellipsis]) if pieces else ()


def _fit(text: str, font: str, size: float, room: float) -> str:
    """`text`, cut with an ellipsis if it is wider than `room` points."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + ELLIPSIS, font, size) > room:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS if text else ""


def _merged(pieces: list[Piece]) -> Line:
    """Neighbouring pieces in the same face joined: a line without markup is one piece."""
    out: list[Piece] = []
    for piece in pieces:
        if out and out[-1].font == piece.font:
            out[-1] = Piece(out[-1].text + piece.text, piece.font)
        else:
            out.append(piece)
    return tuple(out)


def draw_line(canv: Canvas, x: float, y: float, line: Line, size: float) -> None:
    """Draw `line` from `x` on baseline `y`, each piece in its face (the fill colour set)."""
    if len(line) == 1 and bidi.has_rtl(line[0].text):
        canv.setFont(line[0].font, size)
        canv.drawString(x, y, drawn(line[0].text))
        return
    for piece in line:
        canv.setFont(piece.font, size)
        canv.drawString(x, y, piece.text)
        x += stringWidth(piece.text, piece.font, size)
