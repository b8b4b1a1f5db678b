"""Table column widths from the content, shared by both renderers: no word breaks in a cell.

A column is at least as wide as its longest word (set in the bold face at the table's size,
plus the cell's padding); the rest of the width is shared by the table's relative weights. When
the longest words cannot all fit, a word that alone would take more than `CAP` of the width (a
file path) may break, rather than starve the other columns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from nlmg_packs import document as d
from nlmg_packs.render.inline import plain_text

_HYPHEN_BREAK = re.compile(r"(?<=\w-)(?=\w)")
"""Word and LibreOffice may break a line after a hyphen inside a word ("close-|reading").
(reportlab's `embeddedHyphenation` can too, but loses the hyphen when a paragraph with inline
markup is wrapped again at another width, as tables do: the PDF keeps such words whole.)"""
CAP = 0.3
"""Share of the table's width one column's longest word may claim (or 1/columns if more)."""


def column_widths(block: d.Table, total: float, measure: Callable[[str], float],
                  padding: float, hyphen_breaks: bool = False) -> list[float]:
    """Widths for `block`'s columns, summing to `total`.

    `measure(word)` gives a word's width and `padding` a cell's left plus right padding, in
    the unit of `total` (points for PDF, twentieths of a point or EMU for DOCX alike).
    `hyphen_breaks`: the client breaks lines after a hyphen inside a word.
    """
    columns = max([len(block.header)] + [len(r) for r in block.rows])
    weights = (list(block.widths or ()) + [1.0] * columns)[:columns]
    widths = [total * w / sum(weights) for w in weights]
    floor = _floors(block, math.inf, measure, padding, hyphen_breaks)
    if sum(floor) > total:  # a long word (a file path) may break rather than starve the rest
        floor = _floors(block, total, measure, padding, hyphen_breaks)
    if sum(floor) > total:  # too many long words: share the width by the longest words
        return [total * f / sum(floor) for f in floor]
    for _ in range(columns):
        short = [c for c in range(columns) if widths[c] < floor[c] - 0.01]
        if not short:
            break
        need = sum(floor[c] - widths[c] for c in short)
        spare = [c for c in range(columns) if c not in short and widths[c] > floor[c]]
        room = sum(widths[c] - floor[c] for c in spare)
        for c in short:
            widths[c] = floor[c]
        for c in spare:
            widths[c] -= need * (widths[c] - floor[c]) / room
    return widths


def fitting(block: d.Table, total: float, settings: list[tuple[Callable[[str], float], float]],
            hyphen_breaks: bool = False) -> int:
    """The first of `settings` (a word measure and a cell padding, from the preferred type
    size and padding to smaller ones) at which every word of `block` fits its column whole;
    if none does, the first at which they fit with the longest words capped at `CAP` of the
    width (a file path may break); the last one if none does either."""
    for cap in (math.inf, total):
        for index, (measure, padding) in enumerate(settings):
            if sum(_floors(block, cap, measure, padding, hyphen_breaks)) <= total:
                return index
    return len(settings) - 1


def widest_words(block: d.Table, measure: Callable[[str], float], padding: float,
                 hyphen_breaks: bool = False) -> float:
    """The least width at which every column of `block` holds its longest word whole: the sum
    of each column's longest word plus `padding` (same unit as `measure`, uncapped)."""
    return sum(_floors(block, math.inf, measure, padding, hyphen_breaks))


def _floors(block: d.Table, total: float, measure: Callable[[str], float],
            padding: float, hyphen_breaks: bool) -> list[float]:
    """Each column's longest word plus padding, capped at `CAP` of `total`."""
    columns = max([len(block.header)] + [len(r) for r in block.rows])
    texts: list[list[str]] = [[h] for h in block.header]
    texts += [[] for _ in range(columns - len(texts))]
    for row in block.rows:
        for c, item in enumerate(row):
            texts[c].append(plain_text(item.text))
    cap = max(total * CAP, total / columns)
    return [min(cap, max((measure(piece) + padding for t in column for word in t.split()
                          for piece in (_HYPHEN_BREAK.split(word) if hyphen_breaks else [word])),
                         default=padding))
            for column in texts]


def wide_bold(size: float, bold: bool = True) -> Callable[[str], float]:
    """A text's width in points at `size` points in Bitstream Vera Sans (Bold, unless `bold` is
    False; bundled with reportlab): as wide as Verdana and DejaVu Sans, wider than Arial,
    Calibri or Georgia, so DOCX text measured with it fits in any client's font."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "VeraBd" if bold else "Vera"
    if name not in pdfmetrics.getRegisteredFontNames():
        path = f"{reportlab.__path__[0]}/fonts/{name}.ttf"
        pdfmetrics.registerFont(TTFont(name, path))
    return lambda text: pdfmetrics.stringWidth(text, name, size)


def shorten(text: str, width: float, measure: Callable[[str], float]) -> str:
    """`text`, cut with an ellipsis if `measure(text)` is over `width` (same unit)."""
    if measure(text) <= width:
        return text
    while text and measure(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""
