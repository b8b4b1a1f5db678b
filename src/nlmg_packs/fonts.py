"""Font files and what they can draw, shared by the input stage and the PDF renderer.

One glyph check (`missing_glyphs`) serves both the build's pre-check over a validated pack (which
names the YAML line of every text) and the PDF renderer's check over a composed document (which
also sees the school name and the renderer's furniture). reportlab is imported only inside
`truetype_problem`, so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from nlmg_packs import bidi
from nlmg_packs.errors import Problem
from nlmg_packs.text import BIDI_CONTROLS, clean

GLYPH_HINT = "use a template font that has it (set `fonts:` in template.yaml)"


def normalise(text: str) -> str:
    """`text` as the renderers draw it: NFC with invisible characters settled (`text.clean`).
    Text read from YAML is already clean; this settles the tool's own strings the same way."""
    return clean(text)


@dataclass(frozen=True)
class Coverage:
    """What a font family can draw."""

    display: str
    """The name a teacher knows the font by (the family's name, or the regular file's stem)."""
    cmaps: tuple[frozenset[int], ...]
    """The code points each face maps to a glyph: regular, bold, italic, bold italic."""

    drawable: frozenset[str] = field(init=False, repr=False, compare=False)
    """The characters every face can draw, plus the control characters (never drawn), less
    the right-to-left letters (always checked as drawn: joined, upright)."""

    def __post_init__(self) -> None:
        common = "".join(map(chr, frozenset.intersection(*self.cmaps).union(range(32))))
        object.__setattr__(self, "drawable", frozenset(bidi.without_rtl(common)))

    def faults(self, text: str) -> Iterator[tuple[str, str, str]]:
        """(character, message, hint) for each character of `text` the PDF cannot draw, as
        it is drawn: Arabic joined, right-to-left text in the upright faces only."""
        text = normalise(text)
        if self.drawable.issuperset(text):  # the usual case, checked at C speed
            return
        yield from bidi.faults(text)
        rtl = bidi.has_rtl(text)
        cmaps = self.cmaps[:2] if rtl else self.cmaps
        drawn = bidi.shape(text) if rtl else text
        for char in dict.fromkeys(text + drawn):
            if ord(char) < 32 or char in BIDI_CONTROLS or all(ord(char) in m for m in cmaps):
                continue
            yield (char, f"character {char!r} (U+{ord(char):04X}) is not in font "
                         f"{self.display}", GLYPH_HINT)


Where = TypeVar("Where")


def missing_glyphs(texts: Iterable[tuple[Where, str]], coverage: Coverage,
                   locate: Callable[[Where, str, str], Problem]) -> list[Problem]:
    """One problem per (character, location) that the family cannot draw (`Coverage.faults`).

    `texts` pairs each text with where it came from; `locate(where, message, hint)` turns that
    into a located `Problem`, and is called only for a text with a fault.
    """
    problems: list[Problem] = []
    seen: set[tuple[str, str, int | None, int | None]] = set()
    for where, text in texts:
        for char, message, hint in coverage.faults(text):
            problem = locate(where, message, hint)
            key = (char, problem.file, problem.line, problem.col)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    return problems


def truetype_problem(path: Path, index: int = 0) -> str | None:
    """Why face `index` of `path` cannot be used as a TrueType font (reportlab's own words),
    or None."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        TTFontFile(str(path), subfontIndex=index)
    except Exception as exc:  # reportlab raises several kinds on a damaged file
        return str(exc)
    return None
