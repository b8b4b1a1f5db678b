"""Placeholders a starter pack leaves for the teacher, found where they are still left.

`nlmg-packs new` marks what the teacher must write with the word PLACEHOLDER (`REPLACE`), in
capitals: in a text (`name: REPLACE Narrator's name`, a cell `REPLACE with a question...`), or,
where the value cannot hold it (a year, a number of chapters, a theme name that reads like a
real one), in the comment after the value (`year: 2000  # REPLACE: the year...`). `validate`
warns about each one left, at its line and column (or cell); `validate --strict` refuses them.
"""

from __future__ import annotations

import re
from pathlib import Path

from nlmg_packs.errors import Problem
from nlmg_packs.pack.glyphs import pack_texts
from nlmg_packs.pack.loader import LineMap, display_path
from nlmg_packs.pack.pack import Pack

PLACEHOLDER = "REPLACE"
"""The word that marks a placeholder in the starter pack (`starter/`, the starter workbook)."""

_IN_TEXT = re.compile(rf"\b{PLACEHOLDER}\b")
_IN_COMMENT = re.compile(rf"^(?P<value>[^#]*?\S)?\s+(?P<comment>#\s*{PLACEHOLDER}\b.*)$")
"""A line with a value and a comment that starts with the marker (a quoted `#` in the value
ends the search: such a line holds no marker comment in the starter)."""
_SHOWN = 60
"""Characters of a placeholder quoted in its warning."""


def placeholders(pack: Pack) -> list[Problem]:
    """One warning per placeholder left in `pack`: a text holding the marker, at its YAML line
    and column or spreadsheet cell; a value line whose comment starts with it, at the comment.
    """
    found: list[Problem] = []
    for file, path, text in pack_texts(pack):
        if _IN_TEXT.search(text):
            shown = " ".join(text.split())
            shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
            lines = pack.lines.get(file) or LineMap(file)
            found.append(lines.problem(path, f"placeholder left: \u201c{shown}\u201d",
                                       "write your own text in its place, or delete the entry"))
    seen = {(p.file, p.line) for p in found}
    for name in sorted(pack.lines):
        yaml_file = Path(pack.folder) / name
        if yaml_file.is_file():
            found.extend(p for p in _comment_markers(yaml_file) if (p.file, p.line) not in seen)
    return found


def _comment_markers(path: Path) -> list[Problem]:
    """Value lines of the YAML file at `path` whose comment starts with the marker."""
    shown = display_path(path)
    found = []
    for number, line in enumerate(path.read_text("utf-8-sig").splitlines(), start=1):
        marked = _IN_COMMENT.match(line)
        if marked and marked.group("value") and not line.lstrip().startswith("#"):
            comment = marked.group("comment")
            found.append(Problem(shown, number, marked.start("comment") + 1,
                                 f"placeholder left: the comment says \u201c"
                                 f"{comment.lstrip('# ')[:_SHOWN]}\u201d",
                                 "write your own value on this line, then delete the comment"))
    return found
