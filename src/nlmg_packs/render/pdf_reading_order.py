"""A right-to-left line drawn glyph by glyph in reading order, each glyph at its visual place.

reportlab shows a line's characters left to right, so a Hebrew or Arabic line is handed to it
in visual order (`bidi.visual`). Text extraction that follows the content stream (poppler's
`pdfinfo -struct-text`, assistive technology reading marked content) then gets the line
backwards. Here the same glyphs are shown in logical order instead, each moved to where the
visual line puts it (text positioning inside `TJ`, ISO 32000-1 §9.4.3): the page looks the
same, and the content reads in order. Word spacing (`Tw`) is set to 0 meanwhile and added to
the positions by hand, so every move is exact whatever byte a subset gives the space.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import stringWidth

from nlmg_packs.text import BIDI_CONTROLS

MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
"""Characters the Bidirectional Algorithm mirrors in right-to-left text (UAX #9 rule L4), the
common ones; a line with another is drawn in visual order."""


_SHOW = re.compile(r"(.*?)(<[0-9A-Fa-f]*>|\((?:[^\\)]|\\.)*\)) Tj$", re.DOTALL)
"""A text object's code that shows one string: what comes before the string, the string."""


def reading_order(drawn: str, logical: str) -> list[int] | None:
    """The places in `drawn` (a line in visual order) of the characters of `logical` (the same
    line in reading order), in reading order; places left over (spaces the line kept at an end)
    follow. None when `logical` holds a character `drawn` does not."""
    places: dict[str, deque[int]] = defaultdict(deque)
    for place, char in enumerate(drawn):
        places[char].append(place)
    order: list[int] = []
    for char in logical:
        if char in BIDI_CONTROLS:
            continue
        queue = places.get(char) or places.get(MIRRORED.get(char, ""))
        if not queue:
            return None
        order.append(queue.popleft())
    taken = set(order)
    return order + [place for place in range(len(drawn)) if place not in taken]


def show_in_reading_order(tx: Any, drawn: str, logical: str, t_star: int) -> bool:
    """Show `drawn` on `tx` (a reportlab text object at the line's start) glyph by glyph in the
    order of `logical`; False, with nothing shown, when the two do not match."""
    order = reading_order(drawn, logical)
    if order is None:
        return False
    font, size = tx._fontname, tx._fontsize
    word_space = getattr(tx, "_wordSpace", 0) or 0
    starts, x = [], 0.0
    for char in drawn:
        starts.append(x)
        x += stringWidth(char, font, size) + (word_space if char == " " else 0)
    code = ["0 Tw"] if word_space else []
    pen = 0.0
    for place in order:
        shown = tx._formatText(drawn[place])
        move = starts[place] - pen
        if abs(move) > 1e-6:  # in the glyph's own TJ, after any font change before it
            found = _SHOW.match(shown)
            if found is None:
                return _undo(tx)
            shown = f"{found[1]}[{fp_str(-move * 1000 / size)} {found[2]}] TJ"
        code.append(shown)
        pen = starts[place] + stringWidth(drawn[place], font, size)
    if abs(x - pen) > 1e-6:
        code.append(f"[{fp_str(-(x - pen) * 1000 / size)}] TJ")
    if word_space:
        code.append(f"{fp_str(word_space)} Tw")
    tx._code.append(" ".join(code) + (" T*" if t_star else ""))
    return True


def _undo(tx: Any) -> bool:
    """Nothing was shown; the text object keeps the font subset it had (False, to say so)."""
    tx._curSubset = -1  # `_formatText` chose subsets for glyphs that were not shown
    return False
