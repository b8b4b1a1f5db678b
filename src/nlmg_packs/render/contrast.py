"""Colour contrast computed, not judged: WCAG 2.1 relative luminance and contrast ratio.

WCAG 2.1 success criterion 1.4.3 (Contrast, Minimum, level AA): text needs a contrast ratio of
at least 4.5:1 with its background, large text 3:1 (18 pt, or 14 pt bold). Definitions of
"relative luminance" and "contrast ratio" from WCAG 2.1 §5 (sRGB, linearised per channel).
Colours are "#RRGGBB" strings throughout.
"""

from __future__ import annotations

AA_TEXT = 4.5
"""Minimum contrast ratio of normal text (WCAG 2.1 SC 1.4.3)."""
AA_LARGE_TEXT = 3.0
"""Minimum contrast ratio of large text: 18 pt and over, or 14 pt and over in bold."""
BLACK, WHITE = "#000000", "#FFFFFF"


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{min(255, max(0, round(c))):02X}" for c in rgb)


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of `colour`, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        v = channel / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 to 21 (order does not matter)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def needed(size: float, bold: bool = False) -> float:
    """The AA minimum for text of `size` points."""
    return AA_LARGE_TEXT if size >= 18 or (bold and size >= 14) else AA_TEXT


def ink_on(fill: str) -> str:
    """Black or white, whichever contrasts more with `fill`; always at least 4.58:1."""
    return BLACK if ratio(BLACK, fill) >= ratio(WHITE, fill) else WHITE


def _mix(colour: str, towards: str, amount: float) -> str:
    a, b = _rgb(colour), _rgb(towards)
    return _hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def readable(text: str, background: str, minimum: float = AA_TEXT) -> str:
    """`text` if it meets `minimum` on `background`; else the same hue darkened (on a light
    background) or lightened (on a dark one) just enough to meet it."""
    if ratio(text, background) >= minimum:
        return text
    towards = BLACK if ratio(BLACK, background) >= ratio(WHITE, background) else WHITE
    low, high = 0.0, 1.0  # the least mix that passes, to 1/256
    for _ in range(8):
        middle = (low + high) / 2
        if ratio(_mix(text, towards, middle), background) >= minimum:
            high = middle
        else:
            low = middle
    return _mix(text, towards, high)


def fill_for(fill: str, text: str, minimum: float = AA_TEXT) -> str:
    """`fill` if `text` meets `minimum` on it; else the fill moved away from the text's
    luminance (darkened under white text, lightened under black) just enough."""
    return readable(fill, text, minimum)
