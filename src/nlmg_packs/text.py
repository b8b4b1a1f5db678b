"""Unicode hygiene, applied once to every text as a YAML file is read.

Text is put in Normalization Form C (Unicode Standard Annex #15), so a letter typed as a base
letter and a combining mark (macOS, some input methods) is the same character a font and the
glyph check know. Invisible characters that word processors paste are settled here, once, so
the pack-wide glyph check and both renderers see the same text:

- dropped: soft hyphen U+00AD, zero width space U+200B, word joiner U+2060 and zero width
  no-break space U+FEFF (a byte order mark inside the text);
- made ordinary: the fixed-width spaces U+2000–U+200A and U+205F become a space; the figure
  space U+2007 and the narrow no-break space U+202F become a no-break space U+00A0.

Other invisible format characters (Unicode general category Cf) and variation selectors cannot
print and are refused where they stand (`invisible_characters`). Kept, because they carry
meaning: zero width non-joiner and joiner (U+200C, U+200D), the directional marks and isolates
the bidirectional algorithm reads (UAX #9), and the Arabic number signs U+0600–U+0605, which
print.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

DROPPED = frozenset("\u00ad\u200b\u2060\ufeff")
"""Invisible characters removed on load."""

_TRANSLATION = {ord(c): None for c in DROPPED}
_TRANSLATION.update({c: " " for c in range(0x2000, 0x200B)})
_TRANSLATION.update({0x2007: "\u00a0", 0x202F: "\u00a0", 0x205F: " "})

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")
"""Directional formatting characters (UAX #9, section 2): read by the bidirectional
algorithm, never drawn."""

_KEPT_FORMAT = BIDI_CONTROLS | frozenset("\u200c\u200d\u0600\u0601\u0602\u0603\u0604\u0605"
                                         "\u06dd\u070f\u08e2\u110bd\u110cd")


def clean(text: str) -> str:
    """`text` in NFC with pasted invisible characters and exotic spaces settled (see above)."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = text.translate(_TRANSLATION)
    return text


def is_invisible(char: str) -> bool:
    """Whether `char` is an invisible character that cannot print (see the module notes)."""
    if char in _KEPT_FORMAT:
        return False
    code = ord(char)
    return (unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF)


def invisible_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of every character in `text` that cannot print, in order."""
    if text.isascii():
        return
    for index, char in enumerate(text):
        if char not in DROPPED and not char.isascii() and is_invisible(char):
            yield index, char


def describe(char: str) -> str:
    """`U+200E (LEFT-TO-RIGHT MARK)`: a character as the messages name it."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")
