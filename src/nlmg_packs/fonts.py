"""Font files and what they can draw, shared by the input stage and the PDF renderer.

One glyph check (`missing_glyphs`) serves both the build's pre-check over a validated pack (which
names the YAML line of every text) and the PDF renderer's check over a composed document (which
also sees the school name and the renderer's furniture). reportlab is imported only inside
`truetype_problem`, so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from nlmg_packs.errors import Problem

GLYPH_HINT = "use a template font that has it (set `fonts:` in template.yaml)"

# Spacing characters many fonts lack; they print as the space the writer meant.
_SPACES = str.maketrans({"\u2007": "\u00a0", "\u2008": " ", "\u2009": " ", "\u200a": " ",
                         "\u202f": "\u00a0", "\u2002": " ", "\u2003": " ", "\u200b": ""})


def normalise(text: str) -> str:
    """`text` with exotic spaces replaced by ones every font has."""
    return text.translate(_SPACES)


@dataclass(frozen=True)
class Coverage:
    """What a font family can draw."""

    display: str
    """The name a teacher knows the font by (the regular file's stem)."""
    cmaps: tuple[frozenset[int], ...]
    """The code points each face maps to a glyph."""

    drawable: frozenset[str] = field(init=False, repr=False, compare=False)
    """The characters every face can draw, plus the control characters (never drawn)."""

    def __post_init__(self) -> None:
        common = frozenset.intersection(*self.cmaps).union(range(32))
        object.__setattr__(self, "drawable", frozenset(chr(c) for c in common))


Where = TypeVar("Where")


def missing_glyphs(texts: Iterable[tuple[Where, str]], coverage: Coverage,
                   locate: Callable[[Where, str, str], Problem]) -> list[Problem]:
    """One problem per (character, location) that some face of `coverage` cannot draw.

    `texts` pairs each text with where it came from; `locate(where, message, hint)` turns that
    into a located `Problem`, and is called only for a text with a missing character.
    """
    problems: list[Problem] = []
    seen: set[tuple[str, str, int | None, int | None]] = set()
    drawable = coverage.drawable
    for where, raw in texts:
        text = normalise(raw)
        if drawable.issuperset(text):  # the usual case, checked at C speed
            continue
        for char in text:
            if char in drawable:
                continue
            problem = locate(where, f"character {char!r} (U+{ord(char):04X}) is not in font "
                                    f"{coverage.display}", GLYPH_HINT)
            key = (char, problem.file, problem.line, problem.col)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    return problems


def truetype_problem(path: Path) -> str | None:
    """Why `path` cannot be used as a TrueType font (reportlab's own words), or None."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        TTFontFile(str(path))
    except Exception as exc:  # reportlab raises several kinds on a damaged file
        return str(exc)
    return None
