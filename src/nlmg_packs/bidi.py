"""Right-to-left text for a renderer that draws code points left to right (reportlab).

Arabic letters are first replaced by their joined presentation forms (arabic-reshaper; shaping
does not depend on order, so it is done on the logical text, before line breaking measures
it). After the lines are broken, each line is put in visual order by the Unicode
Bidirectional Algorithm (UAX #9, rules L1–L4, python-bidi) with the paragraph's own base
direction: reordering a whole paragraph first would put its lines in reverse order.

What reportlab cannot draw right even so is refused (`faults`): bold or italic words inside
right-to-left text (a line of several formats is not reordered), vowel points and other
combining marks in right-to-left text (they need the font's mark positioning), and scripts
that need a shaping engine (Syriac, Thaana, N'Ko, the Indic scripts, Tibetan, Myanmar, Khmer,
Mongolian).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from nlmg_packs.text import BIDI_CONTROLS

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                  "\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_NEEDS_ENGINE = re.compile("[\u0700-\u074f\u0780-\u07ff\u0900-\u0dff\u0f00-\u0fff"
                           "\u1000-\u109f\u1780-\u18af]")
_FORMATTED = re.compile(r"\*(?=\S).+?(?<=\S)\*")
"""A stretch of `*italic*` or `**bold**` (the inline syntax of `render.inline`)."""
_STRIP = str.maketrans(dict.fromkeys(map(ord, BIDI_CONTROLS)))

_RESHAPER_CONFIG = {
    "language": "Arabic", "delete_harakat": False, "shift_harakat_position": False,
    "delete_tatweel": False, "support_zwj": True, "use_unshaped_instead_of_isolated": False,
    "support_ligatures": True, "ARABIC LIGATURE ALLAH": False,
}
"""Joined letter forms and the obligatory lam-alef ligatures only: every glyph they need is in
DejaVu Sans, and the text reads back letter for letter."""


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (Hebrew, Arabic and their neighbours)."""
    return _RTL.search(text) is not None


def without_rtl(text: str) -> str:
    """`text` less its right-to-left letters."""
    return _RTL.sub("", text)


@lru_cache(maxsize=4096)
def is_rtl(text: str) -> bool:
    """Whether a paragraph of `text` runs right to left (its first strong letter, UAX #9
    rules P2–P3)."""
    if not has_rtl(text):
        return False
    from bidi import get_base_level

    return get_base_level(text) == 1


@lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """`text` with Arabic letters in their joined forms, still in logical order."""
    if _ARABIC.search(text) is None:
        return text
    return _reshaper().reshape(text)


@lru_cache(maxsize=1)
def _reshaper():
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration=_RESHAPER_CONFIG)


def visual(line: str, rtl: bool) -> str:
    """One line in the order its characters are drawn, left to right; `rtl` is the base
    direction of the paragraph the line belongs to."""
    if not has_rtl(line):
        return line.translate(_STRIP)
    from bidi import get_display

    return get_display(line, base_dir="R" if rtl else "L").translate(_STRIP)


def faults(text: str) -> Iterator[tuple[str, str, str]]:
    """(character, message, hint) for each character the PDF cannot draw right in `text`."""
    if has_rtl(text):
        if _FORMATTED.search(text) and _FORMATTED.sub("", text).strip(" *"):
            yield ("*", "bold or italic inside right-to-left text cannot be drawn in the PDF",
                   "remove the asterisks around words in this text")
        for char in dict.fromkeys(text):
            if unicodedata.combining(char):
                yield (char, f"the mark U+{ord(char):04X} ({unicodedata.name(char, '?')}) "
                       "cannot be placed on its letter in right-to-left text in the PDF",
                       "leave out vowel points and other marks in Hebrew and Arabic text")
    match = _NEEDS_ENGINE.search(text)
    if match:
        char = match.group()
        yield (char, f"character {char!r} (U+{ord(char):04X}) needs a text shaping engine "
               "the PDF renderer does not have", "write this text in another script")
