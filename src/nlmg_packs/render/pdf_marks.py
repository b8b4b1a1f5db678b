"""Theme marks in the PDF: pills (a theme letter or a warning in a rounded box), rows of pills
and words that wrap together, and the letter swatches of table cells.

Sizes are in points; colours are "#RRGGBB" strings, and text on a fill takes the ink that meets
WCAG 2.1 contrast (`pdf_styles.ink_on`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from nlmg_packs.render.pdf_flowables import drawn
from nlmg_packs.render.pdf_styles import ink_on
from nlmg_packs.render.pdf_tags import marked


@dataclass(frozen=True)
class Pill:
    """A rounded box with short bold text (a theme letter, a warning)."""

    text: str
    fill: str

    def width(self, font: str, size: float) -> float:
        return max(size * 1.45, stringWidth(drawn(self.text), font, size) + size * 0.9)


@dataclass(frozen=True)
class Words:
    text: str
    colour: str
    bold: bool = False


class InlineMarks(Flowable):
    """A left-aligned row of pills and words that wraps onto more rows when it must."""

    def __init__(self, items: list[Pill | Words], regular: str, bold: str, size: float,
                 space_before: float = 0, space_after: float = 0) -> None:
        super().__init__()
        self.items, self.regular, self.bold, self.size = items, regular, bold, size
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.row_height = size * 1.75

    def _width(self, item: Pill | Words) -> float:
        if isinstance(item, Pill):
            return item.width(self.bold, self.size)
        return stringWidth(drawn(item.text), self.bold if item.bold else self.regular, self.size)

    def _gap(self, item: Pill | Words) -> float:
        return self.size * 0.35 if isinstance(item, Pill) else self.size * 0.9

    def _layout(self, avail_width: float) -> list[tuple[float, int, Pill | Words]]:
        """Items left to right; a pill and the words after it wrap together, as one unit.
        Words wider than a whole row are cut at spaces and go on over the next rows."""
        placed, x, row = [], 0.0, 0
        for i, item in enumerate(self.items):
            w = self._width(item)
            unit = w
            after = self.items[i + 1] if i + 1 < len(self.items) else None
            if isinstance(item, Pill) and isinstance(after, Words):
                unit += self._gap(item) + self._width(after)
            starts_unit = not (i and isinstance(self.items[i - 1], Pill)
                               and isinstance(item, Words))
            if starts_unit and x > 0 and x + min(unit, avail_width) > avail_width:
                x, row = 0.0, row + 1
            pieces = (self._cut(item, avail_width - x, avail_width)
                      if isinstance(item, Words) and w > avail_width - x else [item])
            for k, piece in enumerate(pieces):
                if k:
                    x, row = 0.0, row + 1
                placed.append((x, row, piece))
            x += self._width(pieces[-1]) + self._gap(item)
        return placed

    def _cut(self, item: Words, room: float, avail_width: float) -> list[Words]:
        """`item` cut at spaces: the first piece within `room` points, each other within
        `avail_width` (a single word wider than that stands alone on its row)."""
        pieces: list[Words] = []
        line = ""
        for word in item.text.split(" "):
            trial = f"{line} {word}" if line else word
            if line and self._width(replace(item, text=trial)) > room:
                pieces.append(replace(item, text=line))
                line, room = word, avail_width
            else:
                line = trial
        return [*pieces, replace(item, text=line)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._placed = self._layout(avail_width)
        rows = 1 + max((row for _, row, _ in self._placed), default=0)
        self.width, self.height = avail_width, rows * self.row_height
        return self.width, self.height

    tag: str | None = "P"
    """The structure type of the row (None: the enclosing element's own content)."""

    def drawOn(self, canv, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        with marked(canv, self.tag):
            super().drawOn(canv, x, y, _sW)

    def draw(self) -> None:
        canv = self.canv
        box_h = self.size * 1.45
        last = len(self._placed) - 1
        for i, (x, row, item) in enumerate(self._placed):
            # a space after each piece's glyphs (invisible) keeps the words apart for a reader
            # of the text (the pill's letter, the theme's name, the chapters)
            space = " " if i < last else ""
            base = self.height - (row + 1) * self.row_height + (self.row_height - box_h) / 2
            text_y = base + (box_h - self.size * 0.72) / 2
            if isinstance(item, Pill):
                w = self._width(item)
                canv.setFillColor(HexColor(item.fill))
                canv.setStrokeColor(HexColor(item.fill))
                canv.setLineWidth(0.8)
                canv.roundRect(x, base, w, box_h, self.size * 0.3, stroke=1, fill=1)
                canv.setFillColor(HexColor(ink_on(item.fill)))
                canv.setFont(self.bold, self.size)
                text = drawn(item.text)
                canv.drawString(x + (w - canv.stringWidth(text)) / 2, text_y, text + space)
            else:
                canv.setFillColor(HexColor(item.colour))
                canv.setFont(self.bold if item.bold else self.regular, self.size)
                canv.drawString(x, text_y, drawn(item.text) + space)


class Swatch(Flowable):
    """A theme letter centred on its colour, filling a table cell."""

    def __init__(self, letter: str, colour: str, font: str, size: float) -> None:
        super().__init__()
        self.letter, self.colour, self.font, self.size = letter, colour, font, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.size * 1.2
        return self.width, self.height

    def drawOn(self, canv, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        with marked(canv):  # the letter is its cell's content
            super().drawOn(canv, x, y, _sW)

    def draw(self) -> None:
        self.canv.setFillColor(HexColor(ink_on(self.colour)))
        self.canv.setFont(self.font, self.size)
        self.canv.drawCentredString(self.width / 2, self.size * 0.25, drawn(self.letter))
