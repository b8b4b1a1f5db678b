"""The look both renderers share: sizes, spacing and colours per accessibility preset.

Large print follows the UK Association for Accessible Formats guidance (body 18 pt,
page numbers as large as the body, no italics or capitals blocks, left-aligned, more
answer space); dyslexia-friendly follows the British Dyslexia Association style guide
(clear sans-serif 12-14 pt, line spacing 1.5, cream page, nothing justified).
"""

from __future__ import annotations

from dataclasses import dataclass

from nlmg_packs.render.options import RenderOptions

STANDARD_PITCH = 22.0
"""The standard preset's answer ruling, in points: a pack's `lines` count lines of this
ruling."""


@dataclass(frozen=True)
class Look:
    body_size: float
    """Body text size in points."""
    leading: float
    """Line height as a multiple of the size."""
    heading_sizes: tuple[float, float, float]
    small_size: float
    footer_size: float
    answer_line_gap: float
    """Distance between ruled answer lines, in points: about twice the body size, room for
    handwriting of the preset's size."""
    italics: bool
    """False: emphasis that would be italic is set bold (large print)."""
    page_tint: str | None
    """Background colour of every page, or None for white."""
    justify: bool
    sans: bool
    """Prefer a sans-serif body face where the renderer has the choice."""
    primary: str
    accent: str
    teacher_tint: str
    text: str

    @property
    def cell_size(self) -> float:
        """Table text size in points: the body size, but at most one point over the small size
        when the body is under 14 pt (tables are dense; large print keeps its body size)."""
        return min(self.body_size, self.small_size + 1) if self.body_size < 14 else self.body_size

    def answer_lines(self, expected: int) -> int:
        """How many ruled lines, `answer_line_gap` points apart, hold an answer the pack
        sizes at `expected` lines: the pack counts lines of the standard ruling
        (`STANDARD_PITCH`); handwriting grows with the ruling, so a wider ruling (large print,
        dyslexia) gives proportionally more lines, rounded to the nearest whole line and
        never fewer than `expected`. 0 stays 0 (no answer space)."""
        if expected <= 0:
            return 0
        needed = expected * self.answer_line_gap / STANDARD_PITCH
        return max(expected, int(needed + 0.5))


def look_for(options: RenderOptions) -> Look:
    """The look of a document rendered with `options`."""
    colours = options.colours
    base = dict(primary=colours.primary, accent=colours.accent, teacher_tint=colours.teacher,
                text=colours.text)
    if options.preset == "large-print":
        return Look(body_size=18, leading=1.3, heading_sizes=(26, 22, 20), small_size=16,
                    footer_size=18, answer_line_gap=34, italics=False, page_tint=None,
                    justify=False, sans=True, **base)
    if options.preset == "dyslexia":
        return Look(body_size=13, leading=1.5, heading_sizes=(20, 16, 14), small_size=12,
                    footer_size=11, answer_line_gap=28, italics=False, page_tint="#FBF6E6",
                    justify=False, sans=True, **base)
    return Look(body_size=11, leading=1.35, heading_sizes=(18, 14, 12), small_size=9,
                footer_size=8.5, answer_line_gap=STANDARD_PITCH, italics=True, page_tint=None,
                justify=False, sans=False, **base)
